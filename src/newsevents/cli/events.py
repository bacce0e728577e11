"""`newsevents events`: query stored events (and the store commands' shared options)."""

from __future__ import annotations

import argparse
import csv
import functools
import json
import sys
from collections.abc import Callable
from typing import Any

from ..errors import NewsEventsError, StoreBusy

EXIT_BUSY = 3


def add_db_options(parser: argparse.ArgumentParser, *, wait: float = 5.0) -> None:
    parser.add_argument("--db", required=True, help="event database file (DuckDB)")
    parser.add_argument("--wait", type=float, default=wait, metavar="SECONDS",
                        help=f"how long to wait while another process holds the database (default {wait:g})")
    parser.add_argument("--json", action="store_true", help="errors as JSON objects on stderr")


def guarded(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Store errors as one line (or one JSON object with --json); a busy database exits 3."""

    @functools.wraps(func)
    def run(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except NewsEventsError as exc:
            if getattr(args, "json", False):
                print(json.dumps(exc.to_dict()), file=sys.stderr)
            else:
                print(f"newsevents {args.command}: error {exc.code}: {exc}", file=sys.stderr)
            return EXIT_BUSY if isinstance(exc, StoreBusy) else 2

    return run


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("filters (comma-separated values are OR-ed; filters are AND-ed)")
    g.add_argument("--actor", help="actor ISO3 country (USA) or name substring (Biden)")
    g.add_argument("--recipient", help="recipient ISO3 country or name substring")
    g.add_argument("--type", help="PLOVER type(s): CONSULT,ASSAULT")
    g.add_argument("--mode", help="PLOVER mode(s)")
    g.add_argument("--status", help="occurred, planned, possible, negated")
    g.add_argument("--sourcing", help="direct, attributed, reported")
    g.add_argument("--since", help="event date interval ends on/after this day (YYYY[-MM[-DD]])")
    g.add_argument("--until", help="event date interval starts on/before this day")
    g.add_argument("--published-since", help="article published on/after this day")
    g.add_argument("--published-until", help="article published on/before this day")
    g.add_argument("--place-country", help="ISO3 country of the event's place")
    g.add_argument("--text", help="case-insensitive substring of the evidence sentence or trigger")
    g.add_argument("--article-id", help="article id(s)")
    g.add_argument("--min-confidence", type=float)


def filters_from(args: argparse.Namespace) -> Any:
    from ..store import Filters

    return Filters.of(
        actor=args.actor, recipient=args.recipient, type=args.type, mode=args.mode, status=args.status,
        sourcing=args.sourcing, since=args.since, until=args.until, published_since=args.published_since,
        published_until=args.published_until, place_country=args.place_country, text=args.text,
        article_id=args.article_id, min_confidence=args.min_confidence,
    )


def register(sub: Any) -> None:
    p = sub.add_parser("events", help="query stored events",
                       description="Query events in an event database; newest filters first, ordered by event date.")
    add_db_options(p)
    add_filter_options(p)
    p.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    p.add_argument("--limit", type=int, default=None,
                   help="at most this many events (default: 50 for table, all otherwise)")
    p.add_argument("--offset", type=int, default=0)
    p.set_defaults(func=guarded(run))


def _names(entities: list[dict[str, Any]]) -> str:
    return "; ".join(e.get("country") or e.get("name") or e.get("text") or "?" for e in entities)


def _date(r: dict[str, Any]) -> str:
    d = r.get("date")
    if not d:
        return ""
    return d["value"] + (f" ({d['mod']})" if d.get("mod") else "")


def run(args: argparse.Namespace) -> int:
    from ..store import open as open_store

    db = open_store(args.db, read_only=True, wait=args.wait)
    f = filters_from(args)
    limit = args.limit if args.limit is not None else (50 if args.format == "table" else None)
    result = db.events(f, limit=limit, offset=args.offset)
    out = sys.stdout
    if args.format == "jsonl":
        for record in result.records():
            out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    elif args.format == "csv":
        writer = csv.writer(out)
        writer.writerow(["event_id", "article_id", "published", "type", "mode", "status", "sourcing", "date",
                         "date_start", "date_end", "actor", "recipient", "place", "place_country", "trigger",
                         "evidence", "attribution", "confidence"])
        for r, row in zip(result.records(), result.table.to_pylist(), strict=True):
            writer.writerow([
                r["event_id"], r["article_id"], r["published"], r["type"], r["mode"] or "", r["status"],
                r["sourcing"], _date(r), row["date_start"] or "", row["date_end"] or "",
                _names(r["actor"]), _names(r["recipient"]), (r["place"] or {}).get("name", ""),
                (r["place"] or {}).get("country", ""), r["trigger"], r["evidence_text"] or "",
                "; ".join(" via ".join(x for x in (a.get("source"), a.get("via")) if x) for a in r["attribution"]),
                r["confidence"],
            ])
    else:
        rows = [[r["type"] + (f"/{r['mode']}" if r["mode"] else ""), r["status"], _date(r), _names(r["actor"]),
                 _names(r["recipient"]), (r["place"] or {}).get("name", ""), r["sourcing"],
                 (r["evidence_text"] or "").replace("\n", " ")[:70]] for r in result.records()]
        headers = ["type", "status", "date", "actor", "recipient", "place", "sourcing", "evidence"]
        widths = [min(max([len(h)] + [len(str(row[i])) for row in rows]), 70) for i, h in enumerate(headers)]
        out.write("  ".join(h.ljust(w) for h, w in zip(headers, widths)) + "\n")
        out.write("  ".join("-" * w for w in widths) + "\n")
        for row in rows:
            out.write("  ".join(str(v)[:w].ljust(w) for v, w in zip(row, widths)) + "\n")
        if result.total > len(result):
            print(f"({len(result)} of {result.total} events shown; use --limit/--offset or --format jsonl)",
                  file=sys.stderr)
    return 0
