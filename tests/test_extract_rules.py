"""Article-level rules of the extractor, each on a small hand-written text.

These load the spaCy model (module-scoped through the pipeline's cache).
"""

from __future__ import annotations

import pytest

from newsevents.extract.article import blank_dateline
from newsevents.kb.places import english_name, get_gazetteer
from newsevents.pipeline import extract

pytestmark = pytest.mark.model


def _countries(entities) -> set[str]:
    return {e.country for e in entities if e.country}


def _of_type(events, etype):
    return [e for e in events if e.type == etype]


def test_dateline_is_blanked_with_offsets_kept_and_gives_the_place():
    text = "Some title\nUpdated: 2017-09-15 17:52\nBEIJING -- China on Friday said it opposes the missile launches."
    blanked, place = blank_dateline(text)
    assert len(blanked) == len(text)
    assert place == "BEIJING"
    assert "BEIJING" not in blanked and blanked.endswith("missile launches.")
    events = extract(text, published="2017-09-15")
    accuse = _of_type(events, "ACCUSE")
    assert accuse and accuse[0].place is not None and accuse[0].place.name == "Beijing"


def test_text_without_dateline_is_unchanged():
    text = "China said on Friday that it opposes the launches."
    assert blank_dateline(text) == (text, None)


def test_gazetteer_names_come_out_as_news_writes_them():
    assert english_name("\u2018Afr\u012bn") == "Afrin"
    match = get_gazetteer().resolve("Afrin", context_countries=["SYR"])
    assert match is not None and match.name == "Afrin"


def test_quoted_command_is_a_request_by_its_speaker():
    events = extract('"Call off this summit," Senator Ron Wyden of the United States tweeted on Friday.',
                     published="2018-07-13")
    requests = _of_type(events, "REQUEST")
    assert requests, events
    assert "USA" in _countries(requests[0].actor)
    assert requests[0].sourcing == "direct"  # the speaker's own words are the event


def test_apposed_name_is_who_acts():
    events = extract("The Iraqi prime minister, Adel Abdul-Mahdi, met Turkish officials in Baghdad on Monday.",
                     published="2019-02-04")
    consult = _of_type(events, "CONSULT")
    assert consult
    names = {e.name for e in consult[0].actor + consult[0].recipient if e.name}
    assert any("Abdul-Mahdi" in n for n in names), names  # the KB spells him "Adil"


def test_resignation_of_someone_is_their_act():
    events = extract("The decision prompted the resignation of the Pentagon chief, Jim Mattis, last week.",
                     published="2018-12-25")
    retreat = _of_type(events, "RETREAT")
    assert retreat and retreat[0].mode == "resign"
    assert "USA" in _countries(retreat[0].actor)


def test_reporters_of_an_event_are_not_its_actors():
    events = extract("Japanese officials confirmed another missile test by North Korea on Friday.",
                     published="2017-09-15")
    mobilize = _of_type(events, "MOBILIZE")
    assert mobilize and _countries(mobilize[0].actor) == {"PRK"}


def test_standing_sanctions_are_not_an_event_but_new_ones_are():
    assert not _of_type(extract("The ship was accused of violating U.N. sanctions.", published="2017-12-29"),
                        "SANCTION")
    imposed = _of_type(extract("The United States imposed new sanctions on Iran on Monday.",
                               published="2018-11-06"), "SANCTION")
    assert imposed and _countries(imposed[0].actor) == {"USA"} and _countries(imposed[0].recipient) == {"IRN"}


def test_an_undated_reaction_takes_the_day_of_the_statement_before_it():
    text = ("Russia strongly condemned the missile launch on Friday. "
            "Russian lawmakers also denounced the latest move by North Korea.")
    accusations = _of_type(extract(text, published="2017-09-15"), "ACCUSE")
    assert len(accusations) >= 2
    assert all(e.date is not None and e.date.value == "2017-09-15" for e in accusations)


def test_the_meeting_adds_its_claimants_to_the_meeting_already_coded():
    text = ("President Joe Biden will meet President Xi Jinping in San Francisco next month. "
            "An official told the Washington Post that the meeting is being prepared.")
    consults = _of_type(extract(text, published="2023-10-06"), "CONSULT")
    assert len(consults) == 1
    assert consults[0].status == "planned"
    assert any(a.via and "Washington Post" in a.via for a in consults[0].attribution)


def test_analysts_are_not_claimants():
    text = ("President Joe Biden will meet President Xi Jinping next month. "
            "Some analysts suggest that the upcoming summit holds potential for both leaders.")
    consults = _of_type(extract(text, published="2023-10-06"), "CONSULT")
    assert consults and not any("analyst" in (a.source or "").lower() for c in consults for a in c.attribution)


@pytest.mark.parametrize("text, etype", [
    ("Turkey summoned the German ambassador on Tuesday.", "ACCUSE"),
    ("Germany granted asylum to the Russian dissident.", "AID"),
    ("Egypt declared a ceasefire in Gaza.", "AGREE"),
    # PLOVER verbs the PLV train split showed missing
    ("President Arroyo pardoned former president Joseph Estrada.", "CONCEDE"),
    ("Germany gave 352 million euros to Ethiopia.", "AID"),
    ("Vietnamese authorities have outlawed opposition parties.", "COERCE"),
    ("Palestinian factions have agreed to lay down their weapons.", "AGREE"),
])
def test_plover_senses_of_diplomatic_phrases(text, etype):
    assert etype in {e.type for e in extract(text, published="2020-01-01")}


def test_summoning_someone_who_is_not_an_envoy_is_not_a_protest():
    assert "ACCUSE" not in {e.type for e in extract("Turkey summoned its courage.", published="2020-01-01")}


def test_a_statement_happens_where_it_is_said():
    text = "Iraqi President Barham Salih told reporters at a forum in Baghdad on Monday that he condemned the raid."
    accuse = _of_type(extract(text, published="2019-02-04"), "ACCUSE")
    assert accuse and accuse[0].place is not None and accuse[0].place.name == "Baghdad"
    assert accuse[0].date is not None and accuse[0].date.value == "2019-02-04"


def test_the_dateline_is_not_where_a_foreign_event_happened():
    text = "MOSCOW -- North Korea fired a missile over Japan on Friday. Russia condemned the launch."
    events = extract(text, published="2017-09-15")
    missile = _of_type(events, "MOBILIZE")
    assert missile and (missile[0].place is None or missile[0].place.country != "RUS")
    accuse = _of_type(events, "ACCUSE")
    assert accuse and accuse[0].place is not None and accuse[0].place.name == "Moscow"


