"""Countries: ISO 3166-1 codes, common English names, capitals, aliases, demonyms.

Codes come from pycountry; the names news writers use ("South Korea", not
"Korea, Republic of"), capitals, aliases and demonyms come from our own table
`data/actors/countries.csv`. Kosovo (XKX, a user-assigned code that pycountry
lacks) is added from that table. Nothing is loaded at import: `get_countries()`
builds the table on first call and caches it.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pycountry

# Codes that are not in ISO 3166-1 but are used for states in news coding.
USER_ASSIGNED = {"XKX": "XK"}

DATA_DIR = Path(__file__).resolve().parent / "data" / "actors"
_COUNTRIES_FILE = DATA_DIR / "countries.csv"
_ACRONYM_MAX = 6
_PUNCT = re.compile(r"[.,;:!?\"()\[\]{}]")
_SPACES = re.compile(r"\s+")
_LEADING = ("the ",)


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    name: str
    capital: str | None
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]


# Pure function called many times per mention; a bounded memo makes repeats free.
# 8,192 entries hold an article's names many times over; 65,536 kept ~16 MB more
# resident on a long ingest without a measurable gain (benchmarks/results/store.md).
@functools.lru_cache(maxsize=1 << 13)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key for names.

    Periods go ("U.S." == "US"), hyphens become spaces, curly apostrophes
    become straight ones, a possessive ending is dropped ("China's",
    "United States'"), and a leading "the" is dropped.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2013", "-")
    text = text.lower().strip()
    text = _PUNCT.sub("", text)
    text = text.replace("-", " ")
    text = _SPACES.sub(" ", text).strip()
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("s'"):
        text = text[:-1]
    for lead in _LEADING:
        if text.startswith(lead):
            text = text[len(lead):]
    return text.strip()


def is_acronym(form: str) -> bool:
    """Short all-capital forms ("US", "U.K.", "DPRK") match only when capitalised.

    Otherwise the pronoun "us" or the noun "car" would be read as a country.
    """
    key = _acronym_key(form)
    return 0 < len(key) <= _ACRONYM_MAX and key.isupper()


def _acronym_key(text: str) -> str:
    # Digits and "+" stay: "G7" and "G20", "OPEC+" are different names.
    return re.sub(r"[^A-Za-z0-9+]", "", text)


class CountryTable:
    """Immutable after construction; built by `get_countries()`."""

    __slots__ = ("_by_iso3", "_by_iso2", "_names", "_acronyms", "_demonyms", "_capitals", "_all")

    def __init__(self, countries: tuple[Country, ...]) -> None:
        self._all = countries
        self._by_iso3 = {c.iso3: c for c in countries}
        self._by_iso2 = {c.iso2: c for c in countries}
        names: dict[str, Country] = {}
        acronyms: dict[str, Country] = {}
        demonyms: dict[str, Country] = {}
        capitals: dict[str, Country] = {}
        for c in countries:
            for form in (c.name, *c.aliases):
                if is_acronym(form):
                    acronyms.setdefault(_acronym_key(form), c)
                else:
                    names.setdefault(fold(form), c)
            for form in c.demonyms:
                if is_acronym(form):
                    acronyms.setdefault(_acronym_key(form), c)
                else:
                    demonyms.setdefault(fold(form), c)
            if c.capital:
                capitals.setdefault(fold(c.capital), c)
        self._names = names
        self._acronyms = acronyms
        self._demonyms = demonyms
        self._capitals = capitals

    def __iter__(self):
        return iter(self._all)

    def __len__(self) -> int:
        return len(self._all)

    def surface_forms(self) -> frozenset[str]:
        """Names, aliases and demonyms as written ("South Korea", "Emirati")."""
        return frozenset(f for c in self for f in (c.name, *c.aliases, *c.demonyms) if f and not is_acronym(f))

    def by_iso3(self, iso3: str) -> Country | None:
        return self._by_iso3.get(iso3.upper()) if iso3 else None

    def by_iso2(self, iso2: str) -> Country | None:
        return self._by_iso2.get(iso2.upper()) if iso2 else None

    def lookup(self, text: str) -> Country | None:
        """A country named by `text` as a whole: name, alias, or demonym/adjective.

        Hyphen compounds ("U.S.-led") are the caller's to split; a plural
        demonym ("Russians") is accepted.
        """
        if not text:
            return None
        raw = text.strip()
        # Possessive and leading article off before the acronym test: "the U.S.'s".
        stripped = re.sub(r"(?i)^the\s+", "", raw)
        stripped = re.sub(r"['\u2019]s?$", "", stripped)
        acro = _acronym_key(stripped)
        if acro and acro.isupper() and len(acro) <= _ACRONYM_MAX and acro in self._acronyms:
            return self._acronyms[acro]
        key = fold(raw)
        hit = self._names.get(key) or self._demonyms.get(key)
        if hit is None and key.endswith("s") and len(key) > 4:
            hit = self._demonyms.get(key[:-1])
        return hit

    def lookup_name(self, text: str) -> Country | None:
        """Names and aliases only (no demonyms): "China" yes, "Chinese" no."""
        raw = re.sub(r"['\u2019]s?$", "", re.sub(r"(?i)^the\s+", "", text.strip()))
        acro = _acronym_key(raw)
        if acro and acro.isupper() and len(acro) <= _ACRONYM_MAX and acro in self._acronyms:
            return self._acronyms[acro]
        return self._names.get(fold(text))

    def by_capital(self, text: str) -> Country | None:
        """The country whose capital is named ("Beijing" -> China)."""
        return self._capitals.get(fold(text)) if text else None


def _read_rows() -> list[dict[str, str]]:
    raw = _COUNTRIES_FILE.read_text(encoding="utf-8")
    lines = [ln for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines))


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(";") if v.strip())


@functools.lru_cache(maxsize=1)
def get_countries() -> CountryTable:
    rows = {row["iso3"]: row for row in _read_rows()}
    countries: list[Country] = []
    codes = [(c.alpha_3, c.alpha_2, getattr(c, "common_name", None) or c.name) for c in pycountry.countries]
    codes += [(iso3, iso2, rows[iso3]["name"]) for iso3, iso2 in USER_ASSIGNED.items()]
    for iso3, iso2, iso_name in codes:
        row = rows.get(iso3, {})
        name = (row.get("name") or "").strip() or iso_name
        aliases = _split(row.get("aliases"))
        if iso_name != name and iso_name not in aliases:
            # Keep pycountry's own form matchable ("Russian Federation").
            aliases = (*aliases, iso_name)
        countries.append(
            Country(
                iso3=iso3,
                iso2=iso2,
                name=name,
                capital=(row.get("capital") or "").strip() or None,
                aliases=aliases,
                demonyms=_split(row.get("demonyms")),
            )
        )
    return CountryTable(tuple(countries))


def read_country_rows() -> list[dict[str, str]]:
    """The raw alias table, for `scripts/check_kb.py`."""
    return _read_rows()
