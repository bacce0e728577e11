"""`newsevents export`: write stored events as parquet, csv, jsonl, plover or cameo."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .events import add_db_options, add_filter_options, filters_from, guarded


def register(sub: Any) -> None:
    p = sub.add_parser("export", help="export events (parquet, csv, jsonl, plover, cameo)",
                       description="Export events. parquet: hive-partitioned by event month; jsonl: the record "
                                   "format, one object per article; plover: PLOVER JSON (future cooperation "
                                   "as AGREE); cameo: GDELT-layout TSV. plover and cameo leave out negated "
                                   "events unless --status asks for them; cameo keeps only occurred events "
                                   "and intended cooperation (as AGREE) by default.")
    add_db_options(p, wait=30.0)
    p.add_argument("--format", required=True, choices=("parquet", "csv", "jsonl", "plover", "cameo"))
    p.add_argument("-o", "--output", required=True, help="output folder (or file, except for parquet)")
    add_filter_options(p)
    p.set_defaults(func=guarded(run))


def run(args: argparse.Namespace) -> int:
    from ..store import open as open_store

    db = open_store(args.db, read_only=True, wait=args.wait)
    files = db.export(args.format, args.output, filters_from(args))
    print(f"wrote {len(files)} file(s) under {args.output}", file=sys.stderr)
    for f in files:
        print(f)
    return 0
