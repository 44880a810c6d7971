"""Detector end to end on realistic transcript sentences (real spaCy model + Presidio)."""

from __future__ import annotations

import pytest

from research.anonymise.detect import (
    GUESSERS,
    Detection,
    DetectionSettings,
    parse_deny,
    resolve_overlaps,
)

pytestmark = pytest.mark.models


def found(detector, text):
    return [(d.text, d.entity_type) for d in detector.analyze(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("then priya said it was fine", ("priya", "PERSON")),
        ("Priya's idea was better", ("Priya", "PERSON")),
        ("PRIYA was right", ("PRIYA", "PERSON")),
        ("I spoke to Priya Sharma yesterday", ("Priya Sharma", "PERSON")),
        ("Okonkwo, Chidi joined late", ("Okonkwo, Chidi", "PERSON")),
        ("chidi's manager agreed", ("chidi", "PERSON")),
        ("kwame told me about the job", ("kwame", "PERSON")),
        ("My manager Will kept saying no", ("Will", "PERSON")),
        ("Thanks Grace, that's helpful", ("Grace", "PERSON")),
        ("I was interviewed by Mr Cartwright", ("Mr Cartwright", "PERSON")),
        ("Dr Samira al-Sayed? No, she's my GP", ("Dr Samira al-Sayed", "PERSON")),
        ("ring me on 07700 900 837 after five", ("07700 900 837", "PHONE")),
        ("My NI number, QQ 12 34 56 C, was wrong", ("QQ 12 34 56 C", "ID")),
        ("my address, B21 9QT, was old", ("B21 9QT", "POSTCODE")),
        ("with my NHS number, 943 476 5919, they found me", ("943 476 5919", "ID")),
        ("My staff number is 448213.", ("448213", "ID")),
        (
            "Email me at elaine.hughes@inclusion-insights.org.uk please",
            ("elaine.hughes@inclusion-insights.org.uk", "EMAIL"),
        ),
        (
            "I moved to Sandwell Metropolitan Borough Council in 2018",
            ("Sandwell Metropolitan Borough Council", "ORG"),
        ),
        ("I grew up in Smethwick", ("Smethwick", "PLACE")),
        # a title before a surname that is an ordinary word, in a lower-case turn
        ("i'm pretty sure mr house was on that panel", ("mr house", "PERSON")),
        # a name opening a sentence before an irregular verb or "from our team"
        ("Agnė brought the cake. That's why I stay.", ("Agnė", "PERSON")),
        ("My own sponsor was Sunday Okoro, and he changed my career.", ("Sunday Okoro", "PERSON")),
        ("Jordan said no to the transfer.", ("Jordan", "PERSON")),
        # a site named after its place: the name, not the site word
        ("Bogdan at Whitley depot runs a reading group.", ("Whitley depot", "PLACE")),
        # one capitalised word after "at (the)" where an employer stands, pending review
        ("I did six months on secondment at Nexus on their project.", ("Nexus", "ORG")),
        ("My wife is at the Royal doing twelve-hour shifts.", ("the Royal", "ORG")),
        ("Half the depot's Hull FC, and that's what holds us together.", ("Hull FC", "ORG")),
        # lower-case (Otter) turns: councils with spaces for hyphens, acronyms typed low,
        # a town that is also a word after a place word, spelling variants of cities abroad
        ("the carers group at stoke on trent city council", ("stoke on trent city council", "ORG")),
        ("i came here to study at uel and after that i temped", ("uel", "ORG")),
        ("they've moved out to stone the postcode is on the letter", ("stone", "PLACE")),
        ("i came from hargeisa when i was nine", ("hargeisa", "PLACE")),
        ("we met in bank top by the chippy", ("bank top", "PLACE")),
        ("Unity Care Solutions trained us on the new system.", ("Unity Care Solutions", "ORG")),
        # a name someone is given, any word; areas named for someone or by an ordinary word
        ("hi so everyone at work calls me lily its easier for them", ("lily", "PERSON")),
        ("And please, it's Adaeze, or Daze, everyone calls me that.", ("Daze", "PERSON")),
        ("Now I'm in my flat in Arthur's Hill and I feel alone.", ("Arthur's Hill", "PLACE")),
        (
            "In a team of nine in Walker, if you tick Muslim, woman and under thirty.",
            ("Walker", "PLACE"),
        ),
        # a town's paper, union branch and hospital, in a lower-case turn
        ("then i saw the council job in the newham recorder", ("newham recorder", "ORG")),
        ("so i went to the stoke city unison branch and", ("stoke city unison branch", "ORG")),
        ("occupational health at royal stoke lost my referral", ("royal stoke", "ORG")),
        ("i had two hearing aids and i was agency with reed for a year", ("reed", "ORG")),
        # an unknown lower-case word before what people do; a reference read out with letters
        ("because they think it'll go against them jazib only told me", ("jazib", "PERSON")),
        (
            "the incident number is c s four four seven one two",
            ("c s four four seven one two", "ID"),
        ),
        # a first name that is also a word, paired by "and" with a found person
        ("Pinky and Sunny run the network.", ("Pinky", "PERSON")),
        # an acronym in no jargon list, with no cue: a local employer, pending review
        ("And the internet at the depot, it's KCOM, it never works.", ("KCOM", "ORG")),
    ],
)
def test_detects(detector, text, expected):
    assert expected in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "I will mark it and hope for the best.",
        "After George Floyd and Black Lives Matter we talked about the Equality Act 2010.",
        "We moved everything onto Microsoft Teams during Covid.",
        "The NHS was under pressure and Windrush came up.",
        "Glass ceiling. That's what it is.",
        "I was shielding from March.",
        "People were from Ghana and the UK.",
        "this is the focus group for the north east, then the South West one",
        "Lovely, thanks all. Aye, well. Cheers, everyone.",  # replies, not Lovely or Aye
        # festivals, nationalities, irregular verbs and British workplace words
        "Flexible leave for Vaisakhi and Eid, and Easter. After Brexit it changed.",
        "Polish, Lithuanian and two Kurdish ladies in the cleaning team.",
        "patience fought for the council to pay the fees. I met him there.",
        "i'm a carer and in reablement there's one step, the senior carer, i have fibromyalgia",
        "I tried to help and got no joy from HR either.",
        "it's leek and potato soup, my brother in law made it, i'm in street services",
        "i got my ms diagnosis last year and went to the derby",
        "I work in Finance, I was at Level 3, and I sit with Dad at night.",
        "We meet on the Monday after, at the Christmas do, with the Polish lads.",
        "i've been acting chargehand at the depot, same with the gurdwara.",
        "They call me a liar. You can call me anytime.",
        "The Sikh staff network meets at the gurdwara. Him and me went.",
        "I did my PGCE, my ASYE and CIPFA, the LADO called, and OK, the CEO said. PCN too.",
    ],
)
def test_keeps_ordinary_and_public_text(detector, text):
    assert found(detector, text) == []


