"""The place gazetteer: ambiguity, news aliases, regions, non-places."""

from __future__ import annotations

import pytest

from newsevents.kb.places import PlaceMatch, fold, get_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def test_georgia_is_the_country_without_us_context(gaz):
    m = gaz.resolve("Georgia")
    assert (m.kind, m.country, m.geonameid) == ("country", "GEO", 614540)


def test_georgia_is_the_us_state_with_us_context(gaz):
    m = gaz.resolve("Georgia", context_countries=["USA"])
    assert (m.kind, m.country, m.admin1) == ("admin1", "USA", "GA")


def test_paris_is_france_even_in_a_us_article(gaz):
    assert gaz.resolve("Paris").country == "FRA"
    assert gaz.resolve("Paris", context_countries=["USA"]).country == "FRA"


def test_paris_texas(gaz):
    for text in ("Paris, Texas", "Paris, Tex.", "Paris, TX"):
        m = gaz.resolve(text)
        assert (m.country, m.admin1) == ("USA", "TX"), text
    m = gaz.resolve("Paris", context_countries=["USA"], context_admin1=["USA.TX"])
    assert (m.country, m.admin1) == ("USA", "TX")


def test_city_country_form(gaz):
    m = gaz.resolve("Alexandria, Egypt")
    assert m.country == "EGY"
    m = gaz.resolve("Alexandria, Va.")
    assert (m.country, m.admin1) == ("USA", "VA")


@pytest.mark.parametrize("text", ["U.S.", "US", "the US", "the United States", "America", "USA"])
def test_us_aliases(gaz, text):
    m = gaz.resolve(text)
    assert (m.kind, m.country, m.geonameid) == ("country", "USA", 6252001)
    assert m.lat == pytest.approx(39.76, abs=0.1)


def test_uk_aliases(gaz):
    for text in ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"):
        assert gaz.resolve(text).country == "GBR", text


def test_pronoun_us_is_not_a_place(gaz):
    assert gaz.resolve("us") is None
    assert not gaz.is_place("us")


@pytest.mark.parametrize(
    ("text", "country", "lat", "lon"),
    [
        ("Gaza Strip", "PSE", 31.4, 34.4),
        ("the Gaza Strip", "PSE", 31.4, 34.4),
        ("Crimea", "UKR", 45.0, 34.0),
        ("Idlib", "SYR", 35.9, 36.6),
        ("Golan Heights", "SYR", 33.0, 35.8),
        ("Donbas", "UKR", 48.0, 38.5),
    ],
)
def test_regions(gaz, text, country, lat, lon):
    m = gaz.resolve(text)
    assert m.country == country
    assert m.lat == pytest.approx(lat, abs=0.5)
    assert m.lon == pytest.approx(lon, abs=0.5)


def test_international_waters_have_no_country(gaz):
    m = gaz.resolve("South China Sea")
    assert (m.kind, m.country) == ("region", None)
    assert m.lat is not None


def test_landmarks_resolve_to_their_city(gaz):
    m = gaz.resolve("the White House")
    assert (m.kind, m.name, m.country, m.geonameid) == ("landmark", "Washington", "USA", 4140963)
    assert gaz.resolve("Kremlin").name == "Moscow"


@pytest.mark.parametrize("text", ["table", "Biden", "Tuesday", "", "   "])
def test_non_places(gaz, text):
    assert gaz.resolve(text) is None
    assert gaz.candidates(text) == []


@pytest.mark.parametrize("text", ["American", "Americans", "French", "Chinese", "Georgian", "Syrian"])
def test_demonyms_are_not_places(gaz, text):
    assert gaz.resolve(text) is None
    assert not gaz.is_place(text)


def test_capitals_and_case(gaz):
    assert gaz.resolve("BEIRUT").geonameid == 276781
    assert gaz.resolve("Washington").geonameid == 4140963
    assert gaz.resolve("Washington, D.C.").geonameid == 4140963
    assert gaz.resolve("New York").geonameid == 5128581


def test_candidates_are_ranked_and_typed(gaz):
    cands = gaz.candidates("Georgia")
    assert len(cands) >= 2
    assert cands[0].kind == "country"
    assert all(isinstance(c, PlaceMatch) for c in cands)
    assert {c.kind for c in cands} >= {"country", "admin1"}


def test_fold():
    assert fold("U.S.") == fold("US") == "us"
    assert fold("the Gaza Strip") == "gaza strip"
    assert fold("Syria's") == "syria"
    assert fold("St. Louis") == fold("Saint Louis")
    assert fold("Deir ez-Zor") == "deir ez zor"
    assert fold("Québec") == "quebec"


def test_gazetteer_is_cached():
    assert get_gazetteer() is get_gazetteer()


def test_resolve_many_reads_names_in_each_others_context(gaz):
    paris = gaz.resolve_many(["Paris", "Texas", "Paris"])[0]
    (texas,) = gaz.resolve_many(["Texas"])
    assert (paris.country, paris.admin1) == ("USA", "TX")
    assert texas.kind == "admin1"
    assert gaz.resolve_many(["Paris", "Lyon"])[0].country == "FRA"
    assert gaz.resolve_many(["Georgia", "Tbilisi"])[0].country == "GEO"
    assert gaz.resolve_many(["Georgia", "Atlanta", "Tennessee"])[0].country == "USA"
    assert gaz.resolve_many(["table", "Idlib"])[0] is None


def test_demonym_names_its_country_only_on_request(gaz):
    assert gaz.resolve("Russian") is None
    assert gaz.country_of_demonym("Russian").country == "RUS"
    assert gaz.country_of_demonym("European").name == "Europe"
