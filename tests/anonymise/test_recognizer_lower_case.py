"""Named places and colleges in lower-case (Otter-style) turns, on a blank tokenizer."""

from __future__ import annotations

import pytest

from research.anonymise.recognizers.lower_case import LowerCasePlaceRecognizer


@pytest.fixture(scope="module")
def lower():
    return LowerCasePlaceRecognizer()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("i'm amira, customer services at ballard house. i'm deaf in one ear", "ballard house"),
        ("i've been acting chargehand at central park on and off", "central park"),
        ("they all go to home park together", "home park"),
        ("at the deaf centre on mutley plain", "mutley plain"),
        ("i did the CIH again at oakfield house last year", "oakfield house"),
        ("if they make us go back into sand martin house full time", "sand martin house"),
        ("i live in orton by ferry meadows and i walk at lunch", "ferry meadows"),
        ("yes thats it still st pauls road", "st pauls road"),
        ("they moved it to the bispham campus and i live out", "bispham campus"),
        ("on maternity in the revoe office and then they", "revoe office"),
        ("out on the rounds in south shore so no chance", "south shore"),
        ("we met in bank top by the chippy", "bank top"),
        ("most of them live in mile cross or round moss side", "mile cross"),
    ],
)
def test_bare_named_place_after_a_preposition(run, lower, text, expected):
    assert (expected, "PLACE") in run(lower, text)


def test_college_words_make_an_organisation(run, lower):
    assert ("city college", "ORG") in run(lower, "i had to do the level 4 again at city college")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("thanks everyone im helen from nant research and were doing this", "nant research"),
        ("my husband on nights at samworth brothers it was hard", "samworth brothers"),
    ],
)
def test_a_firm_named_by_a_word_in_no_list(run, lower, text, expected):
    assert (expected, "ORG") in run(lower, text)


def test_a_firm_word_after_ordinary_words_names_nothing(run, lower):
    assert run(lower, "i did market research at the uni and then worked for my brothers") == []


@pytest.mark.parametrize(
    "text",
    [
        # articles, possessives and generic compounds are not names
        "we parked at the car park and went in the staff room",
        "then to the job centre, then at car park, then in staff room",
        "it was at my house on a sunday",
        "in some way it was fine, at close range, in real estate",
        "she went to sixth form college and then to town hall",
        "i was in living room at night",
        "i was in the main office and at head office and in the back office",
        "we close the accounts at month end and by year end, on the same side",
    ],
)
def test_generic_places_are_left(run, lower, text):
    assert run(lower, text) == []


def test_only_in_turns_without_capitals(run, lower):
    """A cased turn has its capitals to go by: the named-building rule handles those."""
    assert run(lower, "I was at ballard house on Monday") == []
    assert run(lower, "He left. i was at ballard house") == []
    assert ("ballard house", "PLACE") in run(lower, "i was at ballard house, the HR bit")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a sister from the aisha mosque told me about it", "aisha mosque"),
        ("father tomasz at st matthew's was like, where were you", "st matthew's"),
        # names a dictionary holds, a town's central mosque, a congregation by denomination
        ("the guru nanak gurdwara in caldmore did a clinic", "guru nanak gurdwara"),
        ("someone from the central mosque maybe", "central mosque"),
        ("a recruitment day at the gujarat hindu society", "gujarat hindu society"),
        ("my church the church of pentecost in forest gate", "church of pentecost"),
        ("through new testament church of god on the high road", "new testament church of god"),
        # a school by its short name after going to it, a college named "new"
        ("she went to tong high and then the college", "tong high"),
        ("i only had a d from belle vue boys so i did functional skills", "belle vue boys"),
        ("i started last year straight from new college", "new college"),
        # a public body by its compass point
        ("i'm a pharmacist at altnagelvin, so the western trust", "western trust"),
        ("he moved over to south east health board last year", "south east health board"),
    ],
)
def test_named_faith_buildings_and_saints(run, lower, text, expected):
    assert (expected, "ORG") in run(lower, text)


def test_generic_faith_buildings_are_left(run, lower):
    assert run(lower, "the local mosque and the sikh temple helped, and the church") == []
    assert run(lower, "the hindu temple, the building society and the church of england") == []
    assert (
        run(lower, "we went to see the boys, prices went sky high, my son went to the girls") == []
    )
    assert run(lower, "the kids went from boys to men and it went very high in 2020") == []
    assert run(lower, "the new college building opens and she left new college campus") == []


def test_a_word_in_no_list_after_a_preposition_and_the_is_a_place(run, lower):
    assert ("pallion", "PLACE") in run(lower, "i'm in the car park at the pallion waiting for dad")
    assert run(lower, "we went to the gym and then to the shop, at the noticeboard") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we meet in the drake room once a month", "drake room"),
        ("a session at dockside in the jubilee suite which was the first", "jubilee suite"),
    ],
)
def test_a_room_named_after_something_waits_for_review(run, lower, text, expected):
    assert run(lower, text) == [(expected, "PLACE")]


def test_a_room_named_for_its_use_is_left(run, lower):
    text = "we sat in the interview room then the staff room and the big room and the mess room"
    assert run(lower, text) == []
