"""How well we find and resolve dates, measured on TimeBank/AQUAINT (TimeML).

Per document: spaCy's DATE/TIME entities are our candidate time expressions;
each is resolved against the document creation time (DCT) with
`resolve_expression`, and those that resolve to a date are our system
timexes (durations, sets and bare times resolve to None and are dropped, as
the extractor drops them). Gold: TIMEX3 of type DATE, and TIME reduced to its
date part, except the DCT itself.

- detection: a system span is right when it overlaps a gold span; a gold
  span is found when a system span overlaps it (precision, recall, F1).
- value accuracy, over the found gold timexes, against the system span that
  overlaps it most: strict = our value, written the TimeML way, equals the
  gold value; relaxed = the two denote overlapping stretches of time (which
  includes "equal at the coarser precision": 1998-08 vs 1998-08-07).

Reproduce: `.venv/bin/python -c "from newsevents.evaluate.timeml import
evaluate_timeml; print(evaluate_timeml().as_dict())"`.
"""

from __future__ import annotations

import datetime as dt
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..extract.temporal import resolve_expression
from ..records import DateValue

Date = dt.date

# src/newsevents/evaluate/timeml.py -> repo root is three levels above the package dir.
_REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_PATH = _REPO_ROOT.parent / "shared" / "data" / "peers" / "timeml"

_GOLD_TYPES = ("DATE", "TIME")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    value: str
    type: str
    text: str


@dataclass(frozen=True, slots=True)
class SystemTimex:
    start: int
    end: int
    date: DateValue


@dataclass(frozen=True, slots=True)
class ScoredDoc:
    doc_id: str
    dct: Date
    gold: tuple[GoldTimex, ...]
    system: tuple[SystemTimex, ...]


@dataclass(frozen=True, slots=True)
class TimexError:
    doc_id: str
    text: str
    gold: str
    ours: str
    relaxed: bool


@dataclass(frozen=True, slots=True)
class TimexScore:
    n_docs: int
    n_gold: int
    n_system: int
    n_gold_found: int
    n_system_right: int
    precision: float
    recall: float
    f1: float
    strict_correct: int
    relaxed_correct: int
    strict_accuracy: float
    relaxed_accuracy: float
    ms_per_call: float | None = None
    errors: tuple[TimexError, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "n_docs": self.n_docs, "n_gold": self.n_gold, "n_system": self.n_system,
            "n_gold_found": self.n_gold_found, "n_system_right": self.n_system_right,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "strict_correct": self.strict_correct, "relaxed_correct": self.relaxed_correct,
            "strict_accuracy": round(self.strict_accuracy, 4),
            "relaxed_accuracy": round(self.relaxed_accuracy, 4),
            "ms_per_call": None if self.ms_per_call is None else round(self.ms_per_call, 3),
            "n_value_errors": len(self.errors),
        }


# --- reading TimeML -------------------------------------------------------------------------------

def read_tml(path: Path) -> tuple[str, Date, str, tuple[GoldTimex, ...]]:
    """(doc id, DCT, text of <TEXT>, gold DATE/TIME timexes with offsets in that text)."""
    root = ET.parse(path).getroot()
    dct_el = root.find("DCT/TIMEX3")
    if dct_el is None:
        raise ValueError(f"{path}: no <DCT><TIMEX3> element; is this a TimeML 1.2 .tml file?")
    dct = Date.fromisoformat(dct_el.get("value", "")[:10])
    text_el = root.find("TEXT")
    if text_el is None:
        raise ValueError(f"{path}: no <TEXT> element")
    parts: list[str] = []
    gold: list[GoldTimex] = []
    length = 0

    def walk(el: ET.Element) -> None:
        nonlocal length
        start = length
        if el.text:
            parts.append(el.text)
            length += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if el.tag == "TIMEX3" and el.get("type") in _GOLD_TYPES \
                and el.get("functionInDocument") != "CREATION_TIME":
            gold.append(GoldTimex(start, length, el.get("value", ""), el.get("type", ""),
                                  "".join(parts)[start:length]))

    walk(text_el)
    doc_id = (root.findtext("DOCID") or path.stem).strip()
    return doc_id, dct, "".join(parts), tuple(sorted(gold, key=lambda g: g.start))


def tml_files(path: Path | None = None) -> list[Path]:
    base = Path(path) if path is not None else DEFAULT_PATH
    if not base.exists():
        raise FileNotFoundError(
            f"TimeML data not found at {base}; expected a directory of .tml files "
            f"(TBAQ-cleaned/{{TimeBank,AQUAINT}}); pass path= to point elsewhere"
        )
    files = [base] if base.is_file() else sorted(base.rglob("*.tml"))
    if not files:
        raise FileNotFoundError(f"no .tml files under {base}")
    return files


# --- value normalisation --------------------------------------------------------------------------

