"""PolNeAR (Newell, Margolin & Ruths, LREC 2018): attribution in US political news, train + dev.

Gold: brat standoff per article, `T` spans (Source, Cue, Content,
Attribution), `E` lines tying an attribution to its Content, Cue and
(optionally) Source. Articles annotated twice: the first annotator file in
name order is used. Each article is published on its metadata.tsv date.

What is measured, per event we extract (its position is its trigger located
in its evidence sentence; the evidence sentence when the trigger cannot be
found):
- the gold attributions "holding" the event are those whose Content span
  covers that position;
- source P/R/F1: our claimants (`attribution[].source` and `.via`) against
  the gold Source texts of the holding attributions, matched one-to-one;
  a pair matches when the normalised texts are equal or share a content
  word ("The Post" ~ "The New York Post"). Claimants on an event no
  attribution holds are false positives;
- cue detection: the record has no cue field, so we measure whether we
  notice that a cue exists: an event is gold-positive when some attribution
  (with or without a source) holds it, and predicted positive when our
  `sourcing` is `attributed` or `reported`.

The test split is never read (the authors ask that it be kept for final
evaluation).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ...records import Event
from . import DatasetMissing, DatasetResult
from ._common import Process, TextItem, content_tokens, extract_texts, locate, overlaps, prf, spread

SPLITS = ("train", "dev")
_T_LINE = re.compile(r"T\d+\t[\w-]+ \d+ \d+(;\d+ \d+)*(\t|$)")
_E_LINE = re.compile(r"E\d+\t")

DEFINITIONS = {
    "source_f1": "F1 of our claimants (source/via) vs the gold Source spans of the attributions whose "
        "Content holds each of our events",
    "source_precision": "matched claimants / all claimants we output on extracted events",
    "source_recall": "matched gold sources / gold sources of the attributions holding our events",
    "cue_f1": "F1 of detecting that an extracted event sits inside an attributed Content (our sourcing "
        "attributed/reported)",
    "cue_precision": "events we mark attributed/reported that a gold attribution holds / all we mark so",
    "cue_recall": "events a gold attribution holds that we mark attributed/reported / all such events",
}

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: Spans
    cue: Spans
    source: Spans
    source_text: str | None


@dataclass(frozen=True, slots=True)
class PolnearDoc:
    id: str
    text: str
    published: str | None
    attributions: tuple[GoldAttribution, ...]


def _spans(field: str) -> Spans:
    out = []
    for fragment in field.split(";"):
        start, _, end = fragment.strip().partition(" ")
        out.append((int(start), int(end)))
    return tuple(out)


def parse_ann(lines: Iterable[str]) -> tuple[GoldAttribution, ...]:
    """Attributions of one brat .ann file (those with a Content span)."""
    spans: dict[str, tuple[str, Spans, str]] = {}
    events: list[dict[str, str]] = []
    for line in lines:
        line = line.rstrip("\r\n")
        # a span text holding a newline continues on the next physical line: only
        # lines that look like brat ids start a record
        if _T_LINE.match(line):
            tid, _, rest = line.partition("\t")
            header, _, text = rest.partition("\t")
            label, _, where = header.partition(" ")
            spans[tid] = (label, _spans(where), text)
        elif _E_LINE.match(line):
            _, _, rest = line.partition("\t")
            roles = {}
            for part in rest.split():
                role, _, tid = part.partition(":")
                roles[role] = tid
            events.append(roles)
    out = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        cue = spans.get(roles.get("Cue", ""))
        source = spans.get(roles.get("Source", ""))
        out.append(GoldAttribution(
            content=content[1], cue=cue[1] if cue else (), source=source[1] if source else (),
            source_text=source[2] if source else None,
        ))
    return tuple(out)


def claimant_match(ours: str, gold: str) -> bool:
    a, b = ours.strip().lower(), gold.strip().lower()
    if a == b:
        return True
    return bool(content_tokens(a) & content_tokens(b))


def event_position(text: str, event: Event) -> tuple[int, int]:
    end = event.evidence.end or len(text)
    span = locate(text, event.trigger, event.evidence.start, end)
    return span if span is not None else (event.evidence.start, end)


def score_polnear(docs: Sequence[PolnearDoc], system: Mapping[str, Sequence[Event]]) -> DatasetResult:
    s_tp = s_fp = s_fn = c_tp = c_fp = c_fn = n_events = 0
    for doc in docs:
        for event in system.get(doc.id, ()):
            n_events += 1
            pos = event_position(doc.text, event)
            holding = [a for a in doc.attributions if any(overlaps(pos, c) for c in a.content)]
            gold = [a.source_text for a in holding if a.source_text]
            ours = [x for a in event.attribution for x in (a.source, a.via) if x]
            unmatched = list(gold)
            for claimant in ours:
                hit = next((g for g in unmatched if claimant_match(claimant, g)), None)
                if hit is None:
                    s_fp += 1
                else:
                    s_tp += 1
                    unmatched.remove(hit)
            s_fn += len(unmatched)
            predicted = event.sourcing in ("attributed", "reported")
            if predicted and holding:
                c_tp += 1
            elif predicted:
                c_fp += 1
            elif holding:
                c_fn += 1
    sp, sr, sf = prf(s_tp, s_fp, s_fn)
    cp, cr, cf = prf(c_tp, c_fp, c_fn)
    metrics = {"source_f1": sf, "source_precision": sp, "source_recall": sr,
               "cue_f1": cf, "cue_precision": cp, "cue_recall": cr}
    n = {"items": len(docs), "source_f1": s_tp + s_fn, "source_precision": s_tp + s_fp,
         "source_recall": s_tp + s_fn, "cue_f1": n_events, "cue_precision": c_tp + c_fp, "cue_recall": c_tp + c_fn}
    notes = [f"{n_events} events extracted from {len(docs)} articles; only the attributions holding them are scored"]
    return DatasetResult("polnear", metrics, n, dict(DEFINITIONS), None, notes)


def _published(root: Path) -> dict[str, str]:
    meta = root / "metadata.tsv"
    if not meta.exists():
        return {}
    with open(meta, encoding="utf-8", newline="") as handle:
        return {row["filename"]: row["publication_date"] for row in csv.DictReader(handle, delimiter="\t")}


def load_polnear(root: Path, splits: Sequence[str] = SPLITS) -> list[PolnearDoc]:
    root = Path(root)
    dates = _published(root)
    docs = []
    for split in splits:
        text_dir = root / split / "text"
        if not text_dir.is_dir():
            raise DatasetMissing(text_dir, "polnear")
        ann_dir = root / split / "attributions"
        for text_file in sorted(text_dir.glob("*.txt")):
            anns = sorted(ann_dir.glob(text_file.stem + "_*.ann"))
            if not anns:
                continue  # an unannotated text has no gold to score against
            text = text_file.read_text(encoding="utf-8")
            with open(anns[0], encoding="utf-8") as handle:
                attributions = parse_ann(handle)
            docs.append(PolnearDoc(f"{split}/{text_file.stem}", text, dates.get(text_file.stem), attributions))
    return docs


def run(path: Path, limit: int | None = None, process: Process | None = None) -> DatasetResult:
    docs = load_polnear(path)
    total = len(docs)
    docs = spread(docs, limit)
    system = extract_texts([TextItem(d.id, d.text, d.published) for d in docs], process, batch_size=16)
    result = score_polnear(docs, system)
    if len(docs) < total:
        result.notes.append(f"{len(docs)} of {total} train+dev articles, evenly spaced (cap)")
    return result
