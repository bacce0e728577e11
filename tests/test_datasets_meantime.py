"""MEANTIME adapter: document rebuilding, gold status mapping and hand-checked scores."""

from __future__ import annotations

import pytest

from newsevents.evaluate.datasets.meantime import gold_status, parse_meantime, score_meantime
from newsevents.records import Event, Span

_TOKENS = [
    ("0", "Talks"), ("0", "planned"),
    ("1", "March"), ("1", "01"), ("1", ","), ("1", "2008"),
    ("2", "Iran"), ("2", "will"), ("2", "not"), ("2", "meet"), ("2", "Iraq"), ("2", "."),
    ("3", "France"), ("3", "may"), ("3", "attack"), ("3", "Spain"), ("3", "."),
    ("4", "Germany"), ("4", "accused"), ("4", "Italy"), ("4", "."),
]


def _mention(m_id: int, t_ids: list[int], certainty: str, polarity: str, time: str) -> str:
    anchors = "".join(f'<token_anchor t_id="{t}"/>' for t in t_ids)
    return (f'<EVENT_MENTION m_id="{m_id}" certainty="{certainty}" polarity="{polarity}" time="{time}" '
            f'pred="p">{anchors}</EVENT_MENTION>')


XML = (
    '<?xml version="1.0" ?><Document doc_id="1" doc_name="1_Talks">'
    + "".join(f'<token t_id="{i + 1}" sentence="{s}" number="{i}">{w}</token>' for i, (s, w) in enumerate(_TOKENS))
    + "<Markables>"
    + '<TIMEX3 m_id="50" functionInDocument="CREATION_TIME" type="DATE" value="2008-03-01"/>'
    + _mention(60, [10], "CERTAIN", "NEG", "FUTURE")  # meet -> negated
    + _mention(61, [15], "POSSIBLE", "POS", "FUTURE")  # attack -> possible
    + _mention(62, [19], "CERTAIN", "POS", "NON_FUTURE")  # accused -> occurred
    + _mention(63, [2], "UNDERSPECIFIED", "POS", "FUTURE")  # planned -> left out
    + _mention(64, [], "CERTAIN", "POS", "FUTURE")  # no anchor -> left out
    + "</Markables></Document>"
)
TEXT = "Talks planned\nMarch 01, 2008\nIran will not meet Iraq. France may attack Spain. Germany accused Italy."


def test_gold_status_precedence():
    assert gold_status("CERTAIN", "NEG", "NON_FUTURE") == "negated"
    assert gold_status("PROBABLE", "POS", "FUTURE") == "possible"
    assert gold_status("CERTAIN", "POS", "FUTURE") == "planned"
    assert gold_status("CERTAIN", "POS", "NON_FUTURE") == "occurred"
    assert gold_status("UNDERSPECIFIED", "POS", "NON_FUTURE") is None


def test_parse_meantime_rebuilds_text_and_mentions():
    doc = parse_meantime(XML, "d1")
    assert doc.text == TEXT
    assert doc.published == "2008-03-01"
    assert [(doc.text[m.start:m.end], m.status) for m in doc.mentions] == [
        ("meet", "negated"), ("attack", "possible"), ("accused", "occurred"),
    ]


def _ev(trigger: str, sentence: str, status: str) -> Event:
    start = TEXT.index(sentence)
    return Event(type="CONSULT", trigger=trigger, evidence=Span(start, start + len(sentence)), status=status)


def test_score_meantime_hand_checked():
    doc = parse_meantime(XML, "d1")
    system = {"d1": [
        _ev("meet", "Iran will not meet Iraq.", "negated"),  # covered, right
        _ev("attack", "France may attack Spain.", "occurred"),  # covered, wrong
        _ev("held", "Germany accused Italy.", "occurred"),  # trigger not in its sentence: covers nothing
    ]}
    r = score_meantime([doc], system)
    assert (r.metrics["coverage"], r.n["coverage"]) == (pytest.approx(2 / 3), 3)
    assert r.metrics["status_accuracy"] == pytest.approx(1 / 2)
    assert r.metrics["status_accuracy_not_occurred"] == pytest.approx(1 / 2)
    assert r.metrics["status_macro_recall"] == pytest.approx((1 + 0) / 2)


@pytest.mark.shared
@pytest.mark.model
def test_meantime_real_slice(real_slice):
    r = real_slice("meantime", limit=4)
    assert r.n["items"] == 4
    assert all(v != v or 0.0 <= v <= 1.0 for v in r.metrics.values())
