"""The verification lookup: paste a certificate's id (or its whole verification link) to open its page."""

from django import forms
from django.utils.translation import gettext_lazy as _

# Room for a pasted link; no id is near this long (the verification page itself takes any length).
LOOKUP_MAX_LENGTH = 200


class CertificateLookupForm(forms.Form):
    id = forms.CharField(
        label=_("Certificate id"),
        max_length=LOOKUP_MAX_LENGTH,
        help_text=_("The id printed under the QR code, or the whole verification link."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "none"}),
    )

    def clean_id(self):
        """The id alone, from an id or a pasted link such as https://…/verify/<id>/."""
        value = self.cleaned_data["id"].strip()
        if "/verify/" in value:
            value = value.split("/verify/", 1)[1]
        value = value.strip().strip("/").split("?", 1)[0].split("#", 1)[0].strip()
        if not value:
            raise forms.ValidationError(_("Enter the certificate's id."))
        return value
