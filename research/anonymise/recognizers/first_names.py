"""First names of many origins (token lookups), extended by surnames; titles + name -> PERSON.

Unambiguous names match in any case ("then priya said"); names that are also English words
(Grace, Will, Hope) only when capitalised mid-sentence or where a name usually stands.
"""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import LocalRecognizer

from research.anonymise.names import HONORIFICS
from research.anonymise.recognizers.base import (
    TITLES,
    is_capitalised,
    lower_case_turn,
    name_context,
    nlp_doc,
    result,
    sentence_start,
    strong_name_context,
)
from research.anonymise.recognizers.lexicon import (
    IRREGULAR,
    common_acronyms,
    country_names,
    english_words,
    first_names,
    gb_places,
    is_vocabulary,
    is_word_form,
    name_words,
    not_names,
    surnames,
    uk_councils,
)
from research.anonymise.recognizers.matcher import doc_lowers

FILLERS = {
    "um",
    "erm",
    "er",
    "uh",
    "mm",
    "hmm",
    "ah",
    "oh",
    "eh",
    "yeah",
    "yep",
    "nah",
    "ok",
    "okay",
    "mhm",
    "aha",
    "yes",
    "no",
    "so",
    "hi",
    "bye",
}
# said on their own at a sentence's start ("Lovely, thanks all.", "Aye, well."): replies, even
# where a name list holds the word (Lovely and Aye are given names too)
INTERJECTIONS = {
    "aye", "lovely", "cheers", "brilliant", "great", "right", "sure", "fab", "perfect",
    "wonderful", "super", "ta", "thanks", "wow", "bless", "fine", "cool", "sorry", "welcome",
    "absolutely", "exactly", "indeed", "honestly", "gosh", "blimey", "jeez", "alright",
}  # fmt: skip
MAX_SURNAME_TOKENS = 2
# "de Souza", "van der Berg", "bin Rashid": lower-case particles inside a surname
PARTICLES = {"de", "da", "do", "dos", "das", "del", "della", "der", "den", "van", "von", "di", "du"}
PARTICLES |= {"la", "le", "al", "el", "bin", "bint", "ibn", "abu", "ter", "ten", "y"}
# an unknown capitalised word after these is a place ("near Trelander", "in Easterhouse")
PLACE_BEFORE = {"in", "near", "into", "around", "outside", "across", "through", "towards", "at"}
# a sentence-initial unknown word needs one of these after it to count as a name
NAME_NEXT = {"said", "says", "told", "asked", "reckons", "mentioned", "who", "is", "was", "has"}
NAME_NEXT |= {"had", "will", "would", "and", "in", "from", "at", "'s", "’s", "did", "does"}
# an ordinary-word name opening a sentence ("Dawn nominated me", "Joy in recruitment said")
# needs a verb of what people do, or a team after in/from ("Patience is..." stays a word)
PERSON_VERBS = {
    "nominated", "left", "rang", "phoned", "emailed", "texted", "messaged", "sent", "helped",
    "showed", "sat", "put", "gave", "started", "joined", "moved", "retired", "resigned",
    "recommended", "suggested", "encouraged", "pushed", "offered", "invited", "interviewed",
    "hired", "promoted", "mentored", "supported", "booked", "organised", "arranged", "rings",
    "runs", "chairs", "chaired", "manages", "managed", "said", "says", "told", "asked",
    "reckons", "mentioned", "explained", "replied", "agreed", "laughed", "cried", "smiled",
}  # fmt: skip
# in a turn without punctuation, where a clause (and so a subject) starts
CLAUSE_BEFORE = {"and", "but", "so", "then", "when", "until", "because", "cos", "while"}
CLAUSE_BEFORE |= {"girl", "lad", "boy", "guy", "bloke", "woman", "lady", "fella"}
# who a speaker goes to or asks for: "went to bev", "ask for mai", "spoke with kev"
TALK_VERBS = {"went", "go", "goes", "spoke", "speak", "talked", "talk", "ask", "asked"}
TALK_VERBS |= {"rang", "ring", "emailed", "email", "messaged", "texted", "complained"}
TEAM_WORDS = {
    "my", "our", "your", "his", "her", "recruitment", "hr", "it", "payroll", "learning",
    "finance", "training", "reception", "admin", "legal", "procurement", "comms", "housing",
    "planning", "estates", "facilities", "workforce", "od", "accounts", "customer", "digital",
    "operations", "ops", "safeguarding", "resourcing",
}  # fmt: skip


