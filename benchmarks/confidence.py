"""How far `confidence` can be trusted: dev precision by confidence band.

    .venv/bin/python benchmarks/confidence.py    # writes benchmarks/results/confidence.md

`confidence` is a score, not a probability: the trigger word's prior from the
lexicon, lowered when the actor is a pronoun, guessed from the sentence, or
the recipient is inferred. This script measures what each band of it is worth
on the dev gold (the share of events in the band that match a gold event on
type and dyad), so a user can pick a `--min-confidence` knowingly.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from newsevents.evaluate.datasets import DatasetMissing, shared_data_root
from newsevents.evaluate.datasets.gold import article_from_dict, read_jsonl
from newsevents.evaluate.scoring import _view, greedy_match
from newsevents.pipeline import process_batch
from newsevents.records import article_events_to_dict

OUT = Path(__file__).resolve().parent / "results" / "confidence.md"
BANDS = ((0.0, 0.3), (0.3, 0.45), (0.45, 0.6), (0.6, 0.75), (0.75, 1.01))


def main() -> int:
    folder = shared_data_root() / "dev"
    if not (folder / "articles.jsonl").exists():
        print(f"skipped: {DatasetMissing(folder)}")
        return 0
    articles = [article_from_dict(d) for d in read_jsonl(folder / "articles.jsonl")]
    gold = {g["article_id"]: g for g in read_jsonl(folder / "gold.jsonl")}
    system = [article_events_to_dict(r) for r in process_batch(articles)]
    scored: list[tuple[float, bool]] = []
    for doc in system:
        g = gold.get(doc["article_id"], {"events": []})
        gv = [_view(i, e, "gold") for i, e in enumerate(g["events"])]
        sv = [_view(i, e, "system") for i, e in enumerate(doc["events"])]
        matched = {s.index for _, s, _ in greedy_match(gv, sv, use_dyad=True)}
        scored.extend((e["confidence"], i in matched) for i, e in enumerate(doc["events"]))
    lines = [f"# Confidence bands on the dev gold ({dt.date.today().isoformat()})", "",
             "Command: `.venv/bin/python benchmarks/confidence.py`", "",
             "| confidence | events | matched (type + dyad) | precision |", "|---|---|---|---|"]
    for low, high in BANDS:
        band = [m for c, m in scored if low <= c < high]
        precision = f"{sum(band) / len(band):.2f}" if band else "-"
        lines.append(f"| {low:.2f}–{min(high, 1.0):.2f} | {len(band)} | {sum(band)} | {precision} |")
    OUT.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