@pytest.mark.parametrize(("text", "published", "etype", "place"), [
    # the paragraph's previous event, when they share a participant
    ("Turkish troops shelled Kurdish positions in Afrin on Sunday. "
     "Turkish troops also detained dozens of Kurdish fighters.", "2018-03-11", "COERCE", ("Afrin", "SYR")),
    # "there": the place named before it
    ("Australia had been pressing Turkey to extradite Prakash since he was first detained there "
     "nearly two years ago.", "2018-07-19", "COERCE", ("Turkey", "TUR")),
    # a statement: where the article reports its speaker speaking
    ("Iraq's president Barham Salih has hit back at Donald Trump.\n"
     "Salih told reporters at a forum in Baghdad that the troops were there under an agreement.",
     "2019-02-04", "ACCUSE", ("Baghdad", "IRQ")),
])
def test_where_an_event_whose_sentence_names_no_place_happens(text, published, etype, place):
    events = _of_type(extract(text, published=published), etype)
    assert events and events[0].place is not None, events
    assert (events[0].place.name, events[0].place.country) == place


def test_civilians_of_the_actors_country_are_its_victims():
    text = "Nigerian officials said Boko Haram militants kidnapped 21 of the schoolgirls in 2014."
    assault = _of_type(extract(text, published="2016-10-13"), "ASSAULT")
    assert assault and [(r.country, r.sector) for r in assault[0].recipient] == [("NGA", "CVL")]


def test_a_common_noun_that_names_no_people_is_no_recipient():
    text = "Nigerian officials said Boko Haram militants attacked the effort in 2014."
    for event in extract(text, published="2016-10-13"):
        assert all(r.sector != "CVL" for r in event.recipient), event


@pytest.mark.parametrize(("text", "absent", "present"), [
    ("Damascus struck a deal with the Kurdish militia on Monday.", "ASSAULT", "AGREE"),
    ("The militant group Boko Haram released a video in August.", "RETREAT", None),
    ("Turkey launched an offensive against the YPG.", None, "ASSAULT"),
])
def test_the_object_decides_whether_a_verb_is_an_event(text, absent, present):
    types = {e.type for e in extract(text, published="2018-02-19")}
    if absent:
        assert absent not in types, types
    if present:
        assert present in types, types


@pytest.mark.parametrize(("text", "etype"), [
    ("North Korea has been warning of retaliation for the sanctions.", "THREATEN"),
    ("Trump warned of the North Korean nuclear threat.", "ACCUSE"),
])
def test_a_warning_of_force_is_a_threat(text, etype):
    warn = [e for e in extract(text, published="2017-09-14") if e.trigger.startswith("warn")]
    assert warn and warn[0].type == etype, warn


def test_a_threat_is_aimed_at_the_object_of_the_act_threatened():
    from newsevents.extract.mentions import find_mentions
    from newsevents.nlp import load_nlp

    doc = load_nlp()("Turkey threatened a full-scale offensive to dismantle the militias.")
    threat = [m for m in find_mentions(doc[:]) if m.sense.type == "THREATEN"]
    assert threat and [t.text for t in threat[0].recipients] == ["militias"]


def test_a_surname_is_the_person_the_article_introduced_whatever_the_tagger_says():
    text = ("Former Mexican President Vicente Fox on Wednesday criticized President Enrique Peña Nieto. "
            "Earlier this year, Fox railed against Trump.")
    railed = [e for e in extract(text, published="2016-08-31") if e.trigger == "railed"]
    assert railed and [(a.name, a.country) for a in railed[0].actor] == [("Vicente Fox", "MEX")]


def test_a_pronoun_points_back_at_a_person_named_before_it_not_after():
    text = "Obama has said he will not meet with Netanyahu ahead of his speech in March."
    consult = _of_type(extract(text, published="2015-02-25"), "CONSULT")
    assert consult and consult[0].actor[0].name == "Barack Obama", consult


def test_will_not_meet_is_also_a_refusal_to_meet():
    events = extract("Putin won't meet Zelensky.", published="2023-05-01")
    reject = _of_type(events, "REJECT")
    assert reject and reject[0].mode == "meet" and reject[0].status == "occurred"
    assert _countries(reject[0].actor) == {"RUS"} and _countries(reject[0].recipient) == {"UKR"}
    assert not _of_type(extract("Putin did not meet Zelensky.", published="2023-05-01"), "REJECT")


def test_a_backed_modifier_is_a_standing_relation_not_an_event():
    from newsevents.extract.mentions import find_mentions
    from newsevents.nlp import load_nlp

    doc = load_nlp()("He joined the peshmerga, the Iraqi government-backed army of Kurdish fighters, "
                     "and Iranian-backed forces in the border region.")
    assert not [m for m in find_mentions(doc[:]) if m.sense.lemma == "back"]


def test_a_killing_in_the_passive_with_no_killer_named_is_not_guessed_at():
    text = "Russian and Syrian officials estimated that dozens of Russians had been killed."
    assert not _of_type(extract(text, published="2018-02-13"), "ASSAULT")


def test_two_weekdays_are_one_interval():
    text = "US forces struck a pro-regime force in eastern Syria last Wednesday and Thursday."
    assault = _of_type(extract(text, published="2018-02-13"), "ASSAULT")
    assert assault and assault[0].date is not None and assault[0].date.value == "2018-02-07/2018-02-08"


def test_the_person_an_apposition_describes_is_the_actor():
    text = "Representative Nancy Pelosi, the Democratic leader who plans to support the override effort, spoke."
    support = _of_type(extract(text, published="2016-09-28"), "SUPPORT")
    assert support and support[0].actor[0].name == "Nancy Pelosi", support


def test_the_spokesperson_who_voices_a_state_statement_is_an_actor_too():
    text = '"China opposes the missile launches," Foreign Ministry spokesperson Hua Chunying said.'
    accuse = _of_type(extract(text, published="2017-09-15"), "ACCUSE")
    assert accuse and {a.name for a in accuse[0].actor} >= {"Hua Chunying"} and _countries(accuse[0].actor) == {"CHN"}


def test_an_articles_places_are_read_together():
    texas = extract("US police arrested two protesters in Paris on Saturday. "
                    "The protesters had driven from Dallas and Sherman in Texas.", published="2020-06-01")
    alone = extract("US police arrested two protesters in Paris on Saturday.", published="2020-06-01")
    (near,), (far,) = _of_type(texas, "COERCE"), _of_type(alone, "COERCE")
    assert (near.place.name, near.place.country) == ("Paris", "USA")
    assert (far.place.name, far.place.country) == ("Paris", "FRA")


