"""Named places and colleges in turns transcribed without capitals -> PLACE / ORG.

Otter's casual style writes "i'm customer services at ballard house" or "on and off at
central park": the capitals that tell a named building from a generic one are gone. What is
left is grammar: a named place follows its preposition bare ("at ballard house"), a generic
one takes an article or a possessive ("at the car park", "in my office"). So, in a lower-case
turn only, a preposition, one or two words that are not articles, pronouns, numbers or
generic modifiers ("car park", "job centre", "staff room"), then a place word -> PLACE, or a
college / school word -> ORG ("at city college").
"""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import LocalRecognizer

from research.anonymise.recognizers.base import lower_case_turn, nlp_doc, result
from research.anonymise.recognizers.lexicon import first_names, is_vocabulary, is_word_form
from research.anonymise.recognizers.places import GENERIC_FIRST, PLACE_NOUNS

BEFORE = {"at", "in", "on", "from", "near", "to", "outside", "behind", "opposite", "round"}
BEFORE |= {"around", "towards", "past", "by", "off", "via", "of", "into", "still", "onto"}
BEFORE |= {"along", "up", "down", "across"}
# where a team sits, named after its area: "in the revoe office" (only after unknown words)
SITE_HEADS = {"office", "site", "base", "hub", "yard"}
# open places named like buildings: "by ferry meadows", "at lynch wood"
OPEN_HEADS = {"wood", "woods", "meadows", "meadow", "green", "common", "heath", "moor"}
OPEN_HEADS |= {"field", "fields", "hill", "vale", "bridge", "quays", "docks", "shore", "beach"}
# areas named by their ends, sides and crossings: "in mile cross", "round moss side"
OPEN_HEADS |= {"cross", "end", "side", "gate", "top", "bank", "brow", "fold", "nook"}
# "at month end", "by year end", "on the passenger side": time and manner, not an area
NOT_AREA_BEFORE = {
    "month", "year", "week", "quarter", "day", "term", "shift", "financial", "deep", "tail",
    "dead", "far", "other", "wrong", "receiving", "sharp", "business", "either", "both",
    "passenger", "driver's", "drivers", "blood", "food", "data", "river", "sea", "road",
}  # fmt: skip
# words whose head is a kind of institution, not a building: the name is an organisation's
ORG_HEADS = {"college", "school", "academy", "university", "uni", "sixth-form", "institute"}
# firms named by their owner or brand: "at samworth brothers", "from nant research" (a word
# in no word list before the head: "market research" names nothing)
FIRM_HEADS = {"brothers", "bros", "sons", "ltd", "limited", "plc", "llp", "research"}
FIRM_HEADS |= {"consulting", "consultants", "consultancy", "recruitment", "solutions"}
FIRM_HEADS |= {"logistics", "motors", "foods", "engineering", "yachts", "nails", "builders"}
# heads too ordinary to name anything in lower case ("in some way", "at close range")
WEAK_HEADS = {"way", "close", "rise", "drive", "court", "room", "market", "building"}
WEAK_HEADS |= {"estate", "arena", "theatre", "library", "offices", "buildings", "tower"}
# modifiers of generic compounds: "car park", "job centre", "staff room", "town hall"
GENERIC_MODIFIERS = GENERIC_FIRST | {"old"} | {
    "car", "bus", "train", "coach", "police", "fire", "petrol", "railway", "staff", "break",
    "meeting", "waiting", "living", "dining", "front", "back", "spare", "job", "day", "leisure",
    "community", "sports", "sport", "village", "city", "civic", "health", "call", "shopping",
    "retail", "business", "industrial", "council", "care", "nursing", "family", "children's",
    "youth", "play", "country", "national", "local", "medical", "resource", "contact",
    "visitor", "conference", "training", "service", "support", "test", "vaccination",
    "distribution", "sorting", "post", "sixth", "secondary", "primary", "junior", "infant",
    "grammar", "private", "state", "boarding", "special", "night", "evening", "summer",
    "sunday", "further", "higher", "art", "drama", "dance", "music", "language", "driving",
    "bible", "labour", "housing", "property", "real", "team", "office", "head", "court",
    "crown", "magistrates", "county", "general", "district", "cottage", "teaching",
    "children", "women's", "men's", "maternity", "mental", "psychiatric", "bingo",
    "boiler", "plant", "server", "control", "board", "class", "common", "quiet", "prayer",
    "faith", "multi", "multi-faith", "storage", "store", "stock", "loading", "bike", "cycle",
    "trading", "council's", "rec", "recreation", "skate", "trailer", "caravan", "theme",
    "football", "rugby", "cricket", "golf", "bowling", "tennis", "swimming", "ice",
    "farmers", "flea", "street", "food", "fish", "cattle", "indoor", "outdoor", "covered",
}  # fmt: skip
MAX_MODIFIERS = 2
# rooms and suites named after someone or something: "in the drake room", "the jubilee suite";
# not what the room is for ("the interview room", "the mess room"; GENERIC_MODIFIERS too)
ROOM_HEADS = {"room", "suite"}
ROOM_USES = {
    "interview", "computer", "sluice", "tea", "print", "printing", "locker", "function",
    "games", "changing", "sensory", "visiting", "side", "medication", "treatment", "consulting",
    "therapy", "muster", "mess", "canteen", "rest", "coffee", "crew", "drivers", "drivers'",
    "comms", "operations", "ops", "it", "media", "press", "green", "throne", "sitting", "bed",
    "bath", "utility", "wet", "clean", "dirty", "baby", "feeding", "first", "aid", "first-aid",
    "exam", "examination", "seminar", "lecture", "group", "committee", "mail", "hotel", "same",
    "other", "small", "little", "whole", "next", "upstairs", "downstairs", "top", "bottom",
    "usual", "right", "wrong", "own",
}  # fmt: skip
# a faith building named after someone or something, article or not: "the aisha mosque",
# "the guru nanak gurdwara"; "the local mosque", "the sikh temple" say nothing
FAITH_HEADS = {"mosque", "masjid", "gurdwara", "church", "temple", "mandir", "synagogue"}
FAITH_HEADS |= {"chapel", "cathedral", "vihara", "centre", "society"}
# words that name one congregation though a dictionary holds them: "the guru nanak gurdwara",
# "the central mosque" (a town's main mosque), "the gujarat hindu society"
FAITH_NAMING = {
    "guru", "nanak", "ravidass", "singh", "sabha", "ramgarhia", "kalgidhar", "jamia", "jame",
    "jamea", "jamiat", "markazi", "madina", "medina", "noor", "bilal", "ghousia", "shahjalal",
    "hanuman", "krishna", "shri", "sri", "swaminarayan", "balaji", "ganesh", "durga",
    "pentecost", "apostolic", "redeemed", "elim", "central", "grand", "gujarat", "punjab",
    "bengal", "kashmir", "tamil", "gujarati", "punjabi", "bengali", "kashmiri", "hindu", "sikh",
    "muslim", "islamic", "jain", "buddhist",
}  # fmt: skip
# a faith alone before the head says nothing ("the sikh temple", "the hindu society")
FAITHS = {"hindu", "sikh", "muslim", "islamic", "jain", "buddhist"}
# a congregation of a church named for its denomination: "the church of pentecost",
# "new testament church of god"
CHURCH_OF = re.compile(
    r"\b(?P<name>(?:(?:new|testament|redeemed|christian|apostolic|seventh|day)[ \t]+)*church[ \t]+"
    r"of[ \t]+(?:pentecost|god(?:[ \t]+of[ \t]+prophecy)?|the[ \t]+nazarene|christ))\b"
)


