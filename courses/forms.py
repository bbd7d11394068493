from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from courses.models import CourseLevel


class CourseLength(models.TextChoices):
    SHORT = "short", _("Under 2 hours")
    MEDIUM = "medium", _("2 to 6 hours")
    LONG = "long", _("Over 6 hours")


class CourseSort(models.TextChoices):
    TITLE = "title", _("Title (A to Z)")
    NEWEST = "newest", _("Newest first")
    SHORTEST = "shortest", _("Shortest first")


class CatalogFilterForm(forms.Form):
    """The catalog's GET filters. Values that don't match a choice are dropped with a message."""

    LENGTHS = {
        CourseLength.SHORT: (0, 2),
        CourseLength.MEDIUM: (2, 6),
        CourseLength.LONG: (6, 1000),
    }
    SORTS = {
        CourseSort.TITLE: ("title", "pk"),
        CourseSort.NEWEST: ("-first_published_at", "pk"),
        CourseSort.SHORTEST: ("estimated_hours", "title", "pk"),
    }

    topic = forms.ChoiceField(label=_("Topic"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False, choices=[("", _("Any level")), *CourseLevel.choices])
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any language")), *settings.LANGUAGES]
    )
    partner = forms.ChoiceField(label=_("Partner"), required=False)
    length = forms.ChoiceField(label=_("Length"), required=False, choices=[("", _("Any length")), *CourseLength.choices])
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=CourseSort.choices)
    page = forms.IntegerField(
        label=_("Page"), required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput
    )

    def __init__(self, *args, topics=(), sectors=(), partners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.topics = {topic.slug: topic for topic in topics}
        self.sectors = {sector.slug: sector for sector in sectors}
        self.partners = {partner.slug: partner for partner in partners}
        self.fields["topic"].choices = [("", _("Any topic"))] + [(t.slug, t.name) for t in topics]
        self.fields["sector"].choices = [("", _("Any sector"))] + [(s.slug, s.name) for s in sectors]
        self.fields["partner"].choices = [("", _("Any partner"))] + [
            (p.slug, p.title) for p in sorted(partners, key=lambda p: p.title.casefold())
        ]

    def valid_filters(self):
        """The usable filters (objects for topic, sector and partner) and a message per dropped value."""
        self.valid_query = {}
        if not self.is_bound:
            return {}, []
        self.is_valid()
        messages = [
            gettext("“%(field)s” had a value we don't recognise, so it was ignored.")
            % {"field": self.fields[name].label}
            for name in self.errors
        ]
        data = {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}
        self.valid_query = {name: self.data[name] for name in data if name != "page"}
        for name, lookup in (("topic", self.topics), ("sector", self.sectors), ("partner", self.partners)):
            if name in data:
                data[name] = lookup[data[name]]
        return data, messages