def test_a_clause_describing_the_victims_does_not_name_them():
    text = ("The Nigerian government said it had secured the release of 21 of the more than 200 Chibok "
            "schoolgirls who were kidnapped by Boko Haram militants in April 2014.")
    assault = _of_type(extract(text, published="2016-10-13"), "ASSAULT")
    assert assault and [(r.country, r.sector) for r in assault[0].recipient] == [("NGA", "CVL")], assault


def test_a_phrasal_verb_is_not_its_bare_verb():
    text = "Washington insists the North Korean regime must give up its weapons."
    assert not _of_type(extract(text, published="2018-01-03"), "AID")


def test_a_denial_naming_no_one_answers_the_accuser_not_the_articles_other_country():
    text = ("Trump accused China on Thursday of selling oil to North Korea. North Korea has denied buying oil. "
            "A spokeswoman for China's Foreign Ministry dismissed the claim.")
    rejects = [e for e in extract(text, published="2017-12-29") if e.trigger == "dismissed"]
    assert rejects and _countries(rejects[0].recipient) == {"USA"}, rejects


def test_what_a_speaker_says_someone_must_do_is_a_request_of_them():
    text = '"Russia must withdraw its troops," Biden said.'
    events = extract(text, published="2022-03-01")
    request = _of_type(events, "REQUEST")
    assert request and _countries(request[0].actor) == {"USA"} and _countries(request[0].recipient) == {"RUS"}
    assert _of_type(events, "RETREAT"), "the act requested is coded beside the request"


def test_a_us_legislators_party_and_state_tag_gives_the_country():
    text = 'Sen. Jack Reed, D-R.I., said Trump should "immediately cancel his meeting."'
    request = _of_type(extract(text, published="2018-07-13"), "REQUEST")
    assert request and request[0].actor[0].country == "USA", request


@pytest.mark.parametrize("text", [
    "When Hua was asked about South Korean claims of an oil transfer, she dismissed them.",
    "Salih said the US did not ask Iraq's permission for troops stationed there to \u201cwatch Iran\u201d.",
    'The court said Prakash must stay behind bars for now, News Corp reported.',
])
def test_questions_quoted_fragments_and_outlets_make_no_request(text):
    requests = _of_type(extract(text, published="2019-02-04"), "REQUEST")
    assert not [e for e in requests if e.trigger in ("asked", "watch", "stay")], requests


def test_warning_that_someone_would_face_consequences_is_a_threat_made():
    text = ("Turkish President Recep Tayyip Erdogan said in a phone call with Vladimir Putin that Damascus "
            "would face consequences if it struck a deal with the YPG.")
    threat = _of_type(extract(text, published="2018-02-19"), "THREATEN")
    assert threat and threat[0].status == "occurred"
    assert _countries(threat[0].actor) == {"TUR"} and _countries(threat[0].recipient) == {"SYR"}


def test_a_demand_voiced_by_an_administration_is_its_request():
    text = "The Trump administration insists Pyongyang must give up its weapons drive."
    request = _of_type(extract(text, published="2018-01-03"), "REQUEST")
    assert request and request[0].status == "occurred"
    assert _countries(request[0].actor) == {"USA"} and _countries(request[0].recipient) == {"PRK"}


def test_pledging_allegiance_is_support_and_pledging_to_act_an_agreement():
    assert _of_type(extract("Boko Haram pledged allegiance to the Islamic State group.", published="2016-10-13"),
                    "SUPPORT")
    assert _of_type(extract("Germany pledged to send tanks to Ukraine.", published="2023-01-25"), "AGREE")


@pytest.mark.parametrize(("text", "country"), [
    # more mentions of Turkey than of Syria, but the story is set in Afrin
    ("Turkey launched an offensive on Afrin. Turkey says Turkish troops will stay in Afrin. "
     "Kurdish officials asked the Syrian government to intervene in Afrin.", "SYR"),
    ("Iraqi forces entered Kirkuk. Kurdish officials asked Baghdad to withdraw its forces from Kirkuk.", "IRQ"),
])
def test_a_stateless_peoples_adjective_takes_the_state_the_story_is_set_in(text, country):
    request = _of_type(extract(text, published="2018-02-19"), "REQUEST")
    assert request and request[0].actor[0].country == country, request


def test_a_merged_event_the_article_states_itself_is_direct_unless_only_planned():
    stated = ("Police arrested 30 Kurdish protesters in Manchester on Sunday. "
              "British police also arrested 30 Kurdish protesters in Manchester, the group said.")
    coerce = _of_type(extract(stated, published="2018-03-11"), "COERCE")
    assert len(coerce) == 1 and coerce[0].sourcing == "direct" and coerce[0].attribution, coerce


def test_a_planned_event_does_not_take_the_time_of_its_planning():
    text = "Top Democrats on Friday pressed President Biden to cancel his upcoming summit with Vladimir Putin."
    summit = [e for e in extract(text, published="2021-06-11") if e.type == "CONSULT"]
    assert summit and summit[0].status == "planned" and summit[0].date is None, summit


def test_the_weapon_fired_is_no_recipient_and_its_owner_no_target():
    events = _of_type(extract("North Korea fired a missile over Japan's northern island of Hokkaido on Friday.",
                              published="2017-09-15"), "MOBILIZE")
    assert events and all(not e.recipient for e in events)


@pytest.mark.parametrize(("text", "actor"), [
    ("Officials have confirmed another missile test by North Korea Friday morning local time.", "North Korea"),
    ("This is the 15th North Korean missile test this year.", "North Korean"),
])
def test_a_name_does_not_run_on_into_the_noun_or_time_it_modifies(text, actor):
    events = _of_type(extract(text, published="2017-09-14"), "MOBILIZE")
    assert [(a.text, a.country) for a in events[0].actor] == [(actor, "PRK")]


def test_a_confirmed_act_of_force_happened_and_a_confirmed_meeting_is_to_come():
    test = _of_type(extract("Officials have confirmed another missile test by North Korea.",
                            published="2017-09-14"), "MOBILIZE")
    meeting = _of_type(extract("The White House confirmed a meeting between Biden and Xi.",
                               published="2023-10-06"), "CONSULT")
    assert test[0].status == "occurred"
    assert meeting[0].status == "planned"


