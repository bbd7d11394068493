"""Template filters for the learning pages."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import ngettext, pgettext

register = template.Library()


@register.filter
def hours(value):
    """An estimated effort as words: "1 hour", "12 hours", "2.5 hours" (number in the active locale's format).

    {% blocktranslate count %} needs a whole number, and course hours have one decimal place.
    """
    value = Decimal(str(value or 0)).normalize()
    if value == value.to_integral_value():
        count = int(value)
        return ngettext("%(hours)s hour", "%(hours)s hours", count) % {"hours": number_format(count)}
    # Languages pluralise fractions their own way: a separate message with a context lets them.
    return pgettext("a fractional number of hours", "%(hours)s hours") % {"hours": number_format(value)}


@register.filter
def percent(value):
    """A score or share as "67%", "66.67%", "100%": at most two decimals, in the active locale's format.

    Empty for None, so templates can say `|percent|default:"–"`.
    """
    if value is None or value == "":
        return ""
    number = Decimal(str(value)).quantize(Decimal("0.01"))
    number = number.to_integral_value() if number == number.to_integral_value() else number.normalize()
    # Languages put the sign on either side, with or without a space ("%67" in Turkish).
    return pgettext("a percentage", "%(number)s%%") % {"number": number_format(number)}