def test_detections_do_not_overlap_and_carry_recognizer(detector):
    dets = detector.analyze("Priya Sharma from Dudley Council rang 0121 496 0712 about Tipton.")
    assert all(a.end <= b.start for a, b in zip(dets, dets[1:], strict=False))
    assert all(d.recognizer and d.score >= 0.35 for d in dets)
    assert {d.entity_type for d in dets} == {"PERSON", "ORG", "PHONE", "PLACE"}


def test_set_known_adds_people_without_reload(detector):
    nlp = detector.nlp
    detector.set_known(people=["Zxqwy Plonk"])
    try:
        assert ("zxqwy", "PERSON") in found(detector, "and zxqwy said so")
        assert detector.nlp is nlp
    finally:
        detector.set_known(people=["Okonkwo, Chidi", "Priya Sharma", "Will Jones"])


def test_analyze_batch_matches_analyze_and_reports_progress(detector):
    texts = ["then priya said", "", "ring 07700 900 123", "nothing here"] * 10
    seen = []
    batch = detector.analyze_batch(texts, progress=seen.append)
    assert batch == [detector.analyze(t) for t in texts]
    assert seen[-1] == len(texts) and seen == sorted(seen)


def test_deny_list_and_types():
    assert parse_deny(["Acme Care", "ORG:Acme Ltd", "place:Lye"]) == [
        ("PERSON", "Acme Care"),
        ("ORG", "Acme Ltd"),
        ("PLACE", "Lye"),
    ]