# "Pat the supervisor", "carol my team leader", "ama, my wife": a name, then who they are
ROLE_WORDS = {
    "supervisor", "manager", "boss", "wife", "husband", "partner", "mum", "mother", "dad",
    "father", "sister", "brother", "son", "daughter", "cousin", "aunt", "auntie", "aunty",
    "uncle", "nan", "gran", "grandma", "grandad", "friend", "mate", "colleague", "mentor",
    "leader", "lead", "director", "chair", "rep", "steward", "coordinator", "officer",
    "adviser", "advisor", "chargehand", "foreman", "neighbour", "niece", "nephew", "sponsor",
    "buddy", "coach", "deputy",
}  # fmt: skip
# "my team leader", "our line manager", "the shop steward": the role is the next word
ROLE_PREFIXES = {"team", "line", "shop", "union", "head", "deputy", "area", "service"}
ROLE_AFTER_PREFIX = {"leader", "manager", "steward", "rep", "lead", "supervisor", "head"}
ROLE_DETERMINERS = {"my", "the", "our", "his", "her", "their", "your"}
# verbs that open a question or an idiom before "my ..." ("Will my manager agree?", "mark my
# words"): never a name there
NOT_BEFORE_ROLE = {"will", "may", "can", "might", "must", "shall", "mark", "bill", "sue", "pat"}
# adverbs and verbs in the name lists ("the manager just said", "I've met my team"): never
# a lower-case name
ADVERBS = {"just", "even", "still", "also", "only", "ever", "never", "really", "well", "so"}
ADVERBS |= {"too", "very", "quite", "rather", "almost", "already", "always", "often", "then"}
ADVERBS |= {"now", "soon", "once", "sometimes", "long", "met", "got", "did"}
# months that are also first names: a name only where nothing says "month" (CONTEXT_NAMES)
CONTEXT_NAMES = {"april", "may", "june", "august", "sunday"}
# weekdays that are Nigerian and Ghanaian first names: only with a surname or a verb of
# speech ("Friday Eze", "Monday said"); "on a Friday in the depot" is a day
DAY_NAMES = {"friday", "monday"}
CONTEXT_NAMES |= DAY_NAMES
# countries and states that are also first names: a name only where a person's context says so
# ("Jordan said", "ask Georgia", "Chad in payroll"; never "in Jordan", "from Georgia")
CONTEXT_NAMES |= {"jordan", "georgia", "virginia", "carolina", "dakota", "chad", "israel", "kenya"}
CONTEXT_NAMES |= {"india", "asia", "florida", "montana", "nevada"}
CALL_VERBS = {"call", "calls", "called", "calling"}
# what someone did, irregular: "Agnė brought the cake" (not "is", "has", nor plural nouns)
PAST_TENSES = IRREGULAR - {"is", "was", "were", "has", "does", "did", "says", "had", "read"}
PAST_TENSES -= {"children", "people", "men", "women", "feet", "teeth", "mice", "geese"}
PAST_TENSES -= {"lives", "wives", "knives", "halves", "selves", "staff", "data", "criteria"}
PAST_TENSES -= {"media", "left", "put", "won", "met", "led", "lost"}
DETERMINERS = {"the", "a", "an", "this", "that", "my", "our", "your", "their", "his", "her"}
NICKNAME_CUES = {"me", "as", "by", "or"}  # "calls me", "known as", "goes by", "or Daze,"
NOT_NICKNAMES = {"anytime", "later", "tomorrow", "tonight", "today", "back", "whatever", "names"}
# titles only ever written before a surname
STRICT_TITLES = {"mr", "mrs", "mx", "dr", "cllr", "councillor", "prof"}  # not "my ms diagnosis"
MONTH_BEFORE = {
    "in", "on", "by", "since", "until", "till", "from", "last", "next", "this", "of", "early",
    "late", "mid", "end", "during", "before", "after", "through", "every", "each", "that",
    "to", "into", "between", "and", "or", "mid-", "start", "beginning",
}  # fmt: skip
LOWER_PLACE_BEFORE = {"at", "in", "from", "near", "to", "for", "with", "up", "down", "over"}
LOWER_PLACE_BEFORE |= {"round", "past", "outside", "into", "towards"}
KIN_BEFORE = {"my", "his", "her", "our", "their", "your", "a", "the", "whose"}


