"""The event record (format v1 of docs/event-record.md) as frozen dataclasses.

Records are built by the extractor and turned into plain JSON-able dicts at the
edges (`to_dict`/`from_dict`), so the JSONL output, the store and the gold files
share one shape.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES = ("occurred", "planned", "possible", "negated")
SOURCINGS = ("direct", "attributed", "reported")
SECTORS = (
    "GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "REB", "SPY", "MED", "BUS",
    "NGO", "IGO", "CVL", "REL", "EDU", "LAB", "REF", "HLH", "OTH",
)
DATE_MODS = (None, "start", "mid", "end", "approx", "before", "after")


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    published: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str = "en"

    @staticmethod
    def content_id(text: str, title: str | None = None) -> str:
        """Content-hash id: the same article re-read gets the same id."""
        digest = hashlib.sha1(((title or "") + "\n" + text).encode("utf-8")).hexdigest()
        return "a-" + digest[:16]


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    source: str | None = None
    via: str | None = None


@dataclass(frozen=True, slots=True)
class DateValue:
    value: str
    mod: str | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None = None
    text: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    trigger: str
    evidence: Span
    mode: str | None = None
    context: tuple[str, ...] = ()
    actor: tuple[Entity, ...] = ()
    recipient: tuple[Entity, ...] = ()
    status: str = "occurred"
    sourcing: str = "direct"
    attribution: tuple[Attribution, ...] = ()
    date: DateValue | None = None
    place: Place | None = None
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class ArticleEvents:
    """What the pipeline returns for one article: its events, or why it has none."""

    article_id: str
    published: str | None
    events: tuple[Event, ...] = ()
    skipped: str | None = None
    warnings: tuple[str, ...] = ()
    article: Article | None = field(default=None, compare=False)


def _clean(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: _clean(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def event_to_dict(event: Event) -> dict[str, Any]:
    out = _clean(event)
    if out["place"] is not None:
        out["place"] = {k: v for k, v in out["place"].items() if v is not None or k in ("name", "country", "text")}
    return out


def article_events_to_dict(result: ArticleEvents) -> dict[str, Any]:
    out: dict[str, Any] = {
        "article_id": result.article_id,
        "published": result.published,
        "events": [event_to_dict(e) for e in result.events],
    }
    if result.skipped:
        out["skipped"] = result.skipped
    if result.warnings:
        out["warnings"] = list(result.warnings)
    return out


def _entity(d: dict[str, Any]) -> Entity:
    return Entity(text=d.get("text") or "", name=d.get("name"), country=d.get("country"), sector=d.get("sector"))


def event_from_dict(d: dict[str, Any]) -> Event:
    """Build an Event from a record dict (output or gold); missing optional fields get defaults."""
    ev = d.get("evidence") or {"start": 0, "end": 0}
    date = d.get("date")
    place = d.get("place")
    return Event(
        type=d["type"],
        trigger=d.get("trigger") or "",
        evidence=Span(int(ev["start"]), int(ev["end"])),
        mode=d.get("mode"),
        context=tuple(d.get("context") or ()),
        actor=tuple(_entity(x) for x in d.get("actor") or ()),
        recipient=tuple(_entity(x) for x in d.get("recipient") or ()),
        status=d.get("status") or "occurred",
        sourcing=d.get("sourcing") or "direct",
        attribution=tuple(Attribution(a.get("source"), a.get("via")) for a in d.get("attribution") or ()),
        date=DateValue(date["value"], date.get("mod"), date.get("text")) if date else None,
        place=Place(
            name=place.get("name") or "", country=place.get("country"), text=place.get("text"),
            geonameid=place.get("geonameid"), lat=place.get("lat"), lon=place.get("lon"),
        ) if place else None,
        confidence=float(d.get("confidence", 1.0)),
    )
