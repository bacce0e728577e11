"""Fakes for the store tests: a deterministic stand-in for process_batch and small corpora.

An article line `USA CONSULT CHN planned 2023-11 words...` becomes one event
(actor USA, type CONSULT, recipient CHN, status planned, date 2023-11, that line
as evidence); `-` leaves a field empty. A text containing FAIL makes the whole
batch raise; a text containing SKIP is returned skipped (as a non-English one is).
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path

from newsevents.config import Config
from newsevents.records import (
    Article, ArticleEvents, Attribution, DateValue, Entity, Event, Place, Span,
)


def fake_process(articles: Sequence[Article], config: Config | None = None) -> list[ArticleEvents]:
    out = []
    for article in articles:
        if "FAIL" in article.text:
            raise RuntimeError("extractor blew up")
        if "SKIP" in article.text:
            out.append(ArticleEvents(article.id, article.published, skipped="language: de"))
            continue
        events = []
        offset = 0
        for line in article.text.split("\n"):
            parts = line.split()
            if len(parts) >= 5 and parts[1].isupper():
                actor, etype, recipient, status, date = parts[:5]
                events.append(Event(
                    type=etype, trigger=parts[5] if len(parts) > 5 else etype.lower(),
                    evidence=Span(offset, offset + len(line)),
                    mode="visit" if etype == "CONSULT" else None,
                    context=("diplomatic",),
                    actor=(Entity(actor, None, actor, "GOV"),) if actor != "-" else (),
                    recipient=(Entity(recipient, f"Leader of {recipient}", recipient, "GOV"),) if recipient != "-" else (),
                    status=status,
                    sourcing="attributed" if "said" in line else "direct",
                    attribution=(Attribution("an official", "Reuters"),) if "said" in line else (),
                    date=DateValue(date, None, date) if date != "-" else None,
                    place=Place("Geneva", "CHE", "Geneva", 2660646, 46.2, 6.15) if "Geneva" in line else None,
                    confidence=0.75,
                ))
            offset += len(line) + 1
        out.append(ArticleEvents(article.id, article.published, events=tuple(events)))
    return out


def slow_fake_process(articles: Sequence[Article], config: Config | None = None) -> list[ArticleEvents]:
    time.sleep(0.4)
    return fake_process(articles, config)


LINES = [
    "USA CONSULT CHN planned 2023-11 meeting in Geneva said officials",
    "RUS ASSAULT UKR occurred 2023-10-05 strike on a ceasefire line",
    "CHN ACCUSE JPN occurred - accused Tokyo",
    "FRA AID UKR possible 2024 aid package",
    "USA SANCTION IRN planned 2023-W45 sanctions",
]


def corpus_lines(n: int) -> list[dict[str, object]]:
    """n distinct articles, each with one to three events."""
    rows = []
    for i in range(n):
        body = "\n".join(LINES[(i + k) % len(LINES)] for k in range(1 + i % 3)) + f"\nArticle number {i}."
        rows.append({"id": f"doc-{i}", "title": f"Title {i}", "text": body,
                     "published": f"2023-{1 + i % 12:02d}-15", "outlet": "Test Wire", "url": f"https://x.test/{i}"})
    return rows


def write_corpus(path: Path, n: int) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in corpus_lines(n)), encoding="utf-8")
    return path


def test_fake_process_reads_lines() -> None:
    art = Article(id="a", text=LINES[0] + "\n" + LINES[2], published="2023-10-06")
    (result,) = fake_process([art])
    assert [e.type for e in result.events] == ["CONSULT", "ACCUSE"]
    assert art.text[result.events[1].evidence.start:result.events[1].evidence.end] == LINES[2]
