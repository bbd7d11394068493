"""The path converter for database ids in every urls.py of the project."""

from django.urls import register_converter
from django.urls.converters import IntConverter

from base.ids import ID_MAX


class IdConverter(IntConverter):
    """A positive id of at most 19 digits: a longer one is no route (404), not an overflow (500) on SQLite."""

    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = int(value)
        if number > ID_MAX:
            raise ValueError("id out of range")  # Django answers a ValueError with "no match"
        return number


# Registered on import: Wagtail loads the apps' admin URLs (through wagtail_hooks) while other
# apps are still getting ready, so AppConfig.ready() would come too late; base/__init__.py
# imports this module when Django first loads the app.
register_converter(IdConverter, "id")
