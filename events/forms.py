from urllib.parse import urlencode

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from base.filters import FilterForm
from events.models import Attendance, EventKind


class AttendanceFilter(models.TextChoices):
    ONLINE = Attendance.ONLINE, _("Online")
    IN_PERSON = Attendance.IN_PERSON, _("In person")


class EventFilterForm(FilterForm):
    """The events listing's GET filters. Values that don't match a choice are dropped with a message."""

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    attendance = forms.ChoiceField(label=_("Online or in person"), required=False)
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)

    ANY = {
        "kind": _("Any kind"),
        "country": _("Any country"),
        "attendance": _("Online or in person"),
    }

    def __init__(self, *args, **kwargs):
        options = {
            "kind": dict(EventKind.choices),
            "country": {code: name for code, name in countries},
            "attendance": dict(AttendanceFilter.choices),
        }
        super().__init__(*args, options=options, **kwargs)

    def query_string(self) -> str:
        """The kept filters, for the links to other pages of results."""
        return urlencode(self.valid_query)
