"""One article in, its events out: mentions coded, dated, placed, attributed and merged."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..config import Config
from ..kb.actors import ActorKB, get_actor_kb
from ..kb.countries import CountryTable, get_countries
from ..kb.places import Gazetteer, get_gazetteer
from ..records import Article, ArticleEvents, Attribution, DateValue, Entity, Event, Place
from ..records import Span as TextSpan
from ..store.dates import date_interval
from .attribution import claims_for
from .entities import EntityCoder, locality_noun, tag_names_throughout
from .lexicon import FACILITY_NOUNS, LOCALITY_NOUNS, NOT_PARTIES, REPORTING_VERBS
from .mentions import SPOKEN, Mention, find_mentions, judged_by_another
from .modality import ANNOUNCE, ANNOUNCED_TAKE_EFFECT, status_of
from .temporal import LOCAL_TIME, WEEKDAYS, resolve_expression
from .truecase import Truecaser, is_lowercased

log = logging.getLogger(__name__)

# Types whose trigger is a speech act: when the speaker is the actor, the
# saying is the event itself, not a claim about it.
SPEECH_ACTS = frozenset({"AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "CONCEDE"})
POOLED = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Types that are directed at someone: without a syntactic recipient, the
# nearest other named entity of the sentence is the best guess.
NEEDS_RECIPIENT = frozenset({"ACCUSE", "SANCTION", "ASSAULT", "COERCE", "REQUEST", "THREATEN", "SUPPORT",
                             "REJECT", "AID", "CONCEDE", "COOPERATE", "PROTEST"})
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "on"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Force crosses places: "fired a missile over Hokkaido", "air strikes over Idlib".
_FORCE_PREPS = frozenset({"over"})
_LOCAL_TIME = re.compile(f"^{LOCAL_TIME}$", re.I)
_FALLBACK_PREPS = frozenset({"in", "at", "near", "outside", "inside", "to", "into", "across", "from"})
_DATE_CLIMB = frozenset({"pobj", "prep", "npadvmod", "tmod", "nummod", "compound", "appos", "pcomp", "amod",
                         "advmod", "nmod", "quantmod", "conj", "cc", "det", "case"})


@dataclass(frozen=True, slots=True)
class Resources:
    """The knowledge the extractor reads; passed in so tests can use their own."""

    kb: ActorKB
    countries: CountryTable
    gazetteer: Gazetteer

    @classmethod
    def default(cls) -> Resources:
        return cls(get_actor_kb(), get_countries(), get_gazetteer())

    def truecaser(self) -> Truecaser:
        return _truecaser(self)


@functools.lru_cache(maxsize=2)
def _truecaser(res: Resources) -> Truecaser:
    # A one-word name is capitalised only when it is rarely an ordinary word: states and their
    # demonyms, organisations, and towns and regions of a million people or more ("mobile",
    # "split", "male", "may", "rice", "ban" stay as they are); longer names always are ("ban ki-moon",
    # "new delhi"): a phrase of several known words is a name.
    singles = res.countries.surface_forms() | res.kb.surface_forms(people=False) | res.gazetteer.names(1_000_000)
    phrases = res.kb.surface_forms() | res.gazetteer.names(100_000)
    return Truecaser(singles | {p for p in phrases if " " in p.strip() or "-" in p},
                     people=[person.name for person in res.kb.people()])


# "OFER PRISON, West Bank (Reuters) - ", "WASHINGTON —": a dateline is no part of the first sentence.
# A dateline opens the article or one of its paragraphs (web pages often put the
# title and an "Updated: ..." line above it).
_DATELINE = re.compile(
    r"^[ \t]*([A-Z][A-Z.'\- ]{2,}(?:,[ \t]*[A-Z][A-Za-z.'\- ]+){0,2})[ \t]*(\([^)\n]{1,40}\))?[ \t]*[-\u2013\u2014]+[ \t]",
    re.MULTILINE,
)


def blank_dateline(text: str) -> tuple[str, str | None]:
    """The text with its datelines replaced by spaces (offsets stay valid), and the first dateline's place."""
    found = list(_DATELINE.finditer(text))
    if not found:
        return text, None
    chars = list(text)
    for match in found:
        chars[match.start():match.end()] = " " * (match.end() - match.start())
    return "".join(chars), found[0].group(1).strip(" -\u2013\u2014")


