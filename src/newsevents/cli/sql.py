"""`newsevents sql`: run SQL against the event database (read-only)."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any

from .events import add_db_options, guarded


def register(sub: Any) -> None:
    p = sub.add_parser("sql", help="run a read-only SQL query on the event database",
                       description="Run SQL on the event database (tables: articles, events, participants, "
                                   "attributions, places, errors; see docs/store.md). The connection is "
                                   "read-only, so a query cannot change the data.")
    add_db_options(p)
    p.add_argument("query", help="SQL text")
    p.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    p.set_defaults(func=guarded(run))


def run(args: argparse.Namespace) -> int:
    from ..store import open as open_store

    db = open_store(args.db, read_only=True, wait=args.wait)
    table = db.sql(args.query).to_arrow()
    rows = table.to_pylist()
    names = table.column_names
    if args.format == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(names)
        writer.writerows([[row[n] for n in names] for row in rows])
    else:
        cells = [[("" if row[n] is None else str(row[n])).replace("\n", " ") for n in names] for row in rows]
        widths = [min(max([len(n)] + [len(c[i]) for c in cells]), 60) for i, n in enumerate(names)]
        print("  ".join(n.ljust(w) for n, w in zip(names, widths)))
        print("  ".join("-" * w for w in widths))
        for c in cells:
            print("  ".join(v[:w].ljust(w) for v, w in zip(c, widths)))
    return 0
