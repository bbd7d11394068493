from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from base.filters import FilterForm
from news.models import NewsKind


class NewsFilterForm(FilterForm):
    """The news index's GET facets. Values that don't match a choice are dropped with a message."""

    kind = forms.ChoiceField(label=_("Type"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)

    ANY = {
        "kind": _("Any type"),
        "topic": _("Any topic"),
        "sector": _("Any sector"),
        "country": _("Any country"),
    }

    def __init__(self, *args, topics=(), sectors=(), **kwargs):
        options = {
            "kind": dict(NewsKind.choices),
            "topic": {term.slug: term for term in topics},
            "sector": {term.slug: term for term in sectors},
            "country": {code: name for code, name in countries},
        }
        super().__init__(*args, options=options, **kwargs)
