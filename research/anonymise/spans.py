"""One turn's detections after the recognizers: types settled, spans grown to the name as written.

spaCy's type yields to a gazetteer's; a person span takes its title, hyphenated halves and
particles ("Dr Samira al-Sayed"), a place its hyphenated parts, site word and house number
("Pen-y-lan", "Baldovie depot", "100 Temple Street"); the next item of a list of places, a name
paired by "and" with a found person, and other mentions of a found name in the same turn are
added. Pure text functions over `Detection`s (no model); the detector runs them in order.
"""

from __future__ import annotations

import re

from research.anonymise.detect import GUESSERS, Detection
from research.anonymise.names import is_contraction


def retype_spacy(found: list[Detection]) -> list[Detection]:
    """spaCy's type yields to a gazetteer/pattern recognizer's on an overlapping span.

    spaCy calls "Adaeze" a place and "CV2 4GH" a person; the name list and the postcode regex
    know better. The spaCy span is kept (it may be longer), with the other type.
    """
    from research.anonymise.recognizers.spacy_ner import STREET_WORDS

    ours = [d for d in found if d.recognizer != "SpacyRecognizer" and d.recognizer not in GUESSERS]
    out = []
    for d in found:
        street = d.entity_type == "PLACE" and d.text.split()[-1].lower() in STREET_WORDS
        if d.recognizer == "SpacyRecognizer" and not street:  # "Nelson Street" stays a place
            # the detection of ours covering most of the span, if it covers most of it:
            # "Vale" (a surname) does not retype "Castle Vale" (a place)
            other = max(ours, key=lambda o: (_shared(o, d), o.score), default=None)
            covers = other is not None and _shared(other, d) >= 0.6 * (d.end - d.start)
            if covers and other.entity_type != d.entity_type:
                d = Detection(d.start, d.end, other.entity_type, d.text, d.score, d.recognizer)
        out.append(d)
    return out


def _shared(a: Detection, b: Detection) -> int:
    """How many characters two detections share (negative when apart)."""
    return min(a.end, b.end) - max(a.start, b.start)


def widen_people(text: str, found: list[Detection]) -> list[Detection]:
    """PERSON spans grown over a title, hyphenated halves and particles (names.widen_person);
    a lower-case "the" dropped from the front of a person or place; a place or organisation
    right after a title is a person ("Mr Bramley")."""
    from research.anonymise.names import titled_at, widen_person

    out = []
    for d in found:
        start, end = d.start, d.end
        if d.entity_type != "ORG" and text.startswith("the ", start):
            start += 4  # spaCy's "the Ormeau Road" (not "the city council": that one says which)
        if d.entity_type in ("PLACE", "ORG") and titled_at(text, start) is not None:
            d = Detection(d.start, d.end, "PERSON", d.text, d.score, d.recognizer)  # "Mr Bramley"
        if d.entity_type == "PERSON":
            start = _without_leading_words(text, start, end)  # spaCy's "rang sharon"
            end = _without_trailing_words(text, start, end)  # spaCy's "sandra works"
            start, end = widen_person(text, start, end)
            if text[start:end].islower():
                start, end = _lower_full_name(text, start, end)
        if (start, end) != (d.start, d.end) and start < end:
            d = Detection(start, end, d.entity_type, text[start:end], d.score, d.recognizer)
        out.append(d)
    return out


