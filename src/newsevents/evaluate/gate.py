"""The figures the accuracy gate pins (tests/test_accuracy_gate.py, benchmarks/accuracy.py).

Event figures are gated as F1 rates. Attribute figures (status, date, place,
names ...) are gated as the NUMBER of matched events that get the attribute
right: an accuracy over matched pairs is conditional on what was matched, so
it can fall when recall rises (new, harder events enter the pairs) although
no event lost a correct attribute. The count only falls when the system
really gets fewer attributes right.
"""

from __future__ import annotations

import math
from typing import Any

# F1, not precision and recall apart: a floor on each would forbid trading a
# little of one for more of the other even when F1 rises.
RATES = ("event_f1_dyad", "event_f1_typed", "status_aware_f1")
ATTRIBUTES = ("status", "sourcing", "mode", "date_exact", "date_lenient", "place_exact", "place_lenient",
              "actor_names", "dyad_exact")


def gated_figures(result: Any) -> dict[str, float]:
    """{rate name: rate, "<attribute>_correct": count} from a dev/seed DatasetResult."""
    out: dict[str, float] = {k: result.metrics[k] for k in RATES if k in result.metrics}
    for name in ATTRIBUTES:
        value, n = result.metrics.get(name), result.n.get(name, 0)
        out[f"{name}_correct"] = 0 if value is None or math.isnan(value) else round(value * n)
    return out
