"""Quizzes as pages inside a course module; attempts and answers as learning records."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from assessments.blocks import QuestionStreamBlock
from assessments.forms import question_fields
from courses.models import CourseStep


class MultipleChoiceScoring(models.TextChoices):
    ALL_OR_NOTHING = "all_or_nothing", _("All correct options required")
    PARTIAL = "partial", _("Partial credit (wrong picks cancel right ones)")


class AnswerReveal(models.TextChoices):
    """When an attempt's review shows the correct answers."""

    NEVER = "never", _("Never")
    AFTER_PASS = "after_pass", _("After the learner passes")
    AFTER_LAST_ATTEMPT = "after_last_attempt", _("After a pass or the last allowed attempt")


class QuizPage(CourseStep):
    """A quiz graded on the server. Its questions never reach a browser before an attempt."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    questions = StreamField(QuestionStreamBlock(), verbose_name=_("questions"))
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Leave empty for unlimited attempts."),
    )
    multiple_choice_scoring = models.CharField(
        _("multiple-choice scoring"),
        max_length=20,
        choices=MultipleChoiceScoring.choices,
        default=MultipleChoiceScoring.ALL_OR_NOTHING,
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_options = models.BooleanField(_("shuffle options"), default=True)
    reveal_answers = models.CharField(
        _("show correct answers in reviews"),
        max_length=20,
        choices=AnswerReveal.choices,
        default=AnswerReveal.AFTER_LAST_ATTEMPT,
    )
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("questions"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("max_attempts"),
                FieldPanel("multiple_choice_scoring"),
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_options"),
                FieldPanel("reveal_answers"),
                FieldPanel("is_required"),
                FieldPanel("estimated_minutes"),
            ],
            heading=_("Rules"),
        ),
    ]
    # Nothing of the questions is indexed: search must never show an answer.
    search_fields = Page.search_fields

    step_kind = "quiz"
    locked_heading = _("This quiz is for enrolled learners")

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def detail_get(self, *, user, is_preview: bool = False):
        from assessments import selectors  # assessments.selectors reads these models: a cycle within the app

        return selectors.quiz_detail_get(quiz=self, user=user, is_preview=is_preview)

    def get_context(self, request, *args, detail=None, submitted=None, errors=None, **kwargs):
        """The step's context, with the questions to answer bound to a refused submission's values and errors."""
        context = super().get_context(request, *args, detail=detail, **kwargs)
        detail = context["step"]
        context["questions"] = (
            question_fields(self, seed=detail.question_seed, submitted=submitted, errors=errors)
            if detail.shows_questions
            else []
        )
        return context


class QuizAttempt(models.Model):
    """One graded submission of a quiz by a learner; numbered 1, 2, 3… per learner and quiz."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts", verbose_name=_("learner")
    )
    quiz_key = models.UUIDField(_("quiz translation key"), db_index=True)
    quiz = models.ForeignKey(
        QuizPage, on_delete=models.SET_NULL, null=True, blank=True, related_name="attempts", verbose_name=_("quiz")
    )
    quiz_title = models.CharField(_("quiz title when taken"), max_length=255)
    number = models.PositiveSmallIntegerField(_("attempt number"))
    score = models.DecimalField(_("score (%)"), max_digits=5, decimal_places=2)
    passed = models.BooleanField(_("passed"))
    pass_mark = models.PositiveSmallIntegerField(_("pass mark when taken (%)"))
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "quiz_key", "number"], name="assessments_quizattempt_number_unique_per_learner_quiz"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=0) & models.Q(score__lte=100), name="assessments_quizattempt_score_0_100"
            ),
        ]
        # The reports select attempts by when they were submitted (issue 17).
        indexes = [models.Index(fields=["submitted_at"], name="assessments_attempt_submitted")]

    def __str__(self):
        return f"{self.quiz_title} #{self.number}"


class QuizAnswer(models.Model):
    """A learner's answer to one question in one attempt, with what they were told about it."""

    attempt = models.ForeignKey(
        QuizAttempt, on_delete=models.CASCADE, related_name="answers", verbose_name=_("attempt")
    )
    question_id = models.CharField(_("question id"), max_length=64)
    question_type = models.CharField(_("question type"), max_length=20)
    prompt = models.TextField(_("question when asked"))
    option_ids = models.JSONField(_("chosen options"), default=list, blank=True)
    value = models.CharField(_("answer as typed"), max_length=40, blank=True)
    answer_text = models.TextField(_("answer as shown"), blank=True)
    points = models.DecimalField(_("points"), max_digits=5, decimal_places=4)
    is_correct = models.BooleanField(_("fully correct"))
    feedback = models.TextField(_("feedback shown"), blank=True)
    correct_answer_text = models.TextField(_("correct answer"), blank=True)

    class Meta:
        verbose_name = _("quiz answer")
        verbose_name_plural = _("quiz answers")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question_id"], name="assessments_quizanswer_once_per_question"),
        ]

    def __str__(self):
        return self.prompt[:60]

    def _true_false_word(self, said_true: bool) -> str:
        return gettext("True") if said_true else gettext("False")

    @property
    def answer_shown(self) -> str:
        """The answer as the reader reads it: true or false in the reader's language, other answers as stored.

        The stored text is in the language the attempt was graded in; true and false are words of
        the interface, so a learner who reads in another language since sees them in it (issue 15).
        """
        if self.question_type == "true_false" and self.value in ("true", "false"):
            return self._true_false_word(self.value == "true")
        return self.answer_text

    @property
    def correct_answer_shown(self) -> str:
        """The correct answer as the reader reads it, like answer_shown."""
        if self.question_type == "true_false" and self.value in ("true", "false") and self.correct_answer_text:
            return self._true_false_word((self.value == "true") == self.is_correct)
        return self.correct_answer_text
