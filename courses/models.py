"""Course content as pages, and the learning records (enrolments, completions) as plain models.

Records are keyed by the page's translation_key, so an enrolment made on the English course
holds on its French translation, with the same completions.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db import models
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, get_page_models
from wagtail.search import index

from base.blocks import RICH_TEXT_FEATURES
from base.learner_cache import learner_cache_allow
from base.models import CardMixin
from base.page_cache import page_cache_get_or_set
from base.signals import page_viewed
from courses.blocks import LessonStreamBlock

if TYPE_CHECKING:
    from courses.selectors import DataCost


class CourseLevel(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class CourseIndexPage(Page):
    """The catalog: every live, public course in the current language, wherever it lives."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalog")

    def get_context(self, request, *args, **kwargs):
        from courses import selectors  # courses.selectors reads these models: a cycle within the app
        from courses.forms import CatalogFilterForm  # the form reads this module's choices: a cycle within the app

        context = super().get_context(request, *args, **kwargs)
        options = selectors.catalog_options_get()
        form = CatalogFilterForm(
            request.GET or None, topics=options.topics, sectors=options.sectors, partners=options.partners
        )
        filters, messages = form.valid_filters()
        courses = selectors.course_public_list()  # shared: Wagtail reads the view restrictions once
        catalog = selectors.catalog_get(filters=filters, partners=options.partners, courses=courses)
        counts = selectors.catalog_counts_get(
            filters=filters, options=options, lengths=CatalogFilterForm.LENGTHS, courses=courses
        )
        form.counts_set(counts)
        context.update(
            filter_form=form,
            filter_messages=messages + catalog.messages,
            courses=catalog.courses,
            page_obj=catalog.page_obj,
            paginator=catalog.paginator,
            filter_query=urlencode(form.valid_query),
            is_filtered=form.is_filtering(filters),
        )
        return context


class ProgramIndexPage(Page):
    """The list of training programs."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.TrainingProgramPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("program index page")

    def get_context(self, request, *args, **kwargs):
        from courses import selectors  # courses.selectors reads these models: a cycle within the app

        context = super().get_context(request, *args, **kwargs)
        context["programs"] = selectors.program_list()
        return context


class CoursePage(CardMixin, Page):
    """A course: a summary and outcomes, then modules of lessons."""

    summary = models.TextField(_("summary"), max_length=600)
    outcomes = StreamField(
        [("outcome", blocks.CharBlock(max_length=200, label=_("Outcome")))],
        blank=True,
        verbose_name=_("learning outcomes"),
        help_text=_("What a learner can do after the course, one per item."),
    )
    audience = models.TextField(_("who it is for"), max_length=600, blank=True)
    level = models.CharField(_("level"), max_length=20, choices=CourseLevel.choices, default=CourseLevel.BEGINNER)
    estimated_hours = models.DecimalField(_("estimated hours"), max_digits=4, decimal_places=1, default=1)
    topics = ParentalManyToManyField("taxonomy.Topic", blank=True, related_name="courses", verbose_name=_("topics"))
    sectors = ParentalManyToManyField("taxonomy.Sector", blank=True, related_name="courses", verbose_name=_("sectors"))
    prerequisites = ParentalManyToManyField(
        "self", blank=True, symmetrical=False, related_name="required_by", verbose_name=_("prerequisites")
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("outcomes"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [FieldPanel("level"), FieldPanel("estimated_hours")],
            heading=_("Level and effort"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                FieldPanel("prerequisites"),
            ],
            heading=_("Classification"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("audience"),
        index.FilterField("level"),
    ]
    parent_page_types = ["courses.CourseIndexPage", "partners.PartnerPage"]
    subpage_types = ["courses.ModulePage"]

    card_image_field = "cover_image"

    class Meta:
        verbose_name = _("course")

    @property
    def card_summary(self):
        return self.summary

    def cdn_listing_pages(self):
        """The catalogs, in every language (they list default-language courses not yet translated),
        for base/cdn.py to purge with the course: a partner's course is not under one."""
        return CourseIndexPage.objects.live()

    def get_context(self, request, *args, **kwargs):
        from courses import selectors  # courses.selectors reads these models: a cycle within the app

        context = super().get_context(request, *args, **kwargs)
        context["detail"] = selectors.course_detail_get(course=self, user=request.user)
        context["data_cost"] = selectors.course_data_cost_get(course=self)  # issue 20: the cost before it is spent
        return context

    def serve(self, request, *args, **kwargs):
        """The course page; a real visit (a 200 GET, not a preview) is counted for the reports.

        A learner's copy may be kept for them (base/learner_cache.py): their enrolment and
        progress bump their version.
        """
        response = super().serve(request, *args, **kwargs)
        if request.method == "GET" and response.status_code == 200 and not getattr(request, "is_preview", False):
            page_viewed.send(sender=type(self), pk=self.pk, page_key=self.translation_key, request=request)
        return learner_cache_allow(response)