# "Ji-woo", "Seo-yeon", "Xiao-ming": two short syllables, a capital on the first only
HYPHEN_GIVEN = re.compile(r"(?<![\w'’-])([A-Z][a-z]{1,4})-([a-z]{2,5})(?![\w'’-])")
HYPHEN_PREFIXES = {
    "co", "re", "pre", "non", "ex", "e", "self", "anti", "multi", "part", "well", "mid", "post",
    "sub", "over", "under", "out", "up", "off", "on", "in", "by", "all", "cross", "half",
    "full", "high", "low", "long", "short", "one", "two", "six", "ten", "de", "bi", "tri", "pro",
    "semi", "mini", "micro", "inter", "intra", "socio", "step", "great", "twenty", "thirty",
    "forty", "fifty", "sixty", "drop", "sign", "log", "set", "go", "stand", "walk", "check",
    "ups", "ins", "outs", "offs", "based", "led", "run", "wide", "free", "like", "ish", "year",
    "old", "time", "term", "day", "hand", "made", "able", "wise", "fold", "less", "ward",
}  # fmt: skip


def _word_surname(tok: Any) -> bool:
    """After Mr, Dr, Cllr...: a capitalised ordinary word is a surname ("Dr Farrow", "Mrs
    Bishop"), not an acronym or a stop word."""
    text = tok.text
    return (
        is_capitalised(text)
        and _wordlike(text)
        and not tok.is_stop
        and not (text.isupper() and len(text) <= 4)
    )


def _wordlike(text: str) -> bool:
    return text[:1].isalpha() and all(c.isalpha() or c in "'’-" for c in text)


def _initial(text: str) -> bool:
    return len(text) == 2 and text[0].isupper() and text[1] == "."


