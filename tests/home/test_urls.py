"""Every id in the project's URLs goes through the one converter that refuses ids beyond 64 bits."""

import pytest
from django.urls import URLResolver, get_resolver
from django.urls.converters import IntConverter

from base.converters import IdConverter

PROJECT_APPS = ("accounts", "assessments", "courses", "home", "library", "partners", "taxonomy", "trainingsite")


def _patterns(resolver, inside_project=False):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            module = getattr(entry.urlconf_module, "__name__", "")
            yield from _patterns(entry, inside_project or module.split(".")[0] in PROJECT_APPS)
        elif inside_project or entry.lookup_str.split(".")[0] in PROJECT_APPS:
            yield entry


def test_no_project_url_takes_a_plain_int():
    """Issue 12: `<int:…>` let a 20-digit id reach the database, a 500 on SQLite; `<id:…>` answers 404."""
    plain = [
        str(entry.pattern)
        for entry in _patterns(get_resolver())
        if any(type(converter) is IntConverter for converter in entry.pattern.converters.values())
    ]
    assert plain == []
    ids = [
        str(entry.pattern)
        for entry in _patterns(get_resolver())
        if any(isinstance(converter, IdConverter) for converter in entry.pattern.converters.values())
    ]
    assert len(ids) >= 9  # the courses', assessments' and library's ids


@pytest.mark.parametrize("value, expected", [("1", 1), ("9223372036854775807", 2**63 - 1)])
def test_the_id_converter_takes_every_64_bit_id(value, expected):
    assert IdConverter().to_python(value) == expected


@pytest.mark.parametrize("value", ["9223372036854775808", "99999999999999999999"])
def test_the_id_converter_refuses_larger_ids(value):
    with pytest.raises(ValueError):
        IdConverter().to_python(value)
