"""Recognizers that generalise beyond the lists: unknown names, particles, ORG shapes, IDs."""

from __future__ import annotations

import pytest

from research.anonymise.recognizers.first_names import FirstNameRecognizer
from research.anonymise.recognizers.lexicon import is_vocabulary
from research.anonymise.recognizers.orgs import OrgNameRecognizer
from research.anonymise.recognizers.places import UkPlaceRecognizer
from research.anonymise.recognizers.staff_refs import StaffRefRecognizer


@pytest.fixture(scope="module")
def names():
    r = FirstNameRecognizer()
    r.load()
    return r


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I work with Ruaraidh and the team.", ("Ruaraidh", "PERSON")),
        ("Eilidh in my team asked for it.", ("Eilidh", "PERSON")),
        ("I live near Trelander so it's easy.", ("Trelander", "PLACE")),
        ("She moved to a flat in Easterhouse last year.", ("Easterhouse", "PLACE")),
    ],
)
def test_unknown_capitalised_words(run, names, text, expected):
    assert expected in run(names, text)


@pytest.mark.parametrize(
    "text",
    [
        "Diolch. As managers, we agreed.",
        "She told me the Teams call dropped.",
        "He said the rota was fine.",
        "Mine is the blue one.",
    ],
)
def test_no_unknown_word_or_pronoun_names(run, names, text):
    assert run(names, text) == []


def test_surname_particles(run, names):
    assert ("Grace van der Berg", "PERSON") in run(
        names, "Coaching from Grace van der Berg helped."
    )
    assert ("Marcus de Souza", "PERSON") in run(names, "It is chaired by Marcus de Souza now.")


def test_vocabulary_includes_plurals_and_nouns():
    assert is_vocabulary("teams") and is_vocabulary("barrow") and is_vocabulary("offices")
    assert not is_vocabulary("ruaraidh")


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        (
            "She works at Kent Community Health NHS Foundation Trust now.",
            "Kent Community Health NHS Foundation Trust",
        ),
        ("The trainer was from Unity Care Solutions, she was great.", "Unity Care Solutions"),
        ("Talk to her at Hull Women's Aid about it.", "Hull Women's Aid"),
        ("I went to the Cornwall Unison branch meeting.", "Cornwall Unison branch"),
        ("When you joined KCC, what was it like?", "KCC"),
        (
            "She left for Cardiff and Vale University Health Board.",
            "Cardiff and Vale University Health Board",
        ),
        # a name before a lower-case word saying what it is
        ("At Manningham there's the Roma Voice project for us.", "Roma Voice"),
        ("The Vietnamese Community group has asked to meet.", "Vietnamese Community"),
        ("Patience from the Pear Tree jobs club tested it.", "Pear Tree"),
        # an employer before "as a/an/our <role>", cased or in a lower-case turn
        ("He came down from Pennine Acute as our director.", "Pennine Acute"),
        ("i was at princess yachts as an electrician, better money", "princess yachts"),
        ("At our church, Bethel Pentecostal, half of us work in care.", "Bethel Pentecostal"),
        ("Friday night I'm at choir at Christ Apostolic Church.", "Christ Apostolic Church"),
        ("Tracey from the Kent County branch signed me up.", "Kent County branch"),
        # an ordinary word opening a sentence straight before the rest of the name is part of it
        ("Unity Care Solutions trained us on the new system.", "Unity Care Solutions"),
        ("Yes. Bright Futures Trust runs the mentoring.", "Bright Futures Trust"),
        # ... but a verb, an opener or a stop word before it is not
        ("Ask Unity Care Solutions about it.", "Unity Care Solutions"),
        ("Thanks Age Concern Trust for coming.", "Age Concern Trust"),
        ("Contact the Phoenix Care Group.", "Phoenix Care Group"),
        # firms named after people, sports clubs, a forum; two names in a row are two
        ("My first job was nights at Smith & Nephew on the line.", "Smith & Nephew"),
        ("Half the depot's Hull FC, and that's it.", "Hull FC"),
        ("We partnered with the BME Forum and Mind in Croydon.", "BME Forum"),
        # a town's paper, union branch and hospital, in any case
        ("then i saw the council job in the newham recorder", "newham recorder"),
        ("occupational health at royal stoke lost my referral", "royal stoke"),
        # a town and a short code name its club; a café ends at its head word
        ("They both go to the same club, Ryhope CW. I didn't get it.", "Ryhope CW"),
        ("the Friendship Café on Barton Street puts them up", "Friendship Café"),
        # union branches by union and town in any order; a town's hospital, lower case
        (
            "the only meeting i go to is the unison leicester city branch one",
            "unison leicester city branch",
        ),
        (
            "at the depot the plymouth and district branch should do the same",
            "plymouth and district branch",
        ),
        ("my wife is a nurse at the leicester general so she was never home", "leicester general"),
        ("my aunt was a nurse at sunderland royal and she said come", "sunderland royal"),
        # the name after a cut at "and" is read too; a brand's store
        ("We partnered with the BME Forum and the Pear Tree Trust.", "Pear Tree Trust"),
        ("They run CV clinics for us in the Idea Store on Whitechapel Road.", "Idea Store"),
        # a council's acronym typed low in a turn without capitals
        ("i asked about the pay grading nobody from lcc answered", "lcc"),
    ],
)
def test_org_shapes(run, text, surface):
    assert (surface, "ORG") in run(OrgNameRecognizer(), text)


