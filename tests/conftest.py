"""Shared fixtures."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newsevents.evaluate.datasets import DATASETS, run_dataset


@pytest.fixture
def real_slice() -> Callable[..., Any]:
    """`run_dataset` on a real peer set in ../shared, skipping with the missing path when it is absent
    (the licences do not let the data ship with the repository)."""
    def run(name: str, limit: int | None = None) -> Any:
        path = DATASETS[name].resolve_path()
        if not path.exists():
            pytest.skip(f"{path} not found (../shared/data absent)")
        return run_dataset(name, limit=limit)
    return run
