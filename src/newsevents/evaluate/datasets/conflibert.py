"""ConfliBERT CAMEO PentaClass sentences (eventdata/ConfliBERT data/cameo_class).

Gold: one of five CAMEO classes per sentence (0 make a statement / CAMEO
01-02, 1 verbal cooperation 03-05, 2 material cooperation 06-08, 3 verbal
conflict 09-13, 4 material conflict 14-20).

Mapping decisions:
- our best event (highest confidence), after PLOVER's export rule, gives the
  class through the quad category of its type (`PENTA_OF_TYPE`: CONCEDE and
  RETREAT are CAMEO 08 = material cooperation, SANCTION is CAMEO 16 =
  material conflict);
- no event = class 0: PLOVER drops CAMEO's public statements and appeals, so
  "nothing coded" is our way of saying "statement";
- every sentence is published 2019-01-01 (fixed; the set has no dates).

We score the train split by default: newsevents was not trained on it, and
the test split is kept for a final check (it also overlaps plover-gsr).
ConfliBERT's published figure is on test after fine-tuning on train, so it
is an anchor to read against, not a like-for-like comparison.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ...records import Event
from . import DatasetResult
from ._common import (
    PENTA_OF_TYPE, Process, TextItem, best_event, extract_texts, macro_f1, plover_export_type, safe_div, spread,
)

PUBLISHED = "2019-01-01"
CLASSES = ("0", "1", "2", "3", "4")

DEFINITIONS = {
    "macro_f1": "mean F1 over the five CAMEO classes (0 statement = no event from us, 1-4 = quad of our best "
        "event's type)",
    "accuracy": "share of sentences whose predicted class equals the gold class",
    "macro_f1_events": "mean F1 over classes 1-4 only (the event classes PLOVER codes)",
    "event_rate_statements": "share of class-0 (statement) sentences where we still extract an event",
}
ANCHOR = {
    "macro_f1": "ConfliBERT 87.88% (Hu et al. 2022; fine-tuned on train, scored on test)",
}


@dataclass(frozen=True, slots=True)
class PentaItem:
    id: str
    sentence: str
    label: str


def parse_penta(lines: Iterable[str]) -> list[PentaItem]:
    """`sentence<TAB>label` lines (CRLF tolerated; blank lines skipped)."""
    items = []
    for number, line in enumerate(lines):
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        sentence, _, label = line.rpartition("\t")
        label = label.strip()
        if label not in CLASSES or not sentence:
            continue  # a header or malformed line carries no gold
        items.append(PentaItem(f"cameo-{number}", sentence.strip(), label))
    return items


def penta_class(event: Event | None) -> str:
    if event is None:
        return "0"
    return str(PENTA_OF_TYPE.get(plover_export_type(event), 0))


def score_penta(items: Sequence[PentaItem], system: Mapping[str, Sequence[Event]]) -> DatasetResult:
    gold = [i.label for i in items]
    pred = [penta_class(best_event(system.get(i.id, ()))) for i in items]
    statements = [p for g, p in zip(gold, pred) if g == "0"]
    metrics = {
        "macro_f1": macro_f1(gold, pred, CLASSES),
        "accuracy": safe_div(sum(g == p for g, p in zip(gold, pred)), len(items)),
        "macro_f1_events": macro_f1(gold, pred, CLASSES[1:]),
        "event_rate_statements": safe_div(sum(p != "0" for p in statements), len(statements)),
    }
    n = {"items": len(items), "macro_f1": len(items), "accuracy": len(items),
         "macro_f1_events": sum(g != "0" for g in gold), "event_rate_statements": len(statements)}
    notes = [f"sentences published {PUBLISHED} (fixed); best event = highest confidence; no event = class 0"]
    return DatasetResult("conflibert-cameo", metrics, n, dict(DEFINITIONS), dict(ANCHOR), notes)


def run(path: Path, limit: int | None = None, process: Process | None = None) -> DatasetResult:
    with open(path, encoding="utf-8", newline="") as handle:
        items = parse_penta(handle)
    total = len(items)
    items = spread(items, limit)
    system = extract_texts([TextItem(i.id, i.sentence, PUBLISHED) for i in items], process)
    result = score_penta(items, system)
    result.notes.append(f"split: {Path(path).name}")
    if len(items) < total:
        result.notes.append(f"{len(items)} of {total} sentences, evenly spaced through the file (cap)")
    return result
