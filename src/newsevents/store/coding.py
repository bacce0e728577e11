"""PLOVER export rules, quad classes, conflict/cooperation scores and CAMEO codes.

Sources: PLOVER manual (CC BY-SA 4.0) section "Numeric conflict/cooperation
scores" and its quad-category tables; data/plover_to_cameo.tsv (derived from
CAMEO2PLOVER-2021.txt, see docs/store.md).
"""

from __future__ import annotations

import functools
from importlib import resources

FUTURE_AGREE_TYPES = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
FUTURE_STATUSES = frozenset({"planned", "possible"})

# The manual's quad table puts SANCTION in verbal conflict, but its SANCTION section and
# its summary table say material conflict, as CAMEO root 16 is in GDELT: we follow those two.
QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}

# PLOVER scores by type and "TYPE:mode". The table prints ACCUSE as +3, while all its
# modes are -2 to -3.5 and the 2019 draft had -2.0: read as a lost minus sign, -3.
SCORES = {
    "AGREE": 2.5, "CONSULT": 2.5, "CONSULT:visit": 4, "CONSULT:third-party": 1, "CONSULT:multilateral": 4,
    "CONSULT:phone": 1.5, "SUPPORT": 5, "CONCEDE": 4.5, "COOPERATE": 9.5, "AID": 10,
    "RETREAT": 6.5, "RETREAT:withdraw": 8, "RETREAT:release": 6.5, "RETREAT:disarm": 10,
    "RETREAT:ceasefire": 7.5, "RETREAT:access": 6.5, "RETREAT:resign": 4.5,
    "REQUEST": 0, "REQUEST:assist": 0.5, "REQUEST:change": -1, "REQUEST:yield": -1, "REQUEST:meet": 0,
    "ACCUSE": -3, "ACCUSE:disapprove": -2, "ACCUSE:investigate": -3.5, "ACCUSE:allege": -3.5,
    "REJECT": -2, "REJECT:assist": -1.5, "REJECT:change": -2, "REJECT:yield": -2, "REJECT:meet": -2,
    "THREATEN": -3.5, "THREATEN:restrict": -3, "THREATEN:arrest": -3.5, "THREATEN:relations": -3.5,
    "THREATEN:expel": -3.5, "THREATEN:territory": -4, "THREATEN:violence": -3.5,
    "PROTEST": -5, "PROTEST:demo": -5, "PROTEST:riot": -7, "PROTEST:strike": -5, "PROTEST:hunger": -4.5,
    "PROTEST:boycott": -4.5, "PROTEST:obstruct": -4.5,
    "SANCTION": -6, "SANCTION:convict": -6, "SANCTION:expel": -5.5, "SANCTION:withdraw": -6,
    "SANCTION:discontinue": -6,
    "MOBILIZE": -5.5, "MOBILIZE:troops": -6.5, "MOBILIZE:weapons": -6.5, "MOBILIZE:police": -5.5,
    "MOBILIZE:militia": -6,
    "COERCE": -7, "COERCE:seize": -7, "COERCE:restrict": -7, "COERCE:censor": -6.5, "COERCE:curfew": -6.5,
    "COERCE:martial-law": -7.5, "COERCE:arrest": -7, "COERCE:deport": -7, "COERCE:withhold": -7,
    "COERCE:misinformation": -6.5, "COERCE:cyber": -7,
    "ASSAULT": -9, "ASSAULT:abduct": -8.5, "ASSAULT:beat": -7.5, "ASSAULT:torture": -8.5,
    "ASSAULT:sexual": -8.5, "ASSAULT:targeted": -9.5, "ASSAULT:destroy": -8.5, "ASSAULT:primitive": -8,
    "ASSAULT:firearms": -9, "ASSAULT:explosives": -9, "ASSAULT:suicide-attack": -9.5, "ASSAULT:aerial": -9.5,
    "ASSAULT:drone": -9.5, "ASSAULT:heavy-weapons": -9.5, "ASSAULT:crowd-control": -7.5,
    "ASSAULT:unconventional": -10,
}


def plover_type(event_type: str, status: str) -> str:
    """PLOVER codes future CONSULT/SUPPORT/COOPERATE/AID as AGREE; the record keeps the act."""
    if event_type in FUTURE_AGREE_TYPES and status in FUTURE_STATUSES:
        return "AGREE"
    return event_type


def score(event_type: str, mode: str | None) -> float | None:
    if mode and f"{event_type}:{mode}" in SCORES:
        return float(SCORES[f"{event_type}:{mode}"])
    value = SCORES.get(event_type)
    return float(value) if value is not None else None


@functools.lru_cache(maxsize=1)
def _cameo_table() -> dict[tuple[str, str, str], str]:
    text = resources.files("newsevents.store").joinpath("data/plover_to_cameo.tsv").read_text(encoding="utf-8")
    table: dict[tuple[str, str, str], str] = {}
    for line in text.splitlines()[1:]:
        if not line or line.startswith("#") or line.startswith("type\t"):
            continue
        ptype, mode, context, code = line.split("\t")[:4]
        table[(ptype, mode, context)] = code
    return table


def cameo_code(event_type: str, mode: str | None, status: str, context: list[str] | tuple[str, ...] = ()) -> str | None:
    """CAMEO event code for a record's type/mode/context after the future-AGREE rule."""
    table = _cameo_table()
    if plover_type(event_type, status) == "AGREE" and event_type != "AGREE":
        return table.get(("AGREE", f"from-{event_type}", ""))
    mode = mode or ""
    for ctx in context:
        if (event_type, mode, ctx) in table:
            return table[(event_type, mode, ctx)]
    if (event_type, mode, "") in table:
        return table[(event_type, mode, "")]
    for ctx in context:
        if (event_type, "", ctx) in table:
            return table[(event_type, "", ctx)]
    return table.get((event_type, "", ""))
