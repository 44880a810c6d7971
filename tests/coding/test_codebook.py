from pathlib import Path

import pytest

from research.coding.codebook import CodebookError, load_codebook, parse_codebook
from research.errors import ConfigError

DEFAULT = Path(__file__).resolve().parents[2] / "research" / "data" / "default_codebook.yaml"


def test_default_codebook_has_the_four_lines_of_enquiry():
    book = load_codebook(DEFAULT)
    assert book.ids == ["recruitment", "progression", "training", "engagement"]
    for code in book.codes:
        assert code.description and len(code.examples) >= 5
        assert code.colour.startswith("#") and code.root_id == code.id
    assert "retention" in book.get("recruitment").description
    assert "belong" in book.get("engagement").description.lower()


def test_children_and_own_codes():
    book = parse_codebook(
        """
codes:
  - id: training
    name: Training
    children:
      - id: mentoring
        name: Mentoring
        examples: ["my mentor"]
  - id: pay
    name: Pay and grading
"""
    )
    assert book.ids == ["training", "mentoring", "pay"]
    assert book.get("mentoring").parent_id == "training"
    assert book.get("mentoring").root_id == "training"
    assert book.resolve("pay and grading").id == "pay"
    assert book.get("pay").colour.startswith("#")


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (
            "codes:\n  - id: a\n    name: A\n  - id: a\n    name: B\n",
            4,
            "duplicate code id 'a' (first at line 2)",
        ),
        ("codes:\n  - id: a\n    name: A\n    colour: red\n", 4, "colour 'red'"),
        ("codes:\n  - id: a\n    name: A\n  - id: b\n", 4, "code without `name`"),
        ("codes:\n  - id: a\n    name: A\n    descripton: typo\n", 4, "unknown key 'descripton'"),
        ("codes:\n  - id: Bad Id\n    name: A\n", 2, "must start with a lower-case letter"),
        ("codes:\n  - id: a\n    name: A\n    examples: just one\n", 4, "must be a list"),
        ("codes:\n  - id: a\n    name: [A\n", 4, "not valid YAML"),
        ("version: 1\n", 1, "missing `codes:`"),
        ("codes: []\n", 1, "`codes:` is empty"),
        ("codes:\n  - just a string\n", 2, "must be a mapping"),
    ],
)
def test_errors_name_the_line(text, line, fragment):
    with pytest.raises(CodebookError) as err:
        parse_codebook(text, "codebook.yaml")
    assert err.value.line == line
    assert fragment in str(err.value)
    assert str(err.value).startswith(f"codebook.yaml:{line}: ")
    assert isinstance(err.value, ConfigError)


def test_missing_file(tmp_path):
    with pytest.raises(CodebookError, match="codebook not found"):
        load_codebook(tmp_path / "nope.yaml")
