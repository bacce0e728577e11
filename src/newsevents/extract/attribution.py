"""Who claims an event, and through which outlet.

A textacy-style extractor over the parse: report verbs with their
complements ("an official told the Washington Post that ..."), "according
to X", "citing sources", quotations with their speakers, and the hedges
("reportedly", "allegedly", "it is reported") that make an event reported
without a named source.
"""

from __future__ import annotations

import bisect

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..kb.actors import ActorKB
from ..records import Attribution
from .entities import _clip_mention
from .lexicon import REPORTING_VERBS

_COMMENTATORS = frozenset({"analyst", "expert", "observer", "commentator", "critic", "scholar", "researcher",
                           "pundit", "economist", "historian"})
_HEDGES = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "apparently", "rumoredly"})
_QUOTES = "\"“”«»"
_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "conj", "advcl", "xcomp", "relcl", "acl", "pcomp"})


@dataclass(frozen=True, slots=True)
class Claim:
    """One claimant of an event: its source and outlet as written, and the speaker token."""

    attribution: Attribution
    speaker: Token | None


def _mention_text(tok: Token) -> str:
    span = _clip_mention(tok)
    text = span.text.strip()
    for article in ("a ", "an ", "the ", "A ", "An ", "The "):
        if text.startswith(article) and tok.ent_type_ in ("ORG", "WORK_OF_ART"):
            text = text[len(article):]
    return text


def _report_parties(verb: Token, kb: ActorKB) -> Attribution | None:
    """Source and outlet of a report verb from its subject and addressee."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.dep_ == "nsubjpass":
        subject = None
    if subject is None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            subject = next((c for c in agent.children if c.dep_ == "pobj"), None)
    addressee = next((c for c in verb.children if c.dep_ in ("dative", "dobj") and verb.lemma_ == "tell"), None)
    if addressee is None:
        to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        if to is not None:
            addressee = next((c for c in to.children if c.dep_ == "pobj"), None)
    source = via = None
    if subject is not None and subject.pos_ != "PRON":
        text = _mention_text(subject)
        if kb.outlet(text) is not None:
            via = text
        else:
            source = text
    elif subject is not None:
        source = subject.text
    if addressee is not None:
        text = _mention_text(addressee)
        if kb.outlet(text) is not None:
            via = text
    # "Bloomberg News reported, citing sources, ..."
    for child in verb.children:
        if child.lower_ == "citing" or (child.dep_ in ("advcl", "prep") and child.lower_ == "citing"):
            cited = next((c for c in child.children if c.dep_ == "dobj"), None)
            if cited is not None:
                if via is None and source is not None and kb.outlet(source) is not None:
                    via = source
                source = _mention_text(cited)
    if source is None and via is None:
        return None
    return Attribution(source=source, via=via)


def _according_to(sent: Span, kb: ActorKB) -> list[Attribution]:
    out = []
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(sent.doc) and sent.doc[tok.i + 1].lower_ == "to":
            to = sent.doc[tok.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            text = _mention_text(obj)
            if kb.outlet(text) is not None or obj.lemma_.lower() in ("media", "report", "newspaper", "outlet"):
                out.append(Attribution(source=None, via=text))
            else:
                out.append(Attribution(source=text, via=None))
    return out


def _quote_marks(sent: Span) -> list[int]:
    """Character offsets of the sentence's quotation marks, read once per sentence."""
    return [sent.start_char + i for i, ch in enumerate(sent.text) if ch in _QUOTES]


def _inside_quote(tok: Token, marks: list[int]) -> bool:
    return bisect.bisect_left(marks, tok.idx) % 2 == 1


def claims_for(trigger: Token, kb: ActorKB, *, is_speech_act: bool,
               same_actor: Callable[[Token], bool]) -> tuple[list[Claim], bool]:
    """The claimants of the event at `trigger` and whether it is hedged ("reportedly").

    `same_actor(token)` says whether a speaker token is the event's own actor:
    when an actor's words are the event ("X accused Y"), the saying is the
    event, not a claim about it.
    """
    sent = trigger.sent
    claims: list[Claim] = []
    hedged = False
    tok = trigger
    steps = 0
    while tok.head.i != tok.i and steps < 8:
        head = tok.head
        steps += 1
        if any(c.lower_ in _HEDGES for c in head.children) or any(c.lower_ in _HEDGES for c in tok.children):
            hedged = True
        if head.lemma_.lower() in REPORTING_VERBS and tok.dep_ in _CLAUSE_DEPS | {"dobj"}:
            if tok.dep_ == "dobj" and head.lemma_.lower() not in ("report", "announce", "confirm"):
                tok = head
                continue
            parties = _report_parties(head, kb)
            if parties is not None:
                speaker = next((c for c in head.children if c.dep_ == "nsubj"), None)
                if not (is_speech_act and speaker is not None and same_actor(speaker)):
                    claims.append(Claim(parties, speaker))
            # "It is reported that ...": a report verb with no one reporting.
            elif head.lemma_.lower() == "report":
                hedged = True
        tok = head
    if any(t.lower_ in _HEDGES and t.head.i in {a.i for a in trigger.ancestors} | {trigger.i} for t in sent):
        hedged = True
    marks = _quote_marks(sent)
    if not claims and _inside_quote(trigger, marks):
        for t in sent:
            if t.lemma_.lower() in REPORTING_VERBS and t.pos_ == "VERB" and not _inside_quote(t, marks):
                parties = _report_parties(t, kb)
                speaker = next((c for c in t.children if c.dep_ == "nsubj"), None)
                if parties is not None and not (is_speech_act and speaker is not None and same_actor(speaker)):
                    claims.append(Claim(parties, speaker))
                break
    for attr in _according_to(sent, kb):
        claims.append(Claim(attr, None))
    # Analysts and experts offer opinions, not reports of events (event-record.md).
    claims = [c for c in claims if not _is_commentator(c)]
    return claims, hedged


def _is_commentator(claim: Claim) -> bool:
    if claim.speaker is not None:
        return claim.speaker.lemma_.lower() in _COMMENTATORS
    words = (claim.attribution.source or "").lower().split()
    return bool(words) and words[-1].rstrip("s") in _COMMENTATORS
