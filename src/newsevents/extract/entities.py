"""Actors from the parse: a noun phrase's head token in, coded entities out.

The knowledge base codes what it knows (states, metonyms, IGOs, groups,
office holders); for the rest the phrase's own words decide: a country
modifier ("South Korean authorities") gives the country, the head noun's
role word gives the sector. Pronouns and plural references ("they", "the two
leaders") are resolved against a per-article memory of recent actors: no
coreference model installs offline, so this is done with rules on the parse.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..kb.actors import ActorKB
from ..kb.countries import CountryTable
from ..kb.places import Gazetteer
from ..records import Entity
from .lexicon import LOCALITY_NOUNS, REPORTING_VERBS, trigger_table

# Dependency labels of the modifiers that belong to a mention ("the U.S.
# government official", "China's Foreign Ministry").
_MENTION_LEFT = frozenset({"compound", "amod", "det", "poss", "nummod", "nmod", "quantmod", "case", "punct", "advmod"})
_PERSONAL = {"he": "sg", "she": "sg", "him": "sg", "her": "sg", "his": "sg", "hers": "sg"}
_GROUP = {"they": "pl", "them": "pl", "their": "pl", "theirs": "pl", "we": "pl", "us": "pl", "our": "pl"}
_THING = {"it": "it", "its": "it"}
_FIRST_PERSON = frozenset({"i", "me", "my"})
# Nouns that name people without naming who they are ("the schoolgirls", "her
# brother"): coded as civilians of the article's country when they are on the
# receiving end. Anything else ("an effort", "the speculation") is no participant.
_PEOPLE_NOUNS = frozenset("""
people person civilian resident villager inhabitant citizen national population community crowd public
protester demonstrator activist student schoolgirl schoolboy girl boy child kid teen teenager youth woman man
prisoner detainee captive hostage inmate convict suspect defendant victim casualty survivor passenger
journalist reporter photographer blogger writer worker farmer fisherman migrant refugee asylum-seeker
tourist worshipper pilgrim mourner voter supporter critic dissident opponent family relative brother sister
son daughter wife husband mother father parent cousin pastor priest imam monk nun teacher doctor nurse
patient employee staff crew sailor driver minority member individual
""".split())
_PAIR_HEADS = frozenset({"leader", "leaders", "side", "sides", "country", "countries", "nation", "nations",
                         "government", "governments", "president", "presidents", "party", "parties"})
_STATE_HEADS = frozenset({"country", "nation", "state", "government", "regime", "administration", "kingdom",
                          "republic"})
_TITLE_WORDS = frozenset({
    "president", "vice", "prime", "minister", "foreign", "defence", "defense", "secretary", "general", "gen.",
    "sen.", "senator", "rep.", "representative", "gov.", "governor", "mr.", "mrs.", "ms.", "dr.", "king",
    "queen", "prince", "crown", "chancellor", "premier", "leader", "spokesman", "spokeswoman", "spokesperson",
    "ambassador", "envoy", "chairman", "commander", "speaker", "deputy", "attorney", "former", "state",
    "supreme", "top", "chief", "lt.", "col.", "adm.", "admiral", "colonel", "lieutenant", "major", "sheikh",
    "emir", "ayatollah", "pope", "house", "senate", "majority", "minority", "democratic", "republican",
    "u.s.", "us", "british", "chinese", "russian", "press", "white", "the", "a", "an",
})
# Bodies an article names once and then calls by their kind ("the Kilis criminal court" ... "the court").
# (Not "the council", "the agency": news says those of bodies it never names.)
_INSTITUTIONS = frozenset({"court", "tribunal", "committee"})
# Singular people a story's first sentence may describe before naming them (see EntityCoder.read_lede).
_DESCRIBED = (_PEOPLE_NOUNS - {"people", "population", "community", "crowd", "public", "family", "staff", "crew",
                               "minority", "member", "individual"}) | {
    "soldier", "officer", "fighter", "militant", "policeman", "policewoman", "diplomat", "official", "volunteer",
    "medic", "contractor", "businessman", "businesswoman"}
_PARTY_WORDS = frozenset({"democratic", "republican", "opposition", "party", "labour", "conservative", "minority",
                          "majority", "house", "senate"})
# Role nouns that stand for one person the article may name nearby.
_NAMED_ROLES = frozenset({"spokesman", "spokeswoman", "spokesperson", "minister", "ambassador", "envoy",
                          "secretary", "chairman", "commander", "prosecutor", "lawyer", "president", "premier",
                          "chancellor", "governor", "mayor", "speaker", "senator", "general", "chief", "head"})
# Territories the gold codes as the state that holds sovereignty over them.
SOVEREIGN = {"HKG": "CHN", "MAC": "CHN"}
_NAME_SPLIT = re.compile(r"[\s\u00a0]+")
# Peoples without a state of their own, with the states they live in (first:
# the largest population). "Kurdish officials" belong to the one of these the
# article is set in; see EntityCoder.stateless.
STATELESS_PEOPLES = {
    "kurdish": ("TUR", "IRQ", "SYR", "IRN"), "kurd": ("TUR", "IRQ", "SYR", "IRN"),
    "kurds": ("TUR", "IRQ", "SYR", "IRN"), "baloch": ("PAK", "IRN", "AFG"), "baluch": ("PAK", "IRN", "AFG"),
    "rohingya": ("MMR", "BGD"), "uyghur": ("CHN",), "uighur": ("CHN",), "tuareg": ("MLI", "NER", "DZA", "LBY"),
}
# A US legislator's party and state after the name: ", D-R.I.", " (R-Ohio)".
_PARTY_STATE = re.compile(r"\s*[,(]\s*[DRI]-[A-Z][A-Za-z.]{1,12}[,)\s.]")


@dataclass(slots=True)
class ActorMemory:
    """Recent actors of one article, newest last, for pronouns and "the two leaders"."""

    people: list[Entity] = field(default_factory=list)
    groups: list[Entity] = field(default_factory=list)
    persons_by_token: dict[str, Entity] = field(default_factory=dict)
    last_event_actors: list[Entity] = field(default_factory=list)
    # The people named in the sentence being coded, with the token index of each.
    sentence_people: list[tuple[Token, Entity]] = field(default_factory=list)
    person_before_sentence: Entity | None = None

    def remember(self, entity: Entity, *, person: bool) -> None:
        target = self.people if person else self.groups
        if target and target[-1] == entity:
            return
        target.append(entity)
        if person and entity.name:
            for part in _NAME_SPLIT.split(entity.name):
                if len(part) > 2:
                    self.persons_by_token.setdefault(part.lower(), entity)
            self.persons_by_token[entity.name.lower()] = entity

    def last_person(self) -> Entity | None:
        return self.people[-1] if self.people else None

    def last_group(self) -> Entity | None:
        return self.groups[-1] if self.groups else None

    def last_two(self, *, people: bool, prefer=None) -> list[Entity]:
        """The two most recent actors of different countries (or names); `prefer`
        narrows the pool when at least two qualify ("leaders": heads of state)."""
        pool = (self.people + self.groups) if not people else (self.people or self.groups)
        if prefer is not None:
            narrowed = [e for e in pool if prefer(e)]
            if len({e.country for e in narrowed}) >= 2:
                pool = narrowed
        seen: list[Entity] = []
        keys: set[str] = set()
        for ent in reversed(pool):
            key = ent.country or ent.name
            if key and key not in keys:
                keys.add(key)
                seen.append(ent)
            if len(seen) == 2:
                break
        return list(reversed(seen)) if len(seen) == 2 else []


def _clip_mention(tok: Token) -> Span:
    """The mention of a head token: its left modifiers plus named-entity extent."""
    doc = tok.doc
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in _MENTION_LEFT:
            start = min(start, child.left_edge.i)
    end = tok.i + 1
    if tok.ent_type_:
        ent_start, ent_end = tok.i, tok.i + 1
        while ent_start > 0 and doc[ent_start].ent_iob_ == "I":
            ent_start -= 1
        while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
            ent_end += 1
        start, end = min(start, ent_start), max(end, ent_end)
    # A compound chain of names to the right belongs to the same name ("Foreign Minister
    # Wang Yi"); a common noun or a time there is what the name modifies ("North Korean
    # missile test", "North Korea Friday morning").
    while end < len(doc) and doc[end].dep_ == "compound" and doc[end].head.i >= end \
            and doc[end].pos_ == "PROPN" and doc[end].ent_type_ not in ("DATE", "TIME"):
        end += 1
    span = doc[start:end]
    while len(span) > 1 and span[0].dep_ in ("punct", "case", "cc"):
        span = span[1:]
    return span


def _photo_credit(ent: Span) -> bool:
    """A name joined by a slash to an agency: a photographer's credit, not a participant."""
    doc = ent.doc
    after = doc[ent.end].text if ent.end < len(doc) and not ent[-1].whitespace_ else ""
    before = doc[ent.start - 1] if ent.start > 0 else None
    return "/" in ent.text or after.startswith("/") or (
        before is not None and not before.whitespace_ and before.text.endswith("/"))