def parse_anchor(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _governing_chain(trigger: Token) -> list[Token]:
    """The trigger and the words that govern it up to a reporting verb (exclusive)."""
    chain = [trigger]
    tok = trigger
    while tok.head.i != tok.i and len(chain) < 8:  # (spaCy makes a new Token object per access: no `is`)
        head = tok.head
        if head.lemma_.lower() in REPORTING_VERBS and head.pos_ == "VERB":
            break
        if tok.dep_ in ("ccomp", "parataxis", "relcl", "advcl"):
            break
        chain.append(head)
        tok = head
    return chain


def _attachment(tok: Token) -> Token:
    while tok.dep_ in _DATE_CLIMB and tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX", "NOUN", "PROPN") and tok.dep_ not in ("pobj", "compound", "appos", "conj"):
            break
    return tok


def _scope_ids(trigger: Token) -> set[int]:
    """Tokens whose time or place modifiers describe the event: its governing
    chain, plus the clauses that describe a nominal trigger ("a meeting, which
    is set to take place next month")."""
    ids = {t.i for t in _governing_chain(trigger)}
    if trigger.pos_ in ("NOUN", "PROPN"):
        ids |= {c.i for c in trigger.children if c.dep_ in ("relcl", "acl")}
    return ids


def _reporting_ids(sent: Span) -> set[int]:
    return {t.i for t in sent if t.lemma_.lower() in REPORTING_VERBS and t.pos_ == "VERB"}


def _time_expressions(sent: Span) -> Iterator[tuple[Span, str]]:
    """The sentence's DATE/TIME entities with their text; two weekdays the
    tagger split at a conjunction are read as one ("last Wednesday" + "and" +
    "Thursday")."""
    ents = [e for e in sent.ents if e.label_ in ("DATE", "TIME")]
    skip = False
    for ent, nxt in zip(ents, ents[1:] + [None]):
        if skip:
            skip = False
            continue
        between = ent.doc[ent.end:nxt.start] if nxt is not None else None
        if between is not None and len(between) == 1 and between[0].lower_ in ("and", "through", "to", "-", "until") \
                and ent.root.lower_ in WEEKDAYS and nxt.root.lower_ in WEEKDAYS:
            skip = True
            yield ent, f"{ent.text} {between[0].text} {nxt.text}"
        elif ent.end < sent.end and ent.doc[ent.end].lower_ == "after" and ent.root.lower_ in ("days", "weeks"):
            yield ent, f"{ent.text} after"  # "just days after the Council passed sanctions"
        elif ent.root.lower_ in WEEKDAYS and (n := _local_time_after(ent, sent)):
            yield ent, ent.doc[ent.start:ent.end + n].text  # "Friday morning local time"
        else:
            yield ent, ent.text


def _local_time_after(ent: Span, sent: Span) -> int:
    """How many tokens after a weekday say "(morning) local time" (0 if none)."""
    for n in (2, 3):
        if ent.end + n <= sent.end and _LOCAL_TIME.match(ent.doc[ent.end:ent.end + n].text):
            return n
    return 0


def _since_clause(verb: Token, chain_ids: set[int]) -> bool:
    """The time's verb is a "since" clause of the event ("had been pressing Turkey to extradite
    him since he was detained"). It tells how long a state has lasted, so it belongs to the
    finite verb, through any infinitive the parser hung it from."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children):
        return False
    head = verb.head
    while head.dep_ in ("xcomp", "advcl") and head.tag_ == "VB" and head.head.i != head.i:
        head = head.head
    return head.i in chain_ids


def _find_date(trigger: Token, sent: Span, anchor: dt.date | None, tense: str | None, *,
               speech_act: bool = False, planned: bool = False) -> tuple[DateValue | None, bool]:
    """The time expression that modifies the event; failing that, the sentence's
    one time expression that modifies no report verb (news sentences rarely
    carry two unrelated times). The flag says whether the date modifies the
    event itself (only such a date may make it planned). For a planned event,
    a time over by publication that modifies a verb above it is the planning's
    ("pressed on Friday to cancel the upcoming summit")."""
    chain_ids = _scope_ids(trigger)
    own_ids = chain_ids - {t.i for t in _governing_chain(trigger)[1:]} | {trigger.i}
    reporting = _reporting_ids(sent)
    if speech_act:
        # A speech act happens when it is said: "Salih said on Monday".
        chain_ids |= {a.i for a in trigger.ancestors if a.i in reporting}
    best: tuple[tuple[bool, int], DateValue] | None = None
    fallback: list[tuple[int, str]] = []
    for ent, text in _time_expressions(sent):
        attached = _attachment(ent.root)
        prev = ent.start - 1
        if prev >= sent.start and ent.doc[prev].dep_ == "prep" and ent.root.head.i == prev:
            text = ent.doc[prev].text + " " + text  # "since October" is not "October"
        if attached.i not in chain_ids and _since_clause(attached, chain_ids):
            # "pressing Turkey since he was detained two years ago": from that time on.
            since = resolve_expression(text, anchor, tense="past")
            if since is not None:
                best = ((False, 0), DateValue(since.value, "after", since.text))
            continue
        if attached.i not in chain_ids:
            # A time that names a thing ("the Sept. 11 attacks", "the 2016 election") dates only that thing.
            naming = ent.root.dep_ in ("compound", "nmod", "amod") and ent.root.head.pos_ in ("NOUN", "PROPN") \
                and ent.root.head.ent_type_ not in ("DATE", "TIME")
            if attached.i not in reporting and not naming:
                fallback.append((abs(ent.root.i - trigger.i), text))
            continue
        value = resolve_expression(text, anchor, tense=tense)
        if value is None or (planned and attached.i not in own_ids and _over_by(value, anchor)):
            continue
        # The time of the event's own word comes first, then the nearest up its chain: "indicted
        # her on Monday for punching a soldier two weeks ago" dates the punch two weeks back.
        distance = (attached.i not in own_ids, abs(ent.root.i - trigger.i))
        if best is None or distance < best[0]:
            best = (distance, value)
    if best is not None:
        return best[1], True
    if len(fallback) == 1:
        return resolve_expression(fallback[0][1], anchor, tense=tense), False
    return None, False


class PlaceReader:
    """The article's place names, resolved together once (each read in the
    light of the others and the dateline: "Paris" beside "Texas"), and looked
    up by text wherever an event needs one."""

    def __init__(self, doc: Doc, res: Resources, context: Sequence[str], dateline_country: str | None):
        self.res = res
        self.context = context
        # "the town of Kilis", "the Chibok town": the text says these are places, whatever
        # the tagger took the name for (it often reads a small town as a person).
        self.localities = {span.start: span for span in _locality_names(doc)}
        # One name, one sense in an article: "the town of Chibok" makes "the Chibok kidnapping" a place too.
        self.locality_texts: dict[str, Span] = {}
        for span in self.localities.values():
            self.locality_texts.setdefault(span.text, span)
        texts = list(dict.fromkeys([e.text for e in doc.ents if e.label_ in _PLACE_LABELS]
                                   + list(self.locality_texts)))
        matches = res.gazetteer.resolve_many(texts, context_countries=context, dateline_country=dateline_country)
        self.readings = dict(zip(texts, matches))
        # The localities the article names, by their kind: "a village in the West Bank" is the one village named.
        self.by_kind: dict[str, set[str]] = {}
        for span in self.localities.values():
            noun = locality_noun(span.root)
            if noun is not None:
                self.by_kind.setdefault(noun.lemma_.lower(), set()).add(span.text)
        self.facilities: dict[int, tuple[Span, Place]] = {}
        for span in _facility_names(doc):
            town = span[:-1].text
            match = self.readings.get(town) or res.gazetteer.resolve(town, context_countries=context,
                                                                      dateline_country=dateline_country)
            if match is not None and match.country and match.kind != "country":
                self.facilities[span.start] = (span, Place(name=span.text, country=match.country, text=span.text))

    def spans(self, sent: Span) -> list[Span]:
        """The sentence's place names: tagged places and named localities."""
        # "the West Bank village of Nabi Saleh": the region only says where the village lies.
        tagged = [e for e in sent.ents if e.label_ in _PLACE_LABELS and not _locates_a_locality(e.root)]
        starts = {e.start for e in tagged}
        extra = [s for i, s in self.localities.items() if sent.start <= i < sent.end and i not in starts]
        starts |= {s.start for s in extra}
        extra += [e for e in sent.ents if e.text in self.locality_texts and e.start not in starts]
        # "at Manchester airport": the facility, not the town it is named after.
        facilities = [s for i, (s, _) in self.facilities.items() if sent.start <= i < sent.end]
        inside = {t.i for s in facilities for t in s}
        found = [e for e in tagged + extra if e.start not in inside]
        return sorted(found + facilities, key=lambda e: e.start)

    def at(self, tok: Token) -> Place | None:
        """The place named by the place phrase a token belongs to ("from Sunan", "to Syria")."""
        span = next((e for e in self.spans(tok.sent) if e.start <= tok.i < e.end), None)
        return self.of(span) if span is not None else None

    def of(self, ent: Span) -> Place | None:
        facility = self.facilities.get(ent.start)
        if facility is not None and facility[0].end == ent.end:
            return facility[1]
        if ent.text in self.readings:
            match = self.readings[ent.text]
        else:
            match = self.res.gazetteer.resolve(ent.text, context_countries=self.context)
        if match is None:
            if ent.text in self.locality_texts:
                # A town the gazetteer lacks: named as the text names it, in the country the phrase
                # names ("the West Bank village of Nabi Saleh") or else the one the article is about.
                country = self._region_country(self.locality_texts[ent.text]) or (
                    self.context[0] if self.context else None)
                return Place(name=ent.text, country=country, text=ent.text) if country else None
            return None
        return Place(name=match.name, country=match.country, text=ent.text, geonameid=match.geonameid,
                     lat=match.lat, lon=match.lon)

    def described(self, ent: Span, place: Place) -> Place:
        """"a village in the occupied West Bank": the one village of that region the article
        names ("the West Bank village of Nabi Saleh"), rather than the region."""
        root = _place_root(ent.root)
        noun = root.head.head
        if root.dep_ != "pobj" or root.head.lower_ != "in" or noun.pos_ != "NOUN" \
                or noun.lemma_.lower() not in LOCALITY_NOUNS \
                or any(c.pos_ == "PROPN" or (c.dep_ == "prep" and c.lower_ == "of") for c in noun.children):
            return place
        names = self.by_kind.get(noun.lemma_.lower(), set())
        if len(names) != 1:
            return place
        found = self.of(self.locality_texts[next(iter(names))])
        return found if found is not None and found.country == place.country else place

    def named_by(self, tok: Token) -> Place | None:
        """The place a modifier names, when it names a place and no actor: "the Chibok
        kidnapping", "the Benghazi attack" (towns), not "the US strikes" (a state)."""
        doc = tok.doc
        span = next((e for e in doc.ents if e.start <= tok.i < e.end), None) or doc[tok.i:tok.i + 1]
        if span.text in self.locality_texts:
            return self.of(span)
        if self.res.countries.lookup(span.text) is not None or self.res.kb.match(span.text, None) is not None:
            return None
        match = self.readings.get(span.text) or self.res.gazetteer.resolve(span.text, context_countries=self.context)
        if match is None or match.kind == "country":
            return None
        return Place(name=match.name, country=match.country, text=span.text, geonameid=match.geonameid,
                     lat=match.lat, lon=match.lon)

    def _region_country(self, name: Span) -> str | None:
        noun = locality_noun(name.root)
        if noun is None:
            return None
        inside = {t.i for t in noun.subtree}
        for ent in name.doc.ents:
            if ent.label_ in _PLACE_LABELS and ent.root.i in inside and ent.start != name.start:
                match = self.res.gazetteer.resolve(ent.text, context_countries=self.context)
                if match is not None and match.country:
                    return match.country
        return None


