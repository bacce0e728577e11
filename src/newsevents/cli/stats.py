"""`newsevents stats`: what is in the event database."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .events import add_db_options, guarded


def register(sub: Any) -> None:
    p = sub.add_parser("stats", help="counts and distributions of the event database")
    add_db_options(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=guarded(run))


def run(args: argparse.Namespace) -> int:
    from ..store import open as open_store

    s = open_store(args.db, read_only=True, wait=args.wait).stats()
    if args.format == "json":
        print(json.dumps(s, indent=2, default=str))
        return 0
    c = s["counts"]
    out = sys.stdout
    out.write(f"{s['path']}  (schema v{s['schema_version']}, {s['size_bytes'] / 1e6:.1f} MB)\n")
    out.write(f"articles {c['articles']:,}  (without events {s['articles_without_events']:,}, "
              f"skipped {s['articles_skipped']:,})\n")
    out.write(f"events {c['events']:,}  participants {c['participants']:,}  attributions {c['attributions']:,}  "
              f"places {c['places']:,}  errors {c['errors']:,}\n")
    out.write(f"event dates {s['event_dates'][0]} .. {s['event_dates'][1]}  (undated {s['events_without_date']:,}); "
              f"published {s['published'][0]} .. {s['published'][1]}\n")
    for title, key in (("by type", "by_type"), ("by status", "by_status"), ("by sourcing", "by_sourcing"),
                       ("top actor countries", "top_actor_countries"), ("errors", "errors_by_kind")):
        if s[key]:
            out.write(f"{title}: " + ", ".join(" ".join(str(v) for v in row[:-1] if v) + f" {row[-1]:,}"
                                               for row in s[key]) + "\n")
    return 0
