"""Trigger lexicon: which words express which PLOVER event type.

Each row is `lemma | pos | TYPE | mode | contexts | weight`. `pos` is V (verb),
N (noun) or A (adjective/participle used as a noun modifier). A lemma with a
particle or preposition that changes its meaning ("call on", "step down") is
written with a space and matched on the verb plus that child. Rows are a table
rather than code so they can be read, reviewed and extended in one place.

The weight (0-1) is the prior that the word, when it governs political actors,
expresses that event; it feeds the confidence score.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

_TABLE = """
meet|V|CONSULT||diplomatic|0.9
meeting|N|CONSULT||diplomatic|0.85
encounter|N|CONSULT||diplomatic|0.6
preparation|N|CONSULT||diplomatic|0.4
talk|V|CONSULT||diplomatic|0.5
talks|N|CONSULT||diplomatic|0.9
negotiate|V|CONSULT||diplomatic|0.85
negotiation|N|CONSULT||diplomatic|0.85
summit|N|CONSULT||diplomatic|0.8
visit|V|CONSULT|visit|diplomatic|0.85
visit|N|CONSULT|visit|diplomatic|0.85
trip|N|CONSULT|visit|diplomatic|0.6
host|V|CONSULT|visit|diplomatic|0.7
discuss|V|CONSULT||diplomatic|0.7
discussion|N|CONSULT||diplomatic|0.6
consult|V|CONSULT||diplomatic|0.8
consultation|N|CONSULT||diplomatic|0.7
call|N|CONSULT|phone|diplomatic|0.3
phone|V|CONSULT|phone|diplomatic|0.8
telephone|V|CONSULT|phone|diplomatic|0.8
mediate|V|CONSULT|third-party|diplomatic|0.8
mediation|N|CONSULT|third-party|diplomatic|0.8
engage|V|CONSULT||diplomatic|0.4
dialogue|N|CONSULT||diplomatic|0.6
agree|V|AGREE||diplomatic|0.8
agreement|N|AGREE||diplomatic|0.75
deal|N|AGREE||diplomatic|0.6
accord|N|AGREE||diplomatic|0.7
treaty|N|AGREE||diplomatic|0.6
sign|V|AGREE||diplomatic|0.6
invite|V|AGREE||diplomatic|0.85
invitation|N|AGREE||diplomatic|0.85
accept|V|AGREE||diplomatic|0.6
acceptance|N|AGREE||diplomatic|0.6
pledge|V|AGREE||diplomatic|0.7
pledge|N|AGREE||diplomatic|0.6
promise|V|AGREE||diplomatic|0.6
offer|V|AGREE||diplomatic|0.6
offer|N|AGREE||diplomatic|0.6
vow|V|AGREE||diplomatic|0.5
ceasefire|N|AGREE||military|0.5
truce|N|AGREE||military|0.6
support|V|SUPPORT||diplomatic|0.55
support|N|SUPPORT||diplomatic|0.45
back|V|SUPPORT||diplomatic|0.5
endorse|V|SUPPORT||diplomatic|0.7
welcome|V|SUPPORT||diplomatic|0.7
praise|V|SUPPORT||diplomatic|0.7
recognize|V|SUPPORT||diplomatic|0.5
recognise|V|SUPPORT||diplomatic|0.5
approve|V|SUPPORT||diplomatic|0.5
approval|N|SUPPORT||diplomatic|0.4
apologize|V|CONCEDE||diplomatic|0.8
apologise|V|CONCEDE||diplomatic|0.8
apology|N|CONCEDE||diplomatic|0.8
concede|V|CONCEDE||diplomatic|0.6
pardon|V|CONCEDE||diplomatic|0.8
pardon|N|CONCEDE||diplomatic|0.7
amnesty|N|CONCEDE||diplomatic|0.6
acquit|V|CONCEDE||diplomatic|0.7
lift|V|CONCEDE||economic|0.5
ease|V|CONCEDE||economic|0.5
drop|V|CONCEDE||diplomatic|0.3
suspend|V|CONCEDE||diplomatic|0.3
cooperate|V|COOPERATE||diplomatic|0.8
cooperation|N|COOPERATE||diplomatic|0.6
partner|V|COOPERATE||economic|0.7
collaborate|V|COOPERATE||diplomatic|0.7
extradite|V|COOPERATE||diplomatic|0.7
extradition|N|COOPERATE||diplomatic|0.6
sell|V|COOPERATE||economic|0.35
supply|V|COOPERATE||economic|0.45
transfer|V|COOPERATE||economic|0.35
trade|V|COOPERATE||economic|0.35
aid|N|AID||economic|0.7
aid|V|AID||economic|0.7
assist|V|AID||diplomatic|0.6
assistance|N|AID||diplomatic|0.6
help|V|AID||diplomatic|0.4
provide|V|AID||economic|0.4
donate|V|AID||economic|0.7
send|V|AID||economic|0.3
hand|V|AID||diplomatic|0.3
rescue|V|AID||humanitarian|0.6
train|V|AID||military|0.5
arm|V|AID||military|0.6
release|V|RETREAT|release|diplomatic|0.8
release|N|RETREAT|release|diplomatic|0.7
free|V|RETREAT|release|diplomatic|0.7
withdraw|V|RETREAT|withdraw|military|0.85
withdrawal|N|RETREAT|withdraw|military|0.85
pull out|V|RETREAT|withdraw|military|0.8
retreat|V|RETREAT|withdraw|military|0.8
resign|V|RETREAT|resign|diplomatic|0.85
resignation|N|RETREAT|resign|diplomatic|0.85
step down|V|RETREAT|resign|diplomatic|0.8
disarm|V|RETREAT|disarm|military|0.8
urge|V|REQUEST||diplomatic|0.85
call on|V|REQUEST|change|diplomatic|0.85
call for|V|REQUEST||diplomatic|0.8
ask|V|REQUEST||diplomatic|0.6
request|V|REQUEST||diplomatic|0.8
request|N|REQUEST||diplomatic|0.7
demand|V|REQUEST||diplomatic|0.8
demand|N|REQUEST||diplomatic|0.6
press|V|REQUEST|change|diplomatic|0.55
pressure|V|REQUEST|change|diplomatic|0.7
pressure|N|REQUEST|change|diplomatic|0.4
appeal|V|REQUEST||diplomatic|0.6
appeal|N|REQUEST||diplomatic|0.4
seek|V|REQUEST||diplomatic|0.5
ultimatum|N|REQUEST||diplomatic|0.8
insist|V|REQUEST||diplomatic|0.4
suggest|V|REQUEST||diplomatic|0.3
subpoena|V|REQUEST||legal|0.8
accuse|V|ACCUSE|allege|diplomatic|0.9
accusation|N|ACCUSE|allege|diplomatic|0.8
allege|V|ACCUSE|allege|diplomatic|0.6
allegation|N|ACCUSE|allege|diplomatic|0.6
charge|V|ACCUSE|allege|legal|0.7
indict|V|ACCUSE|allege|legal|0.85
indictment|N|ACCUSE|allege|legal|0.6
blame|V|ACCUSE|allege|diplomatic|0.85
criticize|V|ACCUSE|disapprove|diplomatic|0.9
criticise|V|ACCUSE|disapprove|diplomatic|0.9
criticism|N|ACCUSE|disapprove|diplomatic|0.7
condemn|V|ACCUSE|disapprove|diplomatic|0.9
condemnation|N|ACCUSE|disapprove|diplomatic|0.8
denounce|V|ACCUSE|disapprove|diplomatic|0.9
slam|V|ACCUSE|disapprove|diplomatic|0.8
blast|V|ACCUSE|disapprove|diplomatic|0.6
lash out|V|ACCUSE|disapprove|diplomatic|0.85
hit back|V|ACCUSE|disapprove|diplomatic|0.8
speak against|V|ACCUSE|disapprove|diplomatic|0.7
rail|V|ACCUSE|disapprove|diplomatic|0.7
mock|V|ACCUSE|disapprove|diplomatic|0.8
oppose|V|ACCUSE|disapprove|diplomatic|0.6
protest|V|ACCUSE|disapprove|diplomatic|0.3
investigate|V|ACCUSE|investigate|legal|0.7
investigation|N|ACCUSE|investigate|legal|0.5
probe|N|ACCUSE|investigate|legal|0.4
sue|V|ACCUSE|allege|legal|0.7
lawsuit|N|ACCUSE|allege|legal|0.6
warn|V|ACCUSE|disapprove|diplomatic|0.45
warning|N|ACCUSE|disapprove|diplomatic|0.4
deny|V|REJECT||diplomatic|0.8
denial|N|REJECT||diplomatic|0.7
reject|V|REJECT||diplomatic|0.85
rejection|N|REJECT||diplomatic|0.7
dismiss|V|REJECT||diplomatic|0.7
refuse|V|REJECT||diplomatic|0.8
refusal|N|REJECT||diplomatic|0.7
veto|V|REJECT|change|diplomatic|0.85
veto|N|REJECT|change|diplomatic|0.7
override|V|REJECT|change|political|0.6
downplay|V|REJECT||diplomatic|0.7
rebuff|V|REJECT||diplomatic|0.8
decline|V|REJECT||diplomatic|0.3
threaten|V|THREATEN||diplomatic|0.9
threat|N|THREATEN||diplomatic|0.6
protest|N|PROTEST|demo|political|0.8
demonstrate|V|PROTEST|demo|political|0.6
demonstration|N|PROTEST|demo|political|0.7
rally|V|PROTEST|demo|political|0.6
rally|N|PROTEST|demo|political|0.6
march|V|PROTEST|demo|political|0.4
strike|N|PROTEST|strike|economic|0.1
riot|N|PROTEST|riot|political|0.7
riot|V|PROTEST|riot|political|0.7
boycott|V|PROTEST|boycott|political|0.8
boycott|N|PROTEST|boycott|political|0.7
sanction|N|SANCTION|discontinue|economic|0.9
sanction|V|SANCTION|discontinue|economic|0.85
embargo|N|SANCTION|discontinue|economic|0.8
convict|V|SANCTION|convict|legal|0.9
sentence|V|SANCTION|convict|legal|0.85
sentence|N|SANCTION|convict|legal|0.6
expel|V|SANCTION|expel|diplomatic|0.8
cut|V|SANCTION|discontinue|economic|0.3
ban|V|SANCTION|discontinue|economic|0.5
outlaw|V|COERCE|restrict|diplomatic|0.6
give|V|AID||economic|0.5
deploy|V|MOBILIZE|troops|military|0.85
deployment|N|MOBILIZE|troops|military|0.8
redeploy|V|MOBILIZE|troops|military|0.8
mobilize|V|MOBILIZE|troops|military|0.8
mobilise|V|MOBILIZE|troops|military|0.8
test|N|MOBILIZE|weapons|military|0.5
test|V|MOBILIZE|weapons|military|0.5
launch|N|MOBILIZE|weapons|military|0.4
fire|V|MOBILIZE|weapons|military|0.4
drill|N|MOBILIZE|weapons|military|0.5
exercise|N|MOBILIZE|troops|military|0.3
arrest|V|COERCE|arrest|legal|0.9
arrest|N|COERCE|arrest|legal|0.85
detain|V|COERCE|arrest|legal|0.9
detention|N|COERCE|arrest|legal|0.7
seize|V|COERCE|seize|military|0.7
seizure|N|COERCE|seize|military|0.6
confiscate|V|COERCE|seize|economic|0.7
deport|V|COERCE|deport|legal|0.8
deportation|N|COERCE|deport|legal|0.7
censor|V|COERCE|censor|political|0.8
hack|V|COERCE|cyber|technology|0.7
hacking|N|COERCE|cyber|technology|0.6
crack down|V|COERCE||political|0.8
crackdown|N|COERCE||political|0.8
blockade|N|COERCE|restrict|military|0.7
blockade|V|COERCE|restrict|military|0.7
curfew|N|COERCE|curfew|political|0.6
summon|V|ACCUSE|disapprove|diplomatic|0.6
surrender|V|RETREAT||military|0.7
surrender|N|RETREAT||military|0.6
grant|V|AID||diplomatic|0.5
fire|N|ASSAULT|firearms|military|0.6
imprison|V|COERCE|arrest|legal|0.8
jail|V|COERCE|arrest|legal|0.7
attack|V|ASSAULT||military|0.85
attack|N|ASSAULT||military|0.8
strike|V|ASSAULT||military|0.5
airstrike|N|ASSAULT|aerial|military|0.9
bomb|V|ASSAULT|explosives|military|0.8
bombing|N|ASSAULT|explosives|military|0.8
shell|V|ASSAULT|heavy-weapons|military|0.8
shelling|N|ASSAULT|heavy-weapons|military|0.8
kill|V|ASSAULT||military|0.7
killing|N|ASSAULT||military|0.6
abduct|V|ASSAULT|abduct|military|0.9
kidnap|V|ASSAULT|abduct|military|0.9
abduction|N|ASSAULT|abduct|military|0.8
kidnapping|N|ASSAULT|abduct|military|0.8
assassinate|V|ASSAULT|targeted|military|0.9
assassination|N|ASSAULT|targeted|military|0.85
beat|V|ASSAULT|beat|military|0.5
punch|V|ASSAULT|beat|military|0.6
assault|V|ASSAULT|beat|military|0.8
assault|N|ASSAULT|beat|military|0.7
kick|V|ASSAULT|beat|military|0.5
slap|V|ASSAULT|beat|military|0.5
stab|V|ASSAULT|primitive|military|0.7
bite|V|ASSAULT|beat|military|0.4
throw|V|ASSAULT|primitive|military|0.6
raid|V|ASSAULT||military|0.7
raid|N|ASSAULT||military|0.6
ambush|V|ASSAULT||military|0.8
ambush|N|ASSAULT||military|0.7
massacre|V|ASSAULT||military|0.9
massacre|N|ASSAULT||military|0.8
murder|V|ASSAULT||military|0.7
torture|V|ASSAULT|torture|military|0.8
invade|V|ASSAULT||military|0.85
invasion|N|ASSAULT||military|0.85
offensive|N|ASSAULT||military|0.8
battle|V|ASSAULT||military|0.6
fight|V|ASSAULT||military|0.5
fighting|N|ASSAULT||military|0.6
clash|V|ASSAULT||military|0.7
clash|N|ASSAULT||military|0.7
insurgency|N|ASSAULT||military|0.6
campaign|N|ASSAULT||military|0.15
operation|N|ASSAULT||military|0.2
shoot|V|ASSAULT|firearms|military|0.7
overrun|V|ASSAULT||military|0.8
capture|V|ASSAULT||military|0.5
"""

# Nouns that name the event only with a military/weapon modifier ("missile test",
# "military campaign"); without one they are too ambiguous to code.
NEEDS_MODIFIER = {
    ("test", "N"): {"missile", "nuclear", "weapon", "weapons", "ballistic", "rocket", "bomb"},
    ("test", "V"): {"missile", "nuclear", "weapon", "weapons", "ballistic", "rocket", "bomb", "icbm"},
    ("launch", "N"): {"missile", "rocket", "satellite", "ballistic"},
    ("drill", "N"): {"military", "missile", "naval", "live-fire", "ballistic", "joint"},
    ("exercise", "N"): {"military", "naval", "joint", "war"},
    ("campaign", "N"): {"military", "bombing", "air", "counterinsurgency"},
    ("operation", "N"): {"military", "anti-isis", "counterterrorism", "ground", "isis"},
    ("fire", "V"): {"missile", "missiles", "rocket", "rockets", "shell", "shells", "mortar"},
    ("call", "N"): {"phone", "telephone"},
    ("strike", "N"): {"general", "hunger", "labor", "labour"},
    ("support", "N"): {"military", "financial", "political"},
    # "gave 352 million euros", "gave weapons": a gift of aid, not of a speech or a mandate.
    ("give", "V"): {"aid", "assistance", "euro", "euros", "dollar", "dollars", "fund", "funds", "funding", "grant",
                    "loan", "loans", "weapon", "weapons", "arms", "food", "supplies", "ammunition", "million",
                    "billion"},
    # Preparations count as consultations only when they prepare a meeting.
    ("preparation", "N"): {"for:meeting", "for:summit", "for:talks", "for:visit", "for:negotiation"},
    ("summon", "V"): {"ambassador", "envoy", "diplomat", "charge", "chargé"},
    ("grant", "V"): {"asylum", "refuge", "visa", "visas", "amnesty", "pardon", "access"},
    ("fire", "N"): {"open", "opened"},
    ("throw", "V"): {"stone", "stones", "rock", "rocks", "grenade", "grenades", "molotov", "cocktail",
                     "cocktails", "firebomb", "firebombs", "bomb", "bombs"},
    ("offer", "V"): {"talks", "help", "aid", "assistance", "support", "ceasefire", "truce", "deal", "concession",
                     "concessions", "asylum", "mediation", "to", "invitation"},
}

# Verbs whose licensing object is what the act is done with, not whom it is done
# to: "fired a missile over Japan's island", "gave aid", "granted asylum" name no
# recipient in the object ("summoned the ambassador" does, so it is not here).
THEME_OBJECT_VERBS = frozenset({"fire", "test", "give", "grant", "offer", "throw"})

# Nouns that name rules and texts, not parties: an act "against UN resolutions" defies them.
NOT_PARTIES = frozenset({"resolution", "law", "rule", "regulation", "treaty", "charter", "norm", "principle",
                         "convention", "constitution", "ruling", "order", "decision", "suspicion"})
# Nouns that say the name beside them is a locality ("the town of Kilis", "the Chibok town").
LOCALITY_NOUNS = frozenset({"town", "village", "city", "district", "province", "region", "county", "camp",
                            "governorate", "municipality", "hamlet", "suburb", "neighbourhood", "neighborhood"})
# Facilities news names by the town they serve ("Manchester airport", "Ofer prison"): a place
# of their own, named as written, in that town's country.
FACILITY_NOUNS = frozenset({"airport", "prison", "airbase", "port"})
# Verbs of taking captives: whoever did it holds them, and releases them.
CAPTURE_VERBS = frozenset({"abduct", "kidnap", "hold", "capture", "seize", "detain", "take", "imprison", "jail",
                           "arrest"})

# Words around a trigger that change or cancel its sense (read by extract.mentions).
# Particles that make a phrasal verb another verb than its bare sense.
OTHER_VERB_PARTICLES = {
    "give": frozenset({"up", "in", "away", "back", "out"}),
    "back": frozenset({"down", "off", "away", "out"}),
    "seize": frozenset({"on", "upon"}),  # "seize on the meeting as an opportunity"
}
# Event nouns whose possessor undergoes the act: "Prakash's extradition", "their arrests",
# "Brunson's release" (while "Russia's invasion" is done by its possessor).
PATIENT_NOUNS = frozenset({"arrest", "detention", "extradition", "release", "deportation", "abduction",
                           "kidnapping", "assassination", "killing", "imprisonment", "execution"})
# Objects that make a verb no event of its type: "released a video" frees no one.
NOT_OBJECTS = {
    "provide": frozenset({"detail", "details", "information", "evidence", "update", "updates", "comment",
                          "explanation", "figure", "figures", "data", "answer", "answers", "proof", "context"}),
    "release": frozenset({"video", "statement", "report", "footage", "image", "images", "photo", "photos",
                          "picture", "pictures", "detail", "details", "information", "data", "figure",
                          "figures", "document", "documents", "recording", "audio", "tape", "list",
                          "result", "results", "name", "names", "book", "album", "film", "transcript",
                          "letter", "memo", "plan", "budget", "forecast", "estimate", "estimates"}),
}
# Nouns that name a display when they take "of": "a demonstration of resolve"
# shows something; "a demonstration against the war" is a protest.
SHOW_NOUNS = frozenset({"demonstration"})
# A warning of these is a threat ("warned of retaliation"); other warnings
# disapprove ("warned of the nuclear threat").
THREAT_WORDS = frozenset({"retaliation", "consequence", "repercussion", "reprisal", "response", "war",
                          "attack", "strike", "action", "force", "punishment", "revenge", "price"})
# A pledge of these is support ("pledged allegiance"); a pledge to act is an agreement.
LOYALTY = frozenset({"allegiance", "loyalty", "fealty", "support", "solidarity", "backing"})

# Light verbs whose subject acts through their object noun ("held talks",
# "launched an offensive", "imposed sanctions").
LIGHT_VERBS = frozenset({
    "hold", "have", "launch", "conduct", "carry", "stage", "impose", "make", "sign", "reach",
    "issue", "give", "begin", "start", "continue", "resume", "announce", "order", "mount",
    "pay", "undertake", "wage", "lead", "join", "extend", "accept", "adopt", "pass", "approve",
    "toughen", "slap", "level", "file", "lodge", "strike", "broker", "seal", "hammer",
    "initiate", "commence", "open", "perform", "plan", "propose", "take", "tighten", "declare",
})


@dataclass(frozen=True, slots=True)
class TriggerSense:
    lemma: str
    pos: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    weight: float
    particle: str | None = None


@functools.lru_cache(maxsize=1)
def trigger_table() -> dict[tuple[str, str], tuple[TriggerSense, ...]]:
    """(lemma, pos) -> senses, best first. Phrasal senses carry their particle."""
    table: dict[tuple[str, str], list[TriggerSense]] = {}
    for line in _TABLE.strip().splitlines():
        lemma, pos, etype, mode, ctx, weight = line.split("|")
        head, _, particle = lemma.partition(" ")
        sense = TriggerSense(
            lemma=head, pos=pos, type=etype, mode=mode or None,
            context=tuple(c for c in ctx.split(",") if c), weight=float(weight),
            particle=particle or None,
        )
        table.setdefault((head, pos), []).append(sense)
    return {k: tuple(sorted(v, key=lambda s: (s.particle is None, -s.weight))) for k, v in table.items()}


# Verbs that report speech or knowledge: their complement carries the claim,
# their subject is the source ("an official told the Post that ...").
REPORTING_VERBS = frozenset({
    "say", "tell", "report", "state", "announce", "claim", "confirm", "add", "note", "write",
    "tweet", "declare", "insist", "explain", "believe", "think", "suggest", "indicate", "reveal",
    "disclose", "acknowledge", "argue", "assert", "maintain", "contend", "mention", "quote", "cite",
    "show", "know", "learn", "hear",
})
