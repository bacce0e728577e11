"""Extraction memory stays flat over any number of batches: spaCy keeps nothing per parsed
text, and parses are bounded in size (issue 4). These load the model."""

from __future__ import annotations

import dataclasses

import pytest

from newsevents import pipeline
from newsevents.config import Config
from newsevents.records import Article


def _article(i: int, words: int = 40) -> Article:
    # Made-up names the model has never seen: each would stay in the vocab for good outside a zone.
    names = " ".join(f"Zorvak{i}x{j}" for j in range(words // 4))
    text = (f"WASHINGTON, March {1 + i % 27} - Minister Quellan{i} met {names} in Geneva on Tuesday "
            f"and said talks with Blorvania{i} would resume next month.")
    return Article(id=f"m{i}", text=text, published="1987-03-02")


@pytest.fixture(scope="module")
def nlp():
    from newsevents.nlp import load_nlp

    return load_nlp(Config().model)


def test_runs_bound_characters_and_keep_order() -> None:
    arts = [Article(id=str(i), text="x" * n) for i, n in enumerate([400, 400, 300, 900, 50, 2000, 10])]
    runs = list(pipeline._runs(arts, 1000))
    assert [a.id for run in runs for a in run] == [a.id for a in arts]
    assert [[a.id for a in run] for run in runs] == [["0", "1"], ["2"], ["3", "4"], ["5"], ["6"]]
    assert all(sum(len(a.text) for a in run) <= 1000 for run in runs if len(run) > 1)


def test_string_store_does_not_grow_across_batches(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsevents import nlp as nlp_module

    monkeypatch.setattr(nlp_module, "WARM_LEXEMES", 0)  # whatever other tests parsed before
    pipeline.process_batch([_article(0)])  # first call: anything spaCy adds once, on first use
    before = (len(nlp.vocab.strings), nlp.vocab.in_memory_zone)
    for b in range(1, 6):
        results = pipeline.process_batch([_article(10 * b + k) for k in range(4)])
        assert len(results) == 4
    assert (len(nlp.vocab.strings), nlp.vocab.in_memory_zone) == before
    assert "Quellan11" not in nlp.vocab.strings


def test_results_are_plain_data_after_the_zone(nlp) -> None:
    from spacy.tokens import Doc, Span, Token

    results = pipeline.process_batch([_article(k) for k in range(3)])
    assert any(r.events for r in results)

    def walk(value: object) -> None:
        assert not isinstance(value, (Doc, Span, Token)), value
        if dataclasses.is_dataclass(value):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))
        elif isinstance(value, (tuple, list)):
            for v in value:
                walk(v)

    for r in results:
        walk(r)
    # Read after the zone closed: strings survive as Python str.
    assert all(isinstance(e.trigger, str) and e.trigger for r in results for e in r.events)


def test_split_runs_give_the_same_events(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    arts = [_article(100 + k, words=8 * (k % 3 + 1)) for k in range(7)]
    whole = pipeline.process_batch(arts)
    monkeypatch.setattr(pipeline, "MAX_PARSE_CHARS", 300)  # every run one or two articles
    assert len(list(pipeline._runs(arts, 300))) > 3
    assert pipeline.process_batch(arts) == whole


def test_lemmatizer_cache_is_bounded(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    from spacy.pipeline import Lemmatizer

    from newsevents import nlp as nlp_module

    lemmatizer = next(p for _, p in nlp.pipeline if isinstance(p, Lemmatizer))
    monkeypatch.setattr(nlp_module, "LEMMA_CACHE_LIMIT", 5)
    monkeypatch.setattr(nlp_module, "WARM_LEXEMES", 0)
    for b in range(3):
        pipeline.process_batch([_article(200 + b)])
        assert len(lemmatizer.cache) <= 5


def test_warm_up_keeps_words_only_until_the_vocab_is_large_enough(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsevents import nlp as nlp_module

    monkeypatch.setattr(nlp_module, "WARM_LEXEMES", len(nlp.vocab) + 1)
    pipeline.process_batch([_article(300)])  # warming: its new words stay
    assert "Quellan300" in nlp.vocab.strings
    warmed = len(nlp.vocab.strings)
    pipeline.process_batch([_article(301), _article(302)])
    assert len(nlp.vocab.strings) == warmed and "Quellan301" not in nlp.vocab.strings


def test_nested_zone_is_left_to_the_caller(nlp) -> None:
    from newsevents.nlp import parse_zone

    with nlp.memory_zone():
        with parse_zone(nlp):
            assert nlp.vocab.in_memory_zone
        assert nlp.vocab.in_memory_zone
    assert not nlp.vocab.in_memory_zone
