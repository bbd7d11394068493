"""The registry of sections other apps add to "My account", which accounts never imports.

An app registers a function from its AppConfig.ready():

    from accounts.settings_sections import account_section_register
    account_section_register("messages", settings_section_render)

A section is `(request) -> str`: its HTML, a `<section>` with its own heading and a form that
posts to the app's own view (which validates, saves through the app's services and comes back).
The account page shows the sections in the order they were registered.
"""

from collections.abc import Callable
from functools import partial

from django.http import HttpRequest

AccountSection = Callable[[HttpRequest], str]

_sections: dict[str, AccountSection] = {}


def account_section_register(name: str, render: AccountSection) -> None:
    """Add (or replace, on a second ready()) the section `name` of the account page."""
    _sections[name] = render


def account_section_list(request: HttpRequest) -> list[Callable[[], str]]:
    """Every registered section for the learner of `request`, each rendered when the template shows it.

    Rendered by the account template, not before it: the page's own context then comes first
    (the test client's `response.context["form"]` stays the profile form).
    """
    return [partial(render, request) for render in _sections.values()]
