"""Score the extractor on the dev gold and the seed; write the figures and raise the gate's floors.

    .venv/bin/python benchmarks/accuracy.py            # measure, print, update benchmarks/results/accuracy.json

The accuracy gate (tests/test_accuracy_gate.py) fails when a figure drops
below its floor. Floors only rise: a floor is set to the measured figure
(rates rounded down to 3 decimals) when that is higher than the pinned one.
What is gated is `newsevents.evaluate.gate.gated_figures`: event F1 rates,
and for each attribute the number of matched events that get it right.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import subprocess
import sys
from pathlib import Path

from newsevents.evaluate.datasets import DatasetMissing, run_dataset
from newsevents.evaluate.gate import gated_figures

RESULTS = Path(__file__).resolve().parent / "results" / "accuracy.json"


def measure() -> tuple[dict[str, dict[str, float]], dict[str, dict[str, float]]]:
    """(every figure, for the record; the gated figures)."""
    figures, gated = {}, {}
    for name in ("dev", "dev-lowercase", "seed"):
        result = run_dataset(name)
        figures[name] = {k: v for k, v in result.metrics.items() if not math.isnan(v)}
        figures[name]["n_gold_events"] = result.n.get("event_f1_dyad", 0)
        gated[name] = gated_figures(result)
    return figures, gated


def main() -> int:
    try:
        measured, gated = measure()
    except DatasetMissing as exc:
        print(f"skipped: {exc}")
        return 0
    pinned = json.loads(RESULTS.read_text()) if RESULTS.exists() else {"floors": {}}
    floors = pinned.get("floors", {})
    for name, figures in gated.items():
        mine = floors.setdefault(name, {})
        for key, value in figures.items():
            if not key.endswith("_correct"):
                value = math.floor(value * 1000) / 1000
            mine[key] = max(mine.get(key, 0), value)
    measured = {name: {k: round(v, 4) for k, v in figures.items()} for name, figures in measured.items()}
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=RESULTS.parent).stdout.strip()
    doc = {"measured_on": dt.date.today().isoformat(), "commit": commit,
           "command": ".venv/bin/python benchmarks/accuracy.py", "measured": measured, "floors": floors}
    RESULTS.write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n")
    for name, figures in measured.items():
        print(name, json.dumps(figures, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
