"""Reading and grading a submission against a quiz's questions: pure functions, no database.

Each question block (assessments.blocks) reads and grades its own answer; this module runs them
over a submission and holds what they share: number parsing, the errors, the graded answer.
"""

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


class AnswerInvalid(Exception):
    """The answer to one question cannot be graded; the message is for the learner."""


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
    """The quiz's questions (bound blocks: id, block, value), in the editor's order."""
    return list(quiz.questions)


def read_submission(questions, data) -> dict:
    """Each question id with the learner's answer as its question reads it; raises SubmissionError.

    `data` is a QueryDict (or a dict of lists). Unknown fields, options of another question,
    repeated options, several options for a single-choice question, unparseable or absurd
    numbers are all refused with a message; unanswered questions too.
    """
    known = {question.id for question in questions}
    unknown = [name for name in data.keys() if name.startswith(FIELD_PREFIX) and name[len(FIELD_PREFIX) :] not in known]
    if unknown:
        raise SubmissionError(_("This form does not match the quiz any more. Reload the page and try again."))

    answers, errors = {}, {}
    for question in questions:
        raw = [item.strip() for item in _getlist(data, FIELD_PREFIX + question.id) if item.strip()]
        if not raw:
            errors[question.id] = _("Answer this question.")
            continue
        if any(len(item) > MAX_FIELD_LENGTH for item in raw):
            errors[question.id] = _("This answer is too long.")
            continue
        try:
            answers[question.id] = question.block.answer_read(question.value, raw)
        except AnswerInvalid as error:
            errors[question.id] = str(error)
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
    for question in questions:
        result = question.block.answer_grade(
            question.value, answers[question.id], question_id=question.id, scoring=scoring
        )
        result.is_correct = result.points == 1
        graded.append(result)
    return graded


def score_percent(graded) -> Decimal:
    if not graded:
        return Decimal(0)
    total = sum((answer.points for answer in graded), Decimal(0))
    return (total * 100 / len(graded)).quantize(Decimal("0.01"))


def _getlist(data, name):
    if hasattr(data, "getlist"):
        return data.getlist(name)
    value = data.get(name, [])
    return value if isinstance(value, list) else [value]
