"""The event page's admin form: start and end typed as local times in the event's own time zone.

The model keeps UTC (`starts_at`, `ends_at`); editors think in the event's zone, so the form
shows and takes naive local times and converts them. A local time that does not exist there
(02:30 on a spring-forward day in Europe/Paris) or happens twice (02:30 on the fall-back day)
is a field error, never a 500 and never a silent guess.
"""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateTimeInput

from base.forms import FileScopedPageForm
from events.zones import local_to_utc, time_zone_names, zone_get


class LocalDateTimeField(forms.DateTimeField):
    """A date and time with no time zone attached: read as typed, whatever the editor's own zone."""

    def to_python(self, value):
        # DateTimeField makes the value aware in the current zone (and fails on its DST gaps):
        # read it in UTC, which has none, then drop the zone.
        with timezone.override(datetime.UTC):
            value = super().to_python(value)
        return value.replace(tzinfo=None) if value else value

    def prepare_value(self, value):
        return value.replace(tzinfo=None) if isinstance(value, datetime.datetime) else value


class EventPageForm(FileScopedPageForm):
    start_local = LocalDateTimeField(label=_("Starts"), widget=AdminDateTimeInput)
    end_local = LocalDateTimeField(label=_("Ends"), widget=AdminDateTimeInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "time_zone" in self.fields:
            self.fields["time_zone"].widget = forms.Select(choices=[(name, name) for name in time_zone_names()])
        zone = zone_get(self.instance.time_zone or "UTC")
        if zone is not None:
            for local, stored in (("start_local", "starts_at"), ("end_local", "ends_at")):
                value = getattr(self.instance, stored, None)
                if value is not None and local in self.fields:
                    self.initial.setdefault(local, value.astimezone(zone).replace(tzinfo=None))

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone")
        zone = zone_get(zone_name) if zone_name else None
        if zone is None:
            return cleaned  # the time zone field has its own error
        utc = {}
        for local, stored in (("start_local", "starts_at"), ("end_local", "ends_at")):
            value = cleaned.get(local)
            if value is None:
                continue
            converted, problem = local_to_utc(value, zone)
            if problem == "gap":
                self.add_error(
                    local,
                    _(
                        "%(time)s does not exist in %(zone)s: the clocks go forward that night. "
                        "Choose a time outside the change."
                    )
                    % {"time": value.strftime("%Y-%m-%d %H:%M"), "zone": zone_name},
                )
            elif problem == "ambiguous":
                self.add_error(
                    local,
                    _(
                        "%(time)s happens twice in %(zone)s: the clocks go back that night. "
                        "Choose a time outside the change."
                    )
                    % {"time": value.strftime("%Y-%m-%d %H:%M"), "zone": zone_name},
                )
            else:
                utc[stored] = converted
        if len(utc) == 2 and utc["ends_at"] < utc["starts_at"]:
            self.add_error("end_local", _("The event cannot end before it starts."))
        elif len(utc) == 2:
            self.instance.starts_at = utc["starts_at"]
            self.instance.ends_at = utc["ends_at"]
        return cleaned
