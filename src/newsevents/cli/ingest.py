"""`newsevents ingest`: extract events from inputs into the event database."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from .events import add_db_options, guarded


def register(sub: Any) -> None:
    p = sub.add_parser("ingest", help="extract events from files, folders, JSONL, HTML, feeds into a database",
                       description="Extract events and store them. Re-running skips articles already stored, "
                                   "so an interrupted ingest resumes where it stopped.")
    p.add_argument("inputs", nargs="+", help="files, folders, or - for stdin")
    add_db_options(p, wait=120.0)
    p.add_argument("--workers", type=int, default=1, help="extraction processes (1: in this process)")
    p.add_argument("--batch-size", type=int, default=32, help="articles per batch (one transaction each)")
    p.add_argument("--limit", type=int, default=None, help="stop after this many articles")
    p.add_argument("--published", help="publication date for inputs without one (YYYY-MM-DD)")
    p.add_argument("--outlet", help="outlet for inputs without one")
    p.add_argument("--quiet", action="store_true", help="no progress line")
    p.set_defaults(func=guarded(run))


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    m, s = divmod(int(seconds), 60)
    h, m = divmod(m, 60)
    return f"{h}h{m:02d}m" if h else f"{m}m{s:02d}s"


def run(args: argparse.Namespace) -> int:
    from ..config import Config
    from ..store.ingest import ingest

    last = [0.0]

    def show(p: Any) -> None:
        now = time.monotonic()
        if args.quiet or now - last[0] < 0.5:
            return
        last[0] = now
        total = f"/{p.total:,}" if p.total else ""
        done = p.read - p.pending
        sys.stderr.write(
            f"\r{done:,}{total} articles  {p.rate:.1f} art/s  stored {p.stored:,}  events {p.events:,}  "
            f"already there {p.present:,}  errors {p.errors:,}  ETA {_duration(p.eta)}   "
        )
        sys.stderr.flush()

    config = Config(batch_size=args.batch_size, workers=args.workers)
    report = ingest(args.inputs, args.db, config=config, workers=args.workers, limit=args.limit, wait=args.wait,
                    on_progress=show, published=args.published, outlet=args.outlet)
    p = report.progress
    if not args.quiet:
        sys.stderr.write("\n")
    print(f"ingested {p.read:,} articles in {_duration(p.elapsed)}: stored {p.stored:,} new, "
          f"{p.present:,} already there, {p.events:,} events, {p.errors:,} errors -> {report.db}", file=sys.stderr)
    if report.error_summary:
        print("errors: " + ", ".join(f"{kind} {code} x{n}".replace("  ", " ") for kind, code, n in report.error_summary),
              file=sys.stderr)
        for err in report.error_examples[:5]:
            where = err.source or err.article_id or ""
            print(f"  {err.kind}: {where}: {err.message}", file=sys.stderr)
        print(f"  (all in the errors table: newsevents sql --db {args.db} \"select * from errors\")", file=sys.stderr)
    return 0
