"""Shared helpers of our token-based recognizers: results, sentence starts, name contexts."""

from __future__ import annotations

from typing import Any

from research.anonymise.names import TITLES  # noqa: F401  (re-exported: one list of titles)
from research.anonymise.recognizers.lexicon import is_vocabulary, name_words

SENTENCE_END = {".", "?", "!", ":", ";", "…", '"', "“", "”", "-", "–", "—"}

# words before a name: "I'm X", "thanks X", "with X", "called X", "ask X"
NAME_BEFORE = {
    "i'm",
    "im",
    "am",
    "called",
    "named",
    "thanks",
    "thank",
    "cheers",
    "hi",
    "hello",
    "hey",
    "dear",
    "with",
    "ask",
    "asked",
    "told",
    "tell",
    "and",
    "by",
    "to",
    "from",
    "colleague",
    "manager",
    "boss",
    "mentor",
    "friend",
    "met",
    "like",
    "name",
    "name's",
    "call",
    "email",
    "emailed",
    "meet",
    "is",
    "said",
    "says",
}
# words after a name: "X said", "X's", "X and I", "X told me"
NAME_AFTER = {
    "said",
    "says",
    "told",
    "asked",
    "mentioned",
    "explained",
    "'s",
    "’s",
    "and",
    "who",
    "was",
    "is",
    "has",
    "had",
    "did",
    "does",
    "thinks",
    "thought",
    "felt",
    "reckons",
    "will",
    "would",
    "could",
    "might",
    "from",
    ",",
}
POSSESSIVE = {"'s", "’s", "'", "’"}
# who someone is, said before their name: "my assessor hope", "the new manager bill"
ROLES_BEFORE = {
    "assessor", "mentor", "tutor", "trainer", "coach", "supervisor", "manager", "boss",
    "colleague", "rep", "steward", "friend", "mate", "cousin", "sister", "brother", "auntie",
    "uncle", "wife", "husband", "partner", "neighbour", "lead", "leader", "director", "buddy",
}  # fmt: skip
WORD_NAMES = name_words()
# an ordinary word after these is a thing, not a name: "got no joy from HR", "a bit of help"
QUANTIFIERS = {"no", "any", "some", "much", "more", "little", "a", "the", "of"}
# ... and after these as well, before a verb: "the bill asked", "rang hr, no joy rang"
DETERMINERS = QUANTIFIERS | {"an", "this", "that", "my", "our", "his", "her", "their", "your"}
# posts in a union, network or team, said before the holder's name: "the branch secretary pauline"
POSTS = {"secretary", "chair", "treasurer", "organiser", "convenor", "coordinator", "adviser"}
POSTS |= {"advisor", "caseworker", "sponsor"}
# what follows a name in an introduction without punctuation ("im dawn i work", not "im
# senior youth worker")
INTRO_AFTER = {"i", "im", "and", "from", "my", "in", "at", "with", "here", "", "i've", "ive"}
# a role after "<name> the": who the person is
ROLE_AFTER_THE = {"rep", "supervisor", "manager", "steward", "chair", "boss", "foreman"}
ROLE_AFTER_THE |= {"chargehand", "caretaker", "director", "coordinator", "organiser"}
# verbs after a role word ("my sister said"): never the name itself
VERB_FORMS = {"said", "says", "told", "rang", "went", "came", "got", "gave", "took", "made"}
VERB_FORMS |= {"was", "is", "had", "has", "did", "does", "sent", "put", "left", "thought"}
# pronouns and modals before a verb: "i hope from...", "we will from..."
SUBJECTS = {"i", "we", "you", "they", "he", "she", "to", "will", "would", "can", "could"}
SUBJECTS |= {"might", "should", "must", "don't", "didn't", "do", "did", "not", "just"}
UNIONS = {"unison", "gmb", "unite", "union", "the union"}


def result(entity: str, start: int, end: int, score: float, recognizer: Any) -> Any:
    """A Presidio RecognizerResult tagged with the recognizer's name and id."""
    from presidio_analyzer import RecognizerResult

    return RecognizerResult(
        entity_type=entity,
        start=start,
        end=end,
        score=score,
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
        },
    )


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def sentence_start(doc: Any, i: int) -> bool:
    """True if token i opens a sentence or turn (no parser: punctuation heuristics)."""
    j = i - 1
    while j >= 0 and doc[j].text in {'"', "“", "'", "(", "‘"}:
        j -= 1
    return j < 0 or doc[j].text in SENTENCE_END or doc[j].text.endswith((".", "?", "!"))


def lower_case_turn(doc: Any) -> bool:
    """True for a turn transcribed without capitals (Otter's casual style: "i was at ...").

    No letter is upper case except in acronyms of two or more capitals ("i did the CIH"; a
    capital "I" means the turn is cased), and the turn has a lower-case letter. Computed once
    per Doc.
    """
    cached = doc.user_data.get("research_lower_case")
    if cached is None:
        text = doc.text
        cached = any(c.islower() for c in text)
        if cached and any(c.isupper() for c in text):
            cached = all(
                not any(c.isupper() for c in t.text) or (t.is_upper and len(t.text) >= 2)
                for t in doc
            )
        doc.user_data["research_lower_case"] = cached
    return cached


# what follows "<name> who": a verb of what the person does ("who runs", "who chairs")
WHO_DOES = {"runs", "ran", "chairs", "chaired", "leads", "led", "manages", "managed", "works"}
WHO_DOES |= {"worked", "does", "did", "used", "sits", "sat", "heads", "started", "set", "was"}
WHO_DOES |= {"organises", "organised", "helps", "helped", "got", "rang", "phoned", "told"}


