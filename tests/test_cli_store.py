"""The store's CLI commands: a thin shell over newsevents.store (fake extractor via the library)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.cli.main import main
from newsevents.store.ingest import ingest
from test_store_helpers import write_corpus


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.duckdb"
    ingest([str(write_corpus(tmp_path / "c.jsonl", 12))], path, process=fake_process_ref(), batch_size=5)
    return path


def fake_process_ref():
    from test_store_helpers import fake_process

    return fake_process


def test_events_formats(db: Path, capsys) -> None:
    assert main(["events", "--db", str(db), "--actor", "USA", "--recipient", "CHN", "--type", "CONSULT",
                 "--status", "planned", "--since", "2023-01-01", "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "CONSULT/visit" in out and "planned" in out
    assert main(["events", "--db", str(db), "--text", "ceasefire", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("event_id,") and all("ASSAULT" in line for line in lines[1:])
    assert main(["events", "--db", str(db), "--format", "jsonl", "--limit", "2"]) == 0
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(recs) == 2 and {"type", "actor", "status", "evidence", "event_id"} <= recs[0].keys()


def test_sql_stats_export(db: Path, tmp_path: Path, capsys) -> None:
    assert main(["sql", "--db", str(db), "select type, count(*) as n from events group by 1 order by 1",
                 "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["type"] for r in rows} == {"CONSULT", "ASSAULT", "ACCUSE", "AID", "SANCTION"}
    assert main(["stats", "--db", str(db)]) == 0
    assert "articles 12" in capsys.readouterr().out
    for fmt in ("parquet", "csv", "jsonl", "plover", "cameo"):
        assert main(["export", "--db", str(db), "--format", fmt, "-o", str(tmp_path / "out") + "/"]) == 0
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert {"events", "events.csv", "events.jsonl", "events.plover.jsonl", "events.cameo.tsv"} <= names


def test_errors_have_one_json_shape(tmp_path: Path, capsys) -> None:
    assert main(["events", "--db", str(tmp_path / "none.duckdb"), "--json"]) == 2
    err = json.loads(capsys.readouterr().err)
    assert set(err) == {"code", "error", "message", "source"} and err["error"] == "StoreError"
    assert main(["sql", "--db", str(tmp_path / "none.duckdb"), "select 1"]) == 2


def test_sql_cannot_write(db: Path, capsys) -> None:
    assert main(["sql", "--db", str(db), "delete from events", "--json"]) == 2
    assert json.loads(capsys.readouterr().err)["code"] == "NE400"


def test_ingest_command_reports_errors(tmp_path: Path, capsys) -> None:
    # the real extractor may not be finished; the command must still end cleanly with a summary
    (tmp_path / "bad.jsonl").write_text("{oops\n")
    code = main(["ingest", str(tmp_path / "bad.jsonl"), "--db", str(tmp_path / "x.duckdb"), "--quiet"])
    assert code == 0
    err = capsys.readouterr().err
    assert "errors: read NE100 x1" in err and "ingested 0 articles" in err


def test_every_store_command_is_registered() -> None:
    from newsevents.cli.main import SUBCOMMANDS

    assert {"ingest", "events", "sql", "stats", "export"} <= set(SUBCOMMANDS)
    doc = Path(__file__).parents[1].joinpath("docs", "store.md").read_text()
    for command in ("ingest", "events", "sql", "stats", "export"):
        assert f"newsevents {command} " in doc
