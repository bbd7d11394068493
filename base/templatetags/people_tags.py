from django import template

from base.page_people import page_people_get

register = template.Library()


@register.inclusion_tag("base/includes/page_people.html")
def page_people(page):
    """The people the registered apps attach to `page` (authors, speakers, mentors), or nothing."""
    return {"people": page_people_get(page)}
