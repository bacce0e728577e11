"""MEANTIME English (NewsReader, Wikinews): event factuality against our `status`.

Each document is rebuilt from its tokens (title line, date line, then the
body with spaces restored by a small detokeniser; offsets are kept per token)
and published on its creation time (the TIMEX3 with
functionInDocument=CREATION_TIME).

Gold status of an annotated EVENT_MENTION, first rule that applies:
polarity NEG -> negated; any other polarity, certainty or time that is
UNDERSPECIFIED or blank -> left out; certainty POSSIBLE or PROBABLE ->
possible; time FUTURE -> planned; otherwise (CERTAIN, POS, NON_FUTURE) ->
occurred.

Alignment: one of our events covers a gold mention when its trigger, located
inside its evidence sentence, overlaps the mention's tokens (characters);
when several do, the most confident one speaks. MEANTIME annotates every
event (business news: sales, launches, statements); we extract only
political interactions, so coverage is low by design and status accuracy is
measured on the covered mentions only.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ...records import STATUSES, Event
from . import DatasetMissing, DatasetResult
from ._common import Process, TextItem, extract_texts, locate, overlaps, safe_div, spread

DEFINITIONS = {
    "coverage": "share of gold event mentions with a gold status that one of our events' triggers overlaps",
    "status_accuracy": "on covered mentions: our status equals the gold status (mapping in the module "
        "docstring)",
    "status_accuracy_not_occurred": "on covered mentions whose gold status is planned/possible/negated: our "
        "status equals it",
    "status_macro_recall": "mean over gold statuses present among covered mentions of the share we label "
        "correctly",
}

_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'", "''", "'re", "'ve", "'ll", "'d", "'m"})
_KNOWN_CERTAINTY = frozenset({"CERTAIN", "POSSIBLE", "PROBABLE"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "#"})


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    pred: str
    status: str


@dataclass(frozen=True, slots=True)
class MeantimeDoc:
    id: str
    text: str
    published: str | None
    mentions: tuple[Mention, ...]


def gold_status(certainty: str, polarity: str, time: str) -> str | None:
    if polarity == "NEG":
        return "negated"
    if polarity != "POS" or certainty not in _KNOWN_CERTAINTY or time not in ("FUTURE", "NON_FUTURE"):
        return None  # underspecified or blank: the annotators could not tell, neither can we score it
    if certainty in ("POSSIBLE", "PROBABLE"):
        return "possible"
    if time == "FUTURE":
        return "planned"
    return "occurred"


def parse_meantime(xml_text: str | bytes, doc_id: str | None = None) -> MeantimeDoc:
    root = ET.fromstring(xml_text)
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos = 0
    prev_sentence: str | None = None
    prev_token = ""
    for token in root.iter("token"):
        word = token.text or ""
        sentence = token.get("sentence")
        if prev_sentence is None:
            sep = ""
        elif sentence != prev_sentence:
            # sentence 0 is the title and 1 the dateline: keep them as their own lines
            sep = "\n" if prev_sentence in ("0", "1") else " "
        elif word in _NO_SPACE_BEFORE or prev_token in _NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        parts.append(sep)
        pos += len(sep)
        offsets[token.get("t_id", "")] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
        prev_sentence, prev_token = sentence, word
    published = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME" and timex.get("value"):
            published = timex.get("value", "")[:10]
            break
    mentions = []
    for em in root.iter("EVENT_MENTION"):
        anchors = [offsets[a.get("t_id", "")] for a in em.iter("token_anchor") if a.get("t_id", "") in offsets]
        if not anchors:
            continue  # unanchored mentions (instances) have no text to align to
        status = gold_status(em.get("certainty", ""), em.get("polarity", ""), em.get("time", ""))
        if status is None:
            continue
        mentions.append(Mention(min(a[0] for a in anchors), max(a[1] for a in anchors), em.get("pred", ""), status))
    return MeantimeDoc(doc_id or root.get("doc_id", ""), "".join(parts), published, tuple(mentions))


def trigger_span(text: str, event: Event) -> tuple[int, int] | None:
    """Where the event's trigger is: inside its evidence sentence, else nowhere."""
    return locate(text, event.trigger, event.evidence.start, event.evidence.end or None)


def score_meantime(docs: Sequence[MeantimeDoc], system: Mapping[str, Sequence[Event]]) -> DatasetResult:
    total = covered = correct = not_occ = not_occ_correct = 0
    per_status: dict[str, list[int]] = {s: [0, 0] for s in STATUSES}
    for doc in docs:
        located = [(span, e) for e in system.get(doc.id, ()) if (span := trigger_span(doc.text, e)) is not None]
        for m in doc.mentions:
            total += 1
            hits = [e for span, e in located if overlaps(span, (m.start, m.end))]
            if not hits:
                continue
            event = max(hits, key=lambda e: e.confidence)
            covered += 1
            ok = event.status == m.status
            correct += ok
            per_status[m.status][0] += 1
            per_status[m.status][1] += ok
            if m.status != "occurred":
                not_occ += 1
                not_occ_correct += ok
    recalls = [hit / n for n, hit in per_status.values() if n]
    metrics = {
        "coverage": safe_div(covered, total),
        "status_accuracy": safe_div(correct, covered),
        "status_accuracy_not_occurred": safe_div(not_occ_correct, not_occ),
        "status_macro_recall": safe_div(sum(recalls), len(recalls)),
    }
    n = {"items": len(docs), "coverage": total, "status_accuracy": covered,
         "status_accuracy_not_occurred": not_occ, "status_macro_recall": covered}
    gold_mix = {s: sum(m.status == s for d in docs for m in d.mentions) for s in STATUSES}
    notes = [
        "gold statuses of the mentions: " + ", ".join(f"{s} {c}" for s, c in gold_mix.items()),
        "business news: most annotated events are not political interactions, so low coverage is expected",
    ]
    return DatasetResult("meantime", metrics, n, dict(DEFINITIONS), None, notes)


def load_meantime(path: Path) -> list[MeantimeDoc]:
    files = sorted(Path(path).rglob("*.xml")) if Path(path).is_dir() else [Path(path)]
    if not files:
        raise DatasetMissing(Path(path) / "*.xml", "meantime")
    return [parse_meantime(f.read_bytes(), f.stem) for f in files]


def run(path: Path, limit: int | None = None, process: Process | None = None) -> DatasetResult:
    docs = load_meantime(path)
    total = len(docs)
    docs = spread(docs, limit)
    system = extract_texts([TextItem(d.id, d.text, d.published) for d in docs], process)
    result = score_meantime(docs, system)
    if len(docs) < total:
        result.notes.append(f"{len(docs)} of {total} documents, evenly spaced (cap)")
    return result

