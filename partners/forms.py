from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from base.filters import FilterForm
from partners.models import PartnerKind


class PartnerFilterForm(FilterForm):
    """The partner list's GET filters; a value that matches no choice is dropped with a message.

    Only the countries and types some partner has are offered, each with its number of partners.
    """

    ANY = {"country": _("Any country"), "kind": _("Any type")}

    country = forms.ChoiceField(label=_("Country"), required=False)
    kind = forms.ChoiceField(label=_("Type"), required=False)
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)

    def __init__(self, *args, country_counts=None, kind_counts=None, **kwargs):
        country_counts = {code: count for code, count in (country_counts or {}).items() if code}
        kind_counts = kind_counts or {}
        options = {
            "country": dict(
                sorted(
                    ((code, countries.name(code)) for code in country_counts),
                    key=lambda option: f"{option[1]} ({country_counts[option[0]]})".casefold(),
                )
            ),
            "kind": {value: label for value, label in PartnerKind.choices if kind_counts.get(value)},
        }
        counts = {"country": country_counts, "kind": kind_counts}
        super().__init__(*args, options=options, counts=counts, **kwargs)


class PartnerOnboardForm(forms.Form):
    """What an editor types to onboard a partner (the rest is done by partners.services.partner_onboard)."""

    name = forms.CharField(label=_("Name of the institution"), max_length=140)
    email = forms.EmailField(label=_("Email of its first editor"), max_length=254)
    country = forms.ChoiceField(label=_("Country"), required=False, choices=[("", _("Not set")), *countries])
    kind = forms.ChoiceField(label=_("Type"), choices=PartnerKind.choices, initial=PartnerKind.UNIVERSITY)
