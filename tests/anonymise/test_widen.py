"""names.widen_person: a detected name grows over its title, hyphenated half and particles."""

from __future__ import annotations

import pytest

from research.anonymise.names import name_key, widen_person


def grown(text: str, part: str) -> str:
    start = text.index(part)
    a, b = widen_person(text, start, start + len(part))
    return text[a:b]


@pytest.mark.parametrize(
    ("text", "part", "expected"),
    [
        ("My manager Mr Cruickshank was good", "Cruickshank", "Mr Cruickshank"),
        ("the Mr. Khan said", "Khan", "Mr. Khan"),
        ("Sister O'Hare at the Mater", "O'Hare", "Sister O'Hare"),
        ("Father Krzysztof at the church", "Krzysztof", "Father Krzysztof"),
        ("because Inspector O'Mahony fought for it", "O'Mahony", "Inspector O'Mahony"),
        ("Matron Achebe backed me", "Achebe", "Matron Achebe"),
        ("My tutor, Dr Parveen Akhtar-Rees, told me", "Parveen Akhtar", "Dr Parveen Akhtar-Rees"),
        ("an engineer, Hyun-woo Park, joined", "woo", "Hyun-woo"),
        ("My colleague Eilidh Mac an tSaoir did an audit", "Eilidh Mac", "Eilidh Mac an tSaoir"),
        ("Omar bin Hassan chairs it", "Omar", "Omar bin Hassan"),
        # not titles: lower case kinship words, ordinary capitalised words, other names
        ("my sister Huong said", "Huong", "Huong"),
        ("Ask Priya Shah about it", "Shah", "Shah"),
        ("Then Amara said no", "Amara", "Amara"),
        ("Amara and Tunde came", "Amara", "Amara"),
    ],
)
def test_widen_person(text, part, expected):
    assert grown(text, part) == expected


def test_titles_and_honorifics_do_not_change_the_name_key():
    assert name_key("Mr Cruickshank") == name_key("Cruickshank") == "cruickshank"
    assert name_key("Sister O'Hare") == "o'hare"
    assert name_key("Sergeant Kowalski") == "kowalski"
    assert name_key("Sister") == "sister"  # a title alone is left as it is
