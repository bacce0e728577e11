"""Peer datasets: public gold sets newsevents did not write, scored the same way every time.

`run_dataset(name, path=None, limit=None) -> DatasetResult` is the one entry
point (the CLI's `newsevents evaluate --dataset NAME` and
`benchmarks/scoreboard.py` both call it). Each adapter lives in its own module
and is imported only when its dataset is run, so a missing optional adapter
(or its data) never breaks the others.

Default data paths are found from this file's location (the repository's
sibling `../shared/data`), not from the working directory; the environment
variable `NEWSEVENTS_SHARED_DATA` points elsewhere when the data lives
somewhere else.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "DATASETS", "DatasetMissing", "DatasetResult", "DatasetSpec", "DatasetUnavailable",
    "run_dataset", "shared_data_root",
]


class DatasetMissing(FileNotFoundError):
    """The dataset's files are not where they were looked for."""

    def __init__(self, path: Path | str, dataset: str | None = None):
        self.path = str(path)
        self.dataset = dataset
        label = f"dataset {dataset!r}: " if dataset else ""
        super().__init__(
            f"{label}{self.path} not found; pass path=... (CLI: --path) or set NEWSEVENTS_SHARED_DATA "
            "to the folder holding peers/, dev/ and seed/"
        )


class DatasetUnavailable(RuntimeError):
    """The code that scores this dataset is not installed (another component not committed yet)."""


@dataclass(frozen=True, slots=True)
class DatasetResult:
    """Figures of one dataset run.

    `metrics` are fractions in [0, 1] (shown as percentages); `n` says over how
    many items each metric (or the run as a whole, key `items`) was computed;
    `definitions` is one line per metric; `anchor` maps a metric to the
    published figure of another system it can be read against.
    """

    dataset: str
    metrics: dict[str, float]
    n: dict[str, int]
    definitions: dict[str, str]
    anchor: dict[str, str] | None = None
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "metrics": dict(self.metrics),
            "n": dict(self.n),
            "definitions": dict(self.definitions),
            "anchor": dict(self.anchor) if self.anchor else None,
            "notes": list(self.notes),
        }

    def format_table(self) -> str:
        """A Markdown table: metric, definition, figure, n, anchor."""
        anchor = self.anchor or {}
        rows = ["| metric | definition | figure | n | anchor |", "|---|---|---|---|---|"]
        for name, value in self.metrics.items():
            n = self.n.get(name, self.n.get("items", ""))
            rows.append(
                f"| {name} | {_cell(self.definitions.get(name, ''))} | {_pct(value)} | {n} "
                f"| {_cell(anchor.get(name, ''))} |"
            )
        return "\n".join(rows)


def _pct(value: float) -> str:
    return "n/a" if value != value else f"{100.0 * value:.1f}%"  # NaN: nothing to measure on


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def shared_data_root() -> Path:
    """`../shared/data` next to the repository holding this package (or $NEWSEVENTS_SHARED_DATA)."""
    override = os.environ.get("NEWSEVENTS_SHARED_DATA")
    if override:
        return Path(override)
    # src/newsevents/evaluate/datasets/__init__.py -> parents[4] is the repository root.
    repo = Path(__file__).resolve().parents[4]
    return repo.parent / "shared" / "data"


Runner = Callable[[Path, "int | None"], DatasetResult]


