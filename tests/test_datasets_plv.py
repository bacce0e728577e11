"""PLV adapter: parsing of marked sentences and hand-checked scores."""

from __future__ import annotations

import io

import pytest

from newsevents.evaluate.datasets.plv import parse_marked, parse_plv, score_plv
from newsevents.records import Entity, Event, Span

HEADER = ("\tsentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_penta\tsilver_penta\tsilver_root"
          "\tgold_root\tpenta_L1\troot_L1\tpenta_L2\troot_L2\tprompt_L2\tprompt_L1\tmodality_L2")


def _row(i: int, marked: str, root: str, modality: str) -> str:
    plain = marked.replace("<s>", "").replace("</s>", "").replace("<t>", "").replace("</t>", "")
    return "\t".join([str(i), str(i), plain, marked, "", "", "1", "1", root, root, "1", root, "1", root,
                      "[]", "[]", modality])


LINES = [
    HEADER,
    _row(1, "<s>Iran</s> condemned <t>the United States</t> on Monday.", "ACCUSE", "past"),
    _row(2, "<s>China</s> will hold talks with <t>Japan</t> next week.", "AGREE", "todo"),
    _row(3, "<s>Rebels</s> released <t>two hostages</t>.", "YIELD", "past"),
    _row(4, "<s>Police</s> arrested <t>protesters</t> in Lima.", "COERCE", "past"),
]


def _ev(kind: str, actor: str, recipient: str, status: str = "occurred", conf: float = 0.8) -> Event:
    return Event(type=kind, trigger="x", evidence=Span(0, 10), actor=(Entity(actor),),
                 recipient=(Entity(recipient),), status=status, confidence=conf)


def test_parse_marked_spans():
    plain, src, tgt = parse_marked("A <s>B C</s> d <t>E</t>.")
    assert plain == "A B C d E."
    assert src == ((2, 5),)
    assert tgt == ((8, 9),)


def test_parse_plv_rows():
    items = parse_plv(io.StringIO("\n".join(LINES) + "\n"))
    assert [i.label for i in items] == ["ACCUSE", "AGREE", "YIELD", "COERCE"]
    assert [i.future for i in items] == [False, True, False, False]
    assert items[0].sentence == "Iran condemned the United States on Monday."
    assert items[0].sources == ((0, 4),) and items[0].targets == ((15, 32),)


def test_score_plv_hand_checked():
    items = parse_plv(io.StringIO("\n".join(LINES) + "\n"))
    system = {
        # the less confident REJECT must be ignored: the best event is the ACCUSE
        "1": [_ev("ACCUSE", "Iran", "the United States", conf=0.9), _ev("REJECT", "Iran", "Monday", conf=0.3)],
        # a planned CONSULT is AGREE under PLOVER's export rule (right), CONSULT raw (wrong)
        "2": [_ev("CONSULT", "China", "Japan", status="planned")],
        # RETREAT -> YIELD (right); "the hostages" is not in the sentence (target miss); planned = future (wrong)
        "3": [_ev("RETREAT", "Rebels", "the hostages", status="planned")],
        "4": [],
    }
    r = score_plv(items, system)
    assert r.metrics["type_accuracy"] == pytest.approx(3 / 4)
    assert r.metrics["type_accuracy_raw"] == pytest.approx(2 / 4)
    # labels with evidence: ACCUSE 1, AGREE 1, YIELD 1, COERCE 0 (missed) -> 3/4
    assert r.metrics["type_macro_f1"] == pytest.approx(3 / 4)
    assert r.metrics["source_overlap"] == pytest.approx(3 / 4)
    assert r.metrics["target_overlap"] == pytest.approx(2 / 4)
    assert r.metrics["future_accuracy"] == pytest.approx(2 / 3)
    assert r.metrics["event_rate"] == pytest.approx(3 / 4)
    assert r.n["future_accuracy"] == 3 and r.n["items"] == 4


@pytest.mark.shared
@pytest.mark.model
def test_plv_real_slice(real_slice):
    r = real_slice("plv", limit=15)
    assert r.n["items"] == 15
    assert all(v != v or 0.0 <= v <= 1.0 for v in r.metrics.values())
