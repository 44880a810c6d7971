"""Pubs and the local paper, named by "the X" where drinking or an advert says what X is -> ORG.

"the lads who go for a pint in the Crown", "if you drink in the prince maurice with the
managers", "my aunt saw the advert in the herald". A pub's name is ordinary words (Crown, Red
Lion, Prince Maurice) and a local paper's is one word that names a paper in every town; in
speech neither comes with a word saying it is a pub or a paper, but the verb does. Both tell a
reader which town and which team the speaker means, so they are redacted.

A paper's word capitalised after "the" names the paper by itself ("it ended up in the
Observer", "the Evening Times"); typed without capitals, only the words that name nothing else
("read it in the chronicle", "it still ended up in the recorder").
"""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import LocalRecognizer

from research.anonymise.recognizers.base import result
from research.anonymise.recognizers.orgs import NEWSPAPERS

DRINK = r"(?:pint|pints|drink|drinks|drinking|drank|beer|beers|bevvy|jar|quiz|karaoke|darts|lock-in)(?:[ \t]+nights?)?"
AT = r"[ \t]+(?:in|at|down|up|round|to)[ \t]+the[ \t]+"
# a pub's name: one to three words (the Red Lion, the Dog and Duck, the prince maurice)
CASED = r"(?P<name>[A-Z][\w'’]*(?:[ \t]+(?:and|&)[ \t]+[A-Z][\w'’]*|[ \t]+[A-Z][\w'’]*){0,2})"
LOWER = r"(?P<name>[a-z][\w'’]*(?:[ \t]+[a-z][\w'’]*)?)"
ADVERT = r"(?:advert|adverts|advertised|advertisement|ad|ads|article|piece|story|letter|job|jobs|vacancy|vacancies|notice|column|photo|picture)"
PAPER = r"(?P<name>" + "|".join(sorted(NEWSPAPERS)) + r")\b"
# a paper by its own word, capitalised, not the start of a longer name ("the Post Office")
PAPER_WORDS = {w.capitalize() for w in NEWSPAPERS} | {"Observer", "Times", "Mail", "Post", "Star"}
PAPER_WORDS |= {"Standard", "Express", "Press", "Citizen", "Bugle", "Mirror", "Sun"}
PAPER_CASED = (
    r"\b(?i:the)[ \t]+(?P<name>(?:(?:Evening|Daily|Sunday|Weekly|Morning|Western|Northern)[ \t]+)?(?:"
    + "|".join(sorted(PAPER_WORDS))
    + r"))\b(?![ \t]+[A-Z&]|['’]s[ \t]+[A-Z]|-)"
)
# typed without capitals: the paper words that name nothing else, after "in the", "read the"
PAPER_LOWER = (
    r"\b(?:in|into|read|reads|from|to)[ \t]+the[ \t]+(?P<name>(?:evening[ \t]+|daily[ \t]+)?"
    r"(?:gazette|chronicle|herald|advertiser|argus|examiner|recorder|echo|mercury|sentinel|"
    r"courier|telegraph(?:[ \t]+and[ \t]+argus)?|t&a|western[ \t]+mail|"
    r"evening[ \t]+(?:news|post|times|standard)))(?![\w&])"
)
# a local station typed without capitals: "on sun fm", "it's sunrise radio"; not "local radio"
RADIO_LOWER = re.compile(
    r"(?<![\w'’-])(?P<name>(?!(?:the|a|an|local|bbc|community|asian|talk|commercial|national|"
    r"pirate|hospital|digital|internet|student|any|our|their|my|your|his|her|its|this|that|"
    r"some|no|and|or|of|on|in|to|from|with|listen|listening|listened|car|kitchen|van|daytime|"
    r"breakfast|morning|evening|late)\b)[a-z][a-z'’]+[ \t]+(?:fm|radio))\b"
)
# a pub by its name's shape alone, typed without capitals: "the black horse", "the dun cow",
# "the kings arms", "the dog and duck" (the words that name pubs in every town, rarely anything
# else said with "the" at work; not "the red cross", a charity named nationally)
PUB_ADJECTIVES = {
    "black", "red", "white", "golden", "green", "blue", "grey", "royal", "dun", "spotted",
    "jolly", "pied", "silver", "brown", "old", "cross", "three", "seven", "kings", "queens",
    "king's", "queen's", "flying", "laughing", "dirty", "fat", "little",
}  # fmt: skip
PUB_NOUNS = {
    "lion", "horse", "cow", "bull", "swan", "hart", "stag", "fox", "hound", "hounds", "dog",
    "duck", "goose", "cock", "eagle", "falcon", "pheasant", "bear", "boar", "lamb", "ram",
    "unicorn", "dragon", "griffin", "oak", "crown", "anchor", "ship", "bell", "bells",
    "plough", "wheatsheaf", "mitre", "feathers", "greyhound", "pig", "keys", "harp",
    "fleece", "woolpack", "magpie", "raven", "owl", "pelican", "peacock", "dolphin",
    "horseshoes", "stars", "kettle", "barrel", "boot", "lamp", "ox", "hare", "heron",
}  # fmt: skip
_PUB_NOUN = "(?:" + "|".join(sorted(PUB_NOUNS)) + ")"
PUB_SHAPE = re.compile(
    r"\bthe[ \t]+(?P<name>(?:"
    + "|".join(sorted(PUB_ADJECTIVES))
    + r")[ \t]+"
    + _PUB_NOUN
    + r"|"
    + _PUB_NOUN
    + r"[ \t]+(?:and|&)[ \t]+[a-z]+"
    + r"|(?!the\b|same\b|other\b|right\b|wrong\b|open\b|fire\b|small\b)[a-z]+['’]?s?[ \t]+(?:arms|inn|tavern))\b"
)
# what comes after "a pint in the" and is no pub
NOT_PUBS = {
    "pub", "pubs", "bar", "club", "office", "canteen", "kitchen", "evening", "evenings",
    "morning", "afternoon", "night", "week", "weekend", "summer", "park", "garden", "sun",
    "house", "car", "van", "staff", "social", "local", "city", "town", "centre", "end", "day",
    "break", "first", "same", "other", "old", "new", "big", "little", "usual", "nearest",
    "corner", "square", "queue", "rain", "cold", "heat", "fridge", "sink", "mess", "room",
    "depot", "yard", "cabin", "hut", "union", "bar's", "wetherspoons", "spoons", "christmas",
    "xmas", "party", "do", "works", "hotel", "leisure", "match", "game", "football", "wedding",
    "funeral", "meeting", "training", "event", "start", "back", "front", "side", "bottom",
}  # fmt: skip
# lower case only: the name's last word cannot be an ordinary word that ends a clause
NOT_LAST = {"with", "after", "before", "on", "at", "and", "but", "or", "so", "then", "when"}
NOT_LAST |= {"last", "next", "every", "most", "all", "again", "too", "now", "tonight", "once"}
NOT_LAST |= {"today", "yesterday", "tomorrow", "twice", "if", "because", "where", "where's"}
NOT_LAST |= {"is", "was", "are", "were", "has", "had", "have", "in", "of", "for", "to", "it"}
NOT_LAST |= {"they", "we", "you", "he", "she", "i", "im", "that", "this", "there", "sometimes"}