def test_resolve_overlaps_prefers_longer_then_score_then_type():
    a = Detection(0, 12, "PERSON", "Priya Sharma", 0.6, "x")
    b = Detection(0, 5, "PERSON", "Priya", 0.9, "y")
    c = Detection(20, 27, "PLACE", "Walsall", 0.8, "z")
    d = Detection(20, 27, "ORG", "Walsall", 0.8, "w")
    e = Detection(20, 27, "PERSON", "Walsall", 0.85, "v")
    assert resolve_overlaps([b, a]) == [a]
    assert resolve_overlaps([c, e]) == [e]
    assert resolve_overlaps([c, d]) == [d]


def test_detector_never_downloads_a_model():
    from research.anonymise.detect import Detector
    from research.errors import ConfigError

    with pytest.raises(ConfigError):
        Detector(DetectionSettings(spacy_model="en_core_web_nonexistent"))


def test_only_our_recognizers_are_loaded(detector):
    names = {r.name for r in detector.engine.registry.recognizers}
    assert "UsSsnRecognizer" not in names and "CreditCardRecognizer" not in names
    assert {"KnownPeopleRecognizer", "FirstNameRecognizer", "EmailRecognizer"} <= names
    assert detector.nlp.pipe_names == ["ner"]


def test_a_lower_case_article_stays_out_of_a_span(detector):
    hits = detector.analyze("My family had a takeaway on the Ormeau Road, so I grew up there.")
    assert hits and all(not d.text.startswith("the ") for d in hits)
    assert any("Ormeau" in d.text for d in hits)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("so i rang sharon and that was it", [("sharon", "PERSON")]),  # not "rang sharon"
        ("I look after Dad in the evenings now.", []),  # what people call a parent
        ("with my sister rania typing", [("rania", "PERSON")]),  # kinship, not a title
        ("the people who get noticed. Mr Bramley, who ran highways", [("Mr Bramley", "PERSON")]),
    ],
)
def test_person_spans_are_the_name_as_written(detector, text, expected):
    assert [h for h in found(detector, text) if h[1] == "PERSON"] == expected


def test_a_month_that_is_a_name_is_not_spread_to_the_month(detector):
    """ "June in the office" is a person; "In June we met" in the same turn stays a month."""
    text = "June in the office tried to stop it. In June we met again."
    found = [(d.text, d.start) for d in detector.analyze(text) if d.entity_type == "PERSON"]
    assert found == [("June", 0)]


def test_plural_of_a_word_in_the_name_list_is_ambiguous():
    from research.anonymise.recognizers.lexicon import first_names

    names = first_names()
    assert names["photos"] is True  # matched only capitalised or in a name context
    assert names["priya"] is False


def test_next_place_in_a_list_is_a_place(detector):
    text = "mostly out in bloxwich and blakenall. the youth work"
    assert ("blakenall", "PLACE") in [(d.text, d.entity_type) for d in detector.analyze(text)]
    kept = "I was in Leeds and Stuff happened, in Leeds and then home."
    # (a capital mid-sentence is left to the guessers' review queue, not taken for a place)
    listed = [d for d in detector.analyze(kept) if d.recognizer not in GUESSERS]
    assert [d.text for d in listed] == ["Leeds", "Leeds"]
    # a clause after the place, not a list: "in brockley and i've never met"
    clause = "teams from my bedroom in brockley and i've never met half my cohort"
    assert [d.text for d in detector.analyze(clause)] == ["brockley"]


def test_a_council_name_in_a_lower_case_turn(detector):
    text = "when i applied properly they gave it to someone from sandwell."
    assert "sandwell" in [d.text for d in detector.analyze(text)]