# what a named site is called after its place: "Baldovie depot" is one name
SITE_AFTER = re.compile(r"[ \t]+(?:depot|depots|yard|hub|campus|room)\b")
# an area's own last word, lower case in speech: "rushey mead", "moss side", "marsh farm"
AREA_AFTER = re.compile(
    r"[ \t]+(?:mead|side|end|green|hill|park|vale|heath|moor|cross|gate|fields|farm|rise|wood|"
    r"bank|top|brow|bridge|common|village|quarter|quay|quays|docks|estate)\b"
)
# what a short name of a university or club is followed by: "Solent Uni", "Argyle FC"
INSTITUTION_AFTER = re.compile(r"[ \t]+(?:Uni|University|College|FC|AFC)\b")
# what a charity works in, in its name: "Positive Action in Housing", "Carers in Business"
IN_NAME_AFTER = re.compile(r"[ \t]+in[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?\b(?![ \t]+[A-Z])")
# a shop or hospital named in the possessive, then no noun it owns: "at Rodda's on the line",
# "worked at Jimmy's all her life" (not "Kingston's mayor")
NAMED_POSSESSIVE = re.compile(
    r"(?:'s|’s)(?=[ \t]*(?:[,.;:!?)]|$|(?:on|in|at|for|all|and|or|but|then|till|until|"
    r"with|since|before|after|when|where|which|who|now|years?|nights?|days?)\b))"
)
# a town's own building after its name: "rotherham town hall", "Leeds central library"
TOWN_SITE_AFTER = re.compile(
    r"[ \t]+(?i:(?:town|city)[ \t]+hall|civic[ \t]+(?:centre|offices?|hall)|central[ \t]+library|"
    r"(?:bus|train|railway|coach)[ \t]+station)\b"
)
# a side of a town said before it: "it's west Hull", "in North Leeds", "in great horton"
COMPASS_BEFORE = re.compile(
    r"(?<![\w'’-])(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est|[Gg]reat|[Ll]ittle|[Uu]pper|[Ll]ower)"
    r"[ \t]+$"
)
# a national charity's or union's local branch, named by its place: "unison sunderland",
# "Mind in Bradford", "age uk leeds" (the place alone would leave the branch named)
BRANCH_BEFORE = re.compile(
    r"(?:(?<![\w'’-])(?P<org>(?i:unison|unite|gmb|healthwatch|mencap|age[ \t]+uk|"
    r"citizens[ \t]+advice|samaritans|carers[ \t]+trust|voluntary[ \t]+action))"
    r"|\b(?i:ringing|rang|called|from|with|by|to|at)[ \t]+(?P<mind>(?i:mind)))"  # not "don't mind"
    r"[ \t]+(?:(?i:in|of)[ \t]+)?$"
)
NUMBER_BEFORE = re.compile(r"\b\d{1,4}[a-z]?[ \t]+$")  # "100 Temple Street": the address
SITE_NAMERS = ("SpacyRecognizer", "DefiniteNameRecognizer")


def widen_places(text: str, found: list[Detection]) -> list[Detection]:
    """Place and organisation spans grown to the whole name as written: every part of a
    hyphenated name ("Pen" of "Pen-y-lan"), a site word after it ("Baldovie depot", which
    spaCy may call a person), a house number before a street ("100 Temple Street"), the side
    of a town before it ("west Hull"), the field in a charity's name ("Positive Action in
    Housing"), the possessive of a shop's name ("at Rodda's on the line")."""
    from research.anonymise.names import _HYPHEN_AFTER, _HYPHEN_BEFORE
    from research.anonymise.recognizers.lexicon import is_word_form
    from research.anonymise.recognizers.spacy_ner import STREET_WORDS

    out = []
    for d in found:
        etype, start, end = d.entity_type, d.start, d.end
        if etype == "PERSON" and d.recognizer in SITE_NAMERS and SITE_AFTER.match(text, end):
            etype = "PLACE"
        if etype in ("PLACE", "ORG"):
            m = _HYPHEN_BEFORE.search(text, 0, start)
            start = m.start() if m else start
            m = _HYPHEN_AFTER.match(text, end)
            if m and not (m.group().count("-") == 1 and is_word_form(m.group()[1:].lower())):
                end = m.end()  # not "Leeds-based", "NHS-funded"
        if etype == "ORG":
            m = INSTITUTION_AFTER.match(text, end)
            end = m.end() if m else end
            m = IN_NAME_AFTER.match(text, end)
            if m and d.text[:1].isupper() and _ordinary_words(m.group().split()[1:]):
                end = m.end()  # not "Airbus in Filton": a town after "in" is its own place
        if etype in ("PLACE", "ORG"):
            m = NAMED_POSSESSIVE.match(text, end) if text[start : start + 1].isupper() else None
            end = m.end() if m else end
            m = TOWN_SITE_AFTER.match(text, end) if " " not in text[start:end] else None
            if m:
                etype, end = "PLACE", m.end()
            m = BRANCH_BEFORE.search(text, 0, start) if " " not in text[start:end] else None
            if m:
                etype, start = "ORG", m.start("org") if m.group("org") else m.start("mind")
            m = COMPASS_BEFORE.search(text, 0, start)
            lower = text[start:end].islower() and m is not None and m.group().islower()
            if m and (text[start : start + 1].isupper() or lower):  # "in south marston"
                start = m.start()
        if etype == "PLACE":
            m = SITE_AFTER.match(text, end)
            end = m.end() if m else end
            m = AREA_AFTER.match(text, end)
            if m and text[start:end].islower():
                end = m.end()
            m = NUMBER_BEFORE.search(text, 0, start)
            if m and text[start:end].split()[-1].lower() in STREET_WORDS:
                start = m.start()
        if etype in ("PLACE", "ORG") and text[start:end].islower():
            named = _lower_org_after(text, end)
            if named:  # "kent police", "maidstone borough", "medway adult education"
                etype, end = "ORG", named
        if (etype, start, end) != (d.entity_type, d.start, d.end):
            d = Detection(start, end, etype, text[start:end], d.score, d.recognizer)
        out.append(d)
    return out