def _locates_a_locality(tok: Token) -> bool:
    """A region named as the modifier of "village of X", "town of X"."""
    noun = tok.head
    return tok.dep_ == "compound" and noun.lemma_.lower() in LOCALITY_NOUNS and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.children) for c in noun.children)


def _locality_names(doc: Doc) -> Iterator[Span]:
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.ent_type_ in ("DATE", "TIME", "NORP") or locality_noun(tok) is None \
                or _locates_a_locality(tok):
            continue
        ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            yield ent
        else:
            start = tok.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
                start -= 1
            yield doc[start:tok.i + 1]


def _facility_names(doc: Doc) -> Iterator[Span]:
    """"Manchester airport", "Ofer prison": a facility noun after the name of its town."""
    for tok in doc:
        if tok.lemma_.lower() not in FACILITY_NOUNS or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        start = tok.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].head.i == tok.i and doc[start - 1].text[:1].isupper():
            start -= 1
        if start < tok.i:
            yield doc[start:tok.i + 1]


def _place_root(tok: Token) -> Token:
    """The phrase a place name heads as an argument: "the town of Kilis" and
    "Japan's northern island Hokkaido" stand where the name would ("in the town of Kilis")."""
    for _ in range(2):
        noun = tok.head if tok.dep_ == "appos" else tok.head.head if (
            tok.dep_ == "pobj" and tok.head.lower_ == "of") else locality_noun(tok)
        if noun is None or noun.pos_ != "NOUN" or noun.ent_type_ in _PLACE_LABELS:
            break
        tok = noun
    return tok


def _find_place(trigger: Token, sent: Span, places: PlaceReader,
                used: set[int] = frozenset(), *, speech_act: bool = False, force: bool = False) -> Place | None:
    """Where the event happens: a place phrase in its scope ("met in Helsinki",
    "a visit to Moscow"; a statement is made where it is said: "told reporters
    at a forum in Baghdad"); failing that, the nearest locative place phrase
    that names no actor."""
    chain_ids = _scope_ids(trigger)
    if speech_act:
        chain_ids |= {a.i for a in trigger.ancestors if a.i in _reporting_ids(sent)}
    fallback: list[Span] = []
    fallback_preps = _FALLBACK_PREPS | _FORCE_PREPS if force else _FALLBACK_PREPS
    for ent in places.spans(sent):
        root = _place_root(ent.root)
        prep = root.head
        if root.dep_ == "pobj" and prep.lower_ in _PLACE_PREPS and prep.head.i in chain_ids:
            ok = True
        elif root.dep_ == "pobj" and prep.lower_ == "to" and prep.head.i == trigger.i and trigger.lemma_ in (
            "visit", "trip", "travel"
        ):
            ok = True
        elif root.dep_ == "dobj" and root.head.i == trigger.i and trigger.lemma_ == "visit":
            ok = True
        else:
            ok = False
            if root.i not in used and not _in_other_time(root, chain_ids) and (
                (root.dep_ == "pobj" and prep.lower_ in fallback_preps)
                or (root.dep_ == "appos" and root.head.ent_type_ in _PLACE_LABELS)
            ):
                fallback.append(ent)
        if ok:
            place = places.of(ent)
            if place is not None:
                return places.described(ent, place)
    # Otherwise the locative place phrase nearest the trigger, one inside its own phrase first
    # ("meeting with allies in Brussels; meeting with May in England").
    own = {t.i for t in trigger.subtree}
    for ent in sorted(fallback, key=lambda e: (e.root.i not in own, abs(e.root.i - trigger.i))):
        place = places.of(ent)
        if place is not None:
            return places.described(ent, _narrowed(place, ent, places))
    return None


def _in_other_time(tok: Token, chain_ids: set[int]) -> bool:
    """A place in a clause set at another time than the event ("battling Isis before
    crossing into Iraq"): where the event was is not said there."""
    for anc in tok.ancestors:
        if anc.i in chain_ids:
            return False
        if anc.pos_ == "VERB" and anc.dep_ == "pcomp" and anc.head.lower_ in ("before", "after", "until", "since"):
            return True
    return False


def _narrowed(place: Place, ent: Span, places: PlaceReader) -> Place:
    """The more precise place the same phrase names: "the Kilis criminal court in Turkey"
    sits in Kilis, a town of the Turkey it is said to be in."""
    if places.res.countries.lookup(ent.text) is None:
        return place
    holder = _place_root(ent.root).head.head
    for child in holder.children:
        if child.dep_ in ("compound", "nmod", "amod") and child.pos_ == "PROPN":
            inner = places.named_by(child)
            if inner is not None and inner.country == place.country:
                return inner
    return place


def _keys(entities: Sequence[Entity]) -> frozenset[str]:
    return frozenset(e.country or (e.name or "").lower() for e in entities if e.country or e.name)


_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})


def _tense(status: str, cue: str | None = None, trigger: Token | None = None) -> str | None:
    """Which way relative times point: forward for planned events and for events
    under "will", whatever their status ("will not meet ... in March")."""
    if status == "planned" or (cue or "").lower() in _FUTURE_AUX:
        return "future"
    if trigger is not None and any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX
                                   for t in _governing_chain(trigger) for c in t.children):
        return "future"
    # What may happen may lie either way: the nearer occurrence ("an offer to hold talks on January 9").
    return None if status == "possible" else "past"


def _is_future(value: DateValue, anchor: dt.date | None) -> bool:
    if anchor is None:
        return False
    start = value.value.split("/")[0]
    try:
        if len(start) == 4:
            return int(start) > anchor.year
        if len(start) == 7:
            return (int(start[:4]), int(start[5:7])) > (anchor.year, anchor.month)
        if len(start) == 10:
            return dt.date.fromisoformat(start) > anchor
    except ValueError:
        return False
    return False


