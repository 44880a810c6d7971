"""Staff networks by their own name, pubs and local papers by what is done there."""

from __future__ import annotations

import pytest

from research.anonymise.recognizers.networks import StaffNetworkRecognizer
from research.anonymise.recognizers.venues import VenueRecognizer


@pytest.fixture(scope="module")
def networks():
    return StaffNetworkRecognizer()


@pytest.fixture(scope="module")
def venues():
    return VenueRecognizer()


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("Usually Ekota, the race network, or Rise, the women's network.", ["Ekota", "Rise"]),
        ("Rise is the women's network, then disability.", ["Rise"]),
        ("A mentor through WiLD, the women's leadership scheme.", ["WiLD"]),
        ("Our network, Spectrum, meets monthly.", ["Spectrum"]),
        (
            "Four networks. Spectrum for LGBT staff, Enable for disabled staff.",
            ["Enable", "Spectrum"],
        ),
        ("The network's called Thrive now.", ["Thrive"]),
        (
            "Four networks now: Ubuntu for race, Out at LBC for LGBT staff, and Able, for "
            "disabled staff and carers.",
            ["Able", "Out at LBC", "Ubuntu"],
        ),
        ("i am the rep for the new network kaleidoscope for race and faith", ["kaleidoscope"]),
        ("and rise is the women's network now", ["rise"]),
    ],
)
def test_a_network_named_by_what_is_said_about_it(run, networks, text, surfaces):
    assert run(networks, text) == sorted((s, "ORG") for s in surfaces)


@pytest.mark.parametrize(
    "text",
    [
        "Sarah, the network chair, said so, and Tom, our network lead, agreed.",  # people in roles
        "Yes, the race network is good. It is the best network we have.",
        "Workshops for women in the network plan were cancelled.",  # a sentence's capital
        "the network meets monthly and this is the race network",
        "which Joana Pereira chairs, the women's network, meets on Fridays.",
        "There's money for race equality work but no network.",
    ],
)
def test_no_name_where_nothing_is_named(run, networks, text):
    assert run(networks, text) == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The lads go for a pint in the Crown after work on a Friday.", "Crown"),
        ("if you drink in the prince maurice with the managers you get on", "prince maurice"),
        ("we went for drinks in the crown last friday", "crown"),
        ("Quiz night at the Red Lion, every Tuesday.", "Red Lion"),
        ("my aunt saw the advert in the herald and cut it out", "herald"),
        ("There was an article in the Chronicle about us.", "Chronicle"),
        ("It ended up in the Observer before anybody checked.", "Observer"),
        ("I read the same thing in the Evening Times last week.", "Evening Times"),
        ("it still ended up in the recorder", "recorder"),
        ("we read it in the chronicle", "chronicle"),
        # typed low: a drink a few words before, or a pub's name by its shape alone
        ("the manager goes for a pint with me at the ferret on a friday", "ferret"),
        ("the ones who go to the dun cow on a friday after work", "dun cow"),
        ("a mate of my brother's from the black horse on friargate", "black horse"),
        ("we had the leaving do at the kings arms", "kings arms"),
        ("the quiz is at the dog and duck", "dog and duck"),
    ],
)
def test_a_pub_or_a_local_paper(run, venues, text, surface):
    assert run(venues, text) == [(surface, "ORG")]


@pytest.mark.parametrize(
    "text",
    [
        "We had a drink in the pub, then drinks in the office and a pint in the sun.",
        "a drink in the evening with the team in the staff room",
        "I read it in the Guardian, then saw the advert in the paper.",
        "Go to the Post Office, then the Star Inn.",  # the start of a longer name
        "the times we had, the post came late and the mail room shut",  # typed low
        "we put the echo on the tape recorder in the office",  # words of nothing in lower case
        "i don't drink so at the christmas do i just sit there",
        "we went for drinks after work at the weekend",
        "the red cross came, the black community came, the same inn, the open arms",
    ],
)
def test_no_venue_in_ordinary_talk(run, venues, text):
    assert run(venues, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "I'm the old man of the group, I'll say that now.",
        "We set up the network, Sarah said, in March.",
    ],
)
def test_words_after_a_network_are_not_its_name_without_a_sign(run, networks, text):
    assert run(networks, text) == []
