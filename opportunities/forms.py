"""The board's forms: filters (GET), posting an opportunity, answering it and reporting it.

Texts are plain: stored as typed, rendered escaped, never turned into links. Control characters
and invisible text-direction overrides are refused with a message saying which.
"""

import unicodedata
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from accounts.validators import BIDI_CONTROLS
from base.filters import FilterForm
from opportunities.models import (
    DESCRIPTION_MAX,
    MESSAGE_MAX,
    ORGANISATION_MAX,
    REASON_MAX,
    TITLE_MAX,
    Direction,
    OpportunityKind,
    PartnerKind,
)

COUNTRIES_MAX = 10
_ALLOWED_CONTROLS = frozenset("\n\r\t")
_FORBIDDEN = frozenset({"Cc", "Cs", "Co", "Cn", "Zl", "Zp"})


def validate_plain_text(value: str) -> None:
    """Text in any script, on several lines, without control or text-direction override characters."""
    if any(char in BIDI_CONTROLS for char in value):
        raise ValidationError(_("Remove the invisible text-direction characters from this text."), code="bidi_control")
    if any(char not in _ALLOWED_CONTROLS and unicodedata.category(char) in _FORBIDDEN for char in value):
        raise ValidationError(_("Remove the control or invisible characters from this text."), code="control")


def _line(label, max_length, required=True, **kwargs):
    return forms.CharField(
        label=label, max_length=max_length, required=required, validators=[validate_plain_text], **kwargs
    )


def _text(label, max_length, rows=6, required=True, **kwargs):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": rows, "maxlength": max_length}),
        **kwargs,
    )


class OpportunityStateFilter(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class OpportunityFilterForm(FilterForm):
    """The board's GET filters; an unknown value is dropped with a message."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    direction = forms.ChoiceField(label=_("Offer or request"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    state = forms.ChoiceField(label=_("Open or closed"), required=False)
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)

    ANY = {
        "kind": _("Any kind"),
        "direction": _("Offers and requests"),
        "sector": _("Any sector"),
        "country": _("Any country"),
        "state": _("Open and closed"),
    }

    def __init__(self, *args, sectors=(), **kwargs):
        options = {
            "kind": dict(OpportunityKind.choices),
            "direction": dict(Direction.choices),
            "sector": {term.slug: term for term in sectors},
            "country": {code: name for code, name in countries},
            "state": dict(OpportunityStateFilter.choices),
        }
        super().__init__(*args, options=options, **kwargs)

    def clean_q(self):
        value = " ".join(self.cleaned_data["q"].split())
        validate_plain_text(value)
        return value


class OpportunityForm(forms.Form):
    """Post an offer or a request. `submission_key` makes a replayed form post once."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput)
    direction = forms.ChoiceField(
        label=_("Are you offering or looking for something?"), choices=Direction.choices, widget=forms.RadioSelect
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=OpportunityKind.choices)
    title = _line(_("Title"), TITLE_MAX, help_text=_("One line that says what you offer or look for."))
    description = _text(
        _("Description"),
        DESCRIPTION_MAX,
        rows=8,
        help_text=_("Plain text: what, for whom, where and when. Do not put your email or phone here."),
    )
    organisation = _line(_("Your organisation"), ORGANISATION_MAX, required=False)
    sector = forms.ModelChoiceField(label=_("Sector"), queryset=None, required=False, empty_label=_("Any sector"))
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=None, required=False, empty_label=_("Any topic"))
    countries = forms.MultipleChoiceField(
        label=_("Countries"),
        choices=countries,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Where the partner should be, or where it takes place (up to 10; none for anywhere)."),
    )
    partner_sought = forms.ChoiceField(label=_("Kind of partner sought"), choices=PartnerKind.choices)
    closes_on = forms.DateField(
        label=_("Closing date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Optional. After this day nobody can answer."),
    )
    language = forms.ChoiceField(label=_("Language it is written in"), choices=settings.LANGUAGES)

    def __init__(self, *args, sectors=None, topics=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = sectors
        self.fields["topic"].queryset = topics
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())

    def clean_countries(self):
        value = self.cleaned_data["countries"]
        if len(value) > COUNTRIES_MAX:
            raise ValidationError(_("Choose at most %(count)d countries.") % {"count": COUNTRIES_MAX})
        return value

    def clean_closes_on(self):
        value = self.cleaned_data["closes_on"]
        if value is not None and value < timezone.localdate():
            raise ValidationError(_("The closing date is in the past."))
        if value is not None and value.year > timezone.localdate().year + 5:
            raise ValidationError(_("Choose a closing date within five years."))
        return value


class InterestForm(forms.Form):
    """Answer an opportunity with a short message."""

    message = _text(
        _("Your message"),
        MESSAGE_MAX,
        rows=5,
        help_text=_("Say who you are and why you are interested. Your contact details are shared only if they accept."),
    )
    organisation = _line(_("Your organisation"), ORGANISATION_MAX, required=False)


class ReportForm(forms.Form):
    reason = _text(_("What is wrong with it?"), REASON_MAX, rows=3, required=False)
