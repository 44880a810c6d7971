"""Phone, NINO, postcode, staff refs, e-mail (offline) and URL recognizers (no model)."""

from __future__ import annotations

import pytest

from research.anonymise.recognizers.email import OfflineEmailRecognizer
from research.anonymise.recognizers.nino import NinoRecognizer
from research.anonymise.recognizers.phone import UkPhoneRecognizer
from research.anonymise.recognizers.postcode import UkPostcodeRecognizer
from research.anonymise.recognizers.staff_refs import StaffRefRecognizer
from research.anonymise.recognizers.url import SimpleUrlRecognizer


def surfaces(recognizer, text):
    return [text[r.start : r.end] for r in recognizer.analyze(text, recognizer.supported_entities)]


@pytest.mark.parametrize(
    "number",
    [
        "07700 900 123",
        "0121 496 0000",
        "+44 7700 900123",
        "(0121) 496 0712",
        "01632 960447",
        "+44 (0) 121 496 0000",
    ],
)
def test_uk_phone(number):
    assert surfaces(UkPhoneRecognizer(), f"ring me on {number} tomorrow") == [number]


@pytest.mark.parametrize(
    "text, phones",
    [
        ("on 029 2018 0392, or extension 2210 from a council", ["029 2018 0392", "extension 2210"]),
        ("I rang 0191 498 0621 ext 4412, and", ["0191 498 0621 ext 4412"]),
        ("call 0191 498 0621x2210.", ["0191 498 0621x2210"]),
        ("try ext. 4412 first", ["ext. 4412"]),
        ("the learning team is 0131.496.0718. Or", ["0131.496.0718"]),
    ],
)
def test_uk_phone_extensions(text, phones):
    assert surfaces(UkPhoneRecognizer(), text) == phones


@pytest.mark.parametrize(
    "text",
    ["in 2019 and 2020", "about 12 000 staff", "0121", "a 2 year extension", "extension 2 weeks"],
)
def test_not_a_phone(text):
    assert surfaces(UkPhoneRecognizer(), text) == []


@pytest.mark.parametrize("nino", ["QQ 12 34 56 C", "qq123456c", "AB 123456 D"])
def test_nino(nino):
    assert surfaces(NinoRecognizer(), f"My NI number, {nino}, was wrong") == [nino]


@pytest.mark.parametrize("pc", ["B21 9QT", "cv2 4gh", "WV100AA", "SW1A 1AA"])
def test_postcode(pc):
    assert surfaces(UkPostcodeRecognizer(), f"my address, {pc}, was old") == [pc]


def test_postcode_ignores_words():
    assert surfaces(UkPostcodeRecognizer(), "we did B2B work in 2020 for BBC") == []


@pytest.mark.parametrize(
    "text, ref",
    [
        ("My staff number is 448213.", "448213"),
        ("payroll no. 55012 is wrong", "55012"),
        ("my staff number is D0071932", "D0071932"),
        ("the reference, EMP-20417, was", "EMP-20417"),
        ("case ref CR-2020-0113 please", "CR-2020-0113"),
        ("Access to Work case reference is ATW-3318-0927", "ATW-3318-0927"),
        ("I still had to show badge 7731 at every door", "7731"),
        ("the NARIC statement, reference 4410872-PT, it says", "4410872-PT"),
        ("they wanted my NHS number, 485 777 3456, for the", "485 777 3456"),
        ("Her PVG number, 1300 0123 4567 8901, transferred", "1300 0123 4567 8901"),
        ("the SSSC registration, 3127745, took months", "3127745"),
        ("did hers last year, student number s1934207, and", "s1934207"),
        ("my matriculation number is 2345678A", "2345678A"),
        ("my passport number, 123456789, expired", "123456789"),
        ("HCPC registration is SW104417 now", "SW104417"),
        ("NMC pin, mine is 12A3456E", "12A3456E"),
        ("the BRP, ZU1234567, says", "ZU1234567"),
        ("the reference was F-I-N-0-4-2-6, and mine", "F-I-N-0-4-2-6"),
        ("I reported something once, grievance GR21-0077, and afterwards", "GR21-0077"),
        ("I'm on the system under my agency number, 40718. My friend", "40718"),
    ],
)
def test_staff_refs(text, ref):
    assert ref in surfaces(StaffRefRecognizer(), text)


@pytest.mark.parametrize(
    "text",
    [
        "In 2020, during COVID-19, staff were 1200",
        "The reference to the Equality Act 2010 is",
        "registration took 2000 hours",
        "badge number 0191 498 0621, ring it",  # a phone: UkPhoneRecognizer's
        "certificate in 2019/20",
        "licence from 12/03/2019 on",
        "reference for £1500 was",
        "my passport took 12 weeks, the visa 2500 pounds",
        "the PVG, 2000 staff need one",
        "level 3 registration for 2 years",
        "licence in 2019-2020",
        "registration opens at 0900 and closes at 1730",
        "there were 120000 people",
    ],
)
def test_staff_refs_skip_years_money_counts_and_phones(text):
    assert surfaces(StaffRefRecognizer(), text) == []


def test_email_is_offline():
    # pytest runs with --disable-socket: a download attempt would raise here
    text = "mail priya.sharma@sandwell.gov.uk or hr@walsall.gov.uk"
    assert surfaces(OfflineEmailRecognizer(), text) == [
        "priya.sharma@sandwell.gov.uk",
        "hr@walsall.gov.uk",
    ]


def test_address_like_strings_are_caught_at_a_lower_score():
    """A malformed address still names someone: no valid suffix, an apostrophe in the domain
    (a leak the property test found: "bruce.williams@king'slynnandwestnorfolk.gov.uk")."""
    rec = OfflineEmailRecognizer()
    for text, want in [
        ("name@host.notarealtld", "name@host.notarealtld"),
        ("Send it to bruce.williams@king'slynnandwestnorfolk.gov.uk and I'll", None),
    ]:
        found = rec.analyze(text, ["EMAIL"], None)
        want = want or text.split()[3]
        assert [(text[r.start : r.end], r.score) for r in found] == [(want, 0.6)]
    assert rec.analyze("meet @ 3pm, or follow @kemi", ["EMAIL"], None) == []


def test_url():
    text = "see https://www.walsall.gov.uk/jobs, or sandwell.gov.uk. ok.so what"
    assert surfaces(SimpleUrlRecognizer(), text) == [
        "https://www.walsall.gov.uk/jobs",
        "sandwell.gov.uk",
    ]
