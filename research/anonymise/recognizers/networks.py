"""Staff networks, forums and schemes by their own name -> ORG.

Inclusion research is full of them, and their names are ordinary words or invented ones that
no list knows: "Rise, the women's network", "Ekota is the race network", "a mentor through
WiLD, the women's leadership scheme", "the new network kaleidoscope for race and faith",
"four networks now: Ubuntu for race, Out at LBC for LGBT staff". A network's name says which
employer the speaker works for, so it is redacted; found by what is said about it: an
apposition naming a network, "the network called X", or "X for <a group of staff>" in a turn
about networks. Lower-case (Otter) turns are read the same way.
"""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import LocalRecognizer

from research.anonymise.recognizers.base import result
from research.anonymise.recognizers.lexicon import is_vocabulary

KINDS = r"(?:network|networks|forum|scheme|group|society|association|alliance|collective)"
# who a network is for: "Ubuntu for race", "Able, for disabled staff and carers"
FOR_WHOM = (
    r"(?:race|racial\s+equality|ethnic\s+minority|black|bame|bme|global\s+majority|"
    r"lgbt\w*\+?|lgb\w*|gay|trans|queer|pride|disabled|disability|neurodivergent|"
    r"neurodiverse|women|womens|women's|carers|faith|faiths|young|younger|older|parents|"
    r"menopause|muslim|christian|jewish|sikh|hindu|armed\s+forces|veterans|deaf)"
)
# a name of one to four words, capitals or mixed case ("WiLD"), "at"/"of"/"and" inside
CASED_NAME = r"(?:[A-Z][\w'’&+-]*|[a-z]+[A-Z][\w]*)(?:[ \t]+(?:(?:at|of|and|&|for)[ \t]+)?[A-Z][\w'’&+-]*){0,3}"
LOWER_NAME = r"[a-z][\w'’-]*(?:[ \t]+[a-z][\w'’-]*)?"
# a person in apposition holds a role in it: "Sarah, the network chair"
ROLE = r"(?![ \t]+(?:chair|chairs|co-?chair|lead|leads|co-?ordinator|rep|reps|officer|manager|secretary|member|members|champion|champions|sponsor|administrator|admin|founder)\b)"
APPOSITION = (
    r"(?:'s|’s)?(?:,[ \t]*|[ \t]+(?:is|was|are)[ \t]+)(?:the|our|a|an)[ \t]+(?:[\w'’-]+[ \t]+){0,3}?(?:staff[ \t]+)?"
    + KINDS
    + r"\b"
    + ROLE
)
NETWORK = r"\b(?i:the|our|a|an)[ \t]+(?:new[ \t]+)?(?:[\w'’-]+[ \t]+){0,2}?(?:staff[ \t]+)?(?:network|forum|scheme|group)"
CALLED = NETWORK + r"(?:'s|’s|[ \t]+is|[ \t]+was|[ \t]+were)?[ \t]+(?:called|named)[ \t]+"
# named a few words on: "a network for black and minority ethnic staff, it's called X"
LATER_CALLED = (
    NETWORK
    + r"(?:[ \t]+[\w'’-]+){0,8}?,?[ \t]+(?i:it's|it’s|its|it[ \t]+is|which[ \t]+is)[ \t]+"
    + r"(?:called|named)[ \t]+"
)
FOR = r",?[ \t]+for[ \t]+(?:the[ \t]+)?(?i:" + FOR_WHOM + r")\b"
# "Spectrum for LGBT staff": who it is for, then staff, says network even at a sentence start
FOR_STAFF = re.compile(
    r"[ \t]+for[ \t]+(?:the[ \t]+)?(?i:" + FOR_WHOM + r")(?:[ \t]+(?:and|&)[ \t]+\w+)?"
    r"[ \t]+(?i:staff|colleagues|employees|members|workers)\b"
)

