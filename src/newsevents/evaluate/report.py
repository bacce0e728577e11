"""The result of scoring: counts, accuracies, per-type rows and per-article detail.

Everything here is plain data plus formatting; the rules that produce it live in
`scoring.py`. The scoring rules are those of docs/event-record.md ("Scoring");
docs/evaluate.md spells out the choices the contract leaves open.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# A dyad key: ("country", "USA") or ("name", "united nations"). The tag keeps a
# country code from ever equalling a normalised name.
Key = tuple[str, str]

# Order of the attribute accuracies in every output, so tables and JSON are stable.
ATTRIBUTES = (
    "status", "sourcing", "mode", "date_exact", "date_lenient",
    "place_exact", "place_lenient", "actor_names", "dyad_exact",
)


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives, false negatives of one matching."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    # A ratio with an empty denominator is 0.0 (as scikit-learn's zero_division=0):
    # a system that outputs nothing has no precision to boast of.
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
        }


@dataclass(frozen=True, slots=True)
class Accuracy:
    correct: int = 0
    n: int = 0

    @property
    def accuracy(self) -> float | None:
        # None, not 0.0: with no pair to judge there is no accuracy at all.
        return self.correct / self.n if self.n else None

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.n + other.n)

    def as_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "n": self.n, "accuracy": self.accuracy}


@dataclass(frozen=True, slots=True)
class TypeRow:
    type: str
    gold: int
    system: int
    dyad: Counts
    typed: Counts

    def as_dict(self) -> dict[str, Any]:
        return {"type": self.type, "gold": self.gold, "system": self.system,
                "dyad": self.dyad.as_dict(), "typed": self.typed.as_dict()}


@dataclass(frozen=True, slots=True)
class EventView:
    """The parts of one event the scorer looks at, kept for diagnostics."""

    index: int  # position in its article's `events` list
    type: str
    actor: frozenset[Key]
    recipient: frozenset[Key]
    trigger: str
    status: str | None
    sourcing: str | None
    mode: str | None
    date_value: str | None
    date_mod: str | None
    place_name: str | None
    place_country: str | None
    name_tokens: frozenset[str]  # tokens of the entities' canonical names
    has_named_entity: bool
    evidence: tuple[int, int] | None

    def dyad_text(self) -> str:
        return f"{format_keys(self.actor)} -> {format_keys(self.recipient)}"

    def date_text(self) -> str:
        if self.date_value is None:
            return "null"
        return self.date_value + (f" ({self.date_mod})" if self.date_mod else "")

    def place_text(self) -> str:
        if self.place_name is None and self.place_country is None:
            return "null"
        return f"{self.place_name or '?'}, {self.place_country or '?'}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "index": self.index, "type": self.type,
            "actor": [format_key(k) for k in sorted(self.actor)],
            "recipient": [format_key(k) for k in sorted(self.recipient)],
            "trigger": self.trigger, "status": self.status, "sourcing": self.sourcing,
            "mode": self.mode, "date": None if self.date_value is None else
            {"value": self.date_value, "mod": self.date_mod},
            "place": None if self.place_name is None and self.place_country is None else
            {"name": self.place_name, "country": self.place_country},
            "evidence": None if self.evidence is None else
            {"start": self.evidence[0], "end": self.evidence[1]},
        }


@dataclass(frozen=True, slots=True)
class PairResult:
    """A matched (gold, system) pair and the verdict on each attribute it was judged on."""

    gold: EventView
    system: EventView
    weight: float
    verdicts: tuple[tuple[str, bool], ...]  # (attribute, correct) for the attributes that apply

    def wrong(self) -> tuple[str, ...]:
        return tuple(name for name, ok in self.verdicts if not ok)


@dataclass(frozen=True, slots=True)
class ArticleResult:
    article_id: str
    in_system: bool
    gold: tuple[EventView, ...]
    system: tuple[EventView, ...]
    pairs: tuple[PairResult, ...]  # the dyad matching

    @property
    def missed(self) -> tuple[EventView, ...]:
        matched = {p.gold.index for p in self.pairs}
        return tuple(e for e in self.gold if e.index not in matched)

    @property
    def invented(self) -> tuple[EventView, ...]:
        matched = {p.system.index for p in self.pairs}
        return tuple(e for e in self.system if e.index not in matched)


@dataclass(frozen=True, slots=True)
class Report:
    dyad: Counts
    typed: Counts
    status_aware: Counts
    attributes: tuple[tuple[str, Accuracy], ...]  # in ATTRIBUTES order
    per_type: tuple[TypeRow, ...]
    articles: tuple[ArticleResult, ...]
    missing_in_system: tuple[str, ...]  # gold articles absent from the system file (all missed)
    system_only: tuple[str, ...]  # system articles absent from gold (ignored)

    @property
    def warnings(self) -> tuple[str, ...]:
        if not self.system_only:
            return ()
        return (f"{len(self.system_only)} system article(s) not in gold, ignored: "
                + ", ".join(self.system_only),)

    def attribute(self, name: str) -> Accuracy:
        return dict(self.attributes)[name]

    def as_dict(self, *, diagnostics: bool = False) -> dict[str, Any]:
        """JSON-able summary; `diagnostics=True` adds the per-article detail."""
        out: dict[str, Any] = {
            "articles": {"gold": len(self.articles), "missing_in_system": list(self.missing_in_system),
                         "system_only": list(self.system_only)},
            "event_f1_dyad": self.dyad.as_dict(),
            "event_f1_typed": self.typed.as_dict(),
            "status_aware_f1": self.status_aware.as_dict(),
            "attributes": {name: acc.as_dict() for name, acc in self.attributes},
            "per_type": [row.as_dict() for row in self.per_type],
            "warnings": list(self.warnings),
        }
        if diagnostics:
            out["diagnostics"] = [_article_diagnostics_dict(a) for a in self.articles]
        return out

    def format_table(self) -> str:
        """Human-readable summary: headline figures, per-type table, per-field table."""
        lines = [
            f"articles: {len(self.articles)} gold"
            + (f", {len(self.missing_in_system)} missing in system (counted as all missed)"
               if self.missing_in_system else ""),
            "",
            f"{'metric':<22}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}",
        ]
        for label, c in (("event F1 (dyad)", self.dyad), ("event F1 (typed only)", self.typed),
                         ("status-aware F1", self.status_aware)):
            lines.append(f"{label:<22}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}"
                         f"{c.tp:>6}{c.fp:>6}{c.fn:>6}")
        lines += ["", f"{'type':<11}{'gold':>6}{'sys':>6}{'tp':>6}{'P':>7}{'R':>7}{'F1':>7}{'typedF1':>9}"]
        for row in self.per_type:
            d = row.dyad
            lines.append(f"{row.type:<11}{row.gold:>6}{row.system:>6}{d.tp:>6}{d.precision:>7.3f}"
                         f"{d.recall:>7.3f}{d.f1:>7.3f}{row.typed.f1:>9.3f}")
        lines += ["", f"{'attribute (matched pairs)':<27}{'acc':>7}{'correct':>9}{'n':>6}"]
        for name, acc in self.attributes:
            value = "-" if acc.accuracy is None else f"{acc.accuracy:.3f}"
            lines.append(f"{name:<27}{value:>7}{acc.correct:>9}{acc.n:>6}")
        for warning in self.warnings:
            lines += ["", "warning: " + warning]
        return "\n".join(lines) + "\n"

    def diagnostics(self, articles: Mapping[str, Any] | None = None) -> str:
        """Per-article listing of missed, invented and disagreeing events.

        `articles` maps article id to an `Article` (or a dict with `text`); with it,
        invented and missed events show the sentence their evidence points at.
        """
        out: list[str] = []
        for art in self.articles:
            missed, invented = art.missed, art.invented
            disagree = [p for p in art.pairs if set(p.wrong()) & _DIAGNOSED]
            if not (missed or invented or disagree):
                continue
            text = _article_text(articles, art.article_id)
            head = (f"== {art.article_id}: gold {len(art.gold)}, system {len(art.system)}, "
                    f"matched {len(art.pairs)}")
            out.append(head + ("" if art.in_system else "  [article missing from system output]"))
            taken_by = {p.system.index: p.gold.index for p in art.pairs}
            if missed:
                out.append(f"  MISSED ({len(missed)} gold events with no system match)")
                for ev in missed:
                    out.append("    " + _event_line("g", ev))
                    sentence = _evidence_text(text, ev.evidence)
                    if sentence:
                        out.append(f"        evidence: {sentence}")
                    # Same-type system events tell whether the type, the dyad or a rival gold event
                    # cost the match. An unmatched one cannot agree on the dyad: greedy would have
                    # paired the two.
                    for s in [s for s in art.system if s.type == ev.type][:3]:
                        why = (f"matched to g{taken_by[s.index]}" if s.index in taken_by
                               else "dyad does not agree")
                        out.append(f"        same type in system: s{s.index} {s.dyad_text()}  ({why})")
            if invented:
                out.append(f"  INVENTED ({len(invented)} system events with no gold match)")
                for ev in invented:
                    out.append("    " + _event_line("s", ev))
                    sentence = _evidence_text(text, ev.evidence)
                    if sentence:
                        out.append(f"        evidence: {sentence}")
            if disagree:
                out.append(f"  DISAGREE ({len(disagree)} matched pairs with wrong status/date/place)")
                for p in disagree:
                    out.append(f"    g{p.gold.index}~s{p.system.index} {p.gold.type} {p.gold.dyad_text()} "
                               f"\"{p.gold.trigger}\" / \"{p.system.trigger}\"")
                    wrong = set(p.wrong())
                    if "status" in wrong:
                        out.append(f"        status: gold {p.gold.status}, system {p.system.status}")
                    if wrong & {"date_exact", "date_lenient"}:
                        kind = "no overlap" if "date_lenient" in wrong else "overlaps, not exact"
                        out.append(f"        date:   gold {p.gold.date_text()}, system {p.system.date_text()}"
                                   f"  [{kind}]")
                    if wrong & {"place_exact", "place_lenient"}:
                        kind = "other country" if "place_lenient" in wrong else "same country"
                        out.append(f"        place:  gold {p.gold.place_text()}, "
                                   f"system {p.system.place_text()}  [{kind}]")
            out.append("")
        if not out:
            return "no missed, invented or disagreeing events\n"
        return "\n".join(out)


_DIAGNOSED = {"status", "date_exact", "date_lenient", "place_exact", "place_lenient"}


def format_key(key: Key) -> str:
    kind, value = key
    return value if kind == "country" else f'"{value}"'


def format_keys(keys: frozenset[Key]) -> str:
    return "+".join(format_key(k) for k in sorted(keys)) if keys else "-"


def _event_line(prefix: str, ev: EventView) -> str:
    mode = f"/{ev.mode}" if ev.mode else ""
    return f"{prefix}{ev.index} {ev.type}{mode} {ev.dyad_text()}  \"{ev.trigger}\"  [{ev.status}]"


def _article_text(articles: Mapping[str, Any] | None, article_id: str) -> str | None:
    if not articles or article_id not in articles:
        return None
    article = articles[article_id]
    return article.get("text") if isinstance(article, Mapping) else getattr(article, "text", None)


def _evidence_text(text: str | None, span: tuple[int, int] | None) -> str | None:
    if not text or span is None or span[1] <= span[0]:
        return None
    sentence = " ".join(text[span[0]:span[1]].split())
    return f'"{sentence}"' if sentence else None


def _article_diagnostics_dict(art: ArticleResult) -> dict[str, Any]:
    return {
        "article_id": art.article_id,
        "in_system": art.in_system,
        "missed": [e.as_dict() for e in art.missed],
        "invented": [e.as_dict() for e in art.invented],
        "matched": [
            {"gold": p.gold.index, "system": p.system.index, "weight": p.weight, "wrong": list(p.wrong())}
            for p in art.pairs
        ],
    }
