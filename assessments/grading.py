"""Reading and grading a submission against a quiz's questions: pure functions, no database."""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

FIELD_PREFIX = "q-"
_GROUPED_COMMAS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")
_GROUPED_DOTS = re.compile(r"^-?\d{1,3}(\.\d{3})+,\d+$")
# A number answer is finite, below MAX_NUMBER in size and has at most MAX_DECIMAL_PLACES
# decimals, so its stored and shown forms stay short ("1e-1000025" would print a million digits).
MAX_NUMBER = Decimal("1e12")
MAX_DECIMAL_PLACES = 8
MAX_TYPED_LENGTH = 40
# Any one answer field: longer input is refused, never stored.
MAX_FIELD_LENGTH = 200


class SubmissionError(Exception):
    """The submission cannot be graded; `errors` maps question ids to messages for the learner."""

    def __init__(self, message, errors=None):
        super().__init__(message)
        self.errors = errors or {}


@dataclass
class GradedAnswer:
    question_id: str
    question_type: str
    prompt: str
    option_ids: list = field(default_factory=list)
    value: str = ""
    answer_text: str = ""
    points: Decimal = Decimal(0)
    is_correct: bool = False
    feedback: str = ""
    correct_answer_text: str = ""


def questions_of(quiz) -> list:
    """(id, type, value) for each question of the quiz, in the editor's order."""
    return [(block.id, block.block_type, block.value) for block in quiz.questions]


def read_submission(questions, data) -> dict:
    """Each question id with the learner's raw answer, checked for shape; raises SubmissionError.

    `data` is a QueryDict (or a dict of lists). Unknown fields, options of another question,
    repeated options, several options for a single-choice question, unparseable or absurd
    numbers are all refused with a message; unanswered questions too.
    """
    known = {question_id for question_id, _type, _value in questions}
    unknown = [
        name for name in data.keys() if name.startswith(FIELD_PREFIX) and name[len(FIELD_PREFIX):] not in known
    ]
    if unknown:
        raise SubmissionError(_("This form does not match the quiz any more. Reload the page and try again."))

    answers, errors = {}, {}
    for question_id, kind, value in questions:
        raw = [item.strip() for item in _getlist(data, FIELD_PREFIX + question_id) if item.strip()]
        if not raw:
            errors[question_id] = _("Answer this question.")
            continue
        if any(len(item) > MAX_FIELD_LENGTH for item in raw):
            errors[question_id] = _("This answer is too long.")
            continue
        if kind in ("single_choice", "multiple_choice"):
            option_ids = {option.id for option in value["options"].bound_blocks}
            if any(choice not in option_ids for choice in raw):
                raise SubmissionError(_("One of your answers does not belong to this quiz. Reload the page and try again."))
            if len(set(raw)) != len(raw):
                errors[question_id] = _("Choose each option only once.")
            elif kind == "single_choice" and len(raw) > 1:
                errors[question_id] = _("Choose one option.")
            else:
                answers[question_id] = raw
        elif kind == "true_false":
            if len(raw) != 1 or raw[0] not in ("true", "false"):
                errors[question_id] = _("Choose true or false.")
            else:
                answers[question_id] = raw[0]
        elif kind == "numeric":
            if len(raw) != 1:
                errors[question_id] = _("Enter one number.")
                continue
            number = parse_number(raw[0])
            if number is None:
                errors[question_id] = _("Enter a number, for example 12.5.")
            elif not number_in_bounds(number):
                errors[question_id] = _(
                    "Enter a number smaller than a million million, with at most %(places)d decimal places."
                ) % {"places": MAX_DECIMAL_PLACES}
            else:
                answers[question_id] = number
    if errors:
        raise SubmissionError(
            _("Some answers are missing or need a second look. Nothing was submitted."), errors=errors
        )
    return answers


def parse_number(text: str) -> Decimal | None:
    """A finite number from what a learner typed (a comma decimal is fine); see number_in_bounds for size."""
    # Arabic decimal and thousands separators, then spaces and apostrophes used to group digits.
    text = text.replace("\u066b", ".").replace("\u066c", ",")
    text = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("'", "")
    if not text or len(text) > MAX_TYPED_LENGTH:
        return None
    if _GROUPED_COMMAS.match(text):  # 1,600 or 12,500.75
        text = text.replace(",", "")
    elif _GROUPED_DOTS.match(text):  # 1.600,5 as written in much of Europe and Latin America
        text = text.replace(".", "").replace(",", ".")
    elif text.count(",") == 1 and "." not in text:  # 12,5
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    return number