def test_the_day_after_publication_in_local_time_is_not_a_plan():
    events = _of_type(extract("North Korea fired a missile Friday morning local time.", published="2017-09-14"),
                      "MOBILIZE")
    assert events[0].status == "occurred"
    assert events[0].date is not None and events[0].date.value == "2017-09-15"


def test_the_place_of_a_condemnation_is_not_the_place_of_what_it_condemns():
    text = ("MOSCOW -- Russia strongly condemned the latest missile launch by North Korea, the Kremlin said Friday. "
            "North Korea fired a missile over Japan's northern island of Hokkaido on Friday.")
    events = extract(text, published="2017-09-15")
    launches = _of_type(events, "MOBILIZE")
    assert launches and all(e.place is None or e.place.country != "RUS" for e in launches)
    assert any(e.place is not None and e.place.name == "Hokkaido" for e in launches)


def test_the_place_an_offensive_is_fought_in_is_no_recipient():
    events = _of_type(extract("Turkey launched a military campaign in Afrin last month.", published="2018-02-19"),
                      "ASSAULT")
    assert events and events[0].place is not None and events[0].place.name == "Afrin"
    assert all(r.text != "Afrin" for r in events[0].recipient)


@pytest.mark.parametrize("text", [
    "Germany praised the release of the schoolgirls.",
    "The Nigerian government secured the release of the schoolgirls on Thursday.",
])
def test_judging_or_obtaining_an_event_is_not_doing_it(text):
    events = _of_type(extract(text, published="2016-10-13"), "RETREAT")
    assert all(not {"DEU", "NGA"} & _countries(e.actor) or e.actor[0].sector != "GOV" for e in events)


def test_an_event_noun_is_no_participant():
    # "the release of ... schoolgirls" once coded as civilians (from "schoolgirls") of the article's country.
    from newsevents.extract.article import Resources
    from newsevents.extract.entities import EntityCoder
    from newsevents.nlp import load_nlp

    res = Resources.default()
    doc = load_nlp()("I welcome the release of 21 of our Girls and of the schoolgirls.")
    coder = EntityCoder(res.kb, res.countries, None, gazetteer=res.gazetteer, home="NGA")
    release = next(t for t in doc if t.lower_ == "release")
    schoolgirls = next(t for t in doc if t.lower_ == "schoolgirls")
    assert coder.code(release) == []
    assert [e.country for e in coder.code_people(schoolgirls)] == ["NGA"]


def test_it_in_a_reported_clause_is_whoever_reports_it():
    events = _of_type(extract("Nigeria welcomed the girls. The Red Cross says it handed the 21 girls to "
                              "Nigerian government authorities.", published="2016-10-13"), "AID")
    assert events and [a.name for a in events[0].actor] == ["International Committee of the Red Cross"]


def test_a_bare_participle_killing_names_no_killer():
    events = extract("Congress passed a bill allowing families of those killed in the attacks to sue "
                     "Saudi Arabia.", published="2016-09-28")
    assert not _of_type(events, "ASSAULT")


def test_a_demonstration_of_something_is_no_protest_but_one_of_people_is():
    assert not _of_type(extract("\"Such unequivocal demonstration of condemnation is the only measure,\" "
                                "Russia said.", published="2017-09-15"), "PROTEST")
    assert _of_type(extract("Police in Paris broke up a demonstration of 5,000 people against the law.",
                            published="2017-09-15"), "PROTEST")


def test_captives_released_with_no_releaser_named_are_released_by_their_captors():
    events = _of_type(extract("Nigerian President Muhammadu Buhari says 21 of the schoolgirls abducted by the "
                              "militant group Boko Haram have been released.", published="2016-10-13"), "RETREAT")
    assert events and [a.name for a in events[0].actor] == ["Boko Haram"]
    assert events[0].recipient and "Boko Haram" not in events[0].recipient[0].text


def test_a_purpose_is_aimed_at_not_done_and_its_date_lies_ahead():
    events = _of_type(extract("Seoul offered talks on January 9 - the first since 2015 - to discuss Kim's "
                              "suggestion that North Korea could join the Games.", published="2018-01-03"), "CONSULT")
    discuss = [e for e in events if e.trigger == "discuss"]
    assert discuss and discuss[0].status == "possible"
    assert discuss[0].date is not None and discuss[0].date.value == "2018-01-09"


def test_the_object_of_pressing_does_what_the_infinitive_says():
    events = _of_type(extract("Australia had been pressing Turkey to extradite Prakash.", published="2018-07-19"),
                      "COOPERATE")
    assert events and _countries(events[0].actor) == {"TUR"}


def test_a_since_clause_dates_the_state_it_measures_from_then_on():
    events = _of_type(extract("Australia had been pressing Turkey to extradite Prakash since he was first "
                              "detained there nearly two years ago.", published="2018-07-19"), "REQUEST")
    assert events and events[0].date is not None
    assert (events[0].date.value, events[0].date.mod) == ("2016", "after")


def test_each_of_two_meetings_takes_the_place_named_in_its_own_phrase():
    events = _of_type(extract("Trump spent the past week meeting with NATO allies in Brussels; meeting with British "
                              "Prime Minister Theresa May and Queen Elizabeth II in England.", published="2018-07-13"),
                      "CONSULT")
    places = {tuple(sorted(_countries(e.recipient))) or ("NATO",): e.place.name for e in events if e.place}
    assert places == {("NATO",): "Brussels", ("GBR",): "England"}


@pytest.mark.parametrize(("text", "name", "country"), [
    # The tagger reads both names as people; the locality noun says they are places.
    ("Turkish police detained him in the town of Kilis on Friday.", "Kilis", "TUR"),
    ("Israeli troops arrested her in the West Bank village of Nabi Saleh.", "Nabi Saleh", "PSE"),
])
def test_a_name_the_text_calls_a_town_or_village_is_a_place(text, name, country):
    events = _of_type(extract(text, published="2018-01-01"), "COERCE")
    assert events and events[0].place is not None
    assert (events[0].place.name, events[0].place.country) == (name, country)
    assert all(name not in p.text for p in events[0].actor + events[0].recipient)


@pytest.mark.parametrize(("text", "mode"), [
    ("Israeli settlers assaulted two Palestinian farmers near Hebron.", "beat"),
    ("Palestinian protesters threw stones at Israeli soldiers.", "primitive"),
    ("Boko Haram militants ambushed a Nigerian army convoy in Borno state.", None),
])
def test_plovers_assault_verbs(text, mode):
    events = _of_type(extract(text, published="2018-01-01"), "ASSAULT")
    assert events and events[0].mode == mode


