"""Short-lived DuckDB connections, with a bounded wait when another process holds the file.

DuckDB lets one process write, and a writer cannot open the file while any other
process holds it, even read-only. Every store operation therefore opens a
connection, does its work and closes it; a caller that finds the file locked
retries for at most `wait` seconds and then raises StoreBusy: never a hang.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import StoreBusy, StoreError

_LOCK_MARKERS = ("Could not set lock", "Conflicting lock")


def _holder(message: str) -> str:
    match = re.search(r"\(PID (\d+)\)", message)
    return f"process {match.group(1)}" if match else "another process"


# What an ingest's writes (a batch of a few dozen articles) set on their connection. DuckDB's
# default of one thread per core gives each write and the checkpoint at close a worker
# pool with its own buffers for nothing: with one, the ingest process rests ~20 MB lower.
WRITER_SETTINGS: dict[str, Any] = {"threads": 1}


@contextlib.contextmanager
def connection(path: Path, *, read_only: bool, wait: float,
               settings: dict[str, Any] | None = None) -> Iterator[Any]:
    import duckdb

    deadline = time.monotonic() + max(wait, 0.0)
    delay = 0.01
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as exc:
            message = str(exc)
            if not any(marker in message for marker in _LOCK_MARKERS):
                raise StoreError(f"cannot open the event database: {message}", source=str(path)) from exc
            if time.monotonic() >= deadline:
                raise StoreBusy(
                    f"the event database is busy: {_holder(message)} holds it (waited {wait:g} s); "
                    "retry later, or raise --wait",
                    source=str(path),
                ) from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.25)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the event database: {exc}", source=str(path)) from exc
    try:
        for name, value in (settings or {}).items():
            con.execute(f"SET {name} = ?", [value])
        yield con
    finally:
        con.close()