def test_processes_auto_parallel_only_for_long_batches_in_the_main_thread(detector):
    import os
    import threading

    from research.anonymise.detect import PARALLEL_WORDS

    short, long = ["a few words"], ["word " * PARALLEL_WORDS]
    assert detector.processes_for(short) == 1
    assert detector.processes_for(long) == (2 if (os.cpu_count() or 1) >= 2 else 1)
    seen = []
    worker = threading.Thread(target=lambda: seen.append(detector.processes_for(long)))
    worker.start()
    worker.join()
    assert seen == [1]  # never fork from a worker thread (the TUI runs jobs in one)


def test_each_list_loads_once_per_detector(monkeypatch):
    """Presidio's __init__ calls load(): a recognizer must not reset what it loaded there and
    load it again on first use (0.3 s of every start-up, measured)."""
    from collections import Counter

    from research.anonymise.detect import Detector
    from research.anonymise.recognizers import brands, councils, places

    calls: Counter[str] = Counter()
    for cls in (
        places.UkPlaceRecognizer,
        councils.UkCouncilRecognizer,
        brands.UkEmployerRecognizer,
        brands.OrgAcronymRecognizer,
    ):

        def counted(self, _orig=cls.load, _name=cls.__name__):
            calls[_name] += 1
            return _orig(self)

        monkeypatch.setattr(cls, "load", counted)
    Detector().analyze("Priya moved from Leeds to work at Tesco with the KCC team.")
    assert calls == Counter(
        {
            "UkPlaceRecognizer": 1,
            "UkCouncilRecognizer": 1,
            "UkEmployerRecognizer": 1,
            "OrgAcronymRecognizer": 1,
        }
    )


def test_workers_are_forked_only_on_linux_and_from_the_main_thread(monkeypatch):
    import sys
    import threading

    from research.anonymise.detect import DetectionSettings, Detector

    two = Detector(DetectionSettings(n_process=2))
    monkeypatch.setattr(sys, "platform", "darwin")
    assert two.processes_for(["word " * 5000]) == 1
    monkeypatch.setattr(sys, "platform", "linux")
    assert two.processes_for(["word " * 5000]) == 2
    seen = []
    worker = threading.Thread(target=lambda: seen.append(two.processes_for(["word " * 5000])))
    worker.start()
    worker.join()
    assert seen == [1]  # not even when set: the TUI runs jobs in a worker thread


def test_two_processes_give_the_same_detections(detector):
    from research.anonymise.detect import DetectionSettings, Detector

    texts = [
        "Priya Sharma said Adaeze moved to Oldbury.",
        "Ring 07700 900123 or write to kofi.mensah@walsall.gov.uk.",
    ] * 20
    two = Detector(DetectionSettings(n_process=2))
    assert two.processes_for(texts) == 2
    plain = Detector(DetectionSettings(n_process=1))
    assert two.analyze_batch(texts) == plain.analyze_batch(texts)


def test_forked_workers_see_known_names_and_report_progress_in_order(detector):
    from research.anonymise.detect import DetectionSettings, Detector

    texts = ["then zaneta rang about the rota.", "and the rota was fine."] * 150
    two = Detector(DetectionSettings(n_process=2))
    two.set_known(people=["Zaneta Wojcik"])  # set before forking: the workers inherit it
    ticks: list[int] = []
    found = two.analyze_batch(texts, progress=ticks.append)
    assert [[d.text for d in f] for f in found] == [["zaneta"], []] * 150
    assert ticks == sorted(ticks) and ticks[-1] == len(texts) and len(ticks) >= 2


def test_sources_come_back_one_by_one_in_order_with_empty_ones_kept():
    from research.anonymise.detect import DetectionSettings, Detector

    batches = [
        ["Priya Sharma said Adaeze moved to Oldbury."] * 70,
        [],
        ["Ring 07700 900123 or write to kofi.mensah@walsall.gov.uk."] * 3,
        ["and the rota was fine."] * 200,
    ]
    two = Detector(DetectionSettings(n_process=2))
    ticks: list[int] = []
    forked = list(two.analyze_sources(batches, progress=ticks.append))
    plain = Detector(DetectionSettings(n_process=1))
    serial = [plain.analyze_batch(b) for b in batches]
    assert forked == serial and [len(r) for r in forked] == [70, 0, 3, 200]
    assert ticks == sorted(ticks) and ticks[-1] == 273


