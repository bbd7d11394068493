"""Raw quiz questions with fixed ids, for tests: q_single(), q_multiple(), q_true_false(), q_numeric()."""

import itertools

_seq = itertools.count(1)


def _id(prefix):
    return f"{prefix}-{next(_seq)}"


def option(text, correct=False, feedback=""):
    return {"type": "item", "id": _id("opt"), "value": {"text": text, "is_correct": correct, "feedback": feedback}}


def q_single(prompt="Which cost is an overhead?", options=None, feedback="Rent is paid even on a quiet day."):
    options = options or [option("Rent", True, "Yes: rent is paid every month."), option("Flour"), option("Thread")]
    return {"type": "single_choice", "id": _id("q"), "value": {"prompt": prompt, "feedback": feedback, "options": options}}


def q_multiple(prompt="Which are materials?", options=None, feedback="Materials go into the product."):
    options = options or [option("Fabric", True), option("Buttons", True), option("Rent"), option("Electricity")]
    return {"type": "multiple_choice", "id": _id("q"), "value": {"prompt": prompt, "feedback": feedback, "options": options}}


def q_true_false(prompt="Your own time is a cost.", is_true=True, feedback="Pay yourself."):
    return {
        "type": "true_false",
        "id": _id("q"),
        "value": {"prompt": prompt, "is_true": is_true, "feedback": feedback, "feedback_true": "", "feedback_false": "Think again."},
    }


def q_numeric(prompt="What is 560 + 450 + 150?", answer="1160", tolerance="0", unit="KES", feedback="Add all three."):
    return {
        "type": "numeric",
        "id": _id("q"),
        "value": {"prompt": prompt, "answer": answer, "tolerance": tolerance, "unit": unit, "feedback": feedback},
    }


def option_ids(question, correct=None):
    """Ids of a raw question's options: all, or only the correct (True) or wrong (False) ones."""
    return [
        item["id"]
        for item in question["value"]["options"]
        if correct is None or item["value"]["is_correct"] == correct
    ]
