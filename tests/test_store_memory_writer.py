"""The ingest's per-batch DuckDB connections run with WRITER_SETTINGS (one thread: issue 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.store import connect as store_connect
from newsevents.store import db as store_db
from newsevents.store.ingest import ingest
from test_store_helpers import fake_process, write_corpus


def test_ingest_writes_run_with_the_writer_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[bool, object]] = []
    real = store_connect.connection

    def spy(path, *, read_only, wait, settings=None):  # type: ignore[no-untyped-def]
        cm = real(path, read_only=read_only, wait=wait, settings=settings)

        class Wrapped:
            def __enter__(self):  # type: ignore[no-untyped-def]
                con = cm.__enter__()
                seen.append((settings is not None, con.execute("SELECT current_setting('threads')").fetchall()[0][0]))
                return con

            def __exit__(self, *exc):  # type: ignore[no-untyped-def]
                return cm.__exit__(*exc)

        return Wrapped()

    monkeypatch.setattr(store_db, "connection", spy)
    report = ingest([str(write_corpus(tmp_path / "c.jsonl", 12))], tmp_path / "e.duckdb",
                    process=fake_process, batch_size=5)
    assert report.progress.stored == 12
    writes = [threads for lean, threads in seen if lean]
    assert len(writes) >= 3 + 1  # three batches written, presence checked at least once
    assert set(writes) == {store_connect.WRITER_SETTINGS["threads"]} == {1}