def test_those_who_report_being_assaulted_are_its_victims_not_its_actors():
    events = _of_type(extract("Hundreds of German women reported being attacked by men during the celebrations.",
                              published="2017-12-30"), "ASSAULT")
    assert all("women" not in a.text and "Hundreds" not in a.text for e in events for a in e.actor)


def test_a_news_outlet_is_never_guessed_as_a_party():
    events = extract("The charge sheet against her, seen by Reuters, included counts of attacks against an "
                     "Israeli soldier.", published="2018-01-01")
    assert all(a.text != "Reuters" for e in events for a in e.actor + e.recipient)


def test_air_strikes_carried_out_are_an_aerial_assault():
    events = _of_type(extract("US forces carried out air strikes against a pro-regime force in eastern Syria.",
                              published="2018-02-13"), "ASSAULT")
    assert events and events[0].mode == "aerial" and _countries(events[0].actor) == {"USA"}


def test_what_it_would_be_describes_the_event_already_told():
    events = _of_type(extract("US forces carried out air strikes against a pro-regime force in Syria last week. "
                              "It would be the most lethal clash between US and Russian citizens since the end of "
                              "the cold war.", published="2018-02-13"), "ASSAULT")
    assert [e.trigger for e in events] == ["air strikes"]


def test_the_time_of_the_events_own_word_beats_the_time_of_the_verb_above():
    events = _of_type(extract("Israel indicted a Palestinian girl on Monday on charges including assault for "
                              "punching an Israeli soldier in the face two weeks ago.", published="2018-01-01"),
                      "ASSAULT")
    punch = [e for e in events if e.trigger == "punching"]
    assert punch and punch[0].date is not None and punch[0].date.value == "2017-12-18"


def test_a_time_far_up_a_long_chain_still_dates_the_event():
    events = _of_type(extract("The DPRK fired a missile on Friday, which came only days after the United Nations "
                              "Security Council voted in favor of a resolution toughening sanctions on the DPRK.",
                              published="2017-09-15"), "SANCTION")
    assert events and events[0].date is not None and events[0].date.value == "2017-09"


def test_a_place_name_modifying_an_event_is_its_place_not_its_actor():
    events = _of_type(extract("Boko Haram took the girls from the town of Chibok in Nigeria. Boko Haram abducted many "
                              "more girls and boys before and since the Chibok kidnapping.", published="2016-10-13"),
                      "ASSAULT")
    assert all(a.text != "Chibok" for e in events for a in e.actor)


def test_one_countrys_army_and_its_rebels_are_not_merged_into_one_actor():
    events = _of_type(extract("Boko Haram abducted 276 schoolgirls in Nigeria in 2014. The Nigerian army has been "
                              "carrying out an offensive against Boko Haram.", published="2016-10-13"), "ASSAULT")
    assert len(events) == 2


@pytest.mark.parametrize(("text", "etype"), [
    ("Several US lawmakers have spoken out against Netanyahu.", "ACCUSE"),
    ("Congress is set to vote to override President Obama's veto.", "REJECT"),
])
def test_phrasal_and_legislative_verbs(text, etype):
    assert _of_type(extract(text, published="2016-09-28"), etype)


def test_seizing_on_an_opportunity_is_no_seizure():
    assert not _of_type(extract("Mexico's president may seize on the meeting with Trump as an opportunity.",
                                published="2016-08-31"), "COERCE")


def test_the_possessor_of_an_arrest_or_extradition_undergoes_it():
    events = _of_type(extract("The prosecution in Turkey argued for Prakash's extradition to Australia.",
                              published="2018-07-19"), "COOPERATE")
    assert all("Prakash" not in a.text for e in events for a in e.actor)
    detention = _of_type(extract("Turkey's two-year-long detention of a US citizen ended.", published="2018-12-25"),
                         "COERCE")
    assert detention and _countries(detention[0].actor) == {"TUR"}


def test_a_time_naming_another_thing_does_not_date_the_event():
    events = _of_type(extract("Congress is set to vote to override President Obama's veto of a bill allowing "
                              "families of those killed in the Sept. 11 attacks to sue Saudi Arabia.",
                              published="2016-09-28"), "REJECT")
    override = [e for e in events if e.trigger == "override"]
    assert override and override[0].date is None


def test_the_more_precise_place_of_the_same_phrase_wins():
    events = _of_type(extract("Australia said the Kilis criminal court in Turkey has rejected the request to "
                              "extradite Neil Prakash to Australia.", published="2018-07-19"), "REJECT")
    assert events and events[0].place is not None
    assert (events[0].place.name, events[0].place.country) == ("Kilis", "TUR")


def test_a_statement_restated_with_its_spokesperson_is_one_event_with_both():
    events = _of_type(extract("BEIJING -- China on Friday said it opposes the missile launches by North Korea. "
                              "\"China opposes North Korea's ballistic missile launches,\" Foreign Ministry "
                              "spokeswoman Hua Chunying said on Friday.", published="2017-09-15"), "ACCUSE")
    assert len(events) == 1
    assert "Hua Chunying" in {a.name for a in events[0].actor}


def test_two_speakers_of_one_side_on_one_day_stay_two_statements():
    events = _of_type(extract("South Korea's president on Tuesday welcomed Kim Jong Un's offer. "
                              "Seoul's unification ministry on Tuesday welcomed North Korea's offer too.",
                              published="2018-01-03"), "SUPPORT")
    assert len(events) == 2


def test_us_in_capitals_is_the_country_not_the_pronoun():
    events = _of_type(extract("The US decision to reimpose sanctions on Iran angered Baghdad.", published="2019-02-04"),
                      "SANCTION")
    assert events and _countries(events[0].actor) == {"USA"}


def test_a_measure_decided_is_in_force_and_a_participle_tells_a_done_act():
    events = extract("The US decision to reimpose sanctions lifted under former president Barack Obama has left "
                     "Baghdad caught between Washington and Iran.", published="2019-02-04")
    assert [e.status for e in _of_type(events, "SANCTION")] == ["occurred"]
    assert [e.status for e in _of_type(events, "CONCEDE")] == ["occurred"]


def test_a_participle_describing_an_event_noun_is_no_event_of_its_own():
    events = extract("Kurdish officials in Syria said they had engaged in promising negotiations to hand over "
                     "11 British citizens.", published="2018-10-06")
    assert not _of_type(events, "AGREE")


