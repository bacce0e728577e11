"""Exports: Parquet (hive-partitioned by event month), CSV, JSONL (the record
format, one object per article), PLOVER/POLECAT-style JSON and GDELT-layout CAMEO TSV.

Every export first copies its selection to a temporary Parquet file with DuckDB
and lets go of the database; the slower Python-side formatting then runs
without holding the file, so an ingest waiting to write is not kept out.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from .coding import QUAD, cameo_code, plover_type, score
from .query import Filters, events_sql
from .result import row_to_record

if TYPE_CHECKING:
    from .db import EventStore

FORMATS = ("parquet", "csv", "jsonl", "plover", "cameo")
_SUFFIX = {"csv": "events.csv", "jsonl": "events.jsonl", "plover": "events.plover.jsonl", "cameo": "events.cameo.tsv"}


def _selection_sql(f: Filters) -> tuple[str, list[Any]]:
    sql, params = events_sql(f)
    return f"""
SELECT s.*, a.title, a.outlet, a.url, a.published, a.ingested_at,
    s.evidence_start < coalesce(nullif(strpos(a.text, chr(10)), 0) - 1, length(a.text)) AS in_lead,
    coalesce(strftime(coalesce(s.date_start, s.date_end), '%Y-%m'), 'undated') AS event_month
FROM ({sql}) s JOIN articles a ON a.content_id = s.content_id
""", params


def _flat_sql(inner: str) -> str:
    def names(side: str, key: str) -> str:
        return f"array_to_string(list_transform({side}, lambda x: coalesce(x.{key}, '')), ';') AS {side}_{key}"

    return f"""
SELECT event_id, article_id, published, outlet, url, title, type, mode, array_to_string(context, ';') AS context,
    status, sourcing, date_value, date_mod, date_text, date_start, date_end,
    {names('actor', 'country')}, {names('actor', 'name')}, {names('actor', 'text')}, {names('actor', 'sector')},
    {names('recipient', 'country')}, {names('recipient', 'name')}, {names('recipient', 'text')},
    {names('recipient', 'sector')},
    array_to_string(list_transform(attribution, lambda x: concat_ws(' via ', x.source, x.via)), ';') AS attribution,
    place_name, place_country, place_geonameid, place_lat, place_lon,
    trigger, evidence_start, evidence_end, evidence_text, confidence