def _ordinary_words(words: list[str]) -> bool:
    """Every word an English word and none a month, a weekday or a country ("Housing", "Care")."""
    from research.anonymise.recognizers.lexicon import is_word_form, not_names

    return all(is_word_form(w.lower()) and w.lower() not in not_names() for w in words)


# what a town's own organisation is called after it, said in lower case
ORG_AFTER_PLACE = {
    "police", "borough", "college", "colleges", "university", "uni", "hospital", "hospitals",
    "trust", "club", "association", "society", "forum", "network", "education", "fire",
    "ambulance", "library", "libraries", "academy", "mosque", "foodbank", "partnership",
    "minster", "cathedral", "gurdwara", "synagogue", "unison", "unite", "gmb", "radio", "fm",
    "healthwatch", "mencap", "carers", "museum", "cvs", "support",
}  # fmt: skip
WORD = re.compile(r"[ \t]+([a-z]+)")


def _lower_org_after(text: str, end: int) -> int | None:
    """End of the last organisation word within three words after a lower-case place, the
    words between being no stop words ("kent police", "doncaster conversation club"); else
    None."""
    from spacy.lang.en.stop_words import STOP_WORDS

    pos, last = end, None
    for _ in range(3):
        m = WORD.match(text, pos)
        if m is None or m.group(1) in STOP_WORDS:
            break
        pos = m.end()
        if m.group(1) in ORG_AFTER_PLACE:
            last = pos  # the last one: "wakefield carers support", not "wakefield carers"
    return last


# ", X", " and X", ", or X" after a place: the next item of a list of places
LIST_NEXT = re.compile(
    r"(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+)([^\W\d_][\w-]{3,})"
    r"(?=[ \t]*(?:[.,;:?!)]|$|and\b|or\b))"
)


# in a transcript without punctuation: " or X", " then X", " and the X" after a place
LOWER_LIST_NEXT = re.compile(
    r"[ \t]+(?:and|or|then)[ \t]+(?:the[ \t]+)?([a-z][a-z-]{3,})\b(?!['’])"
)


# ", then X" after an employer: a work history ("with Staffline two years, then Taskmaster")
EMPLOYER_NEXT = re.compile(r",?[ \t]+(?:and[ \t]+)?then[ \t]+([A-Z][\w'’-]{3,})\b")


