"""Score system events against gold events: the rules of docs/event-record.md, "Scoring".

`score(gold, system)` takes per-article dicts (`{article_id, published, events}`);
`score_files(gold_path, system_path)` reads them from JSONL. docs/evaluate.md
defines every figure and the choices the contract leaves open (name
normalisation, the Jaccard weight, tie-breaking, empty denominators).
"""

from __future__ import annotations

import calendar
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..records import PLOVER_TYPES
from .report import (
    ATTRIBUTES, Accuracy, ArticleResult, Counts, EventView, Key, PairResult, Report, TypeRow,
)

# Meetings and agreements have no direction: when either side's recipient is empty,
# who was coded as actor and who as recipient must not decide the match.
POOLED_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})

_STOPWORDS = frozenset({"the"})


# --------------------------------------------------------------------------- keys

def normalise_name(name: str) -> tuple[str, ...]:
    """Words of a canonical name: NFKD without accents, case-folded, punctuation removed, "the" dropped.

    Apostrophes and full stops are deleted ("U.N." -> "un", "People's" -> "peoples");
    every other punctuation mark separates words ("al-Shabaab" -> "al shabaab").
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    chars = []
    for ch in text:
        if ch in ".'\u2019":
            continue
        chars.append(" " if unicodedata.category(ch)[0] in "PS" else ch)
    return tuple(w for w in "".join(chars).split() if w not in _STOPWORDS)


def entity_key(entity: dict[str, Any]) -> Key | None:
    """The dyad key of one entity: its country, else its normalised name, else none."""
    country = (entity.get("country") or "").strip().upper()
    if country:
        return ("country", country)
    words = normalise_name(entity.get("name") or "")
    return ("name", " ".join(words)) if words else None


def keys_compatible(a: Key, b: Key) -> bool:
    """Country keys equal only country keys; name keys match when one's words contain the other's."""
    if a[0] != b[0]:
        return False
    if a[0] == "country":
        return a[1] == b[1]
    wa, wb = set(a[1].split()), set(b[1].split())
    return wa <= wb or wb <= wa


def key_overlap(gold: frozenset[Key], system: frozenset[Key]) -> int:
    """Size of a largest one-to-one pairing of compatible keys (the fuzzy intersection).

    One-to-one so that "United Nations" and "United Nations Security Council" on one
    side cannot both be credited to a single "United Nations" on the other, which
    would push the Jaccard weight above 1.
    """
    g, s = sorted(gold), sorted(system)
    owner: dict[int, int] = {}  # system position -> gold position

    def augment(i: int, seen: set[int]) -> bool:
        for j, key in enumerate(s):
            if j not in seen and keys_compatible(g[i], key):
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return sum(augment(i, set()) for i in range(len(g)))


# --------------------------------------------------------------------------- dates

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-(\d))?$")


def _point_interval(value: str) -> tuple[date, date] | None:
    value = value.strip()
    try:
        if m := _YEAR.match(value):
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31)
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _WEEK.match(value):
            y, w = int(m[1]), int(m[2])
            if m[3]:
                d = date.fromisocalendar(y, w, int(m[3]))
                return d, d
            return date.fromisocalendar(y, w, 1), date.fromisocalendar(y, w, 7)
    except ValueError:  # month 13, day 31 of a 30-day month, week 54...
        return None
    return None


def date_interval(value: str) -> tuple[date, date] | None:
    """First and last day a DATE value covers; None when the value is not one of the v1 forms."""
    if "/" in value:
        start, _, end = value.partition("/")
        a, b = _point_interval(start), _point_interval(end)
        if a is None or b is None or a[0] > b[1]:
            return None
        return a[0], b[1]
    return _point_interval(value)


def dates_overlap(gold: str, system: str) -> bool:
    g, s = date_interval(gold), date_interval(system)
    if g is None or s is None:
        # An unreadable value can still be copied verbatim; anything else is wrong.
        return gold.strip() == system.strip()
    return g[0] <= s[1] and s[0] <= g[1]


# --------------------------------------------------------------------------- reading

@dataclass(frozen=True, slots=True)
class _Article:
    article_id: str
    events: tuple[EventView, ...]
    source: str  # "file:line" for error messages


def _fail(source: str, message: str) -> EvaluationError:
    return EvaluationError(message, source=source)


def _entities(value: Any, source: str, field: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
        raise _fail(source, f"`{field}` must be a list of entity objects, got {type(value).__name__}")
    return value


def _view(index: int, ev: Any, source: str) -> EventView:
    where = f"{source} event {index}"
    if not isinstance(ev, dict):
        raise _fail(where, f"an event must be a JSON object, got {type(ev).__name__}")
    etype = ev.get("type")
    if not etype:
        raise _fail(where, "event has no `type`")
    if etype not in PLOVER_TYPES:
        raise _fail(where, f"unknown event type {etype!r}; expected one of {' '.join(PLOVER_TYPES)}")
    actor = _entities(ev.get("actor"), where, "actor")
    recipient = _entities(ev.get("recipient"), where, "recipient")
    date_ = ev.get("date")
    if date_ is not None and not (isinstance(date_, dict) and isinstance(date_.get("value"), str)):
        raise _fail(where, "`date` must be null or an object with a string `value`")
    place = ev.get("place")
    if place is not None and not isinstance(place, dict):
        raise _fail(where, "`place` must be null or an object")
    evidence = ev.get("evidence")
    span = None
    if isinstance(evidence, dict) and all(isinstance(evidence.get(k), int) for k in ("start", "end")):
        span = (evidence["start"], evidence["end"])
    named = [e["name"] for e in actor + recipient
             if isinstance(e.get("name"), str) and normalise_name(e["name"])]
    return EventView(
        index=index,
        type=etype,
        actor=frozenset(k for k in map(entity_key, actor) if k is not None),
        recipient=frozenset(k for k in map(entity_key, recipient) if k is not None),
        trigger=str(ev.get("trigger") or ""),
        status=ev.get("status"),
        sourcing=ev.get("sourcing"),
        mode=ev.get("mode"),
        date_value=date_["value"] if date_ else None,
        date_mod=date_.get("mod") if date_ else None,
        place_name=place.get("name") if place else None,
        place_country=place.get("country") if place else None,
        name_tokens=frozenset(w for n in named for w in normalise_name(n)),
        has_named_entity=bool(named),
        evidence=span,
    )


def _article(obj: Any, source: str) -> _Article:
    if not isinstance(obj, dict):
        raise _fail(source, f"expected a JSON object per article, got {type(obj).__name__}")
    article_id = obj.get("article_id")
    if not isinstance(article_id, str) or not article_id:
        hint = " (this looks like an articles file: pass it with --articles)" if "text" in obj else ""
        raise _fail(source, "article has no `article_id`" + hint)
    if obj.get("skipped"):
        return _Article(article_id, (), source)  # a skipped article has no events, whatever it carries
    events = obj.get("events") or []
    if not isinstance(events, list):
        raise _fail(source, f"`events` must be a list, got {type(events).__name__}")
    return _Article(article_id, tuple(_view(i, ev, source) for i, ev in enumerate(events)), source)


def _index(articles: Iterable[_Article]) -> dict[str, _Article]:
    out: dict[str, _Article] = {}
    for art in articles:
        if art.article_id in out:
            raise _fail(art.source, f"duplicate article_id {art.article_id!r} "
                                    f"(first at {out[art.article_id].source})")
        out[art.article_id] = art
    return out


def read_jsonl(path: str | Path) -> list[tuple[int, Any]]:
    """(line number, parsed object) for each non-blank line; EvaluationError names the bad line."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise EvaluationError(f"cannot read file: {exc.strerror}", source=str(path)) from exc
    rows: list[tuple[int, Any]] = []
    with handle:
        try:
            for lineno, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    rows.append((lineno, json.loads(line)))
                except json.JSONDecodeError as exc:
                    raise EvaluationError(f"not valid JSON ({exc.msg}, column {exc.colno})",
                                          source=f"{path}:{lineno}") from exc
        except UnicodeDecodeError as exc:
            raise EvaluationError("not UTF-8 text", source=str(path)) from exc
    return rows