@dataclass(frozen=True, slots=True)
class DatasetSpec:
    """A registered dataset: where its data is by default and which function scores it."""

    name: str
    description: str
    default_path: str  # relative to shared_data_root()
    target: str  # "package.module:function", imported only when run
    default_limit: int | None = None  # the scoreboard's documented cap (None: every item)

    def resolve_path(self, path: Path | str | None = None) -> Path:
        return Path(path) if path is not None else shared_data_root() / self.default_path

    def load(self) -> Runner:
        module_name, _, func_name = self.target.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            # Only a missing adapter module is "unavailable"; a missing dependency
            # inside a present module is a real failure and propagates.
            if exc.name and module_name.startswith(exc.name):
                raise DatasetUnavailable(f"{module_name} is not available ({exc})") from exc
            raise
        func = getattr(module, func_name, None)
        if func is None:
            raise DatasetUnavailable(f"{module_name} has no function {func_name}")
        return func

    def run(self, path: Path | str | None = None, limit: int | None = None) -> DatasetResult:
        resolved = self.resolve_path(path)
        if not resolved.exists():
            raise DatasetMissing(resolved, self.name)
        return self.load()(resolved, limit)


_PKG = "newsevents.evaluate.datasets"

DATASETS: Mapping[str, DatasetSpec] = {
    spec.name: spec
    for spec in (
        DatasetSpec(
            "plv", "PLV sentences (Zero-Shot-PLOVER train): PLOVER type, source/target spans, past vs future",
            "peers/plv/PLV_train.tsv", f"{_PKG}.plv:run",
        ),
        DatasetSpec(
            "plover-gsr", "PLOVER gold-standard records (CAMEO-manual sentences, PLOVER draft 0.5b1)",
            "peers/plover_gsr/PLOVER_GSR_CAMEO.json", f"{_PKG}.plover_gsr:run",
        ),
        DatasetSpec(
            "timeml", "TimeBank + AQUAINT (TempEval-3 TBAQ-cleaned): TIMEX3 normalisation",
            "peers/timeml", f"{_PKG}.wrapped:run_timeml",
        ),
        DatasetSpec(
            "meantime", "MEANTIME English (Wikinews): event certainty, polarity and future time vs our status",
            "peers/meantime_en/intra-doc_annotation", f"{_PKG}.meantime:run",
        ),
        DatasetSpec(
            "polnear", "PolNeAR (train+dev): attribution sources and cues of the events we extract",
            "peers/polnear", f"{_PKG}.polnear:run",
            # 924 articles at ~0.5 s each would take the board past its 10-minute budget
            default_limit=150,
        ),
        DatasetSpec(
            "geo-lgl", "LGL local-news toponyms (Gritta et al. copy): gazetteer resolution",
            "peers/geo/lgl.xml", f"{_PKG}.wrapped:run_geo_lgl",
        ),
        DatasetSpec(
            "geo-geowebnews", "GeoWebNews toponyms (Gritta et al.): gazetteer resolution",
            "peers/geo/GeoWebNews/GWN.xml", f"{_PKG}.wrapped:run_geo_geowebnews",
        ),
        DatasetSpec(
            "conflibert-cameo", "ConfliBERT CAMEO PentaClass sentences (train split): five-way class",
            "peers/conflibert_cameo/cameo_class/train.tsv", f"{_PKG}.conflibert:run",
        ),
        DatasetSpec(
            "dev", "newsevents dev gold (24 articles): the full evaluate table",
            "dev", f"{_PKG}.gold:run",
        ),
        DatasetSpec(
            "dev-lowercase", "the dev gold with its articles lower-cased: robustness to archives without capitals",
            "dev", f"{_PKG}.gold:run_lowercase",
        ),
        DatasetSpec(
            "seed", "newsevents seed article (Biden-Xi APEC): the full evaluate table",
            "seed", f"{_PKG}.gold:run_seed",
        ),
    )
}


def run_dataset(name: str, path: Path | str | None = None, limit: int | None = None) -> DatasetResult:
    """Score newsevents on the named dataset.

    Raises KeyError (listing the names) for an unknown dataset, DatasetMissing
    (a FileNotFoundError) when its data is absent, DatasetUnavailable when the
    scoring code is not installed.
    """
    try:
        spec = DATASETS[name]
    except KeyError:
        raise KeyError(f"unknown dataset {name!r}; known: {', '.join(DATASETS)}") from None
    return spec.run(path, limit)