def place_lists(text: str, found: list[Detection]) -> list[Detection]:
    """The next place in a list after a detected one: "in Bloxwich and Blakenall", "out in
    bloxwich and blakenall" -- a word in no English word list, cased like the first place;
    and the next employer of a work history ("Staffline two years, then Taskmaster"), a
    capitalised word in no word or name list."""
    from research.anonymise.recognizers.lexicon import first_names, is_word_form

    out = []
    for d in found:
        if d.entity_type == "ORG":
            m = EMPLOYER_NEXT.search(text, d.end, min(len(text), d.end + 40))
            word = m.group(1) if m else ""
            if m and not is_word_form(word.lower()) and word.lower() not in first_names():
                out.append(Detection(m.start(1), m.end(1), "ORG", word, 0.5, "PlaceList"))
            continue
        if d.entity_type != "PLACE":
            continue
        m = LIST_NEXT.match(text, d.end)
        if m is None and not any(c.isupper() for c in text):
            m = LOWER_LIST_NEXT.match(text, d.end)  # "from luton or twydall dont write"
            if m and m.group(1) in first_names():
                continue
        if m is None:
            continue
        word = m.group(1)
        if word[0].isupper() != d.text[0].isupper() or word.isupper():
            continue
        if is_word_form(word.lower()):
            continue
        out.append(Detection(m.start(1), m.end(1), "PLACE", word, 0.5, "PlaceList"))
    return out


# "Jag and <person>", "<person> and Pinky": a capitalised first name paired with a found one
PAIR_BEFORE = re.compile(r"\b([A-Z][a-z][\w'’-]*)[ \t]+(?:and|&)[ \t]+$")
PAIR_AFTER = re.compile(r"[ \t]+(?:and|&)[ \t]+([A-Z][a-z][\w'’-]*)\b")


def org_of_place(text: str, found: list[Detection]) -> list[Detection]:
    """An organisation's name that ends in "of|for <place>" is one organisation ("Refugee
    Women of Bristol", "Friends of Leazes Park"), not an organisation and a place apart.
    Capitalised names only; "Airbus in Filton" keeps its town apart."""
    out = []
    spans = sorted(found, key=lambda d: d.start)
    for a, b in zip(spans, spans[1:], strict=False):
        if (
            a.entity_type == "ORG"
            and b.entity_type == "PLACE"  # not "the Luton branch of Unison": two bodies
            and text[a.end : b.start] in (" of ", " for ")
            and a.text[:1].isupper()
            and b.text[:1].isupper()
        ):
            # as sure as the organisation part: a guessed name stays pending review
            out.append(
                Detection(a.start, b.end, "ORG", text[a.start : b.end], a.score, a.recognizer)
            )
    return out


def name_pairs(text: str, found: list[Detection]) -> list[Detection]:
    """A capitalised word in the first-name list joined by "and" to a detected person is a
    person too, even when it is also a word ("Then Jag and Parm came", "Pinky and Sunny run
    the network"); pending review."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from research.anonymise.recognizers.lexicon import first_names, not_names

    names, never = first_names(), not_names()
    out = []
    for d in found:
        if d.entity_type != "PERSON":
            continue
        for m in (
            PAIR_BEFORE.search(text, max(0, d.start - 30), d.start),
            PAIR_AFTER.match(text, d.end),
        ):
            if m is None:
                continue
            word = m.group(1)
            low = word.lower()
            if low in names and low not in never and low not in STOP_WORDS:  # "Him and Precious"
                out.append(Detection(m.start(1), m.end(1), "PERSON", word, 0.55, "NamePair"))
    return out


def _without_trailing_words(text: str, start: int, end: int) -> int:
    """End of a person span before lower-case English words after the name ("sandra works")."""
    from research.anonymise.recognizers.first_names import STRICT_TITLES
    from research.anonymise.recognizers.lexicon import first_names, is_word_form, surnames

    while True:
        m = re.search(r"\s+([a-z]+(?:['’][a-z]+)?)$", text[start:end])
        if not m or m.start() == 0:
            return end
        word = m.group(1)
        if is_contraction(word):
            end = start + m.start()  # spaCy's "paul i'm" in a lower-case turn
            continue
        if word in first_names() or word in surnames() or not is_word_form(word):
            return end
        if text[start : start + m.start()].strip().lower().rstrip(".") in STRICT_TITLES:
            return end  # "mr house", "mrs wood": the surname after a title is the name
        end = start + m.start()


PARTICLE_END = re.compile(r"(?:^|\s)(?:van|der|den|de|da|von|bin|binti|al|el|le|la|du|di)$")
WORD_BEFORE = re.compile(r"\b([a-z]+)[ \t]+$")
WORD_AFTER = re.compile(r"[ \t]+([a-z][a-z'’-]*)")


# ordinary words given as first names, before a surname in lower case
GIVEN_WORDS = {
    "grace", "hope", "joy", "faith", "patience", "mercy", "precious", "blessing", "gift",
    "charity", "prudence", "dawn", "rose", "lily", "daisy", "ivy", "holly", "ruby", "amber",
    "jade", "pearl", "summer", "april", "may", "june", "destiny", "harmony", "melody",
    "heather", "iris", "violet", "olive", "hazel", "robin", "mark", "will", "bill", "pat",
    "sue", "jack", "frank", "grant", "dean", "sunny", "comfort", "peace", "memory", "fortune",
}  # fmt: skip


def _lower_full_name(text: str, start: int, end: int) -> tuple[int, int]:
    """A lower-case person span grown over the first name before it ("grace okafor", where
    the surname was found) and the name after a trailing particle ("ms van der merwe")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from research.anonymise.recognizers.base import ROLES_BEFORE
    from research.anonymise.recognizers.lexicon import first_names

    m = WORD_BEFORE.search(text, 0, start)
    word = m.group(1) if m else ""
    # a sure first name, or a word given as one ("grace okafor"; not "said okafor", "in law
    # rubina", "thanks kwame")
    named = first_names().get(word) is False or word in GIVEN_WORDS
    one_word = " " not in text[start:end].strip()
    if m and named and one_word and word not in STOP_WORDS and word not in ROLES_BEFORE:
        start = m.start(1)
    while " " in text[start:end].strip() and PARTICLE_END.search(text[start:end]):
        m = WORD_AFTER.match(text, end)
        if m is None:
            break
        end = m.end()
    return start, end


