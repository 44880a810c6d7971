"""Organisations named without an organisation word -> ORG: employers, universities, acronyms.

``UkEmployerRecognizer``: a general-knowledge gazetteer of UK employers, universities and
colleges by the names people use in work-history talk (data/uk_employers.txt,
data/uk_education.txt: "Greggs", "abrdn", "RGU", "Tyne Met", "Queen's"), plus name shapes:
"NHS Fife" (NHS + a board or place), "the Royal Gwent", "St Dominic's" (a school, church or
hospital), "Coleg y Cymoedd", and lower-case "<place> housing company" (Otter transcripts).
Names that are ordinary words ("Wood", "Next", "Admiral") count only capitalised where an
employer stands ("I was at Admiral", "Boots pays more", "hays, the agency").

``OrgAcronymRecognizer``: unknown acronyms and brand-like words after employer cues ("at
RGU", "through NRC", "from the NIHE", "worked for Kainos"), and an acronym right after the
organisation it abbreviates ("the gateshead housing company, TGHC,"), with both marked.

National public bodies (NHS, DWP, HMRC, unions in general, Zoom...) are never marked
(data/public_bodies.txt and the detector's allow-list): they identify nobody.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources
from typing import Any

from presidio_analyzer import LocalRecognizer

from research.anonymise.recognizers.base import (
    is_capitalised,
    lower_case_turn,
    nlp_doc,
    result,
    sentence_start,
)
from research.anonymise.recognizers.lexicon import (
    common_acronyms,
    country_names,
    english_words,
    first_names,
    gb_places,
    is_word_form,
    uk_councils,
)
from research.anonymise.recognizers.matcher import TermMatcher, doc_lowers

# how a gazetteer entry may match
ANY_CASE, CAPITALISED, CONTEXT = 0, 1, 2

# words before an employer: "at Admiral", "worked for Next", "through Pertemps", "to Inspire"
CUE_BEFORE = {
    "at",
    "for",
    "with",
    "joined",
    "join",
    "joining",
    "left",
    "leaving",
    "from",
    "through",
    "via",
    "by",
    "to",
    "was",
    "like",
    "agency",
    "employer",
}
# words after an employer: "Boots pays more", "Amazon opened a warehouse", "the Next store"
CUE_AFTER = {
    "pays",
    "paid",
    "pay",
    "opened",
    "closed",
    "hired",
    "hires",
    "employs",
    "employed",
    "recruited",
    "recruits",
    "recruiting",
    "supply",
    "supplies",
    "supplied",
    "offered",
    "offers",
    "head",
    "store",
    "stores",
    "shop",
    "warehouse",
    "depot",
    "branch",
    "site",
    "plant",
    "factory",
    "offshore",
    "contract",
    "agency",
    "graduate",
    "apprenticeship",
    # what a contractor did: "Norse fixed it in a day", "Kier had the contract"
    "fixed",
    "did",
    "does",
    "took",
    "run",
    "runs",
    "ran",
    "manage",
    "manages",
    "managed",
    "won",
    "built",
    "cleans",
    "cleaned",
    "had",
}
# ", the agency": an apposition saying what kind of organisation the word names
KINDS = {
    "agency",
    "recruitment",
    "housing",
    "bank",
    "supermarket",
    "charity",
    "company",
    "firm",
    "college",
    "university",
    "uni",
    "retailer",
    "insurer",
    "employer",
    "factory",
    "builder",
    "builders",
    "contractor",
    "contractors",
    "provider",
    "chain",
    "consultancy",
    "call",
}
CONNECTORS = {"and", "of", "for", "&", "the", "y", "yr", "-", "'s", "’s", "a", "ac", "in", "on"}
POSSESSIVE = {"'s", "’s"}

# "NHS Fife": Scottish health boards by name (English and Welsh ones carry a place name)
NHS_BOARDS = {
    "fife",
    "lothian",
    "grampian",
    "tayside",
    "highland",
    "borders",
    "lanarkshire",
    "ayrshire",
    "forth",
    "greater",
    "dumfries",
    "orkney",
    "shetland",
    "western",
    "ggc",
    "golden",
}
# "the Royal Gwent": hospitals; the national bodies with "Royal" stay (public_bodies.txt)
HOSPITAL_WORDS = {
    "infirmary",
    "hospital",
    "hospitals",
    "free",
    "marsden",
    "brompton",
    "victoria",
    "alexandra",
    "alex",
    "gwent",
    "glamorgan",
    "berkshire",
    "surrey",
    "sussex",
    "devon",
    "cornwall",
    "bournemouth",
    "blackburn",
    "bolton",
    "oldham",
    "preston",
    "hallamshire",
    "stoke",
    "derby",
    "united",
    "albert",
}
# "St Dominic's ...": what may follow; "St Patrick's Day" is a date
SAINT_AFTER = {
    "school",
    "primary",
    "high",
    "grammar",
    "college",
    "academy",
    "hospital",
    "hospice",
    "church",
    "rc",
    "catholic",
    "c",
    "of",
    "e",
    "infant",
    "infants",
    "junior",
    "nursery",
    "secondary",
    "parish",
}
SAINT_DATES = {"day", "night", "eve", "week"}
WELSH_HEADS = {"coleg", "ysgol", "prifysgol", "grŵp", "grwp", "canolfan", "cartrefi"}
LINK_WORDS = {"community", "city", "county", "district", "borough", "council", "regional"}
# lower-case "<place> housing company": what an organisation's name ends with
LOWER_HEADS = {
    ("housing", "company"),
    ("housing", "association"),
    ("housing", "trust"),
    ("homes",),
    ("college",),
    ("university",),
    ("uni",),
    ("academy",),
    ("high", "school"),
    ("grammar", "school"),
    ("infirmary",),
    ("royal", "infirmary"),
    ("general", "hospital"),
    ("district", "hospital"),
    ("community", "housing"),
    ("leisure", "trust"),
    ("football", "club"),
    ("met",),
}
HEAD_STARTS = {h[0] for h in LOWER_HEADS}
# acronyms: where an employer stands ("at RGU", "through NRC", "from the NIHE")
ACRONYM_CUES = {
    "at",
    "through",
    "from",
    "with",
    "for",
    "joined",
    "join",
    "left",
    "by",
    "via",
    "to",
    "agency",
}
# "for the ASYE course": an acronym before these names a qualification or a scheme
NOT_ORG_AFTER = {
    "course",
    "courses",
    "qualification",
    "qualifications",
    "assessor",
    "assessment",
    "programme",
    "program",
    "scheme",
    "level",
    "exam",
    "exams",
    "test",
    "form",
    "forms",
    "check",
    "checks",
    "certificate",
    "training",
    "module",
    "award",
    "diploma",
    "framework",
    "process",
    "policy",
    "year",
    "application",
    "grade",
    "number",
    "card",
    "status",
    "funding",
    "route",
    "standard",
    "standards",
}
# brand-like unknown words need a stronger cue: "worked for Kainos", "joined Pertemps"
WORK_WORDS = {
    # what someone was there: "a supervisor at Ransomes", "a carer for Bluebird"
    "supervisor",
    "manager",
    "cleaner",
    "driver",
    "nurse",
    "carer",
    "assistant",
    "apprentice",
    "engineer",
    "electrician",
    "labourer",
    "operative",
    "technician",
    "porter",
    "worker",
    "chargehand",
    "work",
    "works",
    "worked",
    "working",
    "employed",
    "job",
    "jobs",
    "placement",
    "contract",
    "apprenticeship",
    "agency",
    "temping",
    "trained",
    "studied",
    "degree",
}
# "run by Black Thrive", "delivered by ...": an organisation follows
# "i was agency with reed", "a secondment with combined": who someone was before "with"
WITH_WORK_WORDS = WORK_WORDS | {"secondment"}
BY_VERBS = {
    "run",
    "delivered",
    "provided",
    "organised",
    "organized",
    "funded",
    "commissioned",
    "facilitated",
    "hosted",
    "owned",
    "bought",
    "contracted",
    "outsourced",
    "supplied",
}
# words that make "<place> X" a place, not an organisation ("Cardiff Road", "North Cornwall")
PLACE_WORDS = {
    "north",
    "south",
    "east",
    "west",
    "upper",
    "lower",
    "greater",
    "new",
    "old",
    "great",
    "little",
    "road",
    "street",
    "lane",
    "avenue",
    "way",
    "drive",
    "close",
    "bay",
    "city",
    "town",
    "centre",
    "center",
    "county",
    "valley",
    "hill",
    "park",
    "square",
    "station",
    "airport",
    "area",
    "region",
    "side",
    "borough",
    "district",
    "estate",
    "village",
    "harbour",
    "docks",
    "central",
    "mall",
    "market",
    "high",
    "council",
    "councils",
}
# an acronym's expansion must end like an organisation's name
EXPANSION_HEADS = {
    "company",
    "council",
    "college",
    "university",
    "executive",
    "association",
    "trust",
    "board",
    "partnership",
    "service",
    "services",
    "group",
    "homes",
    "housing",
    "centre",
    "center",
    "network",
    "foundation",
    "society",
    "institute",
    "agency",
    "authority",
    "bank",
    "hospital",
    "school",
    "academy",
    "alliance",
    "federation",
    "forum",
    "limited",
    "ltd",
    "plc",
    "solutions",
    "care",
    "consortium",
    "commission",
    "project",
    "charity",
    "organisation",
    "organization",
}


def _lines(name: str) -> list[str]:
    raw = resources.files("research.anonymise").joinpath("data", name).read_bytes()
    text = gzip.decompress(raw).decode("utf-8") if name.endswith(".gz") else raw.decode("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def public_bodies() -> frozenset[str]:
    """Lower-case national bodies and references that stay (plus the detector's allow-list)."""
    from research.project import DEFAULT_ALLOW_LIST

    return frozenset(x.casefold() for x in [*_lines("public_bodies.txt"), *DEFAULT_ALLOW_LIST])


@lru_cache(maxsize=1)
def employer_entries() -> tuple[tuple[str, str], ...]:
    """(name, mark) of the employer and education gazetteers; mark is "", "~" or "="."""
    out = []
    for name in ("uk_employers.txt", "uk_education.txt"):
        for line in _lines(name):
            mark = line[0] if line[0] in "~=" else ""
            out.append((line[len(mark) :].strip(), mark))
    return tuple(out)


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    """spaCy's rule-based English tokenizer: entries split as the pipeline splits text."""
    import spacy

    return spacy.blank("en").tokenizer


def is_ordinary(low: str) -> bool:
    """An ordinary English word, inflected or not ("boots", "hays"); rarer words are marked
    "~" in the data files (the noun list holds too many proper names: "nissan", "toyota")."""
    words = english_words()
    stems = {low, low.removesuffix("s"), low.removesuffix("es"), low.removesuffix("ing")}
    return any(w in words for w in stems if len(w) > 1)


def entry_level(tokens: list[str], mark: str) -> int:
    """How an entry may match: any case, capitalised, or capitalised in an employer context."""
    if mark == "~":
        return CONTEXT
    if mark == "=":
        return CAPITALISED
    words = [t for t in tokens if t.isalpha() and t not in CONNECTORS]
    lows = [w.lower() for w in words]
    if len(words) == 1:
        low = lows[0]
        if is_ordinary(low):
            return CONTEXT
        if low in first_names() or low in country_names():
            return CAPITALISED
        return ANY_CASE
    if lows and all(is_ordinary(w) for w in lows):
        return CAPITALISED
    return ANY_CASE


def _prev_word(doc: Any, lowers: list[str], i: int) -> int:
    """Index of the word before token i, skipping one "the" ("from the NIHE"); -1 if none."""
    j = i - 1
    if j >= 0 and lowers[j] == "the":
        j -= 1
    return j


def _apposition_kind(lowers: list[str], j: int) -> bool:
    """Tokens from j read ", the agency" / ", a housing association" / "agency"."""
    k = j
    if k < len(lowers) and lowers[k] in {",", "(", "-", "–"}:
        k += 1
    if k < len(lowers) and lowers[k] in {"the", "a", "an", "that", "which"}:
        k += 1
    return k > j and k < len(lowers) and lowers[k] in KINDS


class UkEmployerRecognizer(LocalRecognizer):
    """ORG for UK employers, universities and colleges by name, and NHS/saint/Welsh shapes."""

    SCORE = 0.8  # a distinctive name, or an ordinary-word name in an employer context
    SCORE_CAPITALISED = 0.65  # a capitalised name that may also be a person or place
    SCORE_SHAPE = 0.75  # "NHS Fife", "St Dominic's", "Coleg y Cymoedd", "the Royal Gwent"

    def __init__(self) -> None:
        self.matcher: TermMatcher | None = None  # set before: Presidio's __init__ calls load()
        super().__init__(
            supported_entities=["ORG"], supported_language="en", name="UkEmployerRecognizer"
        )

    def load(self) -> None:
        tok = _tokenizer()
        public = public_bodies()
        matcher = TermMatcher()
        for name, mark in employer_entries():
            if name.casefold() in public:
                continue
            tokens = [t.text for t in tok(name)]
            acronym = len(tokens) == 1 and name.isupper()
            key = tuple(t.lower().rstrip(".") or t.lower() for t in tokens)
            matcher.add_tokens(key, (entry_level(tokens, mark), acronym))
        self.matcher = matcher
        self.public = public
        self.places = {p.lower() for p in gb_places()} | {c.lower() for c in uk_councils()}
        self.words = english_words()

    def _context(self, doc: Any, lowers: list[str], i: int, j: int) -> bool:
        """An employer stands at tokens i..j-1: a cue before, a verb or apposition after."""
        p = _prev_word(doc, lowers, i)
        if p >= 0 and lowers[p] in CUE_BEFORE:
            return True
        if j < len(lowers) and lowers[j] in CUE_AFTER:
            return True
        if i > 0 and lowers[i - 1] in {",", "the"} and i > 1 and lowers[i - 2] in KINDS:
            return True  # "the agency, Hays"
        return _apposition_kind(lowers, j)

    def _accept(self, doc: Any, lowers: list[str], i: int, j: int, payload: Any) -> float:
        """Score of a gazetteer match (0 when it does not count here)."""
        level, acronym = payload
        toks = [doc[k].text for k in range(i, j)]
        if j < len(lowers) and " ".join(lowers[i : j + 1]) in self.public:
            return 0.0  # "Microsoft" of "Microsoft Teams"
        if j < len(lowers) and lowers[j] in {"council", "councils"}:
            return 0.0  # "Birmingham City Council" is the council recognizer's
        if level == CONTEXT and lowers[j - 1] in POSSESSIVE and i > 0 and lowers[i - 1] == "the":
            return 0.0  # "the Queen's funeral", not the university
        if acronym:
            return self.SCORE if toks[0].isupper() else 0.0
        capitals = all(
            is_capitalised(t) or t.lower() in CONNECTORS or not t[:1].isalpha() for t in toks
        )
        if level == ANY_CASE:
            return self.SCORE
        if not capitals and lower_case_turn(doc):
            # no capitals to go by: where an employer stands ("at goldsmiths", "through
            # sanctuary"), a capitalised-only or ordinary-word entry counts; never a number
            # or little word ("with three people")
            if any(doc[k].is_stop for k in range(i, j)):
                return 0.0
            p = _prev_word(doc, lowers, i)
            strong = p >= 0 and lowers[p] in {"at", "for", "joined", "through", "via", "agency"}
            # "i was agency with reed", "a secondment with combined"
            strong = strong or (
                p >= 0
                and lowers[p] == "with"
                and any(w in WITH_WORK_WORDS for w in lowers[max(0, p - 4) : p])
            )
            return self.SCORE_CAPITALISED if strong else 0.0
        if level == CAPITALISED:
            if not capitals:
                return 0.0
            return self.SCORE if self._context(doc, lowers, i, j) else self.SCORE_CAPITALISED
        # an ordinary word: capitalised where an employer stands, or "hays, the agency"
        if capitals and not (toks[0].isupper() and len(toks[0]) > 1 and len(toks) == 1):
            if self._context(doc, lowers, i, j) and (
                not sentence_start(doc, i) or j < len(lowers) and lowers[j] in CUE_AFTER
            ):
                return self.SCORE
            return 0.0
        return self.SCORE if _apposition_kind(lowers, j) else 0.0

    def _shapes(self, doc: Any, lowers: list[str]) -> list[tuple[int, int]]:
        """Token spans of "NHS Fife", "the Royal Gwent", "St Dominic's", "Coleg y Cymoedd" and
        lower-case "<place> housing company"."""
        spans = []
        n = len(lowers)
        public = public_bodies()
        for i, low in enumerate(lowers):
            if low == "nhs" and i + 1 < n:
                end = self._place_end(doc, lowers, i + 1, NHS_BOARDS)
                if end and " ".join(lowers[i:end]) not in public:
                    spans.append((i, end))
            elif low == "royal" and doc[i].text == "Royal" and i > 0 and lowers[i - 1] == "the":
                end = i + 1
                while end < n and is_capitalised(doc[end].text) and doc[end].is_alpha:
                    end += 1
                names = lowers[i + 1 : end]
                if (
                    names
                    and " ".join(lowers[i:end]) not in public
                    and any(w in HOSPITAL_WORDS or w in self.places for w in names)
                ):
                    spans.append((i, end))
            elif low in {"st", "saint"} and doc[i].text[:1] == "S" and i + 2 < n:
                if not (is_capitalised(doc[i + 1].text) and doc[i + 1].is_alpha):
                    continue
                if lowers[i + 2] not in POSSESSIVE:
                    continue
                end = i + 3
                while end < n and (
                    lowers[end] in SAINT_AFTER
                    and (is_capitalised(doc[end].text) or lowers[end] in {"school", "primary"})
                    or lowers[end] in {"'", "’"}
                ):
                    end += 1
                if end < n and lowers[end] in SAINT_DATES:
                    continue
                spans.append((i, end))
            elif low in WELSH_HEADS and is_capitalised(doc[i].text):
                end = i + 1
                while end < n and end - i <= 5:
                    t = doc[end]
                    if is_capitalised(t.text) and t.is_alpha:
                        end += 1
                    elif lowers[end] in {"y", "yr", "'r", "ac", "a"} and end + 1 < n:
                        if not is_capitalised(doc[end + 1].text):
                            break
                        end += 1
                    else:
                        break
                if end > i + 1:
                    spans.append((i, end))
        spans += self._lower_heads(doc, lowers)
        return spans

    def _place_end(self, doc: Any, lowers: list[str], i: int, boards: set[str]) -> int | None:
        """End of a health board ("Fife", "Greater Glasgow and Clyde") or a place of 1-3
        tokens at i; None if neither."""
        n = len(lowers)
        if lowers[i] in boards:
            end = i + 1
            while end < n and is_capitalised(doc[i].text):
                if is_capitalised(doc[end].text) and doc[end].is_alpha:
                    end += 1
                elif (
                    lowers[end] in {"and", "&"}
                    and end + 1 < n
                    and is_capitalised(doc[end + 1].text)
                ):
                    end += 2
                else:
                    break
            return end
        for size in (3, 2, 1):
            if i + size <= n and " ".join(lowers[i : i + size]) in self.places:
                if size == 1 and lowers[i] in self.words and not is_capitalised(doc[i].text):
                    return None
                return i + size
        return None

    def _lower_heads(self, doc: Any, lowers: list[str]) -> list[tuple[int, int]]:
        """Lower-case "<place> housing company" (Otter): Title Case is orgs.py's."""
        spans = []
        n = len(lowers)
        for k in range(1, n):
            if lowers[k] not in HEAD_STARTS:
                continue
            for head in LOWER_HEADS:
                m = len(head)
                if tuple(lowers[k : k + m]) != head or is_capitalised(doc[k].text):
                    continue
                # "plymouth community homes", "leeds city college": one linking word allowed
                end = k - 1 if k > 1 and lowers[k - 1] in LINK_WORDS else k
                for size in (3, 2, 1):
                    i = end - size
                    if i < 0 or is_capitalised(doc[i].text):
                        continue
                    place = " ".join(lowers[i:end])
                    if place in self.places and not (size == 1 and place in self.words):
                        spans.append((i, k + m))
                        break
        return spans

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        doc = nlp_doc(nlp_artifacts)
        if doc is None:
            return []
        if self.matcher is None:
            self.load()
        lowers = doc_lowers(doc)
        out = []
        for i, j, payload in self.matcher.find_lowers(lowers):
            score = self._accept(doc, lowers, i, j, payload)
            if score:
                out.append(result("ORG", doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), score, self))
        for i, j in self._shapes(doc, lowers):
            start = doc[i].idx
            out.append(
                result("ORG", start, doc[j - 1].idx + len(doc[j - 1]), self.SCORE_SHAPE, self)
            )
        return out