# --------------------------------------------------------------------------- matching

def _sides(g: EventView, s: EventView) -> list[tuple[frozenset[Key], frozenset[Key]]]:
    """The (gold keys, system keys) comparisons of a pair: one pooled, or actor and recipient."""
    if g.type in POOLED_TYPES and (not g.recipient or not s.recipient):
        return [(g.actor | g.recipient, s.actor | s.recipient)]
    return [(g.actor, s.actor), (g.recipient, s.recipient)]


def dyad_agrees(g: EventView, s: EventView) -> bool:
    return all(not gk or key_overlap(gk, sk) > 0 for gk, sk in _sides(g, s))


def dyad_weight(g: EventView, s: EventView) -> float:
    """Jaccard over all comparisons: sum of overlaps / sum of (|gold| + |system| - overlap).

    Two events with no keys at all are identical as far as keys go: weight 1.
    """
    inter = union = 0
    for gk, sk in _sides(g, s):
        o = key_overlap(gk, sk)
        inter += o
        union += len(gk) + len(sk) - o
    return inter / union if union else 1.0


def dyad_exact(g: EventView, s: EventView) -> bool:
    return all(gk == sk for gk, sk in _sides(g, s))


def _trigger_words(trigger: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]+", trigger.lower()) if len(w) > 2}


