"""`newsevents bench`: whole-pipeline throughput against bare spaCy on a corpus."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    from ..bench import DEFAULT_CORPUS

    p = sub.add_parser(
        "bench", help="articles/s and words/s of the pipeline against bare spaCy, and peak memory",
        description="Time bare spaCy parsing and the whole pipeline on the same corpus "
                    "(the issue's bar: pipeline >= 0.6x bare spaCy).",
    )
    p.add_argument("--corpus", type=Path, default=None,
                   help=f"JSONL corpus (default: {DEFAULT_CORPUS})")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="first N articles only")
    p.add_argument("--workers", type=int, nargs="+", default=[1, 2], metavar="N",
                   help="worker process counts to time, each a separate row (default: 1 2)")
    p.add_argument("--batch-size", type=int, default=32, help="nlp.pipe / process_batch batch size")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..bench import DEFAULT_CORPUS, run_bench
    from ..config import Config

    corpus = args.corpus or DEFAULT_CORPUS
    if not corpus.is_file():
        # A checkout without ../shared (e.g. CI) has nothing to measure: skip, do not fail.
        print(f"newsevents bench: skipped: corpus path {corpus} is absent (pass --corpus PATH)", file=sys.stderr)
        return 0
    if args.limit is not None and args.limit < 1:
        print("newsevents bench: --limit must be >= 1", file=sys.stderr)
        return 2
    report = run_bench(corpus, limit=args.limit, workers=args.workers, config=Config(batch_size=args.batch_size))
    print(json.dumps(report.as_dict(), indent=2) if args.json else report.format_table())
    return 0
