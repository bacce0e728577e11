"""PLOVER gold-standard records (openeventdata/PLOVER, version 0.5b1, CAMEO-manual sentences).

The records predate the current PLOVER manual; we map them as follows
(type mapping from the manual's CAMEO->PLOVER table, which made the same merges):

- types: DEMAND -> REQUEST; DISAPPROVE -> ACCUSE (gold mode `disapprove`);
  INVESTIGATE -> ACCUSE (gold mode `investigate`); FIGHT -> ASSAULT; the rest
  keep their names.
- modes: strike-hun -> hunger, strike-gen -> strike, riot-spon -> riot,
  demo-org/demo-spon -> demo, assassinate -> targeted, detain -> arrest,
  confiscate -> seize, ban -> restrict, host -> visit (our CONSULT mode
  `visit` covers host and guest), THREATEN curfew/martial-law -> restrict;
  a gold mode that is then not a mode of the mapped type (e.g. `other`,
  COERCE `destroy`) is left out of mode accuracy.
- actor codes: ISO3 codes are countries (old CAMEO JAP -> JPN, VTN -> VNM,
  ITL -> ITA); IGO, NGO and IMG (international militarised group, e.g.
  al-Qaeda) carry no country and give the sector IGO, NGO and REB.
- sectors: the first three letters of the CAMEO agent code (CVLalb -> CVL),
  with CIV -> CVL, JRN -> MED, UAF -> REB, MOS/CHR -> REL; codes with no
  equivalent in our enum (ELI, CRM, SOC, AGR, ***) are left out.
- our side: our best event (highest confidence), its type after PLOVER's
  export rule (the records code future cooperation as AGREE). For
  CONSULT/AGREE/COOPERATE with no gold target (compound "SRC/TAR" actors),
  our actor and recipient are pooled, as in docs/event-record.md scoring.

Every sentence is published 2000-01-01, the records' own placeholder date.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...records import SECTORS, Entity, Event
from . import DatasetResult
from ._common import (
    MODES, Process, TextItem, best_event, extract_texts, macro_f1, plover_export_type, safe_div, spread,
)

PUBLISHED = "2000-01-01"
TYPE_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
_TYPE_MODE = {"DISAPPROVE": "disapprove", "INVESTIGATE": "investigate"}
MODE_MAP = {
    "strike-hun": "hunger", "strike-gen": "strike", "riot-spon": "riot", "demo-org": "demo", "demo-spon": "demo",
    "assassinate": "targeted", "detain": "arrest", "confiscate": "seize", "ban": "restrict", "host": "visit",
}
_THREATEN_MODE = {"curfew": "restrict", "martial-law": "restrict"}
COUNTRY_FIX = {"JAP": "JPN", "VTN": "VNM", "ITL": "ITA"}
CODE_SECTOR = {"IGO": "IGO", "NGO": "NGO", "IMG": "REB"}
SECTOR_FIX = {"CIV": "CVL", "JRN": "MED", "UAF": "REB", "MOS": "REL", "CHR": "REL"}
_POOLED = frozenset({"CONSULT", "AGREE", "COOPERATE"})

DEFINITIONS = {
    "type_accuracy": "share of records whose best event's type (after the AGREE export rule) equals the "
        "mapped gold type; no event = wrong",
    "type_macro_f1": "mean per-type F1 over the mapped gold types",
    "actor_country_accuracy": "records whose gold source has a country: share where our actor countries "
        "include one of them",
    "recipient_country_accuracy": "records whose gold target has a country: share where our recipient "
        "countries include one of them",
    "actor_sector_accuracy": "records whose gold source has a mappable sector: share where our actor sectors "
        "include one of them",
    "recipient_sector_accuracy": "records whose gold target has a mappable sector: share where our recipient "
        "sectors include one of them",
    "mode_accuracy": "records with a mappable gold mode whose type we got right: share where our mode equals "
        "it",
}


@dataclass(frozen=True, slots=True)
class GsrItem:
    id: str
    text: str
    type: str
    mode: str | None
    source_countries: frozenset[str]
    target_countries: frozenset[str]
    source_sectors: frozenset[str]
    target_sectors: frozenset[str]
    has_target: bool


def _valid_country(code: str) -> bool:
    import pycountry  # a pinned dependency; imported here so parsing tests stay light

    return pycountry.countries.get(alpha_3=code) is not None


def map_mode(gold_type: str, raw_type: str, raw_mode: str | None) -> str | None:
    """The gold mode in our vocabulary, or None when it has no equivalent for the mapped type."""
    if raw_type in _TYPE_MODE:
        return _TYPE_MODE[raw_type]
    if not raw_mode:
        return None
    mode = _THREATEN_MODE.get(raw_mode, raw_mode) if gold_type == "THREATEN" else MODE_MAP.get(raw_mode, raw_mode)
    return mode if mode in MODES.get(gold_type, frozenset()) else None


def _side(actors: Any) -> tuple[frozenset[str], frozenset[str]]:
    countries: set[str] = set()
    sectors: set[str] = set()
    for actor in actors if isinstance(actors, list) else []:
        code = (actor.get("code") or "").strip().upper()
        code = COUNTRY_FIX.get(code, code)
        if code in CODE_SECTOR:
            sectors.add(CODE_SECTOR[code])
        elif len(code) == 3 and _valid_country(code):
            countries.add(code)
        sector = (actor.get("sector") or "")[:3].upper()
        sector = SECTOR_FIX.get(sector, sector)
        if sector in SECTORS:
            sectors.add(sector)
    return frozenset(countries), frozenset(sectors)


def parse_gsr(records: Iterable[Mapping[str, Any]]) -> list[GsrItem]:
    items = []
    for rec in records:
        raw_type = rec.get("event") or ""
        if raw_type == "DOCUMENT" or not rec.get("text"):
            continue  # the file's header record documents the file, it is not an event
        gold_type = TYPE_MAP.get(raw_type, raw_type)
        src_c, src_s = _side(rec.get("source"))
        tgt_c, tgt_s = _side(rec.get("target"))
        items.append(GsrItem(
            id=rec["id"], text=rec["text"], type=gold_type, mode=map_mode(gold_type, raw_type, rec.get("mode")),
            source_countries=src_c, target_countries=tgt_c, source_sectors=src_s, target_sectors=tgt_s,
            has_target=isinstance(rec.get("target"), list) and bool(rec.get("target")),
        ))
    return items


def _keys(entities: Sequence[Entity]) -> tuple[set[str], set[str]]:
    return {e.country for e in entities if e.country}, {e.sector for e in entities if e.sector}


def score_gsr(items: Sequence[GsrItem], system: Mapping[str, Sequence[Event]]) -> DatasetResult:
    hits = {k: 0 for k in DEFINITIONS}
    counts = {k: 0 for k in DEFINITIONS}
    gold_types, pred_types = [], []
    for item in items:
        event = best_event(system.get(item.id, ()))
        pred_type = plover_export_type(event) if event is not None else None
        gold_types.append(item.type)
        pred_types.append(pred_type)
        counts["type_accuracy"] += 1
        hits["type_accuracy"] += pred_type == item.type
        actor: tuple[Entity, ...] = event.actor if event is not None else ()
        recipient: tuple[Entity, ...] = event.recipient if event is not None else ()
        if item.type in _POOLED and not item.has_target:
            actor = actor + recipient
        our_ac, our_as = _keys(actor)
        our_rc, our_rs = _keys(recipient)
        for name, gold, ours in (
            ("actor_country_accuracy", item.source_countries, our_ac),
            ("recipient_country_accuracy", item.target_countries, our_rc),
            ("actor_sector_accuracy", item.source_sectors, our_as),
            ("recipient_sector_accuracy", item.target_sectors, our_rs),
        ):
            if gold:
                counts[name] += 1
                hits[name] += bool(gold & ours)
        if item.mode is not None and event is not None and pred_type == item.type:
            counts["mode_accuracy"] += 1
            hits["mode_accuracy"] += event.mode == item.mode
    metrics = {k: safe_div(hits[k], counts[k]) for k in DEFINITIONS if k != "type_macro_f1"}
    metrics["type_macro_f1"] = macro_f1(gold_types, pred_types)
    counts["type_macro_f1"] = len(items)
    ordered = {k: metrics[k] for k in DEFINITIONS}
    counts["items"] = len(items)
    notes = [
        f"sentences published {PUBLISHED} (the records' placeholder); best event = highest confidence",
        "older PLOVER labels mapped: DEMAND->REQUEST, DISAPPROVE->ACCUSE/disapprove, "
        "INVESTIGATE->ACCUSE/investigate, FIGHT->ASSAULT (see the module docstring for modes, codes, sectors)",
        "258 of these sentences are also in the ConfliBERT CAMEO test split",
    ]
    return DatasetResult("plover-gsr", ordered, counts, dict(DEFINITIONS), None, notes)


def run(path: Path, limit: int | None = None, process: Process | None = None) -> DatasetResult:
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    items = parse_gsr(records)
    total = len(items)
    items = spread(items, limit)
    system = extract_texts([TextItem(i.id, i.text, PUBLISHED) for i in items], process)
    result = score_gsr(items, system)
    if len(items) < total:
        result.notes.append(f"{len(items)} records evenly spaced through the file (cap)")
    return result