def _across_time_zones(value: DateValue, anchor: dt.date | None) -> bool:
    """The day after publication: what happened "Friday morning local time" in
    Asia is reported on Thursday in New York, so it is no sign of a plan."""
    return anchor is not None and value.value == (anchor + dt.timedelta(days=1)).isoformat()


def _refuses_to_meet(event: Event, trigger: Token) -> bool:
    """A meeting its actor says will not happen: "will not meet", "won't meet"."""
    if event.type != "CONSULT" or event.status != "negated" or trigger.pos_ != "VERB":
        return False
    aux = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "neg")}
    return bool(aux & _FUTURE_AUX) and bool(aux & {"not", "n't", "never"})


def _over_by(value: DateValue, anchor: dt.date | None) -> bool:
    """The time ends on or before the publication day."""
    end = date_interval(value.value, value.mod)[1]
    return anchor is not None and end is not None and end <= anchor


def _is_past(value: DateValue, anchor: dt.date | None) -> bool:
    end = date_interval(value.value, value.mod)[1]
    return anchor is not None and end is not None and end < anchor


class ArticleExtractor:
    """Codes the events of one parsed article."""

    def __init__(self, article: Article, doc: Doc, res: Resources):
        self.article = article
        self.doc = doc
        self.res = res
        self.anchor = parse_anchor(article.published)
        tag_names_throughout(doc, res.kb, self.anchor, res.gazetteer)
        self.context_countries = self._article_countries()
        self.coder = EntityCoder(res.kb, res.countries, self.anchor, gazetteer=res.gazetteer,
                                 home=self.context_countries[0] if self.context_countries else None)
        self.dateline_place = self._dateline_place()
        self.places = PlaceReader(doc, res, self.context_countries,
                                  self.dateline_place.country if self.dateline_place else None)
        self.coder.set_setting(self._setting())

    def _dateline_place(self) -> Place | None:
        """The place of the article's dateline ("BEIJING --"), the default place of its events."""
        _, dateline = blank_dateline(self.article.text)
        if not dateline:
            return None
        parts = [p.strip() for p in dateline.split(",")]
        head = parts[0].title()
        match = self.res.gazetteer.resolve(head, context_countries=self.context_countries)
        if match is None:
            # "OFER PRISON, West Bank": a place the gazetteer lacks, in a region it knows.
            region = next((m for m in (self.res.gazetteer.resolve(p) for p in parts[1:]) if m is not None), None)
            if region is None or not region.country:
                return None
            return Place(name=head, country=region.country, text=dateline)
        return Place(name=match.name, country=match.country, text=head,
                     geonameid=match.geonameid, lat=match.lat, lon=match.lon)

    def _article_countries(self) -> list[str]:
        seen: dict[str, int] = {}
        for ent in self.doc.ents:
            if ent.label_ in ("GPE", "NORP"):
                found = self.res.countries.lookup(ent.text)
                if found is not None:
                    seen[found.iso3] = seen.get(found.iso3, 0) + 1
        self._country_mentions = seen
        return sorted(seen, key=lambda k: -seen[k])

    def _setting(self) -> dict[str, int]:
        """Mentions per state: the state named, or the state a named place lies in."""
        counts = dict(self._country_mentions)
        for ent in self.doc.ents:
            if ent.label_ in _PLACE_LABELS and self.res.countries.lookup(ent.text) is None:
                place = self.places.of(ent)
                if place is not None and place.country:
                    counts[place.country] = counts.get(place.country, 0) + 1
        return counts

    def events(self) -> list[Event]:
        raw: list[Event] = []
        occasions: list[tuple[frozenset[str], Place]] = []
        speakers: list[tuple[int, list[Entity]]] = []
        scenes: list[tuple[int, frozenset[str], frozenset[str], Place | None]] = []
        self.coder.read_nationalities(self.doc)
        self.coder.read_lede(self.doc)
        self.coder.read_institutions(self.doc)
        for sent in self.doc.sents:
            self.coder.observe(sent)
            occasions.extend(self._speaking_places(sent))
            speakers.append((sent.start_char, self._named_speakers(sent)))
            self._launched_from(sent, raw)
            # Who a sentence is about matters only after a sentence that took someone somewhere.
            went = scenes[-1][3] is not None if scenes else False
            scenes.append((sent.start_char, *self._subject_and_journey(sent, about=went)))
            for mention in find_mentions(sent):
                if mention.anaphoric and self._refer_back(mention, sent, raw):
                    continue
                event = self._event(mention, sent)
                if event is not None and _strikes_back(mention):
                    event = _answering(event, raw)
                if event is not None:
                    raw.append(event)
                    if _refuses_to_meet(event, mention.trigger):
                        # "Obama will not meet Netanyahu" is also a refusal: REJECT meet (event-record.md).
                        raw.append(replace(event, type="REJECT", mode="meet", status="occurred",
                                           context=("diplomatic",)))
                    if mention.actors:
                        self.coder.memory.last_event_actors = list(event.actor)
                elif mention.sense.pos == "N" and not mention.actors:
                    self._refer_back(mention, sent, raw)
                elif mention.sense.pos == "N" and mention.mode:
                    # "since the Chibok kidnapping": a place names the event, not who did it; it is
                    # the kidnapping already told, which happened there.
                    named = [self.places.named_by(t) for t in mention.actors
                             if t.head.i == mention.trigger.i and t.dep_ in ("compound", "amod", "nmod")]
                    if named and len(named) == len(mention.actors) and all(named):
                        self._refer_back(mention, sent, raw, place=named[0])
        raw = _voiced_by_their_speaker(raw, speakers)
        raw = _where_they_went(raw, scenes)
        raw = _said_where_they_speak(raw, occasions)
        raw = _paragraph_time(_reactions_share_the_day(raw), self.article.text)
        raw = _paragraph_place(raw, self.article.text, self.dateline_place, self.anchor)
        return merge_events(_denials_answer_accusers(raw))

    def _launched_from(self, sent: Span, raw: list[Event]) -> None:
        """"The missile was launched from Sunan": where the latest launch already told of
        took place. A launch site says where a test or launch happened better than the land
        the missile flew over, so it replaces that."""
        for verb in sent:
            if verb.lemma_.lower() not in ("launch", "fire") or not any(c.dep_ == "auxpass" for c in verb.children):
                continue
            weapon = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            origin = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                           for g in c.children if g.dep_ == "pobj"), None)
            if weapon is None or origin is None or weapon.lemma_.lower() not in ("missile", "rocket"):
                continue
            site = self.places.at(origin)
            if site is None:
                continue
            # The launch of the news, not an earlier one the article recalls ("the launch on Aug. 29").
            recent = self.anchor - dt.timedelta(days=_DATELINE_DAYS) if self.anchor else None
            for i in range(len(raw) - 1, -1, -1):
                event = raw[i]
                if event.type == "MOBILIZE" and weapon.lemma_.lower() in event.trigger.lower() and (
                        event.date is None or recent is None or not _is_past(event.date, recent)):
                    raw[i] = replace(event, place=site)
                    break

    def _subject_and_journey(self, sent: Span, *, about: bool = True
                             ) -> tuple[frozenset[str], frozenset[str], Place | None]:
        """Who the sentence is about (its main subject; read only if `about`), and who
        travelled where in it ("Robinson ... travelled to Syria"): the keys of each, and the
        destination."""
        subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if about else None
        keys = _keys(self.coder.code_quietly(subject)) if subject is not None else frozenset()
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in _JOURNEY:
                continue
            mover = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            goal = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "into")
                         for g in c.children if g.dep_ == "pobj"), None)
            if mover is None or goal is None:
                continue
            place = self.places.at(goal)
            if place is not None:
                return keys, _keys(self.coder.code_quietly(mover)), place
        return keys, frozenset(), None

    def _named_speakers(self, sent: Span) -> list[Entity]:
        """The named people a sentence reports speaking ("Kremlin spokesman Dmitry Peskov was
        quoted as saying", "with press secretary Yoon Young-chan saying")."""
        out = []
        for verb in sent:
            if verb.pos_ == "VERB" and verb.lemma_.lower() in REPORTING_VERBS:
                for subj in verb.children:
                    if subj.dep_ in ("nsubj", "nsubjpass") and subj.pos_ in ("PROPN", "NOUN"):
                        # A head of state or government speaks for themself: their words are their own events.
                        found = [e for e in self.coder.code(subj, expand=False)
                                 if e.name and not self.coder.is_leader(e)]
                        words = [t for t in subj.subtree if t.ent_type_ != "PERSON"]
                        if found and any(v in " ".join(t.lower_ for t in words) for v in _VOICES) \
                                and not any(t.ent_type_ in ("NORP", "GPE", "ORG", "FAC") for t in words) \
                                and self.res.kb.person(found[0].name, self.anchor) is None:
                            # "chief presidential press secretary Yoon Young-chan": a voice whose
                            # state the words leave unsaid; it speaks for the statement's body.
                            found = [replace(found[0], country=None)]
                        else:
                            found = [e for e in found if e.country]
                        out.extend(found)
        return out

    def _speaking_places(self, sent: Span) -> list[tuple[frozenset[str], Place]]:
        """Where a speaker spoke: "Salih told reporters at a forum in Baghdad"."""
        out = []
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in REPORTING_VERBS:
                continue
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.pos_ == "PRON":
                continue
            place = None
            for tok in verb.subtree:
                if tok.ent_type_ in _PLACE_LABELS and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at") and (
                        _governing_verb(tok).i == verb.i):
                    ent = next((e for e in sent.ents if e.start <= tok.i < e.end), None)
                    place = self.places.of(ent) if ent is not None else None
                    break
            if place is not None:
                keys = _keys(self.coder.code(subj, expand=False))
                if keys:
                    out.append((keys, place))
        return out

    def _there(self, trigger: Token) -> Place | None:
        """"was detained there": the place named last before the adverb."""
        chain = _scope_ids(trigger)
        there = next((c for i in chain for c in self.doc[i].children
                      if c.lower_ == "there" and c.dep_ == "advmod"), None)
        if there is None:
            return None
        for ent in reversed([e for e in self.doc.ents if e.end <= there.i and e.label_ in _PLACE_LABELS]):
            place = self.places.of(ent)
            if place is not None:
                return place
        return None

    def _nearest_other(self, trigger: Token, sent: Span, actor_keys: frozenset[str], *,
                       speech: bool = True, skip: set[int] = frozenset()) -> list[Entity]:
        """The political entity named nearest the trigger that is not the actor,
        for types that are directed at someone ("condemned the test"). Who reports
        an act ("..., NPR's correspondent reports") is no party to it unless it is said."""
        best: tuple[int, Entity] | None = None
        reporters = {c.i for v in sent if v.pos_ == "VERB" and v.lemma_.lower() in REPORTING_VERBS
                     for c in v.children if c.dep_ == "nsubj"}
        for index, ent in self.coder.sentence_entities(sent):
            key = ent.country or (ent.name or "").lower()
            if not key or key in actor_keys or index in skip or self._is_locative(sent.doc[index]) \
                    or self._is_outlet(ent) or (not speech and index in reporters):
                continue
            distance = abs(index - trigger.i) + (0 if index > trigger.i else 3)
            if best is None or distance < best[0]:
                best = (distance, ent)
        return [best[1]] if best else []

    def _is_outlet(self, ent: Entity) -> bool:
        """A news outlet named in the sentence ("seen by Reuters") reports events; it is no guess for a party."""
        match = self.res.kb.match(ent.text, self.anchor)
        return match is not None and match.kind == "media"

    def _is_locative(self, tok: Token) -> bool:
        """A town or region named as where something happens ("a campaign in
        Afrin"): a place, not a party to the event. A state so named may still be one."""
        return tok.ent_type_ in _PLACE_LABELS and _place_root(tok).dep_ == "pobj" \
            and _place_root(tok).head.lower_ in _PLACE_PREPS and self.res.countries.lookup(tok.text) is None

    def _article_counterpart(self, actor_keys: frozenset[str]) -> list[Entity]:
        """For a directed event whose sentence names no one else: the country the
        article most often pits against the actor, or, in a one-country story,
        the actor's own country (a domestic event)."""
        for country in self.context_countries[:3]:
            if country not in actor_keys and self._country_mentions.get(country, 0) >= 2:
                return [self._country_entity(country)]
        own = next((k for k in actor_keys if len(k) == 3 and k.isupper()), None)
        return [self._country_entity(own)] if own else []

    def _country_entity(self, iso3: str) -> Entity:
        """A state inferred from the article, not named in the sentence: its text is its name."""
        found = self.res.countries.by_iso3(iso3)
        return Entity(text=found.name if found else iso3, name=None, country=iso3, sector="GOV")

    def _refer_back(self, m: Mention, sent: Span, raw: list[Event], place: Place | None = None) -> bool:
        """A bare "the meeting" names an event already coded: it adds its date,
        place and claimants to that event rather than making a new one. "The
        upcoming summit" names a planned event, never a past one. A mention that
        names its place ("the Chibok kidnapping") names an event of its own mode."""
        own = status_of(m.trigger, m.sense.type).status
        for i in range(len(raw) - 1, max(-1, len(raw) - 8), -1):
            prior = raw[i]
            if prior.type != m.sense.type or (prior.mode and m.mode and prior.mode != m.mode):
                continue
            if place is not None and prior.mode != m.mode:
                continue
            if own == "planned" and prior.status != "planned":
                continue
            tense = _tense(prior.status)
            claims, hedged = claims_for(m.trigger, self.res.kb, is_speech_act=False, same_actor=lambda t: False)
            attribution = tuple(dict.fromkeys(prior.attribution + tuple(c.attribution for c in claims)))
            raw[i] = replace(
                prior,
                attribution=attribution,
                sourcing="attributed" if attribution else prior.sourcing,
                date=prior.date or _find_date(m.trigger, sent, self.anchor, tense)[0],
                place=prior.place or place or _find_place(m.trigger, sent, self.places),
            )
            return True
        return False

    def _event(self, m: Mention, sent: Span) -> Event | None:
        actors: list[Entity] = []
        named_place = None
        for tok in m.actors:
            if m.sense.pos == "N" and tok.head.i == m.trigger.i and tok.dep_ in ("compound", "amod", "nmod"):
                named_place = self.places.named_by(tok)
                if named_place is not None:
                    continue  # "the Chibok kidnapping" happened in Chibok; Chibok did not kidnap
            actors.extend(self.coder.code(tok))
        recipients: list[Entity] = []
        for tok in m.recipients:
            if tok.lemma_.lower() in NOT_PARTIES or tok.ent_type_ == "FAC":
                # "launches against UN resolutions" defy the resolutions; they do not target the UN;
                # a station or building closed by protests is where they happened, not whom they were against.
                continue
            recipients.extend(self.coder.code(tok) or self.coder.code_within(tok) or self.coder.code_people(tok))
        actor_keys = _keys(actors)
        guessed_actor = False
        # "dozens were killed", "families of those killed": a passive or a bare participle.
        passive = m.sense.pos == "V" and (any(c.dep_ == "auxpass" for c in m.trigger.children)
                                          or (m.trigger.tag_ == "VBN" and m.trigger.dep_ == "acl"))
        undergone = m.trigger.dep_ == "pobj" and m.trigger.head.lower_ == "under"  # "under threat": by whom, unsaid
        if not actor_keys and passive and m.mode in ("convict", "arrest") and m.trigger.dep_ not in ("relcl", "acl"):
            # "He was jailed for eight years in Turkey": arrests and sentences no one is named
            # for are the doing of the state where they happen (its courts, its police).
            # (not where the held person is from: "Joe Robinson, formerly of Accrington, was sentenced";
            # not in a clause describing someone: "a journalist who was arrested last year")
            where = _find_place(m.trigger, sent, self.places, {t.i for r in m.recipients for t in r.subtree})
            if where is not None and where.country:
                state = self._country_entity(where.country)
                actors = [replace(state, sector="JUD" if m.mode == "convict" else "COP")]
                actor_keys = _keys(actors)
                guessed_actor = True  # inferred, not read: it scores lower than the sentence's own events
        if not actor_keys and not m.actors and (m.sense.pos == "V" or m.recipients) and not (
                passive and m.sense.type == "ASSAULT") and not undergone and not judged_by_another(m.trigger):
            # ("dozens were killed" names no killer: not guessed from the sentence's other names.)
            # No syntactic actor: the nearest named political entity that is not
            # the recipient is the best guess; such events score lower. A bare
            # noun ("a meeting") with no participant at all is not guessed for:
            # measured, that invents more events than it finds.
            actors = self._nearest_other(m.trigger, sent, _keys(recipients), speech=m.sense.type in SPEECH_ACTS)
            actor_keys = _keys(actors)
            guessed_actor = True
        if not actor_keys and m.sense.type == "PROTEST" and self.coder.home:
            # Protesters are rarely named: they are civilians of the country they protest in.
            place = _find_place(m.trigger, sent, self.places)
            country = place.country if place is not None and place.country else self.coder.home
            actors = [Entity(text="protesters", name=None, country=country, sector="CVL")]
            actor_keys = _keys(actors)
        if not actor_keys:
            return None
        if m.sense.type in POOLED and _keys(recipients) <= actor_keys:
            recipients = []
        guessed_recipient = from_article = False
        if m.sense.lemma == SPOKEN and m.recipients and not _keys(recipients):
            return None  # "lower costs should lead to better results": a forecast, not a demand of anyone
        if not _keys(recipients) and m.sense.type in NEEDS_RECIPIENT:
            # What is requested is not whom it is asked of: "Australia's request for the extradition of
            # an Islamic State suspect" asks Turkey, not Islamic State.
            content = {t.i for t in m.trigger.subtree} if m.sense.pos == "N" and m.sense.type == "REQUEST" else set()
            recipients = self._nearest_other(m.trigger, sent, actor_keys, skip=content)
            if not recipients and m.sense.type != "REJECT":
                # (A denial with no one named answers its accuser: see _denials_answer_accusers.)
                recipients, from_article = self._article_counterpart(actor_keys), True
            guessed_recipient = True
        # A recipient that is the actor again is dropped; civilians of the
        # actor's own country are not the actor ("Boko Haram kidnapped girls").
        recipients = [r for r in recipients if (r.country or r.name) and
                      (m.sense.type in POOLED or (r.country or r.name.lower()) not in actor_keys
                       or r.name != next((a.name for a in actors if a.country == r.country), None)
                       or (r.sector == "CVL" and all(a.sector != "CVL" for a in actors)))]
        modality = status_of(m.trigger, m.sense.type)
        status = modality.status
        if m.sense.lemma in ("imperative", SPOKEN):
            status = "occurred"  # a command, a demand, a warning was given, whatever it says
        actor_tokens = {t.i for tok in m.actors for t in tok.subtree}

        voices: list[Entity] = []

        def same_actor(speaker: Token) -> bool:
            if speaker.i in actor_tokens:
                return True
            coded = self.coder.code(speaker, expand=False)
            if _keys(coded) & actor_keys:
                voices.extend(e for e in coded if e.name)
                return True
            return False

        claims, hedged = claims_for(m.trigger, self.res.kb, is_speech_act=m.sense.type in SPEECH_ACTS,
                                    same_actor=same_actor)
        if voices and not any(a.name for a in actors):
            # "China opposes the launches, spokeswoman Hua Chunying said": the
            # state speaks through her; both are the actor (event-record gold).
            actors = list(dict.fromkeys(actors + voices))
        attribution = tuple(dict.fromkeys(c.attribution for c in claims))
        sourcing = "attributed" if attribution else ("reported" if hedged else "direct")
        speech = m.sense.type in SPEECH_ACTS
        # A measure announced is taken when announced ("announced sanctions ... in 2015"): the
        # announcing verb's time is the event's, as a speech act's report verb's is.
        announced = m.sense.type in ANNOUNCED_TAKE_EFFECT and m.trigger.dep_ == "dobj" \
            and m.trigger.head.lemma_.lower() in ANNOUNCE
        date, scoped = _find_date(m.trigger, sent, self.anchor, _tense(status, modality.cue, m.trigger),
                                   speech_act=speech or announced, planned=status == "planned")
        # Only a time expression that modifies the event itself may make it planned;
        # a statement (an invitation "to visit in 2019") happens when it is made.
        if scoped and status == "occurred" and not speech and _is_future(date, self.anchor) \
                and not _across_time_zones(date, self.anchor):
            status = "planned"
        if status == "planned" and date is not None and _is_past(date, self.anchor):
            date = None  # the time of the planning ("pressed on Friday to cancel the upcoming summit")
        used = {tok.i for tok in m.actors + m.recipients}
        place = named_place or _find_place(m.trigger, sent, self.places, used, speech_act=speech,
                                           force=m.sense.type in ("MOBILIZE", "ASSAULT")) or self._there(m.trigger)
        confidence = m.sense.weight * (0.9 if recipients else 0.75)
        if any(t.pos_ == "PRON" for t in m.actors):
            confidence *= 0.85
        if guessed_actor and from_article:
            return None  # no participant in the parse and no one else in the sentence: too little to code
        if guessed_actor:
            confidence *= 0.6
        if guessed_recipient:
            confidence *= 0.8
        return Event(
            type=m.sense.type, trigger=m.trigger_text, evidence=TextSpan(sent.start_char, sent.end_char),
            mode=m.mode, context=m.sense.context, actor=tuple(actors), recipient=tuple(recipients),
            status=status, sourcing=sourcing, attribution=attribution, date=date, place=place,
            confidence=round(min(confidence, 0.99), 3),
        )


