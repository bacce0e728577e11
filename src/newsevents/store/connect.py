"""Short-lived DuckDB connections, with a bounded wait when another process holds the file.

DuckDB lets one process write, and a writer cannot open the file while any other
process holds it, even read-only. Every store operation therefore opens a
connection, does its work and closes it; a caller that finds the file locked
retries for at most `wait` seconds and then raises StoreBusy: never a hang.

A writable connection attaches the file with a small row group (ROW_GROUP_SIZE):
see there why.
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


# Rows per row group for everything a writable connection appends. Closing a connection
# checkpoints, and a checkpoint rewrites the table's last, partly filled row group in full:
# with DuckDB's default of 122,880 rows that rewrite holds more and more of the articles'
# text as the table grows (32-article batches of Reuters text: +35 MB at 19k articles, +231 MB
# at 122,880). With 2,048 rows, DuckDB's smallest (a multiple of its vector size), it levels
# off at ~16 MB. The price is more row groups to scan: the 1M-event queries took 1.2-2.3x
# as long (still under 0.6 s). DuckDB does not store the size in the file, so every writable
# connection passes it (any storage version takes it); row groups written before keep their
# size. Readers never append, so they open the file directly.
ROW_GROUP_SIZE = 2048

# What an ingest's writes (a batch of a few dozen articles) set on their connection. DuckDB's
# default of one thread per core gives each write and the checkpoint at close a worker
# pool with its own buffers for nothing: with one, the ingest process rests ~20 MB lower.
WRITER_SETTINGS: dict[str, Any] = {"threads": 1}


def _alias(path: Path) -> str:
    # The name DuckDB itself gives a file it opens (its stem), unless that is taken by a
    # built-in catalog; queries that name the database keep working either way.
    stem = path.stem or "store"
    return "store" if stem.lower() in ("memory", "system", "temp", "main") else stem


def _open(duckdb: Any, path: Path, read_only: bool) -> Any:
    if read_only:
        return duckdb.connect(str(path), read_only=True)
    con = duckdb.connect()  # a private in-memory database, to ATTACH the file with our options
    try:
        quoted = '"' + _alias(path).replace('"', '""') + '"'
        con.execute(f"ATTACH '{str(path).replace(chr(39), chr(39) * 2)}' AS {quoted} "
                    f"(ROW_GROUP_SIZE {int(ROW_GROUP_SIZE)})")
        con.execute(f"USE {quoted}")
    except BaseException:
        con.close()
        raise
    return con


@contextlib.contextmanager
def connection(path: Path, *, read_only: bool, wait: float,
               settings: dict[str, Any] | None = None) -> Iterator[Any]:
    import duckdb

    deadline = time.monotonic() + max(wait, 0.0)
    delay = 0.01
    while True:
        try:
            con = _open(duckdb, path, read_only)
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