def test_chunks_keep_order_and_give_each_worker_a_share():
    from research.anonymise.detect import CHUNK_TEXTS, _chunks

    texts = [str(i) for i in range(1000)]
    chunks = _chunks(texts, 2)
    assert [t for c in chunks for t in c] == texts
    assert max(len(c) for c in chunks) == CHUNK_TEXTS
    assert _chunks(texts[:10], 2) == [texts[:5], texts[5:10]]
    assert _chunks(texts[:1], 2) == [texts[:1]]


def _die(texts):  # a worker killed mid-batch (out of memory, kill -9)
    import os

    os._exit(9)


def test_a_dead_worker_fails_the_batch_instead_of_hanging(monkeypatch, detector):
    from concurrent.futures.process import BrokenProcessPool

    from research.anonymise import detect

    monkeypatch.setattr(detect, "_analyze_chunk", _die)
    two = detect.Detector(detect.DetectionSettings(n_process=2))
    with pytest.raises(BrokenProcessPool):
        two.analyze_batch(["Priya rang."] * 10)
    assert detect._FORKED is None


def test_word_forms_strip_one_suffix_only():
    from research.anonymise.recognizers.lexicon import is_word_form

    assert all(is_word_form(w) for w in ("walked", "walks", "boxes", "said", "photos"))
    assert not any(is_word_form(w) for w in ("burgess", "hess", "jones", "hughes"))


@pytest.mark.parametrize(
    "surface, kept",
    [
        ("Kirklees Council", True),  # an organisation word
        ("Pennine Acute", True),  # a word in no word list names something
        ("Caffè Nero", True),
        ("National Insurance", False),  # everyday phrases, acronyms, public bodies
        ("DWP", False),
        ("ILM", False),
        ("Spotlight on Inclusion", False),
        ("the Black Country", False),
    ],
)
def test_spacy_orgs_without_an_organisation_word(surface, kept):
    from research.anonymise.recognizers.spacy_ner import FilteredSpacyRecognizer

    text = f"I was with {surface} then."
    assert FilteredSpacyRecognizer().keep("ORG", surface, 11, text) is kept


@pytest.mark.parametrize(
    "entity, surface, text, kept",
    [
        ("PERSON", "Supervisor", "Supervisor needs a computer course.", False),
        ("PERSON", "Parks", "Kwame. Parks. I look after the greens.", False),
        ("PERSON", "lorry", "same lorry, same round", False),
        ("PERSON", "Driver CPC", "Manual handling. Driver CPC, thirty-five hours.", False),
        ("PERSON", "Kwame", "Kwame. Parks.", True),
    ],
)
def test_spacy_lone_ordinary_words_and_acronym_names_are_dropped(entity, surface, text, kept):
    from research.anonymise.recognizers.spacy_ner import FilteredSpacyRecognizer

    start = text.index(surface)
    assert FilteredSpacyRecognizer().keep(entity, surface, start, text) is kept


def test_a_street_that_spacy_calls_a_person_is_a_place(detector):
    text = "She ran her dad's takeaway on Nelson Street for years."
    found = [(d.text, d.entity_type) for d in detector.analyze(text)]
    assert ("Nelson Street", "PLACE") in found
    assert all(t not in ("ran", "dad") for t, _ in found)


def test_a_word_before_a_phone_is_no_reference_prefix():
    from research.anonymise.recognizers.staff_refs import StaffRefRecognizer

    text = "ring 0117 496 0415, or text 07700900561, or email us"
    found = [text[r.start : r.end] for r in StaffRefRecognizer().analyze(text, ["ID"])]
    assert not any(f.startswith("text") for f in found)


