"""Language identification (py3langid, model bundled with the package: works offline).

The extractor's patterns and spaCy model are English-only, so it skips articles
that are clearly in another language and says why. The rule (`is_english`):

* Fewer than `SHORT_TEXT_WORDS` words: too little text for a reliable guess
  ("Moon Jae-in met Xi Jinping in Beijing" scores 0.46 English), so the
  article's own ``language`` field is trusted (its default is ``"en"``), and
  the returned confidence is 0.0 (not measured).
* Otherwise the identifier decides when it is confident: a non-English
  language with probability >= `NON_ENGLISH_MIN_CONFIDENCE` means "not
  English". Real paragraphs of French, German, Spanish, Russian score > 0.95.
* An unsure guess (below the threshold, typical of English dense with foreign
  names) falls back to the declared language: a wrongly skipped English
  article loses all its events, a wrongly kept foreign one mostly yields none.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["detect_language", "is_english", "NON_ENGLISH_MIN_CONFIDENCE", "SHORT_TEXT_WORDS"]

NON_ENGLISH_MIN_CONFIDENCE = 0.8
SHORT_TEXT_WORDS = 20
# The head of an article is plenty to tell its language; bounding it keeps
# a pathological multi-megabyte "article" from costing seconds.
MAX_CHARS = 20_000

UNDETERMINED = "und"


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # Lazy: loading the model takes ~0.7 s and most imports of newsevents never need it.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    # norm_probs: probabilities in [0, 1] rather than raw log scores, so a threshold means something.
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the text's language; ("und", 0.0) for text with no letters."""
    sample = (text or "")[:MAX_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return UNDETERMINED, 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), round(float(prob), 4)


def is_english(text: str, declared: str | None = "en") -> tuple[bool, str, float]:
    """(treat as English?, language, confidence); see the module doc for the rule.

    ``declared`` is the article's ``language`` field. For short or ambiguous
    text the result follows it; the confidence is then 0.0 for "not measured"
    (short text) or the identifier's unsure score.
    """
    declared_lang = _base(declared) or "en"
    if len((text or "").split()) < SHORT_TEXT_WORDS:
        return declared_lang == "en", declared_lang, 0.0
    lang, prob = detect_language(text)
    if lang == "en":
        return True, lang, prob
    if lang != UNDETERMINED and prob >= NON_ENGLISH_MIN_CONFIDENCE:
        return False, lang, prob
    return declared_lang == "en", declared_lang, prob


def _base(code: str | None) -> str | None:
    """"en-GB" / "en_US" / "EN" -> "en"."""
    if not code or not code.strip():
        return None
    return code.strip().replace("_", "-").split("-")[0].lower()
