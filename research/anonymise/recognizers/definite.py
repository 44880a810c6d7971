"""One capitalised ordinary word after "at the", "in the", "at"... -> ORG (pending review).

People name local places and employers by one word with an article: "my wife is at the Royal",
"based at the Conquest", "adverts in The Beacon", "it was in the Chronicle", and by one word
without it where an employer stands ("a secondment at Nexus", "a midwife at Mayday"); after
"in" or "near" such a word is an area of the town ("a team of nine in Walker"). Each is an
ordinary English word, so no name list knows it, and spaCy's small model rarely tags it. Mid
sentence, a transcriber's capital on an ordinary noun after "the" is the sign of a name; what
else gets that capital (weekdays, festivals, nationalities, the council, the Trust, Zoom) is
left out by the word lists below. The score stays under `review_below`, so every hit is
applied and listed for the ethics lead to confirm, and none spreads project-wide on its own.
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
from research.anonymise.recognizers.lexicon import country_names, is_demonym, is_vocabulary

# where a place or an employer stands: "at the Royal", "in the Chronicle", "up the Tower"
BEFORE = {"at", "in", "to", "from", "near", "outside", "round", "around", "by", "into"}
BEFORE |= {"opposite", "behind", "past", "up", "down", "over", "through", "via", "inside"}
BEFORE |= {"for", "with", "joined", "left", "towards"}
# capitalised in speech and minutes, naming nobody: institutions, roles, documents, events
GENERIC = {
    "council", "government", "internet", "web", "queen", "king", "crown", "bible", "quran",
    "koran", "church", "mosque", "temple", "gurdwara", "synagogue", "chapel", "union",
    "jobcentre", "centre", "chair", "mayor", "director", "minister", "chief", "executive",
    "leader", "manager", "board", "cabinet", "committee", "panel", "forum", "network", "group",
    "team", "office", "depot", "hub", "library", "town", "city", "county", "borough",
    "district", "ward", "area", "region", "north", "south", "east", "west", "midlands",
    "northeast", "northwest", "southeast", "southwest", "hospital", "college", "school",
    "university", "uni", "academy", "trust", "service", "services", "department",
    "directorate", "pandemic", "lockdown", "budget", "levy", "act", "law", "policy",
    "strategy", "plan", "charter", "pledge", "standard", "standards", "framework", "award",
    "awards", "scheme", "programme", "program", "project", "course", "module", "apprenticeship",
    "degree", "diploma", "certificate", "level", "grade", "band", "scale", "review", "survey",
    "census", "report", "audit", "inspection", "inspectorate", "regulator", "ombudsman",
    "tribunal", "court", "courts", "police", "army", "navy", "forces", "military", "parliament",
    "house", "lords", "commons", "treasury", "home", "state", "news", "radio", "tv",
    "telly", "papers", "paper", "press", "media", "guardian", "times", "sun", "mirror", "mail",
    "express", "independent", "observer", "metro", "star", "inclusion",
    "diversity", "equality", "equity", "race", "pride", "month", "week", "day", "year",
    "weekend", "christmas", "easter", "eid", "diwali", "ramadan", "hanukkah", "vaisakhi",
    "passover", "lent", "advent", "new", "old", "first", "second", "third", "last", "next",
    "main", "central", "general", "local", "national", "public", "private", "voluntary",
    "sector", "charity", "association", "society", "foundation", "partnership", "alliance",
    "federation", "movement", "campaign", "party", "labour", "conservative", "conservatives",
    "tories", "tory", "liberal", "greens", "left", "right", "world", "globe", "earth",
    "universe", "lord", "god", "prophet", "church's", "council's", "trust's", "company",
    "business", "firm", "employer", "agency", "provider", "contractor", "client", "customer",
    "community", "communities", "staff", "workforce", "people", "members",
    "chairman", "chairperson", "president", "secretary", "clerk", "registrar", "principal",
    "head", "headteacher", "governors", "trustees", "doctor", "nurse", "matron", "consultant",
    "boss", "management", "leadership", "organisation", "organization", "establishment",
    "system", "portal", "intranet", "app", "website", "site", "platform", "hr", "it",
    "induction", "interview", "interviews", "assessment", "appraisal", "probation", "training",
    "mentoring", "coaching", "shadowing", "programmes", "apprenticeships", "internship",
    "placement", "graduate", "graduates", "apprentice", "apprentices", "covid",
    "vaccine", "virus", "olympics", "games", "cup", "league", "premiership", "championship",
    "election", "referendum", "budgets", "accounts", "minutes", "agenda",
}  # fmt: skip
LINKS = {"on", "of", "for", "and", "&", "in", "at"}
# without an article, where an employer stands: "a secondment at Nexus", "agency for Reed"
BARE_BEFORE = {"at", "for", "with", "joined", "through", "via", "left"}
# before an area of a town named by an ordinary word or a surname: "in Walker", "near Hope"
AREA_BEFORE = {"in", "near", "outside", "around", "from"}
# "up on the Downs", "over on the Wirral": an area named by its landscape
ON_THE = {"on"}
# capitalised after those without naming anyone: "at Level 3", "for Access to Work"
BARE_GENERIC = {"level", "stage", "home", "work", "school", "college", "uni", "church", "lunch"}
BARE_GENERIC |= {"access", "band", "grade", "step", "phase", "part", "year", "week", "night"}
BARE_GENERIC |= {"dad", "mum", "mam", "nan", "gran", "grandad", "grandma", "mother", "father"}
# teams and services named with a capital: "she's in Recruitment", "I started in Catering"
BARE_GENERIC |= {
    "recruitment", "payroll", "pensions", "catering", "cleaning", "transport", "fleet",
    "estates", "facilities", "admin", "administration", "reception", "accounts", "licensing",
    "registrars", "elections", "markets", "regeneration", "skills", "employment", "nursing",
    "pharmacy", "radiology", "maternity", "theatres", "outpatients", "schools", "probation",
    "person", "practice", "private", "public", "general", "particular", "total", "future",
    "fact", "time", "charge", "place", "case", "order", "return", "response", "touch",
}  # fmt: skip


class DefiniteNameRecognizer(LocalRecognizer):
    """ORG for "<preposition> the <Capitalised ordinary word>" or "at|for|with <Capitalised
    ordinary word>", PLACE for "in|near <Capitalised ordinary word>"; never followed by another
    capital."""

    SCORE = 0.5

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["ORG", "PLACE"],
            supported_language="en",
            name="DefiniteNameRecognizer",
        )

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        doc = nlp_doc(nlp_artifacts)
        if doc is None:
            return []
        from research.anonymise.recognizers.brands import public_bodies
        from research.anonymise.recognizers.orgs import DEPARTMENT_WORDS

        public = public_bodies()
        out = self._lower_hospitals(doc) if lower_case_turn(doc) else []
        n = len(doc)
        for m in range(2, n):
            tok = doc[m]
            if not tok.is_title:
                continue  # one capital then lower case: "Royal", not "royal" or "NHS" (acronyms
                # have their own recognizer)
            prev, before = doc[m - 1].lower_, doc[m - 2].lower_
            on_the = prev == "the" and before in ON_THE
            article = prev == "the" and before in BEFORE or on_the
            bare = prev in BARE_BEFORE and not sentence_start(doc, m)
            area = prev in AREA_BEFORE and not sentence_start(doc, m)
            if not (article or bare or area):
                continue
            if not (tok.is_alpha and len(tok) > 2):
                continue
            if m + 1 < n and is_capitalised(doc[m + 1].text):
                continue  # longer names have theirs ("at the Royal Infirmary")
            tail = COMPOUND.match(text, tok.idx + len(tok))
            if tail and tail.group().count("-") == 1 and is_vocabulary(tail.group()[1:].lower()):
                continue  # a compound, "to the Well-being hub" (not a name: "in Pen-y-lan")
            if m + 2 < n and doc[m + 1].lower_ in LINKS and is_capitalised(doc[m + 2].text):
                continue  # "the Spotlight on Inclusion research"
            low = tok.lower_
            if not is_vocabulary(low) or low in GENERIC or low in public:
                continue  # unknown words are other recognizers' business
            if is_demonym(low) or low in country_names() or _demonym(low):
                continue
            if (bare or area) and (low in DEPARTMENT_WORDS or low in BARE_GENERIC):
                continue  # "I work in Finance", "joined Housing", "at Level 3"
            kind = "PLACE" if area or on_the else "ORG"  # "a team of nine in Walker"
            # the article goes with the name, "at [Organisation A]": "the Royal" is what people
            # call it, and a capital "The" mid-sentence is part of it ("up in The Beacon")
            start = doc[m - 1].idx if article and not on_the else tok.idx
            out.append(result(kind, start, tok.idx + len(tok), self.SCORE, self))
        return out

    def _lower_hospitals(self, doc: Any) -> list:
        """ "my husband got a job at the royal", "on the wards at the royal or": ORG."""
        out = []
        n = len(doc)
        for m in range(2, n):
            tok = doc[m]
            if tok.lower_ not in HOSPITAL_NICKNAMES or doc[m - 1].lower_ != "the":
                continue
            if doc[m - 2].lower_ not in BEFORE:
                continue
            if m + 1 < n and doc[m + 1].is_alpha and not doc[m + 1].is_stop:
                continue  # "at the royal mail", "in the general office"
            the = doc[m - 1]  # the article too: "at [Organisation A]", as the capital one
            out.append(result("ORG", the.idx, tok.idx + len(tok), self.SCORE, self))
        return out


COMPOUND = re.compile(r"(?:-[A-Za-z]+)+")
# a town's hospital by its one-word nickname, in a transcript without capitals
HOSPITAL_NICKNAMES = {"royal", "infirmary", "general"}


def _demonym(low: str) -> bool:
    """Words shaped like nationalities and languages the lists lack ("the Flemish")."""
    return low.endswith(("ese", "ian", "ians", "ish", "i", "ic"))