def _names(entities: Sequence[Entity]) -> set[str]:
    return {e.name for e in entities if e.name}


_VOICES = ("spokesman", "spokeswoman", "spokesperson", "press secretary", "spokespeople")


def _same_voice(a: Sequence[Entity], b: Sequence[Entity]) -> bool:
    """The same speaker: the same named people, give or take the spokesperson who
    voices a state ("China opposes ..." and "..., spokeswoman Hua Chunying said")."""
    def principals(entities: Sequence[Entity]) -> set[str]:
        return {e.name for e in entities if e.name and not any(v in e.text.lower() for v in _VOICES)}
    return principals(a) == principals(b)


def _roles(entities: Sequence[Entity]) -> set[tuple[str | None, str]]:
    return {(e.country, e.sector) for e in entities if e.sector}


def _reactions_share_the_day(events: list[Event]) -> list[Event]:
    """News reports reactions of one day together: an undated statement that
    happened (a criticism, a call, a denial) takes the day of the same actor's
    dated statement (a lede's "hit back" and the later "said on Monday"), or
    else of the statement reported just before it. Only day-precise dates
    travel, and only between speech acts."""
    def dated(e: Event) -> bool:
        return e.type in SPEECH_ACTS and e.status == "occurred" and e.date is not None and len(e.date.value) == 10

    out: list[Event] = []
    last_day: DateValue | None = None
    for i, event in enumerate(events):
        if event.type in SPEECH_ACTS and event.status == "occurred" and event.date is None:
            mine = _keys(event.actor)
            same = [(j, e) for j, e in enumerate(events) if j != i and dated(e) and _keys(e.actor) & mine]
            nearest = min(same, key=lambda je: abs(je[0] - i))[1] if same else None
            source = nearest.date if nearest is not None else last_day
            if source is not None:
                event = replace(event, date=DateValue(source.value, source.mod, source.text))
            if nearest is not None and event.place is None:
                event = replace(event, place=nearest.place)  # said on the same occasion, in the same place
        elif dated(event):
            last_day = event.date
        out.append(event)
    return out


