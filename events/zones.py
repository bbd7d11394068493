"""Time zones of events: the IANA names offered, and local times turned into UTC across DST changes."""

import datetime
import zoneinfo
from functools import cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@cache
def time_zone_names() -> list[str]:
    """Every IANA time zone this machine knows, sorted (not model choices: tzdata changes)."""
    return sorted(name for name in zoneinfo.available_timezones() if "/" in name or name == "UTC")


def time_zone_validate(value: str) -> None:
    if value not in time_zone_names():
        raise ValidationError(_("“%(zone)s” is not a time zone we know."), params={"zone": value})


def zone_get(name: str | None) -> zoneinfo.ZoneInfo | None:
    """The zone named `name`, or None for a name this machine does not know."""
    if not name or name not in time_zone_names():
        return None
    return zoneinfo.ZoneInfo(name)


def local_to_utc(local: datetime.datetime, zone: zoneinfo.ZoneInfo) -> tuple[datetime.datetime | None, str]:
    """(the UTC time of naive `local` in `zone`, "") or (None, why): "gap" or "ambiguous"."""
    first = local.replace(tzinfo=zone, fold=0)
    second = local.replace(tzinfo=zone, fold=1)
    if first.utcoffset() != second.utcoffset():
        # Within a change of offset: a gap if the time does not survive a round trip through UTC.
        back = first.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None)
        return None, "gap" if back != local else "ambiguous"
    return first.astimezone(datetime.UTC), ""
