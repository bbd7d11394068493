from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from base.filters import FilterForm
from library.models import Region, ResourceKind


class ResourceSort(models.TextChoices):
    NEWEST = "newest", _("Newest first")
    TITLE = "title", _("Title (A to Z)")


class LibraryFilterForm(FilterForm):
    """A library's GET facets. Values that don't match a choice are dropped with a message."""

    SORTS = {
        ResourceSort.NEWEST: (ResourceSort.NEWEST.label, ("-publication_date", "-first_published_at", "pk")),
        ResourceSort.TITLE: (ResourceSort.TITLE.label, ("title", "pk")),
    }

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    stage = forms.ChoiceField(label=_("Business stage"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    partner = forms.ChoiceField(label=_("Published by"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False)
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)

    ANY = {
        "kind": _("Any kind"),
        "topic": _("Any topic"),
        "sector": _("Any sector"),
        "stage": _("Any stage"),
        "country": _("Any country"),
        "region": _("Any region"),
        "partner": _("Anyone"),
    }

    def __init__(self, *args, kinds=(), topics=(), sectors=(), stages=(), partners=(), **kwargs):
        kind_names = dict(ResourceKind.choices)
        options = {
            "kind": {kind: kind_names[kind] for kind in kinds},
            "topic": {term.slug: term for term in topics},
            "sector": {term.slug: term for term in sectors},
            "stage": {term.slug: term for term in stages},
            "country": {code: name for code, name in countries},
            "region": dict(Region.choices),
            "partner": {partner.slug: partner for partner in sorted(partners, key=lambda p: p.title.casefold())},
        }
        super().__init__(*args, options=options, **kwargs)