def number_in_bounds(number: Decimal) -> bool:
    """True if `number` is below MAX_NUMBER in size with at most MAX_DECIMAL_PLACES decimals.

    Reads the digits and exponent alone: Decimal arithmetic would round or underflow an
    exponent like -10**17 instead of refusing it.
    """
    _sign, digits, exponent = number.as_tuple()
    digits = list(digits)
    while len(digits) > 1 and digits[-1] == 0:
        digits.pop()
        exponent += 1
    if not any(digits):
        return True
    return exponent >= -MAX_DECIMAL_PLACES and len(digits) - 1 + exponent < MAX_NUMBER.adjusted()


def grade(questions, answers, *, scoring: str) -> list:
    """One GradedAnswer per question, with points between 0 and 1."""
    graded = []
    for question_id, kind, value in questions:
        answer = answers[question_id]
        result = GradedAnswer(question_id=question_id, question_type=kind, prompt=value["prompt"])
        if kind in ("single_choice", "multiple_choice"):
            _grade_choice(result, value, answer, kind, scoring)
        elif kind == "true_false":
            _grade_true_false(result, value, answer)
        else:
            _grade_numeric(result, value, answer)
        result.is_correct = result.points == 1
        graded.append(result)
    return graded


def score_percent(graded) -> Decimal:
    if not graded:
        return Decimal(0)
    total = sum((answer.points for answer in graded), Decimal(0))
    return (total * 100 / len(graded)).quantize(Decimal("0.01"))


def _grade_choice(result, value, chosen_ids, kind, scoring):
    options = {option.id: option.value for option in value["options"].bound_blocks}
    ordered = [option.id for option in value["options"].bound_blocks]
    chosen = [option_id for option_id in ordered if option_id in chosen_ids]
    correct = {option_id for option_id, option in options.items() if option["is_correct"]}
    picked_right = len(correct & set(chosen))
    picked_wrong = len(set(chosen) - correct)
    if kind == "single_choice" or scoring != "partial":
        points = Decimal(1) if set(chosen) == correct else Decimal(0)
    else:
        points = max(Decimal(0), Decimal(picked_right - picked_wrong) / len(correct)).quantize(Decimal("0.0001"))
    result.option_ids = chosen
    result.answer_text = "; ".join(options[option_id]["text"] for option_id in chosen)
    result.points = points
    notes = [options[option_id]["feedback"] for option_id in chosen if options[option_id]["feedback"]]
    result.feedback = "\n".join([*notes, value["feedback"]]).strip()
    result.correct_answer_text = "; ".join(options[option_id]["text"] for option_id in ordered if option_id in correct)


def _grade_true_false(result, value, answer):
    said_true = answer == "true"
    result.value = answer
    result.answer_text = _("True") if said_true else _("False")
    result.points = Decimal(1) if said_true == bool(value["is_true"]) else Decimal(0)
    note = value["feedback_true"] if said_true else value["feedback_false"]
    result.feedback = "\n".join(part for part in (note, value["feedback"]) if part)
    result.correct_answer_text = _("True") if value["is_true"] else _("False")


def _grade_numeric(result, value, number):
    target = Decimal(value["answer"])
    tolerance = Decimal(value["tolerance"] or 0)
    unit = f" {value['unit']}" if value.get("unit") else ""
    result.value = str(number)
    result.answer_text = f"{number.normalize():f}{unit}"
    result.points = Decimal(1) if abs(number - target) <= tolerance else Decimal(0)
    result.feedback = value["feedback"] or ""
    shown = f"{target.normalize():f}{unit}"
    result.correct_answer_text = f"{shown} (± {tolerance.normalize():f})" if tolerance else shown


def _getlist(data, name):
    if hasattr(data, "getlist"):
        return data.getlist(name)
    value = data.get(name, [])
    return value if isinstance(value, list) else [value]
