"""The filters of the admin reports, as Wagtail's own reports declare them (django-filters)."""

import datetime

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.models import Locale

from assessments.models import QuizPage
from base.ids import ID_MAX
from base.regions import Region
from courses.models import CoursePage, Enrollment, ProgramCourse, TrainingProgramPage
from partners.models import PartnerPage
from reports.metrics import Dimension


class BoundedIdChoiceField(django_filters.fields.ModelChoiceField):
    """A choice by id that refuses an id no database holds, before SQLite overflows on it."""

    def to_python(self, value):
        if value not in self.empty_values:
            text = str(value)
            if not text.isascii() or not text.isdigit() or len(text) > len(str(ID_MAX)) or int(text) > ID_MAX:
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class BoundedIdChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = BoundedIdChoiceField


class QuizReportFilterSet(WagtailFilterSet):
    """Quizzes by status; Wagtail adds a language filter when the site has more than one."""

    live = django_filters.BooleanFilter(label=_("Live"), widget=BooleanRadioSelect)

    class Meta:
        model = QuizPage
        fields = []


class PartnerReportFilterSet(WagtailFilterSet):
    """The partner to show (editors only: a partner's team sees its own), and one of its courses.

    The view has already chosen the partner among those the user may see (an id outside them is a
    404), so the partner filter only offers the choice; the view hands the chosen course and dates
    to the selectors as typed arguments.
    """

    partner = django_filters.ChoiceFilter(label=_("Partner"), empty_label=None, method="filter_chosen_by_view")
    course = BoundedIdChoiceFilter(
        label=_("Course"), queryset=CoursePage.objects.none(), method="filter_chosen_by_view"
    )

    class Meta:
        model = Enrollment  # not translatable: no language filter over the computed rows
        fields = []

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None, partners=(), partner=None, courses=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        if len(partners) > 1:
            self.filters["partner"].extra["choices"] = [
                (str(choice.pk), f"{choice.title} ({choice.locale.get_display_name()})") for choice in partners
            ]
            # The partner shown is where the report starts, not a filter ("There are N matches").
            self.filters["partner"].extra["initial"] = str(partner.pk) if partner else None
        else:
            del self.filters["partner"]
        if courses is None:
            del self.filters["course"]
        else:
            self.filters["course"].queryset = courses

    def filter_chosen_by_view(self, queryset, name, value):
        return queryset


class PartnerMonthFilterSet(PartnerReportFilterSet):
    submitted = django_filters.DateFromToRangeFilter(
        label=capfirst(_("submitted at")), widget=DateRangePickerWidget, method="filter_chosen_by_view"
    )


# The learning reports (issue 17)

DATE_MIN = datetime.date(2000, 1, 1)
DATE_MAX = datetime.date(2100, 12, 31)


class LabelledPageChoiceField(BoundedIdChoiceField):
    """A page by id, shown with its language so that translations of one title can be told apart."""

    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.locale.get_display_name()})"


class LabelledPageChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = LabelledPageChoiceField


class LocaleChoiceField(BoundedIdChoiceField):
    def label_from_instance(self, obj):
        return obj.get_display_name()


class LocaleChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = LocaleChoiceField


class BoundedDateRangeField(django_filters.fields.DateRangeField):
    """Two dates within DATE_MIN..DATE_MAX: beyond them, turning a day into a time can overflow."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields:
            field.validators = [*field.validators, MinValueValidator(DATE_MIN), MaxValueValidator(DATE_MAX)]


class BoundedDateRangeFilter(django_filters.DateFromToRangeFilter):
    field_class = BoundedDateRangeField


class LearningReportForm(forms.Form):
    """Refuses a range that ends before it starts."""

    def clean(self):
        cleaned = super().clean()
        period = cleaned.get("period")
        if period and period.start and period.stop and period.start > period.stop:
            self.add_error("period", ValidationError(_("The start date is after the end date."), code="reversed"))
        return cleaned


def _under(paths) -> Q:
    """Pages under any of these paths; nothing when there is none."""
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition


class LearningReportFilterSet(WagtailFilterSet):
    """Date range, course, program, partner, country, region and language, within the user's scope.

    A partner's team is offered only its own courses and partner pages, and the live programs that
    include one of its courses; an id outside them is a form error, like any unknown id. The view
    turns the valid values into a reports.metrics.ReportFilters.
    """

    period = BoundedDateRangeFilter(
        label=_("Enrolled between"), widget=DateRangePickerWidget, method="filter_chosen_by_view"
    )
    course = LabelledPageChoiceFilter(
        label=_("Course"), queryset=CoursePage.objects.none(), method="filter_chosen_by_view"
    )
    program = LabelledPageChoiceFilter(
        label=_("Program"), queryset=TrainingProgramPage.objects.none(), method="filter_chosen_by_view"
    )
    partner = LabelledPageChoiceFilter(
        label=_("Partner"), queryset=PartnerPage.objects.none(), method="filter_chosen_by_view"
    )
    country = django_filters.ChoiceFilter(label=_("Country"), choices=(), method="filter_chosen_by_view")
    region = django_filters.ChoiceFilter(label=_("Region"), choices=Region.choices, method="filter_chosen_by_view")
    locale = LocaleChoiceFilter(label=_("Language"), queryset=Locale.objects.none(), method="filter_chosen_by_view")

    class Meta:
        model = Enrollment  # not translatable: Wagtail adds no locale filter of its own
        fields = []
        form = LearningReportForm

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None, scope=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        courses = CoursePage.objects.select_related("locale").order_by("title", "pk")
        partners = PartnerPage.objects.select_related("locale").order_by("title", "pk")
        programs = TrainingProgramPage.objects.select_related("locale").order_by("title", "pk")
        if scope is None or scope.is_partner:
            own = _under(scope.partner_paths if scope else ())
            courses = courses.filter(own)
            partners = partners.filter(own)
            programs = programs.filter(
                live=True,
                pk__in=ProgramCourse.objects.filter(course__in=CoursePage.objects.filter(own)).values("program"),
            )
        self.filters["course"].queryset = courses
        self.filters["program"].queryset = programs
        self.filters["partner"].queryset = partners
        self.filters["locale"].queryset = Locale.objects.order_by("language_code")
        self.filters["country"].extra["choices"] = list(countries)

    def filter_chosen_by_view(self, queryset, name, value):
        return queryset


class BreakdownFilterSet(LearningReportFilterSet):
    """The learning filters, and what to group the enrolments by."""

    dimension = django_filters.ChoiceFilter(
        label=_("Group by"), choices=Dimension.choices, empty_label=None, method="filter_chosen_by_view"
    )
