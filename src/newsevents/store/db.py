"""EventStore: the event database behind `newsevents.store.open`.

The object holds a path, not a connection: each call opens a short-lived
connection (see connect.py), so a long-running reader such as the web app never
locks an ingest out for longer than one query.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import StoreError
from . import schema
from .connect import WRITER_SETTINGS, connection
from .query import Filters, count_sql, events_sql
from .result import EventResult, SqlResult
from .rows import BatchRows

# `present` asks for at most this many ids at a time. DuckDB looks a short IN list up in the
# unique index on content_id (a few index paths per id); from 51 values on
# (dynamic_or_filter_threshold) it joins instead and reads every stored id, which cost the
# writer ~18 MB at 130k articles for 256 ids, and more as the store grows.
LOOKUP_CHUNK = 32
PRESENT_SQL = "SELECT content_id FROM articles WHERE content_id = ANY(?)"
_TABLES = ("articles", "events", "participants", "attributions", "places", "errors")


@dataclass(frozen=True, slots=True)
class WriteResult:
    articles: int
    events: int
    duplicates: int
    errors: int


@dataclass(frozen=True, slots=True)
class EventStore:
    path: Path
    read_only: bool = False
    wait: float = 5.0

    def connect(self, *, wait: float | None = None) -> Any:
        """A context-managed DuckDB connection in this store's mode (for power users and tools)."""
        return connection(self.path, read_only=self.read_only, wait=self.wait if wait is None else wait)

    def _write_connection(self, wait: float | None) -> Any:
        # An ingest's per-batch connections: small work, so WRITER_SETTINGS keep them lean.
        return connection(self.path, read_only=self.read_only, wait=self.wait if wait is None else wait,
                          settings=WRITER_SETTINGS)

    # -- writing -------------------------------------------------------------------------

    def present(self, content_ids: Iterable[str], *, wait: float | None = None) -> set[str]:
        """Which of these content ids are already stored."""
        ids = list(dict.fromkeys(content_ids))
        if not ids:
            return set()
        found: set[str] = set()
        with self._write_connection(wait) as con:
            for i in range(0, len(ids), LOOKUP_CHUNK):
                found.update(r[0] for r in con.execute(PRESENT_SQL, [ids[i:i + LOOKUP_CHUNK]]).fetchall())
        return found

    def write(self, rows: BatchRows, *, wait: float | None = None) -> WriteResult:
        """Insert one batch in one transaction; articles already stored are left as they are."""
        if self.read_only:
            raise StoreError("the event database was opened read-only; open it with read_only=False to write",
                             source=str(self.path))
        import pyarrow as pa

        tables = rows.tables()
        with self._write_connection(wait) as con:
            for name, table in tables.items():
                con.register(f"new_{name}", table)
            con.execute("BEGIN TRANSACTION")
            try:
                # Articles new to the store (first copy if the batch repeats one); everything
                # else in the batch hangs off them. The unique index on content_id decides
                # what is new, so a batch touches only its own keys: an anti join with the
                # articles table read every stored id (+22 MB for one write at 130k articles).
                inserted = con.execute("""
                    INSERT OR IGNORE INTO articles
                    SELECT * FROM new_articles QUALIFY row_number() OVER (PARTITION BY content_id) = 1
                    RETURNING content_id
                """).fetchall()
                n_articles = len(inserted)
                con.register("fresh", pa.table({"content_id": pa.array([r[0] for r in inserted], pa.string())}))
                con.execute("""
                    CREATE TEMP TABLE fresh_events AS
                    SELECT DISTINCT n.event_id FROM new_events n SEMI JOIN fresh f ON f.content_id = n.content_id
                """)
                con.execute("""
                    INSERT INTO events SELECT n.* FROM new_events n SEMI JOIN fresh_events f ON f.event_id = n.event_id
                    QUALIFY row_number() OVER (PARTITION BY n.event_id) = 1
                """)
                n_events = con.execute("SELECT count(*) FROM fresh_events").fetchone()[0]
                for name in ("participants", "attributions", "places"):
                    con.execute(
                        f"INSERT INTO {name} SELECT n.* FROM new_{name} n "
                        "SEMI JOIN fresh_events f ON f.event_id = n.event_id"
                    )
                before = con.execute("SELECT count(*) FROM errors").fetchone()[0]
                con.execute("""
                    INSERT INTO errors SELECT n.* FROM new_errors n
                    ANTI JOIN errors x ON x.error_id = n.error_id
                    QUALIFY row_number() OVER (PARTITION BY n.error_id) = 1
                """)
                n_errors = con.execute("SELECT count(*) FROM errors").fetchone()[0] - before
                con.execute("DROP TABLE fresh_events")
                con.execute("COMMIT")
            except Exception:
                con.execute("ROLLBACK")
                raise
        total = tables["articles"].num_rows
        return WriteResult(articles=n_articles, events=n_events, duplicates=total - n_articles, errors=n_errors)

    # -- reading -------------------------------------------------------------------------

    def events(self, filters: Filters | None = None, *, limit: int | None = None, offset: int = 0,
               **kwargs: Any) -> EventResult:
        """Events matching the filters (see Filters.of for the keywords), ordered by event date."""
        f = filters if filters is not None else Filters.of(**kwargs)
        sql, params = events_sql(f, limit=limit, offset=offset)
        with self.connect() as con:
            table = con.sql(sql, params=params).to_arrow_table()
            if limit is None and offset == 0:
                total = table.num_rows
            else:
                csql, cparams = count_sql(f)
                total = con.execute(csql, cparams).fetchone()[0]
        return EventResult(table=table, total=int(total))

    def count(self, filters: Filters | None = None, **kwargs: Any) -> int:
        f = filters if filters is not None else Filters.of(**kwargs)
        sql, params = count_sql(f)
        with self.connect() as con:
            return int(con.execute(sql, params).fetchone()[0])

    def sql(self, query: str, params: list[Any] | None = None) -> SqlResult:
        """Run any SQL in this store's mode (a read-only store cannot be changed by it)."""
        import duckdb

        with self.connect() as con:
            try:
                table = con.sql(query, params=params or None).to_arrow_table()
            except duckdb.Error as exc:
                raise StoreError(f"SQL failed: {exc}", source=str(self.path)) from exc
        return SqlResult(table=table)

    def stats(self) -> dict[str, Any]:
        """Counts and distributions a user checks first after an ingest."""
        with self.connect() as con:
            counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in _TABLES}

            def pairs(q: str) -> list[list[Any]]:
                return [list(r) for r in con.execute(q).fetchall()]

            out: dict[str, Any] = {
                "path": str(self.path),
                "schema_version": schema.current_version(con),
                "size_bytes": os.path.getsize(self.path),
                "counts": counts,
                "articles_skipped": con.execute("SELECT count(*) FROM articles WHERE skipped IS NOT NULL").fetchone()[0],
                "articles_without_events": con.execute("SELECT count(*) FROM articles WHERE n_events = 0").fetchone()[0],
                "by_type": pairs("SELECT type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1"),
                "by_status": pairs("SELECT status, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1"),
                "by_sourcing": pairs("SELECT sourcing, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1"),
                "top_actor_countries": pairs(
                    "SELECT country, count(DISTINCT event_id) FROM participants WHERE role = 'actor' "
                    "AND country IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10"
                ),
                "event_dates": [str(v) if v is not None else None for v in con.execute(
                    "SELECT min(date_start), max(date_end), count(*) FILTER (WHERE date_value IS NULL) FROM events"
                ).fetchone()[:2]],
                "events_without_date": con.execute(
                    "SELECT count(*) FROM events WHERE date_value IS NULL").fetchone()[0],
                "published": [str(v) if v is not None else None for v in con.execute(
                    "SELECT min(published_date), max(published_date) FROM articles").fetchone()],
                "errors_by_kind": pairs("SELECT kind, coalesce(code, ''), count(*) FROM errors GROUP BY 1, 2 ORDER BY 3 DESC"),
            }
        return out

    def export(self, fmt: str, out: str | os.PathLike[str], filters: Filters | None = None, **kwargs: Any) -> list[Path]:
        """Write the selected events as parquet, csv, jsonl, plover or cameo; returns the files written."""
        from .export import export

        return export(self, fmt, os.fspath(out), filters if filters is not None else Filters.of(**kwargs))


