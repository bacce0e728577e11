"""Shared pieces of the peer-dataset adapters: batched extraction, best event, mappings, counting.

Adapters keep parsing (pure) apart from running the extractor; the
extractor is reached only through `extract_texts`, which takes a
`process` callable so tests can pass a hand-built system.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ...records import Article, ArticleEvents, Event

T = TypeVar("T")
Process = Callable[[Sequence[Article]], list[ArticleEvents]]

BATCH_SIZE = 64  # sentences per process_batch call: one model pass per batch, never per sentence


@dataclass(frozen=True, slots=True)
class TextItem:
    """One unit handed to the extractor (a sentence or an article)."""

    id: str
    text: str
    published: str | None
    title: str | None = None


def default_process(articles: Sequence[Article]) -> list[ArticleEvents]:
    from ...pipeline import process_batch

    return process_batch(articles)


def extract_texts(items: Sequence[TextItem], process: Process | None = None,
                  batch_size: int = BATCH_SIZE) -> dict[str, tuple[Event, ...]]:
    """Events per item id, extracted in batches of `batch_size`."""
    run = process or default_process
    out: dict[str, tuple[Event, ...]] = {}
    for start in range(0, len(items), batch_size):
        chunk = items[start:start + batch_size]
        articles = [Article(id=i.id, text=i.text, published=i.published, title=i.title) for i in chunk]
        results = run(articles)
        by_id = {r.article_id: r for r in results}
        for item in chunk:
            result = by_id.get(item.id)
            out[item.id] = tuple(result.events) if result is not None else ()
    return out


def best_event(events: Iterable[Event]) -> Event | None:
    """The event a sentence-level set is compared with: highest confidence, first on ties."""
    best: Event | None = None
    for event in events:
        if best is None or event.confidence > best.confidence:
            best = event
    return best


# PLOVER codes future CONSULT/SUPPORT/COOPERATE/AID as AGREE, and an announced
# (future) RETREAT as CONCEDE (manual, sections AGREE and CONCEDE). Our record
# keeps the interaction type and puts the future in `status`; peer sets coded
# in PLOVER's own convention are compared after this export rule.
_FUTURE_TO_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
_FUTURE_STATUSES = frozenset({"planned", "possible"})


def plover_export_type(event: Event) -> str:
    if event.status in _FUTURE_STATUSES:
        if event.type in _FUTURE_TO_AGREE:
            return "AGREE"
        if event.type == "RETREAT":
            return "CONCEDE"
    return event.type


# The CAMEO "PentaClass" used by ConfliBERT and by PLV's gold_penta:
# 0 statement (CAMEO 01-02, dropped by PLOVER), 1 verbal cooperation,
# 2 material cooperation, 3 verbal conflict, 4 material conflict. PLOVER's
# quad table puts CONCEDE in verbal cooperation and SANCTION in verbal
# conflict, but both come from CAMEO 08 (YIELD, 06-08 = material cooperation)
# and 16 (REDUCE RELATIONS, 14-20 = material conflict); PLV's own gold_penta
# column places YIELD in 2 and SANCTION in 4, so we follow the CAMEO ranges.
PENTA_OF_TYPE: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1,
    "CONCEDE": 2, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}


def safe_div(num: float, den: float) -> float:
    return num / den if den else float("nan")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1; F1 = 2tp / (2tp + fp + fn), so predicting nothing scores 0, not n/a."""
    return safe_div(tp, tp + fp), safe_div(tp, tp + fn), safe_div(2 * tp, 2 * tp + fp + fn)


def macro_f1(gold: Sequence[str], pred: Sequence[str | None], labels: Sequence[str] | None = None) -> float:
    """Mean per-label F1 over the gold label set; a prediction outside it (e.g. no event) is only a miss."""
    classes = list(labels) if labels is not None else sorted(set(gold))
    scores = []
    for label in classes:
        tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, pred) if g == label and p != label)
        if tp + fp + fn == 0:
            continue  # label absent from both: no evidence either way
        scores.append(prf(tp, fp, fn)[2])
    return safe_div(sum(scores), len(scores))


_WORD = re.compile(r"[\w']+")
STOPWORDS = frozenset(
    "a an the of and or to in on at for by with from as its his her their our this that these those "
    "is are was were be been has have had said says say told tells".split()
)


def content_tokens(text: str) -> set[str]:
    return {t for t in (w.lower() for w in _WORD.findall(text)) if t not in STOPWORDS}


def locate(haystack: str, needle: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """Character span of `needle` in `haystack[start:end]` (exact, then case-insensitive)."""
    if not needle:
        return None
    stop = len(haystack) if end is None else end
    i = haystack.find(needle, start, stop)
    if i < 0:
        i = haystack.lower().find(needle.lower(), start, stop)
    return (i, i + len(needle)) if i >= 0 else None


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# Modes of each type as listed in docs/event-record.md (the record's contract).
MODES: dict[str, frozenset[str]] = {
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({
        "seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
        "misinformation", "cyber",
    }),
    "ASSAULT": frozenset({
        "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives",
        "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional",
    }),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
}


def spread(items: Sequence[T], limit: int | None) -> list[T]:
    """At most `limit` items, evenly spaced through the file.

    Several peer files are sorted by label, so the first N items would all
    share one label; an even stride keeps the label mix and is deterministic.
    """
    if limit is None or limit >= len(items):
        return list(items)
    if limit <= 0:
        return []
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]
