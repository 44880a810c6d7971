"""One capitalised ordinary word after "at the", "in the"... -> ORG (pending review).

People name local places and employers by one word with an article: "my wife is at the Royal",
"based at the Conquest", "adverts in The Beacon", "it was in the Chronicle". Each word is an
ordinary English word, so no name list knows it, and spaCy's small model rarely tags it. Mid
sentence, a transcriber's capital on an ordinary noun after "the" is the sign of a name; what
else gets that capital (weekdays, festivals, nationalities, the council, the Trust, Zoom) is
left out by the word lists below. The score stays under `review_below`, so every hit is
applied and listed for the ethics lead to confirm, and none spreads project-wide on its own.
"""

from __future__ import annotations

from typing import Any

from presidio_analyzer import LocalRecognizer

from research.anonymise.recognizers.base import is_capitalised, nlp_doc, result
from research.anonymise.recognizers.lexicon import country_names, is_vocabulary, not_names

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
    "house", "lords", "commons", "cabinet", "treasury", "home", "state", "news", "radio", "tv",
    "telly", "papers", "paper", "press", "media", "guardian", "times", "sun", "mirror", "mail",
    "express", "independent", "observer", "metro", "star", "standard", "inclusion",
    "diversity", "equality", "equity", "race", "pride", "month", "week", "day", "year",
    "weekend", "christmas", "easter", "eid", "diwali", "ramadan", "hanukkah", "vaisakhi",
    "passover", "lent", "advent", "new", "old", "first", "second", "third", "last", "next",
    "main", "central", "general", "local", "national", "public", "private", "voluntary",
    "sector", "charity", "association", "society", "foundation", "partnership", "alliance",
    "federation", "movement", "campaign", "party", "labour", "conservative", "conservatives",
    "tories", "tory", "liberal", "greens", "left", "right", "west", "world", "globe", "earth",
    "universe", "lord", "god", "prophet", "church's", "council's", "trust's", "company",
    "business", "firm", "employer", "agency", "provider", "contractor", "client", "customer",
    "public", "community", "communities", "staff", "workforce", "people", "members",
    "chairman", "chairperson", "president", "secretary", "clerk", "registrar", "principal",
    "head", "headteacher", "governors", "trustees", "doctor", "nurse", "matron", "consultant",
    "boss", "management", "leadership", "organisation", "organization", "establishment",
    "system", "portal", "intranet", "app", "website", "site", "platform", "hr", "it",
    "induction", "interview", "interviews", "assessment", "appraisal", "probation", "training",
    "mentoring", "coaching", "shadowing", "programmes", "apprenticeships", "internship",
    "placement", "graduate", "graduates", "apprentice", "apprentices", "census", "covid",
    "vaccine", "virus", "olympics", "games", "cup", "league", "premiership", "championship",
    "election", "referendum", "budget", "budgets", "accounts", "minutes", "agenda",
}  # fmt: skip
LINKS = {"on", "of", "for", "and", "&", "in", "at"}


class DefiniteNameRecognizer(LocalRecognizer):
    """ORG for "<preposition> the <Capitalised ordinary word>" not followed by another capital."""

    SCORE = 0.5

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["ORG"], supported_language="en", name="DefiniteNameRecognizer"
        )

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        doc = nlp_doc(nlp_artifacts)
        if doc is None:
            return []
        out = []
        n = len(doc)
        for k in range(1, n - 1):
            the, tok = doc[k], doc[k + 1]
            if the.lower_ != "the" or doc[k - 1].lower_ not in BEFORE:
                continue
            if not (tok.is_alpha and len(tok) > 2 and is_capitalised(tok.text)):
                continue
            if tok.text.isupper():
                continue  # acronyms have their own recognizer
            if k + 2 < n and is_capitalised(doc[k + 2].text):
                continue  # longer names have theirs ("at the Royal Infirmary")
            if k + 3 < n and doc[k + 2].lower_ in LINKS and is_capitalised(doc[k + 3].text):
                continue  # "the Spotlight on Inclusion research"
            low = tok.lower_
            if not is_vocabulary(low) or low in GENERIC:
                continue  # unknown words are other recognizers' business
            if low in not_names() or low in country_names() or _demonym(low):
                continue
            from research.anonymise.recognizers.brands import public_bodies

            if low in public_bodies():
                continue
            out.append(result("ORG", tok.idx, tok.idx + len(tok), self.SCORE, self))
        return out


def _demonym(low: str) -> bool:
    """Nationalities and languages not in the packaged lists ("the Filipino nurses")."""
    return low.endswith(("ese", "ian", "ians", "ish", "i", "ic"))
