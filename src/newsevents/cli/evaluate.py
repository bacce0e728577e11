"""`newsevents evaluate`: score the extractor (or a saved output) against gold events."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import Article

EPILOG = """\
examples:
  newsevents evaluate gold.jsonl --articles articles.jsonl           run the extractor, then score
  newsevents evaluate gold.jsonl --articles articles.jsonl --save-system out.jsonl
  newsevents evaluate gold.jsonl --system out.jsonl --errors          score a saved output, list errors
  newsevents evaluate gold.jsonl --system out.jsonl --json            machine-readable report
  newsevents evaluate --dataset plv --limit 200                       a peer gold set (docs/scoreboard.md)

The scoring rules are those of docs/event-record.md ("Scoring"); docs/evaluate.md
defines every figure. Bad input files exit with status 2.
"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "evaluate",
        help="score system events against gold events",
        description="Score system events against gold events (event F1, attribute accuracy, "
                    "status-aware F1), per type and per field.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("gold", metavar="GOLD.jsonl", nargs="?",
                        help="gold events, one object per article (not with --dataset)")
    parser.add_argument("--dataset", metavar="NAME",
                        help="score on a peer gold set instead: plv, plover-gsr, timeml, meantime, polnear, "
                             "geo-lgl, geo-geowebnews, conflibert-cameo, dev, seed (read from ../shared/data)")
    parser.add_argument("--path", metavar="PATH", help="with --dataset: where the set lives")
    parser.add_argument("--limit", type=int, metavar="N", help="with --dataset: score the first N items")
    parser.add_argument("--system", metavar="SYSTEM.jsonl",
                        help="score this saved system output instead of running the extractor")
    parser.add_argument("--articles", metavar="ARTICLES.jsonl",
                        help="articles to run the extractor on (with --system: only used to show "
                             "evidence sentences in --errors)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON on stdout")
    parser.add_argument("--errors", action="store_true",
                        help="append the per-article diagnostics (missed, invented, disagreeing events)")
    parser.add_argument("--save-system", metavar="FILE",
                        help="write the extractor's output (JSONL), to re-score later with --system")
    parser.set_defaults(func=run)


def read_articles(path: str | Path) -> dict[str, Article]:
    """Articles JSONL -> {id: Article}; unknown fields (e.g. `origin`) are ignored."""
    from ..evaluate.scoring import read_jsonl

    names = {f.name for f in dataclasses.fields(Article)}
    articles: dict[str, Article] = {}
    for lineno, obj in read_jsonl(path):
        source = f"{path}:{lineno}"
        if not isinstance(obj, dict) or not all(isinstance(obj.get(k), str) for k in ("id", "text")):
            raise InputError("expected an article object with string `id` and `text`", source=source)
        if obj["id"] in articles:
            # Gold is keyed by article id: two texts under one id cannot both be scored.
            raise InputError(f"duplicate article id {obj['id']!r}", source=source)
        articles[obj["id"]] = Article(**{k: v for k, v in obj.items() if k in names})
    return articles


def _run_dataset(args: argparse.Namespace) -> int:
    from ..evaluate.datasets import DatasetMissing, DatasetUnavailable, run_dataset

    try:
        result = run_dataset(args.dataset, path=args.path, limit=args.limit)
    except KeyError as exc:
        print(f"newsevents evaluate: {exc.args[0]}", file=sys.stderr)
        return 2
    except (DatasetMissing, DatasetUnavailable) as exc:
        print(f"newsevents evaluate: {exc}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(result.as_dict(), sys.stdout, indent=2, ensure_ascii=False, default=str)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(result.format_table() + "\n")
    return 0


def run(args: argparse.Namespace) -> int:
    from ..evaluate.scoring import score_against_file, score_files

    if args.dataset is not None:
        return _run_dataset(args)
    if args.gold is None:
        print("newsevents evaluate: give GOLD.jsonl or --dataset NAME", file=sys.stderr)
        return 2
    if args.system is None and args.articles is None:
        print("newsevents evaluate: give --system SYSTEM.jsonl or --articles ARTICLES.jsonl", file=sys.stderr)
        return 2
    if args.save_system and args.system is not None:
        print("newsevents evaluate: --save-system writes the extractor's output; it needs --articles "
              "without --system", file=sys.stderr)
        return 2

    articles = read_articles(args.articles) if args.articles else None
    if args.system is not None:
        report = score_files(args.gold, args.system)
    else:
        from ..pipeline import process_batch
        from ..records import article_events_to_dict

        assert articles is not None
        system = [article_events_to_dict(r) for r in process_batch(articles.values())]
        if args.save_system:
            try:
                with open(args.save_system, "w", encoding="utf-8") as out:
                    for row in system:
                        out.write(json.dumps(row, ensure_ascii=False) + "\n")
            except OSError as exc:
                raise InputError(f"cannot write system output: {exc.strerror}",
                                 source=args.save_system) from exc
        report = score_against_file(args.gold, system)

    for warning in report.warnings:
        print("warning: " + warning, file=sys.stderr)
    if args.json:
        json.dump(report.as_dict(diagnostics=args.errors), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(report.format_table())
        if args.errors:
            sys.stdout.write("\n" + report.diagnostics(articles))
    return 0
