"""`newsevents extract` end to end: inputs, formats, bad input and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsevents.cli.main import main
from newsevents.config import Config
from newsevents.pipeline import process_batch
from newsevents.records import Article

pytestmark = pytest.mark.model

DEMO = Path(__file__).resolve().parents[1] / "src" / "newsevents" / "demo"
TEXT = ("Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Ankara on Monday. "
        "The two leaders will meet again next month in Moscow, officials said.")
FRENCH = ("Le président de la République a rencontré hier le Premier ministre pour discuter de la réforme "
          "des retraites, qui suscite depuis plusieurs semaines une forte contestation dans tout le pays.")


def _lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_text_file_to_jsonl(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(path), "--published", "2023-10-02", "--outlet", "Example Daily"]) == 0
    [doc] = _lines(capsys.readouterr().out)
    assert doc["published"] == "2023-10-02"
    consult = [e for e in doc["events"] if e["type"] == "CONSULT"]
    assert any(e["status"] == "occurred" and e["date"] and e["date"]["value"] == "2023-10-02" for e in consult)
    assert any(e["status"] == "planned" and e["date"] and e["date"]["value"] == "2023-11" for e in consult)
    for e in doc["events"]:
        assert TEXT[e["evidence"]["start"]:e["evidence"]["end"]].strip()


def test_stdin_table_and_json(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(TEXT))
    assert main(["extract", "-", "--published", "2023-10-02", "--format", "table"]) == 0
    table = capsys.readouterr().out
    assert "CONSULT" in table and "Vladimir Putin" in table
    monkeypatch.setattr("sys.stdin", io.StringIO(TEXT))
    assert main(["extract", "-", "--published", "2023-10-02", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["events"]


def test_bad_jsonl_line_is_reported_and_the_rest_processed(tmp_path, capsys):
    path = tmp_path / "articles.jsonl"
    good = {"id": "good", "text": TEXT, "published": "2023-10-02"}
    path.write_text("{not json\n" + json.dumps(good) + "\n" + json.dumps({"id": "no-text"}) + "\n", encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    captured = capsys.readouterr()
    assert [d["article_id"] for d in _lines(captured.out)] == ["good"]
    assert f"{path}:1" in captured.err and f"{path}:3" in captured.err


def test_nothing_processable_exits_1(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\x01\x02binary\x00")
    assert main(["extract", str(empty), str(binary), str(tmp_path / "missing.txt")]) == 1
    err = capsys.readouterr().err
    assert "empty" in err and "binary" in err and "missing.txt" in err
    assert "no article could be processed" in err


def test_non_english_article_is_skipped_with_its_reason(tmp_path, capsys):
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps({"id": "fr", "text": FRENCH, "published": "2023-10-02", "language": "en"}) + "\n"
                    + json.dumps({"id": "en", "text": TEXT, "published": "2023-10-02"}) + "\n", encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    docs = {d["article_id"]: d for d in _lines(capsys.readouterr().out)}
    assert "not English" in docs["fr"]["skipped"] and "'fr'" in docs["fr"]["skipped"]
    assert docs["fr"]["events"] == [] and docs["en"]["events"]


def test_without_a_publication_date_relative_dates_stay_unresolved(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    captured = capsys.readouterr()
    [doc] = _lines(captured.out)
    assert captured.err.count("no publication date") == 1
    assert all(e["date"] is None for e in doc["events"]), [e["date"] for e in doc["events"]]


def test_html_page_and_feed_from_the_demo(capsys):
    assert main(["extract", str(DEMO / "page.html"), str(DEMO / "feed.xml")]) == 0
    docs = _lines(capsys.readouterr().out)
    assert len(docs) == 3 and docs[0]["events"]


def test_a_long_article_is_processed_in_pieces_with_true_offsets():
    paragraphs = [TEXT] * 30
    text = "\n".join(paragraphs)
    article = Article(id="long", text=text, published="2023-10-02")
    [result] = process_batch([article], Config(max_chars=1000))
    assert result.events
    for event in result.events:
        sentence = text[event.evidence.start:event.evidence.end]
        assert sentence.strip() and sentence.strip() in TEXT