def test_the_next_employer_of_a_work_history():
    from research.anonymise.detect import Detection
    from research.anonymise.spans import place_lists

    text = "I was with Staffline two years, then Kwikstaff one year. At Tesco, then Priya said."
    found = [
        Detection(11, 20, "ORG", "Staffline", 0.85, "x"),
        Detection(60, 65, "ORG", "Tesco", 0.8, "x"),
    ]
    assert [(d.text, d.entity_type) for d in place_lists(text, found)] == [("Kwikstaff", "ORG")]


def test_a_surname_inside_a_place_does_not_retype_it(detector):
    text = "I grew up near Castle Vale, and Adaeze went to Oldbury."
    found = {d.text: d.entity_type for d in detector.analyze(text)}
    assert found["Castle Vale"] == "PLACE" and found["Adaeze"] == "PERSON"


def test_a_verb_after_a_name_is_cut_off_and_never_spread(detector):
    text = "my friend sandra works for preston and my cousin linh works at sainsburys"
    found = [d.text for d in detector.analyze(text)]
    assert "works" not in " ".join(found)
    from research.anonymise.propagate import NameMatcher

    assert [h.text for h in NameMatcher(["sandra works"]).find("it works, sandra")] == ["sandra"]


def test_a_pronoun_with_its_clitic_is_cut_off_a_name_and_never_spread(detector):
    """spaCy's "paul i'm" in a lower-case turn had spread "i'm" to every "I'm" of a study."""
    text = "thanks for the biscuits whoever brought them. i'm paul i'm one of the researchers"
    assert [d.text for d in detector.analyze(text) if d.entity_type == "PERSON"] == ["paul"]
    from research.anonymise.propagate import NameMatcher

    found = NameMatcher(["paul i'm", "we're Ama"]).find("I'm here, we're late. Paul and Ama")
    assert [h.text for h in found] == ["Paul", "Ama"]


def test_the_name_list_holds_the_long_tail_but_no_plain_words():
    from research.anonymise.recognizers.lexicon import first_names, surnames

    names = first_names()
    assert len(names) > 50_000 and len(surnames()) > 40_000
    assert not any(w in names for w in ("let", "welcome", "great", "freedom"))


