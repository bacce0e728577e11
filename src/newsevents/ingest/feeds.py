"""RSS/Atom feeds -> one Article per item (feedparser).

Publication dates: feedparser normalises item dates to UTC (`published_parsed`),
which moves an item published at 07:30 +09:00 on 5 March to 4 March. Relative
dates in the text ("on Wednesday", "yesterday") are relative to the outlet's own
day, so we parse the raw date string ourselves and keep its offset:
``published`` is a full ISO timestamp in the outlet's time zone
(``2025-03-05T07:30:00+09:00``), whose first ten characters are the outlet's
date. Only when the raw string cannot be parsed do we fall back to
feedparser's UTC date (``YYYY-MM-DD``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from ..records import Article
from .html import fragment_to_text
from .readers import Defaults, ReadProblem, make_article

__all__ = ["read_feed", "feed_date"]


def read_feed(data: bytes, source: str, defaults: Defaults) -> Iterator[Article | ReadProblem]:
    """Each item with text becomes an Article (the feed's title as outlet); others a ReadProblem."""
    import feedparser

    # Bytes, never a str: feedparser treats a string that looks like a URL as one and fetches it.
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    # An empty version means feedparser recognised no RSS/Atom root: some other XML
    # whose <item> elements it would otherwise happily report as entries.
    if not parsed.get("version"):
        why = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        yield ReadProblem(source, f"not an RSS/Atom feed{why}; check the file is a feed")
        return
    if not entries:
        yield ReadProblem(source, "feed has no items")
        return
    feed_meta = parsed.get("feed") or {}
    outlet = (feed_meta.get("title") or "").strip() or None
    language = _language(feed_meta.get("language"))
    for i, entry in enumerate(entries, 1):
        where = f"{source}#item-{i}"
        text = _entry_text(entry)
        if not text:
            yield ReadProblem(where, "feed item has no text (no content or summary)")
            continue
        problems: list[ReadProblem] = []
        article = make_article(
            text, source=where, defaults=defaults, title=fragment_to_text(entry.get("title") or "") or None,
            published=feed_date(entry), outlet=outlet, url=_http_link(entry.get("link")),
            language=language, problems=problems,
        )
        yield from problems
        yield article


def feed_date(entry: Any) -> str | None:
    """The item's publication time as the outlet wrote it (ISO, offset kept); see the module doc."""
    for raw_key, parsed_key in (("published", "published_parsed"), ("updated", "updated_parsed")):
        raw = (entry.get(raw_key) or "").strip()
        if raw:
            when = _parse_raw_date(raw)
            if when is not None:
                return when.isoformat()
        struct = entry.get(parsed_key)
        if isinstance(struct, time.struct_time):
            return time.strftime("%Y-%m-%d", struct)
    return None


def _parse_raw_date(raw: str) -> datetime | None:
    # RSS uses RFC 822 dates ("Wed, 05 Mar 2025 07:30:00 +0900"), Atom uses ISO 8601.
    try:
        return parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(raw[:-1] + "+00:00" if raw.endswith("Z") else raw)
    except ValueError:
        return None


def _entry_text(entry: Any) -> str:
    # Full content (content:encoded, Atom <content>) beats the summary when both exist.
    candidates = [c.get("value") or "" for c in entry.get("content") or []]
    best = max(candidates, key=len, default="")
    if not best.strip():
        best = entry.get("summary") or ""
    return fragment_to_text(best)


def _http_link(value: Any) -> str | None:
    # feedparser falls back to the Atom <id> (often a urn:) as the link; that is no URL.
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        return value
    return None


def _language(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip().split("-")[0].split("_")[0].lower()
    return None
