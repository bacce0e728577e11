"""The ingest's per-batch DuckDB connections run with WRITER_SETTINGS (one thread: issue 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.store import connect as store_connect
from newsevents.store import db as store_db
from newsevents.store.ingest import ingest
from test_store_helpers import corpus_lines, fake_process, write_corpus


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


def _rows(first: int, n: int):  # type: ignore[no-untyped-def]
    from newsevents.records import Article
    from newsevents.store.rows import build_rows

    arts = [Article(**r) for r in corpus_lines(first + n)[first:]]
    return build_rows(fake_process(arts), {a.id: a for a in arts})


def _row_groups(db: Path, table: str) -> list[int]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        # rows per row group = the first column's segments (list children would count their elements)
        return [int(n) for (n,) in con.execute(
            f"SELECT sum(count) FROM pragma_storage_info('{table}') WHERE column_path = '[0]' "
            "GROUP BY row_group_id ORDER BY row_group_id"
        ).fetchall()]
    finally:
        con.close()


def test_writes_append_row_groups_of_the_writer_size(tmp_path: Path) -> None:
    # Issue 4: a checkpoint rewrites the last, partly filled row group, so the writer keeps them small.
    from newsevents.store import open as open_store

    size = store_connect.ROW_GROUP_SIZE
    store = open_store(tmp_path / "new.duckdb")
    for first in range(0, 5000, 1000):
        store.write(_rows(first, 1000))
    groups = _row_groups(store.path, "articles")
    assert sum(groups) == 5000 and len(groups) >= 3 and max(groups) <= size


def test_an_older_store_keeps_its_row_groups_and_gets_small_ones_after(tmp_path: Path) -> None:
    # A store written before (DuckDB's default row group, 122,880 rows) opens as it is; new rows
    # go to row groups of the writer's size, and the checkpoint does not merge them back.
    import duckdb

    from newsevents.store import open as open_store
    from newsevents.store import schema

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    schema.migrate(con)
    old = _rows(0, 3000).tables()["articles"]
    con.register("old_articles", old)
    con.execute("INSERT INTO articles SELECT * FROM old_articles")
    con.close()
    assert _row_groups(path, "articles") == [3000]

    store = open_store(path)
    for first in (3000, 4000, 5000):
        store.write(_rows(first, 1000))
    groups = _row_groups(path, "articles")
    assert groups[0] == 3000 and sum(groups) == 6000
    assert max(groups[1:]) <= store_connect.ROW_GROUP_SIZE
    stored = open_store(path, read_only=True).sql("select count(distinct content_id) as n from articles")
    assert stored.records() == [{"n": 6000}]


def test_present_asks_the_index_not_a_scan(tmp_path: Path) -> None:
    # Ingest checks which articles are stored before extracting them: through the unique index
    # (a few index paths per id), because a join reads every stored id, memory growing with the store.
    from newsevents.store import open as open_store

    store = open_store(tmp_path / "p.duckdb")
    store.write(_rows(0, 3 * store_db.LOOKUP_CHUNK))
    stored = [r["content_id"] for r in store.sql("select content_id from articles order by article_id").records()]
    with store.connect() as con:
        plan = con.execute("EXPLAIN ANALYZE " + store_db.PRESENT_SQL, [stored[:store_db.LOOKUP_CHUNK]]).fetchall()
    assert "Index Scan" in plan[0][1]
    # more ids than one lookup takes, stored and not: answered in chunks, all of them
    asked = stored[::2] + [f"a-{i:016x}" for i in range(store_db.LOOKUP_CHUNK)]
    assert store.present(asked) == set(stored[::2])


def test_an_article_repeated_after_its_commit_is_not_extracted_again(tmp_path: Path) -> None:
    # Ingest remembers only the content keys not yet committed; a later copy of a committed
    # article is found in the store instead (and one still in flight in the set).
    import json

    lines = corpus_lines(12)
    corpus = tmp_path / "c.jsonl"
    again = [{**r, "id": f"again-{r['id']}"} for r in lines]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in lines + again))
    extracted: list[str] = []

    def counting(articles, config=None):  # type: ignore[no-untyped-def]
        extracted.extend(a.id for a in articles)
        return fake_process(articles, config)

    report = ingest([str(corpus)], tmp_path / "r.duckdb", process=counting, batch_size=2)
    assert report.progress.stored == 12 and report.progress.present == 12
    assert sorted(extracted) == sorted(str(r["id"]) for r in lines)
