"""The facilitator's most recent question before each turn (focus groups follow a topic guide)."""

from __future__ import annotations

from collections.abc import Sequence

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