def trigger_similarity(gold: str, system: str) -> float:
    """Share of trigger words in common (compared on their first five letters, a
    crude stem: "meeting" ~ "meet"); the tie-break between equally weighted pairs."""
    a, b = _trigger_words(gold), _trigger_words(system)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def greedy_match(gold: Sequence[EventView], system: Sequence[EventView], *, use_dyad: bool,
                 ) -> list[tuple[EventView, EventView, float]]:
    """One-to-one matching, heaviest pair first; ties go to the earlier gold, then the earlier system event.

    Without `use_dyad` every same-type pair is a candidate (the typed-only matching).
    """
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if g.type != s.type or (use_dyad and not dyad_agrees(g, s)):
                continue
            candidates.append((-dyad_weight(g, s), -trigger_similarity(g.trigger, s.trigger), gi, si))
    candidates.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for neg_w, _, gi, si in candidates:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gold[gi], system[si], -neg_w))
    pairs.sort(key=lambda p: p[0].index)
    return pairs


# --------------------------------------------------------------------------- attributes

def judge(g: EventView, s: EventView) -> tuple[tuple[str, bool], ...]:
    """(attribute, correct) for every attribute that applies to this matched pair."""
    out: list[tuple[str, bool]] = []
    if g.status is not None:
        out.append(("status", s.status == g.status))
    if g.sourcing is not None:
        out.append(("sourcing", s.sourcing == g.sourcing))
    if g.mode is not None:
        out.append(("mode", s.mode == g.mode))
    if g.date_value is not None:
        if s.date_value is None:
            out += [("date_exact", False), ("date_lenient", False)]
        else:
            same_value = s.date_value.strip() == g.date_value.strip()
            out.append(("date_exact", same_value and s.date_mod == g.date_mod))
            out.append(("date_lenient", dates_overlap(g.date_value, s.date_value)))
    if g.place_name is not None or g.place_country is not None:
        same_country = s.place_country == g.place_country and (s.place_name is not None
                                                               or s.place_country is not None)
        same_name = (s.place_name or "").strip().casefold() == (g.place_name or "").strip().casefold()
        out.append(("place_exact", same_country and same_name))
        # Without a gold country, "same country" would credit any unresolved place: require the name.
        out.append(("place_lenient", same_country and (g.place_country is not None or same_name)))
    if g.has_named_entity and g.name_tokens:
        found = len(g.name_tokens & s.name_tokens)
        out.append(("actor_names", 2 * found >= len(g.name_tokens)))
    out.append(("dyad_exact", dyad_exact(g, s)))
    return tuple(out)


