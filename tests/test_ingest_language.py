"""Language detection and the is_english rule."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsevents.ingest.language import (
    NON_ENGLISH_MIN_CONFIDENCE,
    SHORT_TEXT_WORDS,
    detect_language,
    is_english,
)

ENGLISH = (
    "The foreign ministry spokesperson said on Monday that the president would travel to Jakarta "
    "next week for talks with his Indonesian counterpart on trade, fisheries and maritime security. "
    "Officials from both countries are expected to sign an agreement on coastal patrols."
)
FRENCH = (
    "Le porte-parole du ministère des Affaires étrangères a annoncé lundi que le président se rendra "
    "à Dakar la semaine prochaine pour des entretiens avec son homologue sénégalais sur le commerce "
    "et la sécurité maritime. Les deux pays devraient signer un accord sur les patrouilles côtières."
)
GERMAN = (
    "Der Sprecher des Auswärtigen Amtes sagte am Montag, der Bundeskanzler werde nächste Woche nach "
    "Warschau reisen, um mit dem polnischen Ministerpräsidenten über Handel, Energie und die Sicherheit "
    "an der Ostgrenze zu sprechen. Beide Regierungen wollen ein Abkommen unterzeichnen."
)


def test_detects_english_french_german():
    for text, code in ((ENGLISH, "en"), (FRENCH, "fr"), (GERMAN, "de")):
        lang, prob = detect_language(text)
        assert lang == code
        assert prob > 0.95


def test_is_english_on_long_paragraphs():
    assert is_english(ENGLISH)[:2] == (True, "en")
    ok, lang, prob = is_english(FRENCH)
    assert (ok, lang) == (False, "fr") and prob >= NON_ENGLISH_MIN_CONFIDENCE
    ok, lang, _ = is_english(GERMAN, declared="en")  # a wrong default field does not win over clear text
    assert (ok, lang) == (False, "de")


def test_short_text_trusts_the_declared_language():
    short = "Moon Jae-in met Xi Jinping in Beijing."
    assert len(short.split()) < SHORT_TEXT_WORDS
    assert is_english(short) == (True, "en", 0.0)
    assert is_english("Le président est arrivé à Dakar.", declared="fr") == (False, "fr", 0.0)
    # short French with the default field: assumed English (too short to judge);
    # the extractor will then find nothing in it
    assert is_english("Le président est arrivé à Dakar.")[0] is True
    assert is_english("Talks resumed.", declared="en-GB") == (True, "en", 0.0)


def test_empty_and_letterless_text():
    assert detect_language("") == ("und", 0.0)
    assert detect_language("12 345 -- 2025") == ("und", 0.0)
    assert is_english("")[0] is True


def test_english_dense_with_foreign_names_is_not_skipped():
    text = ("Abu Mohammed al-Jawlani and Hayat Tahrir al-Sham fighters entered Idlib while Recep Tayyip "
            "Erdogan spoke with Vladimir Putin and Masoud Pezeshkian about the Astana format in Ankara, "
            "according to Anadolu Agency.")
    assert len(text.split()) >= SHORT_TEXT_WORDS
    assert is_english(text)[0] is True


@pytest.mark.parametrize("text", [FRENCH * 200])
def test_long_text_is_bounded(text):
    assert detect_language(text)[0] == "fr"


def test_model_loads_offline_and_import_stays_lazy():
    code = (
        "import sys, socket\n"
        "def no_net(*a, **k): raise OSError('network disabled')\n"
        "socket.socket.connect = no_net\n"
        "import newsevents.ingest.readers, newsevents.ingest.language\n"
        "assert not {'py3langid', 'trafilatura', 'feedparser', 'htmldate'} & set(sys.modules)\n"
        "from newsevents.ingest.language import detect_language\n"
        "print(detect_language('Das ist ein kurzer deutscher Satz über die Regierung in Berlin.')[0])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "de"
