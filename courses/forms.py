from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from base.filters import FilterForm
from courses.models import LEVELS


class CatalogFilterForm(FilterForm):
    """The catalog's GET filters. Values that don't match a choice are dropped with a message."""

    LENGTHS = {
        "short": (0, 2),
        "medium": (2, 6),
        "long": (6, 1000),
    }
    LENGTH_CHOICES = [
        ("short", _("Under 2 hours")),
        ("medium", _("2 to 6 hours")),
        ("long", _("Over 6 hours")),
    ]
    SORTS = {
        "title": (_("Title (A to Z)"), ("title", "pk")),
        "newest": (_("Newest first"), ("-first_published_at", "pk")),
        "shortest": (_("Shortest first"), ("estimated_hours", "title", "pk")),
    }
    ANY = {"topic": _("Any topic"), "sector": _("Any sector"), "partner": _("Any partner")}

    topic = forms.ChoiceField(label=_("Topic"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False, choices=[("", _("Any level")), *LEVELS])
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any language")), *settings.LANGUAGES]
    )
    partner = forms.ChoiceField(label=_("Partner"), required=False)
    length = forms.ChoiceField(label=_("Length"), required=False, choices=[("", _("Any length")), *LENGTH_CHOICES])
    sort = forms.ChoiceField(label=_("Sort by"), required=False)
    page = forms.IntegerField(
        label=_("Page"), required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput
    )

    def __init__(self, *args, topics=(), sectors=(), partners=(), **kwargs):
        options = {
            "topic": {topic.slug: topic for topic in topics},
            "sector": {sector.slug: sector for sector in sectors},
            "partner": {partner.slug: partner for partner in sorted(partners, key=lambda p: p.title.casefold())},
        }
        super().__init__(*args, options=options, **kwargs)

    def clean_length(self):
        """A length as the (low, high) range of hours it stands for."""
        return self.LENGTHS.get(self.cleaned_data["length"])
