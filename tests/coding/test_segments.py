from research.coding.context import recent_questions
from research.coding.segments import split_sentences, split_turn, sync_segments

from .conftest import fill_project


def test_split_sentences():
    assert split_sentences("Yes. I did! Did you? [Person 1] said so.") == [
        "Yes.", "I did!", "Did you?", "[Person 1] said so."
    ]  # fmt: skip
    assert split_sentences("e.g. the form") == ["e.g. the form"]


def test_short_turn_is_one_segment():
    parts = split_turn("Just a short turn.", 1.0, 2.0)
    assert [(p.text, p.start, p.end) for p in parts] == [("Just a short turn.", 1.0, 2.0)]


def test_long_turn_splits_at_sentence_boundaries_with_times():
    sentence = "This sentence has exactly ten words in it, you see. "
    text = sentence * 30  # 300 words
    parts = split_turn(text, 0.0, 300.0)
    assert len(parts) >= 3
    assert all(p.text.endswith("see.") for p in parts)
    assert " ".join(p.text for p in parts) == " ".join(text.split())
    assert all(len(p.text.split()) <= 120 for p in parts)
    assert parts[0].start == 0.0 and parts[-1].end == 300.0
    assert all(a.end <= b.start + 1e-6 for a, b in zip(parts, parts[1:], strict=False))


def test_sync_is_idempotent_and_marks_facilitators(project):
    fill_project(project)
    n = sync_segments(project)
    assert n == 9
    assert sync_segments(project) == 0
    rows = project.db.execute(
        "SELECT utt_idx, is_facilitator FROM segments ORDER BY utt_idx"
    ).fetchall()
    assert [r["is_facilitator"] for r in rows] == [1, 0, 1, 0, 0, 0, 1, 0, 0]


def test_sync_keeps_ids_and_codings_when_text_changes(project):
    fill_project(project)
    sync_segments(project)
    db = project.db
    seg = db.execute("SELECT id FROM segments WHERE utt_idx = 3").fetchone()["id"]
    db.execute("INSERT INTO codes (id, name) VALUES ('recruitment', 'R')")
    db.execute(
        "INSERT INTO codings (segment_id, code_id, coder, method, status, created_at, updated_at)"
        " VALUES (?, 'recruitment', 'alice', 'manual', 'applied', 'x', 'x')",
        (seg,),
    )
    db.execute("UPDATE utterances SET text = 'The form was long, said [Person 2].' WHERE idx = 3")
    assert sync_segments(project) == 1
    row = db.execute("SELECT id, text FROM segments WHERE utt_idx = 3").fetchone()
    assert row["id"] == seg and row["text"] == "The form was long, said [Person 2]."
    assert (
        db.execute("SELECT COUNT(*) FROM codings WHERE segment_id = ?", (seg,)).fetchone()[0] == 1
    )


def test_resplit_moves_codings_to_remaining_part(project):
    long = " ".join(["Sentence number one goes on for a while here."] * 30)
    fill_project(project, [("F1", "Question?"), ("P01", long)])
    sync_segments(project)
    db = project.db
    last = db.execute(
        "SELECT id, seg_no FROM segments WHERE utt_idx = 1 ORDER BY seg_no DESC"
    ).fetchone()
    assert last["seg_no"] >= 2
    db.execute("INSERT INTO codes (id, name) VALUES ('training', 'T')")
    db.execute(
        "INSERT INTO codings (segment_id, code_id, coder, method, status, created_at, updated_at)"
        " VALUES (?, 'training', 'alice', 'manual', 'applied', 'x', 'x')",
        (last["id"],),
    )
    db.execute("UPDATE utterances SET text = 'Now it is short.' WHERE idx = 1")
    sync_segments(project)
    rows = db.execute("SELECT id FROM segments WHERE utt_idx = 1").fetchall()
    assert len(rows) == 1
    moved = db.execute("SELECT segment_id FROM codings WHERE coder = 'alice'").fetchone()
    assert moved["segment_id"] == rows[0]["id"]


def test_recent_questions_skip_backchannel():
    turns = [
        (True, "Welcome all. How did you find recruitment?"),
        (False, "Fine."),
        (True, "Mm-hm."),
        (False, "Really fine."),
        (True, "Thanks. Now training and development, what has it been like for you?"),
        (False, "Good."),
    ]
    q = recent_questions(turns)
    assert q[0] == ""
    assert q[1] == q[3] == "Welcome all. How did you find recruitment?"
    assert "training and development" in q[5]


def test_turn_contexts_track_prompt_prior_prompt_and_previous_answer():
    from research.coding.context import turn_contexts

    turns = [
        (True, "Let's start with recruitment. How did you get your job here?"),
        (False, "Through an agency, they kept me on after six months."),
        (False, "Yeah, same for me."),
        (True, "Mm-hm."),
        (False, "Word of mouth, my cousin told me about it."),
        (True, "Who aren't you reaching?"),
        (False, "Young people."),
    ]
    ctx = turn_contexts(turns)
    q1 = "Let's start with recruitment. How did you get your job here?"
    assert ctx[1].question == q1 and ctx[1].previous == "" and ctx[1].prior_question == ""
    assert ctx[2].previous == "Through an agency, they kept me on after six months."
    # Backchannel does not reset the previous answer; short answers do not replace it.
    assert ctx[4].previous == ctx[2].previous and ctx[4].question == q1
    assert ctx[6].question == "Who aren't you reaching?"
    assert ctx[6].prior_question == q1 and ctx[6].previous == ""
