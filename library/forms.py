from django import forms
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from library.models import Region, ResourceKind


class ResourceSort(models.TextChoices):
    NEWEST = "newest", _("Newest first")
    TITLE = "title", _("Title (A to Z)")


class LibraryFilterForm(forms.Form):
    """A library's GET facets. Values that don't match a choice are dropped with a message."""

    SORTS = {
        ResourceSort.NEWEST: ("-publication_date", "-first_published_at", "pk"),
        ResourceSort.TITLE: ("title", "pk"),
    }
    FACETS = ("kind", "topic", "sector", "stage", "country", "region", "partner")

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    stage = forms.ChoiceField(label=_("Business stage"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    partner = forms.ChoiceField(label=_("Published by"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=ResourceSort.choices)
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
        super().__init__(*args, **kwargs)
        kind_names = dict(ResourceKind.choices)
        self.options = {
            "kind": {kind: kind_names[kind] for kind in kinds},
            "topic": {term.slug: term for term in topics},
            "sector": {term.slug: term for term in sectors},
            "stage": {term.slug: term for term in stages},
            "country": {code: name for code, name in countries},
            "region": dict(Region.choices),
            "partner": {partner.slug: partner for partner in sorted(partners, key=lambda p: p.title.casefold())},
        }
        self.set_counts({})

    @staticmethod
    def _label(value):
        if hasattr(value, "_meta"):  # a taxonomy term or a partner page
            return getattr(value, "name", None) or value.title
        return str(value)

    def set_counts(self, counts):
        """Label each facet value with its number of resources; hide empty values unless chosen."""
        for name in self.FACETS:
            facet_counts = counts.get(name)
            chosen = self.data.get(name) if self.is_bound else None
            choices = [("", self.ANY[name])]
            for key, value in self.options[name].items():
                if facet_counts is None:
                    if name != "country":
                        choices.append((key, self._label(value)))
                    continue
                count = facet_counts.get(key, 0)
                if count or key == chosen:
                    choices.append((key, f"{self._label(value)} ({count})"))
            self.fields[name].choices = choices

    def valid_filters(self):
        """The usable filters (terms and partners as objects) and a message per dropped value."""
        self.valid_query = {}
        if not self.is_bound:
            return {}, []
        # Choices must hold every possible value while validating; counts relabel them after.
        for name in self.FACETS:
            self.fields[name].choices = [("", "")] + [(key, key) for key in self.options[name]]
        self.is_valid()
        messages = [
            gettext("“%(field)s” had a value we don't recognise, so it was ignored.")
            % {"field": self.fields[name].label}
            for name in self.errors
        ]
        data = {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}
        self.valid_query = {name: self.data[name] for name in data if name != "page"}
        for name in ("topic", "sector", "stage", "partner"):
            if name in data:
                data[name] = self.options[name][data[name]]
        return data, messages