def open_store(path: str | os.PathLike[str], read_only: bool = False, *, wait: float = 5.0) -> EventStore:
    """Open (and, writable, create or migrate) the event database at `path`.

    No connection stays open: the returned EventStore connects per call. Raises
    StoreBusy when another process holds the file for longer than `wait` seconds.
    """
    p = Path(path).expanduser().resolve()
    store = EventStore(path=p, read_only=read_only, wait=wait)
    if read_only:
        if not p.exists():
            raise StoreError("no event database here; create one with `newsevents ingest --db PATH`", source=str(p))
        with store.connect() as con:
            version = schema.current_version(con)
        if version < schema.SCHEMA_VERSION:
            raise StoreError(
                f"database schema is version {version}, this newsevents needs {schema.SCHEMA_VERSION}; "
                "open it once writable (any `newsevents ingest`) to migrate it", source=str(p))
    else:
        p.parent.mkdir(parents=True, exist_ok=True)
        with store.connect() as con:
            version = schema.current_version(con)
            if version < schema.SCHEMA_VERSION:
                schema.migrate(con)
    if version > schema.SCHEMA_VERSION:
        raise StoreError(
            f"database schema is version {version}, newer than this newsevents supports "
            f"({schema.SCHEMA_VERSION}); upgrade newsevents", source=str(p))
    return store
