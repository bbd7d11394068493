"""Quiz questions as StreamField blocks. Block and option ids are stable, so answers can point at them.

Each kind of question reads a learner's answer from the form, grades it, and describes itself
for the quiz form and the report, so no code elsewhere tells the kinds apart.

Nothing here is rendered as-is to a learner: templates show the question text and option
text only, never `is_correct` or feedback, until an attempt has been submitted.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from assessments.grading import (
    MAX_DECIMAL_PLACES,
    AnswerInvalid,
    GradedAnswer,
    SubmissionError,
    number_in_bounds,
    parse_number,
)


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, label=_("Option"))
    is_correct = blocks.BooleanBlock(required=False, label=_("Correct"))
    feedback = blocks.TextBlock(required=False, max_length=600, label=_("Feedback when chosen"))


class QuestionBase(blocks.StructBlock):
    prompt = blocks.TextBlock(max_length=1000, label=_("Question"))
    feedback = blocks.TextBlock(
        required=False, max_length=1000, label=_("Explanation"), help_text=_("Shown after the attempt.")
    )

    def answer_read(self, value, raw: list):
        """The answer from the form's non-empty values; raises AnswerInvalid, or SubmissionError if tampered."""
        raise NotImplementedError

    def answer_grade(self, value, answer, *, question_id: str, scoring: str) -> GradedAnswer:
        """The answer graded: points between 0 and 1, what was answered, feedback and the correct answer."""
        raise NotImplementedError

    def form_options(self, value, *, chosen: list, rng=None) -> list:
        """The choices the form offers ({id, text, selected}), texts only: never which is correct.

        Shuffled by `rng` (a random.Random) where the order of the choices means nothing.
        """
        return []

    def form_unit(self, value) -> str:
        """The unit shown after the answer field, if any."""
        return ""

    def report_options(self, value) -> list:
        """(id, text, is_correct) for each answer the report counts picks of."""
        return []


class ChoiceQuestionBlock(QuestionBase):
    options = blocks.ListBlock(OptionBlock(), min_num=2, max_num=10, label=_("Options"))

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for option in value["options"] if option["is_correct"])
        if correct < 1:
            raise blocks.StructBlockValidationError(
                block_errors={"options": ValidationError(_("Mark at least one option as correct."))}
            )
        if self.single_answer and correct != 1:
            raise blocks.StructBlockValidationError(
                block_errors={"options": ValidationError(_("A single-choice question has exactly one correct option."))}
            )
        return value

    def answer_read(self, value, raw):
        option_ids = {option.id for option in value["options"].bound_blocks}
        if any(choice not in option_ids for choice in raw):
            raise SubmissionError(
                gettext("One of your answers does not belong to this quiz. Reload the page and try again.")
            )
        if len(set(raw)) != len(raw):
            raise AnswerInvalid(gettext("Choose each option only once."))
        if self.single_answer and len(raw) > 1:
            raise AnswerInvalid(gettext("Choose one option."))
        return raw

    def answer_grade(self, value, answer, *, question_id, scoring):
        options = {option.id: option.value for option in value["options"].bound_blocks}
        ordered = [option.id for option in value["options"].bound_blocks]
        chosen = [option_id for option_id in ordered if option_id in answer]
        correct = {option_id for option_id, option in options.items() if option["is_correct"]}
        picked_right = len(correct & set(chosen))
        picked_wrong = len(set(chosen) - correct)
        if self.single_answer or scoring != "partial":
            points = Decimal(1) if set(chosen) == correct else Decimal(0)
        else:
            points = max(Decimal(0), Decimal(picked_right - picked_wrong) / len(correct)).quantize(Decimal("0.0001"))
        notes = [options[option_id]["feedback"] for option_id in chosen if options[option_id]["feedback"]]
        return GradedAnswer(
            question_id=question_id,
            question_type=self.name,
            prompt=value["prompt"],
            option_ids=chosen,
            answer_text="; ".join(options[option_id]["text"] for option_id in chosen),
            points=points,
            feedback="\n".join([*notes, value["feedback"]]).strip(),
            correct_answer_text="; ".join(options[option_id]["text"] for option_id in ordered if option_id in correct),
        )

    def form_options(self, value, *, chosen, rng=None):
        options = [
            {"id": child.id, "text": child.value["text"], "selected": child.id in chosen}
            for child in value["options"].bound_blocks
        ]
        if rng is not None:
            rng.shuffle(options)
        return options

    def report_options(self, value):
        return [(child.id, child.value["text"], child.value["is_correct"]) for child in value["options"].bound_blocks]


