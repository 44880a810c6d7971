"""Named organisations other than councils -> ORG, from the shape of the name.

A Title Case run holding an organisation word ("Kent Community Health NHS Foundation Trust",
"Unity Care Solutions", "Hull Women's Aid", "Citizens Advice Hull"), a local union branch
("Cornwall Unison branch"), and council acronyms ("KCC", "GCC", "BMBC"). The run needs one
word that is not itself generic ("the Trust", "Health Board" alone are not identifying).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from presidio_analyzer import LocalRecognizer

from research.anonymise.recognizers.base import (
    is_capitalised,
    lower_case_turn,
    nlp_doc,
    result,
    sentence_start,
)
from research.anonymise.recognizers.lexicon import common_acronyms, country_names, is_vocabulary

HEADS = {
    "brothers",
    "sons",
    "trust",
    "board",
    "partnership",
    "university",
    "college",
    "police",
    "constabulary",
    "housing",
    "homes",
    "association",
    "aid",
    "action",
    "advice",
    "care",
    "healthcare",
    "solutions",
    "services",
    "academy",
    "foundation",
    "charity",
    "society",
    "institute",
    "agency",
    "recruitment",
    "ltd",
    "limited",
    "plc",
    "llp",
    "group",
    "network",
    "federation",
    "alliance",
    "collective",
    "consortium",
    "hospitals",
    "commission",
    # churches named by their denomination or name: "Bethel Pentecostal", "Christ Apostolic
    # Church" (with a word that names it: "the Catholic Church" says nothing)
    "church",
    "chapel",
    "cathedral",
    "pentecostal",
    "baptist",
    "methodist",
    "tabernacle",
    "fellowship",
    "ministries",
    "assembly",
    "assemblies",
    "forum",
    "cafe",
    # a shop or library by its brand: "the Idea Store", "Beatties Store"
    "store",
    "stores",
    "café",
    # sports clubs: "Hull FC", "Bristol Rovers", "Oldham Athletic"
    "fc",
    "afc",
    "rlfc",
    "rufc",
    "rfc",
    "rovers",
    "wanderers",
    "athletic",
    "albion",
    # a community's own body: "the Polish Catholic Mission", "Black Cultural Archives"
    "mission",
    "archives",
    "club",
}
# words that do not identify anyone on their own (with HEADS)
GENERIC = {
    "app",
    "play",
    "the",
    "a",
    "an",
    "our",
    "my",
    "their",
    "nhs",
    "national",
    "community",
    "health",
    "social",
    "mental",
    "public",
    "local",
    "royal",
    "county",
    "city",
    "district",
    "borough",
    "and",
    "of",
    "for",
    "&",
    "women's",
    "staff",
    "black",
    "race",
    "equality",
    "disability",
    "lgbt",
    "lgbtq",
    "carers",
    "young",
    "people",
    "integrated",
    "university",
    "holy",
    "saint",
    "christ",
    "st",
    "catholic",
    "christian",
    "new",
    "free",
    "united",
    "evangelical",
    "pentecostal",
    "baptist",
    "methodist",
    # clubs that name no one: "the Youth Club", "Book Club"
    "youth",
    "book",
    "golf",
    "breakfast",
    "homework",
    "lunch",
    "sports",
    "football",
    "running",
    "walking",
    "film",
    "jobs",
}
CONNECTORS = {"and", "of", "for", "&", "on", "upon", "the"}
# a community's centre or association typed low: "the bangladeshi centre", "the polish club"
COMMUNITIES = (
    "polish|somali|bangladeshi|pakistani|indian|chinese|vietnamese|nigerian|ghanaian|jamaican|"
    "caribbean|african|african[ \t]+caribbean|kurdish|turkish|iranian|iraqi|afghan|syrian|"
    "sudanese|eritrean|ethiopian|congolese|zimbabwean|kenyan|ugandan|tamil|sikh|hindu|muslim|"
    "irish|romanian|lithuanian|latvian|bulgarian|slovak|czech|portuguese|filipino|nepali|"
    "gurkha|roma|ukrainian|arab|yemeni|moroccan|latin[ \t]+american|brazilian|korean|"
    "sri[ \t]+lankan|punjabi|bengali|gujarati|hong[ \t]+kong|cypriot|greek"
)
COMMUNITY_BODY = re.compile(
    r"\bthe[ \t]+(?P<name>(?:" + COMMUNITIES + r")(?:[ \t]+(?:community|cultural|welfare|"
    r"women's|womens|youth|advice|resource|catholic|elders))?[ \t]+(?:centre|center|association|"
    r"society|club|mission|project))\b"  # not "the polish church": which one is not said
)
# a kind of organisation, then its name between commas: "a community organisation in
# Vauxhall, An Viet, because", "a local charity, Threshold, helped"
KIND_THEN_NAME = re.compile(
    r"\b(?:organisation|organization|charity|agency|provider|company|firm|contractor|"
    r"association|project|social[ \t]+enterprise)(?:[ \t]+(?:in|from|at)[ \t]+[A-Z][\w'’-]+)?"
    r",[ \t]*(?P<name>(?!I\b|I'|I’)[A-Z][\w'’&-]*(?:[ \t]+[A-Z][\w'’&-]*){0,3}),"
)
# a Catholic church named for Mary: "Our Lady of the Rosary", "our lady of czestochowa"
OUR_LADY = re.compile(
    r"\b(?i:our[ \t]+lady)(?:[ \t]+(?i:of|queen[ \t]+of|star[ \t]+of|and)(?:[ \t]+(?i:the))?"
    r"[ \t]+[A-Za-z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?|['’]s)"
)
TIMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend"}
TIMES |= {"january", "february", "march", "april", "may", "june", "july", "august"}
TIMES |= {"september", "october", "november", "december", "christmas", "easter"}
UNIONS = {"unison", "gmb", "unite", "rcn", "nasuwt", "neu", "bma", "pcs"}
# "KCC", "GCC", "BMBC", "CCC": council acronyms
COUNCIL_ACRONYM = re.compile(r"^[A-Z]{1,4}(?:CC|BC|DC|MBC|MDC|CBC)$")
LOWER_ACRONYM_BEFORE = {"from", "at", "for", "with", "joined", "left", "by", "to", "in"}


def _council_acronym(tok: Any) -> bool:
    """ "lcc", "bmbc": a council's acronym typed in lower case, no word nor known jargon."""
    text = tok.text
    return (
        text.islower()
        and len(text) >= 3
        and COUNCIL_ACRONYM.match(text.upper()) is not None
        and not is_vocabulary(text)
        and text.upper() not in common_acronyms()
    )


