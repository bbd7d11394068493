"""The filters of the admin reports, as Wagtail's own reports declare them (django-filters)."""

import django_filters
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect

from assessments.models import QuizPage
from base.ids import ID_MAX
from courses.models import CoursePage, Enrollment


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