def _voiced_by_their_speaker(events: list[Event], speakers: list[tuple[int, list[Entity]]]) -> list[Event]:
    """A body's statement and the named person who voices it are its actor together
    (event-record gold): "Russia condemned the launch, the Kremlin said." followed by
    "..., Kremlin spokesman Dmitry Peskov was quoted as saying"; "Seoul welcomed the
    decision, with press secretary Yoon Young-chan saying ...". The speaker is named in the
    statement's sentence or the next, and serves the same state in the same sector."""
    starts = [start for start, _ in speakers]
    out = []
    for event in events:
        if event.type in SPEECH_ACTS and event.status == "occurred" and event.actor \
                and not any(e.name for e in event.actor):
            i = bisect.bisect_right(starts, event.evidence.start) - 1
            roles = _roles(event.actor)
            voices = [p for _, people in speakers[max(i, 0):i + 2] for p in people
                      if (p.country, p.sector) in roles]
            if not voices and i >= 0:
                own = event.actor[0]
                voices = [replace(p, country=own.country, sector=own.sector) for p in speakers[i][1]
                          if p.country is None and own.country]
            if voices:
                event = replace(event, actor=event.actor + (voices[0],))
        out.append(event)
    return out


def _strikes_back(m: Mention) -> bool:
    """"opting not to strike back", "fired back": force answering force."""
    return m.sense.type == "ASSAULT" and any(c.lower_ == "back" and c.dep_ in ("prt", "advmod")
                                             for c in m.trigger.children)


