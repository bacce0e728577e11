"""Readers: text, JSONL, JSON, folders, stdin and bad input (HTML/feeds in test_ingest_web.py)."""

from __future__ import annotations

import io
import os
import json
from pathlib import Path

import pytest

from newsevents.ingest.readers import ReadProblem, iter_inputs, validate_published
from newsevents.records import Article

BODY = "The foreign minister of Chile met his Peruvian counterpart in Lima on Monday."


def _split(items):
    items = list(items)
    articles = [x for x in items if isinstance(x, Article)]
    return articles, [x for x in items if isinstance(x, ReadProblem)], items


def _jsonl(path: Path, lines: list[object]) -> Path:
    body = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines)
    path.write_text(body + "\n", encoding="utf-8")
    return path


# --- plain text -----------------------------------------------------------


def test_text_file_is_one_article_with_content_id(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text("Talks in Lima\n" + BODY + "\n", encoding="utf-8")
    arts, probs, _ = _split(iter_inputs([str(p)], published="2025-03-04", outlet="El Diario"))
    assert probs == []
    [a] = arts
    # the first line is body, not title
    assert a.text == "Talks in Lima\n" + BODY
    assert a.title is None
    assert a.id == Article.content_id(a.text, None)
    assert (a.published, a.outlet, a.language) == ("2025-03-04", "El Diario", "en")


def test_title_argument_fills_title_and_enters_the_id(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(BODY, encoding="utf-8")
    [a] = iter_inputs([str(p)], title="Chile and Peru")
    assert a.title == "Chile and Peru"
    assert a.id == Article.content_id(BODY, "Chile and Peru")


def test_content_ids_are_stable_across_reads_and_line_endings(tmp_path):
    unix = tmp_path / "u.txt"
    dos = tmp_path / "d.txt"
    unix.write_bytes(b"First paragraph.\nSecond paragraph.\n")
    dos.write_bytes(b"First paragraph.\r\nSecond paragraph.\r\n")
    first = [a.id for a in iter_inputs([str(unix), str(dos)])]
    second = [a.id for a in iter_inputs([str(unix), str(dos)])]
    assert first == second
    assert first[0] == first[1]
    assert first[0].startswith("a-")


def test_unknown_extension_is_sniffed_as_text(tmp_path):
    p = tmp_path / "story.article"
    p.write_text(BODY, encoding="utf-8")
    [a] = iter_inputs([str(p)])
    assert a.text == BODY


# --- JSONL ----------------------------------------------------------------


def test_jsonl_fields_and_missing_id(tmp_path):
    p = _jsonl(tmp_path / "a.jsonl", [
        {"id": "x1", "text": BODY, "title": "T", "published": "2025-03-04", "outlet": "O",
         "url": "https://example.org/1", "language": "en", "extra": 1},
        {"text": "Second article body.", "published": "2025-03-05T10:00:00+09:00"},
        {"id": 42, "text": "Third.", "language": "fr"},
    ])
    arts, probs, _ = _split(iter_inputs([str(p)], outlet="Fallback"))
    assert probs == []
    assert arts[0] == Article("x1", BODY, "2025-03-04", "T", "O", "https://example.org/1", "en")
    assert arts[1].id == Article.content_id("Second article body.")
    assert arts[1].published == "2025-03-05T10:00:00+09:00"
    assert arts[1].outlet == "Fallback"  # filled only where missing
    assert arts[2].id == "42" and arts[2].language == "fr"


def test_jsonl_text_is_kept_verbatim(tmp_path):
    # gold evidence offsets index into the text, so no stripping or newline fixes
    text = "  Lead.\r\nBody with trailing space. "
    p = _jsonl(tmp_path / "a.jsonl", [{"id": "v", "text": text}])
    [a] = iter_inputs([str(p)])
    assert a.text == text


def test_jsonl_bad_lines_are_reported_with_line_numbers_and_reading_goes_on(tmp_path):
    p = _jsonl(tmp_path / "bad.jsonl", [
        {"id": "good1", "text": "One."},
        '{"id": "broken", "text": "no closing brace"',
        {"id": "notext", "title": "only a title"},
        "",
        {"id": "empty", "text": "   "},
        {"id": "wrongtype", "text": 5},
        "[1, 2]",
        {"id": "good2", "text": "Two."},
    ])
    arts, probs, items = _split(iter_inputs([str(p)]))
    assert [a.id for a in arts] == ["good1", "good2"]
    by_source = {pr.source: pr.message for pr in probs}
    src = str(p)
    assert set(by_source) == {f"{src}:2", f"{src}:3", f"{src}:5", f"{src}:6", f"{src}:7"}
    assert by_source[f"{src}:2"].startswith("line is not JSON (")
    assert "col" in by_source[f"{src}:2"]
    assert by_source[f"{src}:3"].startswith("article has no 'text' field")
    assert by_source[f"{src}:5"] == "article 'text' is empty"
    assert "must be a string" in by_source[f"{src}:6"]
    assert "array" in by_source[f"{src}:7"]
    assert all(pr.code == "NE100" and pr.level == "error" for pr in probs)
    # order is kept: problems appear where their lines are
    assert items[0].id == "good1" and items[-1].id == "good2"


def test_jsonl_undecodable_line_is_one_problem(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_bytes(b'{"text": "ok one"}\n{"text": "caf\xe9"}\n{"text": "ok two"}\n')
    arts, probs, _ = _split(iter_inputs([str(p)]))
    assert [a.text for a in arts] == ["ok one", "ok two"]
    [pr] = probs
    assert pr.source == f"{p}:2" and "not UTF-8" in pr.message


def test_jsonl_is_streamed_not_read_whole(tmp_path, monkeypatch):
    p = _jsonl(tmp_path / "big.jsonl", [{"text": f"Article number {i}."} for i in range(1000)])

    def forbidden(self, *a, **k):
        raise AssertionError("JSONL must be streamed, not read whole")

    monkeypatch.setattr(Path, "read_bytes", forbidden)
    monkeypatch.setattr(Path, "read_text", forbidden)
    it = iter_inputs([str(p)])
    first = next(it)
    assert first.text == "Article number 0."
    assert sum(1 for _ in it) == 999


# --- JSON -----------------------------------------------------------------


def test_json_single_object_and_list(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "j1", "text": BODY}, indent=2), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "j2", "text": "A."}, {"title": "no text"}]), encoding="utf-8")
    arts, probs, _ = _split(iter_inputs([str(one), str(many)]))
    assert [a.id for a in arts] == ["j1", "j2"]
    [pr] = probs
    assert pr.source == f"{many}#item-2"


