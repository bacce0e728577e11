"""The scorer on hand-built gold/system dicts; every expected number is worked out in the comments."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsevents.errors import EvaluationError
from newsevents.evaluate.scoring import (
    date_interval, entity_key, normalise_name, score, score_files,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_GOLD = REPO_ROOT.parent / "shared" / "data" / "dev" / "gold.jsonl"


def ent(country: str | None = None, name: str | None = None) -> dict[str, Any]:
    return {"text": name or country or "someone", "name": name, "country": country, "sector": "GOV"}


def ev(type_: str, actor=(), recipient=(), *, status="occurred", sourcing="direct", mode=None,
       date=None, place=None, trigger="t") -> dict[str, Any]:
    return {
        "type": type_, "mode": mode, "context": [], "actor": list(actor), "recipient": list(recipient),
        "status": status, "sourcing": sourcing, "attribution": [],
        "date": None if date is None else {"value": date[0], "mod": date[1], "text": "x"},
        "place": None if place is None else {"name": place[0], "country": place[1], "text": place[0]},
        "trigger": trigger,
    }


def art(article_id: str, *events: dict[str, Any]) -> dict[str, Any]:
    return {"article_id": article_id, "published": "2023-10-06", "events": list(events)}


def counts(c) -> tuple[int, int, int]:
    return c.tp, c.fp, c.fn


def pairs(report, article: int = 0) -> list[tuple[int, int]]:
    return [(p.gold.index, p.system.index) for p in report.articles[article].pairs]


USA, CHN, RUS, GBR, PRK = (ent(c) for c in ("USA", "CHN", "RUS", "GBR", "PRK"))


# --------------------------------------------------------------------------- keys

def test_name_normalisation() -> None:
    assert normalise_name("The United Nations") == ("united", "nations")
    assert normalise_name("U.N.") == ("un",)
    assert normalise_name("al-Shabaab") == ("al", "shabaab")
    assert normalise_name("Bogotá's Mayor") == ("bogotas", "mayor")
    assert entity_key(ent("usa", "Joe Biden")) == ("country", "USA")  # country wins over name
    assert entity_key(ent(None, "the Islamic State")) == ("name", "islamic state")
    assert entity_key({"text": "the protocol teams", "name": None, "country": None}) is None


# --------------------------------------------------------------------------- event F1

def test_exact_match_scores_one_everywhere() -> None:
    e = ev("CONSULT", [ent("USA", "Joe Biden")], [ent("CHN", "Xi Jinping")], mode="visit",
           date=("2023-11", None), place=("San Francisco", "USA"))
    r = score([art("a", e)], [art("a", e)])
    assert counts(r.dyad) == counts(r.typed) == counts(r.status_aware) == (1, 0, 0)
    assert r.dyad.f1 == 1.0
    for name, acc in r.attributes:
        assert (acc.correct, acc.n) == (1, 1), name


def test_type_mismatch_is_a_miss_and_an_invention() -> None:
    r = score([art("a", ev("ACCUSE", [USA], [CHN]))], [art("a", ev("REJECT", [USA], [CHN]))])
    assert counts(r.dyad) == (0, 1, 1) and counts(r.typed) == (0, 1, 1)
    assert r.dyad.precision == r.dyad.recall == r.dyad.f1 == 0.0
    assert all(acc.n == 0 and acc.accuracy is None for _, acc in r.attributes)


def test_dyad_by_country_keys() -> None:
    gold = ev("ACCUSE", [ent("USA", "Joe Biden")], [ent("CHN")])
    same_keys = ev("ACCUSE", [ent("USA")], [ent("CHN", "Wang Yi")])  # different people, same states
    r = score([art("a", gold)], [art("a", same_keys)])
    assert counts(r.dyad) == (1, 0, 0)
    assert r.attribute("dyad_exact").correct == 1

    reversed_ = ev("ACCUSE", [CHN], [USA])
    r = score([art("a", gold)], [art("a", reversed_)])
    assert counts(r.dyad) == (0, 1, 1)
    assert counts(r.typed) == (1, 0, 0)  # type alone still matches
    assert r.per_type[0].typed.f1 == 1.0 and r.per_type[0].dyad.f1 == 0.0


def test_empty_gold_side_agrees_with_anything() -> None:
    gold = ev("MOBILIZE", [PRK], [], mode="weapons")
    r = score([art("a", gold)], [art("a", ev("MOBILIZE", [PRK], [ent("KOR")], mode="weapons"))])
    assert counts(r.dyad) == (1, 0, 0)
    assert r.attribute("dyad_exact").correct == 0  # recipient {} != {KOR}


def test_name_keys_match_by_word_containment() -> None:
    gold = ev("SANCTION", [ent(None, "United Nations")], [PRK])
    system = ev("SANCTION", [ent(None, "the United Nations Security Council")], [PRK])
    r = score([art("a", gold)], [art("a", system)])
    assert counts(r.dyad) == (1, 0, 0)
    assert r.attribute("dyad_exact").correct == 0  # "united nations" != "united nations security council"

    other_name = ev("SANCTION", [ent(None, "Islamic State")], [PRK])
    assert counts(score([art("a", gold)], [art("a", other_name)]).dyad) == (0, 1, 1)

    # A country key never equals a name key, even for the "same" organisation.
    nato_as_country = ev("SANCTION", [ent("BEL", "NATO")], [PRK])
    nato_gold = ev("SANCTION", [ent(None, "NATO")], [PRK])
    assert counts(score([art("a", nato_gold)], [art("a", nato_as_country)]).dyad) == (0, 1, 1)


def test_pooling_for_meetings_with_empty_recipient() -> None:
    # Gold codes a visit USA -> CHN; the system lists both as participants (recipient empty).
    gold = ev("CONSULT", [USA], [CHN])
    system = ev("CONSULT", [CHN, USA], [])
    r = score([art("a", gold)], [art("a", system)])
    # Pooled {USA, CHN} vs {CHN, USA}: match, and exact under the same pooling.
    assert counts(r.dyad) == (1, 0, 0)
    assert r.attribute("dyad_exact").correct == 1

    # The same shape for a directed type is not pooled: recipient {CHN} vs {} fails.
    r = score([art("a", ev("ACCUSE", [USA], [CHN]))], [art("a", ev("ACCUSE", [CHN, USA], []))])
    assert counts(r.dyad) == (0, 1, 1)

    # Gold pooled (recipient empty), system directed CHN -> USA: pooled {USA} vs {CHN, USA} share USA.
    r = score([art("a", ev("AGREE", [USA], []))], [art("a", ev("AGREE", [CHN], [USA]))])
    assert counts(r.dyad) == (1, 0, 0)
    assert r.attribute("dyad_exact").correct == 0
    assert r.articles[0].pairs[0].weight == pytest.approx(1 / 2)  # overlap 1, union 1 + 2 - 1


def test_greedy_takes_the_highest_jaccard_candidate() -> None:
    gold = ev("ACCUSE", [USA, GBR], [RUS])
    partial = ev("ACCUSE", [USA], [RUS, CHN])  # actor 1/(2+1-1), recipient 1/(1+2-1): 2/4 = 0.5
    full = ev("ACCUSE", [USA, GBR], [RUS])  # 3/3 = 1.0
    r = score([art("a", gold)], [art("a", partial, full)])
    assert pairs(r) == [(0, 1)]
    assert r.articles[0].pairs[0].weight == 1.0
    assert counts(r.dyad) == (1, 1, 0)

    # Greedy over gold too: g1 (weight 1.0) takes s0 before g0 (weight 2/3) can.
    r = score([art("a", ev("ACCUSE", [USA], [RUS]), ev("ACCUSE", [USA, GBR], [RUS]))],
              [art("a", ev("ACCUSE", [USA, GBR], [RUS]))])
    assert pairs(r) == [(1, 0)]
    assert counts(r.dyad) == (1, 0, 1)


def test_ties_go_to_the_earlier_gold_then_system_event() -> None:
    e = ev("ACCUSE", [USA], [RUS])
    r = score([art("a", e, e)], [art("a", e)])
    assert pairs(r) == [(0, 0)]
    r = score([art("a", e)], [art("a", e, e)])
    assert pairs(r) == [(0, 0)]


def test_status_aware_f1_penalises_wrong_status() -> None:
    gold = [ev("ACCUSE", [USA], [CHN]), ev("REJECT", [CHN], [USA])]
    system = [ev("ACCUSE", [USA], [CHN]), ev("REJECT", [CHN], [USA], status="possible")]
    r = score([art("a", *gold)], [art("a", *system)])
    assert counts(r.dyad) == (2, 0, 0)
    # The wrong-status pair counts as one fp and one fn: P = R = 1/2.
    assert counts(r.status_aware) == (1, 1, 1)
    assert r.status_aware.precision == r.status_aware.recall == r.status_aware.f1 == 0.5
    assert (r.attribute("status").correct, r.attribute("status").n) == (1, 2)


# --------------------------------------------------------------------------- attributes

def _one_pair(gold: dict[str, Any], system: dict[str, Any]):
    r = score([art("a", gold)], [art("a", system)])
    assert counts(r.dyad) == (1, 0, 0)
    return r


@pytest.mark.parametrize(("gold", "system", "exact", "lenient"), [
    (("2023-11-15", None), ("2023-11-15", None), 1, 1),
    (("2023-11", None), ("2023-11-15", None), 0, 1),  # month contains the day
    (("2023-11-15", None), ("2023-11", None), 0, 1),
    (("2023-10-25/2023-10-31", None), ("2023-10", None), 0, 1),  # interval overlaps month
    (("2023-10-25/2023-10-31", None), ("2023-11", None), 0, 0),
    (("2023-W45", None), ("2023-11-08", None), 0, 1),  # W45 = 2023-11-06 .. 2023-11-12
    (("2023-W45", None), ("2023-11-13", None), 0, 0),
    (("2023-10", "end"), ("2023-10", None), 0, 1),  # mod matters for exact only
    (("2023-10", "end"), ("2023-10", "end"), 1, 1),
    (("2023", None), ("2022-12-31", None), 0, 0),
])
def test_date_exact_and_lenient(gold, system, exact, lenient) -> None:
    r = _one_pair(ev("CONSULT", [USA], [CHN], date=gold), ev("CONSULT", [USA], [CHN], date=system))
    assert (r.attribute("date_exact").correct, r.attribute("date_exact").n) == (exact, 1)
    assert (r.attribute("date_lenient").correct, r.attribute("date_lenient").n) == (lenient, 1)


def test_date_null_cases() -> None:
    r = _one_pair(ev("CONSULT", [USA], [CHN], date=("2023-11", None)), ev("CONSULT", [USA], [CHN]))
    assert (r.attribute("date_exact").correct, r.attribute("date_exact").n) == (0, 1)  # system null is wrong
    assert (r.attribute("date_lenient").correct, r.attribute("date_lenient").n) == (0, 1)
    r = _one_pair(ev("CONSULT", [USA], [CHN]), ev("CONSULT", [USA], [CHN], date=("2023-11", None)))
    assert r.attribute("date_exact").n == 0 and r.attribute("date_lenient").n == 0  # no gold date: not judged


def test_date_intervals() -> None:
    from datetime import date
    assert date_interval("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert date_interval("2023-W01") == (date(2023, 1, 2), date(2023, 1, 8))
    assert date_interval("2023-10/2023-11") == (date(2023, 10, 1), date(2023, 11, 30))
    assert date_interval("2023-13") is None and date_interval("next week") is None


@pytest.mark.parametrize(("system_place", "exact", "lenient"), [
    (("san francisco", "USA"), 1, 1),  # case ignored
    (("Washington", "USA"), 0, 1),
    (("Beijing", "CHN"), 0, 0),
    (None, 0, 0),
])
def test_place_exact_and_lenient(system_place, exact, lenient) -> None:
    r = _one_pair(ev("CONSULT", [USA], [CHN], place=("San Francisco", "USA")),
                  ev("CONSULT", [USA], [CHN], place=system_place))
    assert (r.attribute("place_exact").correct, r.attribute("place_exact").n) == (exact, 1)
    assert (r.attribute("place_lenient").correct, r.attribute("place_lenient").n) == (lenient, 1)


def test_place_not_judged_without_gold_place() -> None:
    r = _one_pair(ev("CONSULT", [USA], [CHN]), ev("CONSULT", [USA], [CHN], place=("Paris", "FRA")))
    assert r.attribute("place_exact").n == 0 and r.attribute("place_lenient").n == 0


@pytest.mark.parametrize(("sys_actor", "sys_recipient", "correct"), [
    ([ent("USA", "Biden")], [ent("CHN", "Xi")], 1),  # 2 of 4 gold tokens: exactly half
    ([ent("USA", "President Joe Biden")], [ent("CHN")], 1),  # joe, biden: 2 of 4
    ([ent("USA", "Biden")], [ent("CHN")], 0),  # 1 of 4
    ([ent("USA")], [ent("CHN")], 0),
])
def test_actor_names_half_rule(sys_actor, sys_recipient, correct) -> None:
    gold = ev("CONSULT", [ent("USA", "Joe Biden")], [ent("CHN", "Xi Jinping")])  # joe biden xi jinping
    r = _one_pair(gold, ev("CONSULT", sys_actor, sys_recipient))
    assert (r.attribute("actor_names").correct, r.attribute("actor_names").n) == (correct, 1)


def test_actor_names_not_judged_without_gold_names() -> None:
    r = _one_pair(ev("ACCUSE", [USA], [CHN]), ev("ACCUSE", [ent("USA", "Joe Biden")], [CHN]))
    assert r.attribute("actor_names").n == 0


def test_dyad_exact() -> None:
    r = _one_pair(ev("ACCUSE", [USA, GBR], [RUS]), ev("ACCUSE", [USA], [RUS]))
    assert (r.attribute("dyad_exact").correct, r.attribute("dyad_exact").n) == (0, 1)
    r = _one_pair(ev("ACCUSE", [USA, GBR], [RUS]), ev("ACCUSE", [ent("GBR", "Rishi Sunak"), USA], [RUS]))
    assert (r.attribute("dyad_exact").correct, r.attribute("dyad_exact").n) == (1, 1)


def test_mode_judged_only_where_gold_has_one() -> None:
    r = score([art("a", ev("MOBILIZE", [PRK], mode="weapons"), ev("ACCUSE", [USA], [PRK]))],
              [art("a", ev("MOBILIZE", [PRK], mode="troops"), ev("ACCUSE", [USA], [PRK], mode="allege"))])
    assert (r.attribute("mode").correct, r.attribute("mode").n) == (0, 1)


# --------------------------------------------------------------------------- articles

def test_missing_and_extra_system_articles() -> None:
    e1, e2, e3 = ev("ACCUSE", [USA], [CHN]), ev("REJECT", [CHN], [USA]), ev("ASSAULT", [RUS], [ent("UKR")])
    gold = [art("A", e1), art("B", e2, e3)]
    system = [art("A", e1), art("C", e2, e3)]
    r = score(gold, system)
    # B is all missed; C's events are ignored, not false positives.
    assert counts(r.dyad) == (1, 0, 2)
    assert r.missing_in_system == ("B",) and r.system_only == ("C",)
    assert any("C" in w for w in r.warnings)
    assert r.dyad.precision == 1.0 and r.dyad.recall == pytest.approx(1 / 3)


def test_micro_average_over_articles() -> None:
    e = ev("ACCUSE", [USA], [CHN])
    r = score([art("A", e), art("B", e, ev("REJECT", [CHN], [USA]))],
              [art("A", e, ev("REJECT", [CHN], [USA])), art("B", e)])
    # A: tp1 fp1; B: tp1 fn1 -> P = 2/3, R = 2/3
    assert counts(r.dyad) == (2, 1, 1)
    assert r.dyad.f1 == pytest.approx(2 / 3)


def test_skipped_system_article_has_no_events() -> None:
    e = ev("ACCUSE", [USA], [CHN])
    r = score([art("A", e)], [{**art("A", e), "skipped": "not English"}])
    assert counts(r.dyad) == (0, 0, 1)


def test_extra_system_fields_are_ignored() -> None:
    e = ev("ACCUSE", [USA], [CHN])
    extra = {**e, "confidence": 0.3, "evidence": {"start": 0, "end": 5}, "foo": [1]}
    assert counts(score([art("A", e)], [art("A", extra)]).dyad) == (1, 0, 0)


def test_per_type_table() -> None:
    gold = [ev("ACCUSE", [USA], [CHN]), ev("ACCUSE", [USA], [RUS]), ev("REJECT", [CHN], [USA])]
    system = [ev("ACCUSE", [USA], [CHN]), ev("ACCUSE", [GBR], [RUS]), ev("CONSULT", [USA, CHN])]
    r = score([art("a", *gold)], [art("a", *system)])
    rows = {row.type: row for row in r.per_type}
    assert list(rows) == ["CONSULT", "ACCUSE", "REJECT"]  # PLOVER order
    acc = rows["ACCUSE"]
    assert (acc.gold, acc.system, acc.dyad.tp) == (2, 2, 1)
    assert acc.dyad.f1 == 0.5 and acc.typed.f1 == 1.0
    assert (rows["REJECT"].gold, rows["REJECT"].system, rows["REJECT"].dyad.f1) == (1, 0, 0.0)
    assert (rows["CONSULT"].gold, rows["CONSULT"].system) == (0, 1)
    table = r.format_table()
    assert "ACCUSE" in table and "date_lenient" in table and "status-aware F1" in table
    json.dumps(r.as_dict(diagnostics=True))  # JSON-able


# --------------------------------------------------------------------------- validation

def test_validation_of_dicts() -> None:
    with pytest.raises(EvaluationError, match=r"system\[0\] event 0.*no `type`"):
        score([art("a")], [art("a", {"actor": []})])
    with pytest.raises(EvaluationError, match="unknown event type 'MEET'"):
        score([art("a", ev("MEET"))], [])
    with pytest.raises(EvaluationError, match="duplicate article_id"):
        score([art("a"), art("a")], [])
    with pytest.raises(EvaluationError, match="articles file"):
        score([{"id": "a", "text": "..."}], [])


def test_validation_of_files_names_file_and_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(art("a", ev("ACCUSE", [USA], [CHN]))) + "\n")
    bad = tmp_path / "sys.jsonl"
    bad.write_text(json.dumps(art("a")) + "\n\n{not json\n")
    with pytest.raises(EvaluationError, match=rf"{bad}:3: not valid JSON"):
        score_files(gold, bad)
    bad.write_text(json.dumps(art("a", {"type": "accuse"})) + "\n")
    with pytest.raises(EvaluationError, match=rf"{bad}:1 event 0: unknown event type"):
        score_files(gold, bad)
    ok = score_files(gold, gold)
    assert ok.dyad.f1 == 1.0


# --------------------------------------------------------------------------- diagnostics

def test_diagnostics_list_missed_invented_and_disagreements() -> None:
    from newsevents.records import Article

    text = "Biden met Xi. Russia attacked."
    gold = [ev("CONSULT", [USA], [CHN], date=("2023-11", None), trigger="met"),
            ev("ACCUSE", [USA], [RUS], trigger="accused")]
    invented = {**ev("ASSAULT", [RUS], [], trigger="attacked"), "evidence": {"start": 14, "end": 30}}
    system = [ev("CONSULT", [USA], [CHN], status="planned", date=("2023-12", None), trigger="met"), invented,
              ev("ACCUSE", [RUS], [USA], trigger="accused")]
    r = score([art("a", *gold)], [art("a", *system)])
    out = r.diagnostics({"a": Article(id="a", text=text)})
    assert "MISSED (1" in out and 'g1 ACCUSE USA -> RUS  "accused"  [occurred]' in out
    assert "same type in system: s2 RUS -> USA  (dyad does not agree)" in out
    assert "INVENTED (2" in out and 'evidence: "Russia attacked."' in out
    assert "status: gold occurred, system planned" in out
    assert "date:   gold 2023-11, system 2023-12  [no overlap]" in out
    assert score([art("a", *gold)], [art("a", *gold)]).diagnostics().startswith("no missed")


# --------------------------------------------------------------------------- shared gold

@pytest.mark.shared
def test_dev_gold_against_itself_is_perfect() -> None:
    if not SHARED_GOLD.exists():
        pytest.skip(f"shared dev gold not found at {SHARED_GOLD} (needs ../shared beside the repo)")
    r = score_files(SHARED_GOLD, SHARED_GOLD)
    assert r.dyad.f1 == r.typed.f1 == r.status_aware.f1 == 1.0
    assert counts(r.dyad) == (r.dyad.tp, 0, 0) and r.dyad.tp > 0
    for name, acc in r.attributes:
        assert acc.n > 0 and acc.accuracy == 1.0, name
    # Self-matching pairs every event with itself, not with a look-alike.
    assert all(p.gold.index == p.system.index for a in r.articles for p in a.pairs)


def test_equal_weights_are_paired_by_trigger_then_order() -> None:
    # Two look-alike CONSULTs with the same participants: the planned meeting and
    # the occurred preparations. The system lists them in the other order.
    usa_chn = [ent("USA"), ent("CHN")]
    gold = [art("a",
                dict(ev("CONSULT", usa_chn, status="planned"), trigger="in-person meeting"),
                dict(ev("CONSULT", usa_chn, status="occurred"), trigger="preparations"))]
    system = [art("a",
                  dict(ev("CONSULT", usa_chn, status="occurred"), trigger="initial preparations"),
                  dict(ev("CONSULT", usa_chn, status="planned"), trigger="meeting"))]
    report = score(gold, system)
    assert pairs(report) == [(0, 1), (1, 0)]
    assert counts(report.status_aware) == (2, 0, 0)
    # With triggers that say nothing, order decides (gold 0 takes system 0).
    for doc in (gold, system):
        for e in doc[0]["events"]:
            e["trigger"] = "x"
    assert pairs(score(gold, system)) == [(0, 0), (1, 1)]
