"""PLV sentences (Zero-Shot-PLOVER, ACL 2024): one labelled PLOVER event per sentence.

Columns used: `sentence_id`, `sentence`, `marked_sentence` (`<s>source</s>`,
`<t>target</t>`), `gold_root` (15 labels: PLOVER's types with CONCEDE and
RETREAT still merged as YIELD), `modality_L2` (`past` or `todo` = future).

Mapping decisions:
- each sentence is an article published on PUBLISHED (the set carries no
  dates; most sentences are 2017-2020 wire news), and it is compared with our
  best event (highest confidence);
- our type goes through PLOVER's export rule first (planned/possible
  CONSULT/SUPPORT/COOPERATE/AID -> AGREE, planned RETREAT -> CONCEDE), because
  PLV codes future cooperation as AGREE; then CONCEDE and RETREAT -> YIELD;
- past/future: our status planned or possible = future (`todo`), occurred or
  negated = past.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ...records import Entity, Event
from . import DatasetResult
from ._common import (
    Process, TextItem, best_event, extract_texts, locate, macro_f1, overlaps, plover_export_type, safe_div,
    spread,
)

PUBLISHED = "2020-01-01"
LABELS = (
    "AGREE", "CONSULT", "SUPPORT", "YIELD", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
_TO_PLV = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
_MARK = re.compile(r"</?[st]>")

DEFINITIONS = {
    "type_accuracy": "share of sentences whose best event's type (after the AGREE export rule; "
        "CONCEDE/RETREAT = YIELD) equals gold_root; no event = wrong",
    "type_macro_f1": "mean per-label F1 over the 15 PLV labels (a sentence with no event is a miss for its "
        "label)",
    "type_accuracy_raw": "as type_accuracy but without the future-cooperation-as-AGREE export rule (our "
        "interaction type as is)",
    "source_overlap": "share of sentences with a marked source where a located actor mention of the best "
        "event overlaps the <s> span (characters)",
    "target_overlap": "share of sentences with a marked target where a located recipient mention of the best "
        "event overlaps the <t> span",
    "future_accuracy": "on sentences with an event: our status (planned/possible = future, occurred/negated "
        "= past) equals modality_L2",
    "event_rate": "share of sentences for which we extract at least one event",
}


@dataclass(frozen=True, slots=True)
class PlvItem:
    id: str
    sentence: str
    label: str
    future: bool
    sources: tuple[tuple[int, int], ...]
    targets: tuple[tuple[int, int], ...]


def parse_marked(marked: str) -> tuple[str, tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """Plain sentence and the character spans of its <s> and <t> segments."""
    plain: list[str] = []
    pos = 0
    open_at: dict[str, int] = {}
    spans: dict[str, list[tuple[int, int]]] = {"s": [], "t": []}
    cursor = 0
    for m in _MARK.finditer(marked):
        chunk = marked[cursor:m.start()]
        plain.append(chunk)
        pos += len(chunk)
        tag = m.group()
        kind = tag.strip("</>")
        if tag.startswith("</"):
            if kind in open_at:
                spans[kind].append((open_at.pop(kind), pos))
        else:
            open_at[kind] = pos
        cursor = m.end()
    plain.append(marked[cursor:])
    return "".join(plain), tuple(spans["s"]), tuple(spans["t"])


def parse_plv(lines: Iterable[str]) -> list[PlvItem]:
    """Items of a PLV TSV (header line included)."""
    items = []
    for row in csv.DictReader(lines, delimiter="\t"):
        sentence, sources, targets = parse_marked(row["marked_sentence"])
        items.append(PlvItem(
            id=str(row["sentence_id"]), sentence=sentence, label=row["gold_root"].strip(),
            future=row["modality_L2"].strip() != "past", sources=sources, targets=targets,
        ))
    return items


def plv_label(event: Event | None, export_rule: bool = True) -> str | None:
    if event is None:
        return None
    kind = plover_export_type(event) if export_rule else event.type
    return _TO_PLV.get(kind, kind)


def _mention_spans(sentence: str, entities: Sequence[Entity]) -> list[tuple[int, int]]:
    return [span for e in entities if (span := locate(sentence, e.text)) is not None]


def _hits(sentence: str, entities: Sequence[Entity], gold: Sequence[tuple[int, int]]) -> bool:
    return any(overlaps(s, g) for s in _mention_spans(sentence, entities) for g in gold)


def score_plv(items: Sequence[PlvItem], system: Mapping[str, Sequence[Event]]) -> DatasetResult:
    gold_labels, pred, pred_raw = [], [], []
    src_hit = src_n = tgt_hit = tgt_n = fut_hit = fut_n = with_event = 0
    for item in items:
        event = best_event(system.get(item.id, ()))
        gold_labels.append(item.label)
        pred.append(plv_label(event))
        pred_raw.append(plv_label(event, export_rule=False))
        if event is not None:
            with_event += 1
            fut_n += 1
            fut_hit += (event.status in ("planned", "possible")) == item.future
        if item.sources:
            src_n += 1
            src_hit += event is not None and _hits(item.sentence, event.actor, item.sources)
        if item.targets:
            tgt_n += 1
            tgt_hit += event is not None and _hits(item.sentence, event.recipient, item.targets)
    n = len(items)
    metrics = {
        "type_accuracy": safe_div(sum(g == p for g, p in zip(gold_labels, pred)), n),
        "type_macro_f1": macro_f1(gold_labels, pred, LABELS),
        "type_accuracy_raw": safe_div(sum(g == p for g, p in zip(gold_labels, pred_raw)), n),
        "source_overlap": safe_div(src_hit, src_n),
        "target_overlap": safe_div(tgt_hit, tgt_n),
        "future_accuracy": safe_div(fut_hit, fut_n),
        "event_rate": safe_div(with_event, n),
    }
    counts = {
        "items": n, "type_accuracy": n, "type_macro_f1": n, "type_accuracy_raw": n,
        "source_overlap": src_n, "target_overlap": tgt_n, "future_accuracy": fut_n, "event_rate": n,
    }
    future_gold = sum(i.future for i in items)
    notes = [
        f"sentences published {PUBLISHED} (fixed; the set has no dates); best event = highest confidence",
        f"{future_gold} of {n} sentences are future (`todo`); PLV codes future cooperation as AGREE, "
        "so our planned/possible CONSULT/SUPPORT/COOPERATE/AID count as AGREE",
    ]
    return DatasetResult("plv", metrics, counts, dict(DEFINITIONS), None, notes)


def run(path: Path, limit: int | None = None, process: Process | None = None) -> DatasetResult:
    with open(path, newline="", encoding="utf-8") as handle:
        items = parse_plv(handle)
    total = len(items)
    items = spread(items, limit)
    system = extract_texts([TextItem(f"plv-{i.id}", i.sentence, PUBLISHED) for i in items], process)
    result = score_plv(items, {i.id: system[f"plv-{i.id}"] for i in items})
    if len(items) < total:
        result.notes.append(f"{len(items)} sentences evenly spaced through the file (cap)")
    return result
