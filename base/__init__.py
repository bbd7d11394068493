"""The ground floor: helpers every app may use. It imports no other app of the project."""

from base import converters  # noqa: F401 (registers the `<id:…>` path converter)
