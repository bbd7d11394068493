from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from partners.models import PartnerKind


class PartnerFilterForm(forms.Form):
    """The partner list's GET filters; a value that matches no choice is dropped with a message."""

    country = forms.ChoiceField(label=_("Country"), required=False)
    kind = forms.ChoiceField(label=_("Type"), required=False)

    def __init__(self, *args, country_counts=None, kind_counts=None, **kwargs):
        super().__init__(*args, **kwargs)
        country_counts = country_counts or {}
        kind_counts = kind_counts or {}
        self.fields["country"].choices = [("", _("Any country"))] + sorted(
            (
                (code, f"{countries.name(code)} ({count})")
                for code, count in country_counts.items()
                if code
            ),
            key=lambda choice: choice[1].casefold(),
        )
        self.fields["kind"].choices = [("", _("Any type"))] + [
            (value, f"{label} ({kind_counts[value]})") for value, label in PartnerKind.choices if kind_counts.get(value)
        ]

    def valid_filters(self):
        """The usable filters and a message per value that was ignored."""
        if not self.is_bound:
            return {}, []
        self.is_valid()
        messages = [
            gettext("“%(field)s” had a value we don't recognise, so it was ignored.")
            % {"field": self.fields[name].label}
            for name in self.errors
        ]
        return {name: value for name, value in self.cleaned_data.items() if value}, messages


class PartnerOnboardForm(forms.Form):
    """What an editor types to onboard a partner (the rest is done by partners.services.partner_onboard)."""

    name = forms.CharField(label=_("Name of the institution"), max_length=140)
    email = forms.EmailField(label=_("Email of its first editor"), max_length=254)
    country = forms.ChoiceField(label=_("Country"), required=False, choices=[("", _("Not set")), *countries])
    kind = forms.ChoiceField(label=_("Type"), choices=PartnerKind.choices, initial=PartnerKind.UNIVERSITY)