def test_under_pressure_from_someone_is_their_request_of_the_subject():
    events = _of_type(extract("US defence secretary James Mattis was under pressure from the White House to use "
                              "the strikes.", published="2018-04-14"), "REQUEST")
    assert events and [a.text for a in events[0].actor] == ["the White House"]
    assert "Mattis" in events[0].recipient[0].text
    # With no "from", who exerts the pressure is unsaid: no party is guessed.
    assert not extract("Mattis was under pressure to use the strikes, officials in Iraq said.",
                       published="2018-04-14")


def test_a_name_right_before_which_is_its_antecedent_and_a_threatened_offensive_no_event():
    events = extract("US troops have acted as a buffer between Kurdish militias and neighbouring Turkey – which "
                     "has threatened a full-scale military offensive to dismantle Kurdish groups.",
                     published="2019-02-04")
    threats = _of_type(events, "THREATEN")
    assert threats and _countries(threats[0].actor) == {"TUR"}
    assert not _of_type(events, "ASSAULT")


def test_blasting_ones_way_in_is_no_criticism_but_fighting_ones_way_in_is_fighting():
    assert not _of_type(extract("The Russian army blasted its way into the Ukrainian town.", published="2017-10-03"),
                        "ACCUSE")
    assert _of_type(extract("Iraqi troops fought their way into Mosul on Friday.", published="2017-10-03"), "ASSAULT")


def test_what_a_thing_should_do_is_a_forecast_not_a_request():
    assert not _of_type(extract("Royal Bank chairman Allan Taylor said lower non-interest expenses should lead to "
                                "improved results.", published="1987-03-03"), "REQUEST")


def test_an_unknown_persons_country_is_that_of_whose_adviser_she_is():
    events = _of_type(extract("\"The invitation was destructive,\" said Jane Doakes, President Barack Obama's national "
                              "security adviser, criticising Israel's prime minister.", published="2015-02-25"),
                      "ACCUSE")
    adviser = [a for e in events for a in e.actor if "Doakes" in a.text]
    assert adviser and adviser[0].country == "USA"


def test_providing_details_is_no_aid_and_acting_without_something_negates_it():
    assert not _of_type(extract("The Brazilian minister said Brazil would act, without providing further details.",
                                published="2016-11-13"), "AID")
    events = _of_type(extract("Russia withdrew its troops from the border without consulting Ukraine.",
                              published="2016-11-13"), "CONSULT")
    assert events and events[0].status == "negated"


def test_who_gives_approval_records_crimes_or_predicts_for_others_is_read_right():
    approval = _of_type(extract("Boehner did not seek approval from the White House before sending the invitation.",
                                published="2015-02-25"), "SUPPORT")
    assert all(a.text == "the White House" for e in approval for a in e.actor)
    seek = _of_type(extract("Boehner did not seek approval from the White House before sending the invitation.",
                            published="2015-02-25"), "REQUEST")
    assert seek and [r.text for r in seek[0].recipient] == ["the White House"]
    assert not _of_type(extract("Last year, Berlin police recorded 14 sexual assaults at the event.",
                                published="2017-12-30"), "ASSAULT")
    assert not _of_type(extract("Mexico's former president Vicente Fox railed against Trump, promising that Mexico "
                                "would never pay for the wall.", published="2016-08-31"), "AGREE")


def test_accused_of_hacking_emails_the_accused_hack_and_emails_are_no_party():
    events = _of_type(extract("The DOJ said 12 Russian intelligence officers are accused of hacking emails from the "
                              "Hillary Clinton campaign.", published="2018-07-13"), "COERCE")
    assert events and _countries(events[0].actor) == {"RUS"}
    assert [r.name for r in events[0].recipient] == ["Hillary Clinton"]


def test_answering_allegations_is_not_making_them():
    assert not _of_type(extract("The White House downplayed the latest allegations against Russia.",
                                published="2018-07-13"), "ACCUSE")


def test_a_rejected_request_was_made_and_is_asked_of_the_rejecter_not_of_its_content():
    events = _of_type(extract("A Turkish court has rejected Australia's request for the extradition of Islamic State "
                              "suspect Neil Prakash.", published="2018-07-19"), "REQUEST")
    assert events and events[0].status == "occurred"
    assert _countries(events[0].recipient) == {"TUR"}


def test_agreeing_that_others_should_act_is_still_an_agreement_and_a_following_killing_not_the_subjects():
    agree = extract("Senior Hungarian and Romanian officials agreed on Wednesday that their countries should "
                    "cooperate.", published="1990-01-01")
    assert _of_type(agree, "AGREE")
    events = extract("Israel reimposed blockades in the West Bank following the shooting deaths of two Israelis.",
                     published="2000-01-01")
    assert all(not _countries(e.actor) & {"ISR"} for e in _of_type(events, "ASSAULT"))


def test_a_surname_tagged_once_is_a_person_wherever_it_recurs_with_the_nationality_given_anywhere():
    # The tagger reads neither "Lama Barghouti" nor "Palestinian student Lama Barghouti" as a
    # person; it reads "Barghouti's lawyer" as one.
    text = ("Israel has held Lama Barghouti since arresting her three days after she was filmed punching a soldier.\n"
            "Palestinian student Lama Barghouti was not asked to enter a plea.\n"
            "“I am sure they want to keep her as long as possible,” Barghouti's lawyer told Reuters.")
    coerce = _of_type(extract(text, published="2019-03-08"), "COERCE")
    assert coerce and [r.name for r in coerce[0].recipient] == ["Lama Barghouti"]
    assert _countries(coerce[0].recipient) == {"PSE"}


def test_the_name_closing_a_roles_phrase_after_the_body_it_serves_is_the_role_holder():
    events = _of_type(extract("The head of a Danish farmers union LandboFyn Henrik Mortensen is criticizing the new "
                              "tax.", published="2019-03-08"), "ACCUSE")
    assert events and [a.name for a in events[0].actor] == ["Henrik Mortensen"]
    # Whom a role serves is not who holds it.
    events = _of_type(extract("A spokesman for President Emmanuel Macron criticized the strike.",
                              published="2019-03-08"), "ACCUSE")
    assert all("Emmanuel Macron" not in {a.name for a in e.actor} for e in events)


def test_a_named_apposition_after_a_person_is_that_person_whatever_the_parser_hung_it_on():
    events = _of_type(extract("The allies agreed on several issues, chiefly Iran's two-year-long detention of a "
                              "British citizen, the engineer Thomas Wright.", published="2019-03-08"), "COERCE")
    assert events and [r.name for r in events[0].recipient] == ["Thomas Wright"]


