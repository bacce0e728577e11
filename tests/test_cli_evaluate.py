"""`newsevents evaluate --system` on small temp files: table, JSON, diagnostics, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.cli import main as cli_main


@pytest.fixture(autouse=True)
def only_evaluate(monkeypatch: pytest.MonkeyPatch) -> None:
    # The other subcommands are written in parallel; this file tests evaluate alone.
    monkeypatch.setattr(cli_main, "SUBCOMMANDS", ("evaluate",))


def _event(type_: str, actor: str, recipient: str | None, status: str = "occurred") -> dict:
    def ent(c: str) -> dict:
        return {"text": c, "name": None, "country": c, "sector": "GOV"}
    return {"type": type_, "mode": None, "context": [], "actor": [ent(actor)],
            "recipient": [ent(recipient)] if recipient else [], "status": status, "sourcing": "direct",
            "attribution": [], "date": None, "place": None, "trigger": type_.lower()}


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    gold = _write(tmp_path / "gold.jsonl", [
        {"article_id": "a1", "published": "2023-10-06",
         "events": [_event("ACCUSE", "USA", "CHN"), _event("REJECT", "CHN", "USA")]},
        {"article_id": "a2", "published": "2023-10-07", "events": [_event("ASSAULT", "RUS", "UKR")]},
    ])
    system = _write(tmp_path / "system.jsonl", [
        {"article_id": "a1", "published": "2023-10-06",
         "events": [_event("ACCUSE", "USA", "CHN"), _event("REJECT", "CHN", "USA", status="possible"),
                    _event("THREATEN", "USA", "CHN")]},
        {"article_id": "a2", "published": "2023-10-07", "events": [_event("ASSAULT", "RUS", "UKR")]},
        {"article_id": "x9", "published": "2023-10-07", "events": []},
    ])
    return gold, system


def test_table(files, capsys) -> None:
    gold, system = files
    assert cli_main.main(["evaluate", str(gold), "--system", str(system)]) == 0
    out, err = capsys.readouterr()
    # tp 3, fp 1 (THREATEN), fn 0 -> P 0.75, R 1, F1 0.857
    assert "event F1 (dyad)" in out and "0.750  1.000  0.857" in out
    assert "ACCUSE" in out and "status" in out
    assert "x9" in err and "not in gold" in err


def test_json(files, capsys) -> None:
    gold, system = files
    assert cli_main.main(["evaluate", str(gold), "--system", str(system), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["event_f1_dyad"]["tp"] == 3 and report["event_f1_dyad"]["fp"] == 1
    assert report["status_aware_f1"]["tp"] == 2
    assert report["attributes"]["status"] == {"correct": 2, "n": 3, "accuracy": 2 / 3}
    assert report["articles"]["system_only"] == ["x9"]
    assert "diagnostics" not in report


def test_errors_listing(files, capsys) -> None:
    gold, system = files
    assert cli_main.main(["evaluate", str(gold), "--system", str(system), "--errors"]) == 0
    out = capsys.readouterr().out
    assert "== a1" in out and "INVENTED (1" in out and "s2 THREATEN USA -> CHN" in out
    assert "status: gold occurred, system possible" in out
    assert "== a2" not in out  # nothing wrong there

    assert cli_main.main(["evaluate", str(gold), "--system", str(system), "--errors", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["diagnostics"][0]["invented"][0]["type"] == "THREATEN"


@pytest.mark.parametrize(("content", "message"), [
    ('{"article_id": "a1", "events": []}\nnot json\n', ":2: not valid JSON"),
    ('{"article_id": "a1", "events": [{"actor": []}]}\n', ":1 event 0: event has no `type`"),
    ('{"article_id": "a1", "events": [{"type": "MEET"}]}\n', ":1 event 0: unknown event type 'MEET'"),
])
def test_bad_system_file_exits_2(files, tmp_path, capsys, content, message) -> None:
    gold, _ = files
    bad = tmp_path / "bad.jsonl"
    bad.write_text(content, encoding="utf-8")
    assert cli_main.main(["evaluate", str(gold), "--system", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) + message in err and "NE500" in err


def test_bad_gold_file_and_missing_file_exit_2(files, tmp_path, capsys) -> None:
    _, system = files
    bad = tmp_path / "gold.jsonl"
    bad.write_text("[1, 2]\n", encoding="utf-8")
    assert cli_main.main(["evaluate", str(bad), "--system", str(system)]) == 2
    assert f"{bad}:1: expected a JSON object" in capsys.readouterr().err
    assert cli_main.main(["evaluate", str(tmp_path / "nope.jsonl"), "--system", str(system)]) == 2
    assert "cannot read file" in capsys.readouterr().err


def test_needs_system_or_articles(files, capsys) -> None:
    gold, system = files
    assert cli_main.main(["evaluate", str(gold)]) == 2
    assert "--system" in capsys.readouterr().err
    assert cli_main.main(["evaluate", str(gold), "--system", str(system), "--save-system", "x.jsonl"]) == 2


def test_articles_run_the_pipeline_and_save_system(files, tmp_path, monkeypatch, capsys) -> None:
    # The extractor is replaced: this checks the plumbing, not extraction quality.
    from newsevents import pipeline
    from newsevents.records import ArticleEvents, event_from_dict

    gold, _ = files
    articles = _write(tmp_path / "articles.jsonl", [
        {"id": "a1", "text": "The US accused China.", "published": "2023-10-06", "origin": "test"},
        {"id": "a2", "text": "Russia attacked Ukraine.", "published": "2023-10-07"},
    ])
    seen = []

    def fake_process_batch(arts, config=None):
        arts = list(arts)
        seen.extend(a.id for a in arts)
        accuse = event_from_dict({**_event("ACCUSE", "USA", "CHN"), "evidence": {"start": 0, "end": 21}})
        return [ArticleEvents(a.id, a.published, (accuse,) if a.id == "a1" else ()) for a in arts]

    monkeypatch.setattr(pipeline, "process_batch", fake_process_batch)
    saved = tmp_path / "saved.jsonl"
    assert cli_main.main(["evaluate", str(gold), "--articles", str(articles), "--save-system", str(saved),
                          "--json"]) == 0
    assert seen == ["a1", "a2"]
    assert json.loads(capsys.readouterr().out)["event_f1_dyad"]["tp"] == 1
    # The saved output scores the same when given back with --system.
    assert cli_main.main(["evaluate", str(gold), "--system", str(saved), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["event_f1_dyad"] == {
        "tp": 1, "fp": 0, "fn": 2, "precision": 1.0, "recall": 1 / 3, "f1": 0.5}


def test_bad_articles_file_exits_2(files, tmp_path, capsys) -> None:
    gold, _ = files
    articles = _write(tmp_path / "articles.jsonl", [{"id": "a1", "text": "x"}, {"id": "a1", "text": "y"}])
    assert cli_main.main(["evaluate", str(gold), "--articles", str(articles)]) == 2
    assert f"{articles}:2: duplicate article id 'a1'" in capsys.readouterr().err
    articles.write_text('{"article_id": "a1"}\n', encoding="utf-8")
    assert cli_main.main(["evaluate", str(gold), "--articles", str(articles)]) == 2
    assert "NE100" in capsys.readouterr().err


def test_dataset_flag_names_unknown_sets_and_missing_paths(capsys, tmp_path):
    from newsevents.cli.main import main

    assert main(["evaluate", "--dataset", "no-such-set"]) == 2
    assert "unknown dataset 'no-such-set'" in capsys.readouterr().err
    assert main(["evaluate", "--dataset", "plv", "--path", str(tmp_path / "absent")]) == 2
    assert "not found" in capsys.readouterr().err


def test_gold_or_dataset_is_required(capsys):
    from newsevents.cli.main import main

    assert main(["evaluate", "--system", "x.jsonl"]) == 2
    assert "GOLD.jsonl or --dataset" in capsys.readouterr().err
