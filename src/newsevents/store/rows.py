"""ArticleEvents -> column batches for the store's tables (one Arrow table each).

Inserts go through Arrow because DuckDB's executemany costs 1-3 ms a row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..records import Article, ArticleEvents
from .dates import date_interval, published_date


def content_key(article: Article) -> str:
    """The store's key for an article: a hash of its content, whatever its input id."""
    return Article.content_id(article.text, article.title)


def event_id(content_id: str, index: int) -> str:
    return "e-" + hashlib.sha1(f"{content_id}#{index}".encode()).hexdigest()[:16]


def _entity(e: Any) -> dict[str, Any]:
    return {"text": e.text, "name": e.name, "country": e.country, "sector": e.sector}


def error_id(kind: str, source: str | None, article_id: str | None, message: str) -> str:
    # Keyed by what went wrong where, so re-ingesting the same bad input records it once.
    raw = "\x1f".join((kind, source or "", article_id or "", message))
    return "x-" + hashlib.sha1(raw.encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class ErrorRow:
    kind: str  # read | extract | skipped
    code: str | None
    source: str | None
    article_id: str | None
    message: str


@dataclass(slots=True)
class Columns:
    """Column lists of one table, appended row by row, then handed to Arrow at once."""

    names: tuple[str, ...]
    data: dict[str, list[Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.data = {n: [] for n in self.names}

    def add(self, *values: Any) -> None:
        for name, value in zip(self.names, values, strict=True):
            self.data[name].append(value)

    def __len__(self) -> int:
        return len(self.data[self.names[0]])


ARTICLE_COLUMNS = (
    "content_id", "article_id", "title", "published", "published_date", "outlet", "url", "language",
    "source", "text", "n_events", "skipped", "warnings", "ingested_at",
)
EVENT_COLUMNS = (
    "event_id", "content_id", "article_id", "event_index", "type", "mode", "context", "status", "sourcing",
    "trigger", "evidence_start", "evidence_end", "evidence_text", "date_value", "date_mod", "date_text",
    "date_start", "date_end", "confidence", "published_date", "actor", "recipient", "actor_countries",
    "recipient_countries", "attribution", "place_name", "place_country", "place_text", "place_geonameid",
    "place_lat", "place_lon",
)
PARTICIPANT_COLUMNS = ("event_id", "role", "position", "text", "name", "country", "sector")
ATTRIBUTION_COLUMNS = ("event_id", "position", "source", "via")
PLACE_COLUMNS = ("event_id", "name", "country", "text", "geonameid", "lat", "lon")
ERROR_COLUMNS = ("error_id", "kind", "code", "source", "article_id", "message", "recorded_at")


@dataclass(slots=True)
class BatchRows:
    articles: Columns = field(default_factory=lambda: Columns(ARTICLE_COLUMNS))
    events: Columns = field(default_factory=lambda: Columns(EVENT_COLUMNS))
    participants: Columns = field(default_factory=lambda: Columns(PARTICIPANT_COLUMNS))
    attributions: Columns = field(default_factory=lambda: Columns(ATTRIBUTION_COLUMNS))
    places: Columns = field(default_factory=lambda: Columns(PLACE_COLUMNS))
    errors: Columns = field(default_factory=lambda: Columns(ERROR_COLUMNS))

    def tables(self) -> dict[str, Any]:
        import pyarrow as pa

        from .arrow_schema import SCHEMAS

        return {
            name: pa.Table.from_pydict(getattr(self, name).data, schema=SCHEMAS[name])
            for name in ("articles", "events", "participants", "attributions", "places", "errors")
        }


def build_rows(
    results: Sequence[ArticleEvents],
    articles: dict[str, Article],
    *,
    sources: dict[str, str | None] | None = None,
    errors: Sequence[ErrorRow] = (),
    now: dt.datetime | None = None,
) -> BatchRows:
    """Rows for a batch. `articles` maps the result's article_id to its Article (for text)."""
    now = now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    sources = sources or {}
    rows = BatchRows()
    for result in results:
        article = result.article or articles.get(result.article_id)
        if article is None:
            continue
        key = content_key(article)
        pub_date = published_date(result.published or article.published)
        rows.articles.add(
            key, result.article_id, article.title, result.published or article.published, pub_date,
            article.outlet, article.url, article.language, sources.get(result.article_id), article.text,
            len(result.events), result.skipped, list(result.warnings), now,
        )
        if result.skipped:
            rows.errors.add(
                error_id("skipped", sources.get(result.article_id), result.article_id, result.skipped),
                "skipped", None, sources.get(result.article_id), result.article_id, result.skipped, now,
            )
        for index, event in enumerate(result.events):
            eid = event_id(key, index)
            date = event.date
            start, end = date_interval(date.value, date.mod) if date else (None, None)
            span = event.evidence
            place = event.place
            actors = [_entity(e) for e in event.actor]
            recipients = [_entity(e) for e in event.recipient]
            rows.events.add(
                eid, key, result.article_id, index, event.type, event.mode, list(event.context), event.status,
                event.sourcing, event.trigger, span.start, span.end, article.text[span.start:span.end],
                date.value if date else None, date.mod if date else None, date.text if date else None,
                start, end, float(event.confidence), pub_date,
                actors, recipients, sorted({e["country"] for e in actors if e["country"]}),
                sorted({e["country"] for e in recipients if e["country"]}),
                [{"source": a.source, "via": a.via} for a in event.attribution],
                place.name if place else None, place.country if place else None, place.text if place else None,
                place.geonameid if place else None, place.lat if place else None, place.lon if place else None,
            )
            for role, entities in (("actor", event.actor), ("recipient", event.recipient)):
                for position, entity in enumerate(entities):
                    rows.participants.add(eid, role, position, entity.text, entity.name, entity.country, entity.sector)
            for position, attribution in enumerate(event.attribution):
                rows.attributions.add(eid, position, attribution.source, attribution.via)
            if event.place is not None:
                p = event.place
                rows.places.add(eid, p.name, p.country, p.text, p.geonameid, p.lat, p.lon)
    for err in errors:
        rows.errors.add(
            error_id(err.kind, err.source, err.article_id, err.message),
            err.kind, err.code, err.source, err.article_id, err.message, now,
        )
    return rows