def test_json_file_that_is_really_jsonl(tmp_path):
    p = _jsonl(tmp_path / "x.json", [{"text": "A."}, {"text": "B."}])
    assert [a.text for a in iter_inputs([str(p)])] == ["A.", "B."]


def test_invalid_json_file(tmp_path):
    p = tmp_path / "x.json"
    p.write_text('{"text": "A.",\n "id": }', encoding="utf-8")
    [pr] = iter_inputs([str(p)])
    assert isinstance(pr, ReadProblem) and pr.source == f"{p}:2" and "not valid JSON" in pr.message


# --- published validation -------------------------------------------------


@pytest.mark.parametrize("value", ["2025-03-04", "2025-03-04T10:00:00", "2025-03-04T10:00:00+09:00",
                                   "2025-03-04T10:00:00Z", "2025-03-04 10:00"])
def test_valid_published(value):
    assert validate_published(value) == value


@pytest.mark.parametrize(
    "value", ["yesterday", "04/03/2025", "2025-13-01", "20250304", "2025-02-30", "", 2025, None])
def test_invalid_published(value):
    assert validate_published(value) is None


def test_invalid_published_yields_warning_then_article(tmp_path):
    p = _jsonl(tmp_path / "d.jsonl", [{"id": "d1", "text": "A.", "published": "March 4th"},
                                      {"id": "d2", "text": "B.", "published": "2025-13-45"}])
    items = list(iter_inputs([str(p)]))
    assert [type(x).__name__ for x in items] == ["ReadProblem", "Article", "ReadProblem", "Article"]
    warn, art = items[0], items[1]
    assert warn.level == "warning" and "'March 4th'" in warn.message and warn.source == f"{p}:1"
    assert art.id == "d1" and art.published is None
    # with a fallback date, the fallback is used and the warning says so
    items = list(iter_inputs([str(p)], published="2025-01-01"))
    assert items[1].published == "2025-01-01" and "--published 2025-01-01" in items[0].message


def test_invalid_published_argument_is_reported_once_and_ignored(tmp_path):
    p = tmp_path / "s.txt"
    p.write_text(BODY, encoding="utf-8")
    items = list(iter_inputs([str(p)], published="last week"))
    assert isinstance(items[0], ReadProblem) and items[0].source == "--published"
    assert items[1].published is None


# --- folders and stdin ----------------------------------------------------