class SingleChoiceBlock(ChoiceQuestionBlock):
    single_answer = True

    class Meta:
        icon = "radio-full"
        label = _("Single choice")


class MultipleChoiceBlock(ChoiceQuestionBlock):
    single_answer = False

    class Meta:
        icon = "tasks"
        label = _("Multiple choice")


class TrueFalseBlock(QuestionBase):
    is_true = blocks.BooleanBlock(required=False, label=_("The statement is true"))
    feedback_true = blocks.TextBlock(required=False, max_length=600, label=_("Feedback when answered 'true'"))
    feedback_false = blocks.TextBlock(required=False, max_length=600, label=_("Feedback when answered 'false'"))

    class Meta:
        icon = "check"
        label = _("True or false")

    def answer_read(self, value, raw):
        if len(raw) != 1 or raw[0] not in ("true", "false"):
            raise AnswerInvalid(gettext("Choose true or false."))
        return raw[0]

    def answer_grade(self, value, answer, *, question_id, scoring):
        said_true = answer == "true"
        note = value["feedback_true"] if said_true else value["feedback_false"]
        return GradedAnswer(
            question_id=question_id,
            question_type=self.name,
            prompt=value["prompt"],
            value=answer,
            answer_text=gettext("True") if said_true else gettext("False"),
            points=Decimal(1) if said_true == bool(value["is_true"]) else Decimal(0),
            feedback="\n".join(part for part in (note, value["feedback"]) if part),
            correct_answer_text=gettext("True") if value["is_true"] else gettext("False"),
        )

    def form_options(self, value, *, chosen, rng=None):
        # Always true, then false; the template words them in the learner's language.
        return [
            {"id": "true", "text": None, "selected": "true" in chosen},
            {"id": "false", "text": None, "selected": "false" in chosen},
        ]

    def report_options(self, value):
        return [("true", _("True"), bool(value["is_true"])), ("false", _("False"), not value["is_true"])]


class NumericBlock(QuestionBase):
    answer = blocks.DecimalBlock(max_digits=14, decimal_places=4, label=_("Correct answer"))
    tolerance = blocks.DecimalBlock(
        min_value=0, max_digits=14, decimal_places=4, default=0, label=_("Accepted difference (±)")
    )
    unit = blocks.CharBlock(required=False, max_length=30, label=_("Unit shown after the field"))

    class Meta:
        icon = "plus-inverse"
        label = _("Number")

    def answer_read(self, value, raw):
        if len(raw) != 1:
            raise AnswerInvalid(gettext("Enter one number."))
        number = parse_number(raw[0])
        if number is None:
            raise AnswerInvalid(gettext("Enter a number, for example 12.5."))
        if not number_in_bounds(number):
            raise AnswerInvalid(
                gettext("Enter a number smaller than a million million, with at most %(places)d decimal places.")
                % {"places": MAX_DECIMAL_PLACES}
            )
        return number

    def answer_grade(self, value, answer, *, question_id, scoring):
        target = Decimal(value["answer"])
        tolerance = Decimal(value["tolerance"] or 0)
        unit = f" {value['unit']}" if value.get("unit") else ""
        shown = f"{target.normalize():f}{unit}"
        return GradedAnswer(
            question_id=question_id,
            question_type=self.name,
            prompt=value["prompt"],
            value=str(answer),
            answer_text=f"{answer.normalize():f}{unit}",
            points=Decimal(1) if abs(answer - target) <= tolerance else Decimal(0),
            feedback=value["feedback"] or "",
            correct_answer_text=f"{shown} (± {tolerance.normalize():f})" if tolerance else shown,
        )

    def form_unit(self, value):
        return value.get("unit", "")


class QuestionStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    true_false = TrueFalseBlock()
    numeric = NumericBlock()

    class Meta:
        min_num = 1
        max_num = 60
