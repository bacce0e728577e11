"""Build a synthetic event store of N events (default 1M) for query benchmarks.

    .venv/bin/python benchmarks/make_synthetic_store.py /tmp/synthetic.duckdb --events 1000000

Rows are generated inside DuckDB (seconds, not minutes) with the real schema:
~4 events per article, 1-3 actors and 0-1 recipient per event, dates over
2015-2024 with the mix of precisions the extractor produces, a place for half
the events and evidence sentences where ~1% mention a ceasefire.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

COUNTRIES = ["USA", "CHN", "RUS", "UKR", "IRN", "ISR", "PSE", "SYR", "IRQ", "AFG", "IND", "PAK", "PRK", "KOR",
             "JPN", "FRA", "DEU", "GBR", "TUR", "SAU", "EGY", "NGA", "ETH", "SDN", "BRA", "MEX", "VEN", "COL"]
TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
WORDS = ["talks", "minister", "border", "troops", "agreement", "officials", "capital", "sanctions", "aid",
         "protesters", "police", "summit", "leaders", "forces", "government", "president", "attack", "envoy"]


def build(path: Path, events: int) -> None:
    import duckdb

    from newsevents.store import open as open_store

    if path.exists():
        path.unlink()
    open_store(path)
    con = duckdb.connect(str(path))
    n_articles = max(events // 4, 1)
    lst = lambda xs: "[" + ", ".join(f"'{x}'" for x in xs) + "]"  # noqa: E731
    con.execute("SET preserve_insertion_order = true")
    con.execute(f"""
        INSERT INTO articles
        SELECT 'a-' || lpad(i::VARCHAR, 16, '0'), 'syn-' || i, 'Title ' || i,
            strftime(DATE '2015-01-01' + (i * 3653 // {n_articles})::INTEGER, '%Y-%m-%d'),
            DATE '2015-01-01' + (i * 3653 // {n_articles})::INTEGER,
            'Outlet ' || (i % 50), 'https://news.test/' || i, 'en', NULL, NULL, 4, NULL, [], now()::TIMESTAMP
        FROM range({n_articles}) t(i)
    """)
    con.execute(f"""
        CREATE TEMP TABLE ev AS
        SELECT i, 'e-' || lpad(i::VARCHAR, 16, '0') AS event_id, 'a-' || lpad((i // 4)::VARCHAR, 16, '0') AS content_id,
            DATE '2015-01-01' + ((i // 4) * 3653 // {n_articles})::INTEGER AS pub,
            (hash(i) >> 1)::BIGINT AS h
        FROM range({events}) t(i)
    """)
    con.execute(f"""
        INSERT INTO events
        SELECT event_id, content_id, 'syn-' || (i // 4), (i % 4)::INTEGER,
            {lst(TYPES)}[1 + h % 16], CASE WHEN h % 3 = 0 THEN 'visit' END, ['diplomatic'],
            ['occurred', 'occurred', 'occurred', 'planned', 'possible', 'negated'][1 + (h >> 8) % 6],
            ['direct', 'attributed', 'attributed', 'reported'][1 + (h >> 12) % 4],
            {lst(WORDS)}[1 + (h >> 16) % 18], 0, 120,
            'The ' || {lst(WORDS)}[1 + (h >> 20) % 18] || ' of ' || {lst(COUNTRIES)}[1 + (h >> 24) % 28]
                || CASE WHEN (h >> 30) % 100 = 0 THEN ' agreed a ceasefire with the ' ELSE ' met the ' END
                || {lst(WORDS)}[1 + (h >> 36) % 18] || ' on ' || strftime(pub, '%B %d') || '.',
            CASE WHEN (h >> 40) % 5 = 0 THEN NULL WHEN (h >> 40) % 5 = 1 THEN strftime(pub, '%Y-%m')
                 ELSE strftime(pub + ((h >> 44) % 60)::INTEGER - 30, '%Y-%m-%d') END,
            NULL, NULL,
            CASE WHEN (h >> 40) % 5 = 0 THEN NULL WHEN (h >> 40) % 5 = 1 THEN date_trunc('month', pub)::DATE
                 ELSE pub + ((h >> 44) % 60)::INTEGER - 30 END,
            CASE WHEN (h >> 40) % 5 = 0 THEN NULL WHEN (h >> 40) % 5 = 1 THEN last_day(pub)
                 ELSE pub + ((h >> 44) % 60)::INTEGER - 30 END,
            0.5 + ((h >> 48) % 50) / 100.0, pub,
            NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
        FROM ev ORDER BY i
    """)
    con.execute(f"""
        INSERT INTO participants
        SELECT event_id, 'actor', k::INTEGER, c, CASE WHEN k = 0 THEN 'Leader of ' || c END, c, 'GOV'
        FROM (SELECT event_id, k, {lst(COUNTRIES)}[1 + ((h >> (k * 5)) % 28)] AS c
              FROM ev, range(3) r(k) WHERE k <= h % 3)
        UNION ALL
        SELECT event_id, 'recipient', 0, c, NULL, c, 'GOV'
        FROM (SELECT event_id, {lst(COUNTRIES)}[1 + ((h >> 17) % 28)] AS c FROM ev WHERE h % 4 <> 0)
    """)
    con.execute("INSERT INTO attributions SELECT event_id, 0, 'officials', 'Reuters' FROM ev WHERE h % 2 = 0")
    con.execute(f"""
        INSERT INTO places SELECT event_id, 'City ' || (h % 500), {lst(COUNTRIES)}[1 + ((h >> 22) % 28)],
            'City ' || (h % 500), 1000 + h % 500, 0.0, 0.0 FROM ev WHERE (h >> 2) % 2 = 0
    """)
    # the events table's read copies of participants, attributions and place (as ingest writes them)
    con.execute("""
        UPDATE events SET actor = g.actor, recipient = g.recipient, actor_countries = g.ac,
            recipient_countries = g.rc
        FROM (SELECT event_id,
                list(struct_pack(text := text, name := name, country := country, sector := sector)
                     ORDER BY position) FILTER (WHERE role = 'actor') AS actor,
                coalesce(list(struct_pack(text := text, name := name, country := country, sector := sector)
                     ORDER BY position) FILTER (WHERE role = 'recipient'), []) AS recipient,
                list_distinct(list(country) FILTER (WHERE role = 'actor')) AS ac,
                coalesce(list_distinct(list(country) FILTER (WHERE role = 'recipient')), []) AS rc
              FROM participants GROUP BY event_id) g
        WHERE g.event_id = events.event_id
    """)
    con.execute("UPDATE events SET attribution = [] WHERE TRUE")
    con.execute("""UPDATE events SET attribution = [struct_pack(source := a.source, via := a.via)]
                   FROM attributions a WHERE a.event_id = events.event_id""")
    con.execute("""UPDATE events SET place_name = p.name, place_country = p.country, place_text = p.text,
                   place_geonameid = p.geonameid, place_lat = p.lat, place_lon = p.lon
                   FROM places p WHERE p.event_id = events.event_id""")
    con.execute("CHECKPOINT")
    con.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--events", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    build(args.path, args.events)
    print(f"built {args.events:,} events in {time.perf_counter() - start:.1f} s -> {args.path} "
          f"({args.path.stat().st_size / 1e6:.0f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