def test_folder_recursion_sorted_and_hidden_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("B two.", encoding="utf-8")
    (tmp_path / "a" / "1.txt").write_text("A one.", encoding="utf-8")
    (tmp_path / "z.txt").write_text("Z.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("git", encoding="utf-8")
    _jsonl(tmp_path / "a" / "0.jsonl", [{"text": "A zero."}])
    assert [a.text for a in iter_inputs([str(tmp_path)])] == ["A zero.", "A one.", "B two.", "Z."]


def test_empty_folder_is_a_problem(tmp_path):
    [pr] = iter_inputs([str(tmp_path)])
    assert isinstance(pr, ReadProblem) and pr.source == str(tmp_path)


def test_stdin_text():
    [a] = iter_inputs(["-"], stdin=io.StringIO("\n" + BODY + "\n"), published="2025-03-04")
    assert a.text == BODY and a.published == "2025-03-04"


def test_stdin_jsonl_with_bad_line():
    stream = io.StringIO('{"id": "s1", "text": "A."}\nnot json\n{"id": "s2", "text": "B."}\n')
    arts, probs, _ = _split(iter_inputs(["-"], stdin=stream))
    assert [a.id for a in arts] == ["s1", "s2"]
    [pr] = probs
    assert pr.source == "<stdin>:2"


def test_stdin_pretty_json_object():
    stream = io.StringIO(json.dumps({"id": "p1", "text": "A."}, indent=2))
    [a] = iter_inputs(["-"], stdin=stream)
    assert a.id == "p1"


def test_stdin_empty():
    [pr] = iter_inputs(["-"], stdin=io.StringIO("\n\n"))
    assert isinstance(pr, ReadProblem) and pr.source == "<stdin>" and "empty" in pr.message


# --- bad files --------------------------------------------------------------


def test_bad_files_yield_problems_and_good_files_still_come_through(tmp_path):
    (tmp_path / "1_good.txt").write_text("Good one.", encoding="utf-8")
    (tmp_path / "2_empty.txt").write_bytes(b"")
    (tmp_path / "3_blank.jsonl").write_text("\n \n", encoding="utf-8")
    (tmp_path / "4_binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "5_latin1.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    (tmp_path / "6_good.jsonl").write_text('{"text": "Good two."}\n', encoding="utf-8")
    missing = str(tmp_path / "nope.txt")
    arts, probs, _ = _split(iter_inputs([str(tmp_path), missing]))
    assert [a.text for a in arts] == ["Good one.", "Good two."]
    msgs = {Path(p.source).name: p.message for p in probs}
    assert msgs["2_empty.txt"] == "file is empty"
    assert msgs["3_blank.jsonl"] == "file is empty"
    assert msgs["4_binary.bin"].startswith("binary file (not text, HTML or JSONL)")
    assert "not UTF-8" in msgs["5_latin1.txt"]
    assert "no such file" in msgs["nope.txt"]
    assert probs[-1].source == missing


def test_read_problem_shapes():
    pr = ReadProblem("f.jsonl:3", "article has no 'text' field")
    assert str(pr) == "f.jsonl:3: article has no 'text' field"
    err = pr.to_error()
    assert err.code == "NE100" and err.source == "f.jsonl:3"
    assert pr.to_dict()["code"] == "NE100" and pr.to_dict()["level"] == "error"


def test_single_string_path_is_not_split_into_characters(tmp_path):
    p = tmp_path / "s.txt"
    p.write_text(BODY, encoding="utf-8")
    [a] = iter_inputs(str(p))  # type: ignore[arg-type]
    assert a.text == BODY


def test_unlistable_subfolder_is_a_problem(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text("hidden from us", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Readable.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        # chmod 0 does not stop root (the test may run as root), so refuse the listing here
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    arts, probs, _ = _split(iter_inputs([str(tmp_path)]))
    assert [a.text for a in arts] == ["Readable."]
    assert [p.source for p in probs] == [str(locked)] and "cannot list folder" in probs[0].message


def test_huge_non_jsonl_file_is_refused_not_loaded(tmp_path, monkeypatch):
    import newsevents.ingest.readers as readers

    monkeypatch.setattr(readers, "MAX_WHOLE_FILE_BYTES", 100)
    p = tmp_path / "dump.json"
    p.write_text(json.dumps([{"text": "x" * 50}, {"text": "y" * 50}]), encoding="utf-8")
    [pr] = iter_inputs([str(p)])
    assert isinstance(pr, ReadProblem) and "too large" in pr.message and "JSONL" in pr.message
    # JSONL of the same size is streamed and fine
    q = _jsonl(tmp_path / "dump.jsonl", [{"text": "x" * 50}, {"text": "y" * 50}])
    assert len(list(iter_inputs([str(q)]))) == 2
