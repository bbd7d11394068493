from django import template

register = template.Library()


@register.simple_tag
def event_local_start(event):
    """The event's start as the wall clock reads it in its own time zone (naive: see selectors.wall_time)."""
    return event.starts_at.astimezone(event.zone).replace(tzinfo=None)