class ModulePage(Page):
    """A section of a course, holding its lessons and quizzes."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("module")

    @classmethod
    def clean_subpage_models(cls):
        """A module holds course steps of every kind (Wagtail reads `subpage_types` otherwise)."""
        return course_step_models()

    def get_context(self, request, *args, **kwargs):
        """What an editor's preview of the module shows (learners are sent to the course)."""
        from courses import selectors  # courses.selectors reads these models: a cycle within the app

        context = super().get_context(request, *args, **kwargs)
        context["detail"] = selectors.module_detail_get(module=self)
        return context

    def serve(self, request, *args, **kwargs):
        """A module has no page of its own: show it inside its course's syllabus."""
        course = self.get_parent().specific
        return redirect(f"{course.get_url(request)}#module-{self.pk}")


def course_step_models() -> list:
    """Every page type that is a step of a course (lessons, quizzes, …), in the order apps load.

    Found at run time, so courses need not import the apps that add step types (assessments).
    """
    return [model for model in get_page_models() if issubclass(model, CourseStep)]


class CourseStep(Page):
    """A step of a course, inside a module: a lesson, a quiz, or a later kind.

    Required steps count toward progress (optional ones only when done), minutes add up to the
    course's reading time, and a visitor who may not open the step gets the course's door.
    """

    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=10)
    is_required = models.BooleanField(_("required for completion"), default=True)

    # What kind of step it is ("lesson", "quiz"), for templates.
    step_kind = ""
    # Whether the course's first step of this kind is a free sample, open to everyone.
    free_preview_allowed = False
    # The heading of the door shown to a visitor who may not open the step.
    locked_heading = ""

    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    class Meta:
        abstract = True

    def detail_get(self, *, user, is_preview: bool = False):
        """Where the step sits in its course and what this visitor may do with it."""
        from courses import selectors  # courses.selectors reads these models: a cycle within the app

        return selectors.step_detail_get(step=self, user=user, is_preview=is_preview)

    def locked_response(self, request, detail) -> TemplateResponse:
        """The course's door (status 403) for a visitor who may not open this step."""
        context = {"page": self, "self": self, "request": request, "step": detail}
        return TemplateResponse(request, "courses/step_locked.html", context, status=403)

    def serve(self, request, *args, **kwargs):
        """Who may open the step reads it; anyone else gets the course's door."""
        detail = self.detail_get(user=request.user, is_preview=getattr(request, "is_preview", False))
        if not detail.can_read:
            return self.locked_response(request, detail)
        response = super().serve(request, *args, detail=detail, **kwargs)
        if isinstance(response, HttpResponse) and request.user.is_authenticated:
            response["Cache-Control"] = "private, no-store"
        return response

    def get_context(self, request, *args, detail=None, **kwargs):
        """The page's context with `step`, the step's detail (computed by serve, or here for a preview)."""
        context = super().get_context(request, *args, **kwargs)
        if detail is None:
            detail = self.detail_get(user=request.user, is_preview=getattr(request, "is_preview", False))
        context["step"] = detail
        return context


@dataclass(frozen=True)
class LessonBody:
    """A lesson's body as rendered HTML, the same for every reader in a language."""

    html: SafeString
    has_video: bool
    cost: "DataCost"  # what reading it costs in mobile data, shown before the body (issue 20)