def name_context(doc: Any, i: int, j: int) -> bool:
    """True if tokens i..j-1 stand where a person's name usually stands."""
    prev = doc[i - 1].lower_ if i > 0 else ""
    nxt = doc[j].lower_ if j < len(doc) else ""
    if doc[j - 1].text.endswith(".") and len(doc[j - 1]) > 2:  # "Mo." closes the sentence
        nxt = "."
    if prev in TITLES or prev.rstrip(".") in TITLES:
        return True
    if nxt in POSSESSIVE:
        return True
    if prev in NAME_BEFORE and prev not in {"and", "to", "from", "is", "said", "says", "like"}:
        return True
    if nxt in {"said", "says", "told", "asked", "mentioned", "explained", "reckons"}:
        return True
    # "Gaz who runs the depot", "Grace who chairs it": who they are follows the name
    if nxt == "who" and j + 1 < len(doc) and doc[j + 1].lower_ in WHO_DOES:
        return True
    # "X and I", "me and X", vocative "X, ..." at the start of a turn
    if nxt == "and" and j + 1 < len(doc) and doc[j + 1].lower_ in {"i", "me"}:
        return True
    if prev == "and" and i > 1 and doc[i - 2].lower_ in {"me", "i"}:
        return True
    # vocative: "Grace, what do you think?", "That's sad, Mo."
    if prev == "," and nxt in {".", "?", "!", ""}:
        return True
    return nxt in {",", "from", "!"} and sentence_start(doc, i)


# what a person does to a network, a course or a candidate: "chaired by joy", "run by hope"
DONE_BY = {"chaired", "run", "led", "managed", "organised", "organized", "up", "started"}
DONE_BY |= {"founded", "hosted", "mentored", "interviewed", "nominated", "recommended"}
DONE_BY |= {"sponsored", "trained", "taught", "coached", "supervised", "funded", "signed"}


def strong_name_context(doc: Any, i: int, j: int) -> bool:
    """Contexts strong enough for a lower-case ordinary-word name ("rose said", "i'm will")."""
    prev = doc[i - 1].lower_ if i > 0 else ""
    nxt = doc[j].lower_ if j < len(doc) else ""
    after = doc[j + 1].lower_ if j + 1 < len(doc) else ""
    if nxt in {"said", "says", "told", "reckons", "mentioned", "asked", "wrote", "rang", "phoned"}:
        return prev not in DETERMINERS  # "cooper asked", not "the bill asked", "no joy rang"
    if doc[i].lower_ in VERB_FORMS or doc[i].lower_.endswith("ed"):
        return False  # "my sister said", "the manager decided"
    if prev in {"i'm", "called", "named"}:
        return True
    if prev == "by" and i > 1 and doc[i - 2].lower_ in DONE_BY:
        return True  # "its chaired by joy", "set up by hope in housing"
    otter_im = prev == "im" or (prev == "m" and i > 1 and doc[i - 2].lower_ == "i")
    if otter_im and nxt in INTRO_AFTER:
        return True  # "im dawn i work for...": spaCy splits Otter's "im" into "i", "m"
    if nxt == "the" and any(
        doc[x].lower_ in ROLE_AFTER_THE for x in range(j + 1, min(j + 4, len(doc)))
    ):
        return True  # "he went to dan the gmb rep", "he told tommo the supervisor"
    if prev == "am" and 1 < i <= 8 and doc[i - 2].lower_ == "i":
        return True  # introductions opening a turn: "good morning i am gift i coordinate"
    greeting = {"hi", "hello", "hiya", "morning", "afternoon", "evening"}
    if prev in greeting or (
        prev in {"everyone", "everybody", "all"} and i > 1 and doc[i - 2].lower_ in greeting
    ):
        return True  # "hi everyone precious i work in housing"
    # after who they are: "my assessor hope is amazing", "my manager rose said" (a word-name or
    # a word in no list; not "the supervisor job")
    named = doc[i].lower_ in WORD_NAMES or not is_vocabulary(doc[i].lower_)
    if named and prev in {"colleague", "manager", "supervisor", "boss"}:
        return True
    if named and prev in ROLES_BEFORE | POSTS and i > 1 and doc[i - 2].lower_ in {
        "my", "our", "the", "his", "her", "their", "your", "colleague", "manager",
        "branch", "union", "network", "team", "line", "deputy", "assistant", "senior", "acting",
    }:  # fmt: skip
        return True  # "the branch secretary pauline", "our team leader bill"
    if prev == "," and i > 1 and doc[i - 2].lower_ in {"colleague", "manager", "supervisor"}:
        return True
    if prev in SUBJECTS:  # "i hope from the start...": a verb after its subject
        return False
    if prev == "," and nxt == "," and after in {"he", "she"}:
        return True  # "the other guy on the panel, bill, he sort of looked away"
    if prev in QUANTIFIERS:
        return False  # "got no joy from HR", "a bit of help from the union"
    return (
        nxt == "from" and after in {"the", "my", "our", "hr", "it", "payroll", "finance"} | UNIONS
    )


def nlp_doc(nlp_artifacts: Any) -> Any:
    """The spaCy Doc of the artifacts (None when Presidio gave none)."""
    return getattr(nlp_artifacts, "tokens", None) if nlp_artifacts is not None else None