_PRESENT_TEXT = re.compile(r"^(?:now|currently|at present|presently|right now|at the moment)$", re.I)
_SEASONS = {(3, 5): "SP", (6, 8): "SU", (9, 11): "FA", (12, 2): "WI"}


def to_timeml(date: DateValue, dct: Date) -> str:
    """Our record value written as TimeML would write it (intervals we use for
    quarters, seasons, weekends, decades become 1989-Q3, 1998-SU, 1991-W08-WE, 199)."""
    value = date.value
    text = " ".join((date.text or "").split())
    text = re.sub(r"^(?:on|in|at|during|over|of|from|within)\s+", "", text, flags=re.I)
    if _PRESENT_TEXT.match(text):
        return "PRESENT_REF"
    if value == dct.isoformat() and date.mod in ("before", "after") and not re.search(r"\d", text):
        return "PAST_REF" if date.mod == "before" else "FUTURE_REF"
    if date.mod == "approx" and value.endswith("/" + dct.isoformat()) and not re.search(r"\d", text):
        # Our vague "recent weeks" interval is what TimeML calls PAST_REF.
        return "PAST_REF"
    if re.fullmatch(r"(?:the\s+)?coming\s+(?:days|weeks|months|years)", text, re.I):
        return "FUTURE_REF"
    if "/" not in value:
        return value
    a, b = value.split("/", 1)
    if re.fullmatch(r"\d{4}", a) and re.fullmatch(r"\d{4}", b):
        ya, yb = int(a), int(b)
        if ya % 10 == 0 and yb == ya + 9:
            return a[:3]
        return value
    if re.fullmatch(r"\d{4}-\d{2}", a) and re.fullmatch(r"\d{4}-\d{2}", b):
        season = _SEASONS.get((int(a[5:]), int(b[5:])))
        return f"{a[:4]}-{season}" if season else value
    try:
        da, db = Date.fromisoformat(a), Date.fromisoformat(b)
    except ValueError:
        return value
    return _interval_name(da, db) or value


def _interval_name(a: Date, b: Date) -> str | None:
    if a == b:
        return a.isoformat()
    next_day = b + dt.timedelta(days=1)
    if a.day == 1 and next_day.day == 1:
        months = (next_day.year - a.year) * 12 + next_day.month - a.month
        if months == 1:
            return a.isoformat()[:7]
        if months == 3 and a.month in (1, 4, 7, 10):
            return f"{a.year}-Q{(a.month - 1) // 3 + 1}"
        if months == 6 and a.month in (1, 7):
            return f"{a.year}-H{(a.month - 1) // 6 + 1}"
        if months == 12 and a.month == 1:
            return str(a.year)
    iso = a.isocalendar()
    if (b - a).days == 6 and a.isoweekday() == 1:
        return f"{iso.year}-W{iso.week:02d}"
    if (b - a).days == 1 and a.isoweekday() == 6:
        return f"{iso.year}-W{iso.week:02d}-WE"
    return None


def gold_value(value: str) -> str:
    """TIME values reduced to their date part (1998-08-07T10:30 -> 1998-08-07)."""
    # Some TimeBank files write weeks unpadded (2000-W7); ISO pads them.
    value = re.sub(r"^(\d{4})-W(\d)(?=$|-)", r"\g<1>-W0\2", value)
    if re.match(r"^\d{4}-\d{2}-\d{2}T", value):
        return value[:10]
    if re.match(r"^\d{4}-W\d{2}(?:-\d)?T", value):
        return value.split("T", 1)[0]
    return value


def value_range(value: str) -> tuple[Date, Date] | None:
    """The stretch of days a TimeML value (or ours) denotes, both ends
    inclusive; None for what names no stretch (PAST_REF, XXXX-10, durations)."""
    if "/" in value:
        a, b = value.split("/", 1)
        ra, rb = value_range(a), value_range(b)
        return (ra[0], rb[1]) if ra and rb else None
    # Unknown finer parts (1997-XX-XX, 1989-WXX) leave the known coarser part.
    value = re.sub(r"(?:-[WXQH]*X+[^/]*)$", "", value)
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
            day = Date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            start = Date(int(m[1]), int(m[2]), 1)
            return start, _month_end(start)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
            monday = Date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-([QH])([1-4])", value):
            size = 3 if m[2] == "Q" else 6
            start = Date(int(m[1]), (int(m[3]) - 1) * size + 1, 1)
            end_month = start.month + size - 1
            return start, _month_end(Date(start.year, end_month, 1))
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
            year = int(m[1])
            first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[m[2]]
            start = Date(year, first, 1)
            end = _month_end(Date(year + 1, 2, 1)) if m[2] == "WI" else _month_end(Date(year, first + 2, 1))
            return start, end
        if m := re.fullmatch(r"(\d{4})", value):
            return Date(int(m[1]), 1, 1), Date(int(m[1]), 12, 31)
        if m := re.fullmatch(r"(\d{3})", value):
            return Date(int(m[1]) * 10, 1, 1), Date(int(m[1]) * 10 + 9, 12, 31)
        if m := re.fullmatch(r"(\d{2})", value):
            return Date(int(m[1]) * 100, 1, 1), Date(int(m[1]) * 100 + 99, 12, 31)
    except ValueError:
        return None
    return None


