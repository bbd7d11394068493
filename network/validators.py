"""Checks on the free text members type (a biography, a message, what an organisation offers)."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.validators import BIDI_CONTROLS

# Line breaks and tabs are text; every other control character, the bidi overrides ("Trojan
# Source"), surrogates, private-use and unassigned code points are not.
ALLOWED_CONTROLS = frozenset("\n\r\t")
FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Cn"})


def validate_plain_text(value: str) -> None:
    """Several lines of plain text in any script: no control, bidi-override or private characters, no script links."""
    if any(char in BIDI_CONTROLS for char in value):
        raise ValidationError(_("Remove the invisible text-direction characters from this text."), code="bidi_control")
    if any(unicodedata.category(char) in FORBIDDEN_CATEGORIES and char not in ALLOWED_CONTROLS for char in value):
        raise ValidationError(_("Remove the control or invisible characters from this text."), code="control")
    # Shown as escaped text, never as a link; refused all the same, since no honest message needs one.
    squeezed = "".join(value.split()).casefold()
    if "javascript:" in squeezed or "vbscript:" in squeezed or "data:text/html" in squeezed:
        raise ValidationError(_("Remove the script link from this text."), code="script_link")
