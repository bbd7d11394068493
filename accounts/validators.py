"""Checks on names people type: any script, but nothing invisible that reorders or hides text."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Bidirectional embeddings, overrides and isolates (and the marks) can make a name display
# as something else ("Trojan Source"); a name never needs them. ZWJ and ZWNJ stay allowed:
# Persian, Indic scripts and emoji sequences use them.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Control characters (Cc: NUL, tab, newline…), line/paragraph separators, surrogates,
# private-use and unassigned code points.
FORBIDDEN_CATEGORIES = frozenset({"Cc", "Zl", "Zp", "Cs", "Co", "Cn"})


def validate_plain_name(value: str) -> None:
    """A one-line name in any script: no control, bidi-override or private characters."""
    if any(char in BIDI_CONTROLS for char in value):
        raise ValidationError(_("Remove the invisible text-direction characters from this name."), code="bidi_control")
    if any(unicodedata.category(char) in FORBIDDEN_CATEGORIES for char in value):
        raise ValidationError(_("Remove the control or invisible characters from this name."), code="control")


def validate_printable_name(value: str) -> None:
    """A name as printed on a certificate: letters, marks, spaces and the punctuation of names.

    Emoji and other symbols are refused because certificate fonts cannot print them.
    """
    validate_plain_name(value)
    for char in value:
        category = unicodedata.category(char)
        if category[0] in {"L", "M"} or char == " " or category in {"Pd", "Po", "Pc", "Zs"} or char in "\u200c\u200d":
            continue
        raise ValidationError(
            _("Use letters, spaces and the punctuation of names only (no emoji or symbols)."), code="symbol"
        )


class MaximumLengthValidator:
    """A password validator: long passphrases are welcome (ASVS asks for 64+), megabytes are not."""

    def __init__(self, max_length=256):
        self.max_length = max_length

    def validate(self, password, user=None):
        if len(password) > self.max_length:
            raise ValidationError(
                _("This password is too long. It must contain at most %(max_length)d characters."),
                code="password_too_long",
                params={"max_length": self.max_length},
            )

    def get_help_text(self):
        return _("Your password must contain at most %(max_length)d characters.") % {"max_length": self.max_length}
