"""Event mentions: trigger words in a sentence and their argument tokens.

A mention is a trigger (verb, nominalisation, light-verb object or phrasal
verb) with the tokens that fill its actor and recipient slots, read off the
dependency parse: subjects, objects, passive agents, "between X and Y",
possessives and country modifiers of nominal triggers, and the subjects that
control infinitives ("urged Trump to cancel": Trump cancels).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .lexicon import (
    LIGHT_VERBS, LOYALTY, NEEDS_MODIFIER, NOT_OBJECTS, OTHER_VERB_PARTICLES, REPORTING_VERBS, THEME_OBJECT_VERBS,
    THREAT_WORDS, CAPTURE_VERBS, SHOW_NOUNS, PATIENT_NOUNS, TriggerSense, trigger_table,
)

# Prepositions that mark the recipient of each type of nominal or verbal trigger.
_RECIPIENT_PREPS = {
    "CONSULT": ("with", "to"),
    "AGREE": ("with", "to"),
    "COOPERATE": ("with", "to"),
    "SUPPORT": ("for", "to"),
    "AID": ("to", "for"),
    "REQUEST": ("on", "to", "from"),
    "ACCUSE": ("against", "on", "at", "of", "over"),
    "REJECT": ("of",),
    "THREATEN": ("against", "on", "to"),
    "SANCTION": ("on", "against", "of"),
    "ASSAULT": ("on", "against"),
    "COERCE": ("of", "on", "against"),
    "RETREAT": ("of", "from"),
    "MOBILIZE": ("to", "against", "near"),
    "CONCEDE": ("on", "to", "for"),
    "PROTEST": ("against", "outside"),
}
_SUBJ = ("nsubj", "nsubjpass", "csubj")
_DECISION_NOUNS = frozenset({"decision", "plan", "attempt", "effort", "bid", "move", "pledge", "promise", "threat",
                             "offer", "order", "proposal", "intention", "refusal", "willingness", "call", "push"})
# A nominal event in an adjunct of a verb is usually that verb's subject's act:
# "Trump angered Iraqi politicians after a visit to troops".
_ADJUNCT_PREPS = frozenset({"in", "into", "at", "after", "during", "before", "following", "since", "through", "amid"})
_NON_AGENTIVE = REPORTING_VERBS | frozenset({
    "see", "watch", "condemn", "criticize", "criticise", "oppose", "welcome", "denounce", "discuss", "violate",
    "follow", "cover", "describe", "expect", "anticipate", "fear", "await", "mark", "underscore", "prompt",
    "spark", "trigger", "protest", "deny", "reject", "dismiss", "face", "survive", "avoid", "evade",
    # Judging an event is not doing it: "Germany praised the release".
    "praise", "hail", "applaud", "commend", "laud", "celebrate", "regret", "lament", "mourn", "decry", "deplore",
    "question", "doubt", "investigate", "acknowledge",
    # Nor is obtaining it from someone else: "secured the release of 21 schoolgirls".
    "secure", "obtain", "win", "broker",
    # Nor counting or prosecuting it: "police recorded 14 sexual assaults".
    "record", "count", "register", "document", "prosecute", "punish", "track",
    # Nor answering it: "the White House downplayed the latest allegations".
    "downplay", "dispute", "refute", "rebut", "contest", "answer", "address",
})
# Nominal triggers that also name standing states of affairs ("U.N. sanctions",
# "sanctions and pressure will not work"): an event only when something is done
# with them or they are aimed at someone.
_STATE_NOUNS = frozenset({"sanction", "pressure", "embargo", "ban", "support", "cooperation", "aid", "assistance",
                          "threat", "agreement", "deal", "treaty", "insurgency", "truce", "ceasefire"})
_EVENTIVE_HEADS = LIGHT_VERBS | frozenset({
    "introduce", "unveil", "reimpose", "lift", "ease", "tighten", "toughen", "expand", "renew", "back",
    "vote", "slap", "enforce", "sign", "reach", "strike", "agree", "offer", "provide",
    "send", "deliver", "receive", "pledge", "promise", "seek", "welcome", "announce", "launch", "mount",
    "declare", "observe", "respect", "broker", "negotiate", "implement",
})
_RELATIVE = frozenset({"that", "which", "who", "whom", "whose"})
_CHARGES = frozenset({"charge", "case", "accusation", "indictment", "allegation"})
# Verbs that charge someone with a deed: the one charged did it.
_JUDGING = frozenset({"indict", "charge", "convict", "sentence", "jail", "arrest", "detain", "accuse", "prosecute",
                      "try", "fine", "punish", "imprison"})
_AGENT_NOUNS = frozenset({"force", "troop", "soldier", "fighter", "militant", "unit", "army", "group", "side",
                          "party", "country", "nation", "state"})
_AIR = frozenset({"air", "drone", "missile", "rocket", "aerial"})
_NAME_LABELS = frozenset({"ORG", "EVENT", "LAW", "WORK_OF_ART", "FAC", "GPE", "NORP", "PERSON", "PRODUCT"})


@dataclass(frozen=True, slots=True)
class Mention:
    trigger: Token
    sense: TriggerSense
    actors: tuple[Token, ...]
    recipients: tuple[Token, ...]
    trigger_text: str
    mode: str | None

    @property
    def anaphoric(self) -> bool:
        """A nominal trigger that points back ("the meeting") with no participants of its own."""
        tok = self.trigger
        if self.sense.pos != "N":
            return False
        if tok.dep_ == "attr" and tok.head.lemma_ == "be" and any(
                c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in tok.head.children):
            return True  # "it would be the most lethal clash since ...": says what an event already told was
        has_det = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
        # "the APEC summit": an organisation or event name before a meeting noun is its venue, not a participant.
        own_args = any(c.dep_ in ("poss", "compound", "amod", "nmod") and c.ent_type_ in ("GPE", "NORP", "PERSON")
                       for c in tok.children) or any(
            c.dep_ == "prep" and c.lower_ in ("between", "with", "by", "of", "among") for c in tok.children)
        # "Their arrests came three years after ...": what was done to people already told of.
        told = self.sense.lemma in PATIENT_NOUNS and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)
        return (has_det or told) and not own_args


def _child(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _pobj(prep: Token) -> Token | None:
    obj = _child(prep, "pobj")
    if obj is None:
        pcomp = _child(prep, "pcomp")
        if pcomp is not None:
            obj = _child(pcomp, "dobj", "pobj")
    return obj


def _modifier_words(tok: Token) -> set[str]:
    words = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "dobj", "npadvmod")}
    words |= {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "dobj")}
    if any(c.dep_ == "xcomp" for c in tok.children):
        words.add("to")
    if tok.dep_ == "dobj":
        words.add(tok.head.lemma_.lower())  # "opened fire": the verb qualifies its object
    for c in tok.subtree:
        if c.dep_ == "prep" and (c.head.i == tok.i or c.lower_ == "for"):
            obj = _pobj(c)
            if obj is not None:
                words.add(f"{c.lower_}:{obj.lemma_.lower()}")
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "dobj"):
            words |= {g.lower_ for g in c.children if g.dep_ in ("compound", "amod")}
    return words


def _sense_for(tok: Token) -> TriggerSense | None:
    table = trigger_table()
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
        pos = "V"
    elif tok.pos_ in ("NOUN", "PROPN"):
        pos = "N"
    else:
        return None
    candidates = table.get((tok.lemma_.lower(), pos)) or table.get((tok.lower_, pos)) or ()
    particles = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "advmod")}
    phrasal = {c.lower_ for c in tok.children if c.dep_ == "prt" or (c.dep_ == "prep" and c.i == tok.i + 1)}
    for sense in candidates:
        if sense.particle is not None:
            if sense.particle in particles:
                return sense
            continue
        if pos == "V" and phrasal & OTHER_VERB_PARTICLES.get(sense.lemma, frozenset()):
            continue  # "give up", "back down": another verb than the bare one
        needed = NEEDS_MODIFIER.get((sense.lemma, pos))
        if needed is not None and not (needed & _modifier_words(tok)):
            continue
        return sense
    return None


def _subject(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The subject of a verb, climbing control and coordination; (token, passive)."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJ]
    # A mis-parsed dateline can add a second subject: the one nearest the verb wins.
    subj = max(subjects, key=lambda c: (c.i < verb.i, -abs(verb.i - c.i))) if subjects else None
    if subj is not None and subj.lower_ in _RELATIVE and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "a vessel that transferred oil": the vessel; but a name right before the pronoun is its
        # antecedent wherever the parser hung the clause ("a buffer between militias and Turkey –
        # which has threatened an offensive": Turkey threatened).
        before = subj.i - 1
        while before > verb.sent.start and subj.doc[before].is_punct:
            before -= 1
        named = subj.doc[before]
        if named.i != verb.head.i and named.pos_ == "PROPN" and named.ent_type_ in ("GPE", "ORG", "NORP", "PERSON"):
            return named, subj.dep_ == "nsubjpass"
        return verb.head, subj.dep_ == "nsubjpass"
    if subj is not None:
        return subj, subj.dep_ == "nsubjpass"
    if depth > 3:
        return None, False
    head = verb.head
    if head.i == verb.i:
        return None, False
    if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                               for c in verb.children)):
        # Object control: "urged Trump to cancel" -> Trump (the parser may hang the
        # infinitive as a purpose clause: "pressing Turkey to extradite"); otherwise the head's subject.
        obj = _child(head, "dobj")
        if obj is not None and head.lemma_.lower() in ("urge", "ask", "press", "pressure", "order", "tell",
                                                         "force", "invite", "allow", "help", "encourage"):
            return obj, any(c.dep_ == "auxpass" for c in verb.children)
        subj, _ = _subject(head, depth + 1)
        # "women reported being assaulted": the controller undergoes a passive complement.
        return subj, any(c.dep_ == "auxpass" for c in verb.children)
    if verb.dep_ in ("conj", "advcl") and head.pos_ in ("VERB", "AUX"):
        subj, passive = _subject(head, depth + 1)
        # "she was presented with an award and met its president": the shared
        # subject is passive only for the conjunct that is itself passive.
        own_passive = any(c.dep_ == "auxpass" for c in verb.children) or (verb.tag_ == "VBN" and passive
                                                                           and verb.dep_ == "conj"
                                                                           and not any(c.dep_ == "dobj"
                                                                                       for c in verb.children))
        return subj, passive and own_passive
    if verb.dep_ == "amod" and verb.tag_ == "VBG" and head.dep_ == "pobj" and head.head.lower_ in ("of", "for", "with") \
            and head.head.head.pos_ in ("VERB", "AUX"):
        # The parser read "accused of hacking emails" as hacking-the-emails: the gerund's subject
        # is as for "accused of hacking": the officers hack.
        subj, _ = _subject(head.head.head, depth + 1)
        return subj, False
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        obj = _child(head.head, "dobj")
        if head.lower_ == "for" and obj is not None:
            return obj, False  # "criticized Peña Nieto for inviting Trump": Peña Nieto invited
        subj, _ = _subject(head.head, depth + 1)
        # "held her since arresting her"; "officers are accused of hacking": the officers hack.
        return subj, False
    if verb.dep_ == "pcomp" and head.lower_ in ("for", "of") and head.head.pos_ == "NOUN":
        # "indicted a girl on charges including assault for punching a soldier": the
        # accused did it, the charged one of a judging verb above the charge.
        judge = next((a for a in list(head.head.ancestors)[:5]
                      if a.pos_ == "VERB" and a.lemma_.lower() in _JUDGING), None)
        if judge is not None:
            accused = _child(judge, "dobj") or _child(judge, "nsubjpass")
            if accused is not None:
                return accused, False
    if verb.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN"):
        return head, False
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        if verb.tag_ == "VBN":
            return head, True  # "troops deployed in Syria": the noun is the patient of a participle
        # "the US decision to reimpose sanctions", "Trump's attempts to press China": the owner decides.
        owner = next((c for c in head.children if c.dep_ == "poss"), None) or next(
            (c for c in head.children if c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "NORP", "PERSON", "ORG")),
            None)
        if owner is not None:
            return owner, False
        if head.dep_ in ("dobj", "pobj", "attr") and head.lemma_.lower() in _DECISION_NOUNS:
            return _subject(head.head if head.dep_ != "pobj" else head.head.head, depth + 1)
        return None, False
    return None, False


def _agent(verb: Token) -> Token | None:
    agent = _child(verb, "agent")
    return _pobj(agent) if agent is not None else None


def judged_by_another(tok: Token) -> bool:
    """A nominal event that is the object of a verb judging, reporting or answering it ("the White House
    downplayed the allegations"): whoever judges it did not do it, and did not say who did."""
    return tok.dep_ in ("dobj", "attr") and tok.head.lemma_.lower() in _NON_AGENTIVE


_PROMISES = frozenset({"promise", "pledge", "vow", "swear", "guarantee"})


def _promises_of_others(verb: Token) -> bool:
    """A promise whose that-clause has another subject than the promiser commits no one to act."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return False
    inner = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    outer, _ = _subject(verb)
    return inner is not None and inner.pos_ != "PRON" and (outer is None or inner.lower_ != outer.lower_)


def _captor(captives: Token) -> Token | None:
    """Who held the captives, when their description says it: "21 of the
    schoolgirls abducted by Boko Haram have been released" were released by Boko Haram."""
    for tok in captives.subtree:
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in CAPTURE_VERBS:
            return _agent(tok)
    return None


def _verb_args(tok: Token, sense: TriggerSense) -> tuple[list[Token], list[Token]]:
    actors: list[Token] = []
    recipients: list[Token] = []
    subj, passive = _subject(tok)
    agent = _agent(tok)
    if passive:
        if subj is not None:
            recipients.append(subj)
        if agent is not None:
            actors.append(agent)
        elif subj is not None and sense.mode == "release":
            captor = _captor(subj)
            if captor is not None:
                actors.append(captor)
        elif subj is not None and subj.lemma_.lower() in _CHARGES and tok.dep_ == "conj" \
                and tok.head.lemma_.lower() in _JUDGING:
            # "police arrested Robinson ..., but all charges were dropped": dropped by
            # whoever arrested or charged, for the one they held.
            judge, judged = _subject(tok.head)[0], _child(tok.head, "dobj")
            if judge is not None and judged is not None:
                actors.append(judge)
                recipients[:] = [judged]
    elif subj is not None:
        actors.append(subj)
    obj = _child(tok, "dobj", "dative")
    if obj is None and tok.dep_ == "amod" and tok.tag_ == "VBG" and tok.head.dep_ == "pobj" \
            and tok.head.head.lower_ in ("of", "for", "with"):
        obj = tok.head  # "accused of hacking emails": the emails are what is hacked
    theme = sense.lemma in THEME_OBJECT_VERBS and obj is not None and obj.dep_ == "dobj" and (
        {obj.lower_, obj.lemma_.lower()} & NEEDS_MODIFIER.get((sense.lemma, "V"), frozenset()))
    if obj is not None and not theme:
        recipients.append(obj)
    if obj is not None and sense.type == "REQUEST":
        # "sought approval from the White House", "asked help from the UN": asked of the "from" party.
        asked = next((_pobj(c) for c in obj.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        if asked is not None:
            recipients = [r for r in recipients if r.i != obj.i] + [asked]
    preps = _RECIPIENT_PREPS.get(sense.type, ())
    if sense.mode == "release":
        preps = ("of",)  # "freed from Turkish custody": custody is where, not whom
    for child in tok.children:
        if child.dep_ == "prep" and (child.lower_ in preps or (sense.particle and child.lower_ == sense.particle)):
            obj = _pobj(child)
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME", "CARDINAL"):
                recipients.append(obj)
        if child.dep_ == "prep" and child.lower_ == "between":
            obj = _pobj(child)
            if obj is not None:
                actors.append(obj)
    return actors, recipients


def _noun_args(tok: Token, sense: TriggerSense) -> tuple[list[Token], list[Token]]:
    actors: list[Token] = []
    recipients: list[Token] = []
    for child in tok.children:
        if child.dep_ == "poss":
            # ... unless the patient is named with "of": "Turkey's detention of a US citizen".
            patient = sense.lemma in PATIENT_NOUNS and not any(
                c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
            (recipients if patient else actors).append(child)
        elif child.dep_ in ("compound", "amod", "nmod") and (
            child.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or child.pos_ == "PROPN"
        ):
            # "the G20 summit" names the venue of a meeting, not a participant.
            if not (sense.type == "CONSULT" and child.ent_type_ in ("ORG", "EVENT")):
                actors.append(child)
        elif child.dep_ == "prep":
            low = child.lower_
            obj = _pobj(child)
            if obj is None or obj.ent_type_ in ("DATE", "TIME", "CARDINAL"):
                continue
            if low == "between" or (low == "among"):
                actors.append(obj)
            elif low == "by" or (low == "from" and sense.type in ("REQUEST", "THREATEN", "ASSAULT", "SANCTION",
                                                                 "SUPPORT", "AID", "COOPERATE")):
                actors.append(obj)  # "pressure from the White House", "fire from a tank", "approval from the UN"
            elif low == "of" and sense.type in ("RETREAT",) and sense.mode in ("withdraw", "resign"):
                actors.append(obj)  # "the resignation of Jim Mattis": Mattis resigns
            elif low in _RECIPIENT_PREPS.get(sense.type, ()):
                recipients.append(obj)
            elif low == "from" and sense.type in ("CONSULT",):
                actors.append(obj)
    # "sanctions adopted by the United Nations"
    for child in tok.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            agent = _agent(child)
            if agent is not None:
                actors.append(agent)
    # The subject of a light verb acts through its object ("held talks", "imposed sanctions").
    head = tok.head
    # A verb that only reports or perceives the event ("confirmed another missile
    # test") does not make its subject the event's actor.
    if tok.dep_ in ("dobj", "attr", "oprd") and head.pos_ in ("VERB", "AUX") and (
        head.lemma_.lower() in LIGHT_VERBS or (not actors and head.lemma_.lower() not in _NON_AGENTIVE)
    ):
        subj, passive = _subject(head)
        if subj is not None and not passive:
            actors.append(subj)
        agent = _agent(head)
        if agent is not None:
            actors.append(agent)
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in _RECIPIENT_PREPS.get(sense.type, ()) + ("with",):
                obj = _pobj(child)
                if obj is not None and obj.ent_type_ not in ("DATE", "TIME", "CARDINAL"):
                    recipients.append(obj)
        dative = _child(head, "dative")
        if dative is not None:
            recipients.append(dative)
    elif tok.dep_ == "pobj" and head.lower_ == "under" and head.head.pos_ in ("VERB", "AUX"):
        # "Mattis was under pressure from the White House", "came under fire": the subject undergoes it.
        subj, _ = _subject(head.head)
        if subj is not None:
            recipients.append(subj)
    elif tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") and not actors:
        # "engaged in talks", "is in negotiations with", "angered them after a visit"
        subj, passive = _subject(head.head)
        if subj is not None and not passive and head.lower_ in _ADJUNCT_PREPS:
            actors.append(subj)
    elif tok.dep_ == "nsubjpass" and head.pos_ == "VERB":
        agent = _agent(head)
        if agent is not None:
            actors.append(agent)
    return actors, recipients


def _trigger_text(tok: Token, sense: TriggerSense) -> str:
    doc = tok.doc
    if sense.particle:
        part = next((c for c in tok.children if c.lower_ == sense.particle), None)
        if part is not None:
            return doc[min(tok.i, part.i):max(tok.i, part.i) + 1].text
    if sense.pos == "N":
        left = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i == tok.i - 1
                and c.ent_type_ not in ("GPE", "NORP", "PERSON", "ORG")]
        if left:
            return doc[left[0].i:tok.i + 1].text
    return tok.text


def _eventive(tok: Token, sense: TriggerSense, recipients: list[Token]) -> bool:
    """Whether a state-of-affairs noun is used for an act: aimed at someone, done
    by a verb, new, or given an agent ("sanctions adopted by the UN")."""
    if recipients or any(c.dep_ == "prep" and c.lower_ in ("between", "with", "by") for c in tok.children):
        return True
    if any(c.lower_ in ("new", "fresh", "further", "additional", "latest") for c in tok.children):
        return True
    if any(c.dep_ == "acl" and c.tag_ == "VBN" for c in tok.children):
        return True
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in _EVENTIVE_HEADS:
        return True
    if tok.dep_ == "pobj" and head.head.lemma_.lower() in _EVENTIVE_HEADS:
        return True  # "voted in favor of sanctions", "agreed on a deal"
    return False


_OPEN_QUOTES = frozenset({'"', "\u201c", "\u2018", "'"})
_IMPERATIVE_REQUEST = TriggerSense("imperative", "V", "REQUEST", None, ("diplomatic",), 0.55)
# Acts performed by saying something (a command, a demand that someone should act, a
# warning of consequences): they happened when said, whatever the mood of the words.
SPOKEN = "spoken"
_DEONTIC_REQUEST = TriggerSense(SPOKEN, "V", "REQUEST", None, ("diplomatic",), 0.5)
_DEONTIC = frozenset({"should", "must"})
_CONSEQUENCE_THREAT = TriggerSense(SPOKEN, "V", "THREATEN", None, ("diplomatic",), 0.6)
_CONSEQUENCES = frozenset({"consequence", "repercussion", "retaliation", "punishment", "retribution", "response"})


def _speaker(sent: Span) -> Token | None:
    """The subject of the report verb that introduces a quotation in this sentence or the next."""
    doc = sent.doc
    following = doc[sent.end:sent.end + 40] if sent.end < len(doc) else None
    for part in (sent, following):
        if part is None:
            continue
        for tok in part:
            if tok.lemma_.lower() in REPORTING_VERBS and tok.pos_ == "VERB" and tok.lemma_.lower() != "report":
                # ("..., News Corp reported": an outlet passes the words on; it does not say them.)
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if subj is not None and (subj.ent_type_ or subj.pos_ == "PROPN" or any(
                        c.dep_ in ("compound", "poss", "amod") and c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")
                        for c in subj.children)):  # "the Trump administration insists"
                    return subj
    return None


def _imperatives(sent: Span) -> list[Mention]:
    """Quoted commands are requests by their speaker: “Call off this summit,” Wyden tweeted."""
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.tag_ != "VB" or tok.dep_ not in ("ROOT", "ccomp", "advcl", "parataxis"):
            continue
        if any(c.dep_ in _SUBJ for c in tok.children):
            continue
        before = [t for t in sent.doc[max(sent.start, tok.i - 3):tok.i] if not t.is_space]
        # The quotation opens the sentence (or follows a colon): a quoted fragment
        # inside a sentence ("troops stationed there to “watch Iran”") commands no one.
        quote = before[-1] if before and before[-1].text in _OPEN_QUOTES else None
        opens_quote = quote is not None and (
            quote.i == sent.start or sent.doc[quote.i - 1].text == ":" or sent.doc[quote.i - 1].is_space)
        negated = len(before) >= 3 and before[-3].text in _OPEN_QUOTES and before[-2].lower_ == "do" \
            and before[-1].lower_ in ("n't", "n’t", "not")
        if not (opens_quote or negated):
            continue
        speaker = _speaker(sent)
        if speaker is None:
            continue
        # The object of a command is rarely its addressee ("Don't overburden Iraq" is said to the US):
        # the addressee is left to the article-level fallbacks.
        out.append(Mention(tok, _IMPERATIVE_REQUEST, (speaker,), (), tok.text, None))
    return out


def _deontic_requests(sent: Span) -> list[Mention]:
    """What a speaker says someone should or must do is a request of them:
    "Trump should immediately cancel his meeting," Reed said; "President Trump
    must demand ...", Pelosi said."""
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.dep_ not in ("ccomp", "ROOT", "parataxis"):
            continue
        if not any(c.dep_ == "aux" and c.lower_ in _DEONTIC for c in tok.children):
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ == "PRON":
            continue
        speaker = _speaker(sent)
        if speaker is None or speaker.i == subj.i or speaker.lower_ == subj.lower_:
            continue
        out.append(Mention(tok, _DEONTIC_REQUEST, (speaker,), (subj,), tok.text, None))
    return out


def _warned_consequences(sent: Span) -> list[Mention]:
    """"Damascus would face consequences," Erdogan said: a threat by the speaker
    against whoever is to face them."""
    out = []
    for tok in sent:
        if tok.lemma_.lower() != "face" or tok.pos_ != "VERB":
            continue
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is None or obj.lemma_.lower() not in _CONSEQUENCES:
            continue
        if not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in tok.children):
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        speaker = _speaker(sent)
        if subj is None or speaker is None or speaker.i == subj.i:
            continue
        out.append(Mention(tok, _CONSEQUENCE_THREAT, (speaker,), (subj,), f"{tok.text} {obj.text}", None))
    return out


def _threatened(tok: Token) -> list[Token]:
    """Whom a threat is aimed at when no preposition says so: the object of
    the act threatened ("threatened to attack Kurdish groups", "threatened an
    offensive to dismantle Kurdish groups", "an offensive against the YPG")."""
    for t in tok.subtree:
        if t.i == tok.i:
            continue
        if t.dep_ == "dobj" and t.head.i != tok.i and t.head.pos_ == "VERB":
            return [t]
        if t.dep_ == "pobj" and t.head.lower_ == "against":
            return [t]
    return []


def find_mentions(sent: Span) -> list[Mention]:
    """The event mentions of a sentence, in text order."""
    out: list[Mention] = _imperatives(sent)
    for tok in sent:
        if tok.lemma_.lower() in REPORTING_VERBS and tok.pos_ == "VERB":
            continue
        if tok.ent_type_ in _NAME_LABELS:
            continue  # "Asia-Pacific Economic Cooperation" names an organisation, not an event
        sense = _sense_for(tok)
        if tok.lemma_.lower() == "strike" and tok.pos_ == "NOUN" and _modifier_words(tok) & _AIR:
            # "air strikes", "drone strikes" (the bare noun needs "general", "hunger": a labour strike)
            sense = TriggerSense("strike", "N", "ASSAULT", "aerial", ("military",), 0.85)
        if sense is None or any(m.trigger.i == tok.i for m in out):
            continue
        if sense.pos == "V" and tok.tag_ == "VBN" and tok.dep_ in ("amod", "compound") and tok.i > sent.start \
                and tok.nbor(-1).text == "-":
            continue  # "US-backed forces", "Iran-allied militias": a standing relation, not an event
        if sense.pos == "V" and tok.tag_ == "VBG" and tok.dep_ == "amod" and (
                _sense_for(tok.head) is not None or tok.head.lemma_.lower() in _AGENT_NOUNS):
            # "promising negotiations", "the attacking forces": a quality of an event or of those who
            # act, not an act ("hacking party emails" is one: its noun is what is hacked).
            continue
        mode = sense.mode
        if sense.pos == "V" and any(c.dep_ == "dobj" and c.lemma_.lower() in NOT_OBJECTS.get(sense.lemma, ())
                                    for c in tok.children):
            continue
        if sense.pos == "V" and sense.type not in ("ASSAULT", "MOBILIZE") and any(
                c.dep_ == "dobj" and c.lemma_.lower() == "way" and any(g.dep_ == "poss" for g in c.children)
                for c in tok.children):
            continue  # "blasted its way into the town" criticises no one ("fought their way in" still fights)
        if sense.pos == "N" and sense.lemma in SHOW_NOUNS and any(
                c.dep_ == "prep" and c.lower_ == "of" and (obj := _pobj(c)) is not None and not obj.like_num
                and not any(g.dep_ == "nummod" for g in obj.children) for c in tok.children):
            continue  # "a demonstration of condemnation" is a display ("of 5,000 people" is a crowd)
        if sense.pos == "N" and tok.dep_ == "dobj" and (head := _sense_for(tok.head)) is not None \
                and head.type == "THREATEN" and head.pos == "V":
            continue  # "threatened a military offensive": the threat is the event; the offensive is its content
        if sense.lemma in _PROMISES and sense.pos == "V" and _promises_of_others(tok):
            continue  # "Fox railed against Trump, promising that Mexico would never pay": a prediction
        if sense.lemma == "ask" and any(c.dep_ == "prep" and c.lower_ == "about" for c in tok.children):
            continue  # "was asked about the claims": a question, not a request
        if sense.pos == "V" and tok.lemma_.lower() in LIGHT_VERBS and any(
                c.dep_ == "dobj" and (obj := _sense_for(c)) is not None and obj.type != sense.type
                for c in tok.children):
            # "struck a deal" is no strike: the object names the event. ("accepted
            # an invitation" is an acceptance of its own.)
            continue
        if sense.pos == "V":
            actors, recipients = _verb_args(tok, sense)
        else:
            actors, recipients = _noun_args(tok, sense)
            if tok.lemma_.lower() in _STATE_NOUNS and not _eventive(tok, sense, recipients):
                continue
        if sense.lemma == "pledge" and _modifier_words(tok) & LOYALTY:
            sense = TriggerSense("pledge", sense.pos, "SUPPORT", None, ("diplomatic",), 0.75)  # "pledged allegiance"
            mode = None
        if sense.lemma == "warn" and any(w.rsplit(":", 1)[-1] in THREAT_WORDS for w in _modifier_words(tok)):
            sense = TriggerSense("warn", sense.pos, "THREATEN", None, ("diplomatic",), 0.7)
            mode = None
        if sense.type == "THREATEN":
            # "threatened an offensive": the act threatened is no participant; its target is.
            recipients = [r for r in recipients if _sense_for(r) is None] or _threatened(tok)
        actors = [a for a in actors if a.i != tok.i]
        recipients = [r for r in recipients if r.i != tok.i and r not in actors]
        out.append(Mention(tok, sense, tuple(actors), tuple(recipients), _trigger_text(tok, sense), mode))
    # A request to do something is an event beside the act requested ("Russia must withdraw"),
    # unless the act is itself a request: "Trump must demand ..." is Pelosi's request, not Trump's.
    requests = _deontic_requests(sent) + _warned_consequences(sent)
    asked = {m.trigger.i for m in requests}
    out = [m for m in out if not (m.trigger.i in asked and m.sense.type == "REQUEST")] + requests
    return sorted(out, key=lambda m: m.trigger.i)