@pytest.mark.parametrize(
    "text",
    [
        "The Trust said no.",
        "Ask the NHS Foundation Trust.",
        "Mental Health Trust said no. Maybe Health Trust people know.",
        "We did Health & Safety and Learning & Development. The Staff Forum met.",
        "Our Health Board met.",
        "I joined Unison.",
        # a lower-case noun after a name that is public, ordinary or generic
        "We made a WhatsApp group. I joined the Facebook group.",
        "The Black staff network met, and the BAME staff network.",
        # "as a <role>" after home, a span of time or a country
        "I worked at home as a carer. I was there for years as a cleaner.",
        "She came from Nigeria as a nurse.",
        # departments are teams, not organisations
        "I work in Adult Social Care, before that in Children's Services.",
        "The Pentecostal church helped, and the Methodist one. The Catholic Church too.",
        # a branch with no town, a store everyone has, jargon typed low
        "The union branch and the city branch both said so.",
        "I got it from the App Store and the Play Store.",
        "i sent it to hr and cc'd my manager from the ops team",
    ],
)
def test_generic_org_words_alone_are_not_orgs(run, text):
    assert run(OrgNameRecognizer(), text) == []


def test_named_buildings(run):
    r = UkPlaceRecognizer()
    assert ("Guildhall", "PLACE") in run(r, "She was at the Guildhall then.")
    assert ("City Chambers", "PLACE") in run(r, "Write to City Chambers, please.")


def ids(text):
    r = StaffRefRecognizer()
    return sorted(text[x.start : x.end] for x in r.analyze(text, ["ID"]))


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("you need your staff no, mine is 004512, and", "004512"),
        ("you need employee ID, mine is E1234567, and", "E1234567"),
        ("my DBS certificate number, 001234567890, on the day", "001234567890"),
        ("the appeal reference is FWR/2021/0088 if needed", "FWR/2021/0088"),
        ("my payroll 77-1234 works", "77-1234"),
        ("Well, my number's 448213 on the payslip", "448213"),
        # coded, grouped and prefixed shapes
        ("the big one was SR 2021/44917 on my record", "SR 2021/44917"),
        ("The incident number, IR 20 1187. I don't know", "IR 20 1187"),
        ("a letter with my worker number on it, bl 220 4419, and", "bl 220 4419"),
        ("the job ref was wal-hsg-0917, i know", "wal-hsg-0917"),
        ("raised a ticket, inc 0071942. that was april", "inc 0071942"),
        ("like C-100482, and the panel never sees", "C-100482"),
        ("the first one was RITM0042918, and we did", "RITM0042918"),
        ("Sorry, yes, it's TW52881. I'll email it over.", "TW52881"),  # five digits, a code
        ("under candidate numbers like 2021-0917-33.", "2021-0917-33"),
        ("My learner number is 4827 1639 50 and", "4827 1639 50"),
        ("i've got a ticket open right now cmn 88213", "cmn 88213"),
        ("the reference was pcc/hou/1093 and every time", "pcc/hou/1093"),
        ("referral oh/21/0339 i think", "oh/21/0339"),
        ("the early conciliation number R118204/21/63. We settled.", "R118204/21/63"),
    ],
)
def test_id_shapes(text, ref):
    assert ref in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "It cost £250000 in the end.",
        "In 2020 staff were 1200 strong.",
        "A 3.141592 ratio.",
        "in mid-2020 we had GCSE 2019 results, pre-2010 and covid-19",
        "between 2020-2021 and 2019 2020, on 2021-09-17 and 17/09/2021",
        "ring 0161 496 0123 at 12 30 on 14 05",
        "I bought a ticket for 2020 and waited 45 minutes. The incident was in 2019.",
    ],
)
def test_no_ids_in_money_years_and_decimals(text):
    assert ids(text) == []


def test_irregular_verbs_and_british_workplace_words_are_vocabulary():
    """Past tenses ("fought", "met") and UK care words ("carers", "reablement") are no names;
    irregular forms that are common names stay names ("Drew", "Hung", "Sang")."""
    from research.anonymise.recognizers.lexicon import first_names

    for w in ("fought", "met", "taught", "carers", "reablement", "fibromyalgia", "rota", "memo"):
        assert is_vocabulary(w), w
    for w in ("drew", "hung", "sang"):
        assert first_names()[w] is False, w  # a name in any case, not an ambiguous word


def test_nationalities_are_derived_from_the_country_list():
    from research.anonymise.recognizers.lexicon import demonyms, is_demonym

    for w in ("lithuanian", "ghanaian", "sudanese", "bangladeshi", "somalis", "polish"):
        assert is_demonym(w), w
    for w in ("julian", "brian", "adrian", "ian"):
        assert w not in demonyms(), w


def test_british_spellings_are_vocabulary_through_their_american_form():
    for w in ("colour", "centre", "travelled", "licence", "programme", "organised", "analysed"):
        assert is_vocabulary(w), w
    for w in ("seymour", "gilmour", "lawrence"):
        assert not is_vocabulary(w), w


def test_world_cities_include_the_name_without_city_but_no_word_or_first_name():
    from research.anonymise.recognizers.lexicon import world_cities

    cities = set(world_cities())
    assert {"Cebu", "Quezon", "Cebu City"} <= cities
    assert not {"International", "Universal", "Logan", "Mexico"} & cities
