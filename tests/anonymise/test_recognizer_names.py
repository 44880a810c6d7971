"""First names of many origins, surnames, titles and known people (blank tokenizer, no model)."""

from __future__ import annotations

import pytest

from research.anonymise.recognizers.first_names import FirstNameRecognizer
from research.anonymise.recognizers.known_people import KnownPeopleRecognizer, name_variants


@pytest.fixture(scope="module")
def names():
    return FirstNameRecognizer()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("then priya said it was fine", "priya"),
        ("kwame told me about the job", "kwame"),
        ("I asked Dorota to check it", "Dorota"),
        ("My manager Sunita Kaur put me forward", "Sunita Kaur"),
        ("I covered for Sukhwinder Gill for months", "Sukhwinder Gill"),
        ("there was Mr Chaudhry from planning", "Chaudhry"),
        ("my friend Imran said, put T. Mahmood on the form", "T. Mahmood"),
        ("My manager Will kept saying it", "Will"),
        ("That makes me so sad, Mo.", "Mo"),
        ("And when I said something, rose said it was banter", "rose"),
        # an ordinary-word name opening a sentence, with a verb of what people do or a team
        ("It took ages. Dawn nominated me in the end.", "Dawn"),
        ("Joy in recruitment was kind about it.", "Joy"),
        # lower-case transcripts: titles and full names
        ("i asked for a video one and mr trelawny said no", "mr trelawny"),
        ("pastor kwaku at my church wrote me a reference", "pastor kwaku"),
        ("i'm tamsin and ellie pascoe is doing notes", "ellie pascoe"),
        ("the only voice I hear is the Teams call. bill from my team rings me", "bill"),
        ("Will in learning said they would look at it.", "Will"),
        ("Sister O'Hare at the hospital told me", "O'Hare"),
        # a name followed by who the person is
        ("It's who you know. Pat the supervisor has his favourites.", "Pat"),
        ("carol my team leader is lovely but the seniors aren't", "carol"),
        ("i did it again. ama, my wife, said just do it", "ama"),
        # months that are names, where nothing says month
        ("I want to do it. May in HR said they may fund it.", "May"),
        ("June in the office tried to stop it.", "June"),
        ("I asked May Lin about the course.", "May Lin"),
        # short lower-case names that are no English word, before a verb; word-names + union
        ("i need to manage. kev got it last time", "kev"),
        ("big sue from unison took photos", "sue"),
        # unpunctuated: after a clause word, before a verb; after "went to" / "ask for"
        ("we did a lunch and nav brought samosas from the shop", "nav"),
        ("he came in with nothing and a girl mei went on to do a degree", "mei"),
        ("so i went to bev at the branch and she sorted it", "bev"),
        ("ring the office and ask for mai thats my sister", "mai"),
        ("its chaired by joy and li wei after the summer", "joy"),  # who runs it
        ("Gaz who runs the depot used to say so.", "Gaz"),
        ("Will on my team is the supervisor's nephew.", "Will"),
        ("then the claim goes to June from payroll and back", "June"),
        ("it's good that it exists. hope chairs it and she's brilliant", "hope"),
        ("and tell may in recruitment the calendar has eid on it", "may"),
        ("if pastor wellington and uncle jagdish hadn't rung", "pastor wellington"),
        ("The network has grown. Bronwen chairs it now.", "Bronwen"),
        ("a family in bellingham and ade who chairs it said well", "ade"),
        ("on paper and my assessor hope is amazing but", "hope"),
        ("the other guy on the panel, bill, he sort of looked embarrassed", "bill"),
        ("hi everyone precious i work in the housing needs team", "precious"),
        # a word-name before what people do with words; a union or team post before a name
        ("it went quiet until grace wrote to the director", "grace"),
        ("and then cooper asked me where i'm from", "cooper"),
        ("our team leader bill just offered it to her", "bill"),
        ("the branch secretary hope sorted the appeal", "hope"),
    ],
)
def test_first_names_found(run, names, text, expected):
    assert (expected, "PERSON") in run(names, text)


@pytest.mark.parametrize(
    "text",
    [
        "I will mark the forms and hope for the best.",
        "it was led by example and run by volunteers",
        "It was a grace period of a month.",
        "Will you send it over?",
        "Patience is not something that system has.",
        "my sister said no and the pastor told us off",
        "Faith in the process is low.",
        "Hope in the future is all we have.",
        "Back then you just rang up and it just sat there.",
        "We met in March and again on a Friday.",
        "The Black History Month events were good.",
        "My GP letter went to HR.",
        "People called it the China virus.",
        "Will my manager approve it? will my manager approve it?",
        "Mark my words, half of us will leave.",
        "In June we met, and it ends in May 2021. May I ask something?",
        "i hope from the start it works",
        "we took photos of the toilets",
        "From May to June we waited. may i ask something",
        "my sister said no and the pastor told us off",
        "i hope it lasts and i hope chairs are found",
        "I've met my team in person twice, and the manager just said noted.",
        "and long covid was the worst of it",
        "i came from hong kong to do my masters, then Sierra Leone",
        "my manager decided, my sister went home",
        "the bill asked for more than we had, and the will said so",
        "i paid the bill, he said, and that was that",
        "For the supervisor job at the depot there was an interview.",
        "i saw it on indeed honestly nothing clever my cousin said",
    ],
)
def test_ordinary_words_not_names(run, names, text):
    assert run(names, text) == []


def test_name_variants_of_last_first():
    v = name_variants("Okonkwo, Chidi")
    assert v[:2] == ["Okonkwo, Chidi", "Chidi Okonkwo"]
    assert {"Chidi", "Okonkwo"} <= set(v)
    assert name_variants("Priya Sharma (She/Her)") == ["Priya Sharma", "Priya", "Sharma"]
    assert "de" not in name_variants("Ana de Souza")


def test_known_people_any_case_and_possessive(run):
    rec = KnownPeopleRecognizer(["Okonkwo, Chidi", "Priya Sharma"])
    found = run(rec, "PRIYA said priya's idea beat Chidi Okonkwo's and Sharma agreed")
    assert [s for s, _ in found] == ["Chidi Okonkwo", "PRIYA", "Sharma", "priya"]


def test_known_ordinary_word_name_needs_capital_or_context(run):
    rec = KnownPeopleRecognizer(["Will Jones"])
    assert run(rec, "I will do it, thanks Will.") == [("Will", "PERSON")]
    assert run(rec, "Will you do it?") == []
    assert run(rec, "Will, can you start?") == [("Will", "PERSON")]


def test_set_terms_replaces_the_list(run):
    rec = KnownPeopleRecognizer(["Priya Sharma"])
    rec.set_terms(["Kwabena Owusu"])
    assert run(rec, "Priya and Kwabena") == [("Kwabena", "PERSON")]


def test_lower_case_turns_unknown_word_after_up_or_down_is_a_place(run, names):
    assert ("bickerstaffe", "PLACE") in run(names, "its full time and based up bickerstaffe")


def test_lower_case_turns_unknown_word_after_at_or_from_is_a_place(run, names):
    """Only in a turn with no capital at all: elsewhere a lower-case unknown word is a typo."""
    assert ("derriford", "PLACE") in run(names, "faisal had to borrow one from derriford")
    assert ("legon", "PLACE") in run(names, "my first degree is from legon in ghana")
    assert not any(t == "derriford" for t, _ in run(names, "Faisal borrowed one from derriford"))
    assert run(names, "i went to uni in lockdown") == []