def _answering(event: Event, raw: list[Event]) -> Event:
    """Striking back answers the latest act of force against the striker: it is aimed at
    whoever did that, then and there ("the soldier ... opting not to strike back" at the girl
    who punched him, in the village where she did)."""
    mine = _keys(event.actor)
    for prior in reversed(raw):
        if prior.type == "ASSAULT" and mine and mine <= _keys(prior.recipient) and not _keys(prior.actor) & mine:
            return replace(event, recipient=prior.actor, date=event.date or prior.date, place=event.place or prior.place)
    return event


def _where_they_went(events: list[Event], scenes: list[tuple[int, frozenset[str], frozenset[str], Place | None]]
                     ) -> list[Event]:
    """A sentence about someone the sentence before took somewhere happens there:
    "Robinson ... travelled to Syria. He spent a month alongside YPG fighters battling
    Isis" (in Syria)."""
    starts = [start for start, *_ in scenes]
    out = []
    for event in events:
        i = bisect.bisect_right(starts, event.evidence.start) - 1
        # (what they did there; not what they say or plan, which may be anywhere)
        if event.place is None and i >= 1 and event.status == "occurred" and event.type not in SPEECH_ACTS:
            about = scenes[i][1]
            _, _, travellers, place = scenes[i - 1]
            if place is not None and about & travellers:
                event = replace(event, place=place)
        out.append(event)
    return out


def _governing_verb(tok: Token) -> Token:
    """The verb a place phrase hangs from, through nouns and prepositions ("at a forum in Baghdad")."""
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def _said_where_they_speak(events: list[Event], occasions: list[tuple[frozenset[str], Place]]) -> list[Event]:
    """A statement with no place of its own was made where its speaker is
    reported speaking, when the article reports one such place for them."""
    out = []
    for event in events:
        if event.type in SPEECH_ACTS and event.place is None and event.status == "occurred":
            places = {p for keys, p in occasions if keys & _keys(event.actor)}
            if len(places) == 1:
                event = replace(event, place=places.pop())
        out.append(event)
    return out


def _paragraph_time(events: list[Event], text: str) -> list[Event]:
    """A paragraph tells one moment: an undated event that happened takes the
    date of the event before it in the same paragraph."""
    out: list[Event] = []
    for event in events:
        if event.date is None and event.status == "occurred" and out:
            prior = out[-1]
            same_paragraph = "\n" not in text[prior.evidence.start:event.evidence.start]
            if prior.date is not None and same_paragraph:
                event = replace(event, date=prior.date)
        out.append(event)
    return out


def _paragraph_place(events: list[Event], text: str, dateline: Place | None,
                     anchor: dt.date | None = None) -> list[Event]:
    """An event whose sentence names no place happens where the paragraph's
    previous event does, when they share a participant; failing that, at the
    dateline, unless every participant belongs to another country or the event
    was over days before the report was filed there."""
    def may_be_in(place: Place, event: Event) -> bool:
        # Not where a foreign event happened: "MOSCOW -- North Korea fired a missile".
        countries = {e.country for e in event.actor + event.recipient}
        return place.country in countries or None in countries

    out: list[Event] = []
    for event in events:
        if event.place is None and out:
            prior = out[-1]
            same_paragraph = "\n" not in text[prior.evidence.start:event.evidence.start]
            shared = _keys(prior.actor + prior.recipient) & _keys(event.actor + event.recipient)
            if prior.type in SPEECH_ACTS and event.type not in SPEECH_ACTS:
                # A statement is made where its speaker is; what it is about may lie far away
                # ("Russia condemned the missile launch", in Moscow): only the speaker's own act is there.
                shared = _keys(prior.actor) & _keys(event.actor)
            if prior.place is not None and same_paragraph and shared:
                event = replace(event, place=prior.place)
        filed_after = event.date is not None and anchor is not None and _is_past(
            event.date, anchor - dt.timedelta(days=_DATELINE_DAYS))
        if event.place is None and dateline is not None and may_be_in(dateline, event) and not filed_after:
            event = replace(event, place=dateline)
        out.append(event)
    return out


