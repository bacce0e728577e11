"""PolNeAR adapter: brat parsing, claimant matching and hand-checked scores."""

from __future__ import annotations

import io

import pytest

from newsevents.evaluate.datasets.polnear import PolnearDoc, claimant_match, parse_ann, score_polnear
from newsevents.records import Attribution, Event, Span

TEXT = "Officials said Iran attacked Iraq. The Post reported that Russia met China. Egypt protested."
ANN = (
    "T1\tSource 0 9\tOfficials\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 33\tIran attacked Iraq\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tSource 35 43\tThe Post\n"
    "T6\tCue 44 52\treported\n"
    "T7\tContent 53 57;58 74\tthat Russia met China\n"
    "T8\tAttribution 44 52\treported\n"
    "T9\tDiscuss 0 92\tOfficials said Iran attacked\n"
    "The Post reported (a span text running onto a second line)\n"
    "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n"
)


def test_offsets_of_the_fixture():
    assert TEXT[0:9] == "Officials" and TEXT[15:33] == "Iran attacked Iraq"
    assert TEXT[35:43] == "The Post" and TEXT[58:74] == "Russia met China"


def test_parse_ann():
    atts = parse_ann(io.StringIO(ANN))
    assert len(atts) == 2
    assert atts[0].source_text == "Officials" and atts[0].content == ((15, 33),)
    assert atts[1].content == ((53, 57), (58, 74)) and atts[1].cue == ((44, 52),)


def test_claimant_match():
    assert claimant_match("The Post", "The New York Post")
    assert claimant_match("he", "He")
    assert not claimant_match("Reuters", "officials")


def _ev(trigger: str, sentence: str, sourcing: str, attribution: tuple[Attribution, ...]) -> Event:
    start = TEXT.index(sentence)
    return Event(type="ASSAULT", trigger=trigger, evidence=Span(start, start + len(sentence)),
                 sourcing=sourcing, attribution=attribution)


def test_score_polnear_hand_checked():
    doc = PolnearDoc("d1", TEXT, "2016-01-01", parse_ann(io.StringIO(ANN)))
    system = {"d1": [
        # held by E1: claimant matches (tp), cue noticed (tp)
        _ev("attacked", "Officials said Iran attacked Iraq.", "attributed", (Attribution("officials"),)),
        # held by E2: no claimant (fn), cue missed (fn)
        _ev("met", "The Post reported that Russia met China.", "direct", ()),
        # held by nothing: two claimants (2 fp), cue invented (fp)
        _ev("protested", "Egypt protested.", "attributed", (Attribution("Egypt's state media", "Reuters"),)),
    ]}
    r = score_polnear([doc], system)
    assert r.metrics["source_precision"] == pytest.approx(1 / 3)
    assert r.metrics["source_recall"] == pytest.approx(1 / 2)
    assert r.metrics["source_f1"] == pytest.approx(2 / 5)
    assert r.metrics["cue_precision"] == pytest.approx(1 / 2)
    assert r.metrics["cue_recall"] == pytest.approx(1 / 2)
    assert r.metrics["cue_f1"] == pytest.approx(1 / 2)


@pytest.mark.shared
@pytest.mark.model
def test_polnear_real_slice(real_slice):
    r = real_slice("polnear", limit=5)
    assert r.n["items"] == 5
    assert all(v != v or 0.0 <= v <= 1.0 for v in r.metrics.values())