def _body_name(span: Span) -> str:
    """A named body's name: its mention without the article ("the Kilis criminal court")."""
    return re.sub(r"^(?:the|a|an)\s+", "", span.text.strip(), flags=re.IGNORECASE)


def _apposed_after(tok: Token) -> Token | None:
    """The named apposition right after a mention that the parser hung on the phrase
    above it: "the detention of a US citizen, the pastor Andrew Brunson" (the pastor
    is the citizen, not the detention)."""
    doc, end = tok.doc, tok.right_edge.i
    if end + 2 >= len(doc) or doc[end + 1].text != ",":
        return None
    for anc in list(tok.ancestors)[:3]:
        for app in anc.children:
            # (an apposition the parser took for an adverbial noun phrase is one all the same)
            if app.dep_ in ("appos", "npadvmod") and app.left_edge.i == end + 2:
                if app.ent_type_ == "PERSON":
                    return app
                return next((c for c in app.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    return None


def locality_noun(tok: Token) -> Token | None:
    """The noun that says a name is a locality: "the town of X" (X under "of"), "X town"."""
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in LOCALITY_NOUNS:
        return tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in LOCALITY_NOUNS:
        return tok.head.head
    return None


def _person_name(span: Span) -> str | None:
    """The name inside a mention ("Chinese Foreign Minister Wang Yi" -> "Wang Yi")."""
    people = [e for e in span.ents if e.label_ == "PERSON"]
    if people:
        name = people[-1].text
    else:
        words = [t for t in span if t.ent_type_ == "PERSON"]
        if not words:
            return None
        name = " ".join(t.text for t in words)
    parts = [p for p in _NAME_SPLIT.split(name) if p.lower() not in _TITLE_WORDS]
    name = " ".join(parts).strip(" ,'’\"")
    if name.endswith("'s") or name.endswith("’s"):
        name = name[:-2]
    return name or None


def _may_be_a_surname(word: str, kb: ActorKB, on: dt.date | None, gazetteer: Gazetteer | None) -> bool:
    """A word the tagger took for a person that names nothing else the KB or gazetteer know
    ("Douma", "Afrin", "Nusra" are a town, a district and a group, whatever the tagger said once)."""
    known = kb.match(word, on)
    if known is not None:
        return known.kind == "person"
    return gazetteer is None or gazetteer.resolve(word) is None


def tag_names_throughout(doc, kb: ActorKB, on: dt.date | None, gazetteer: Gazetteer | None = None) -> None:
    """One name, one referent in an article: a surname the tagger read as a
    person once ("the charge sheet against Tamimi") is a person wherever it
    recurs ("Israel has held Ahed Tamimi", untagged there; or taken for an
    organisation or a place that neither the knowledge base nor the gazetteer
    knows), and a name tagged as an organisation that the knowledge base knows
    as a person is that person; a group or IGO the knowledge base knows is an
    organisation wherever its name recurs ("Boko Haram", tagged a person once
    and nothing elsewhere). The tagger labels each sentence alone; the coder's
    pronouns, titles and guesses need the names of every sentence.
    """
    # Where a word follows "in", "at" or "near" somewhere in the article, it names a place ("in Baghuz").
    placed = {t.lower_ for t in doc if t.dep_ == "pobj" and t.head.lower_ in ("in", "at", "near", "around", "inside")}
    surnames = set()
    relabel = []
    groups: dict[str, list[tuple[str, ...]]] = {}  # first word -> the known groups' names it opens
    for ent in doc.ents:
        words = [t for t in ent if t.is_alpha and t.text[:1].isupper()]
        if len(words) == len(ent) >= 2 and ent.label_ in ("PERSON", "ORG", "NORP"):
            match = kb.match(ent.text, on)
            if match is not None and match.kind in ("group", "igo") and match.name:  # (not "bank": a sector)
                # "Boko Haram", tagged a person in one sentence and nothing in another: the group.
                groups.setdefault(ent[0].text, []).append(tuple(t.text for t in ent))
                if ent.label_ != "ORG":
                    relabel.append(Span(doc, ent.start, ent.end, label="ORG"))
                continue
            if match is not None and match.kind == "person" and ent.label_ != "PERSON":
                relabel.append(Span(doc, ent.start, ent.end, label="PERSON"))
                continue
        if ent.label_ == "PERSON" and words and words[-1].lower_ not in surnames | placed and _may_be_a_surname(
                words[-1].text, kb, on, gazetteer):
            surnames.add(words[-1].lower_)
    if not surnames and not relabel and not groups:
        return

    def stray(tok: Token) -> bool:
        """Untagged, or alone in an entity of another kind that nothing known bears but a person."""
        if tok.ent_iob_ == "O":
            return True
        alone = tok.ent_iob_ == "B" and (tok.i + 1 == len(doc) or doc[tok.i + 1].ent_iob_ != "I")
        if not alone or tok.ent_type_ not in ("ORG", "NORP", "GPE"):
            return False
        known = kb.match(tok.text, on)
        if known is not None:
            return known.kind == "person"  # "Trump's frustration", tagged an organisation
        return gazetteer is None or gazetteer.resolve(tok.text) is None

    found = list(relabel)
    taken: set[int] = set()
    for tok in doc:
        for name in groups.get(tok.text, ()):
            end = tok.i + len(name)
            if end <= len(doc) and tuple(t.text for t in doc[tok.i:end]) == name \
                    and all(t.ent_iob_ == "O" for t in doc[tok.i:end]):
                found.append(Span(doc, tok.i, end, label="ORG"))
                taken.update(range(tok.i, end))
                break
    for tok in doc:
        if tok.i in taken or tok.pos_ != "PROPN" or tok.lower_ not in surnames or not tok.text[:1].isupper() \
                or not stray(tok):
            continue
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
            continue  # "Tamimi Street": the name of something else
        start = tok.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].head.i == tok.i and doc[start - 1].is_alpha \
                and doc[start - 1].text[:1].isupper() and stray(doc[start - 1]):
            start -= 1
        found.append(Span(doc, start, tok.i + 1, label="PERSON"))
    if found:
        doc.set_ents(found, default="unmodified")


class EntityCoder:
    """Codes the noun phrases of one article; holds that article's memory."""

    def __init__(self, kb: ActorKB, countries: CountryTable, on: dt.date | None, *,
                 gazetteer: Gazetteer | None = None, home: str | None = None):
        self.kb = kb
        self.countries = countries
        self.on = on
        self.gazetteer = gazetteer
        # The country the article is mostly about: unnamed groups of people in it
        # ("schoolgirls", "the government") belong there unless the text says otherwise.
        self.home = home
        self.memory = ActorMemory()
        self.nationality: dict[str, str] = {}  # name or name part -> ISO3, from read_nationalities
        self.stateless: dict[str, str] = {}  # demonym of a stateless people -> ISO3, from set_setting
        self.lede: dict[int, str] = {}  # token index of the lede's unnamed person -> their name, from read_lede
        self.institutions: dict[str, tuple[str, str | None]] = {}  # "court" -> (its name, country), read_institutions

    # -- public -----------------------------------------------------------
    def code_people(self, tok: Token) -> list[Entity]:
        """A common-noun participant the KB cannot place ("the 21 captives"): the
        article's home country, as civilians."""
        if tok.pos_ in ("NUM", "PRON"):
            # "21 of the schoolgirls", "some of them": the people are the "of" phrase.
            of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]
            if of:
                tok = of[0]
        if tok.pos_ != "NOUN" or not self.home or tok.lemma_.lower() not in _PEOPLE_NOUNS:
            return []
        return [Entity(text=_clip_mention(tok).text.strip(), name=None, country=self.home, sector="CVL")]

    def code_within(self, tok: Token) -> list[Entity]:
        """Entities named inside a non-actor phrase: "North Korea's nuclear test" -> North Korea;
        not inside a clause that describes it ("schoolgirls who were kidnapped by Boko Haram")."""
        clauses = {t.i for d in tok.subtree for c in d.children if c.dep_ in ("relcl", "acl", "advcl", "ccomp")
                   for t in c.subtree}
        for t in tok.subtree:
            if t.i in clauses:
                continue
            if t.i == tok.i or t.dep_ not in ("poss", "compound", "amod", "pobj", "nmod"):
                continue
            if t.ent_type_ in ("GPE", "NORP", "PERSON", "ORG") and t.ent_iob_ == "B" or t.dep_ == "poss":
                found = self.code(t, expand=False)
                if found:
                    # "emails from the Hillary Clinton campaign and Democratic Party": the
                    # phrase the name sits in may be one of several coordinated owners.
                    phrase = t
                    while phrase.dep_ in ("compound", "amod", "nmod") and phrase.head.i != tok.i:
                        phrase = phrase.head
                    for conj in phrase.conjuncts if phrase.dep_ == "pobj" else ():
                        if conj.i > phrase.i and conj.ent_type_ in ("GPE", "NORP", "PERSON", "ORG"):
                            found += self.code(conj, expand=False)
                    return _dedupe(found)
        return []

    def sentence_entities(self, sent: Span) -> list[tuple[int, Entity]]:
        """Political entities named in a sentence, with the token index of each."""
        out = []
        for ent in sent.ents:
            if ent.label_ not in ("GPE", "NORP", "PERSON", "ORG"):
                continue
            coded = self.code(ent.root, expand=False)
            out.extend((ent.root.i, e) for e in coded)
        return out

    def code(self, tok: Token, *, expand: bool = True) -> list[Entity]:
        """Entities for an argument head token, with its coordinated siblings."""
        heads = [tok]
        if expand:
            heads += [c for c in tok.conjuncts if c.i > tok.i]
        out: list[Entity] = []
        for head in heads:
            ent = self._code_one(head)
            if ent is None:
                out.extend(self._pair_or_plural(head))
                continue
            if isinstance(ent, list):
                out.extend(ent)
            else:
                out.append(ent)
        return _dedupe([_sovereign(e) for e in out])

    def code_quietly(self, tok: Token) -> list[Entity]:
        """The entities of a head token, leaving the memory as it was: for reading who a
        sentence is about without making them the last one named."""
        memory = self.memory
        saved = (list(memory.people), list(memory.groups), dict(memory.persons_by_token))
        try:
            return self.code(tok, expand=False)
        finally:
            memory.people, memory.groups, memory.persons_by_token = saved

    def set_setting(self, country_counts: dict[str, int]) -> None:
        """Where the article is set (mentions of states and of places in them):
        decides which state a stateless people's adjective stands for."""
        for word, states in STATELESS_PEOPLES.items():
            best = max(states, key=lambda iso3: (country_counts.get(iso3, 0), -states.index(iso3)))
            if country_counts.get(best, 0):
                self.stateless[word] = best

    def read_nationalities(self, doc) -> None:
        """Before coding: the nationality the article gives each person anywhere
        ("Palestinian teen Ahed Tamimi" in its tenth sentence), for the mentions
        that give none."""
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            name = _person_name(_clip_mention(ent.root))
            country, _ = self._context_of_person(ent.root, _clip_mention(ent.root))
            if name and country:
                for part in [name, *_NAME_SPLIT.split(name)]:
                    if len(part) > 2:
                        self.nationality.setdefault(part.lower(), country)

    def read_lede(self, doc) -> None:
        """Before coding: the person a story's first sentence describes without naming ("a
        16-year-old Palestinian girl", "a former British army soldier") is, by the news
        convention of delayed identification, the first person the next two sentences name
        ("Ahed Tamimi", "Joe Robinson, 25, ..."): a private person, whom no title introduces
        and the knowledge base does not know. The first person described is the story's subject."""
        sents = [s for s in doc.sents if sum(t.is_alpha for t in s) >= 8][:3]
        if len(sents) < 2 or any(e.label_ == "PERSON" for e in sents[0].ents):
            return
        described = [t for t in sents[0] if t.tag_ == "NN" and not t.ent_type_ and t.lemma_.lower() in _DESCRIBED
                     and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)]
        if not described:
            return  # the first described is the story's subject ("a ... girl", then "an Israeli soldier")
        named = next((e for s in sents[1:] for e in s.ents if e.label_ == "PERSON"), None)
        if named is None or len([t for t in named if t.is_alpha]) < 2 or self.kb.person(named.text, self.on) \
                or self.kb.outlet(named.text) or named.root.dep_ in ("compound", "appos"):
            return  # (not a name that modifies or renames a noun: "the daily Nice Matin")
        around = list(_clip_mention(named.root)) + [t for c in named.root.children if c.dep_ == "appos"
                                                    for t in c.subtree]
        if any(t.pos_ in ("NOUN", "DET") or self.kb.role_sector(t.lemma_.lower())
               for t in around if t.i not in range(named.start, named.end)):
            # "police chief John Doe", "Jane Doe, the zoo's director", "his mother, Jane Doe": someone
            # else; "the regional daily Nice Matin": something else
            return
        self.lede = {described[0].i: _person_name(_clip_mention(named.root)) or named.text}

    def read_institutions(self, doc) -> None:
        """Before coding: the one body of its kind the article names ("the Kilis criminal
        court", "the Senate Intelligence Committee") is the body its other mentions of that
        kind describe without a name ("a Turkish court", "the court", "whose committee"),
        when the two agree on the country."""
        named: dict[str, set[tuple[str, str | None]]] = {}
        for tok in doc:
            if tok.tag_ != "NN" or tok.lemma_.lower() not in _INSTITUTIONS:
                continue
            span = _clip_mention(tok)
            proper = [t for t in span if t.i < tok.i and t.pos_ == "PROPN" and t.ent_type_ != "NORP"]
            if proper:
                # Its country from its own words ("the Kilis criminal court"), not the article's.
                country = self._country_and_sector(list(span))[0] or self._place_country(span)
                named.setdefault(tok.lemma_.lower(), set()).add((_body_name(span), country))
        self.institutions = {head: next(iter(names)) for head, names in named.items() if len(names) == 1}

    def observe(self, doc_or_span) -> None:
        """Remember the named people and states of a sentence before its events are coded."""
        # A pronoun opening a sentence points back at the last one's subject, if a person.
        subjects = [e for t, e in self.memory.sentence_people if t.dep_ in ("nsubj", "nsubjpass")]
        self.memory.person_before_sentence = subjects[-1] if subjects else self.memory.last_person()
        self.memory.sentence_people = []
        for ent in doc_or_span.ents:
            if ent.label_ == "PERSON" and _photo_credit(ent):
                continue  # "(Mark Schiefelbein/AP)", "REUTERS/Ammar Awad": who took the picture
            if ent.label_ == "PERSON" and locality_noun(ent.root) is None:  # not "the village of Nabi Saleh"
                coded = self._person(ent.root, _clip_mention(ent.root))
                if coded is not None and coded.country:
                    self.memory.remember(coded, person=True)
                    self.memory.sentence_people.append((ent.root, coded))
            elif ent.label_ in ("GPE", "NORP", "ORG") and ent.root.dep_ in ("nsubj", "nsubjpass"):
                # Subjects are what "it" and "they" point back to ("China said it opposes ...").
                match = self.kb.match(ent.text, self.on)
                if match is not None and match.kind in ("state", "metonym", "igo", "group"):
                    self.memory.remember(Entity(text=ent.text, name=match.name, country=match.country,
                                                sector=match.sector), person=False)

    # -- internals --------------------------------------------------------
    def _code_one(self, tok: Token) -> Entity | list[Entity] | None:
        lower = tok.lower_
        if tok.pos_ == "PRON" or (lower in _PERSONAL or lower in _GROUP or lower in _THING) and not tok.text.isupper():
            return self._pronoun(lower, tok)  # ("US" is the country, not "us")
        if locality_noun(tok) is not None:
            return None  # "the village of Nabi Saleh" is a place, whoever the tagger took it for
        span = _clip_mention(tok)
        if tok.i in self.lede:
            found = self._compose(tok, span) or next(iter(self.code_people(tok)), None)
            country, sector = (found.country, found.sector) if found is not None else (None, "CVL")
            person = Entity(text=span.text.strip(), name=self.lede[tok.i], country=country or self.home,
                            sector=sector)
            self.memory.remember(person, person=True)
            return person
        # "the militant group Boko Haram": the apposed name of a group the KB knows.
        group = next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "ORG"), None)
        if group is not None and tok.ent_type_ != "ORG":
            match = self.kb.match(_clip_mention(group).text, self.on)
            if match is not None and match.kind in ("group", "igo") and match.name:
                return self._code_one(group)
        # "the Iraqi prime minister, Adel Abdul-Mahdi": the apposed name is who acts.
        named = next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        if named is None and tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON" and tok.ent_type_ != "PERSON":
            named = tok.head  # "Nancy Pelosi, the Democratic leader who plans to ...": the leader is Pelosi
        if named is None and tok.ent_type_ != "PERSON" and (
                lower in _NAMED_ROLES or self.kb.role_sector(tok.lemma_.lower())):
            named = self._name_after_body(tok)
        if named is None and tok.dep_ == "pobj" and tok.lemma_.lower() in _PEOPLE_NOUNS:
            named = _apposed_after(tok)
        if named is not None and tok.ent_type_ != "PERSON":
            person = self._person(named, _clip_mention(named))
            if person is not None:
                if person.country is None or person.country == self.home:
                    country, sector = self._country_and_sector(list(span))
                    person = Entity(text=person.text, name=person.name, country=country or person.country,
                                    sector=sector or person.sector)
                self.memory.remember(person, person=True)
                return person
        # "the U.S.-China summit": hyphenated pairs of states.
        if tok.ent_type_ == "PERSON" or any(t.ent_type_ == "PERSON" for t in span if t.i >= tok.i - 1):
            person = self._person(tok, span)
            if person is not None:
                self.memory.remember(person, person=True)
                return person
        text = span.text.strip()
        head_lower = tok.lemma_.lower()
        if (head_lower in _PAIR_HEADS and any(t.lower_ in ("two", "both") for t in span)) or lower == "each":
            return None  # handled by _pair_or_plural
        known = self.memory.persons_by_token.get(tok.lower_) if tok.pos_ == "PROPN" and len(span) == 1 else None
        if known is not None:
            # "Fox" after "Vicente Fox", whatever the tagger took it for (Fox News).
            return Entity(text=text, name=known.name, country=known.country, sector=known.sector)
        match = self.kb.match(text, self.on) if text else None
        if match is None and tok.pos_ == "PROPN" and tok.is_alpha and len(tok.text) <= 5 and tok.text.istitle():
            match = self.kb.match(tok.text.upper(), self.on)  # "Isis", "Nato": house styles that lower acronyms
        if match is None and span.text != tok.text:
            match = self.kb.match(tok.text, self.on) if tok.ent_type_ else None
            if match is not None and match.kind == "person":
                match = None
        if match is not None and match.kind == "person" and tok.ent_type_ in ("GPE", "LOC", "FAC"):
            # "the village of Nabi Saleh" names a place, not the person Saleh.
            place = self._place_country(span)
            if place is not None:
                match = None
        if match is not None and match.kind != "media":
            name = match.name
            if name is None and match.kind == "role" and tok.lemma_.lower() in _NAMED_ROLES:
                holder = self._named_holder(tok)
                if holder is not None and holder.country in (match.country, None):
                    name = holder.name
            ent = Entity(text=text, name=name, country=match.country, sector=match.sector)
            if match.kind == "role" and name is None:
                ent = self._named_body(tok, span, ent)
            self.memory.remember(ent, person=match.kind == "person")
            return ent
        ent = self._named_body(tok, span, self._compose(tok, span))
        if ent is not None:
            self.memory.remember(ent, person=False)
        elif head_lower in _STATE_HEADS and any(t.lower_ in ("the", "this") for t in span):
            last = self._last_state()
            if last is not None:
                return Entity(text=text, name=None, country=last.country, sector=last.sector)
        return ent

    def _name_after_body(self, tok: Token) -> Token | None:
        """The name that closes a role's "of"/"to" phrase after the body it serves: "his
        ambassador to the United Nations Nikki Haley", "the head of a German police union
        DpolG Rainer Wendt"; not whom the role serves ("a spokesman for President Putin")."""
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "to", "for", "at"):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj" or obj.ent_type_ != "PERSON":
                    continue
                start = obj.i
                while start > 0 and tok.doc[start].ent_iob_ == "I":
                    start -= 1
                before = tok.doc[obj.left_edge.i:start]
                if any(t.pos_ in ("PROPN", "NOUN") and t.ent_type_ != "NORP" and t.lower_ not in _TITLE_WORDS
                       and not self.kb.role_sector(t.lower_) for t in before):
                    return obj
        return None

    def _named_body(self, tok: Token, span: Span, ent: Entity | None) -> Entity | None:
        """"A Turkish court", "the court": the one court the article names, if the
        mention's own country (when it gives one) is that court's (see read_institutions)."""
        body = self.institutions.get(tok.lemma_.lower()) if tok.tag_ == "NN" else None
        if body is None:
            return ent
        name, country = body
        if any(t.pos_ == "PROPN" and t.ent_type_ != "NORP" for t in span if t.i < tok.i):
            if _body_name(span) != name or ent is None:
                return ent  # another body of the kind, named otherwise
            return Entity(text=ent.text, name=name, country=ent.country or country, sector=ent.sector)
        own = ent.country if ent is not None and any(t.ent_type_ in ("NORP", "GPE") for t in span) else None
        if own is not None and country is not None and own != country:
            return ent
        return Entity(text=span.text.strip(), name=name, country=country or (ent.country if ent else None),
                      sector=ent.sector if ent else None)

    def _person(self, tok: Token, span: Span) -> Entity | None:
        name = _person_name(span)
        if not name:
            return None
        text = span.text.strip()
        # A surname the article has already introduced ("Fox" after "Vicente
        # Fox") is that person, whoever else the knowledge base knows by it.
        known = self.memory.persons_by_token.get(name.lower()) if " " not in name else None
        if known is not None:
            return Entity(text=text, name=known.name, country=known.country, sector=known.sector)
        match = self.kb.person(name, self.on) or self.kb.match(text, self.on) or self.kb.match(name, self.on)
        if match is not None and match.kind != "media":
            return Entity(text=text, name=match.name, country=match.country, sector=match.sector)
        known = self.memory.persons_by_token.get(name.lower())
        if known is not None:
            return Entity(text=text, name=known.name, country=known.country, sector=known.sector)
        country, sector = self._context_of_person(tok, span)
        if country is None and _PARTY_STATE.match(tok.doc.text, span.end_char):
            country, sector = "USA", sector or "LEG"  # "Sen. Jack Reed, D-R.I.", "John Boehner (R-Ohio)"
        if country is None:
            told = self.nationality.get(name.lower()) or next(
                (self.nationality[p.lower()] for p in _NAME_SPLIT.split(name) if p.lower() in self.nationality), None)
            if told is not None:
                return Entity(text=text, name=name, country=told, sector=sector)
        if country is None:
            # A person the text gives no nationality for is most likely of the
            # country the article is about; coded so, with no sector claimed.
            return Entity(text=text, name=name, country=self.home, sector=sector)
        return Entity(text=text, name=name, country=country, sector=sector or "GOV")

    def _context_of_person(self, tok: Token, span: Span) -> tuple[str | None, str | None]:
        """Country and sector from the titles around a name ("Iraq's president, Barham Salih")."""
        words: list[Token] = [t for t in span if t.ent_type_ != "PERSON"]
        # Words the parse left outside the mention: "Palestinian teen Ahed Tamimi", with
        # "teen" read as a second subject.
        doc, i = span.doc, span.start - 1
        while i >= 0 and (doc[i].ent_type_ in ("NORP", "GPE") or doc[i].lemma_.lower() in _PEOPLE_NOUNS) \
                and doc[i].head.i != tok.i and doc[i].head.i >= span.start - 4:
            words.append(doc[i])
            i -= 1
        # Appositions on either side: "Hua Chunying, a spokeswoman for China's Foreign Ministry".
        for rel in [tok.head] if tok.dep_ == "appos" else []:
            words.extend(_clip_mention(rel))
            words.extend(t for c in rel.children if c.dep_ == "prep" for t in c.subtree)
        for child in tok.children:
            if child.dep_ == "appos":
                words.extend(child.subtree)
        country, sector = self._country_and_sector(words)
        if country is None:
            # "Susan Rice, President Barack Obama's national security adviser": whose adviser she is.
            for owner in (t for t in words if t.dep_ == "poss" and t.ent_type_ in ("PERSON", "ORG")):
                match = self.kb.match(_clip_mention(owner).text, self.on)
                if match is not None and match.country and match.kind in ("person", "state", "metonym"):
                    return match.country, sector
        return country, sector

    def _country_and_sector(self, words: list[Token]) -> tuple[str | None, str | None]:
        country = sector = seat_sector = None
        ids = {t.i for t in words}
        if words:
            # Whole named entities first: "Hong Kong-flagged" is Hong Kong, not "Hong".
            for ent in words[0].doc.ents:
                if ent.label_ in ("ORG", "FAC") and ent.start in ids:
                    # "the deputy White House press secretary": a seat of power names its state
                    match = self.kb.match(ent.text, self.on)
                    if match is not None and match.kind == "metonym" and match.country:
                        country, seat_sector = match.country, match.sector
                        break
                if ent.label_ in ("GPE", "NORP") and ent.start in ids:
                    found = self.countries.lookup(ent.text)
                    if found is None:
                        match = self.kb.match(ent.text, self.on)
                        if match is not None and match.kind in ("state", "metonym") and match.country:
                            country = match.country
                            break
                    else:
                        country = found.iso3
                        break
        for t in words:
            if country is None and (t.ent_type_ in ("GPE", "NORP") or t.text[:1].isupper()) and t.is_alpha:
                found = self.countries.lookup(t.text)
                if found is None and t.ent_type_ in ("GPE", "ORG", "FAC"):
                    match = self.kb.match(t.text, self.on)
                    if match is not None and match.kind in ("state", "metonym"):
                        country = match.country
                        # "the Pentagon chief" is military: the seat of power lends its sector.
                        seat_sector = match.sector if match.kind == "metonym" else None
                if found is not None:
                    country = found.iso3
                elif t.lower_ in STATELESS_PEOPLES and t.lower_ in self.stateless:
                    country = self.stateless[t.lower_]  # "Kurdish officials" in a story set in Syria
            if sector is None:
                sector = self.kb.role_sector(t.lemma_.lower()) or self.kb.role_sector(t.lower_)
        return SOVEREIGN.get(country, country), sector or seat_sector

    def _compose(self, tok: Token, span: Span) -> Entity | None:
        """A mention the KB does not know as a whole: country modifier + role word."""
        if tok.pos_ == "NOUN" and (tok.lemma_.lower(), "N") in trigger_table():
            return None  # an event is no participant: "the release of 21 schoolgirls", "the visit"
        words = list(span)
        # "the head of ...", "a spokeswoman for ...", "officials from Iran": the phrase says whose; but
        # "emails from the Clinton campaign" are no one's agents, so "from"/"in" count after a role or people.
        animate = bool(self.kb.role_sector(tok.lemma_.lower()) or self.kb.role_sector(tok.lower_)) \
            or tok.lemma_.lower() in _PEOPLE_NOUNS
        for child in tok.children:
            if child.dep_ == "prep" and (child.lower_ in ("of", "for") or animate and child.lower_ in ("from", "in")):
                words.extend(child.subtree)
        country, sector = self._country_and_sector(words)
        head_sector = self.kb.role_sector(tok.lemma_.lower()) or self.kb.role_sector(tok.lower_)
        if head_sector:
            sector = head_sector
        text = span.text.strip()
        if country is None:
            country = self._place_country(span)
        if country is None and sector is not None and self.home and tok.pos_ == "NOUN":
            country = self.home
        if country is None:
            if tok.ent_type_ in ("ORG", "NORP") and tok.pos_ == "PROPN":
                return Entity(text=text, name=_body_name(span), country=None, sector=sector or "OTH")
            return None
        if sector is None:
            if tok.ent_type_ in ("GPE", "NORP") or tok.pos_ == "PROPN":
                sector = "GOV"
            else:
                return None
        name = None
        if tok.ent_type_ == "ORG" and not self.countries.lookup(text):
            name = _body_name(span)
        if sector == "GOV" and tok.lemma_.lower() in ("president", "leader", "minister", "premier"):
            office = "head_of_state" if tok.lemma_.lower() in ("president", "leader") else "head_of_government"
            if any(t.lower_ == "foreign" for t in span) and tok.lemma_.lower() == "minister":
                office = "foreign_minister"  # ("a foreign leader" leads some other state: its head)
            elif any(t.lower_ in ("defence", "defense") for t in span):
                office = "defence_minister"
            # "the Democratic leader" leads a party, not the state.
            partisan = any(t.lower_ in _PARTY_WORDS for t in span)
            if self.on is not None and not partisan and not any(t.lower_ in ("former", "ex") for t in span):
                name = self.kb.office_holder(country, office, self.on) or name
        if name is None and tok.lemma_.lower() in _NAMED_ROLES:
            holder = self._named_holder(tok)
            if holder is not None and holder.country in (country, None):
                name = holder.name
        return Entity(text=text, name=name, country=country, sector=sector)

    def _named_holder(self, tok: Token) -> Entity | None:
        """The person a role noun stands for, when the text names someone in that
        role nearby ("a spokeswoman for China's Foreign Ministry ... said the
        spokeswoman, Hua Chunying")."""
        doc = tok.doc
        sent = tok.sent
        end = sent.end
        for _ in range(2):
            if end < len(doc):
                end = doc[end].sent.end
        role = tok.lemma_.lower()
        for ent in doc[sent.start:end].ents:
            if ent.label_ != "PERSON":
                continue
            root = ent.root
            around = list(_clip_mention(root))
            if root.dep_ == "appos":
                around.extend(_clip_mention(root.head))
            around.extend(t for c in root.children if c.dep_ == "appos" for t in c.subtree)
            if any(t.lemma_.lower() == role for t in around if t.i not in range(ent.start, ent.end)):
                return self._person(root, _clip_mention(root))
        return None

    def _place_country(self, span: Span) -> str | None:
        """The country of a place named in the mention ("Chibok schoolgirls", "Idlib residents")."""
        if self.gazetteer is None:
            return None
        for ent in span.ents:
            if ent.label_ in ("GPE", "LOC", "FAC"):
                match = self.gazetteer.resolve(ent.text)
                if match is not None and match.country:
                    return match.country
        return None

    def _pronoun(self, lower: str, tok: Token) -> Entity | list[Entity] | None:
        if lower in _FIRST_PERSON:
            return self._speaker(tok)
        if lower in ("it", "they"):
            reporter = self._reporter(tok)
            if reporter is not None:
                return reporter
        if lower in _PERSONAL:
            # The person named before the pronoun, a subject first ("Obama said he
            # will not meet Netanyahu": Obama); else the last one before the sentence.
            before = [(t, e) for t, e in self.memory.sentence_people if t.i < tok.i]
            if lower in ("he", "she"):
                before = [(t, e) for t, e in before if t.dep_ in ("nsubj", "nsubjpass")] or before
            if before:
                return before[-1][1]
            return self.memory.person_before_sentence or self.memory.last_person()
        if lower in _THING:
            return self._last_state()
        if lower in ("they", "them", "their"):
            # "Robinson and Rojkan had been holidaying when they were detained": the people
            # coordinated before the pronoun in its own sentence.
            named = {t.i: e for t, e in self.memory.sentence_people if t.i < tok.i}
            for i in sorted(named, reverse=True):
                group = [i] + [c.i for c in tok.doc[i].conjuncts if c.i in named]
                if len(group) > 1:
                    return [named[j] for j in sorted(group)]
        if lower in _GROUP:
            if len(_dedupe(self.memory.last_event_actors)) > 1:
                return None  # "they" = the several actors of the last event (see _pair_or_plural)
            return self.memory.last_group()
        return None

    def _reporter(self, tok: Token) -> Entity | None:
        """"The Red Cross says it handed the girls over": the subject of a reported
        clause is, by default, whoever reports it."""
        clause = tok.head
        if tok.dep_ != "nsubj" or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_VERBS:
            return None
        subj = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ == "PRON":
            return None
        found = self.code(subj, expand=False)
        return found[0] if len(found) == 1 else None

    def _speaker(self, tok: Token) -> Entity | None:
        """"I demand an explanation," Yavlinsky said: the person who says the quoted words."""
        for verb in tok.sent:
            if verb.pos_ == "VERB" and verb.lemma_.lower() in REPORTING_VERBS and verb.i != tok.head.i:
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.lower_ not in _FIRST_PERSON:
                    found = self.code(subj, expand=False)
                    if len(found) == 1:
                        return found[0]
        return None

    def _last_state(self) -> Entity | None:
        for ent in reversed(self.memory.groups):
            if ent.country and ent.sector in ("GOV", None) and ent.name is None:
                return ent
        return self.memory.last_group()

    def is_leader(self, ent: Entity) -> bool:
        """Whether a person heads their state on the article's date ("the two leaders")."""
        if self.on is None or not ent.country or not ent.name:
            return False
        return ent.name in (self.kb.office_holder(ent.country, "head_of_state", self.on),
                            self.kb.office_holder(ent.country, "head_of_government", self.on))

    def _pair_or_plural(self, tok: Token) -> list[Entity]:
        """ "the two leaders", "both sides", "their": the two most recent distinct actors."""
        lower = tok.lower_
        span = _clip_mention(tok)
        words = {t.lower_ for t in span}
        if lower in _GROUP and len(_dedupe(self.memory.last_event_actors)) > 1:
            return [Entity(text=tok.text, name=e.name, country=e.country, sector=e.sector)
                    for e in _dedupe(self.memory.last_event_actors)]
        if ({"two", "both"} & words and tok.lemma_.lower() in _PAIR_HEADS) or lower in ("their", "they", "them"):
            people = tok.lemma_.lower() in ("leader", "president")
            pair = self.memory.last_two(people=people, prefer=self.is_leader if people else None)
            if pair and ({"two", "both"} & words or lower in ("their", "they", "them")):
                return [Entity(text=span.text, name=e.name, country=e.country, sector=e.sector) for e in pair]
        return []


def _sovereign(ent: Entity) -> Entity:
    if ent.country in SOVEREIGN:
        return Entity(text=ent.text, name=ent.name, country=SOVEREIGN[ent.country], sector=ent.sector)
    return ent


def _dedupe(entities: list[Entity]) -> list[Entity]:
    seen: set[tuple] = set()
    out = []
    for ent in entities:
        key = (ent.country, ent.name)
        if key == (None, None) or key in seen:
            continue
        seen.add(key)
        out.append(ent)
    return out
