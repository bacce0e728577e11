"""The TimeML timex scorer: hand-built documents with figures worked out by
hand, the value conventions, and a run on a few real TimeBank files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsevents.evaluate.timeml import (
    DEFAULT_PATH,
    GoldTimex,
    ScoredDoc,
    SystemTimex,
    TimexScore,
    evaluate_timeml,
    read_tml,
    score_documents,
    to_timeml,
    values_agree,
)
from newsevents.records import DateValue

DCT = dt.date(1998, 8, 7)


def _docs() -> list[ScoredDoc]:
    # Doc 1: 3 gold, 4 system. "Friday" exact; "last month" found by a wider
    # span; "this summer" as an interval that writes as 1998-SU; one system
    # span over no gold (a false positive).
    doc1 = ScoredDoc(
        "d1", DCT,
        gold=(GoldTimex(10, 16, "1998-08-07", "DATE", "Friday"),
              GoldTimex(30, 40, "1998-07", "DATE", "last month"),
              GoldTimex(50, 61, "1998-SU", "DATE", "this summer")),
        system=(SystemTimex(10, 16, DateValue("1998-08-07", None, "Friday")),
                SystemTimex(27, 40, DateValue("1998-07", None, "in last month")),
                SystemTimex(50, 61, DateValue("1998-06/1998-08", None, "this summer")),
                SystemTimex(70, 75, DateValue("1998", None, "1998x"))),
    )
    # Doc 2: 2 gold, 1 system. "early August" gold at month precision, ours
    # a day inside it: relaxed only. "Tuesday night" (TIME) not found.
    doc2 = ScoredDoc(
        "d2", DCT,
        gold=(GoldTimex(0, 12, "1998-08", "DATE", "early August"),
              GoldTimex(20, 33, "1998-08-04TNI", "TIME", "Tuesday night")),
        system=(SystemTimex(0, 12, DateValue("1998-08-03", None, "early August")),),
    )
    return [doc1, doc2]


def test_score_hand_built() -> None:
    score = score_documents(_docs())
    # gold 5, found 4 (d2's TIME missed); system 5, right 4 (the "1998x" span).
    assert (score.n_docs, score.n_gold, score.n_system) == (2, 5, 5)
    assert (score.n_gold_found, score.n_system_right) == (4, 4)
    assert score.precision == pytest.approx(0.8)
    assert score.recall == pytest.approx(0.8)
    assert score.f1 == pytest.approx(0.8)
    # strict: Friday, last month, this summer = 3 of 4; relaxed adds early August.
    assert (score.strict_correct, score.relaxed_correct) == (3, 4)
    assert score.strict_accuracy == pytest.approx(0.75)
    assert score.relaxed_accuracy == pytest.approx(1.0)
    assert len(score.errors) == 1 and score.errors[0].relaxed
    assert score.as_dict()["f1"] == 0.8


def test_score_empty_is_zero() -> None:
    score = score_documents([])
    assert isinstance(score, TimexScore)
    assert (score.precision, score.recall, score.f1, score.strict_accuracy) == (0.0, 0.0, 0.0, 0.0)


def test_time_reduced_to_date_and_wrong_value() -> None:
    doc = ScoredDoc(
        "d3", DCT,
        gold=(GoldTimex(0, 13, "1998-08-04TNI", "TIME", "Tuesday night"),
              GoldTimex(20, 26, "1998-08-05", "DATE", "Wednesday")),
        system=(SystemTimex(0, 13, DateValue("1998-08-04", None, "Tuesday night")),
                SystemTimex(20, 26, DateValue("1998-07-29", None, "Wednesday"))),
    )
    score = score_documents([doc])
    assert (score.strict_correct, score.relaxed_correct, score.n_gold_found) == (1, 1, 2)


@pytest.mark.parametrize(
    ("value", "mod", "text", "expected"),
    [
        ("1989-07-01/1989-09-30", None, "the third quarter", "1989-Q3"),
        ("1989-01-01/1989-06-30", None, "the first half", "1989-H1"),
        ("1991-02-16/1991-02-17", None, "the weekend", "1991-W07-WE"),
        ("1998-08-03/1998-08-09", None, "the week", "1998-W32"),
        ("1990/1999", None, "the 1990s", "199"),
        ("1998-12/1999-02", None, "this winter", "1998-WI"),
        ("1998-08-07", None, "now", "PRESENT_REF"),
        ("1998-08-07", "before", "recently", "PAST_REF"),
        ("1998-07-10/1998-08-07", "approx", "recent weeks", "PAST_REF"),
        ("1998-08-01/1998-08-07", None, "the past week", "1998-08-01/1998-08-07"),
        ("1998-W31", None, "last week", "1998-W31"),
    ],
)
def test_to_timeml(value: str, mod: str | None, text: str, expected: str) -> None:
    assert to_timeml(DateValue(value, mod, text), DCT) == expected


@pytest.mark.parametrize(
    ("ours", "gold", "expected"),
    [("1998-08", "1998-08", (True, True)), ("1998-08-07", "1998-08", (False, True)),
     ("1998", "1998-Q3", (False, True)), ("1998-W32", "1998-08-07", (False, True)),
     ("1997", "1998-XX", (False, False)), ("1998-08-03", "1998-XX-XX", (False, True)),
     ("1998-08-07", "PAST_REF", (False, False))],
)
def test_values_agree(ours: str, gold: str, expected: tuple[bool, bool]) -> None:
    assert values_agree(ours, gold) == expected


def test_read_tml(tmp_path: Path) -> None:
    tml = tmp_path / "x.tml"
    tml.write_text(
        '<?xml version="1.0" ?><TimeML><DOCID>X1</DOCID>'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">'
        "1998-08-07</TIMEX3></DCT><TEXT>Bombs <EVENT eid=\"e1\">exploded</EVENT> "
        '<TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> &amp; '
        '<TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3> later.</TEXT></TimeML>'
    )
    doc_id, dct, text, gold = read_tml(tml)
    assert (doc_id, dct) == ("X1", DCT)
    assert text == "Bombs exploded Friday & two days later."
    assert len(gold) == 1 and text[gold[0].start:gold[0].end] == "Friday" == gold[0].text


@pytest.mark.model
@pytest.mark.shared
def test_real_timebank_docs() -> None:
    if not DEFAULT_PATH.exists():
        pytest.skip(f"TimeML data absent: {DEFAULT_PATH} (../shared/data/peers/timeml) not found")
    score = evaluate_timeml(limit=5)
    assert score.n_docs == 5 and score.n_gold > 0
    # Floors well under the full-corpus figures (F1 0.86, strict 0.82), so
    # the test guards against breakage rather than tracking noise.
    assert score.f1 > 0.6
    assert score.strict_accuracy > 0.5
    assert score.relaxed_accuracy >= score.strict_accuracy
