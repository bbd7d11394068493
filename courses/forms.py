from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from base.filters import FilterForm
from courses.models import CourseLevel


class CourseLength(models.TextChoices):
    SHORT = "short", _("Under 2 hours")
    MEDIUM = "medium", _("2 to 6 hours")
    LONG = "long", _("Over 6 hours")


class CourseSort(models.TextChoices):
    TITLE = "title", _("Title (A to Z)")
    NEWEST = "newest", _("Newest first")
    SHORTEST = "shortest", _("Shortest first")


class CatalogFilterForm(FilterForm):
    """The catalog's GET filters. Values that don't match a choice are dropped with a message."""

    LENGTHS = {
        CourseLength.SHORT: (0, 2),
        CourseLength.MEDIUM: (2, 6),
        CourseLength.LONG: (6, 1000),
    }
    SORTS = {
        CourseSort.TITLE: (CourseSort.TITLE.label, ("title", "pk")),
        CourseSort.NEWEST: (CourseSort.NEWEST.label, ("-first_published_at", "pk")),
        CourseSort.SHORTEST: (CourseSort.SHORTEST.label, ("estimated_hours", "title", "pk")),
    }
    ANY = {
        "topic": _("Any topic"),
        "sector": _("Any sector"),
        "level": _("Any level"),
        "language": _("Any language"),
        "partner": _("Any partner"),
        "length": _("Any length"),
    }

    topic = forms.ChoiceField(label=_("Topic"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False, choices=[("", _("Any level")), *CourseLevel.choices])
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any language")), *settings.LANGUAGES]
    )
    partner = forms.ChoiceField(label=_("Partner"), required=False)
    length = forms.ChoiceField(
        label=_("Length"), required=False, choices=[("", _("Any length")), *CourseLength.choices]
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False)
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)

    def __init__(self, *args, topics=(), sectors=(), partners=(), **kwargs):
        options = {
            "topic": {topic.slug: topic for topic in topics},
            "sector": {sector.slug: sector for sector in sectors},
            "partner": {partner.slug: partner for partner in sorted(partners, key=lambda p: p.title.casefold())},
            # Fixed lists too, so that each of their options shows its count (issue 20).
            "level": dict(CourseLevel.choices),
            "language": dict(settings.LANGUAGES),
            "length": dict(CourseLength.choices),
        }
        super().__init__(*args, options=options, **kwargs)

    def clean_length(self):
        """A length as the (low, high) range of hours it stands for."""
        return self.LENGTHS.get(self.cleaned_data["length"])
