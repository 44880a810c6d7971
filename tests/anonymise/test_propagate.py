"""Name and surface matching used by propagation."""

from research.anonymise.names import display_to_natural, name_key, org_key
from research.anonymise.propagate import NameMatcher, PhraseMatcher, SurfaceMatcher
from research.anonymise.pseudonyms import letters


def test_name_keys_fold_case_possessive_titles_and_last_first():
    assert name_key("Priya's") == name_key("PRIYA") == "priya"
    assert name_key("Okonkwo, Chidi") == "chidi okonkwo"
    assert name_key("Dr Amara Diallo") == "amara diallo"
    assert display_to_natural("Sharma, Priya (She/Her)") == "Priya Sharma"
    assert (
        org_key("Sandwell Metropolitan Borough Council")
        == org_key("Sandwell Council")
        == "sandwell"
    )


def test_name_matcher_finds_parts_in_any_case_but_ordinary_words_only_capitalised():
    m = NameMatcher(["Okonkwo, Chidi", "Grace Mensah"])
    text = "okonkwo and Chidi's friend; Grace came, the grace period; mensah too; Chidiebere no"
    found = [h.text for h in m.find(text)]
    assert found == ["okonkwo", "Chidi", "Grace", "mensah"]


def test_surface_matcher_keeps_ordinary_words_in_lower_case():
    m = SurfaceMatcher(["Oldbury", "Reading", "Sandwell Council's"])
    found = [
        h.text for h in m.find("From oldbury to Reading; reading is fun; SANDWELL COUNCIL said")
    ]
    assert found == ["oldbury", "Reading", "SANDWELL COUNCIL"]


def test_phrase_matcher_whole_words_only():
    m = PhraseMatcher(["HR"])
    assert [t for _, _, t in m.find("HR and hr, but not HRM or thrust")] == ["HR", "hr"]


def test_letters_for_councils():
    assert [letters(n) for n in (1, 2, 26, 27, 28)] == ["A", "B", "Z", "AA", "AB"]


def test_name_matcher_never_spreads_function_words_or_greetings_of_a_name():
    m = NameMatcher(["Adam and Eve", "Cheers Ruth"])
    found = [h.text for h in m.find("And then Eve came. Cheers all, Ruth and Adam.")]
    assert found == ["Eve", "Ruth", "Adam"]


def test_a_clitic_is_no_name_part_but_an_apostrophe_in_a_name_is():
    from research.anonymise.names import is_contraction

    assert all(map(is_contraction, ["i'm", "I’ll", "we're", "that's", "don't", "they've"]))
    assert not any(map(is_contraction, ["o'neill", "d'souza", "paul's", "n'golo", "i"]))
    found = NameMatcher(["Siobhan O'Neill"]).find("I'm sure O'Neill's team knew")
    assert [h.text for h in found] == ["O'Neill"]  # the possessive stays outside the hit


def test_a_name_that_is_a_word_spreads_into_lower_case_only_where_someone_is_addressed():
    m = NameMatcher(["grace okoro", "Dawn"])
    found = lambda text: [h.text for h in m.find(text)]  # noqa: E731
    assert found("hello everyone, i'm grace, i'm a staff nurse") == ["grace"]
    assert found("can i check grace, the rph, that's royal preston") == ["grace"]
    assert found("noted! and grace, you wanted to add something") == ["grace"]
    assert found("my name is dawn and i work nights") == ["dawn"]
    assert found("by the grace of god, it was a saving grace, honestly") == []
    assert found("we left at dawn, and grace period is over") == []
    assert found("And grace, you wanted something? At dawn, Dawn came.") == ["Dawn"]  # cased


def test_low_confidence_surfaces_spread_only_without_ordinary_words():
    from research.anonymise.apply import _no_ordinary_word

    assert _no_ordinary_word("Caldmore") and _no_ordinary_word("blakenall")
    assert not any(map(_no_ordinary_word, ["children", "I've", "covid", "Green Lanes", "And"]))


def test_a_weekday_month_or_country_in_a_name_spreads_only_where_a_person_stands():
    """ "Sunday Okoro" spreads "Sunday" to "Sunday is a legend", never to "on Sunday"."""
    m = NameMatcher(["Sunday Okoro", "Jordan"])
    found = lambda text: [h.text for h in m.find(text)]  # noqa: E731
    assert found("Sunday is a legend. Okoro too.") == ["Sunday", "Okoro"]
    assert found("We walked in the park on Sunday, every Sunday.") == []
    assert found("Jordan said yes. She went back to Jordan, in Jordan.") == ["Jordan"]
    assert found("sunday okoro") == ["sunday okoro"]