# a school by its short name after going to it: "went to tong high", "from belle vue boys",
# "goes to bradford girls"; a college new by name, bare after a preposition: "at new college"
_NOT_SCHOOL = (
    r"(?:the|a|an|my|his|her|their|our|your|to|from|in|at|on|of|and|see|visit|watch|meet|help|play|work|school|"
    r"college|uni|university|sixth|high|boys|girls|all|some|two|three|both|other|big|little|"
    r"older|younger|very|too|so|really|sky)\b"
)
SCHOOL_SHORT = re.compile(
    r"\b(?:went|go|goes|going|gone|been|sent|left|attended|from)[ \t]+(?:to[ \t]+)?"
    r"(?P<name>(?!" + _NOT_SCHOOL + r")[a-z]+(?:[ \t]+(?!" + _NOT_SCHOOL + r")[a-z]+)?"
    r"[ \t]+(?:high|boys|girls|grammar))\b(?![ \t]+(?:street|road|school|level|levels|up|"
    r"who|that|were|are))"
)
NEW_COLLEGE = re.compile(
    r"\b(?:at|from|to|in|into|attended|left)[ \t]+(?P<name>new[ \t]+college)\b(?![ \t]+(?:building|site|campus|"
    r"block|course|courses|year|term|student|students|principal|staff))"
)
# a public body named by its compass point, typed low: "the western trust", "south west fire"
COMPASS_BODY = re.compile(
    r"(?<![\w'’-])(?P<name>(?:(?:north|south)[ \t-]?(?:east|west)(?:ern)?|northern|southern|"
    r"eastern|western|north|south|east|west|mid)[ \t]+(?:health[ \t]+and[ \t]+social[ \t]+care[ \t]+"
    r"|health[ \t]+)?(?:trust|board|police|fire(?:[ \t]+and[ \t]+rescue)?|ambulance(?:[ \t]+service)?))\b"
)
# "city college", "county academy": these name an institution, not a kind of building
ORG_MODIFIERS = {"city", "county", "community", "district"}


