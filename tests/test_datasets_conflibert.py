"""ConfliBERT CAMEO adapter: PentaClass parsing, quad mapping and hand-checked scores."""

from __future__ import annotations

import io

import pytest

from newsevents.evaluate.datasets.conflibert import parse_penta, penta_class, score_penta
from newsevents.records import Event, Span

TSV = (
    "sentence\tlabel\r\n"
    "Rebels attacked a village.\t4\r\n"
    "The minister said the economy is fine.\t0\r\n"
    "\r\n"
    "Both sides agreed to meet.\t1\r\n"
    "The court rejected the appeal.\t3\r\n"
    "The government eased the curfew.\t2\r\n"
)


def _ev(kind, status="occurred"):
    return Event(type=kind, trigger="x", evidence=Span(0, 1), status=status)


def test_parse_penta_skips_header_and_blank():
    items = parse_penta(io.StringIO(TSV, newline=""))
    assert [i.label for i in items] == ["4", "0", "1", "3", "2"]
    assert items[0].sentence == "Rebels attacked a village."


def test_penta_class_mapping():
    assert penta_class(None) == "0"
    assert penta_class(_ev("CONSULT", "planned")) == "1"  # future meeting = AGREE = verbal cooperation
    assert penta_class(_ev("CONCEDE")) == "2"  # CAMEO 08 YIELD
    assert penta_class(_ev("SANCTION")) == "4"  # CAMEO 16
    assert penta_class(_ev("REQUEST")) == "3"


def test_score_penta_hand_checked():
    items = parse_penta(io.StringIO(TSV, newline=""))
    ids = [i.id for i in items]
    system = {ids[0]: [_ev("ASSAULT")], ids[1]: [], ids[2]: [_ev("CONSULT", "planned")],
              ids[3]: [_ev("SANCTION")], ids[4]: []}
    r = score_penta(items, system)
    # gold 4 0 1 3 2, predicted 4 0 1 4 0
    assert r.metrics["accuracy"] == pytest.approx(3 / 5)
    # per-class F1: 0 -> 2/3, 1 -> 1, 2 -> 0, 3 -> 0, 4 -> 2/3
    assert r.metrics["macro_f1"] == pytest.approx((2 / 3 + 1 + 0 + 0 + 2 / 3) / 5)
    assert r.metrics["macro_f1_events"] == pytest.approx((1 + 0 + 0 + 2 / 3) / 4)
    assert r.metrics["event_rate_statements"] == 0.0
    assert r.anchor and "87.88" in r.anchor["macro_f1"]


@pytest.mark.shared
@pytest.mark.model
def test_conflibert_real_slice(real_slice):
    r = real_slice("conflibert-cameo", limit=15)
    assert r.n["items"] == 15
    assert all(v != v or 0.0 <= v <= 1.0 for v in r.metrics.values())
