"""Status of an event mention: occurred, planned, possible or negated.

The cues are read in the mention's own scope: the trigger, then the chain of
heads that governs it up to the clause that reports it ("said that ...") or
the sentence root. A "not" in a neighbouring clause does not negate it; a
"will" on the verb that governs a nominal trigger does ("will hold talks").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .lexicon import REPORTING_VERBS

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_POSSIBLE_AUX = frozenset({"may", "might", "could", "can", "should", "must", "ought"})
_CONDITIONAL_MARKS = frozenset({"if", "whether", "unless", "lest"})
_NEG = frozenset({"not", "n't", "never", "no"})
# Governing words whose complement is a planned event ("plans to visit").
_PLAN_GOVERNORS = frozenset({
    "plan", "intend", "schedule", "prepare", "aim", "decide", "decision", "agree", "pledge", "promise",
    "vow", "set", "arrange", "announce", "announcement", "plan", "preparation", "planning", "determine",
    "going", "due", "commit", "organize", "organise", "confirm",
})
# Governing words whose complement is only possible ("expected to meet").
_POSSIBLE_GOVERNORS = frozenset({
    "expect", "hope", "want", "seek", "try", "consider", "propose", "threaten", "may", "could", "might",
    "likely", "possible", "possibility", "potential", "wish", "urge", "call", "ask", "demand", "anticipate",
    "suggest", "push", "press", "offer", "invitation", "invite", "request", "allege", "accuse", "suspect",
    "weigh", "explore", "mull", "risk", "chance", "prospect", "fear", "warn", "attempt", "bid", "ready",
    "willing", "eager", "need",
})
# Governing words that deny or cancel their complement ("cancelled the visit").
_NEGATING_GOVERNORS = frozenset({
    "deny", "cancel", "refuse", "reject", "postpone", "scrap", "abandon", "halt", "rule", "avoid",
    "fail", "decline", "suspend", "nix", "delay", "stop", "prevent", "block",
})
_PLANNED_MODIFIERS = frozenset({
    "planned", "upcoming", "scheduled", "proposed", "forthcoming", "future", "next", "coming", "impending",
    "expected", "anticipated", "prospective", "pending", "intended",
})
_POSSIBLE_MODIFIERS = frozenset({"possible", "potential", "alleged", "suspected", "likely", "hypothetical",
                                 "probable", "rumored", "rumoured", "purported"})
_POSSIBLE_ADVERBS = frozenset({"allegedly", "possibly", "perhaps", "maybe", "probably", "likely", "purportedly",
                               "supposedly"})
# Prepositions that only situate an event in time or cause ("urged ... after the
# indictment"): the governor's modality does not reach through them.
_ADJUNCT_PREPS = frozenset({"after", "before", "since", "during", "amid", "despite", "following", "because",
                            "until", "while", "upon", "throughout"})
# Measures that take effect when announced: "announced sanctions" imposed them.
ANNOUNCED_TAKE_EFFECT = frozenset({"SANCTION", "AID", "COERCE"})
ANNOUNCE = frozenset({"announce", "announcement", "unveil"})
# A measure decided is in force: "the US decision to reimpose sanctions" reimposed them.
_DECIDE = frozenset({"decide", "decision"})
# Governors that answer what was said ("rejected the request", "denied the allegations"): what they
# answer was said all the same.
_ANSWERING = frozenset({"reject", "deny", "refuse", "decline", "dismiss"})
_SAID = frozenset({"REQUEST", "ACCUSE", "AGREE", "THREATEN", "SUPPORT"})
# Acts of force are confirmed once done ("confirmed another missile test"); a
# confirmed meeting or visit is still to come.
_DONE_WHEN_CONFIRMED = frozenset({"MOBILIZE", "ASSAULT", "COERCE", "PROTEST"})
_CLIMB = frozenset({
    "xcomp", "conj", "dobj", "pobj", "prep", "acl", "advcl", "relcl", "attr", "nsubj", "nsubjpass",
    "compound", "amod", "npadvmod", "appos", "ccomp", "pcomp", "oprd", "dative", "acomp", "csubj", "agent",
})


@dataclass(frozen=True, slots=True)
class Modality:
    status: str
    cue: str | None = None


def _aux_cue(verb: Token) -> Modality | None:
    neg = None
    for child in verb.children:
        low = child.lower_
        if child.dep_ == "neg" or (low in _NEG and child.dep_ in ("advmod", "det")):
            neg = child.text
        if child.dep_ == "mark" and low in _CONDITIONAL_MARKS:
            return Modality("possible", child.text)
    for child in verb.children:
        if child.dep_ not in ("aux", "auxpass"):
            continue
        low = child.lower_
        if low in _FUTURE_AUX:
            return Modality("negated" if neg else "planned", child.text)
        if low in _POSSIBLE_AUX:
            return Modality("possible", child.text)
        if low == "would":
            return Modality("possible", child.text)
        if low == "going" or (child.lemma_ == "be" and any(c.lower_ == "to" for c in verb.children)):
            continue
    if neg:
        return Modality("negated", neg)
    return None


def _modifier_cue(tok: Token) -> Modality | None:
    for child in tok.children:
        low = child.lower_
        if child.dep_ in ("amod", "compound", "advmod", "nmod") and low in _PLANNED_MODIFIERS:
            return Modality("planned", child.text)
        if child.dep_ in ("amod", "compound", "advmod") and low in _POSSIBLE_MODIFIERS:
            return Modality("possible", child.text)
        if child.dep_ == "advmod" and low in _POSSIBLE_ADVERBS:
            return Modality("possible", child.text)
        if child.dep_ == "det" and low == "no":
            return Modality("negated", child.text)
        if child.dep_ == "neg":
            return Modality("negated", child.text)
    return None


def _asserts_past(verb: Token) -> bool:
    """A finite clause in the past ("that Trump has received an invitation")
    states what happened, whatever noun or verb it hangs from."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def status_of(trigger: Token, etype: str | None = None) -> Modality:
    """The status of the event expressed by `trigger` (of PLOVER type `etype`
    where known), from cues in its scope."""
    cue = _modifier_cue(trigger)
    if cue is not None:
        return cue
    if trigger.pos_ in ("VERB", "AUX"):
        cue = _aux_cue(trigger)
        if cue is not None:
            return cue
        if trigger.dep_ == "pcomp" and trigger.head.lower_ == "without":
            return Modality("negated", "without")  # "left without providing details"
        if trigger.dep_ == "acl" and trigger.tag_ == "VBN":
            return Modality("occurred")  # "sanctions lifted under Obama", "troops deployed in Syria": done
        if trigger.dep_ == "advcl" and trigger.tag_ == "VB" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
            # A purpose ("offered talks on Jan. 9 to discuss the Games") is aimed at, not told as done.
            return Modality("possible", "to")
    tok = trigger
    steps = 0
    asserted = False
    while tok.dep_ in _CLIMB and tok.head.i != tok.i and steps < 6:
        head = tok.head
        steps += 1
        lemma = head.lemma_.lower()
        asserted = asserted or (tok is not trigger and tok.dep_ in ("acl", "ccomp", "relcl", "advcl")
                                and _asserts_past(tok))
        situating = tok.dep_ == "prep" and tok.lower_ in _ADJUNCT_PREPS
        announced = (lemma in ANNOUNCE and tok.dep_ in ("dobj", "pobj", "prep") or lemma in _DECIDE
                     and tok.dep_ in ("acl", "xcomp")) and etype in ANNOUNCED_TAKE_EFFECT
        if lemma in REPORTING_VERBS and tok.dep_ in ("ccomp", "conj", "advcl", "parataxis"):
            break
        if tok.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            # The event is the subject: "the meeting will take place", "talks did not happen".
            cue = _aux_cue(head)
            if cue is not None:
                return cue
            if lemma in ("occur", "happen", "take", "go", "begin", "start", "end", "continue", "resume"):
                break
            break
        if situating:
            break  # "cancel the summit after the indictment": the time adjunct is not cancelled
        if lemma in _NEGATING_GOVERNORS and tok.dep_ in ("xcomp", "dobj", "pobj", "prep", "ccomp"):
            if lemma in _ANSWERING and tok.dep_ == "dobj" and trigger.pos_ == "NOUN" and tok.i == trigger.i \
                    and etype in _SAID:
                break  # "rejected Australia's request": the request was made; the rejection answers it
            return Modality("negated", head.text)
        if asserted:
            break  # nothing above a stated past makes it planned or possible
        if lemma == "confirm" and etype in _DONE_WHEN_CONFIRMED:
            break
        if announced:
            pass  # "announced sanctions" imposed them; "will announce sanctions" still plans them
        elif lemma in _PLAN_GOVERNORS and tok.dep_ in ("xcomp", "dobj", "pobj", "prep", "acl", "ccomp", "pcomp"):
            cue = _aux_cue(head)
            if cue is not None and cue.status in ("negated", "possible"):
                return cue
            return Modality("planned", head.text)
        elif lemma in _POSSIBLE_GOVERNORS and tok.dep_ in ("xcomp", "dobj", "pobj", "prep", "acl", "ccomp",
                                                            "pcomp", "acomp"):
            return Modality("possible", head.text)
        if head.pos_ in ("VERB", "AUX"):
            cue = _aux_cue(head) or _modifier_cue(head)
            if cue is not None:
                return cue
        elif tok.dep_ in ("pobj", "compound", "amod", "prep"):
            cue = _modifier_cue(head)
            if cue is not None and cue.status != "negated":
                return cue
        if tok.dep_ == "relcl":
            break
        tok = head
    return Modality("occurred")