class LessonPage(CourseStep):
    """One short lesson: a StreamField body, read lesson by lesson."""

    summary = models.TextField(
        _("public summary"),
        max_length=400,
        blank=True,
        help_text=_("Shown in the syllabus and in search to everyone, enrolled or not."),
    )
    body = StreamField(LessonStreamBlock(), verbose_name=_("body"))
    # The lesson's field keeps its help text (the quiz's has none), as its migration has it.
    is_required = models.BooleanField(
        _("required for completion"),
        default=True,
        help_text=_("Optional lessons count toward progress only when they are done."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("estimated_minutes"), FieldPanel("is_required")], heading=_("Effort")),
    ]
    # Only the public summary is indexed: lesson bodies are for enrolled learners.
    search_fields = Page.search_fields + [index.SearchField("summary")]

    step_kind = "lesson"
    free_preview_allowed = True
    locked_heading = _("This lesson is for enrolled learners")

    class Meta:
        verbose_name = _("lesson")

    def serve(self, request, *args, **kwargs):
        """The lesson; a learner's copy may be kept for them (base/learner_cache.py)."""
        return learner_cache_allow(super().serve(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        """The step's context with `body`, the rendered body (from the cache but in a preview)."""
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):  # the draft being edited, never stored
            context["body"] = self.body_render()
        else:
            # The live revision and the language in the key; the page cache's generation drops it
            # on any publish (of this lesson, or of a page, image or document its blocks show).
            key = f"lesson-body:v2:{self.pk}:{self.live_revision_id}:{get_language()}"
            context["body"] = page_cache_get_or_set(key, self.body_render)
        return context

    def body_render(self) -> LessonBody:
        """Render every block as `{% include_block %}` would, without the request or the reader.

        The blocks get no request or user, so a block that ever depends on the reader fails
        loudly here rather than being stored for everyone.
        """
        from courses import selectors  # courses.selectors reads these models: a cycle within the app

        html = "".join(str(block.render(context={"page": self})) for block in self.body)
        return LessonBody(
            html=mark_safe(html),  # noqa: S308 (each block's template escapes its own values)
            has_video=any(block.block_type == "video" for block in self.body),
            cost=selectors.step_data_cost_measure(self),
        )


class TrainingProgramPage(CardMixin, Page):
    """A curated path: courses chosen from anywhere in the tree, in order."""

    intro = models.TextField(_("introduction"), max_length=600)
    audience = models.TextField(_("who it is for"), max_length=600, blank=True)
    outcomes = RichTextField(_("what you will be able to do"), features=RICH_TEXT_FEATURES, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("audience"),
        FieldPanel("outcomes"),
        InlinePanel("program_courses", label=_("Courses, in order"), min_num=1),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("audience")]
    parent_page_types = ["courses.ProgramIndexPage"]
    subpage_types = []

    card_image_field = "image"

    class Meta:
        verbose_name = _("training program")

    @property
    def card_summary(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        from courses import selectors  # courses.selectors reads these models: a cycle within the app

        context = super().get_context(request, *args, **kwargs)
        context["detail"] = selectors.program_detail_get(program=self, user=request.user)
        return context


class ProgramCourse(Orderable):
    program = ParentalKey(TrainingProgramPage, on_delete=models.CASCADE, related_name="program_courses")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("course"))

    panels = [FieldPanel("course")]

    class Meta(Orderable.Meta):
        verbose_name = _("course in a program")
        constraints = [
            models.UniqueConstraint(fields=["program", "course"], name="courses_programcourse_once_per_program"),
        ]


class Enrollment(models.Model):
    """A learner's place in a course (in every language of it). Leaving keeps the record."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments", verbose_name=_("learner")
    )
    course_key = models.UUIDField(_("course translation key"), db_index=True)
    course = models.ForeignKey(
        CoursePage, on_delete=models.PROTECT, related_name="enrollments", verbose_name=_("course enrolled on")
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    left_at = models.DateTimeField(_("left at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"], name="courses_enrollment_one_per_learner_course"),
        ]
        # The reports (issue 17) select enrolments by when they were made or completed.
        indexes = [
            models.Index(fields=["enrolled_at"], name="courses_enrol_enrolled_at"),
            models.Index(fields=["completed_at"], name="courses_enrol_completed_at"),
        ]

    def __str__(self):
        return f"{self.user} → {self.course}"

    @property
    def is_active(self):
        return self.left_at is None


class LessonCompletion(models.Model):
    """A lesson done by an enrolled learner; kept even if the lesson is later deleted."""

    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="completions", verbose_name=_("enrolment")
    )
    lesson_key = models.UUIDField(_("lesson translation key"))
    lesson = models.ForeignKey(
        LessonPage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="completions",
        verbose_name=_("lesson"),
    )
    lesson_title = models.CharField(_("lesson title when completed"), max_length=255)
    completed_at = models.DateTimeField(_("completed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "lesson_key"], name="courses_lessoncompletion_once_per_enrollment"
            ),
        ]
        # The dashboard reads the last weeks' completions and their enrolments (issue 17): covering,
        # so that the range scan never reads the rows themselves.
        indexes = [models.Index(fields=["completed_at", "enrollment"], name="courses_lessoncompl_done_enrol")]

    def __str__(self):
        return self.lesson_title