# a council's departments, capitalised in speech and minutes alike: "Adult Social Care",
# "Customer Services and Human Resources" name a team, not an organisation
DEPARTMENT_WORDS = {
    "adult", "adults", "social", "care", "children's", "children", "childrens", "customer",
    "services", "service", "human", "resources", "housing", "finance", "planning", "highways",
    "revenues", "benefits", "legal", "procurement", "ict", "it", "digital", "communications",
    "comms", "environmental", "regulatory", "public", "health", "education", "learning",
    "development", "organisational", "od", "workforce", "people", "waste", "recycling",
    "street", "scene", "parks", "leisure", "libraries", "culture", "corporate", "strategy",
    "policy", "performance", "transformation", "commissioning", "safeguarding", "family",
    "families", "early", "help", "youth", "team", "department", "directorate", "division",
    "unit", "and", "&", "of", "the", "support", "operations", "business", "hr",
}  # fmt: skip


def is_department(words: list[str]) -> bool:
    """Every word of a span is a department word ("Adult Social Care", "Housing Services")."""
    words = [w for w in words if w not in ("'s", "’s")]
    return bool(words) and all(w.strip(".,'’") in DEPARTMENT_WORDS for w in words)


# a name, then a lower-case word saying what it is: "the Roma Voice project", "the Vietnamese
# Community group", "the Pear Tree jobs club"
NOUNS_AFTER = {"group", "project", "charity", "forum", "club", "association", "society"}
NOUNS_AFTER |= {"network", "collective", "cic", "foundation", "trust", "programme", "scheme"}
NOUNS_AFTER |= {"branch"}
# nouns that belong to the name: "the Kent County branch" (of a union) is the branch itself
NOUNS_IN_NAME = {"branch"}
KINDS_BEFORE_NOUN = {
    "jobs", "job", "youth", "community", "support", "staff", "women's", "men's", "parents",
    "carers", "football", "cricket", "running", "book", "lunch", "homework", "breakfast",
    "social", "residents", "tenants", "employment", "advice", "food", "boxing", "walking",
}  # fmt: skip
# "I came from Pennine Acute as our director", "i was at princess yachts as an electrician"
AS_ROLE_BEFORE = {"at", "from", "for"}
AS_ROLE_DETERMINERS = {"a", "an", "our", "the", "my", "their", "his", "her"}
NOT_EMPLOYER = {
    "home", "work", "school", "college", "uni", "university", "church", "night", "first",
    "least", "one", "times", "christmas", "weekends", "weekend", "the", "a", "an", "my", "our",
    "their", "his", "her", "your", "this", "that", "it", "all", "last", "best", "heart", "lunch",
}  # fmt: skip


