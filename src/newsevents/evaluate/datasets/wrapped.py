"""Datasets scored by other components' own adapters, brought under the registry.

- timeml: `newsevents.evaluate.timeml.evaluate_timeml(path, limit) -> TimexScore`
- geo-lgl, geo-geowebnews: `newsevents.evaluate.geo.evaluate_geo(dataset, path, limit) -> GeoScore`

Both are imported only when run; when their module is not installed the
registry reports the dataset as unavailable. Their `as_dict()` (or
`summary()`) is turned into a DatasetResult: the defined fraction-valued
fields are figures, integers are counts (listed in the notes).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ...errors import EvaluationError
from . import DatasetMissing, DatasetResult, DatasetUnavailable

TIMEML_DEFINITIONS = {
    "precision": "timex detection: system DATE/TIME spans that overlap a gold TIMEX3 (DATE/TIME, DCT "
        "excluded)",
    "recall": "timex detection: gold TIMEX3 overlapped by a system span",
    "f1": "harmonic mean of detection precision and recall",
    "strict_accuracy": "found gold timexes whose value we resolve exactly as TimeML writes it (DCT-relative)",
    "relaxed_accuracy": "found gold timexes whose value denotes an overlapping stretch of time",
}
TIMEML_N = {"precision": "n_system", "recall": "n_gold", "f1": "n_gold",
            "strict_accuracy": "n_gold_found", "relaxed_accuracy": "n_gold_found"}
GEO_DEFINITIONS = {
    "exact": "gold toponyms with a GeoNames id whose id we return (gold spans given; recognition not "
        "measured)",
    "within_161km": "gold toponyms with coordinates that we place within 161 km (100 miles)",
    "coverage": "gold toponyms for which we return any place",
}
GEO_N = {"exact": "n_with_id", "within_161km": "n", "coverage": "n"}
# Mordecai3 technical report (Halterman 2023): its published figures, averaged over
# six evaluation sets (not per set), so they are anchors for both LGL and GeoWebNews.
GEO_ANCHOR = {
    "exact": "Mordecai3 92.6% (exact id, mean of six sets; Halterman 2023)",
    "within_161km": "Mordecai3 96.6% (within 161 km, mean of six sets; Halterman 2023)",
}
_GEO_NAMES = {"geo-lgl": "lgl", "geo-geowebnews": "geowebnews"}


def _import(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            raise DatasetUnavailable(f"{module} is not available yet ({exc})") from exc
        raise


def from_score(dataset: str, score: Any, definitions: Mapping[str, str],
               anchor: Mapping[str, str] | None = None, anchor_hint: str | None = None,
               n_of: Mapping[str, str] | None = None) -> DatasetResult:
    """A DatasetResult from another adapter's score object (anything with `as_dict()`)."""
    if hasattr(score, "as_dict"):
        raw = score.as_dict()
    elif hasattr(score, "summary"):
        raw = score.summary()
    else:
        raw = dict(score)
    metrics: dict[str, float] = {}
    n: dict[str, int] = {}
    for key, value in raw.items():
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int):
            n[key] = value
        elif isinstance(value, float) and 0.0 <= value <= 1.0 and (not definitions or key in definitions):
            # with definitions given, only the defined figures (a median in km can also sit in [0, 1])
            metrics[key] = value
    items = next((n[k] for k in ("n_gold", "n", "n_toponyms", "n_docs") if k in n), None)
    if items is not None:
        n["items"] = items
    for metric, count_key in (n_of or {}).items():
        if metric in metrics and count_key in n:
            n[metric] = n[count_key]
    defs = {k: definitions.get(k, f"`{k}` as reported by the component's own adapter") for k in metrics}
    result_anchor: dict[str, str] | None = None
    notes: list[str] = []
    if anchor_hint:
        # Put the published figure beside the accuracy-like metric it is comparable with.
        target = next((k for k in metrics if "acc" in k.lower()), next(iter(metrics), None))
        if target is not None:
            result_anchor = {target: anchor_hint}
        else:
            notes.append(f"anchor: {anchor_hint}")
    elif anchor:
        result_anchor = {k: v for k, v in anchor.items() if k in metrics} or None
    counts_text = ", ".join(f"{k} {v}" for k, v in raw.items() if isinstance(v, int) and not isinstance(v, bool))
    if counts_text:
        notes.append("counts: " + counts_text)
    return DatasetResult(dataset, metrics, n, defs, result_anchor, notes)


def _own_default(dataset: str, path: Path) -> Path | None:
    """None when `path` is the registry default: the wrapped adapter then uses its own default
    (it knows whether it wants a file or a folder); an explicit path is passed through."""
    from . import DATASETS

    return None if Path(path) == DATASETS[dataset].resolve_path() else Path(path)


def run_timeml(path: Path, limit: int | None = None) -> DatasetResult:
    module = _import("newsevents.evaluate.timeml")
    try:
        score = module.evaluate_timeml(path=_own_default("timeml", path), limit=limit)
    except FileNotFoundError as exc:
        raise DatasetMissing(path, "timeml") from exc
    result = from_score("timeml", score, TIMEML_DEFINITIONS, n_of=TIMEML_N)
    result.notes.append("TimeBank + AQUAINT (TBAQ-cleaned, TempEval-3 training data); scored by "
                        "newsevents.evaluate.timeml")
    return result


def _run_geo(dataset: str, path: Path, limit: int | None) -> DatasetResult:
    module = _import("newsevents.evaluate.geo")
    try:
        score = module.evaluate_geo(_GEO_NAMES[dataset], path=_own_default(dataset, path), limit=limit)
    except (FileNotFoundError, EvaluationError) as exc:
        if Path(path).exists():
            raise
        raise DatasetMissing(path, dataset) from exc
    result = from_score(dataset, score, GEO_DEFINITIONS, anchor=GEO_ANCHOR, n_of=GEO_N)
    result.notes.append("scored by newsevents.evaluate.geo; Mordecai3's figure is its own published "
                        "measure on the set, read it as an anchor, not a like-for-like comparison")
    return result


def run_geo_lgl(path: Path, limit: int | None = None) -> DatasetResult:
    return _run_geo("geo-lgl", path, limit)


def run_geo_geowebnews(path: Path, limit: int | None = None) -> DatasetResult:
    return _run_geo("geo-geowebnews", path, limit)