class VenueRecognizer(LocalRecognizer):
    """ORG for a pub after "a pint in the" or, typed low, by its name's shape ("the dun cow"),
    a local paper after "the advert in the", and a local radio station typed without capitals
    ("on sun fm")."""

    SCORE = 0.6

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["ORG"], supported_language="en", name="VenueRecognizer"
        )
        # cased: a few lower-case words may come between ("drinks with the managers in the X")
        self.cased = re.compile(
            r"\b(?i:" + DRINK + r")(?:[ \t]+[a-z]+){0,4}?(?i:" + AT + r")" + CASED
        )
        self.lower = re.compile(r"\b" + DRINK + r"(?:[ \t]+[a-z]+){0,4}?" + AT + LOWER)
        self.paper_cased = re.compile(PAPER_CASED)
        self.paper_lower = re.compile(PAPER_LOWER)
        self.paper = re.compile(
            r"\b(?i:" + ADVERT + r")[ \t]+(?i:in|from)[ \t]+the[ \t]+(?i:" + PAPER + ")"
        )

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        out = []
        cased = any(c.isupper() for c in text)
        if not cased and "the " in text:
            for m in PUB_SHAPE.finditer(text):
                out.append(result("ORG", m.start("name"), m.end("name"), self.SCORE, self))
        shaped = list(out)
        for m in (self.cased if cased else self.lower).finditer(text):
            if any(r.start <= m.start("name") < r.end for r in shaped):
                continue
            words = m.group("name").split()
            if not cased:
                while words and words[-1] in NOT_LAST:
                    words.pop()
            if not words or words[0].lower() in NOT_PUBS or words[-1].lower() in NOT_PUBS:
                continue
            start = m.start("name")
            end = start + len(" ".join(words)) if not cased else m.end("name")
            if text[start:end] != " ".join(words) and not cased:
                continue  # tabs or double spaces between the words: leave it
            out.append(result("ORG", start, end, self.SCORE, self))
        for m in self.paper.finditer(text):
            out.append(result("ORG", m.start("name"), m.end("name"), self.SCORE, self))
        for m in (self.paper_cased if cased else self.paper_lower).finditer(text):
            if not any(r.start <= m.start("name") < r.end for r in out):
                out.append(result("ORG", m.start("name"), m.end("name"), self.SCORE, self))
        if not cased and ("fm" in text or "radio" in text):
            for m in RADIO_LOWER.finditer(text):
                out.append(result("ORG", m.start("name"), m.end("name"), self.SCORE, self))
        return out