def _is_acronym(text: str) -> bool:
    """ "RVI", "NIHE", "N&N" (a hospital), "B&Q"."""
    if "&" in text:
        left, _, right = text.partition("&")
        return (
            1 <= len(left) <= 3
            and 1 <= len(right) <= 3
            and (left + right).isalpha()
            and (text.isupper())
        )
    return 2 <= len(text) <= 6 and text.isalpha() and text.isupper()


class OrgAcronymRecognizer(LocalRecognizer):
    """ORG for unknown acronyms and brand-like words where an employer stands."""

    SCORE_CUE = 0.5  # "through NRC"
    SCORE_APPOSITION = 0.7  # "the gateshead housing company, TGHC"
    SCORE_BRAND = 0.45  # "worked for Kainos": below a person-name match of the same span
    SCORE_BARE = 0.4  # "it's KCOM": an unknown acronym with no cue, for review

    def __init__(self) -> None:
        self.skip: frozenset[str] | None = None  # set before: Presidio's __init__ calls load()
        super().__init__(
            supported_entities=["ORG"], supported_language="en", name="OrgAcronymRecognizer"
        )

    def load(self) -> None:
        from research.anonymise.recognizers.orgs import COUNCIL_ACRONYM

        public = {p.upper() for p in public_bodies()}
        self.skip = frozenset(common_acronyms() | public)
        self.council = COUNCIL_ACRONYM
        self.words = english_words()
        self.names = first_names()
        self.places = {p.lower() for p in gb_places()} | {c.lower() for c in uk_councils()}
        self.countries = country_names()
        self.public = public_bodies()
        from research.anonymise.recognizers.lexicon import not_names

        self.not_names = not_names()

    def _known_acronym(self, text: str) -> bool:
        return (
            text in self.skip
            or text.lower() in self.words
            or bool(self.council.match(text))
            or text.endswith("S")
            and text[:-1] in self.skip
        )

    def _expansion(self, doc: Any, lowers: list[str], k: int) -> int | None:
        """Start token of the words before a "," / "(" at k whose initials spell doc[k+1]."""
        letters = doc[k + 1].text.lower()
        end = k  # the expansion is tokens start..k-1
        if end < 1 or lowers[end - 1] not in EXPANSION_HEADS:
            return None
        # walk back collecting initials; connectors may or may not count
        for start in range(end - 1, max(-1, end - 9), -1):
            words = [w for w in lowers[start:end] if w.isalpha()]
            if not words or not all(doc[m].is_alpha for m in range(start, end)):
                return None
            full = "".join(w[0] for w in words)
            short = "".join(w[0] for w in words if w not in CONNECTORS)
            if letters in {full, short} and lowers[start] not in CONNECTORS - {"the"}:
                return start
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        doc = nlp_doc(nlp_artifacts)
        if doc is None:
            return []
        if self.skip is None:
            self.load()
        lowers = doc_lowers(doc)
        out = self._lower_acronyms(doc, lowers) if lower_case_turn(doc) else []
        for i, tok in enumerate(doc):
            word = tok.text
            if not word[:1].isupper():
                continue
            if _is_acronym(word) and not self._known_acronym(word):
                if i > 1 and lowers[i - 1] in {",", "("}:
                    start = self._expansion(doc, lowers, i - 1)
                    if start is not None:
                        phrase = " ".join(lowers[start : i - 1])
                        if phrase.removeprefix("the ") not in self.public:
                            if lowers[start] == "the":
                                start += 1
                            end_tok = doc[i - 2]
                            out.append(
                                result(
                                    "ORG",
                                    doc[start].idx,
                                    end_tok.idx + len(end_tok),
                                    self.SCORE_APPOSITION,
                                    self,
                                )
                            )
                            out.append(
                                result(
                                    "ORG", tok.idx, tok.idx + len(word), self.SCORE_APPOSITION, self
                                )
                            )
                            continue
                p = _prev_word(doc, lowers, i)
                after = lowers[i + 1] if i + 1 < len(lowers) else ""
                if p >= 0 and lowers[p] in ACRONYM_CUES and after not in NOT_ORG_AFTER:
                    out.append(result("ORG", tok.idx, tok.idx + len(word), self.SCORE_CUE, self))
                elif len(word) >= 3 and after not in NOT_ORG_AFTER:
                    # no cue: an acronym in no list of jargon, qualifications or public bodies
                    # is most often a local employer, hospital or college ("it's KCOM", "CUH
                    # as it is now"): applied, pending the ethics lead's review
                    out.append(result("ORG", tok.idx, tok.idx + len(word), self.SCORE_BARE, self))
                continue
            if not tok.is_alpha or word.isupper() or sentence_start(doc, i):
                continue
            low = lowers[i]
            if (
                low in self.words
                or low in self.names
                or low in self.places
                or low in self.countries
                or low in self.public
            ):
                continue
            if self._work_cue(lowers, i):
                out.append(result("ORG", tok.idx, tok.idx + len(word), self.SCORE_BRAND, self))
        out += self._title_runs(doc, lowers)
        return out

    def _lower_acronyms(self, doc: Any, lowers: list[str]) -> list:
        """In a turn without capitals, a three- or four-letter word in no list where an
        employer stands is an acronym typed low: "study at uel", "one to the gla"."""
        out = []
        for i, tok in enumerate(doc):
            low = lowers[i]
            if not (3 <= len(low) <= 4 and tok.is_alpha and tok.text.islower()) or i == 0:
                continue
            p = _prev_word(doc, lowers, i)
            if p > 0 and lowers[p] == "the":
                p -= 1  # "one to the gla"
            if p < 0 or lowers[p] not in ACRONYM_CUES:
                continue
            if self._known_acronym(low.upper()) or tok.is_stop or is_word_form(low):
                continue
            if low in self.names or low in self.places or low in self.not_names:
                continue
            if i + 1 < len(lowers) and lowers[i + 1] in NOT_ORG_AFTER:
                continue
            out.append(result("ORG", tok.idx, tok.idx + len(tok), self.SCORE_CUE, self))
        return out

    def _title_runs(self, doc: Any, lowers: list[str]) -> list:
        """Title Case runs: after "run by" ("run by Black Thrive"), or a place with a word
        that makes it a name ("Inclusion Cornwall", "Cardiff Works") mid-sentence."""
        out = []
        n = len(lowers)
        i = 0
        while i < n:
            if not (is_capitalised(doc[i].text) and doc[i].is_alpha) or lowers[i] == "i":
                i += 1
                continue
            j = i
            while j < n and j - i < 4 and is_capitalised(doc[j].text) and doc[j].is_alpha:
                j += 1
            words = lowers[i:j]
            if any(w in self.public for w in words) or " ".join(words) in self.public:
                i = j
                continue
            by = i > 1 and lowers[i - 1] == "by" and lowers[i - 2] in BY_VERBS
            if by and not (j - i == 1 and self._ordinary(words[0])):
                out.append(result("ORG", doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), 0.45, self))
            elif 2 <= j - i <= 3 and not sentence_start(doc, i):
                places = [w for w in words if w in self.places]
                others = [w for w in words if w not in self.places]
                if (
                    len(places) == 1
                    and others
                    and " ".join(words) not in self.places
                    and all(
                        len(w) >= 3
                        and w not in PLACE_WORDS
                        and w not in self.not_names
                        and w not in self.names
                        for w in others
                    )
                ):
                    out.append(
                        result("ORG", doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), 0.5, self)
                    )
            i = j
        return out

    def _ordinary(self, low: str) -> bool:
        """An ordinary word or a first name, inflected or not ("Learning", "Services")."""
        stems = {low, low.removesuffix("s"), low.removesuffix("ing"), low.removesuffix("ed")}
        return any(w in self.words or w in self.names for w in stems)

    @staticmethod
    def _work_cue(lowers: list[str], i: int) -> bool:
        """ "worked for X", "a job at X", "placement with X", "joined X", "agency, X"."""
        if i < 1:
            return False
        prev = lowers[i - 1]
        if prev in {"joined", "agency"}:
            return True
        if prev == "," and i > 1 and lowers[i - 2] == "agency":
            return True
        if prev in {"at", "for", "by"}:
            return any(w in WORK_WORDS for w in lowers[max(0, i - 4) : i - 1])
        return False
