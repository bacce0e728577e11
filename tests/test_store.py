"""Event store: writing, idempotence, filters, exports, read-only use (fake extractor, no model)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from newsevents.errors import ConfigError, StoreError
from newsevents.records import Article, article_events_to_dict, event_from_dict
from newsevents.store import open as open_store
from newsevents.store.dates import date_interval
from newsevents.store.ingest import ingest, ingest_items
from newsevents.store.rows import build_rows
from test_store_helpers import LINES, corpus_lines, fake_process, write_corpus


@pytest.fixture()
def store(tmp_path: Path):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 30)
    report = ingest([str(corpus)], tmp_path / "events.duckdb", process=fake_process, batch_size=7)
    assert report.progress.stored == 30
    return open_store(tmp_path / "events.duckdb")


def counts(db) -> dict[str, int]:
    return db.stats()["counts"]


def test_date_intervals() -> None:
    assert date_interval("2023") == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert date_interval("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert date_interval("2023-W45") == (dt.date(2023, 11, 6), dt.date(2023, 11, 12))
    assert date_interval("2023-10-25/2023-10-31") == (dt.date(2023, 10, 25), dt.date(2023, 10, 31))
    assert date_interval("2023-10", "before") == (None, dt.date(2023, 10, 31))
    assert date_interval("2023-10", "after") == (dt.date(2023, 10, 1), None)
    assert date_interval("next week") == (None, None)


def test_reingest_is_idempotent(store, tmp_path: Path) -> None:
    before = counts(store)
    again = ingest([str(tmp_path / "corpus.jsonl")], store, process=fake_process, batch_size=7)
    assert again.progress.stored == 0 and again.progress.present == 30
    # the same articles under other ids and in another file are the same content: nothing added
    renamed = tmp_path / "renamed.jsonl"
    renamed.write_text("".join(json.dumps({**r, "id": f"other-{i}"}) + "\n"
                               for i, r in enumerate(corpus_lines(30))))
    ingest([str(renamed)], store, process=fake_process, workers=2, batch_size=4)
    assert counts(store) == before


def test_two_workers_store_the_same(tmp_path: Path, store) -> None:
    db2 = tmp_path / "two.duckdb"
    ingest([str(tmp_path / "corpus.jsonl")], db2, process=fake_process, workers=2, batch_size=4)
    assert counts(open_store(db2)) == counts(store)


def test_corrupt_input_among_good_ones(tmp_path: Path) -> None:
    good = write_corpus(tmp_path / "good.jsonl", 5)
    (tmp_path / "bad.jsonl").write_text('{"id": "x", "text": "ok USA CONSULT CHN occurred 2023"}\n{not json\n')
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02" * 100)
    fails = Article(id="boom", text="FAIL here", published="2023-01-01")
    skipped = Article(id="de", text="SKIP Das ist ein deutscher Text.", published="2023-01-01")
    db = tmp_path / "db.duckdb"
    report = ingest([str(good), str(tmp_path / "bad.jsonl"), str(tmp_path / "blob.txt")], db,
                    process=fake_process, batch_size=3)
    report2 = ingest_items([fails, skipped], db, process=fake_process, batch_size=1)
    s = open_store(db).stats()
    assert s["counts"]["articles"] == 5 + 1 + 1  # good ones, the good line of bad.jsonl, the skipped one
    kinds = {(k, n) for k, _, n in s["errors_by_kind"]}
    assert ("read", 2) in kinds  # the bad line and the binary file
    assert ("extract", 1) in kinds and ("skipped", 1) in kinds
    assert {k for k, _, _ in report.error_summary} == {"read"}
    assert {k for k, _, _ in report2.error_summary} == {"extract", "skipped"}
    # a failed article is not stored, so the next run tries it again
    assert open_store(db).sql("select count(*) from articles where article_id = 'boom'").records()[0] == {"count_star()": 0}


def test_filters(store) -> None:
    assert store.count() == counts(store)["events"]
    planned = store.events(actor="USA", recipient="CHN", type="CONSULT", status="planned", since="2023-01-01")
    assert len(planned) > 0
    assert all(r["type"] == "CONSULT" and r["status"] == "planned" for r in planned.records())
    # interval overlap: 2023-11 overlaps 2023-11-20..; the 2023-10-05 strike does not
    assert store.count(since="2023-11-20", type="CONSULT") == len(planned)
    assert store.count(since="2023-11-20", type="ASSAULT") == 0
    assert store.count(until="2023-10-05", type="ASSAULT") == store.count(type="ASSAULT")
    # W45 of 2023 is 2023-11-06..12
    assert store.count(type="SANCTION", since="2023-11-12", until="2023-11-12") == store.count(type="SANCTION")
    assert store.count(type="SANCTION", since="2023-11-13") == 0
    assert store.count(recipient="leader of chn") == store.count(recipient="CHN")
    assert store.count(text="CEASEFIRE") == store.count(type="ASSAULT")
    assert store.count(text="100%") == 0  # LIKE wildcards in user text are literal
    assert store.count(place_country="CHE") == store.count(type="CONSULT")
    assert store.count(sourcing="attributed") == store.count(type="CONSULT")
    assert store.count(published_since="2023-12-01") == store.count(published_since="2023-12-01", published_until="2023-12-31")
    assert store.count(type="consult,assault") == store.count(type="CONSULT") + store.count(type="ASSAULT")
    # undated events never match a date range
    assert store.count(since="1900-01-01") == store.count() - store.stats()["events_without_date"]
    with pytest.raises(ConfigError):
        store.events(status="happened")
    with pytest.raises(ConfigError):
        store.events(since="last year")


def test_result_object(store) -> None:
    result = store.events(actor="USA", status="planned", limit=5)
    assert len(result) == 5 and result.total > 5
    df = result.to_pandas()
    assert list(df["status"].unique()) == ["planned"]
    assert result.to_arrow().num_rows == 5
    record = result.records()[0]
    event = event_from_dict(record)
    assert event.actor[0].country == "USA"
    assert record["evidence_text"] in LINES


def test_jsonl_export_round_trip(store, tmp_path: Path) -> None:
    (path,) = store.export("jsonl", tmp_path / "out/")
    exported = {}
    for line in path.read_text().splitlines():
        obj = json.loads(line)
        exported[obj["article_id"]] = [event_from_dict(e) for e in obj["events"]]
    articles = [Article(**r) for r in corpus_lines(30)]
    expected = {r.article_id: list(r.events) for r in fake_process(articles)}
    assert exported == expected
    # and the article-level record shape is the extractor's
    first = json.loads(path.read_text().splitlines()[0])
    want = article_events_to_dict(next(r for r in fake_process(articles) if r.article_id == first["article_id"]))
    assert [{k: v for k, v in e.items() if k != "event_id"} for e in first["events"]] == want["events"]


def test_other_exports(store, tmp_path: Path) -> None:
    files = store.export("parquet", tmp_path / "pq")
    assert files and all("event_month=" in str(f.parent.name) for f in files)
    import pyarrow.dataset as ds

    assert ds.dataset(tmp_path / "pq" / "events", partitioning="hive").count_rows() == counts(store)["events"]

    (csv_path,) = store.export("csv", tmp_path / "x.csv")
    rows = list(csv.DictReader(csv_path.open()))
    assert len(rows) == counts(store)["events"] and rows[0]["actor_country"]

    (plover,) = store.export("plover", tmp_path / "p/")
    recs = [json.loads(line) for line in plover.read_text().splitlines()]
    consult = [r for r in recs if r["record_type"] == "CONSULT"]
    assert consult and all(r["event"] == ["AGREE"] and r["quad_code"] == 1 for r in consult)  # planned -> AGREE
    assert {r["status"] for r in recs} <= {"occurred", "planned", "possible"}

    (cameo,) = store.export("cameo", tmp_path / "c/")
    table = list(csv.DictReader(cameo.open(), delimiter="\t"))
    assert table[0].keys() >= {"GlobalEventID", "SQLDATE", "EventCode", "QuadClass", "GoldsteinScale", "SOURCEURL"}
    codes = {(r["EventCode"], r["QuadClass"], r["GoldsteinScale"]) for r in table}
    assert ("036", "1", "2.5") in codes  # planned CONSULT -> intent to meet
    assert ("190", "4", "-9.0") in codes  # occurred ASSAULT
    assert all(r["EventCode"] != "160" for r in table)  # planned SANCTION is not written as if it happened
    assert all(r["EventRootCode"] == r["EventCode"][:2] for r in table)


def test_read_only_store(store, tmp_path: Path) -> None:
    ro = open_store(store.path, read_only=True)
    assert ro.count() == store.count()
    with pytest.raises(StoreError):
        ro.sql("delete from events")
    assert ro.count() == store.count()
    with pytest.raises(StoreError):
        open_store(tmp_path / "missing.duckdb", read_only=True)
    with pytest.raises(StoreError):
        ro.write(build_rows([], {}))


def test_schema_version_recorded(store) -> None:
    assert store.sql("select max(version) as v from schema_version").records() == [{"v": 1}]
    # reopening a current store migrates nothing
    assert open_store(store.path).stats()["schema_version"] == 1


def test_import_newsevents_store_is_light() -> None:
    import subprocess
    import sys

    code = "import sys, newsevents.store; print(any(m in sys.modules for m in ('duckdb', 'pyarrow', 'pandas')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@pytest.mark.model
def test_real_extractor_end_to_end(tmp_path: Path) -> None:
    texts = [
        "President Joe Biden will meet Chinese President Xi Jinping in San Francisco next month, officials said.",
        "Russian forces shelled the Ukrainian city of Kharkiv on Tuesday, Ukraine's military said.",
    ]
    articles = [Article(id=f"real-{i}", text=t, published="2023-10-06") for i, t in enumerate(texts)]
    db = tmp_path / "real.duckdb"
    report = ingest_items(articles, db, batch_size=2)
    assert report.progress.stored == 2 and report.progress.errors == 0
    store = open_store(db, read_only=True)
    records = store.events().records()
    assert len(records) == report.progress.events
    assert all(r["evidence_text"] for r in records)
