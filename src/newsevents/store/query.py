"""Event filters -> SQL over the store's tables (parameters bound, never pasted in)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigError
from ..records import PLOVER_TYPES, SOURCINGS, STATUSES

_COUNTRY = re.compile(r"^[A-Z]{3}$")

Many = str | Iterable[str] | None


def _many(value: Many) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        parts = value.split(",")
    else:
        parts = list(value)
    return tuple(p.strip() for p in parts if p and p.strip())


def _day(value: str | dt.date | None, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if len(text) == 4:
            return dt.date(int(text), 1, 1)
        if len(text) == 7:
            return dt.date(int(text[:4]), int(text[5:7]), 1)
        return dt.date.fromisoformat(text[:10])
    except ValueError as exc:
        raise ConfigError(f"{name} must be a date YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}") from exc


def _checked(values: tuple[str, ...], allowed: tuple[str, ...], name: str) -> tuple[str, ...]:
    for v in values:
        if v not in allowed:
            raise ConfigError(f"{name} must be one of {', '.join(allowed)}; got {v!r}")
    return values


@dataclass(frozen=True, slots=True)
class Filters:
    """What `events` and `export` select. Lists are OR-ed within a field, fields AND-ed.

    An actor/recipient value of three capital letters is an ISO3 country code;
    anything else matches the entity's canonical name or text (case-insensitive substring).
    `since`/`until` test the event's own date interval (overlap), `published_*` the article's.
    """

    actor: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    type: tuple[str, ...] = ()
    mode: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    sourcing: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    published_since: dt.date | None = None
    published_until: dt.date | None = None
    place_country: tuple[str, ...] = ()
    text: str | None = None
    article_id: tuple[str, ...] = ()
    min_confidence: float | None = None

    @classmethod
    def of(
        cls,
        *,
        actor: Many = None,
        recipient: Many = None,
        type: Many = None,
        mode: Many = None,
        status: Many = None,
        sourcing: Many = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        published_since: str | dt.date | None = None,
        published_until: str | dt.date | None = None,
        place_country: Many = None,
        text: str | None = None,
        article_id: Many = None,
        min_confidence: float | None = None,
    ) -> Filters:
        return cls(
            actor=_many(actor),
            recipient=_many(recipient),
            type=_checked(tuple(t.upper() for t in _many(type)), PLOVER_TYPES, "type"),
            mode=tuple(m.lower() for m in _many(mode)),
            status=_checked(tuple(s.lower() for s in _many(status)), STATUSES, "status"),
            sourcing=_checked(tuple(s.lower() for s in _many(sourcing)), SOURCINGS, "sourcing"),
            since=_day(since, "since"),
            until=_day(until, "until"),
            published_since=_day(published_since, "published_since"),
            published_until=_day(published_until, "published_until"),
            place_country=tuple(c.upper() for c in _many(place_country)),
            text=text or None,
            article_id=_many(article_id),
            min_confidence=min_confidence,
        )


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _in(column: str, values: tuple[str, ...], params: list[Any]) -> str:
    params.extend(values)
    return f"{column} IN ({', '.join('?' for _ in values)})"


def _party(role: str, values: tuple[str, ...], params: list[Any]) -> str:
    codes = tuple(v for v in values if _COUNTRY.match(v))
    names = tuple(v for v in values if not _COUNTRY.match(v))
    alternatives = []
    if codes:
        params.append(list(codes))
        alternatives.append(f"list_has_any(e.{role}_countries, ?::VARCHAR[])")
    for name in names:
        params.extend([_like(name), _like(name)])
        alternatives.append(
            f"len(list_filter(e.{role}, lambda x: x.name ILIKE ? ESCAPE '\\' OR x.text ILIKE ? ESCAPE '\\')) > 0"
        )
    return f"({' OR '.join(alternatives)})"


def where_clause(f: Filters) -> tuple[str, list[Any]]:
    """SQL condition on `events e` and its parameters."""
    conds: list[str] = []
    params: list[Any] = []
    if f.actor:
        conds.append(_party("actor", f.actor, params))
    if f.recipient:
        conds.append(_party("recipient", f.recipient, params))
    for column, values in (
        ("e.type", f.type), ("e.mode", f.mode), ("e.status", f.status), ("e.sourcing", f.sourcing),
        ("e.article_id", f.article_id),
    ):
        if values:
            conds.append(_in(column, values, params))
    if f.since is not None or f.until is not None:
        conds.append("(e.date_start IS NOT NULL OR e.date_end IS NOT NULL)")
    if f.since is not None:
        conds.append("(e.date_end IS NULL OR e.date_end >= ?)")
        params.append(f.since)
    if f.until is not None:
        conds.append("(e.date_start IS NULL OR e.date_start <= ?)")
        params.append(f.until)
    if f.published_since is not None:
        conds.append("e.published_date >= ?")
        params.append(f.published_since)
    if f.published_until is not None:
        conds.append("e.published_date <= ?")
        params.append(f.published_until)
    if f.place_country:
        conds.append(_in("e.place_country", f.place_country, params))
    if f.text:
        conds.append("(e.evidence_text ILIKE ? ESCAPE '\\' OR e.trigger ILIKE ? ESCAPE '\\')")
        params.extend([_like(f.text), _like(f.text)])
    if f.min_confidence is not None:
        conds.append("e.confidence >= ?")
        params.append(float(f.min_confidence))
    return (" AND ".join(conds) or "TRUE"), params


_COLUMNS = (
    "event_id, article_id, content_id, event_index, type, mode, context, status, sourcing, trigger, "
    "evidence_start, evidence_end, evidence_text, date_value, date_mod, date_text, date_start, date_end, "
    "confidence, published_date, coalesce(actor, []) AS actor, coalesce(recipient, []) AS recipient, "
    "coalesce(attribution, []) AS attribution, place_name, place_country, place_text, place_geonameid, "
    "place_lat, place_lon"
)


def events_sql(f: Filters, *, limit: int | None = None, offset: int = 0) -> tuple[str, list[Any]]:
    """Selected events, each row carrying its participants, attributions and place."""
    where, params = where_clause(f)
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    sql = (
        f"SELECT {_COLUMNS} FROM events e WHERE {where} "
        f"ORDER BY e.date_start NULLS LAST, e.published_date NULLS LAST, e.event_id{page}"
    )
    return sql, params


def count_sql(f: Filters) -> tuple[str, list[Any]]:
    where, params = where_clause(f)
    return f"SELECT count(*) FROM events e WHERE {where}", params
