from django import template

register = template.Library()


@register.simple_tag
def event_local_start(event):
    """The event's start in its own time zone (no query)."""
    return event.starts_at.astimezone(event.zone)