def test_departments_are_not_organisations_but_a_named_one_is(detector):
    text = (
        "I work in Adult Social Care, before that Children's Services, then Customer Services"
        " and Human Resources. Kirklees Housing Services is different."
    )
    found = [(d.text, d.entity_type) for d in detector.analyze(text)]
    assert found == [("Kirklees Housing Services", "ORG")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I work at Baldovie depot, the admin side.", ("Baldovie depot", "PLACE")),
        ("Tiago, out of Duncrue depot on the early shift.", ("Duncrue depot", "PLACE")),
        ("If they did one up in Pen-y-lan at the church hall.", ("Pen-y-lan", "PLACE")),
        ("We worked with the Bromley by Bow Centre.", ("Bromley by Bow Centre", "PLACE")),
        ("She's still on the same grade in 100 Temple Street.", ("100 Temple Street", "PLACE")),
        ("i grew up in leeds and i live in rushey mead now", ("rushey mead", "PLACE")),
        ("A full day in the Ada Lovelace room at Loxley House.", ("Ada Lovelace room", "PLACE")),
        ("A degree apprenticeship with Solent Uni, in surveying.", ("Solent Uni", "ORG")),
        ("with Positive Action in Housing and the network", ("Positive Action in Housing", "ORG")),
        ("we rent from them, it's west Hull, so the neighbours", ("west Hull", "ORG")),
        ("when i met him at rotherham town hall it was fine", ("rotherham town hall", "PLACE")),
        ("It ended up in the MEN and the Observer before", ("Observer", "ORG")),
        ("He's Rovers mad, so half the lads won't talk to him.", ("Rovers", "ORG")),
        (
            "Inspector Greenhalgh picks who he likes for the acting.",
            ("Inspector Greenhalgh", "PERSON"),
        ),
        # a rank's grade and a police rank written short go with the name
        (
            "Detective Inspector Mahmood ran the unit then.",
            ("Detective Inspector Mahmood", "PERSON"),
        ),
        ("and then PC Tom Adeyemi came round.", ("PC Tom Adeyemi", "PERSON")),
        # an Irish county, any case; a size word before a town typed low
        ("she's from a farm outside ennis in county clare", ("county clare", "PLACE")),
        ("in little horton we had a shop for years", ("little horton", "PLACE")),
        # a national charity's or union's local branch; a town's minster or support group
        ("i phoned age uk wakefield and they sorted it", ("age uk wakefield", "ORG")),
        ("the rep from unison rotherham was there", ("unison rotherham", "ORG")),
        ("so i ended up ringing mind in wakefield", ("mind in wakefield", "ORG")),
        (
            "the volunteers from wakefield carers support came in",
            ("wakefield carers support", "ORG"),
        ),
        ("we met at durham cathedral after the service", ("durham cathedral", "ORG")),
        # local papers and stations typed low
        ("my nan reads the courier every day", ("courier", "ORG")),
        ("it was on pulse fm all week", ("pulse fm", "ORG")),
        ("the odd one in the Western Mail, mind", ("Western Mail", "ORG")),
        # a community's own body, a church named for Mary, both halves of an "and" name
        ("we put posters up at the Ukrainian Club and the library", ("Ukrainian Club", "ORG")),
        (
            "they meet at the kurdish community centre on a sunday",
            ("kurdish community centre", "ORG"),
        ),
        ("mass at Our Lady of Lourdes, then the parish hall", ("Our Lady of Lourdes", "ORG")),
        (
            "a funded place from Skills and Learning Wakefield",
            ("Skills and Learning Wakefield", "ORG"),
        ),
        # a kind of organisation, then its name between commas
        ("we used a refugee charity in Hackney, Kinara Roots, for that", ("Kinara Roots", "ORG")),
        # a network named a few words after it is mentioned
        ("there's a network for carers now it's called kinship and it helps", ("kinship", "ORG")),
    ],
)
def test_place_spans_are_the_name_as_written(detector, text, expected):
    assert expected in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "I don't mind in Leeds, honestly.",
        "i heard it on local radio and on the radio in the van",
        "she'd mind in the mornings if we asked",
        "the kids go to the Youth Club and the Book Club on Fridays.",
        "we went to the polish church for the christening",
        "there's a group for parents which is called whatever you like really",
        "the organisation, I think, did its best",
    ],
)
def test_branch_and_station_rules_need_their_cue(detector, text):
    assert all(t != "ORG" for _, t in found(detector, text))


def test_an_organisation_of_a_place_is_one_name_as_sure_as_its_organisation_part():
    from research.anonymise.detect import Detection
    from research.anonymise.spans import org_of_place

    text = "I went to Refugee Women of Bristol, then Airbus in Filton."
    parts = [
        Detection(10, 23, "ORG", "Refugee Women", 0.5, "SpacyRecognizer"),
        Detection(27, 34, "PLACE", "Bristol", 0.85, "UkPlaceRecognizer"),
        Detection(41, 47, "ORG", "Airbus", 0.8, "UkEmployerRecognizer"),
        Detection(51, 57, "PLACE", "Filton", 0.85, "SpacyRecognizer"),
    ]
    assert org_of_place(text, parts) == [
        Detection(10, 34, "ORG", "Refugee Women of Bristol", 0.5, "SpacyRecognizer")
    ]


def test_a_shop_named_in_the_possessive_keeps_its_s_but_a_town_owning_a_noun_does_not(detector):
    texts = [d.text for d in detector.analyze("I'd still be at Rodda's on the line, nights.")]
    assert "Rodda's" in texts
    texts = [d.text for d in detector.analyze("Kingston's mayor came to see us.")]
    assert "Kingston" in texts


def test_a_rare_word_in_a_lower_case_turn_is_redacted_pending_review(detector):
    found = {
        d.text: d.score for d in detector.analyze("based out of leechmere but mostly sulgrave")
    }
    assert set(found) == {"leechmere", "sulgrave"}
    assert max(found.values()) < 0.6  # review_below: the ethics lead decides


