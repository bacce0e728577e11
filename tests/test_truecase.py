"""Capitals restored in all-lowercase articles (extract.truecase)."""

from __future__ import annotations

import pytest

from newsevents.extract.truecase import Truecaser, is_lowercased

NAMES = ["New Delhi", "Pakistan", "India", "United Nations", "Ban Ki-moon", "Pervez Musharraf", "Lucknow"]
PEOPLE = ["Ban Ki-moon", "Pervez Musharraf"]


@pytest.fixture(scope="module")
def caser() -> Truecaser:
    return Truecaser(NAMES, people=PEOPLE)


def test_only_a_text_with_almost_no_capitals_counts_as_lowercased():
    assert is_lowercased("This story is from March 10, 2002\n\nlucknow: the committee has sought a ban. its "
                         "convenor said the move was symbolic. the march will go ahead.")
    assert not is_lowercased("The committee has sought a ban. Its convenor said the move was symbolic. The march "
                             "will go ahead, he said.")  # capitals at sentence starts only
    assert is_lowercased("pakistan and india said on monday that they would meet in lucknow next month")
    assert not is_lowercased("ok")  # too short to tell


def test_names_sentence_starts_and_i_get_their_capitals_and_the_length_is_kept(caser):
    text = "new delhi: pakistan and india met. i think the united nations agrees, the u.s. said."
    restored = caser.restore(text)
    assert restored == "New Delhi: Pakistan and India met. I think the United Nations agrees, the U.S. said."
    assert len(restored) == len(text)


def test_a_surname_is_a_name_only_once_its_full_name_appears(caser):
    assert caser.restore("a ban on rice exports was announced.") == "A ban on rice exports was announced."
    restored = caser.restore("pervez musharraf spoke first. later musharraf said ban ki-moon wants a ban.")
    assert restored == "Pervez Musharraf spoke first. Later Musharraf said Ban Ki-moon wants a ban."


def test_abbreviations_end_no_sentence(caser):
    assert caser.restore("mr. musharraf met gen. smith in lucknow.") == "Mr. musharraf met gen. smith in Lucknow."


@pytest.mark.model
def test_a_lowercased_article_still_yields_coded_actors():
    from newsevents.pipeline import extract

    text = ("islamabad: pakistan's president pervez musharraf on monday accused india of sending troops to the "
            "border, and said pakistan would not accept any threat from new delhi.")
    events = extract(text, published="2002-03-12")
    assert "Pervez Musharraf" in {p.name for e in events for p in e.actor}


def test_names_with_letters_beyond_ascii_are_restored_with_their_surnames():
    caser = Truecaser(["Enrique Peña Nieto", "Recep Tayyip Erdoğan"], people=["Enrique Peña Nieto"])
    text = "fox criticized enrique peña nieto. peña nieto said recep tayyip erdoğan agreed."
    restored = caser.restore(text)
    assert len(restored) == len(text)
    assert restored == "Fox criticized Enrique Peña Nieto. Peña Nieto said Recep Tayyip Erdoğan agreed."
