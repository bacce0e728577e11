"""Validate the actor knowledge base data under src/newsevents/kb/data/actors/.

Checks: ISO3 codes are real (pycountry, plus user-assigned XKX), dates parse and
start <= end, no two terms of one office of one country overlap, sectors are
known, no role word sits in two sectors, and no alias names two different
entities (or two countries) unless `tie_breaks.yaml` says which one wins.
Exits 1 and prints one line per problem; 0 when the data is clean.
"""

from __future__ import annotations

import sys
from collections import defaultdict

import pycountry

from newsevents.kb.actors import IGO_KEYS, OFFICE_CODES, OFFICES, SECTORS, parse_date, read_office_rows, read_yaml
from newsevents.kb.countries import USER_ASSIGNED, _acronym_key, fold, is_acronym, read_country_rows

EXTRA_OFFICES = {"vice_president", "VP"}


def _key(form: str) -> str:
    return "ACRO:" + _acronym_key(form) if is_acronym(form) else fold(form)


def check() -> list[str]:
    problems: list[str] = []
    valid_iso3 = {c.alpha_3 for c in pycountry.countries} | set(USER_ASSIGNED)
    ties = read_yaml("tie_breaks.yaml").get("entries") or {}
    tie_keys = {_key(k): v for k, v in ties.items()}

    # --- countries
    owners: dict[str, set[str]] = defaultdict(set)
    for row in read_country_rows():
        iso3 = row["iso3"]
        if iso3 not in valid_iso3:
            problems.append(f"countries.csv: {iso3}: not an ISO 3166-1 alpha-3 code")
        if not (row.get("demonyms") or "").strip():
            problems.append(f"countries.csv: {iso3}: no demonym/adjective")
        for field in ("name", "aliases", "demonyms"):
            for form in (row.get(field) or "").split(";"):
                if form.strip():
                    owners[_key(form.strip())].add(iso3)
    for key, isos in sorted(owners.items()):
        if len(isos) > 1 and key not in tie_keys:
            problems.append(f"countries.csv: '{key}' names several countries {sorted(isos)}; add a tie-break")
    country_keys = {k for k in owners}

    # --- offices
    spans: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for row in read_office_rows():
        where = row["_file"]
        country, office, name = row.get("country", ""), row.get("office", ""), row.get("name", "")
        if country not in valid_iso3 and country not in IGO_KEYS:
            problems.append(f"{where}: country '{country}' is neither ISO3 nor an IGO key {sorted(IGO_KEYS)}")
        full = OFFICE_CODES.get(office, office)
        if full not in OFFICES and office not in EXTRA_OFFICES:
            problems.append(f"{where}: unknown office '{office}'")
        if not name:
            problems.append(f"{where}: empty name")
        try:
            start, end = parse_date(row.get("start")), parse_date(row.get("end"))
        except ValueError as err:
            problems.append(f"{where}: bad date ({err})")
            continue
        if start is None:
            problems.append(f"{where}: {name}: no start date")
            continue
        if end is not None and end < start:
            problems.append(f"{where}: {name}: end {end} before start {start}")
        spans[(country, full)].append((start, end, name, where))
    for (country, office), terms in spans.items():
        terms.sort(key=lambda t: t[0])
        for a, b in zip(terms, terms[1:]):
            if a[1] is None or a[1] > b[0]:
                problems.append(
                    f"{b[3]}: {country} {office}: {b[2]} from {b[0]} overlaps {a[2]} ({a[0]} to {a[1] or 'open'}, {a[3]})"
                )

    # --- entity tables
    entity_owner: dict[str, set[str]] = defaultdict(set)
    entity_country: dict[str, set[str | None]] = defaultdict(set)
    for file in ("seats.yaml", "igos.yaml", "groups.yaml", "outlets.yaml"):
        data = read_yaml(file)
        if not data.get("source"):
            problems.append(f"{file}: no source note")
        for entry in data["entries"]:
            label = entry.get("name") or f"{entry['country']}/{entry['sector']}"
            country = entry.get("country")
            if country is not None and country not in valid_iso3:
                problems.append(f"{file}: {label}: country '{country}' is not ISO3")
            sector = entry.get("sector", "IGO" if file == "igos.yaml" else "MED" if file == "outlets.yaml" else None)
            if sector not in SECTORS:
                problems.append(f"{file}: {label}: unknown sector '{sector}'")
            forms = ([entry["name"]] if entry.get("name") else []) + list(entry.get("aliases") or [])
            for form in forms:
                entity_owner[_key(str(form))].add(f"{file}:{label}")
                entity_country[_key(str(form))].add(country if file == "seats.yaml" else "-")
    for key, labels in sorted(entity_owner.items()):
        if len(labels) > 1 and key not in tie_keys:
            problems.append(f"alias '{key}' names several entities {sorted(labels)}; add a tie-break")
        if key in country_keys and key not in tie_keys and entity_country[key] != owners[key]:
            problems.append(f"alias '{key}' of {sorted(labels)} is also a country form; add a tie-break")

    # --- roles
    roles = read_yaml("roles.yaml")
    seen: dict[str, str] = {}
    for sector, words in roles["sectors"].items():
        if sector not in SECTORS:
            problems.append(f"roles.yaml: unknown sector {sector}")
        for word in words:
            key = fold(word)
            if key in seen and seen[key] != sector:
                problems.append(f"roles.yaml: '{word}' is in {seen[key]} and {sector}")
            seen[key] = sector
    for office in roles["offices"]:
        if office not in OFFICES:
            problems.append(f"roles.yaml: unknown office {office}")

    # --- people
    for entry in read_yaml("people.yaml")["entries"]:
        if entry.get("country") is not None and entry["country"] not in valid_iso3:
            problems.append(f"people.yaml: {entry['name']}: country '{entry['country']}' is not ISO3")
        if entry.get("sector") is not None and entry["sector"] not in SECTORS:
            problems.append(f"people.yaml: {entry['name']}: unknown sector '{entry['sector']}'")
    return problems


def main() -> int:
    problems = check()
    for line in problems:
        sys.stderr.write(line + "\n")
    if problems:
        sys.stderr.write(f"check_kb: {len(problems)} problem(s)\n")
        return 1
    sys.stdout.write("check_kb: ok\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
