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


# --------------------------------------------------------------------------- admin areas, abbreviations, context


def test_us_county_has_its_own_point_in_its_state(gaz):
    cands = [c for c in gaz.candidates("Anderson County") if c.country == "USA"]
    assert {c.admin1 for c in cands} >= {"TX", "SC", "TN", "KS", "KY"}  # one entry per state, not one in all
    tx = next(c for c in cands if c.admin1 == "TX")
    assert tx.lat == pytest.approx(31.8, abs=0.5) and tx.lon == pytest.approx(-95.6, abs=0.5)


def test_county_forms(gaz):
    assert gaz.resolve("Sarpy").name == "Sarpy County"  # a bare county name no town or state takes
    assert gaz.resolve("Hawaii").kind == "admin1"  # ... but not the state's name
    m = gaz.resolve("Pottawatomie Co.", context_admin1=["USA.KS"])
    assert (m.name, m.admin1) == ("Pottawatomie County", "KS")


def test_provinces_and_districts_outside_the_us(gaz):
    m = gaz.resolve("Enugu State")
    assert (m.kind, m.country) == ("admin1", "NGA")
    assert gaz.resolve("Limpopo").country == "ZAF"
    assert gaz.resolve("Oxfordshire").country == "GBR"
    assert gaz.resolve("County Mayo").country == "IRL"
    # A hand-listed province keeps its GeoNames id and gains its admin1 code.
    m = gaz.resolve("Ontario")
    assert (m.geonameid, m.admin1) == (6093943, "08")
    # A district named like its town leaves the name to the town.
    assert gaz.resolve("Lahore").kind == "city"


@pytest.mark.parametrize(
    ("text", "country", "admin1"),
    [("London, Ontario", "CAN", "08"), ("London, ON", "CAN", "08"), ("Victoria, B.C.", "CAN", "02"),
     ("Hamilton, Ont.", "CAN", "08"), ("Alexandria, Va.", "USA", "VA")],
)
def test_province_and_state_qualifiers(gaz, text, country, admin1):
    m = gaz.resolve(text)
    assert (m.country, m.admin1) == (country, admin1)


@pytest.mark.parametrize(
    ("text", "name"),
    [("Pa.", "Pennsylvania"), ("La.", "Louisiana"), ("Ga.", "Georgia"), ("N.Y.", "New York"),
     ("B.C.", "British Columbia"), ("BC", "British Columbia")],
)
def test_abbreviations_read_as_written(gaz, text, name):
    m = gaz.resolve(text)
    assert (m.kind, m.name) == ("admin1", name)


def test_abbreviations_without_the_dot_keep_their_other_readings(gaz):
    assert gaz.resolve("LA").name == "Los Angeles"


def test_the_river_and_the_state(gaz):
    assert gaz.resolve("Mississippi").kind == "admin1"
    assert gaz.resolve("the Mississippi").name == "Mississippi River"


def test_nearby_names_pick_each_others_readings(gaz):
    # Spatial minimality: Norfolk next to Omaha is Norfolk, Nebraska.
    norfolk, _ = gaz.resolve_many(["Norfolk", "Omaha"])
    assert (norfolk.country, norfolk.admin1) == ("USA", "NE")
    assert gaz.resolve("Norfolk").admin1 != "NE"


def test_colocated_names_settle_each_other():
    # Paris, Tennessee is the seat of Henry County, Tennessee: the pair reads
    # together even though each name alone means something else.
    gaz = get_gazetteer(1000)
    paris, county = gaz.resolve_many(["Paris", "Henry County"])
    assert (paris.country, paris.admin1) == ("USA", "TN")
    assert (county.country, county.admin1) == ("USA", "TN")
    assert gaz.resolve("Paris").country == "FRA"


def test_a_qualified_name_keeps_its_reading_where_it_recurs(gaz):
    first, later = gaz.resolve_many(["Paris, Texas", "Paris"])
    assert (first.admin1, later.admin1) == ("TX", "TX")


def test_famous_cities_resist_small_namesakes_near_each_other():
    gaz = get_gazetteer(1000)
    atlanta, washington, _ = gaz.resolve_many(["Atlanta", "Washington", "Moscow"])
    assert (atlanta.admin1, washington.admin1) == ("GA", "DC")


def test_locate_unknown_uses_the_documents_places(gaz):
    texts = ["New Orleans", "Royal Street", "Louisiana", "New Orleans"]
    resolved = gaz.resolve_many(texts)
    assert resolved[1] is None
    m = gaz.locate_unknown("Royal Street", resolved)
    assert m.name == "New Orleans"
    # A place named inside the unknown name, among the document's places, comes first.
    resolved = gaz.resolve_many(["Liverpool", "Manchester"])
    assert gaz.locate_unknown("Manchester Academy", resolved).name == "Manchester"
    # No local reading: nothing to place it at.
    assert gaz.locate_unknown("Royal Street", gaz.resolve_many(["France"])) is None


def test_built_gazetteer_is_cached_on_disk(tmp_path, monkeypatch):
    import newsevents.kb.places as places

    tiny = places.Gazetteer({}, {}, {}, frozenset(), {}, {})
    calls = []
    monkeypatch.setattr(places, "_build_gazetteer", lambda pop: calls.append(pop) or tiny)
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    build = places.get_gazetteer.__wrapped__  # past the per-process lru_cache
    assert isinstance(build(500), places.Gazetteer)
    (cached,) = tmp_path.glob("gazetteer-500-*.pickle")
    assert isinstance(build(500), places.Gazetteer) and calls == [500]  # second call read the file
    cached.write_bytes(b"truncated")
    build(500)
    assert calls == [500, 500]  # a broken file is rebuilt
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", "")
    build(500)
    assert calls == [500, 500, 500] and len(list(tmp_path.glob("*.pickle"))) == 1


def test_a_country_does_not_vote_for_its_namesake_towns_state():
    gaz = get_gazetteer(1000)
    # Greece, New York exists; "Greece" next to "Orange County" is the country,
    # and does not pull Orange County to New York.
    greece, _, county = gaz.resolve_many(["Greece", "California", "Orange County"])
    assert greece.kind == "country"
    assert county.admin1 == "CA"


def test_generic_words_are_not_province_names(gaz):
    assert all(c.kind != "admin1" for c in gaz.candidates("Gulf"))
    assert all(c.kind != "admin1" for c in gaz.candidates("Western"))
    assert gaz.resolve("Northern Province") is not None