# --------------------------------------------------------------------------- scoring

def _score_articles(gold: Sequence[_Article], system: Sequence[_Article]) -> Report:
    gold_index = _index(gold)
    system_index = _index(system)
    dyad = typed = status_aware = Counts()
    attrs = {name: Accuracy() for name in ATTRIBUTES}
    type_counts: dict[str, list[int]] = {}  # type -> [gold, system, dyad tp, typed tp]
    results = []
    for art in gold_index.values():
        sys_art = system_index.get(art.article_id)
        sys_events = sys_art.events if sys_art else ()
        matched = greedy_match(art.events, sys_events, use_dyad=True)
        typed_matched = greedy_match(art.events, sys_events, use_dyad=False)
        pairs = tuple(PairResult(g, s, w, judge(g, s)) for g, s, w in matched)
        tp = len(pairs)
        dyad += Counts(tp, len(sys_events) - tp, len(art.events) - tp)
        typed += Counts(len(typed_matched), len(sys_events) - len(typed_matched),
                        len(art.events) - len(typed_matched))
        # A pair with the wrong status is a hit for nothing: an invented event and a missed one.
        wrong_status = sum(1 for p in pairs if ("status", False) in p.verdicts)
        status_aware += Counts(tp - wrong_status, len(sys_events) - tp + wrong_status,
                               len(art.events) - tp + wrong_status)
        for p in pairs:
            for name, ok in p.verdicts:
                attrs[name] += Accuracy(int(ok), 1)
        for e in art.events:
            type_counts.setdefault(e.type, [0, 0, 0, 0])[0] += 1
        for e in sys_events:
            type_counts.setdefault(e.type, [0, 0, 0, 0])[1] += 1
        for g, _, _ in matched:
            type_counts[g.type][2] += 1
        for g, _, _ in typed_matched:
            type_counts[g.type][3] += 1
        results.append(ArticleResult(
            article_id=art.article_id, in_system=sys_art is not None,
            gold=art.events, system=sys_events, pairs=pairs,
        ))
    per_type = tuple(
        TypeRow(t, ng, ns, Counts(tp, ns - tp, ng - tp), Counts(ttp, ns - ttp, ng - ttp))
        for t in PLOVER_TYPES if t in type_counts
        for ng, ns, tp, ttp in [type_counts[t]]
    )
    return Report(
        dyad=dyad, typed=typed, status_aware=status_aware,
        attributes=tuple((name, attrs[name]) for name in ATTRIBUTES),
        per_type=per_type,
        articles=tuple(results),
        missing_in_system=tuple(a for a in gold_index if a not in system_index),
        system_only=tuple(a for a in system_index if a not in gold_index),
    )


def score(gold: Sequence[dict[str, Any]], system: Sequence[dict[str, Any]]) -> Report:
    """Score per-article system dicts against per-article gold dicts (both `{article_id, events}`)."""
    return _score_articles(
        [_article(obj, f"gold[{i}]") for i, obj in enumerate(gold)],
        [_article(obj, f"system[{i}]") for i, obj in enumerate(system)],
    )


def _load(path: str | Path) -> list[_Article]:
    return [_article(obj, f"{path}:{lineno}") for lineno, obj in read_jsonl(path)]


def _load_gold(path: str | Path) -> list[_Article]:
    gold = _load(path)
    if not gold:
        # An empty gold file would score every system as 0 without saying why.
        raise EvaluationError("gold file has no articles", source=str(path))
    return gold


def score_files(gold_path: str | Path, system_path: str | Path) -> Report:
    """Score a system JSONL file against a gold JSONL file (one object per article in each)."""
    return _score_articles(_load_gold(gold_path), _load(system_path))


def score_against_file(gold_path: str | Path, system: Sequence[dict[str, Any]]) -> Report:
    """Score in-memory system dicts (e.g. fresh pipeline output) against a gold JSONL file."""
    return _score_articles(_load_gold(gold_path),
                           [_article(obj, f"system[{i}]") for i, obj in enumerate(system)])