# local papers named after their town: "the Newham Recorder", "the hull daily mail" is longer
NEWSPAPERS = {"recorder", "gazette", "echo", "chronicle", "herald", "advertiser", "argus"}
NEWSPAPERS |= {"telegraph", "journal", "courier", "mercury", "sentinel", "examiner"}


AFTER_A_PLACE = NEWSPAPERS | UNIONS | {"royal", "general"}


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Lower-case one-word towns and councils ("newham", "stoke", "hull")."""
    from research.anonymise.recognizers.lexicon import gb_places, uk_councils

    words = {p.lower() for p in (*gb_places(), *uk_councils()) if " " not in p}
    return frozenset(words | {"stoke"})


def _firm(lows: list[str]) -> bool:
    """A firm named after people: a word either side of "&" is a surname, a name or in no
    word list ("Smith & Nephew", "Tate & Lyle"); "Health & Safety" is a department."""
    from research.anonymise.recognizers.lexicon import first_names, surnames

    k = lows.index("&")
    if k == 0 or k == len(lows) - 1:
        return False
    sides = [lows[k - 1], lows[k + 1]]
    return any(w in surnames() or w in first_names() or not is_vocabulary(w) for w in sides)


def _cap(tok: Any) -> bool:
    text = tok.text
    return is_capitalised(text) and (tok.is_alpha or "'" in text or "’" in text)


# sentence openers that are no part of a name after them: "Ask Unity Care", "Thanks Age UK"
OPENERS = {
    "ask", "contact", "call", "ring", "phone", "email", "tell", "thank", "thanks", "try",
    "see", "join", "like", "obviously", "basically", "honestly", "actually", "apparently",
    "yes", "yeah", "no", "oh", "well", "okay", "ok", "right", "plus", "including", "unlike",
    "hi", "hello", "cheers", "sorry", "please", "because", "since", "until", "whereas",
    "maybe", "perhaps", "anyway", "sometimes", "often", "today", "yesterday", "tomorrow",
}  # fmt: skip


def _opens_sentence(doc: Any, i: int, end: int) -> bool:
    """An ordinary word opening a sentence that is no part of the name after it: a stop word
    or an opener ("Ask the NHS Trust", "So Bright Futures..."), or any ordinary word before an
    article ("Contact the..."). An ordinary noun or adjective straight before the rest of the
    name belongs to it ("Unity Care Solutions trained us", "Bright Futures Trust runs...")."""
    tok = doc[i]
    low = tok.lower_
    if low in HEADS or not is_vocabulary(low):
        return False
    if tok.is_stop or low in OPENERS or low.endswith("ly"):
        return True
    return i + 1 >= end or doc[i + 1].lower_ in CONNECTORS | {"a", "an"}


class OrgNameRecognizer(LocalRecognizer):
    """ORG for Title Case names with an organisation word, union branches, council acronyms."""

    SCORE = 0.8
    SCORE_ACRONYM = 0.7
    SCORE_NOUN = 0.6
    SCORE_AS_ROLE = 0.55

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["ORG"], supported_language="en", name="OrgNameRecognizer"
        )

    def load(self) -> None:
        return None

    @staticmethod
    def _runs(doc: Any) -> list[tuple[int, int]]:
        """Maximal runs of capitalised tokens, connectors allowed between capitals."""
        runs, i, n = [], 0, len(doc)
        while i < n:
            if not _cap(doc[i]) and doc[i].lower_ not in {"'s", "’s"}:
                i += 1
                continue
            j = i
            while j < n:
                t = doc[j]
                inner = t.lower_ in CONNECTORS and j + 1 < n and _cap(doc[j + 1]) and j > i
                if _cap(t) or t.lower_ in {"'s", "’s"} or inner:
                    j += 1
                else:
                    break
            runs.append((i, j))
            i = j + 1
        return runs

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        doc = nlp_doc(nlp_artifacts)
        if doc is None:
            return []
        out = []
        runs = self._runs(doc)
        for i, j in runs:
            lows = [doc[k].lower_ for k in range(i, j)]
            # a name ends at its head word: "the BME Forum and Mind", "the Café on Barton Street"
            cut = next(
                (
                    m
                    for m in range(1, len(lows) - 1)
                    if lows[m] in ("and", "on") and lows[m - 1] in HEADS
                ),
                None,
            )
            if cut is not None:
                runs.append((i + cut + 1, j))  # the next name: "the Bromley by Bow Centre"
                j, lows = i + cut, lows[:cut]
            end = j
            # "Cornwall Unison branch", "the Hull GMB branch"
            if lows[-1] in UNIONS and j < len(doc) and doc[j].lower_ == "branch":
                end = j + 1
            elif "&" in lows and _firm(lows):
                pass  # "Smith & Nephew", "Marks & Spencer"
            elif not any(w in HEADS for w in lows):
                continue
            # trailing weekdays and months ("Bristol Rovers on Saturdays")
            while end - i > 1 and (
                doc[end - 1].lower_.removesuffix("s") in TIMES or doc[end - 1].lower_ in CONNECTORS
            ):
                end -= 1
            # leading articles, and a sentence-initial ordinary word ("Ask the NHS Trust")
            for _ in range(2):
                while i < end and doc[i].lower_ in CONNECTORS | {"a", "an", "'s", "’s"}:
                    i += 1
                if i < end and sentence_start(doc, i) and _opens_sentence(doc, i, end):
                    i += 1
            names = [doc[k].lower_ for k in range(i, end)]
            if not any(w not in HEADS and w not in GENERIC and w not in UNIONS for w in names):
                continue
            if is_department(names):
                continue
            if end - i < 2:
                continue
            out.append(
                result("ORG", doc[i].idx, doc[end - 1].idx + len(doc[end - 1]), self.SCORE, self)
            )
        out += self._named_by_noun(doc) + self._employer_as_role(doc) + self._after_a_place(doc)
        lower = lower_case_turn(doc)
        if lower and "the " in text:
            for m in COMMUNITY_BODY.finditer(text):
                out.append(result("ORG", m.start("name"), m.end("name"), self.SCORE_NOUN, self))
        if "," in text:
            for m in KIND_THEN_NAME.finditer(text):
                out.append(result("ORG", m.start("name"), m.end("name"), self.SCORE_NOUN, self))
        if "ady" in text:
            for m in OUR_LADY.finditer(text):
                out.append(result("ORG", m.start(), m.end(), self.SCORE, self))
        for k, tok in enumerate(doc):
            if COUNCIL_ACRONYM.match(tok.text):
                out.append(
                    result("ORG", tok.idx, tok.idx + len(tok.text), self.SCORE_ACRONYM, self)
                )
            elif (
                lower and k and doc[k - 1].lower_ in LOWER_ACRONYM_BEFORE and _council_acronym(tok)
            ):
                # "nobody from lcc answered": typed low in a transcript with no capitals
                out.append(result("ORG", tok.idx, tok.idx + len(tok.text), self.SCORE_NOUN, self))
        return out

    def _after_a_place(self, doc: Any) -> list:
        """A town's paper, union branch or hospital, in any case: "the newham recorder",
        "newham unison", "the stoke city unison branch", "at royal stoke", "the leicester
        general"."""
        from research.anonymise.recognizers.matcher import doc_lowers

        places = _places()
        out = self._place_and_letters(doc, places)
        if "branch" in doc_lowers(doc):
            out += self._branches(doc, places)
        if not AFTER_A_PLACE.intersection(doc_lowers(doc)):
            return out
        n = len(doc)
        for k, tok in enumerate(doc):
            low = tok.lower_
            if low == "royal" and k + 1 < n and doc[k + 1].lower_ in places:
                if not (is_capitalised(doc[k + 1].text) and k + 2 < n and _cap(doc[k + 2])):
                    end = doc[k + 1]  # "Royal Stoke" (the "Royal Derby Hospital" is longer)
                    out.append(result("ORG", tok.idx, end.idx + len(end), self.SCORE_NOUN, self))
                continue
            if low == "royal" and k > 0 and doc[k - 1].lower_ in places and tok.text.islower():
                prev = doc[k - 1]  # "a nurse at sunderland royal"
                out.append(result("ORG", prev.idx, tok.idx + len(tok), self.SCORE_NOUN, self))
                continue
            if low == "general" and k > 1 and doc[k - 1].lower_ in places:
                if doc[k - 2].lower_ == "the":  # "a nurse at the leicester general": its hospital
                    prev = doc[k - 1]
                    out.append(result("ORG", prev.idx, tok.idx + len(tok), self.SCORE_NOUN, self))
                continue
            if low not in NEWSPAPERS and low not in UNIONS:
                continue
            i = k
            while (
                i > 0
                and k - i < 3
                and (
                    doc[i - 1].lower_ in places
                    or doc[i - 1].lower_ in {"city", "county", "borough"}
                )
            ):
                i -= 1
            if i == k or doc[i].lower_ not in places:
                continue
            end = (
                doc[k + 1] if low in UNIONS and k + 1 < n and doc[k + 1].lower_ == "branch" else tok
            )
            out.append(result("ORG", doc[i].idx, end.idx + len(end), self.SCORE_NOUN, self))
        return out

    def _branches(self, doc: Any, places: frozenset[str]) -> list:
        """A union branch named by its union and its town, in any order and case: "the unison
        leicester city branch", "Plymouth and District branch", "Cornwall Unison branch"."""
        out = []
        parts = places | UNIONS | {"city", "county", "borough", "district", "and", "&"}
        for k, tok in enumerate(doc):
            if tok.lower_ != "branch" or k == 0:
                continue
            i = k
            while i > 0 and k - i < 5 and doc[i - 1].lower_ in parts:
                i -= 1
            while i < k and doc[i].lower_ in {"and", "&", "district", "city", "county", "borough"}:
                i += 1
            named = [doc[x].lower_ for x in range(i, k)]
            if not any(w in places for w in named):
                continue  # "the union branch", "the city branch"
            out.append(result("ORG", doc[i].idx, tok.idx + len(tok), self.SCORE_NOUN, self))
        return out

    def _place_and_letters(self, doc: Any, places: frozenset[str]) -> list:
        """A town then a short capitalised code names its club: "Ryhope CW", "Hull KR"."""
        out = []
        for k in range(1, len(doc)):
            tok, prev = doc[k], doc[k - 1]
            if not (tok.text.isupper() and tok.is_alpha and 2 <= len(tok) <= 4):
                continue
            if prev.lower_ not in places or not prev.is_title or tok.text in common_acronyms():
                continue
            out.append(result("ORG", prev.idx, tok.idx + len(tok), self.SCORE_NOUN, self))
        return out

    def _named_by_noun(self, doc: Any) -> list:
        """A Title Case name before a lower-case word saying what it is ("the Roma Voice
        project"): two words or more, or one word that is no ordinary word or public name."""
        from research.anonymise.recognizers.brands import public_bodies

        public = public_bodies()
        out = []
        n = len(doc)
        for k in range(1, n):
            if doc[k].lower_ not in NOUNS_AFTER or not doc[k].text.islower():
                continue
            j = k - 1 if doc[k - 1].lower_ in KINDS_BEFORE_NOUN and doc[k - 1].text.islower() else k
            i = j
            while i > 0 and j - i < 4 and _cap(doc[i - 1]) and not sentence_start(doc, i - 1):
                i -= 1
            if i == j:
                continue
            words = [doc[x].lower_ for x in range(i, j)]
            if " ".join(words) in public or any(w in public for w in words):
                continue
            w = words[0]  # one word must be no ordinary, short or organisation word
            if len(words) == 1 and (is_vocabulary(w) or len(w) < 3 or w in GENERIC or w in HEADS):
                continue
            if all(w in GENERIC for w in words):
                continue
            end = doc[k] if doc[k].lower_ in NOUNS_IN_NAME else doc[j - 1]
            out.append(result("ORG", doc[i].idx, end.idx + len(end), self.SCORE_NOUN, self))
        return out

    def _employer_as_role(self, doc: Any) -> list:
        """at/from/for + one to three words + "as a/an/our <role>": an employer, in any case
        ("from Pennine Acute as our director", "at princess yachts as an electrician")."""
        out = []
        n = len(doc)
        for k in range(2, n - 1):
            if doc[k].lower_ != "as" or doc[k + 1].lower_ not in AS_ROLE_DETERMINERS:
                continue
            i = k
            while i > 0 and k - i < 3 and doc[i - 1].lower_ not in AS_ROLE_BEFORE:
                i -= 1
            if i == 0 or doc[i - 1].lower_ not in AS_ROLE_BEFORE or i == k:
                continue
            toks = [doc[x] for x in range(i, k)]
            if any(not t.is_alpha and t.text not in {"'s", "’s", "&"} for t in toks):
                continue
            if toks[0].lower_ in NOT_EMPLOYER or any(t.is_stop for t in toks):
                continue
            cased = [t for t in toks if t.is_alpha]
            lower = lower_case_turn(doc) and all(t.text.islower() for t in cased)
            if not lower and not all(is_capitalised(t.text) for t in cased):
                continue
            if " ".join(t.lower_ for t in toks) in country_names():
                continue  # "she came from Nigeria as a nurse"
            end = toks[-1]
            out.append(result("ORG", toks[0].idx, end.idx + len(end), self.SCORE_AS_ROLE, self))
        return out