def _month_end(first: Date) -> Date:
    nxt = Date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def values_agree(ours: str, gold: str) -> tuple[bool, bool]:
    """(strict, relaxed) agreement of two TimeML-form values."""
    if ours == gold:
        return True, True
    ra, rb = value_range(ours), value_range(gold)
    if ra is None or rb is None:
        return False, False
    return False, ra[0] <= rb[1] and rb[0] <= ra[1]


# --- scoring --------------------------------------------------------------------------------------

def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def score_documents(docs: Iterable[ScoredDoc], ms_per_call: float | None = None) -> TimexScore:
    n_docs = n_gold = n_system = found = right = strict = relaxed = 0
    errors: list[TimexError] = []
    for doc in docs:
        n_docs += 1
        n_gold += len(doc.gold)
        n_system += len(doc.system)
        right += sum(
            any(_overlap(s.start, s.end, g.start, g.end) for g in doc.gold) for s in doc.system
        )
        for g in doc.gold:
            best = max(doc.system, key=lambda s: _overlap(s.start, s.end, g.start, g.end), default=None)
            if best is None or not _overlap(best.start, best.end, g.start, g.end):
                continue
            found += 1
            ours = to_timeml(best.date, doc.dct)
            gold = gold_value(g.value)
            is_strict, is_relaxed = values_agree(ours, gold)
            strict += is_strict
            relaxed += is_relaxed
            if not is_strict:
                errors.append(TimexError(doc.doc_id, f"{g.text} | {best.date.text}", gold,
                                         f"{best.date.value} {best.date.mod or ''}".strip(), is_relaxed))
    precision = right / n_system if n_system else 0.0
    recall = found / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return TimexScore(
        n_docs=n_docs, n_gold=n_gold, n_system=n_system, n_gold_found=found, n_system_right=right,
        precision=precision, recall=recall, f1=f1, strict_correct=strict, relaxed_correct=relaxed,
        strict_accuracy=strict / found if found else 0.0, relaxed_accuracy=relaxed / found if found else 0.0,
        ms_per_call=ms_per_call, errors=tuple(errors),
    )


# --- running the system ---------------------------------------------------------------------------

_FUTURE_AUX = {"will", "shall", "'ll", "wo"}


def span_tense(span: Any) -> str | None:
    """A rough tense of the verb a time expression modifies, standing in for
    the extractor's own (which this module does not own): future for
    will/shall/going-to, past for VBD and have+VBN, else unknown."""
    token = span.root
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes):
        return "future"
    if any(a.lower_ == "to" for a in auxes) and token.tag_ == "VB":
        # "is scheduled to close Monday", "planned to leave on Thursday":
        # the infinitive's event lies ahead of the verb that governs it.
        return "future"
    if token.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) or \
            (token.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)):
        return "past"
    return None


def _system_doc(doc: Any, dct: Date, timings: list[float], use_tense: bool) -> tuple[SystemTimex, ...]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        tense = span_tense(ent) if use_tense else None
        started = time.perf_counter()
        date = resolve_expression(ent.text, dct, tense=tense)
        timings.append(time.perf_counter() - started)
        if date is not None:
            out.append(SystemTimex(ent.start_char, ent.end_char, date))
    return tuple(out)


def system_documents(path: Path | None = None, limit: int | None = None, *,
                     use_tense: bool = True, timings: list[float] | None = None) -> Iterator[ScoredDoc]:
    from ..nlp import load_nlp

    files = tml_files(path)[:limit] if limit is not None else tml_files(path)
    read = [read_tml(f) for f in files]
    nlp = load_nlp()
    timings = timings if timings is not None else []
    for (doc_id, dct, _, gold), doc in zip(read, nlp.pipe(r[2] for r in read)):
        yield ScoredDoc(doc_id, dct, gold, _system_doc(doc, dct, timings, use_tense))


def evaluate_timeml(path: Path | None = None, limit: int | None = None, *, use_tense: bool = True) -> TimexScore:
    """Detection and value accuracy of our DATE handling on TimeML files
    (default: ../shared/data/peers/timeml beside the repository)."""
    timings: list[float] = []
    docs = list(system_documents(path, limit, use_tense=use_tense, timings=timings))
    ms = 1000 * sum(timings) / len(timings) if timings else None
    return score_documents(docs, ms_per_call=ms)
