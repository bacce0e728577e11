"""PLOVER GSR adapter: label/mode/code mapping and hand-checked scores."""

from __future__ import annotations

import pytest

from newsevents.evaluate.datasets.plover_gsr import map_mode, parse_gsr, score_gsr
from newsevents.records import Entity, Event, Span

RECORDS = [
    {"id": "DOC", "event": "DOCUMENT", "eventText": "documentation"},
    {"id": "r1", "event": "AGREE", "text": "Hungarian and Romanian officials agreed to cooperate.",
     "source": [{"code": "HUN", "sector": "GOV"}, {"code": "ROU", "sector": "GOV"}], "target": ""},
    {"id": "r2", "event": "DISAPPROVE", "text": "Albania denounced Serbia's government.",
     "source": [{"code": "ALB"}], "target": [{"code": "SRB", "sector": "GOV"}]},
    {"id": "r3", "event": "FIGHT", "mode": "heavy-weapons", "text": "Israeli tanks shelled Lebanese villages.",
     "source": [{"code": "ISR", "sector": "MIL"}], "target": [{"code": "LBN", "sector": "CVLalb"}]},
    {"id": "r4", "event": "PROTEST", "mode": "strike-hun", "text": "Japanese workers began a hunger strike.",
     "source": [{"code": "JAP", "sector": "LAB"}]},
    {"id": "r5", "event": "COERCE", "mode": "destroy", "text": "UN troops destroyed an NGO depot.",
     "source": [{"code": "IGO"}], "target": [{"code": "NGO"}]},
]


def _ev(kind, actor, recipient, mode=None, status="occurred"):
    return Event(type=kind, trigger="x", evidence=Span(0, 1), mode=mode, actor=tuple(actor),
                 recipient=tuple(recipient), status=status)


def test_map_mode():
    assert map_mode("THREATEN", "THREATEN", "curfew") == "restrict"
    assert map_mode("CONSULT", "CONSULT", "host") == "visit"
    assert map_mode("PROTEST", "PROTEST", "strike-gen") == "strike"
    assert map_mode("ACCUSE", "INVESTIGATE", None) == "investigate"
    assert map_mode("ASSAULT", "FIGHT", "other") is None  # no equivalent: left out
    assert map_mode("COERCE", "COERCE", "destroy") is None  # not a COERCE mode in our record


def test_parse_gsr_mapping():
    items = {i.id: i for i in parse_gsr(RECORDS)}
    assert "DOC" not in items
    assert items["r2"].type == "ACCUSE" and items["r2"].mode == "disapprove"
    assert items["r3"].type == "ASSAULT" and items["r3"].target_sectors == {"CVL"}
    assert items["r4"].source_countries == {"JPN"} and items["r4"].mode == "hunger"
    assert items["r5"].source_countries == frozenset() and items["r5"].source_sectors == {"IGO"}
    assert items["r1"].has_target is False and items["r1"].source_countries == {"HUN", "ROU"}


def test_score_gsr_hand_checked():
    items = parse_gsr(RECORDS)
    system = {
        # planned CONSULT -> AGREE (export rule); pooled sides since gold has no target
        "r1": [_ev("CONSULT", [Entity("Hungarian", country="HUN", sector="GOV")],
                   [Entity("Romanian", country="ROU", sector="GOV")], status="planned")],
        "r2": [_ev("ACCUSE", [Entity("Albania", country="ALB", sector="GOV")],
                   [Entity("Serbia", country="SRB", sector="MIL")], mode="allege")],
        "r3": [_ev("ASSAULT", [Entity("Israeli", country="ISR", sector="MIL")],
                   [Entity("Syrian", country="SYR", sector="CVL")], mode="heavy-weapons")],
        "r4": [],
        "r5": [_ev("COERCE", [Entity("UN", sector="IGO")], [])],
    }
    r = score_gsr(items, system)
    m, n = r.metrics, r.n
    assert m["type_accuracy"] == pytest.approx(4 / 5)
    assert m["type_macro_f1"] == pytest.approx(4 / 5)
    assert (m["actor_country_accuracy"], n["actor_country_accuracy"]) == (pytest.approx(3 / 4), 4)
    assert (m["recipient_country_accuracy"], n["recipient_country_accuracy"]) == (pytest.approx(1 / 2), 2)
    assert (m["actor_sector_accuracy"], n["actor_sector_accuracy"]) == (pytest.approx(3 / 4), 4)
    assert (m["recipient_sector_accuracy"], n["recipient_sector_accuracy"]) == (pytest.approx(1 / 3), 3)
    # r2 counted (type right, mode wrong), r3 right, r4 not counted (type wrong), r5 no mappable mode
    assert (m["mode_accuracy"], n["mode_accuracy"]) == (pytest.approx(1 / 2), 2)


@pytest.mark.shared
@pytest.mark.model
def test_plover_gsr_real_slice(real_slice):
    r = real_slice("plover-gsr", limit=16)
    assert r.n["items"] == 16
    assert all(v != v or 0.0 <= v <= 1.0 for v in r.metrics.values())
