from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from base.filters import FilterForm
from projects.models import ProjectStatus, Region


class ProjectFilterForm(FilterForm):
    """The programme index's GET facets. Values that don't match a choice are dropped with a message."""

    status = forms.ChoiceField(label=_("Status"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    topic = forms.ChoiceField(label=_("Theme"), required=False)
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)

    ANY = {
        "status": _("Any status"),
        "country": _("Any country"),
        "region": _("Any region"),
        "topic": _("Any theme"),
    }

    def __init__(self, *args, topics=(), **kwargs):
        options = {
            "status": dict(ProjectStatus.choices),
            "country": {code: name for code, name in countries},
            "region": dict(Region.choices),
            "topic": {term.slug: term for term in topics},
        }
        super().__init__(*args, options=options, **kwargs)