def test_coordinated_owners_inside_a_phrase_are_all_parties():
    events = _of_type(extract("The DOJ said 12 Russian intelligence officers are accused of hacking emails from the "
                              "Hillary Clinton campaign and Democratic Party.", published="2018-07-13"), "COERCE")
    assert events and {r.name for r in events[0].recipient} == {"Hillary Clinton", "Democratic Party"}


def test_the_person_a_lede_describes_is_the_private_person_the_next_sentence_names():
    text = ("Egypt charged a 19-year-old Sudanese student on Sunday with assault for punching an Egyptian police "
            "officer during a protest in Cairo last week.\n"
            "Egypt has held Hamid Osman Taha since the protest, and his family says he is innocent.")
    events = extract(text, published="2019-03-10")
    punching = _of_type(events, "ASSAULT")
    assert punching and [a.name for a in punching[0].actor] == ["Hamid Osman Taha"]
    assert _countries(punching[0].actor) == {"SDN"}
    # A person introduced by a title is someone else: "police chief X" is not the described student.
    text = ("Egypt charged a 19-year-old Sudanese student on Sunday with assault for punching an Egyptian police "
            "officer during a protest in Cairo last week.\n"
            "Cairo police chief Hamid Osman Taha said the student had been held since the protest.")
    charged = _of_type(extract(text, published="2019-03-10"), "ACCUSE")
    assert charged and all(e.name != "Hamid Osman Taha" for e in charged[0].recipient)


def test_the_one_charged_with_a_deed_did_it():
    events = _of_type(extract("Israel indicted a Palestinian man on Monday on charges including assault for stabbing "
                              "an Israeli soldier.", published="2018-01-01"), "ASSAULT")
    assert events and [a.text for a in events[0].actor] == ["a Palestinian man"]  # not a guess from the sentence
    assert _countries(events[0].recipient) == {"ISR"}


def test_a_bodys_statement_takes_the_named_person_who_voices_it_in_the_next_sentence():
    text = ("Russia strongly condemned the latest missile launch by North Korea, the Kremlin said on Friday.\n"
            "\"Russia is deeply worried,\" Kremlin spokesman Dmitry Peskov was quoted by Tass as saying.")
    accuse = _of_type(extract(text, published="2017-09-15"), "ACCUSE")
    assert accuse and "Dmitry Peskov" in {a.name for a in accuse[0].actor}
    text = ("The White House downplayed the latest allegations against the campaign on Friday.\n"
            "\"Today's charges include no allegations of involvement by anyone,\" said Jane Porter, the deputy "
            "White House press secretary.")
    reject = _of_type(extract(text, published="2018-07-13"), "REJECT")
    assert reject and {(a.name, a.country) for a in reject[0].actor} >= {("Jane Porter", "USA")}
    # A head of government speaks for themself.
    text = ("Australia had been pressing Turkey to extradite the suspect since 2016.\n"
            "In May the prime minister, Malcolm Turnbull, said he expected the suspect to be extradited.")
    request = _of_type(extract(text, published="2018-07-19"), "REQUEST")
    assert request and all(a.name != "Malcolm Turnbull" for a in request[0].actor)


def test_the_one_body_of_its_kind_the_article_names_is_the_one_its_other_mentions_describe():
    text = ("A Greek court has rejected Germany's request for the extradition of the suspect.\n"
            "The Volos criminal court said the suspect must stay in custody.")
    reject = _of_type(extract(text, published="2019-03-08"), "REJECT")
    assert reject and [a.name for a in reject[0].actor] == ["Volos criminal court"]
    # A court of another country is another court.
    text = ("An Italian court has rejected Germany's request for the extradition of the suspect.\n"
            "The Volos criminal court said the suspect must stay in custody.")
    reject = _of_type(extract(text, published="2019-03-08"), "REJECT")
    assert reject and all(a.name != "Volos criminal court" for a in reject[0].actor)


def test_dropped_charges_are_dropped_by_who_arrested_for_whom_they_held():
    events = _of_type(extract("French police arrested Marc Dubois at Lyon airport when he returned in November, but "
                              "all charges were eventually dropped.", published="2018-09-15"), "CONCEDE")
    assert events and _countries(events[0].actor) == {"FRA"}
    assert [r.name for r in events[0].recipient] == ["Marc Dubois"]


def test_a_facility_named_after_its_town_is_the_place():
    events = _of_type(extract("French police arrested Marc Dubois at Lyon airport on suspicion of terrorist offences.",
                              published="2018-09-15"), "COERCE")
    assert events and events[0].place is not None
    assert (events[0].place.name, events[0].place.country) == ("Lyon airport", "FRA")
    assert [r.name for r in events[0].recipient] == ["Marc Dubois"]  # the suspicion is no party


def test_an_unnamed_village_is_the_one_village_of_that_region_the_article_names():
    text = ("Israeli soldiers arrested a teenager at his home in a village in the occupied West Bank on Tuesday.\n"
            "Protests are held every week in the West Bank village of Beit Ummar.")
    arrests = _of_type(extract(text, published="2018-01-03"), "COERCE")
    assert arrests and arrests[0].place is not None and arrests[0].place.name == "Beit Ummar"
    # Two villages named: which one is not said.
    text += "\nThe West Bank village of Nabi Saleh held a protest too."
    arrests = _of_type(extract(text, published="2018-01-03"), "COERCE")
    assert arrests and arrests[0].place is not None and arrests[0].place.name == "West Bank"


def test_the_dateline_does_not_place_what_happened_weeks_before_the_report():
    text = ("RAMALLAH, West Bank (Reuters) - Israel indicted a Palestinian man on Monday on charges including "
            "assault for stabbing an Israeli soldier two weeks ago.")
    events = extract(text, published="2018-01-01")
    indicted, stabbing = _of_type(events, "ACCUSE"), _of_type(events, "ASSAULT")
    assert indicted and indicted[0].place is not None and indicted[0].place.name == "Ramallah"
    assert stabbing and stabbing[0].place is None


def test_a_place_in_a_clause_of_another_time_does_not_place_the_event():
    events = _of_type(extract("He spent a month alongside Kurdish fighters battling against Isis before crossing into "
                              "Iraq.", published="2018-09-15"), "ASSAULT")
    assert events and (events[0].place is None or events[0].place.country != "IRQ")