# words that stand where a name would and name nothing
NOT_NAMES = {
    "it", "its", "it's", "that", "this", "which", "there", "here", "what", "who", "one", "ours",
    "the", "a", "an", "our", "their", "my", "your", "his", "her", "we", "they", "he", "she",
    "i", "you", "and", "but", "or", "so", "well", "yes", "yeah", "no", "now", "then", "also",
    "just", "really", "actually", "basically", "anyway", "only", "each", "every", "both",
    "staff", "network", "networks", "forum", "group", "scheme", "race", "women", "disability",
    "faith", "carers", "lgbt", "new", "first", "second", "main", "other", "another", "same",
    "called", "named", "meets", "meeting", "meet", "runs", "run", "is", "was", "are", "for",
    "there's", "that's", "whichever", "everyone", "everybody", "nobody", "someone",
    "mentoring", "training", "support", "funding", "money", "time", "space", "chair", "chairs",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "council",
    "trust", "union", "unison", "gmb", "unite", "hr", "equality", "inclusion", "diversity",
    "black", "asian", "muslim", "christian", "jewish", "sikh", "hindu", "disabled", "young",
    "mine", "yours", "theirs", "hers", "him", "them", "us", "me", "all", "i'll", "i'm", "i've",
    "i'd", "i’ll", "i’m", "i’ve", "i’d", "we're", "we’re", "they're", "they’re", "you're",
    "whatever", "something", "anything", "nothing", "like", "summat", "er", "erm", "um",
}  # fmt: skip


def _opens_sentence(text: str, i: int) -> bool:
    before = text[:i].rstrip()
    return not before or before[-1] in ".!?:;\"'“‘"


class StaffNetworkRecognizer(LocalRecognizer):
    """ORG for the name of a staff network, forum or scheme, by what is said about it."""

    SCORE = 0.7  # an apposition or "called": spreads to the network's other mentions
    SCORE_FOR = 0.6  # "X for race" in a turn about networks

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["ORG"], supported_language="en", name="StaffNetworkRecognizer"
        )
        name_c, name_l = f"(?P<name>{CASED_NAME})", f"(?P<name>{LOWER_NAME})"
        self.cased = [
            (re.compile(r"(?<![\w'’])" + name_c + APPOSITION), self.SCORE),
            (re.compile(CALLED + name_c), self.SCORE),  # "a network called Kaleidoscope"
            (re.compile(LATER_CALLED + name_c), self.SCORE),  # "..., it's called Thrive"
            (
                re.compile(NETWORK + r",[ \t]+" + name_c + r","),
                self.SCORE,
            ),  # "our network, Spectrum,"
            (
                re.compile(NETWORK + r"[ \t]+" + name_c + FOR),
                self.SCORE,
            ),  # "the network Ubuntu for race"
            (re.compile(r"(?<![\w'’])" + name_c + FOR), self.SCORE_FOR),
        ]
        self.lower = [
            (re.compile(r"(?<![\w'’])" + name_l + APPOSITION), self.SCORE),
            (
                re.compile(NETWORK + r"[ \t]+" + name_l + FOR),
                self.SCORE,
            ),  # "the new network kaleidoscope for race"
            (re.compile(CALLED + name_l + FOR), self.SCORE),
            (re.compile(LATER_CALLED + name_l), self.SCORE),  # "it's called lighthouse"
        ]

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        low = text.lower()
        if not re.search(KINDS, low):
            return []
        patterns = self.cased if any(c.isupper() for c in text) else self.lower
        out = []
        for pattern, score in patterns:
            for m in pattern.finditer(text):
                start, end = self._trim(text, m.start("name"), m.end("name"))
                if start is None:
                    continue
                one_word = " " not in text[start:end] and is_vocabulary(text[start:end].lower())
                opens = one_word and _opens_sentence(text, start)
                if score == self.SCORE_FOR and opens and not FOR_STAFF.match(text, end):
                    continue  # "Workshops for women": a capital for the sentence only
                out.append(result("ORG", start, end, score, self))
        return out

    @staticmethod
    def _trim(text: str, start: int, end: int) -> tuple[int | None, int]:
        """The name without words that name nothing at its edges; None if nothing is left."""
        words = list(re.finditer(r"[\w'’&+-]+", text[start:end]))
        while words and words[0].group().lower() in NOT_NAMES:
            words.pop(0)
        while words and words[-1].group().lower() in NOT_NAMES:
            words.pop()
        if (
            len(words) > 1
            and _opens_sentence(text, start)
            and is_vocabulary(words[0].group().lower())
        ):
            words.pop(0)  # "Usually Ekota, the race network": the sentence's capital
        if not words:
            return None, end
        if words[0].group()[0].islower() and any(c.isupper() for c in text):
            return None, end  # "the network called it" in a cased turn names nothing
        return start + words[0].start(), start + words[-1].end()
