"""An event as an iCalendar file (RFC 5545): written here, it is thirty lines and needs no library.

Times are in UTC (`DTSTART:20270303T130000Z`), which every calendar reads; text is escaped
(backslash, semicolon, comma, newline: §3.3.11) and lines are folded at 75 octets without
cutting a UTF-8 character in two (§3.1), with CRLF line ends.
"""

import datetime

from django.conf import settings

PRODID = "-//SME Academy//Events//EN"


def ics_text_escape(value: str) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\n", "\\n")
    return "".join(char for char in value if char == "\t" or ord(char) >= 32 and ord(char) != 127)


def ics_line_fold(line: str) -> str:
    """`line` cut into lines of at most 75 octets, each continuation starting with a space."""
    pieces = []
    current = b""
    limit = 75
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > limit:
            pieces.append(current)
            current = b" "
            limit = 75  # the leading space counts within the 75 octets
        current += encoded
    pieces.append(current)
    return "\r\n".join(piece.decode() for piece in pieces)


def ics_datetime(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def event_ics(*, event, url: str, now: datetime.datetime) -> str:
    """The VCALENDAR holding `event` (an EventPage), with its page's full address as URL."""
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0]
    location = ""
    if event.is_in_person:
        location = ", ".join(
            part for part in [event.venue_name, " ".join(event.venue_address.split()), event.city] if part
        )
        if event.country:
            location = ", ".join(part for part in [location, str(event.country.name)] if part)
    elif event.is_online:
        location = url
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{event.translation_key}@{host}",
        f"DTSTAMP:{ics_datetime(now)}",
        f"DTSTART:{ics_datetime(event.starts_at)}",
        f"DTEND:{ics_datetime(event.ends_at)}",
        f"SUMMARY:{ics_text_escape(event.title)}",
        f"DESCRIPTION:{ics_text_escape(event.summary)}",
        f"URL:{url}",
        f"STATUS:{'CANCELLED' if event.is_cancelled else 'CONFIRMED'}",
    ]
    if location:
        lines.append(f"LOCATION:{ics_text_escape(location)}")
    if event.last_published_at:
        lines.append(f"LAST-MODIFIED:{ics_datetime(event.last_published_at)}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(ics_line_fold(line) + "\r\n" for line in lines)
