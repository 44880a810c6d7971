"""Phone numbers, references and e-mail addresses read out in words (no model)."""

from __future__ import annotations

import pytest

from research.anonymise.recognizers.spoken import TOKEN, SpokenRecognizer, read_digits


def found(text, entities=None):
    return [
        (r.entity_type, text[r.start : r.end])
        for r in SpokenRecognizer().analyze(text, entities or [])
    ]


@pytest.mark.parametrize(
    "number, digits",
    [
        ("oh one nine one, four nine eight, oh seven seven two", "01914980772"),
        ("oh seven seven double oh, nine double oh, three four one", "07700900341"),
        ("zero one two one, four nine six, oh seven one two", "01214960712"),
        ("nought seven seven hundred, nine hundred, treble four", "07700900444"),
        ("oh one six three two, nine six oh, four four seven", "01632960447"),
        ("oh seven seven double oh 900 and one two three", "07700900123"),
        ("oh one three one, four nine six, oh seventy-one eight", "01314960718"),
        ("plus four four seven seven double oh nine double oh, one two three", "+447700900123"),
    ],
)
def test_spoken_phone(number, digits):
    assert read_digits(TOKEN.findall(number)) == digits
    assert found(f"My number's {number} if anyone wants a natter.") == [("PHONE", number)]


def test_spoken_phone_after_a_stray_word():
    text = "no one, oh seven seven double oh, nine double oh, three four one"
    assert found(text) == [("PHONE", "oh seven seven double oh, nine double oh, three four one")]


def test_spoken_extension():
    assert found("or extension two two one oh from a council phone") == [
        ("PHONE", "extension two two one oh")
    ]


@pytest.mark.parametrize(
    "text, ref",
    [
        ("my staff number is four four eight two one three and", "four four eight two one three"),
        ("I had to show badge seven seven three one at every door", "seven seven three one"),
        ("her NHS number, four eight five, treble seven, three four five six", None),
        # a letter said before the digits; six digits said one by one need no context
        ("My employee number, it's E one oh four five eight two.", "E one oh four five eight two"),
        (
            "my payroll is p zero zero four two seven one nine and",
            "p zero zero four two seven one nine",
        ),
        ("I say it in my sleep, seven one three oh eight two.", "seven one three oh eight two"),
        # a short code said as one word before the digits, after an identifier word
        ("and my staff number is ag four four one seven", "ag four four one seven"),
        # three letters spelled out before the digits
        (
            "my reference was r e c zero four four seven one i still remember it",
            "r e c zero four four seven one",
        ),
    ],
)
def test_spoken_reference(text, ref):
    ref = ref or text.split(", ", 1)[1]
    assert found(text) == [("ID", ref)]


@pytest.mark.parametrize(
    "text",
    [
        "We had one, two, three, four people leave in a year.",
        "It went from five to six to seven hundred applicants",
        "I've been here nine, ten, eleven years",
        "my certificate came in twenty twenty one",
        "the registration was two thousand and nineteen",
        "seven hundred and fifty staff, one or two of them part time",
        "one to one, two to two, three to three",
        "I said a one, two, three, four, five, then a break",
        "i was in a team of two, three at most",
    ],
)
def test_spoken_numbers_that_are_no_pii(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text, address",
    [
        (
            "my email is b dot ajayi at gateshead dot gov dot uk, I'll forward it",
            "b dot ajayi at gateshead dot gov dot uk",
        ),
        ("it's jo underscore smith at gmail dot com if", "jo underscore smith at gmail dot com"),
        ("b.ajayi at gateshead dot gov dot uk.", "b.ajayi at gateshead dot gov dot uk"),
        ("email me at jsmith at gmail dot com", "jsmith at gmail dot com"),
        ("contact her at sarah dot jones at nhs dot net please", "sarah dot jones at nhs dot net"),
        ("it's b.ajayi @ gateshead.gov.uk in the chat", "b.ajayi @ gateshead.gov.uk"),
        ("mail lowri at caerphilly dot gov dot uk dot", "lowri at caerphilly dot gov dot uk"),
        (
            "my email's helen dot pryce at pennine hyphen insight dot co dot uk and if",
            "helen dot pryce at pennine hyphen insight dot co dot uk",
        ),
        # a firm's name said as two words
        (
            "you can email me its helen dot marsh at nant research dot co dot uk or ring",
            "helen dot marsh at nant research dot co dot uk",
        ),
    ],
)
def test_spoken_email(text, address):
    assert found(text, ["EMAIL"]) == [("EMAIL", address)]


@pytest.mark.parametrize(
    "text",
    [
        "email me at gmail dot com",
        "I work at tesco dot com now",
        "she's looking at nhs dot uk for it",
        "we met at two point five",
        "or mail b.ajayi@gateshead.gov.uk",  # written: OfflineEmailRecognizer's
        "we met at the station. Then we left",
        "she's looking at the nhs dot uk site",
    ],
)
def test_not_a_spoken_email(text):
    assert found(text, ["EMAIL"]) == []


def test_entities_filter():
    text = "b dot ajayi at gateshead dot gov dot uk, oh one nine one, four nine eight, oh seven seven two"
    assert [t for t, _ in found(text, ["EMAIL"])] == ["EMAIL"]
    assert [t for t, _ in found(text, ["PHONE"])] == ["PHONE"]