# Verbs of going somewhere: the traveller's next sentence happens at the destination.
_JOURNEY = frozenset({"travel", "fly", "go", "return", "head", "journey", "move", "cross", "sail", "drive"})


# How long before its dateline's report an event may still have happened at the dateline:
# "OFER PRISON -- Israel indicted a girl on Monday" (there) "for punching a soldier two weeks ago" (not).
_DATELINE_DAYS = 3


def _denials_answer_accusers(events: list[Event]) -> list[Event]:
    """A denial is directed at whoever made the claim: a REJECT with no
    recipient gets the actor of the latest accusation aimed at its actor."""
    out: list[Event] = []
    for event in events:
        if event.type == "REJECT" and not event.recipient:
            mine = _keys(event.actor)
            for prior in reversed(out):
                if prior.type == "ACCUSE" and _keys(prior.recipient) & mine and not _keys(prior.actor) & mine:
                    event = replace(event, recipient=prior.actor)
                    break
        out.append(event)
    return out


def _mergeable(a: Event, b: Event) -> bool:
    if a.type != b.type or a.status != b.status or (a.mode and b.mode and a.mode != b.mode):
        return False
    names_a, names_b = _names(a.actor), _names(b.actor)
    if names_a and names_b and not names_a & names_b:
        return False
    sides_a, sides_b = (a.actor + a.recipient, b.actor + b.recipient) if a.type in POOLED else (a.actor, b.actor)
    roles_a, roles_b = _roles(sides_a), _roles(sides_b)
    if roles_a and roles_b and not roles_a & roles_b:
        return False  # one country's army and its rebels are two actors ("the Nigerian army", "Boko Haram")
    if a.type in POOLED:
        ka, kb_ = _keys(a.actor) | _keys(a.recipient), _keys(b.actor) | _keys(b.recipient)
        same = ka == kb_
    else:
        same = _keys(a.actor) == _keys(b.actor) and _keys(a.recipient) == _keys(b.recipient)
    if not same:
        return False
    if a.date and b.date and a.date.value != b.date.value:
        return False
    if a.type in SPEECH_ACTS:
        # Statements merge within a sentence, or when the article restates the same
        # statement of the same day ("China said on Friday it opposes the launches" ...
        # "'China opposes ...,' spokeswoman Hua Chunying said").
        same_day = a.date is not None and b.date is not None and len(a.date.value) == 10 \
            and a.date.value == b.date.value
        return a.evidence == b.evidence or (same_day and _same_voice(a.actor, b.actor))
    return True


def _merge(a: Event, b: Event) -> Event:
    if b.confidence > a.confidence:
        a, b = b, a  # the better-grounded mention supplies the participants and trigger
    attribution = tuple(dict.fromkeys(a.attribution + b.attribution))
    # The spokesperson named in one mention speaks in the merged one too.
    named = {e.name for e in a.actor if e.name}
    voices = tuple(e for e in b.actor if e.name and e.name not in named and e.country in {x.country for x in a.actor})
    return replace(
        a,
        actor=a.actor + voices if a.type in SPEECH_ACTS else a.actor,
        recipient=a.recipient or b.recipient,
        attribution=attribution,
        sourcing=_merged_sourcing(a, b, attribution),
        date=a.date or b.date,
        place=a.place or b.place,
        mode=a.mode or b.mode,
        context=tuple(dict.fromkeys(a.context + b.context)),
        confidence=max(a.confidence, b.confidence),
    )


def _merged_sourcing(a: Event, b: Event, attribution: tuple[Attribution, ...]) -> str:
    """An event that happened and that the article states in its own voice in
    one mention is direct, whoever else it quotes on it; a planned or possible
    event restated plainly is still the claim of whoever announced it (the
    seed's meeting "will take place", according to officials)."""
    if a.status == "occurred" and "direct" in (a.sourcing, b.sourcing):
        return "direct"
    return "attributed" if attribution else (a.sourcing if a.sourcing != "direct" else b.sourcing)


def merge_events(events: list[Event]) -> list[Event]:
    """Mentions of the same event in one article become one record."""
    out: list[Event] = []
    for event in events:
        for i, kept in enumerate(out):
            if _mergeable(kept, event):
                out[i] = _merge(kept, event)
                break
        else:
            out.append(event)
    return out


def _chunks(text: str, max_chars: int) -> Iterator[tuple[int, str]]:
    """Paragraph-aligned pieces of a very long text, with their offsets."""
    if len(text) <= max_chars:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = min(len(text), start + max_chars)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            if cut > start:
                end = cut + 1
        yield start, text[start:end]
        start = end


def _shift(event: Event, offset: int) -> Event:
    if offset == 0:
        return event
    return replace(event, evidence=TextSpan(event.evidence.start + offset, event.evidence.end + offset))


def extract_articles(articles: Sequence[Article], config: Config, res: Resources | None = None
                     ) -> list[ArticleEvents]:
    """Parse the articles in batches and code their events; failures stay per article."""
    from ..ingest.language import is_english
    from ..nlp import load_nlp

    res = res or Resources.default()
    nlp = load_nlp(config.model)
    results: dict[int, ArticleEvents] = {}
    pieces: list[tuple[str, tuple[int, int]]] = []
    for index, article in enumerate(articles):
        warnings: list[str] = []
        if not article.text or not article.text.strip():
            results[index] = ArticleEvents(article.id, article.published, skipped="empty text", article=article)
            continue
        if config.detect_language:
            english, lang, score = is_english(article.text, declared=article.language)
            if not english:
                results[index] = ArticleEvents(
                    article.id, article.published,
                    skipped=f"not English (detected '{lang}' with confidence {score:.2f})", article=article,
                )
                continue
        if parse_anchor(article.published) is None:
            warnings.append("no publication date: relative dates left unresolved")
        results[index] = ArticleEvents(article.id, article.published, warnings=tuple(warnings), article=article)
        text = article.text
        if is_lowercased(text):
            text = res.truecaser().restore(text)  # same length: offsets still point into the article
            warnings.append("text is all lower case: names the knowledge base knows were capitalised")
            results[index] = replace(results[index], warnings=tuple(warnings))
        text, _ = blank_dateline(text)
        for offset, piece in _chunks(text, config.max_chars):
            pieces.append((piece, (index, offset)))
    collected: dict[int, list[Event]] = {}
    for doc, (index, offset) in nlp.pipe(pieces, as_tuples=True, batch_size=config.batch_size):
        article = articles[index]
        if index not in collected and results[index].skipped:
            continue
        try:
            events = ArticleExtractor(article, doc, res).events()
        except (ValueError, KeyError, IndexError, AttributeError, TypeError) as exc:
            # One article's failure must not stop the batch: it is reported on the article.
            log.exception("extraction failed for article %s", article.id)
            results[index] = replace(results[index], skipped=f"extraction failed: {type(exc).__name__}: {exc}")
            collected.pop(index, None)
            continue
        collected.setdefault(index, []).extend(_shift(e, offset) for e in events)
    out = []
    for index in range(len(articles)):
        result = results[index]
        if not result.skipped:
            events = [e for e in collected.get(index, []) if e.confidence >= config.min_confidence]
            result = replace(result, events=tuple(events))
        out.append(result)
    return out