def test_a_hyphenated_word_after_a_place_is_not_its_name(detector):
    assert [text for text, _ in found(detector, "A Leeds-based firm took me on.")] == ["Leeds"]


@pytest.mark.parametrize(
    "text",
    [
        "Back home you send a CV and your referees ring each other.",
        "yeah hi i drive the bin lorry out of the depot",
        "I'll be honest, on a Friday in the depot you hear stuff.",
    ],
)
def test_jargon_and_ordinary_words_are_no_one(detector, text):
    assert found(detector, text) == []


def test_a_weekday_before_a_surname_is_a_name(detector):
    assert ("Friday Eze", "PERSON") in found(
        detector, "A friend from church, Friday Eze, he's a healthcare assistant."
    )


def test_an_organisation_spacy_names_but_no_filter_vouches_for_waits_for_review(detector):
    hits = detector.analyze("I went to Sussex Coast for my A levels, and I still live there.")
    assert [(d.text, d.entity_type, d.score) for d in hits] == [("Sussex Coast", "ORG", 0.5)]


@pytest.mark.parametrize(
    "text",
    [
        "They wanted my National Insurance number before the offer.",
        "And I get jokes about Romanians, about stealing.",
        "The networks are race equality, disability, LGBT+ and carers.",
    ],
)
def test_unsure_organisations_are_never_public_or_groups_of_people(detector, text):
    assert found(detector, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The panel was Dr Farrow, my future boss, and two others.", ("Dr Farrow", "PERSON")),
        ("One of the lads from Deighton, Jordan, he rang me.", ("Jordan", "PERSON")),
    ],
)
def test_word_surnames_after_a_title_and_a_country_name_in_apposition(detector, text, expected):
    assert expected in found(detector, text)


def test_a_title_before_a_stop_word_is_no_name(detector):
    assert found(detector, "Dr No was on, and the Dr Who fans watched.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i worked in dubai and before that in cebu where my mother lives", ("cebu", "PLACE")),
        ("good morning i am gift i coordinate home care packages", ("gift", "PERSON")),
        ("Good for some of mine. Ji-woo, who's autistic, says so.", ("Ji-woo", "PERSON")),
    ],
)
def test_city_without_city_introductions_and_hyphenated_given_names(detector, text, expected):
    assert expected in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "yes i am happy with that and i am sure it works",
        "We went to the Well-being hub. Non-binary staff, Self-care, a Drop-in.",
        "Mm-hm. Uh-huh, okay.",
    ],
)
def test_no_name_in_ordinary_phrases(detector, text):
    assert found(detector, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("im dawn i work for the council in customer services", ("dawn", "PERSON")),
        ("he went to dan the gmb rep and only then did it reach", ("dan", "PERSON")),
        ("which it isnt grace okafor has been a team leader for years", ("grace okafor", "PERSON")),
        ("i mentored ms van der merwe the deputy chief exec", ("ms van der merwe", "PERSON")),
    ],
)
def test_lower_case_names_in_their_contexts(detector, text, expected):
    assert expected in found(detector, text)


def test_a_word_before_a_lower_case_surname_joins_it_only_if_it_is_a_name(detector):
    people = [t for t, kind in found(detector, "mark said okafor was right") if kind == "PERSON"]
    assert "said okafor" not in people and "okafor" in people


def test_an_introduction_in_lower_case_needs_a_clause_after_the_name(detector):
    assert found(detector, "the only reason im senior youth worker is the pastor") == []


def test_a_greeting_is_cut_off_a_name_and_a_reply_is_no_name(detector):
    people = lambda text: [d.text for d in detector.analyze(text) if d.entity_type == "PERSON"]  # noqa: E731
    assert people("Cheers Kirsty. Good luck with the report.") == ["Kirsty"]
    assert people("Lovely, thank you Mariana.") == ["Mariana"]
    assert people("Aye Aye Khaing chairs it now.") == ["Aye Aye Khaing"]  # a name, not a reply
