from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    """The site search box. A query longer than MAX_QUERY_LENGTH is cut, with a message."""

    q = forms.CharField(label=_("Search for"), required=False, strip=True)
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)

    def query_and_messages(self):
        messages = []
        raw = self.data.get("q", "") if self.is_bound else ""
        if not isinstance(raw, str):
            raw = ""
        # Control characters (NUL included) mean nothing in a search; keep tabs and newlines as spaces.
        cleaned = "".join(" " if ch in "\t\r\n" else ch for ch in raw if ch.isprintable() or ch in "\t\r\n")
        cleaned = " ".join(cleaned.split())
        if len(cleaned) > MAX_QUERY_LENGTH:
            cleaned = cleaned[:MAX_QUERY_LENGTH].rstrip()
            messages.append(
                gettext("Your search was too long, so only its first %(count)s characters were used.")
                % {"count": MAX_QUERY_LENGTH}
            )
        page = 1
        if self.is_bound and self.data.get("page"):
            try:
                page = max(1, min(int(self.data["page"]), 100_000))
            except (TypeError, ValueError):
                messages.append(gettext("That page of results does not exist; showing the first page."))
        return cleaned, page, messages