def _modifier(tok: Any, org: bool) -> bool:
    text, low = tok.text, tok.lower_
    if not (text[:1].isalpha() and text.replace("'", "").replace("’", "").isalpha()):
        return False
    if org and low in ORG_MODIFIERS:
        return True
    return not (tok.is_stop or low in GENERIC_MODIFIERS or tok.like_num)


class LowerCasePlaceRecognizer(LocalRecognizer):
    """PLACE/ORG for "at <name> house|park|plain|college" in turns with no capitals."""

    SCORE = 0.6

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["PLACE", "ORG"],
            supported_language="en",
            name="LowerCasePlaceRecognizer",
        )

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        doc = nlp_doc(nlp_artifacts)
        if doc is None or not lower_case_turn(doc):
            return []
        out = self._faith_and_saints(doc) + self._the_unknown(doc) + self._named_rooms(doc)
        for k, tok in enumerate(doc):
            head = tok.lower_
            firm = head in FIRM_HEADS
            org = head in ORG_HEADS or firm
            if not (org or head in PLACE_NOUNS or head in OPEN_HEADS or head in SITE_HEADS):
                continue
            if k < 2:
                continue
            i = k
            while i > 0 and k - i < MAX_MODIFIERS and _modifier(doc[i - 1], org):
                i -= 1
            if i == k or i == 0:
                continue
            if doc[i - 1].lower_ not in BEFORE:
                # "the bispham campus": an article is fine before words in no word list
                unknown = all(not is_vocabulary(doc[x].lower_) for x in range(i, k))
                if not (unknown and doc[i - 1].lower_ == "the" and i > 1):
                    continue
                if doc[i - 2].lower_ not in BEFORE:
                    continue
            if head in OPEN_HEADS and doc[k - 1].lower_ in NOT_AREA_BEFORE:
                continue
            if head in WEAK_HEADS and k - i < 2 and is_vocabulary(doc[i].lower_):
                continue  # "in spare room", "in real estate": one ordinary word before a weak head
            if head in SITE_HEADS and any(is_vocabulary(doc[x].lower_) for x in range(i, k)):
                continue  # "in the main office", "at head office"
            if firm and all(is_vocabulary(doc[x].lower_) for x in range(i, k)):
                continue  # "from market research", "at the car motors"
            kind = "ORG" if org else "PLACE"
            out.append(result(kind, doc[i].idx, tok.idx + len(tok), self.SCORE, self))
        return out

    def _the_unknown(self, doc: Any) -> list:
        """ "in the car park at the haywood": after a preposition and "the", a word in no word
        list, alone (no noun after it), names a place; pending review."""
        out = []
        n = len(doc)
        for k in range(2, n):
            tok = doc[k]
            if doc[k - 1].lower_ != "the" or doc[k - 2].lower_ not in BEFORE:
                continue
            low = tok.lower_
            if not tok.is_alpha or len(low) < 4 or is_word_form(low) or low in first_names():
                continue
            nxt = doc[k + 1].lower_ if k + 1 < n and doc[k + 1].is_alpha else ""
            if nxt and not doc[k + 1].is_stop and not nxt.endswith(("ing", "ed")):
                continue  # "the bispham campus" is the place-noun rule's; "waiting" is not
            out.append(result("PLACE", tok.idx, tok.idx + len(tok), 0.5, self))
        return out

    def _named_rooms(self, doc: Any) -> list:
        """ "we meet in the drake room", "a session in the jubilee suite": after "the", one or
        two words that say nothing of the room's use, then "room" or "suite"; pending review."""
        out = []
        for k in range(2, len(doc)):
            if doc[k].lower_ not in ROOM_HEADS:
                continue
            i = k
            while i > 0 and k - i < MAX_MODIFIERS and doc[i - 1].lower_ != "the":
                i -= 1
            if i == k or i == 0 or doc[i - 1].lower_ != "the":
                continue
            words = [doc[x] for x in range(i, k)]
            if any(
                not w.is_alpha
                or w.is_stop
                or w.lower_ in ROOM_USES
                or w.lower_ in GENERIC_MODIFIERS
                for w in words
            ):
                continue
            out.append(result("PLACE", doc[i].idx, doc[k].idx + len(doc[k]), 0.45, self))
        return out

    def _faith_and_saints(self, doc: Any) -> list:
        """ "the aisha mosque", "the guru nanak gurdwara" (a modifier in no word list), and
        "st matthew's" / "saint anne's": a church, school or hospital named for a saint."""
        out = []
        n = len(doc)
        for k, tok in enumerate(doc):
            low = tok.lower_
            if low in {"st", "saint"} and k + 1 < n and doc[k + 1].is_alpha:
                end = k + 2 if k + 2 < n and doc[k + 2].lower_ in {"'s", "’s"} else k + 1
                if end == k + 2 or not is_vocabulary(doc[k + 1].lower_):
                    kind = "ORG"
                    if end + 1 < n and doc[end + 1].lower_ in PLACE_NOUNS:
                        end, kind = end + 1, "PLACE"  # "st pauls road"
                    last = doc[end]
                    out.append(result(kind, tok.idx, last.idx + len(last), self.SCORE, self))
                continue
            if low not in FAITH_HEADS or k == 0:
                continue
            i = k
            while (
                i > 0 and k - i < MAX_MODIFIERS and doc[i - 1].is_alpha and not doc[i - 1].is_stop
            ):
                i -= 1
            names = [doc[x].lower_ for x in range(i, k)]
            if not names or all(w in FAITHS for w in names):
                continue
            if all(is_vocabulary(w) and w not in FAITH_NAMING for w in names):
                continue
            if low == "society" and not any(w in FAITHS for w in names):
                continue  # "the building society", "the housing society"
            out.append(result("ORG", doc[i].idx, tok.idx + len(tok), self.SCORE, self))
        for pattern in (SCHOOL_SHORT, NEW_COLLEGE, COMPASS_BODY, CHURCH_OF):
            for m in pattern.finditer(doc.text):
                out.append(result("ORG", m.start("name"), m.end("name"), self.SCORE, self))
        return out
