"""Derive plover_to_cameo.tsv from PLOVER's CAMEO2PLOVER-2021.txt (run once, by hand).

    python src/newsevents/store/data/derive_cameo.py ../shared/reference/CAMEO2PLOVER-2021.txt

The reference maps CAMEO -> PLOVER (type, mode, context). Reversed, several
CAMEO codes fall on one (type, mode[, context]); the most general is kept: the
shortest code, then the lowest. MANUAL rows fill PLOVER modes the table lacks
and replace picks where the most general code misnames the act; each says why.
The product reads only the TSV; it never needs the reference at run time.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

LINE = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)#\s*(.*)$")

# (type, mode, context) -> (code, why); "" = any
MANUAL = {
    ("CONSULT", "multilateral", ""): ("040", "CAMEO has no multilateral-meeting code; generic Consult"),
    ("ACCUSE", "", ""): ("112", "no ACCUSE row without a mode; 112 Accuse"),
    ("ACCUSE", "allege", ""): ("112", "112 Accuse rather than 114 Complain officially"),
    ("RETREAT", "", ""): ("080", "root 08 Yield covers RETREAT; 084 (release) is too narrow"),
    ("RETREAT", "withdraw", ""): ("0874", "troop withdrawal: Retreat militarily, not 0872 Ease blockade"),
    ("RETREAT", "resign", ""): ("0831", "Accede to demands for change in leadership"),
    ("REQUEST", "yield", ""): ("105", "parent code Demand that target yields"),
    ("REJECT", "yield", ""): ("124", "parent code Decline to yield"),
    ("THREATEN", "relations", ""): ("1313", "Threaten to reduce or break relations"),
    ("THREATEN", "arrest", ""): ("132", "Threaten with administrative sanctions"),
    ("PROTEST", "strike", ""): ("143", "Conduct strike or boycott"),
    ("PROTEST", "vandalize", ""): ("145", "Protest violently, riot"),
    ("SANCTION", "convict", ""): ("116", "Find guilty or liable (legally)"),
    ("MOBILIZE", "troops", ""): ("154", "Mobilize or increase armed forces"),
    ("MOBILIZE", "weapons", ""): ("150", "missile/weapon tests: Demonstrate military power"),
    ("MOBILIZE", "police", ""): ("153", "Mobilize or increase police power"),
    ("MOBILIZE", "militia", ""): ("154", "Mobilize or increase armed forces"),
    ("COERCE", "", ""): ("170", "generic Coerce; the shortest reversed code, 163, is embargo only"),
    ("THREATEN", "violence", ""): ("138", "Threaten with military force (137 is repression only)"),
    ("COERCE", "restrict", ""): ("172", "Impose administrative sanctions (163 is embargo only)"),
    ("COERCE", "censor", ""): ("1721", "Impose restrictions on freedoms of speech"),
    ("COERCE", "withhold", ""): ("163", "Impose embargo, boycott, or sanctions"),
    ("COERCE", "misinformation", ""): ("170", "no CAMEO code; generic Coerce"),
    ("COERCE", "cyber", ""): ("170", "no CAMEO code; generic Coerce"),
    ("ASSAULT", "", ""): ("190", "root 19 Use conventional military force, the common case"),
    ("ASSAULT", "targeted", ""): ("186", "Assassinate"),
    ("ASSAULT", "destroy", ""): ("1712", "Destroy property"),
    ("ASSAULT", "primitive", ""): ("180", "no CAMEO code for primitive weapons; Use unconventional violence"),
    ("ASSAULT", "explosives", ""): ("183", "parent code non-military bombing"),
    ("ASSAULT", "suicide-attack", ""): ("1831", "Carry out suicide bombing"),
    ("ASSAULT", "aerial", ""): ("195", "Employ aerial weapons"),
    ("ASSAULT", "drone", ""): ("195", "Employ aerial weapons"),
    ("ASSAULT", "crowd-control", ""): ("175", "Use tactics of violent repression"),
    ("ASSAULT", "unconventional", ""): ("204", "Use weapons of mass destruction"),
    # PLOVER's future rule: planned/possible CONSULT/SUPPORT/COOPERATE/AID are exported as AGREE.
    ("AGREE", "from-CONSULT", ""): ("036", "Express intent to meet or negotiate"),
    ("AGREE", "from-SUPPORT", ""): ("032", "Express intent to engage in diplomatic cooperation"),
    ("AGREE", "from-COOPERATE", ""): ("031", "Agree to engage in material cooperation"),
    ("AGREE", "from-AID", ""): ("033", "Express intent to provide material aid"),
}


def derive(reference: Path) -> list[tuple[str, str, str, str, str, str]]:
    labels: dict[str, str] = {}
    best: dict[tuple[str, str, str], str] = {}
    for raw in reference.read_text(encoding="utf-8").splitlines():
        m = LINE.match(raw.strip())
        if not m:
            continue
        code, ptype, mode, contexts, label = (g.strip() for g in m.groups())
        mode = mode.strip()
        labels[code] = label
        keys = {(ptype, mode, "")} | {(ptype, mode, c.strip()) for c in contexts.split(";") if c.strip()}
        if mode:
            keys |= {(ptype, "", "")}
        for key in keys:
            if key not in best or (len(code), code) < (len(best[key]), best[key]):
                best[key] = code
    rows = []
    for key, code in sorted(best.items()):
        if key in MANUAL:
            continue
        rows.append((*key, code, labels.get(code, ""), "CAMEO2PLOVER-2021"))
    for key, (code, why) in sorted(MANUAL.items()):
        rows.append((*key, code, labels.get(code, ""), f"manual: {why}"))
    return rows


def main(argv: list[str]) -> int:
    reference = Path(argv[1])
    out = Path(__file__).with_name("plover_to_cameo.tsv")
    header = (
        "# PLOVER (type, mode, context) -> CAMEO event code, reversed from CAMEO2PLOVER-2021.txt\n"
        "# (PLOVER manual Draft 0.8, 17-Sep-2021, ed. Philip Schrodt; CC BY-SA 4.0,\n"
        "# https://github.com/openeventdata/PLOVER). This derived table is shared under CC BY-SA 4.0.\n"
        "# Derivation: src/newsevents/store/data/derive_cameo.py; see docs/store.md.\n"
        "type\tmode\tcontext\tcameo\tlabel\tsource\n"
    )
    out.write_text(header + "".join("\t".join(r) + "\n" for r in derive(reference)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
