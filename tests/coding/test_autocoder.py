from research.coding.autocoder import AutoCoder, Example, Item
from research.coding.codebook import parse_codebook

from .conftest import FakeEncoder

BOOK = parse_codebook(
    """
codes:
  - id: recruitment
    name: Recruitment
    description: application form interview panel shortlisting recruitment job
    examples: ["the application form and interview panel", "recruitment shortlisting job advert"]
  - id: training
    name: Training
    description: training course mentoring development e-learning
    examples: ["the training course and mentoring", "e-learning development course"]
"""
)


def coder():
    return AutoCoder(BOOK, FakeEncoder())


def test_topical_segments_get_their_code_and_small_talk_none():
    items = [
        Item(1, "The interview panel and the application form were awful for recruitment."),
        Item(2, "I never got on a training course or any mentoring for development."),
        Item(3, "Yeah."),
        Item(4, "Sorry, you're on mute."),
    ]
    out = coder().suggest(items)
    assert set(out[0].codes) == {"recruitment"}
    assert set(out[1].codes) == {"training"}
    assert out[2].codes == {} and out[3].codes == {}
    assert all(0.5 <= v <= 1 for v in out[0].codes.values())
    assert out[0].scores["training"] < 0.5


def test_facilitator_question_steers_an_ambiguous_answer():
    q_rec = "How did you find the recruitment application form and interview panel?"
    q_tr = "What about the training course, mentoring and e-learning development?"
    text = "Honestly it was hard work, the whole thing took months and months."
    a, b = coder().suggest([Item(1, text, question=q_rec), Item(2, text, question=q_tr)])
    assert a.scores["recruitment"] > a.scores["training"]
    assert b.scores["training"] > b.scores["recruitment"]


def test_facilitator_items_get_no_codes():
    (s,) = coder().suggest(
        [Item(1, "The interview panel for the recruitment job.", is_facilitator=True)]
    )
    assert s.codes == {} and s.scores["recruitment"] > 0.5


def test_few_shot_learns_from_confirmed_examples():
    # Zero-shot cannot know that talk of "rota" and "cover" is about training here.
    probe = Item(99, "There is never rota cover so nobody can be released.")
    c = coder()
    assert "training" not in c.suggest([probe])[0].codes
    examples = [
        Example(Item(i, f"No rota cover to be released, week {i} again."), {"training"})
        for i in range(40)
    ] + [
        Example(Item(100 + i, f"The interview panel was unfair, form number {i}."), {"recruitment"})
        for i in range(40)
    ]
    assert c.fit_examples(examples) == 80
    assert c.examples_used == 80 and c.positives == {"recruitment": 40, "training": 40}
    assert "training" in c.suggest([probe])[0].codes


def test_the_previous_answer_steers_a_vague_follow_on():
    q = "Anything else on that?"
    prev_rec = "The interview panel and the application form were awful for recruitment."
    prev_tr = "I never got on a training course or any mentoring for development."
    short = "Honestly it was the same story for me, months and months of it."
    a, b = coder().suggest(
        [
            Item(1, short, question=q, previous=prev_rec),
            Item(2, short, question=q, previous=prev_tr),
        ]
    )
    assert a.scores["recruitment"] > a.scores["training"]
    assert b.scores["training"] > b.scores["recruitment"]