class FirstNameRecognizer(LocalRecognizer):
    """PERSON from a list of ~30,000 first names of many countries (see data/)."""

    SCORE_CAPITALISED = 0.75
    SCORE_LOWER = 0.6
    SCORE_AMBIGUOUS = 0.6
    SCORE_TITLE = 0.8
    SCORE_UNKNOWN = 0.55

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["PERSON", "PLACE"],
            supported_language="en",
            name="FirstNameRecognizer",
        )

    def load(self) -> None:
        self.names = first_names()
        self.surnames = surnames()
        self.words = english_words()
        self.name_words = name_words()
        self.skip = not_names() | {p.lower() for p in (*gb_places(), *uk_councils())}
        self._unknown_cache: dict[str, bool] = {}
        self.countries = {c for c in country_names() if " " in c}
        self.country_starts = {c.split()[0] for c in self.countries}

    def _unknown_word(self, low: str) -> bool:
        """Not an English word, a known name, a place or a council: perhaps an unlisted name."""
        hit = self._unknown_cache.get(low)
        if hit is None:
            hit = not (
                is_vocabulary(low)
                or low in IRREGULAR  # "Children's Services"
                or low in self.names
                or low in self.skip
                or low in FILLERS
            )
            self._unknown_cache[low] = hit
        return hit

    def _unknown_name(self, doc: Any, i: int, word: str) -> str | None:
        """PERSON/PLACE for a capitalised word in no list ("Eilidh", "Tremorfa"), else None.

        Mid-sentence and outside a Title Case phrase it is taken (a place after in/near/at...);
        opening a sentence it needs a name context after it ("Eilidh in my team", "Ruaraidh
        said"). Acronyms, words with digits and very short words are left alone.
        """
        if len(word) < 3 or not _wordlike(word) or word.isupper():
            return None
        if not is_capitalised(word):
            if not lower_case_turn(doc):  # both helpers below are for lower-case turns only
                return None
            return self._unknown_lower_place(doc, i, word) or self._unknown_lower_person(doc, i)
        if not self._unknown_word(word.lower()):
            return None
        prev = doc[i - 1].lower_ if i > 0 else ""
        if sentence_start(doc, i):
            nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
            after = doc[i + 2].lower_ if i + 2 < len(doc) else ""
            if (
                nxt not in NAME_NEXT
                and nxt not in PERSON_VERBS
                and nxt not in PAST_TENSES  # "Agnė brought the cake"
                and not (nxt == "from" and after in KIN_BEFORE | {"hr", "it"})  # "from our team"
                and not (i + 1 < len(doc) and self._surname_like(doc[i + 1]))
            ):
                return None
        elif (
            i > 0
            and is_capitalised(doc[i - 1].text)
            and doc[i - 1].is_alpha
            and doc[i - 1].lower_ not in TITLES
            and is_vocabulary(doc[i - 1].lower_)
        ):
            return None  # "Black Thrive", "Academi Wales": part of a Title Case phrase
        return "PLACE" if prev in PLACE_BEFORE else "PERSON"

    def _unknown_lower_person(self, doc: Any, i: int) -> str | None:
        """In a turn with no capitals, a word in no list before what people do ("jazib only
        told me", "and ionela said") is a name: never a word form or a known place."""
        low = doc[i].lower_
        if len(low) < 4 or not self._unknown_word(low):
            return None
        if is_word_form(low):
            return None
        k = i + 1
        if k < len(doc) and doc[k].lower_ in ADVERBS:
            k += 1  # "jazib only told me"
        nxt = doc[k].lower_ if k < len(doc) else ""
        verb = nxt in PERSON_VERBS or nxt in PAST_TENSES or nxt in {"who", "will", "would"}
        return "PERSON" if verb and doc[i - 1].lower_ not in DETERMINERS else None

    def _unknown_lower_place(self, doc: Any, i: int, word: str) -> str | None:
        """In a turn with no capital letter at all (lower-case transcription), a word in no
        list after at/in/from... is a place or an organisation ("at derriford", "from legon")."""
        if i == 0 or doc[i - 1].lower_ not in LOWER_PLACE_BEFORE or len(word) < 4:
            return None
        if not self._unknown_word(word):
            return None
        return None if is_word_form(word) else "PLACE"

    def _surname_like(self, tok: Any) -> bool:
        text = tok.text
        if not is_capitalised(text) or not _wordlike(text) or tok.is_stop:
            return False
        if text.isupper() and len(text) <= 4:  # acronyms: "GP", "HR", "LGBT"
            return False
        low = tok.lower_
        if low in self.surnames or low in self.names:
            return not (low in self.words and tok.i > 0 and tok.doc[tok.i - 1].text == "-")
        return not is_vocabulary(low)  # "Windrush Day", "Priya Team": not a surname

    def _extend(self, doc: Any, j: int) -> int:
        """Extend a name ending before token j over up to two surname-like tokens."""
        n = 0
        while j < len(doc) and n < MAX_SURNAME_TOKENS:
            if self._surname_like(doc[j]):
                j += 1
            elif doc[j].lower_ in PARTICLES and not sentence_start(doc, j):
                k = j
                while k < len(doc) and doc[k].lower_ in PARTICLES and k - j < 2:
                    k += 1
                if k < len(doc) and doc[k].text == "-":
                    k += 1
                if not (k < len(doc) and self._surname_like(doc[k])):
                    break
                j = k + 1
            elif doc[j].text == "-" and j + 1 < len(doc) and self._surname_like(doc[j + 1]):
                j += 2
            else:
                break
            n += 1
        return j

    @staticmethod
    def _does_or_works(doc: Any, i: int) -> bool:
        """Token i is followed by a verb of what people do, or by in/from + a team
        ("Joy in recruitment", "June in the office", "hope from the union")."""
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        after = doc[i + 2].lower_ if i + 2 < len(doc) else ""
        third = doc[i + 3].lower_ if i + 3 < len(doc) else ""
        if nxt in {"in", "from"} and after == "the":
            return third in {"office", "team", "union", "council", "depot", "unit", "network"}
        if nxt == "on" and after in {"my", "our", "the", "his", "her", "your"}:
            return third in {"team", "panel", "shift", "crew", "gang", "course", "committee"}
        return nxt in PERSON_VERBS or (nxt in {"in", "from"} and after in TEAM_WORDS)

    @staticmethod
    def _role_after(doc: Any, i: int) -> bool:
        """Token i is followed by who the person is: "Pat the supervisor", "ama, my wife"."""
        if doc[i].lower_ in IRREGULAR:  # "she ran her dad's takeaway"
            return False
        k = i + 1
        if doc[i].lower_ in NOT_BEFORE_ROLE and doc[k : k + 1].text.lower() not in {",", "the"}:
            return False
        if k < len(doc) and doc[k].text == ",":
            k += 1
        if k + 1 >= len(doc) or doc[k].lower_ not in ROLE_DETERMINERS:
            return False
        role = doc[k + 1].lower_
        if role in ROLE_PREFIXES:
            return k + 2 < len(doc) and doc[k + 2].lower_ in ROLE_AFTER_PREFIX
        return role in ROLE_WORDS

    def _month_person(self, doc: Any, i: int) -> bool:
        """A capitalised April/May/June/August, or Jordan/Georgia/Chad..., that is a person
        ("May in HR", "June said", "ask Jordan"), not a month or a country ("in June")."""
        prev = doc[i - 1].lower_ if i > 0 else ""
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is None or nxt.like_num:
            return False
        if prev in MONTH_BEFORE:
            # "the claim goes to June from payroll": a team after her says who she is
            return prev in {"to", "and", "with"} and self._does_or_works(doc, i)
        low = nxt.lower_
        if low in {"said", "says", "told", "asked", "reckons", "mentioned"}:
            return True
        if prev in {"ask", "asked", "told", "tell", "thanks", "cheers", "called", "i'm"}:
            return True
        if self._surname_like(nxt) and nxt.lower_ not in self.words:
            return True  # "May Lin"
        if doc[i].lower_ in DAY_NAMES:
            return False
        after = doc[i + 2].lower_ if i + 2 < len(doc) else ""
        if low == "," and after in {"he", "she", "who"} and prev == ",":
            return True  # "one of the lads from Deighton, Jordan, he rang me"
        return self._does_or_works(doc, i) or self._role_after(doc, i)

    def _country_at(self, doc: Any, i: int) -> int:
        """Length in tokens of a two- or three-word country name starting at token i."""
        if doc[i].lower_ not in self.country_starts:
            return 0
        for k in (3, 2):
            if i + k <= len(doc) and doc[i : i + k].text.lower() in self.countries:
                return k
        return 0

    def _lower_short_name(self, doc: Any, i: int) -> bool:
        """A short lower-case name that is no English word ("kev got it", "ama, my wife")
        where a name stands, or opening a sentence before a verb."""
        low = doc[i].lower_
        if len(low) > 3 or is_vocabulary(low) or low in FILLERS or doc[i].is_stop:
            return False
        if name_context(doc, i, i + 1) or strong_name_context(doc, i, i + 1):
            return True
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        if nxt == "who":  # "and ade who chairs it said"
            return True
        verb = nxt in PERSON_VERBS or nxt in IRREGULAR or (nxt.endswith("ed") and len(nxt) > 4)
        prev = doc[i - 1].lower_ if i > 0 else ""
        if verb and prev in CLAUSE_BEFORE:  # unpunctuated: "and nav brought", "a girl mei went"
            return True
        if prev in {"to", "for", "with"} and i > 1 and doc[i - 2].lower_ in TALK_VERBS:
            return True  # "so i went to bev at the branch", "ask for mai"
        return sentence_start(doc, i) and verb

    def _lower_titled_name(self, doc: Any, i: int) -> bool:
        """A lower-case title then a lower-case name or unknown word ("cllr penhaligon")."""
        if i + 1 >= len(doc) or not doc[i].text.islower():
            return False
        nxt = doc[i + 1]
        low = nxt.lower_
        if not nxt.text.islower() or not _wordlike(nxt.text) or nxt.is_stop or low in FILLERS:
            return False
        # "my sister said", "the pastor told us"; a surname that is a noun may follow
        # ("pastor wellington"), a verb may not
        verb = low in IRREGULAR or low.endswith(("ed", "ing"))
        # after mr/mrs/dr any noun is a surname ("mr house", "mrs wood"); after "pastor",
        # "sister", "father" a noun may be what they are ("sister ward")
        strict = doc[i].lower_.rstrip(".") in STRICT_TITLES
        if is_word_form(low) and (verb or (low not in self.surnames and not strict)):
            return False
        return low in self.names or low in self.surnames or len(low) >= 3

    def _lower_full_name(self, doc: Any, i: int) -> bool:
        """A lower-case first name then a lower-case surname: listed, or in no word list
        ("dawn fairbairn", "ellie pascoe"); never an English word ("ellie said")."""
        if i + 1 >= len(doc):
            return False
        tok = doc[i + 1]
        nxt = tok.lower_
        if not tok.text.islower() or not _wordlike(tok.text) or tok.is_stop:
            return False
        if is_word_form(nxt) or nxt in self.names or nxt in FILLERS:
            return False
        return nxt in self.surnames or (len(nxt) >= 4 and self._unknown_word(nxt))

    def _title_phrase(self, doc: Any, i: int) -> bool:
        """A capitalised word inside a Title Case phrase ("Black History Month")."""
        prev = doc[i - 1] if i > 0 else None
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if (
            prev is not None
            and is_capitalised(prev.text)
            and not sentence_start(doc, i - 1)
            and prev.lower_ not in self.names
            and prev.lower_.rstrip(".") not in TITLES
        ):
            return True
        if nxt is not None and is_capitalised(nxt.text) and _wordlike(nxt.text):
            return not self._surname_like(nxt)
        return False

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        doc = nlp_doc(nlp_artifacts)
        if doc is None:
            return []
        if not hasattr(self, "names"):
            self.load()
        out = []
        i = 0
        n = len(doc)
        while i < n:
            tok = doc[i]
            low = tok.lower_
            skip = self._country_at(doc, i)  # "hong kong", "sierra leone": no names
            if skip:
                i += skip
                continue
            word = tok.text
            if word.endswith(".") and len(word) > 2 and word[:-1].isalpha():  # "Mo." at the end
                word, low = word[:-1], low[:-1]
            # "Mr Khan", "Dr. Adeyemi-Cole"
            titled = low.rstrip(".") in TITLES or (low in HONORIFICS and is_capitalised(word))
            if (titled or low in HONORIFICS) and self._lower_titled_name(doc, i):
                # lower-case transcripts: "mr trelawny", "pastor kwaku", "reverend brian";
                # "my sister rania" is kinship: the name alone
                kin = i > 0 and doc[i - 1].lower_ in KIN_BEFORE
                start = doc[i + 1].idx if kin else tok.idx
                out.append(result("PERSON", start, doc[i + 1].idx + len(doc[i + 1]),
                                  self.SCORE_TITLE, self))  # fmt: skip
                i += 2
                continue
            strict = low.rstrip(".") in STRICT_TITLES and i + 1 < n and _word_surname(doc[i + 1])
            if titled and i + 1 < n and (self._surname_like(doc[i + 1]) or strict):
                j = max(self._extend(doc, i + 1), i + 2)
                out.append(
                    result(
                        "PERSON",
                        doc[i + 1].idx,
                        doc[j - 1].idx + len(doc[j - 1]),
                        self.SCORE_TITLE,
                        self,
                    )
                )
                i = j
                continue
            # "T. Mahmood" (an initial and a surname-like word, not after a sentence end)
            if (
                _initial(word)
                and i + 1 < n
                and self._surname_like(doc[i + 1])
                and doc[i + 1].lower_ not in self.words
            ):
                j = self._extend(doc, i + 1)
                out.append(
                    result(
                        "PERSON", tok.idx, doc[j - 1].idx + len(doc[j - 1]), self.SCORE_TITLE, self
                    )
                )
                i = j
                continue
            ambiguous = self.names.get(low)
            month_person = (  # or a country that is a name: "Jordan said"
                low in CONTEXT_NAMES
                and (is_capitalised(word) or lower_case_turn(doc))
                and self._month_person(doc, i)
            )
            if month_person:
                ambiguous = True
            elif ambiguous is None:
                kind = self._unknown_name(doc, i, word)
                if kind is None:
                    i += 1
                    continue
                j = self._extend(doc, i + 1) if kind == "PERSON" and word == tok.text else i + 1
                end = doc[j - 1].idx + len(doc[j - 1]) if j > i + 1 else tok.idx + len(word)
                out.append(result(kind, tok.idx, end, self.SCORE_UNKNOWN, self))
                i = j
                continue
            if (
                low in FILLERS
                or (low in INTERJECTIONS and sentence_start(doc, i) and self._said_alone(doc, i))
                or not _wordlike(word)
                or (tok.is_stop and low not in self.name_words)
            ):
                i += 1
                continue
            if word.isupper() and (len(word) <= 3 or word in common_acronyms()):  # "HR", "LADO"
                i += 1
                continue
            capital = is_capitalised(word)
            if month_person:
                ok = True
                score = self.SCORE_AMBIGUOUS
            elif ambiguous:
                ok = (
                    (
                        not capital
                        and low not in ADVERBS
                        and (low in self.name_words or not is_vocabulary(low))
                        and self._role_after(doc, i)
                    )
                    or (
                        not capital
                        and low not in ADVERBS
                        and (low in self.name_words or not is_vocabulary(low))
                        and (strong_name_context(doc, i, i + 1) or self._lower_full_name(doc, i))
                    )
                    or (not capital and self._lower_short_name(doc, i))
                    or (
                        not capital
                        and low in self.name_words
                        and lower_case_turn(doc)
                        and sentence_start(doc, i)
                        and i + 1 < n
                        and doc[i + 1].lower_ in PERSON_VERBS
                    )
                    or capital
                    and (
                        name_context(doc, i, i + 1)
                        or (not sentence_start(doc, i) and not self._title_phrase(doc, i))
                        or (i + 1 < n and self._surname_like(doc[i + 1]))
                        or self._does_or_works(doc, i)
                        or self._role_after(doc, i)
                    )
                )
                score = self.SCORE_AMBIGUOUS
            else:
                ok = True
                score = self.SCORE_CAPITALISED if capital else self.SCORE_LOWER
            if not ok:
                i += 1
                continue
            j = self._extend(doc, i + 1) if capital and word == tok.text else i + 1
            if not capital and self._lower_full_name(doc, i):
                j = i + 2  # "ellie pascoe"
            end = doc[j - 1].idx + len(doc[j - 1]) if j > i + 1 else tok.idx + len(word)
            start = tok.idx
            if i > 0 and _initial(doc[i - 1].text):  # "T. Mahmood"
                start = doc[i - 1].idx
            out.append(result("PERSON", start, end, score, self))
            i = j
        return out + self._nicknames(doc) + self._hyphenated(text)

    @staticmethod
    def _said_alone(doc: Any, i: int) -> bool:
        """The word is a whole phrase: a comma, full stop, "!" or "?" or the turn's end after it."""
        return i + 1 >= len(doc) or doc[i + 1].text in {",", ".", "!", "?", "…", "-", "–"}

    def _hyphenated(self, text: str) -> list:
        """Korean and Chinese given names written with a hyphen: "Ji-woo, who's autistic",
        "Mei-ling" (short syllables, in no word list, never a prefix like "Co-" or "Non-")."""
        out = []
        for m in HYPHEN_GIVEN.finditer(text):
            first, second = m.group(1).lower(), m.group(2)
            if first in HYPHEN_PREFIXES or is_vocabulary(m.group().lower()):
                continue
            if not all(set(part) & set("aeiouy") for part in (first, second)):
                continue  # "Mm-hm": a syllable of a name has a vowel
            if first in FILLERS or second in FILLERS or first in {"uh", "ah", "oh", "er"}:
                continue  # "Uh-huh", "Oh-ho"
            if second in HYPHEN_PREFIXES or is_vocabulary(first) and is_vocabulary(second):
                continue  # "Well-being", "Drop-in"
            out.append(result("PERSON", m.start(), m.end(), self.SCORE_AMBIGUOUS, self))
        return out

    def _nicknames(self, doc: Any) -> list:
        """A name someone is given, any word: "everyone calls me lily", "or Daze, everyone
        calls me that", "he's known as Bakes", "she goes by Jo"."""
        out: list = []
        if not NICKNAME_CUES.intersection(doc_lowers(doc)):
            return out
        n = len(doc)
        for k in range(1, n):
            tok = doc[k]
            if not tok.is_alpha or tok.is_stop or len(tok) < 2 or tok.lower_ in FILLERS:
                continue
            if (
                not (is_capitalised(tok.text) or lower_case_turn(doc))
                or tok.lower_ in NOT_NICKNAMES
            ):
                continue  # "call me anytime", "they call me a liar"
            a = doc[k - 1].lower_
            b = doc[k - 2].lower_ if k > 1 else ""
            given = (a == "me" and b in CALL_VERBS) or (a, b) in {("as", "known"), ("by", "goes")}
            if a == "or" and not given:  # "it's Adaeze, or Daze, everyone calls me that"
                after = " ".join(t.lower_ for t in doc[k + 1 : k + 6])
                given = after.startswith((", everyone call", ", everybody call"))
            if given:
                out.append(
                    result("PERSON", tok.idx, tok.idx + len(tok), self.SCORE_AMBIGUOUS, self)
                )
        return out
