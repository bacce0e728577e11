"""Wrapped adapters (TimeML, geo): generic conversion of another component's score."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsevents.evaluate.datasets import DatasetUnavailable
from newsevents.evaluate.datasets.wrapped import TIMEML_DEFINITIONS, TIMEML_N, _import, from_score


@dataclass(frozen=True)
class _Score:
    def as_dict(self):
        return {"n_docs": 2, "n_gold": 10, "n_system": 8, "n_gold_found": 6, "precision": 0.75,
                "recall": 0.6, "f1": 0.6667, "strict_accuracy": 0.5, "relaxed_accuracy": 0.8333,
                "ms_per_call": 3.2, "flag": True, "nothing": None}


def test_from_score_splits_figures_and_counts():
    r = from_score("timeml", _Score(), TIMEML_DEFINITIONS, n_of=TIMEML_N)
    assert r.metrics == {"precision": 0.75, "recall": 0.6, "f1": 0.6667, "strict_accuracy": 0.5,
                         "relaxed_accuracy": 0.8333}  # ms_per_call (not a fraction) and flags are left out
    assert r.n["items"] == 10 and r.n["precision"] == 8 and r.n["strict_accuracy"] == 6
    assert r.definitions["precision"] == TIMEML_DEFINITIONS["precision"]


def test_anchor_goes_to_accuracy_metric():
    class Geo:
        def as_dict(self):
            return {"n_toponyms": 5, "recall": 0.4, "accuracy_161km": 0.8}

    r = from_score("geo-lgl", Geo(), {}, anchor_hint="Mordecai3 96.6%")
    assert r.anchor == {"accuracy_161km": "Mordecai3 96.6%"}
    assert r.n["items"] == 5


def test_missing_component_is_unavailable():
    with pytest.raises(DatasetUnavailable):
        _import("newsevents.evaluate.no_such_component")


@pytest.mark.shared
@pytest.mark.model
def test_timeml_real_slice(real_slice):
    try:
        r = real_slice("timeml", limit=3)
    except DatasetUnavailable as exc:
        pytest.skip(str(exc))
    assert r.n["items"] > 0
    assert 0.0 <= r.metrics["f1"] <= 1.0
