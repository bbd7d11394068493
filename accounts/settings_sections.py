"""The registry of sections other apps add to "My account", which accounts never imports.

An app registers a function from its AppConfig.ready():

    from accounts.settings_sections import account_section_register
    account_section_register("messages", settings_section_render)

A section is `(request) -> str`: its HTML, a `<section>` with its own heading and a form that
posts to the app's own view (which validates, saves through the app's services and comes back).
The account page shows the sections in the order they were registered.
"""

from collections.abc import Callable

from django.http import HttpRequest

AccountSection = Callable[[HttpRequest], str]

_sections: dict[str, AccountSection] = {}


def account_section_register(name: str, render: AccountSection) -> None:
    """Add (or replace, on a second ready()) the section `name` of the account page."""
    _sections[name] = render


def account_section_render_all(request: HttpRequest) -> list[str]:
    """Every registered section's HTML for the signed-in learner of `request`."""
    return [render(request) for render in _sections.values()]
