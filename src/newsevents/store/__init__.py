"""The event store: articles, events and their parts in DuckDB, queried and exported.

Importing this package is cheap: duckdb, pyarrow and pandas load on first use.
"""

from __future__ import annotations

from .db import EventStore, WriteResult
from .db import open_store as open
from .query import Filters

__all__ = ["EventStore", "Filters", "WriteResult", "open"]
