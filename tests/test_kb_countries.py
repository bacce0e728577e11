"""The country table: names, aliases, demonyms, capitals, case rules."""

import pycountry
import pytest

from newsevents.kb.countries import Country, fold, get_countries


@pytest.fixture(scope="module")
def table():
    return get_countries()


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("U.S.", "USA"), ("US", "USA"), ("America", "USA"), ("the United States", "USA"),
        ("United States'", "USA"), ("U.S.'s", "USA"), ("UK", "GBR"), ("Britain", "GBR"),
        ("British", "GBR"), ("North Korea", "PRK"), ("DPRK", "PRK"), ("N. Korea", "PRK"),
        ("North Korean", "PRK"), ("South Korea", "KOR"), ("ROK", "KOR"), ("South Korean", "KOR"),
        ("Burma", "MMR"), ("Myanmar", "MMR"), ("Chinese", "CHN"), ("China's", "CHN"),
        ("China\u2019s", "CHN"), ("Emirati", "ARE"), ("Saudi", "SAU"), ("Iranian", "IRN"),
        ("Russian", "RUS"), ("Russians", "RUS"), ("Syrian", "SYR"), ("Palestinian", "PSE"),
        ("Taiwan", "TWN"), ("Taiwanese", "TWN"), ("Kosovo", "XKX"), ("the Netherlands", "NLD"),
        ("Dutch", "NLD"), ("Ivory Coast", "CIV"), ("Côte d'Ivoire", "CIV"), ("Ivorian", "CIV"),
        ("Czech Republic", "CZE"), ("Czechia", "CZE"), ("Vatican", "VAT"), ("Holy See", "VAT"),
        ("Türkiye", "TUR"), ("Turkey", "TUR"), ("Russian Federation", "RUS"), ("CHINA", "CHN"),
        ("Guinea-Bissau", "GNB"), ("Kiev", "UKR"),
    ],
)
def test_lookup(table, text, iso3):
    hit = table.lookup(text)
    assert hit is not None, text
    assert hit.iso3 == iso3


@pytest.mark.parametrize("text", ["Kurdish", "us", "car", "Europe", "", "U.S.-led", "Korean-American"])
def test_not_a_state(table, text):
    assert table.lookup(text) is None


def test_common_names(table):
    assert table.by_iso3("USA").name == "United States"
    assert table.by_iso3("KOR").name == "South Korea"
    assert table.by_iso3("RUS").name == "Russia"
    assert table.by_iso3("IRN").name == "Iran"
    assert table.by_iso3("SYR").name == "Syria"
    assert table.by_iso3("xkx").iso2 == "XK"
    assert table.by_iso3("ZZZ") is None


def test_every_iso_country_has_a_demonym(table):
    isos = {c.alpha_3 for c in pycountry.countries}
    assert isos <= {c.iso3 for c in table}
    assert all(c.demonyms for c in table)


def test_capitals(table):
    assert table.by_capital("Beijing").iso3 == "CHN"
    assert table.by_capital("Kyiv").iso3 == "UKR"
    assert table.by_capital("Pyongyang").iso3 == "PRK"
    assert table.by_capital("Springfield") is None


def test_records_are_frozen(table):
    c = table.by_iso3("CHN")
    assert isinstance(c, Country)
    with pytest.raises(AttributeError):
        c.name = "x"


def test_fold():
    assert fold("the United States'") == "united states"
    assert fold("Côte d\u2019Ivoire") == "cote d'ivoire"


def test_cached():
    assert get_countries() is get_countries()


def test_the_name_folding_memo_stays_bounded_on_a_long_run():
    from newsevents.kb.countries import fold

    for i in range(20_000):
        fold(f"Name number {i}")
    assert fold.cache_info().currsize <= 8192
