"""The dataset registry, DatasetResult and the scoreboard's handling of absent data and failures."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

from newsevents.evaluate import datasets as ds
from newsevents.evaluate.datasets import (
    DATASETS, DatasetMissing, DatasetResult, DatasetSpec, DatasetUnavailable, run_dataset, shared_data_root,
)

REPO = Path(__file__).resolve().parents[1]


def _scoreboard(monkeypatch):
    spec = importlib.util.spec_from_file_location("scoreboard", REPO / "benchmarks" / "scoreboard.py")
    module = importlib.util.module_from_spec(spec)
    # dataclasses resolve annotations through sys.modules: register before executing
    monkeypatch.setitem(sys.modules, "scoreboard", module)
    spec.loader.exec_module(module)
    return module


def test_registry_names():
    for name in ("plv", "plover-gsr", "timeml", "meantime", "polnear", "geo-lgl", "geo-geowebnews",
                 "conflibert-cameo", "dev", "seed"):
        assert name in DATASETS
        assert DATASETS[name].name == name


def test_shared_root_does_not_depend_on_cwd(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSEVENTS_SHARED_DATA", raising=False)
    expected = REPO.parent / "shared" / "data"
    monkeypatch.chdir(tmp_path)
    assert shared_data_root() == expected
    monkeypatch.setenv("NEWSEVENTS_SHARED_DATA", str(tmp_path))
    assert shared_data_root() == tmp_path


def test_unknown_dataset_lists_names():
    with pytest.raises(KeyError, match="plover-gsr"):
        run_dataset("nope")


def test_missing_data_names_the_path(tmp_path):
    missing = tmp_path / "absent.tsv"
    with pytest.raises(DatasetMissing) as info:
        run_dataset("plv", path=missing)
    assert isinstance(info.value, FileNotFoundError)
    assert str(missing) in str(info.value)


def test_unavailable_module(tmp_path):
    spec = DatasetSpec("x", "x", "x", "newsevents.evaluate.datasets.no_such_adapter:run")
    (tmp_path / "x").write_text("")
    with pytest.raises(DatasetUnavailable):
        spec.run(tmp_path / "x")


def test_result_table_and_dict():
    r = DatasetResult("d", {"acc": 0.5, "f1": float("nan")}, {"items": 4, "acc": 2}, {"acc": "a | b"},
                      {"acc": "Other 60%"}, ["note"])
    table = r.format_table()
    assert "| acc | a \\| b | 50.0% | 2 | Other 60% |" in table
    assert "| f1 |  | n/a | 4 |  |" in table
    assert r.as_dict()["metrics"]["acc"] == 0.5 and r.as_dict()["notes"] == ["note"]


def test_scoreboard_rows(monkeypatch, tmp_path):
    board = _scoreboard(monkeypatch)

    def fake_run(name, path=None, limit=None):
        if name == "plv":
            raise DatasetMissing("/nowhere/PLV_train.tsv", name)
        if name == "timeml":
            raise DatasetUnavailable("newsevents.evaluate.timeml is not available")
        if name == "meantime":
            # a FileNotFoundError from inside the extractor is a failure, not absent data
            raise FileNotFoundError("kb/data/people.yaml")
        return DatasetResult(name, {"acc": 0.25}, {"items": 8, "acc": 8}, {"acc": "share right"}, None, [])

    monkeypatch.setattr(board, "run_dataset", fake_run)
    out = tmp_path / "SB.md"
    code = board.main(["--only", "plv", "--only", "timeml", "--only", "meantime", "--only", "seed",
                       "--out", str(out)])
    text = out.read_text()
    assert code == 1  # a failed row makes the run fail visibly
    assert "skipped: /nowhere/PLV_train.tsv not found" in text
    assert "not available: newsevents.evaluate.timeml" in text
    assert "failed: FileNotFoundError" in text
    assert "| acc | share right | 25.0% | 8 |  |" in text
    assert "commit `" in text


@pytest.mark.skipif(os.environ.get("NEWSEVENTS_SHARED_DATA") is not None, reason="custom data root")
def test_default_paths_under_shared():
    for spec in DATASETS.values():
        assert str(spec.resolve_path()).startswith(str(ds.shared_data_root()))


def test_poor_figures(monkeypatch):
    board = _scoreboard(monkeypatch)
    r = DatasetResult("d", {"a": 0.3, "b": 0.8, "c": 0.9, "d": 0.1, "event_rate": 0.2},
                      {"items": 100, "d": 5}, {}, {"b": "Other 95.0% (paper)", "c": "Other 92%"}, [])
    # a: under 50%; b: 15 points under its anchor; c: within 10 points; d: too few items; rates are descriptive
    assert board.poor_figures(r) == ["a 30.0%", "b 80.0% vs anchor 95.0%"]
