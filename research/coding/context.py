"""Context of each turn: the facilitator's prompts in force and the previous participant's words.

Focus groups follow a topic guide, and short answers ("Yeah, same for me.") mean what the
question or the previous speaker meant, so the coder scores a segment with this context too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MIN_PROMPT_WORDS = 6


def recent_questions(turns: Sequence[tuple[bool, str]]) -> list[str]:
    """For (is_facilitator, text) turns in order: the prompt in force at each turn.

    The prompt is the last facilitator turn that asks something (has a '?') or, failing that,
    says enough to steer the talk; backchannel ("Mm-hm.") does not replace it. Only the final
    question of a long facilitator turn is kept, so welcomes and housekeeping do not dilute it.
    """
    out, current = [], ""
    for is_fac, text in turns:
        out.append(current)
        if not is_fac:
            continue
        text = " ".join(text.split())
        if "?" in text:
            current = _last_question(text)
        elif len(text.split()) >= MIN_PROMPT_WORDS:
            current = text
    return out


@dataclass(frozen=True)
class TurnContext:
    question: str = ""  # the prompt in force (see recent_questions)
    prior_question: str = ""  # the prompt before it (a follow-up's topic question)
    previous: str = ""  # the previous participant turn since the last prompt, if any


def turn_contexts(turns: Sequence[tuple[bool, str]]) -> list[TurnContext]:
    """For (is_facilitator, text) turns in order: each turn's TurnContext.

    `previous` is the last participant turn of at least MIN_PROMPT_WORDS words; it is kept
    across facilitator backchannel but reset by a new prompt.
    """
    questions = recent_questions(turns)
    out: list[TurnContext] = []
    prior, previous = "", ""
    for (is_fac, text), q in zip(turns, questions, strict=True):
        if out and q != out[-1].question:
            prior = out[-1].question
            previous = ""
        out.append(TurnContext(q, prior, previous))
        text = " ".join(text.split())
        if not is_fac and len(text.split()) >= MIN_PROMPT_WORDS:
            previous = text
    return out


def _last_question(text: str) -> str:
    """The sentence(s) ending in the last '?', up to about 40 words."""
    from research.coding.segments import split_sentences

    sentences = split_sentences(text[: text.rfind("?") + 1])
    picked: list[str] = []
    for s in reversed(sentences):
        picked.insert(0, s)
        if len(" ".join(picked).split()) >= 12 or "?" not in s:
            break
    return " ".join(picked[-3:])
