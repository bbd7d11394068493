"""The quiz form: each question as the learner's browser gets it, bound to a refused submission."""

import random

from assessments.grading import FIELD_PREFIX


def question_fields(quiz, *, seed: str, submitted=None, errors=None) -> list:
    """The questions as the form shows them: texts and ids only, in a stable shuffled order.

    `submitted` (a QueryDict) and `errors` (question id → message) come from a refused
    submission, so the learner sees their answers again with each problem beside its question.
    """
    rng = random.Random(seed)
    errors = errors or {}
    questions = []
    for question in quiz.questions:
        field = FIELD_PREFIX + question.id
        chosen = list(submitted.getlist(field)) if hasattr(submitted, "getlist") else []
        options = question.block.form_options(question.value, chosen=chosen, rng=rng if quiz.shuffle_options else None)
        questions.append(
            {
                "id": question.id,
                "field": field,
                "kind": question.block_type,
                "prompt": question.value["prompt"],
                "error": errors.get(question.id, ""),
                "value": chosen[0] if chosen else "",
                "unit": question.block.form_unit(question.value),
                "options": options,
            }
        )
    if quiz.shuffle_questions:
        rng.shuffle(questions)
    return questions