# words said to someone before their name, never part of it
GREETINGS = {"cheers", "thanks", "hi", "hello", "hiya", "morning", "evening", "bye", "ta"}
GREETINGS |= {"sorry", "welcome", "congratulations", "congrats", "yes", "no", "okay"}


def _without_leading_words(text: str, start: int, end: int) -> int:
    """Start of a person span past lower-case English words before the name ("rang sharon")."""
    from research.anonymise.names import HONORIFICS, TITLES
    from research.anonymise.recognizers.lexicon import first_names, is_word_form

    while True:
        m = re.match(r"([a-z]+(?:['’][a-z]+)?)\s+(?=\S)", text[start:end])
        if m and is_contraction(m.group(1)):
            start += m.end()  # "i'm paul"
            continue
        g = re.match(r"([A-Za-z]+),?\s+(?=\S)", text[start:end])
        if g and g.group(1).lower() in GREETINGS:
            start += g.end()  # spaCy's "Cheers Kirsty", "Thanks Dev"
            continue
        if not m or m.group(1) in first_names() or not is_word_form(m.group(1)):
            return start
        if m.group(1) in TITLES or m.group(1) in HONORIFICS:  # "reverend brian" stays whole
            return start
        start += m.end()


def propagate_in_text(text: str, found: list[Detection]) -> list[Detection]:
    """Other capitalised occurrences of a detected person's name parts in the same text.

    "Faith set it up, Faith Morgan chairs it": the second finds the first. Project-wide
    propagation is the apply step's job (research.anonymise.propagate).
    """
    from research.anonymise.recognizers.lexicon import not_names

    never = not_names()  # "May in HR" is a person, "in May" stays a month
    parts = {
        w
        for d in found
        if d.entity_type == "PERSON"
        for w in re.findall(r"[A-Z][\w'’-]+", d.text)
        if len(w) >= 2 and w.lower() not in never
    }
    if not parts:
        return []
    covered = [(d.start, d.end) for d in found]
    out = []
    for m in re.finditer(r"\b(?:" + "|".join(map(re.escape, sorted(parts))) + r")\b", text):
        if not any(a < m.end() and m.start() < b for a, b in covered):
            out.append(Detection(m.start(), m.end(), "PERSON", m.group(0), 0.6, "PropagatedName"))
    return widen_people(text, out)
