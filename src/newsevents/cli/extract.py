"""`newsevents extract`: articles in (files, folders, stdin), event records out."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from ..config import Config
from ..records import Article, ArticleEvents, article_events_to_dict

EPILOG = """\
examples:
  newsevents extract article.txt --published 2023-10-06 --outlet "Dong-A Ilbo"
  newsevents extract page.html                      # HTML: body, title, date and site name
  newsevents extract articles.jsonl -o events.jsonl
  cat article.txt | newsevents extract - --published 2023-10-06 --format table

Exit status: 0 when at least one article was processed, 1 when none could be,
2 on a usage or configuration error. Unreadable inputs are reported on stderr
and the rest are processed.
"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "extract", help="extract event records from articles",
        description="Extract sourced, dated PLOVER event records from news articles.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="text, HTML, article JSONL, RSS/Atom feed, a folder of these, or - for stdin")
    parser.add_argument("--published", help="publication date (YYYY-MM-DD) for inputs that lack one")
    parser.add_argument("--outlet", help="outlet name for inputs that lack one")
    parser.add_argument("--title", help="title for inputs that lack one")
    parser.add_argument("-o", "--output", metavar="FILE", help="write records here instead of stdout")
    parser.add_argument("--format", choices=("jsonl", "json", "table"), default="jsonl",
                        help="jsonl: one object per article (default); json: one JSON document; "
                             "table: a readable table")
    parser.add_argument("--batch-size", type=int, default=32, help="articles per parsing batch")
    parser.add_argument("--min-confidence", type=float, default=0.0, help="drop events scored below this")
    parser.set_defaults(func=run)


def _articles(args: argparse.Namespace, problems: list[str]) -> Iterator[Article]:
    from ..ingest.readers import ReadProblem, iter_inputs

    for item in iter_inputs(args.inputs, published=args.published, outlet=args.outlet, title=args.title):
        if isinstance(item, ReadProblem):
            print(f"newsevents extract: {item.level}: {item}", file=sys.stderr)
            if item.level == "error":
                problems.append(str(item))
            continue
        yield item


def _batches(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def format_table(result: ArticleEvents) -> str:
    """A readable table of one article's events."""
    lines = [f"== {result.article_id} (published {result.published or 'unknown'})"]
    if result.skipped:
        lines.append(f"   skipped: {result.skipped}")
        return "\n".join(lines)
    if not result.events:
        lines.append("   no events")
    for ev in result.events:
        def side(entities) -> str:
            return ", ".join(e.name or e.country or e.text for e in entities) or "-"
        date = f"{ev.date.value}{'~' + ev.date.mod if ev.date.mod else ''}" if ev.date else "-"
        place = ev.place.name if ev.place else "-"
        source = "; ".join(" via ".join(x for x in (a.source, a.via) if x) for a in ev.attribution)
        lines.append(
            f"   {ev.type:<9} {(ev.mode or ''):<12} {ev.status:<8} {side(ev.actor)[:28]:<28} -> "
            f"{side(ev.recipient)[:24]:<24} {date:<12} {place[:16]:<16} \"{ev.trigger}\""
            + (f"  [{ev.sourcing}: {source}]" if source else (f"  [{ev.sourcing}]" if ev.sourcing != "direct"
                                                              else ""))
        )
    return "\n".join(lines)


def _write(results: list[ArticleEvents], fmt: str, out: TextIO, collected: list[dict]) -> None:
    for result in results:
        if fmt == "jsonl":
            out.write(json.dumps(article_events_to_dict(result), ensure_ascii=False) + "\n")
        elif fmt == "table":
            out.write(format_table(result) + "\n")
        else:
            collected.append(article_events_to_dict(result))
        for warning in result.warnings:
            print(f"newsevents extract: warning: {result.article_id}: {warning}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from ..pipeline import process_batch

    config = Config(batch_size=args.batch_size, min_confidence=args.min_confidence)
    problems: list[str] = []
    processed = 0
    collected: list[dict] = []
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        for batch in _batches(_articles(args, problems), config.batch_size):
            results = process_batch(batch, config)
            processed += sum(1 for r in results if not r.skipped)
            for r in results:
                if r.skipped:
                    print(f"newsevents extract: skipped {r.article_id}: {r.skipped}", file=sys.stderr)
            _write(results, args.format, out, collected)
        if args.format == "json":
            doc: Any = collected[0] if len(collected) == 1 else collected
            out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    finally:
        if args.output:
            out.close()
    if processed == 0:
        print("newsevents extract: no article could be processed"
              + (f" ({len(problems)} input problems)" if problems else ""), file=sys.stderr)
        return 1
    return 0
