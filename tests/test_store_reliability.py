"""Store reliability: SIGKILL mid-ingest then resume; queries while another process holds the file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from newsevents.errors import StoreBusy
from newsevents.records import Article
from newsevents.store import open as open_store
from newsevents.store.ingest import ingest
from test_store_helpers import corpus_lines, fake_process, write_corpus

TESTS = Path(__file__).parent


def _ingest_script(tmp_path: Path, corpus: Path, db: Path) -> Path:
    script = tmp_path / "slow_ingest.py"
    script.write_text(textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(TESTS)!r})
        from test_store_helpers import slow_fake_process
        from newsevents.store.ingest import ingest

        def show(p):
            print("committed", p.batches, flush=True)

        ingest([{str(corpus)!r}], {str(db)!r}, process=slow_fake_process, batch_size=5, on_progress=show)
        print("done", flush=True)
    """))
    return script


def _holder(db: Path) -> subprocess.Popen[str]:
    code = f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('holding', flush=True); time.sleep(60)"
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
    return proc


def _consistent(db: Path) -> None:
    store = open_store(db, read_only=True)
    rows = store.sql("""
        select (select count(*) from articles) as articles,
               (select count(distinct content_id) from articles) as distinct_articles,
               (select count(*) from events) as events,
               (select count(distinct event_id) from events) as distinct_events,
               (select coalesce(sum(n_events), 0) from articles) as promised,
               (select count(*) from participants p anti join events e on e.event_id = p.event_id) as orphans
    """).records()[0]
    assert rows["articles"] == rows["distinct_articles"]
    assert rows["events"] == rows["distinct_events"] == rows["promised"]
    assert rows["orphans"] == 0


def test_sigkill_then_resume(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 40)
    db = tmp_path / "events.duckdb"
    proc = subprocess.Popen([sys.executable, str(_ingest_script(tmp_path, corpus, db))],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.startswith("committed"), line
    time.sleep(0.2)  # land the kill somewhere inside a later batch
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    _consistent(db)
    partial = open_store(db).stats()["counts"]["articles"]
    assert 5 <= partial < 40

    report = ingest([str(corpus)], db, process=fake_process, batch_size=5)
    assert report.progress.present == partial and report.progress.stored == 40 - partial
    _consistent(db)
    expected_events = sum(len(r.events) for r in fake_process([Article(**r) for r in corpus_lines(40)]))
    final = open_store(db).stats()["counts"]
    assert (final["articles"], final["events"]) == (40, expected_events)


def test_query_while_writer_holds_file_is_busy_not_hang(tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    ingest([str(write_corpus(tmp_path / "c.jsonl", 5))], db, process=fake_process)
    holder = _holder(db)
    try:
        start = time.monotonic()
        with pytest.raises(StoreBusy) as info:
            open_store(db, read_only=True, wait=0.5)
        assert time.monotonic() - start < 5
        assert "busy" in str(info.value) and str(holder.pid) in str(info.value)

        cli = subprocess.run(
            [sys.executable, "-m", "newsevents", "events", "--db", str(db), "--json", "--wait", "0.3"],
            capture_output=True, text=True, timeout=60)
        assert cli.returncode == 3
        err = json.loads(cli.stderr.strip().splitlines()[-1])
        assert set(err) == {"code", "error", "message", "source"} and err["code"] == "NE401"
        assert err["error"] == "StoreBusy"
    finally:
        holder.kill()
        holder.wait()
    assert open_store(db, read_only=True).count() > 0  # nothing corrupted


def test_queries_during_ingest_answer_consistently_or_say_busy(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 30)
    db = tmp_path / "events.duckdb"
    open_store(db)  # created, so readers find a database from the start
    proc = subprocess.Popen([sys.executable, str(_ingest_script(tmp_path, corpus, db))],
                            stdout=subprocess.PIPE, text=True)
    answers, busy, last = 0, 0, -1
    try:
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            try:
                store = open_store(db, read_only=True, wait=0.2)
                n = store.count()
                _consistent(db)
                assert n >= last  # never goes back: each answer is a committed state
                last, answers = n, answers + 1
            except StoreBusy:
                busy += 1
            time.sleep(0.05)
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    assert answers > 0
    _consistent(db)
    assert open_store(db).stats()["counts"]["articles"] == 30
