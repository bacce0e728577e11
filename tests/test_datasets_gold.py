"""Dev/seed gold adapter: batching through process_batch and the scorer's figures, hand-checked."""

from __future__ import annotations

import json

import pytest

from newsevents.evaluate.datasets.gold import run as run_dev
from newsevents.records import ArticleEvents, Entity, Event, Span

USA = {"text": "Washington", "name": None, "country": "USA", "sector": "GOV"}
CHN = {"text": "Beijing", "name": None, "country": "CHN", "sector": "GOV"}


def _gold_event(kind: str, status: str) -> dict:
    return {"type": kind, "mode": None, "context": [], "actor": [USA], "recipient": [CHN], "status": status,
            "sourcing": "direct", "attribution": [], "date": None, "place": None, "trigger": "t"}


def _fake_process(articles):
    out = []
    for a in articles:
        accuse = Event(type="ACCUSE", trigger="accused", evidence=Span(0, 5),
                       actor=(Entity("Washington", country="USA", sector="GOV"),),
                       recipient=(Entity("Beijing", country="CHN", sector="GOV"),), status="occurred")
        assault = Event(type="ASSAULT", trigger="shelled", evidence=Span(0, 5),
                        actor=(Entity("Russia", country="RUS", sector="MIL"),),
                        recipient=(Entity("Ukraine", country="UKR", sector="GOV"),))
        out.append(ArticleEvents(a.id, a.published, (accuse, assault)))
    return out


def test_dev_adapter_hand_checked(tmp_path):
    (tmp_path / "articles.jsonl").write_text(json.dumps(
        {"id": "a1", "text": "Washington accused Beijing.", "published": "2023-10-06", "title": None}) + "\n")
    (tmp_path / "gold.jsonl").write_text(json.dumps(
        {"article_id": "a1", "published": "2023-10-06",
         "events": [_gold_event("ACCUSE", "occurred"), _gold_event("CONSULT", "planned")]}) + "\n")
    r = run_dev(tmp_path, None, _fake_process)
    # gold ACCUSE matched by ours; gold CONSULT missed; our ASSAULT invented: tp 1, fp 1, fn 1
    assert r.metrics["event_precision_dyad"] == pytest.approx(0.5)
    assert r.metrics["event_recall_dyad"] == pytest.approx(0.5)
    assert r.metrics["event_f1_dyad"] == pytest.approx(0.5)
    assert r.metrics["status_aware_f1"] == pytest.approx(0.5)
    assert (r.metrics["status"], r.n["status"]) == (1.0, 1)
    assert r.n["event_f1_dyad"] == 2 and r.n["items"] == 1


def test_dev_adapter_missing_articles(tmp_path):
    with pytest.raises(FileNotFoundError, match="articles.jsonl"):
        run_dev(tmp_path, None, _fake_process)


@pytest.mark.shared
@pytest.mark.model
def test_seed_real(real_slice):
    r = real_slice("seed")
    assert r.n["items"] == 1
    assert 0.0 <= r.metrics["event_f1_typed"] <= 1.0
