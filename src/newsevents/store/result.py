"""A materialised query answer: the connection is already closed when the caller gets it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


def row_to_record(row: dict[str, Any]) -> dict[str, Any]:
    """One events-query row -> an EVENT dict of the record format (plus its ids)."""
    date = None
    if row.get("date_value") is not None:
        date = {"value": row["date_value"], "mod": row.get("date_mod"), "text": row.get("date_text")}
    place = None
    if row.get("place_name") is not None or row.get("place_country") is not None:
        place = {"name": row.get("place_name") or "", "country": row.get("place_country"), "text": row.get("place_text")}
        for key in ("geonameid", "lat", "lon"):
            if row.get(f"place_{key}") is not None:
                place[key] = row[f"place_{key}"]
    published = row.get("published_date")
    return {
        "type": row["type"],
        "trigger": row.get("trigger") or "",
        "evidence": {"start": row.get("evidence_start") or 0, "end": row.get("evidence_end") or 0},
        "mode": row.get("mode"),
        "context": list(row.get("context") or []),
        "actor": [dict(e) for e in row.get("actor") or []],
        "recipient": [dict(e) for e in row.get("recipient") or []],
        "status": row["status"],
        "sourcing": row["sourcing"],
        "attribution": [dict(a) for a in row.get("attribution") or []],
        "date": date,
        "place": place,
        "confidence": row.get("confidence"),
        "event_id": row["event_id"],
        "article_id": row["article_id"],
        "published": published.isoformat() if published is not None else None,
        "evidence_text": row.get("evidence_text"),
    }


@dataclass(frozen=True, slots=True)
class EventResult:
    """Selected events. `total` counts every match, `table` holds the page fetched."""

    table: Any  # pyarrow.Table
    total: int

    def __len__(self) -> int:
        return self.table.num_rows

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.records())

    def to_arrow(self) -> Any:
        return self.table

    def to_pandas(self) -> Any:
        return self.table.to_pandas()

    def records(self) -> list[dict[str, Any]]:
        """EVENT dicts of the record format, each with event_id, article_id and published added."""
        return [row_to_record(row) for row in self.table.to_pylist()]


@dataclass(frozen=True, slots=True)
class SqlResult:
    table: Any  # pyarrow.Table

    def __len__(self) -> int:
        return self.table.num_rows

    def to_arrow(self) -> Any:
        return self.table

    def to_pandas(self) -> Any:
        return self.table.to_pandas()

    def records(self) -> list[dict[str, Any]]:
        return self.table.to_pylist()