FROM ({inner})
"""


def _target(raw: str | Path, fmt: str) -> Path:
    """`-o out/` (an existing folder, or a path ending in /) gets a default file name."""
    out = Path(raw)
    if out.is_dir() or str(raw).endswith(("/", "\\")) or not out.suffix or fmt == "parquet":
        out.mkdir(parents=True, exist_ok=True)
        return out / _SUFFIX[fmt] if fmt != "parquet" else out / "events"
    out.parent.mkdir(parents=True, exist_ok=True)
    return out


def export(store: EventStore, fmt: str, out: str | Path, filters: Filters) -> list[Path]:
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ConfigError(f"export format must be one of {', '.join(FORMATS)}; got {fmt!r}")
    strict_cameo = fmt == "cameo" and not filters.status
    if fmt in ("plover", "cameo") and not filters.status:
        # PLOVER and CAMEO have no way to say "did not happen": a negated event there would read
        # as one that occurred. Ask for --status negated to get them anyway.
        filters = replace(filters, status=("occurred", "planned", "possible"))
    target = _target(out, fmt)
    sql, params = _selection_sql(filters)
    if fmt == "parquet":
        with store.connect() as con:
            con.execute(
                f"COPY ({sql}) TO '{_quote(target)}' (FORMAT parquet, PARTITION_BY (event_month), "
                "OVERWRITE_OR_IGNORE true)", params)
        return sorted(target.rglob("*.parquet"))
    if fmt == "csv":
        with store.connect() as con:
            con.execute(f"COPY ({_flat_sql(sql)}) TO '{_quote(target)}' (FORMAT csv, HEADER true)", params)
        return [target]
    with tempfile.TemporaryDirectory(prefix="newsevents-export-") as tmp:
        staged = Path(tmp) / "selection.parquet"
        with store.connect() as con:
            con.execute(f"COPY ({sql} ORDER BY published NULLS LAST, content_id, event_index) "
                        f"TO '{_quote(staged)}' (FORMAT parquet)", params)
            empty_articles = _empty_articles(con, filters)
        with target.open("w", encoding="utf-8", newline="") as fh:
            if fmt == "jsonl":
                _write_jsonl(fh, _rows(staged), empty_articles)
            elif fmt == "plover":
                for row in _rows(staged):
                    fh.write(json.dumps(plover_record(row), ensure_ascii=False, default=str) + "\n")
            else:
                writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
                writer.writerow(GDELT_COLUMNS)
                for row in _rows(staged):
                    # A CAMEO row reads as "this happened": by default only occurred events, and
                    # intended cooperation, which PLOVER codes as an (occurred) AGREE.
                    if strict_cameo and row["status"] != "occurred" and plover_type(row["type"], row["status"]) != "AGREE":
                        continue
                    writer.writerow(gdelt_row(row))
    return [target]


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def _rows(parquet: Path) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(parquet).iter_batches(batch_size=10_000):
        yield from batch.to_pylist()


def _empty_articles(con: Any, f: Filters) -> list[dict[str, Any]]:
    """Articles with no events belong in a full JSONL export (the record file lists every article)."""
    if f != Filters():
        return []
    rows = con.execute(
        "SELECT article_id, published, skipped FROM articles WHERE n_events = 0 ORDER BY published NULLS LAST, content_id"
    ).fetchall()
    return [{"article_id": r[0], "published": r[1], "events": [], **({"skipped": r[2]} if r[2] else {})} for r in rows]


def _write_jsonl(fh: Any, rows: Iterator[dict[str, Any]], empty: list[dict[str, Any]]) -> None:
    current: dict[str, Any] | None = None
    key = None
    for row in rows:
        if row["content_id"] != key:
            if current is not None:
                fh.write(json.dumps(current, ensure_ascii=False) + "\n")
            key = row["content_id"]
            current = {"article_id": row["article_id"], "published": row["published"], "events": []}
        record = row_to_record(row)
        for extra in ("article_id", "published", "evidence_text"):
            record.pop(extra)
        current["events"].append(record)  # type: ignore[index]
    if current is not None:
        fh.write(json.dumps(current, ensure_ascii=False) + "\n")
    for article in empty:
        fh.write(json.dumps(article, ensure_ascii=False) + "\n")


def _entity_plover(e: dict[str, Any]) -> dict[str, Any]:
    return {"code": e.get("country"), "sector": e.get("sector"), "entity_text": e.get("text"),
            "identifier_text": e.get("name")}


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One event in PLOVER JSON (manual, table "PLOVER JSON"), plus our status/sourcing/attribution."""
    etype = plover_type(row["type"], row["status"])
    start, end = row.get("date_start"), row.get("date_end")
    out: dict[str, Any] = {
        "id": row["event_id"],
        "date": (start or end or row.get("published_date") or "") and str(start or end or row.get("published_date")),
        "enddate": str(end) if end and end != start else None,
        "actor": [_entity_plover(e) for e in row.get("actor") or []],
        "recipient": [_entity_plover(e) for e in row.get("recipient") or []],
        "event": [etype],
        "mode": [row["mode"]] if row.get("mode") and etype == row["type"] else [],
        "context": list(row.get("context") or []),
        "event_loc": None,
        "event_text": [row.get("trigger")] if row.get("trigger") else [],
        "quad_code": QUAD.get(etype),
        "event_scale": score(etype, row.get("mode") if etype == row["type"] else None),
        "text": row.get("evidence_text"),
        "cite_info": {"article_id": row["article_id"], "url": row.get("url"), "outlet": row.get("outlet"),
                      "published": row.get("published"), "title": row.get("title")},
        "coder": "newsevents",
        "coded_date": row["ingested_at"].date().isoformat() if row.get("ingested_at") else None,
        "status": row["status"],
        "sourcing": row["sourcing"],
        "attribution": [dict(a) for a in row.get("attribution") or []],
        "record_type": row["type"],
        "record_mode": row.get("mode"),
        "date_value": row.get("date_value"),
        "date_mod": row.get("date_mod"),
    }
    if row.get("place_name") is not None or row.get("place_country") is not None:
        out["event_loc"] = {"name": row.get("place_name"), "country": row.get("place_country"),
                            "geonameid": row.get("place_geonameid"), "lat": row.get("place_lat"),
                            "lon": row.get("place_lon")}
    return out


GDELT_COLUMNS = (
    "GlobalEventID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
)


def _actor_cols(e: dict[str, Any] | None) -> list[Any]:
    if not e:
        return ["", "", "", ""]
    country, sector = e.get("country") or "", e.get("sector") or ""
    name = (e.get("name") or e.get("text") or "").upper()
    return [country + sector, name, country, sector]


def gdelt_row(row: dict[str, Any]) -> list[Any]:
    """One GDELT-layout row: dyadic, so actor 1 is the first actor and actor 2 the first
    recipient (or, for a meeting with no recipient, the second actor)."""
    actors, recipients = row.get("actor") or [], row.get("recipient") or []
    first = actors[0] if actors else None
    second = recipients[0] if recipients else (actors[1] if len(actors) > 1 else None)
    day: dt.date | None = row.get("date_start") or row.get("date_end") or row.get("published_date")
    code = cameo_code(row["type"], row.get("mode"), row["status"], row.get("context") or ()) or ""
    etype = plover_type(row["type"], row["status"])
    goldstein = score(etype, row.get("mode") if etype == row["type"] else None)
    geo_type = ""
    if row.get("place_name") is not None or row.get("place_country") is not None:
        geo_type = (3 if row.get("place_country") == "USA" else 4) if row.get("place_geonameid") else 1
    added = row.get("ingested_at")
    return [
        int(row["event_id"][2:], 16) >> 1,
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        day.year if day else "",
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        *_actor_cols(first), *_actor_cols(second),
        1 if row.get("in_lead") else 0,
        code, code[:3], code[:2],
        QUAD.get(etype, ""), goldstein if goldstein is not None else "",
        1, 1, 1,
        geo_type, row.get("place_name") or "", row.get("place_country") or "",
        row.get("place_lat") if row.get("place_lat") is not None else "",
        row.get("place_lon") if row.get("place_lon") is not None else "",
        row.get("place_geonameid") or "",
        added.strftime("%Y%m%d%H%M%S") if added else "",
        row.get("url") or "",
    ]
