"""Political actors: states, seats of power, IGOs, groups, outlets, people with dated offices.

`get_actor_kb()` reads the curated tables under `data/actors/` once (on first
call, never at import) and builds plain dicts, so `ActorKB.match` is a handful
of dict probes per mention.

Coding choices (docs/event-record.md):

* A state named as a whole, a capital used as a metonym, a seat of power
  ("the Kremlin") or a demonym + role ("Chinese officials") is coded with
  `name=None` and the state's ISO3.
* An office title with a country ("the Chinese foreign minister") gets the
  holder's name when a date is given.
* People: in office on the date -> GOV (or the sector of their title when one
  is written, "Sen." LEG, "Gen." MIL); a former or future office holder outside
  office on that date -> PTY (politician outside government); people from
  `people.yaml` keep their listed sector. With no date, an incumbent (open
  term) is GOV, anybody else PTY.
* State organs without a state ("the Foreign Ministry", "officials") return
  None: the caller must not guess a country. Generic non-state groups
  ("protesters", "rebels") return a group with country None.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from newsevents.kb.countries import Country, CountryTable, _acronym_key, fold, get_countries, is_acronym

DATA_DIR = Path(__file__).resolve().parent / "data" / "actors"

OFFICES = (
    "head_of_state", "head_of_government", "foreign_minister", "defence_minister", "secretary_general",
)
# Short office codes used in the CSV tables.
OFFICE_CODES = {
    "HOS": "head_of_state", "HOG": "head_of_government", "FM": "foreign_minister",
    "DM": "defence_minister", "SG": "secretary_general",
}
# IGO keys usable in place of an ISO3 in the office tables and `office_holder`.
IGO_KEYS = {
    "UN": "United Nations", "NATO": "North Atlantic Treaty Organization", "EU": "European Union",
    "EUCO": "European Council", "EUCOM": "European Commission", "AU": "African Union",
}
SECTORS = (
    "GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "REB", "SPY", "MED", "BUS",
    "NGO", "IGO", "CVL", "REL", "EDU", "LAB", "REF", "HLH", "OTH",
)
# Sectors of groups that exist without a state; a bare "protesters" is still an actor.
_STATELESS_SECTORS = frozenset({"CVL", "REB", "REF", "LAB", "NGO", "MED", "BUS", "REL", "EDU", "HLH", "OPP"})
_DETERMINERS = frozenset({
    "the", "a", "an", "some", "several", "many", "two", "three", "four", "five", "dozens", "hundreds",
    "thousands", "of", "other", "senior", "top", "local", "unnamed", "anonymous", "its", "their", "his", "her",
})
# Words between a country and a role that do not change the coding.
_FILLER = frozenset({"top", "senior", "chief", "high", "ranking", "high-ranking", "new", "acting", "deputy",
                     "current", "then", "sitting", "incoming", "outgoing", "state", "national", "federal"})
# Courtesy titles say nothing about the role held.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "madam", "mister"})
_FORMER = frozenset({"former", "ex", "ex-", "late", "then", "onetime", "one-time"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# East Asian and Cambodian names put the family name first.
_SURNAME_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK", "VNM", "HKG", "MAC", "KHM", "SGP"})
# Burmese names have no family name; only full names and listed aliases match.
_NO_SURNAME = frozenset({"MMR"})
_PARTICLES = ("al-", "el-", "ad-", "as-", "an-", "ar-", "ash-", "at-")
_TOKEN = re.compile(r"[^\s]+")
_AGE = re.compile(r"\b\d+[- ](?:year|month|week)s?[- ]old\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ActorMatch:
    name: str | None
    country: str | None
    sector: str
    kind: str


@dataclass(frozen=True, slots=True)
class Term:
    country: str  # ISO3 or an IGO key
    office: str
    name: str
    start: dt.date
    end: dt.date | None

    def covers(self, on: dt.date) -> bool:
        return self.start <= on and (self.end is None or on < self.end)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    country: str | None
    sector: str | None  # fixed sector from people.yaml; None: derived from terms
    aliases: tuple[str, ...]
    terms: tuple[Term, ...]

    def in_office(self, on: dt.date) -> Term | None:
        for term in self.terms:
            if term.covers(on):
                return term
        return None

    def last_end(self) -> dt.date:
        if any(t.end is None for t in self.terms):
            return dt.date.max
        return max((t.end for t in self.terms if t.end is not None), default=dt.date.min)


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    value = str(value).strip()
    if not value or value.lower() in {"null", "none", "-"}:
        return None
    return dt.date.fromisoformat(value)


def read_yaml(name: str) -> dict:
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def read_office_rows() -> list[dict[str, str]]:
    """All rows of `offices/*.csv` with their file name, for the KB and the checker."""
    rows: list[dict[str, str]] = []
    for path in sorted((DATA_DIR / "offices").glob("*.csv")):
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
        for lineno, row in enumerate(csv.DictReader(lines, skipinitialspace=True), start=2):
            row = {k.strip(): (v or "").strip() for k, v in row.items() if k is not None}
            row["_file"] = f"{path.name}:{lineno}"
            rows.append(row)
    return rows


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(";") if v.strip())


def surname_forms(name: str, country: str | None) -> tuple[str, ...]:
    """The short forms a news text uses for a person ("Biden", "Xi", "Assad")."""
    parts = [p for p in name.split() if fold(p) not in _SUFFIXES]
    if len(parts) < 2 or country in _NO_SURNAME:
        return ()
    family = parts[0] if country in _SURNAME_FIRST else parts[-1]
    forms = [family]
    low = family.lower()
    for particle in _PARTICLES:
        if low.startswith(particle) and len(family) > len(particle) + 1:
            forms.append(family[len(particle):])
    return tuple(forms)


class _Keys:
    """Two dicts: folded names, and case-sensitive acronyms ("UN", "ISIS")."""

    __slots__ = ("names", "acronyms")

    def __init__(self) -> None:
        self.names: dict[str, ActorMatch] = {}
        self.acronyms: dict[str, ActorMatch] = {}

    def add(self, form: str, value: ActorMatch) -> None:
        if is_acronym(form):
            self.acronyms.setdefault(_acronym_key(form), value)
        else:
            self.names.setdefault(fold(form), value)

    def get(self, text: str) -> ActorMatch | None:
        acro = _acronym_key(text)
        if acro and acro.isupper() and acro in self.acronyms:
            return self.acronyms[acro]
        return self.names.get(fold(text))


def _strip_possessive(token: str) -> str:
    return re.sub(r"['\u2019]s?$", "", token)


class ActorKB:
    """Immutable after construction; build it with `get_actor_kb()`."""

    def __init__(self, countries: CountryTable) -> None:
        self.countries = countries
        self._entities = _Keys()  # seats, IGOs, groups, outlets (long forms)
        self._outlets = _Keys()
        self._igo_names: dict[str, ActorMatch] = {}
        self._roles: dict[str, str] = {}
        self._offices: dict[str, str] = {}
        self._name_titles: dict[str, str] = {}
        self._leader_hog: frozenset[str] = frozenset()
        self._title_overrides: dict[str, dict[str, str]] = {}
        self._terms: dict[tuple[str, str], tuple[Term, ...]] = {}
        self._people: dict[str, Person] = {}
        self._person_keys: dict[str, tuple[Person, ...]] = {}
        self._max_role_words = 1
        self._surface: set[str] = set()  # names and aliases of organisations as written, for surface_forms
        self._surface_people: set[str] = set()
        self._load_roles(read_yaml("roles.yaml"))
        self._load_entities()
        self._load_people()
        # Bounded like kb.countries.fold: a long ingest otherwise keeps every phrase ever looked up.
        self._match_cached = functools.lru_cache(maxsize=1 << 13)(self._match)

    # ----------------------------------------------------------------- loading
    def _load_roles(self, data: dict) -> None:
        for sector, words in data["sectors"].items():
            for word in words:
                self._roles.setdefault(fold(word), sector)
        for office, words in data["offices"].items():
            for word in words:
                self._offices[fold(word)] = office
        for sector, words in data["name_titles"].items():
            for word in words:
                self._name_titles.setdefault(fold(word), sector)
        self._leader_hog = frozenset(data.get("leader_is_head_of_government") or ())
        self._title_overrides = {k: dict(v or {}) for k, v in (data.get("title_overrides") or {}).items()}
        self._max_role_words = max(len(k.split()) for k in (*self._roles, *self._offices))

    def _load_entities(self) -> None:
        for entry in read_yaml("seats.yaml")["entries"]:
            value = ActorMatch(None, entry["country"], entry["sector"], "metonym")
            self._surface.update(entry["aliases"])
            for form in entry["aliases"]:
                self._entities.add(form, value)
        for entry in read_yaml("igos.yaml")["entries"]:
            sector = entry.get("sector", "IGO")
            value = ActorMatch(entry["name"], None, sector, "igo" if sector == "IGO" else "organisation")
            self._igo_names[entry["name"]] = value
            self._surface.update((entry["name"], *entry["aliases"]))
            for form in (entry["name"], *entry["aliases"]):
                self._entities.add(form, value)
        for entry in read_yaml("groups.yaml")["entries"]:
            kind = "group" if entry["sector"] in {"REB", "PTY", "OPP"} else "organisation"
            value = ActorMatch(entry["name"], entry["country"], entry["sector"], kind)
            self._surface.update((entry["name"], *entry["aliases"]))
            for form in (entry["name"], *entry["aliases"]):
                self._entities.add(form, value)
        for entry in read_yaml("outlets.yaml")["entries"]:
            value = ActorMatch(entry["name"], entry["country"], "MED", "media")
            self._surface.update((entry["name"], *entry["aliases"]))
            for form in (entry["name"], *entry["aliases"]):
                self._entities.add(form, value)
                self._outlets.add(form, value)
            for form in entry.get("short") or ():
                self._outlets.add(form, value)

    def _load_people(self) -> None:
        terms: dict[str, list[Term]] = {}
        aliases: dict[str, list[str]] = {}
        home: dict[str, str | None] = {}
        by_office: dict[tuple[str, str], list[Term]] = {}
        for row in read_office_rows():
            office = OFFICE_CODES.get(row["office"], row["office"])
            term = Term(row["country"], office, row["name"], parse_date(row["start"]), parse_date(row.get("end")))
            terms.setdefault(term.name, []).append(term)
            by_office.setdefault((term.country, office), []).append(term)
            aliases.setdefault(term.name, []).extend(_split(row.get("aliases")))
            home.setdefault(term.name, None if term.country in IGO_KEYS else term.country)
        self._terms = {k: tuple(sorted(v, key=lambda t: t.start)) for k, v in by_office.items()}
        fixed: dict[str, str] = {}
        for entry in read_yaml("people.yaml")["entries"]:
            name = entry["name"]
            aliases.setdefault(name, []).extend(entry.get("aliases") or ())
            home.setdefault(name, entry.get("country"))
            fixed[name] = entry["sector"]
        keys: dict[str, list[Person]] = {}
        for name in home:
            person = Person(
                name=name,
                country=home[name],
                sector=fixed.get(name),
                aliases=tuple(dict.fromkeys(aliases.get(name, ()))),
                terms=tuple(sorted(terms.get(name, ()), key=lambda t: t.start)),
            )
            self._people[name] = person
            self._surface_people.update((name, *person.aliases, *surname_forms(name, person.country)))
            forms = {fold(name), *(fold(a) for a in person.aliases), *(fold(s) for s in surname_forms(name, person.country))}
            for key in forms:
                if key:
                    keys.setdefault(key, []).append(person)
        self._person_keys = {k: tuple(v) for k, v in keys.items()}

    # ------------------------------------------------------------ public API
    def match(self, text: str, on: dt.date | None = None) -> ActorMatch | None:
        """Best coding of a whole noun-phrase mention, or None when unknown."""
        if not text or not text.strip():
            return None
        return self._match_cached(text.strip(), on)

    def person(self, name: str, on: dt.date | None = None) -> ActorMatch | None:
        person = self._resolve_person(name, on, None)
        return self._person_match(person, on, None, None) if person else None

    def office_holder(self, country_iso3: str, office: str, on: dt.date) -> str | None:
        office = OFFICE_CODES.get(office, office)
        key = country_iso3.upper() if country_iso3 else ""
        terms = self._terms.get((key, office))
        if terms is None and office == "head_of_government" and (key, "head_of_state") in self._terms:
            # Presidential systems: the head of state heads the government; no separate rows.
            terms = self._terms[(key, "head_of_state")]
        for term in terms or ():
            if term.covers(on):
                return term.name
        return None

    def role_sector(self, word: str) -> str | None:
        key = fold(word)
        hit = self._roles.get(key)
        if hit is None and key in self._offices:
            return "GOV"
        if hit is None:
            hit = self._roles.get(_singular(key))
        return hit

    def outlet(self, text: str) -> ActorMatch | None:
        if not text:
            return None
        return self._outlets.get(_strip_possessive(text.strip()))

    def surface_forms(self, *, people: bool = True) -> frozenset[str]:
        """Names and aliases as written: of organisations, seats and outlets ("Boko Haram", "the
        Kremlin") and, with `people`, of people and their short forms ("Xi Jinping", "Xi")."""
        return frozenset(self._surface | self._surface_people if people else self._surface)

    def people(self) -> Iterable[Person]:
        return self._people.values()

    def terms(self) -> Iterable[Term]:
        for group in self._terms.values():
            yield from group

    # ------------------------------------------------------------ internals
    def _match(self, text: str, on: dt.date | None) -> ActorMatch | None:
        tokens = _TOKEN.findall(_AGE.sub(" ", text))  # "a 16-year-old Palestinian girl": the age says not whose
        while tokens and tokens[0].lower() in _DETERMINERS and len(tokens) > 1:
            tokens = tokens[1:]
        if not tokens:
            return None
        phrase = " ".join(tokens)
        whole = self._whole(phrase, on)
        if whole is not None:
            return whole
        of = self._x_of_y(tokens, on)
        if of is not None:
            return of
        named = self._titled_person(tokens, on)
        if named is not None:
            return named
        return self._modifier_role(tokens, on)

    def _whole(self, phrase: str, on: dt.date | None) -> ActorMatch | None:
        """The phrase names one thing: an organisation, a state, a capital, a person."""
        bare = _strip_possessive(phrase)
        hit = self._entities.get(bare)
        if hit is not None:
            return hit
        country = self.countries.lookup(bare)
        if country is not None:
            return ActorMatch(None, country.iso3, "GOV", "state")
        capital = self.countries.by_capital(bare)
        if capital is not None:
            return ActorMatch(None, capital.iso3, "GOV", "metonym")
        if bare[:1].isupper():
            person = self._resolve_person(bare, on, None)
            if person is not None:
                return self._person_match(person, on, None, None)
        return None

    def _x_of_y(self, tokens: list[str], on: dt.date | None) -> ActorMatch | None:
        """ "the president of Egypt", "the Ministry of Foreign Affairs of China"."""
        lowered = [t.lower() for t in tokens]
        for i in range(len(tokens) - 1, 0, -1):
            if lowered[i] != "of":
                continue
            owner = self._owner(" ".join(tokens[i + 1:]))
            if owner is None:
                continue
            role = " ".join(tokens[:i])
            return self._owner_role(owner, role, on)
        return None

    def _titled_person(self, tokens: list[str], on: dt.date | None) -> ActorMatch | None:
        """ "President Joe Biden", "Chinese Foreign Minister Wang Yi", "Sen. Lindsey Graham"."""
        n = len(tokens)
        for k in range(min(4, n - 1), 0, -1):
            tail = " ".join(tokens[n - k:])
            if not tail[:1].isupper():
                continue
            head = tokens[: n - k]
            if head and self._given_name(head[-1]):
                continue  # "Allan Taylor" is not Charles Taylor, "Mary Kerry" not John Kerry
            title_sector, office, country, former = self._read_title(head)
            person = self._resolve_person(tail, on, office, country)
            if person is None:
                continue
            return self._person_match(person, on, title_sector, country, former=former)
        return None

    def _given_name(self, word: str) -> bool:
        """A capitalised word before a surname that is no title, role, state or particle: a first name."""
        if not word[:1].isupper() or word.isupper() or word.endswith(".") or fold(word) in _PARTICLES \
                or fold(word) in _HONORIFICS or fold(word) in _FILLER:
            return False
        return self._read_title([word]) == (None, None, None, False) and self.role_sector(word.lower()) is None

    def _read_title(self, head: list[str]) -> tuple[str | None, str | None, str | None, bool]:
        """Sector, office, country and 'former' read off the words before a name."""
        words = [_strip_possessive(t) for t in head]
        former = any(fold(w) in _FORMER for w in words)
        words = [w for w in words if fold(w) not in _FORMER and fold(w) not in _DETERMINERS]
        country: str | None = None
        # A leading state or organisation ("Chinese", "U.S.", "NATO") then a title.
        for i in range(len(words), 0, -1):
            owner = self._owner(" ".join(words[:i]))
            if owner is not None:
                country = owner.country if owner.kind != "igo" else _igo_key(owner.name)
                words = words[i:]
                break
        title = fold(" ".join(w for w in words if fold(w) not in _FILLER and fold(w) not in _HONORIFICS))
        sector = self._name_titles.get(title)
        if sector is None and title:
            sector = self._name_titles.get(title.split()[-1]) or self.role_sector(title)
        office = self._offices.get(title)
        if office is not None and country in self._title_overrides:
            office = self._title_overrides[country].get(title, office)
        if office is None and title in {"leader", "top leader"} and country:
            office = "head_of_government" if country in self._leader_hog else "head_of_state"
        return sector, office, country, former

    def _owner(self, text: str) -> ActorMatch | None:
        """A state, capital, IGO or group that can own a role ("China's", "NATO", "Hamas")."""
        bare = _strip_possessive(text.strip())
        if not bare:
            return None
        country = self.countries.lookup(bare)
        if country is not None:
            return ActorMatch(None, country.iso3, "GOV", "state")
        hit = self._entities.get(bare)
        if hit is not None and hit.kind in {"igo", "group", "organisation"}:
            return hit
        if hit is not None and hit.kind == "metonym":
            return ActorMatch(None, hit.country, "GOV", "state")
        capital = self.countries.by_capital(bare)
        if capital is not None:
            return ActorMatch(None, capital.iso3, "GOV", "state")
        return None

    def _modifier_role(self, tokens: list[str], on: dt.date | None) -> ActorMatch | None:
        """ "South Korean authorities", "China's Foreign Ministry", "Hamas fighters", "protesters"."""
        n = len(tokens)
        for i in range(n - 1, 0, -1):
            owner = self._owner(" ".join(tokens[:i]))
            if owner is not None:
                return self._owner_role(owner, " ".join(tokens[i:]), on)
        sector = self._role_of_phrase(fold(" ".join(tokens)))
        if sector in _STATELESS_SECTORS:
            return ActorMatch(None, None, sector, "group")
        return None

    def _owner_role(self, owner: ActorMatch, role: str, on: dt.date | None) -> ActorMatch | None:
        words = [w for w in _TOKEN.findall(role) if fold(w) not in _DETERMINERS]
        former = any(fold(w) in _FORMER for w in words)
        key = fold(" ".join(w for w in words if fold(w) not in _FORMER and fold(w) not in _FILLER))
        sector = self._role_of_phrase(key) if key else None
        if sector is None:
            sector = self._role_of_phrase(fold(" ".join(words))) if words else None
        if sector is None:
            return None
        if owner.kind == "igo":
            name = owner.name
            office = self._offices.get(key)
            igo = _igo_key(owner.name)
            if office and on is not None and igo and not former:
                name = self.office_holder(igo, office, on) or name
                if name != owner.name:
                    return ActorMatch(name, None, "IGO", "person")
            return ActorMatch(owner.name, None, "IGO", "igo")
        if owner.kind in {"group", "organisation"}:
            return ActorMatch(owner.name, owner.country, owner.sector, owner.kind)
        country = owner.country
        office = self._offices.get(key)
        if office is not None and country in self._title_overrides:
            office = self._title_overrides[country].get(key, office)
        if office is None and key in {"leader", "top leader", "leadership"}:
            office = "head_of_government" if country in self._leader_hog else "head_of_state"
        if office is not None and on is not None and not former:
            holder = self.office_holder(country, office, on)
            if holder is not None:
                return ActorMatch(holder, country, "GOV", "person")
        return ActorMatch(None, country, sector, "role")

    def _role_of_phrase(self, key: str) -> str | None:
        """Sector of the longest role phrase that ends the mention ("government official" -> GOV)."""
        words = key.split()
        for k in range(min(len(words), self._max_role_words), 0, -1):
            tail = " ".join(words[len(words) - k:])
            sector = self._roles.get(tail)
            if sector is None and tail in self._offices:
                sector = "GOV"
            if sector is None:
                sector = self._roles.get(_singular(tail))
            if sector is not None:
                return sector
        return None

    def _resolve_person(
        self, text: str, on: dt.date | None, office: str | None, country: str | None = None
    ) -> Person | None:
        candidates = self._person_keys.get(fold(_strip_possessive(text)))
        if not candidates:
            return None
        if len(candidates) == 1:
            return candidates[0]
        pool = list(candidates)
        if country:
            pool = [p for p in pool if p.country == country or any(t.country == country for t in p.terms)] or pool
        if on is not None:
            active = [p for p in pool if p.in_office(on)]
            if office:
                exact = [p for p in active if p.in_office(on).office == office]
                active = exact or active
            if len(active) == 1:
                return active[0]
            if len(active) > 1:
                return None
            # Nobody in office: the one most recently in office before the date, if unique.
            past = [p for p in pool if p.terms and p.terms[0].start <= on]
            if office:
                past = [p for p in past if any(t.office == office for t in p.terms)] or past
            if not past:
                return None
            ranked = sorted(((_last_served(p, on), p) for p in past), key=lambda x: x[0], reverse=True)
            if len(ranked) == 1 or ranked[0][0] > ranked[1][0]:
                return ranked[0][1]
            return None
        if office:
            pool = [p for p in pool if any(t.office == office for t in p.terms)] or pool
        return pool[0] if len(pool) == 1 else None

    def _person_match(
        self, person: Person, on: dt.date | None, title_sector: str | None, country: str | None,
        former: bool = False,
    ) -> ActorMatch:
        home = person.country
        current = person.in_office(on) if on is not None else next((t for t in person.terms if t.end is None), None)
        if (current is not None and current.country in IGO_KEYS) or (home is None and person.terms):
            # Serving an IGO (Ban Ki-moon in 2010) the person acts for it, not for a state.
            return ActorMatch(person.name, None, "IGO", "person")
        if person.sector is not None:
            sector = title_sector if title_sector in {"MIL", "LEG", "JUD", "REL"} else person.sector
        elif on is not None:
            sector = "GOV" if person.in_office(on) and not former else "PTY"
        else:
            sector = "GOV" if any(t.end is None for t in person.terms) and not former else "PTY"
        if title_sector is not None and person.sector is None and not former:
            # The writer's title ("President Biden", "Sen. X") is the best evidence of the role held.
            sector = title_sector
        return ActorMatch(person.name, home or country, sector, "person")


def _last_served(person: Person, on: dt.date) -> dt.date:
    return max((t.end or on) for t in person.terms if t.start <= on)


def _igo_key(name: str | None) -> str | None:
    for key, full in IGO_KEYS.items():
        if full == name:
            return key
    return None


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


@functools.lru_cache(maxsize=1)
def get_actor_kb() -> ActorKB:
    return ActorKB(get_countries())


__all__ = ["ActorKB", "ActorMatch", "Country", "Person", "Term", "get_actor_kb", "OFFICES"]
