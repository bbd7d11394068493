"""Quiz questions as StreamField blocks. Block and option ids are stable, so answers can point at them.

Nothing here is rendered as-is to a learner: templates show the question text and option
text only, never `is_correct` or feedback, until an attempt has been submitted.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, label=_("Option"))
    is_correct = blocks.BooleanBlock(required=False, label=_("Correct"))
    feedback = blocks.TextBlock(required=False, max_length=600, label=_("Feedback when chosen"))


class QuestionBase(blocks.StructBlock):
    prompt = blocks.TextBlock(max_length=1000, label=_("Question"))
    feedback = blocks.TextBlock(
        required=False, max_length=1000, label=_("Explanation"), help_text=_("Shown after the attempt.")
    )


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


class NumericBlock(QuestionBase):
    answer = blocks.DecimalBlock(max_digits=14, decimal_places=4, label=_("Correct answer"))
    tolerance = blocks.DecimalBlock(
        min_value=0, max_digits=14, decimal_places=4, default=0, label=_("Accepted difference (±)")
    )
    unit = blocks.CharBlock(required=False, max_length=30, label=_("Unit shown after the field"))

    class Meta:
        icon = "plus-inverse"
        label = _("Number")


class QuestionStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    true_false = TrueFalseBlock()
    numeric = NumericBlock()

    class Meta:
        min_num = 1
        max_num = 60