def test_a_foreign_leader_heads_a_state_and_is_no_foreign_minister():
    events = _of_type(extract("Trump will hold a surprise meeting with a foreign leader in Mexico on Wednesday, "
                              "Mexican officials said.", published="2016-08-30"), "CONSULT")
    # Mexico's head of state in 2016, not its foreign minister (Claudia Ruiz Massieu)
    assert events and "Enrique Peña Nieto" in {e.name for e in events[0].actor + events[0].recipient}


def test_a_voice_whose_state_is_unsaid_speaks_for_the_statements_body():
    text = ("Seoul welcomed Pyongyang's decision to reopen the hotline, with chief presidential press secretary "
            "Kim Eui-kyeom saying it creates an environment for dialogue.")
    support = _of_type(extract(text, published="2018-01-03"), "SUPPORT")
    assert support and ("Kim Eui-kyeom", "KOR") in {(a.name, a.country) for a in support[0].actor}


def test_an_unknown_body_is_coded_by_its_name_with_no_country_guessed():
    events = _of_type(extract("The Veridian Accord Alliance accused Iran of violating the deal.",
                              published="2019-03-08"), "ACCUSE")
    assert events and [(a.name, a.country) for a in events[0].actor] == [("Veridian Accord Alliance", None)]
    assert _countries(events[0].recipient) == {"IRN"}


def test_an_arrest_or_sentence_no_one_is_named_for_is_the_doing_of_the_state_where_it_happens():
    events = _of_type(extract("A former Danish soldier has been jailed for six years in Egypt after he was convicted "
                              "of fighting against the Islamic State group.", published="2018-09-15"), "SANCTION")
    assert events and _countries(events[0].actor) == {"EGY"}  # not the group he fought
    # Where the held person is from is not where they were held.
    events = _of_type(extract("Lars Nielsen, 25, formerly of Aarhus, Denmark, was sentenced to six years.",
                              published="2018-09-15"), "SANCTION")
    assert all(not _countries(e.actor) & {"DNK"} for e in events)


def test_a_photo_credit_is_nobody_a_pronoun_can_mean():
    text = ("Chinese Foreign Ministry spokeswoman Li Na gestures in Beijing. (Mark Kowalski/AP)\n"
            "The standoff underscores Trump's frustration at his attempts to press China.")
    request = _of_type(extract(text, published="2017-12-29"), "REQUEST")
    assert request and all("Kowalski" not in (a.name or "") for a in request[0].actor)


def test_what_was_done_to_people_already_told_of_is_no_new_event():
    text = ("Anna Berg and Tom Lind had been holidaying in south-west Turkey when they were detained on 22 July.\n"
            "Their arrests came three years after Lind, who served in Afghanistan in 2012 with a Danish regiment, "
            "travelled to Syria.")
    coerce = _of_type(extract(text, published="2018-09-15"), "COERCE")
    assert len(coerce) == 1 and _countries(coerce[0].actor) == {"TUR"}


def test_they_are_the_people_coordinated_before_it_in_its_sentence():
    events = _of_type(extract("Anna Berg and Tom Lind had been holidaying in south-west Turkey when they were "
                              "detained on 22 July.", published="2018-09-15"), "COERCE")
    assert events and {r.name for r in events[0].recipient} == {"Anna Berg", "Tom Lind"}


def test_a_place_named_kidnapping_is_the_kidnapping_already_told_and_happened_there():
    text = ("The Nigerian government says 21 schoolgirls abducted by Boko Haram have been released.\n"
            "The girls were at a boarding school in the town of Chibok.\n"
            "Aid groups say the release is welcome, and that many more remain missing since the Chibok kidnapping.")
    events = [e for e in _of_type(extract(text, published="2016-10-13"), "ASSAULT") if e.mode == "abduct"]
    assert events and events[0].place is not None and events[0].place.name == "Chibok"


def test_a_town_the_tagger_took_for_a_person_once_stays_a_town_and_a_known_group_is_one_throughout():
    from newsevents.extract.article import Resources
    from newsevents.extract.entities import tag_names_throughout
    from newsevents.nlp import load_nlp

    res = Resources.default()
    # The tagger reads "Baghuz" as a person in the second sentence only.
    doc = load_nlp()("Fighters are holding out in Baghuz.\nKurdish forces said Baghuz would fall soon.\n"
                     "Residents fled Baghuz on Monday.\n"
                     "They were freed from Boko Haram’s camps.\nBoko Haram said on Monday it freed them.")
    tag_names_throughout(doc, res.kb, None, res.gazetteer)
    assert [e.label_ for e in doc.ents if e.text == "Baghuz"].count("PERSON") == 1  # not spread to the others
    boko = [e for e in doc.ents if e.text.startswith("Boko Haram")]
    assert len(boko) == 2 and {e.label_ for e in boko} == {"ORG"}


def test_what_someone_does_in_the_sentence_after_travelling_happens_where_they_went():
    text = ("Their arrests came three years after Lind, who served in Afghanistan in 2012, travelled to Syria.\n"
            "He spent about a month as a medic alongside YPG fighters battling against Isis.")
    events = [e for e in _of_type(extract(text, published="2018-09-15"), "ASSAULT") if e.trigger == "battling"]
    assert events and events[0].place is not None and events[0].place.name == "Syria"


def test_a_launch_site_places_the_launch_of_the_news_not_an_earlier_one():
    text = ("Japanese officials have confirmed another missile test by North Korea Friday morning local time.\n"
            "North Korea's most recent missile launch, on Aug. 29, flew over Japan.\n"
            "South Korea's military says the unidentified missile was launched from Sunan.")
    events = {e.trigger: e for e in _of_type(extract(text, published="2017-09-15"), "MOBILIZE")}
    assert events["missile test"].place is not None and events["missile test"].place.name == "Sunan"
    assert events["missile launch"].place is None or events["missile launch"].place.name != "Sunan"


def test_striking_back_answers_the_latest_force_against_the_striker_then_and_there():
    text = ("A Palestinian girl punched an Israeli soldier in the West Bank village of Beit Ummar on Friday.\n"
            "Right-wing Israelis have debated whether the soldier had appeared weak by opting not to strike back.")
    strikes = [e for e in _of_type(extract(text, published="2018-01-01"), "ASSAULT") if e.trigger == "strike"]
    assert strikes and [r.text for r in strikes[0].recipient] == ["A Palestinian girl"]
    assert strikes[0].place is not None and strikes[0].place.name == "Beit Ummar"
    assert strikes[0].date is not None and strikes[0].date.value == "2017-12-29"
