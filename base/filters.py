"""What every listing's GET filter form shares: options with counts, dropped values, sort, paging links."""

from django import forms
from django.utils.translation import gettext


def option_label(value) -> str:
    """An option's label: a term's name, a page's title, or the label itself."""
    if hasattr(value, "_meta"):  # a taxonomy term or a page
        return getattr(value, "name", None) or value.title
    return str(value)


class FilterForm(forms.Form):
    """A listing's GET filters. A value that matches no choice is dropped, with one message per field.

    `options` maps a choice field to the values it offers (`{value: object or label}`), given when
    the form is built; a value whose option is an object (a term, a partner) is cleaned into that
    object. With counts (`counts_set`), each option shows how many results it gives and options
    giving none are hidden unless chosen. `SORTS` maps each value of the `sort` field to its label
    and ordering; the first is the default.
    """

    ANY: dict = {}  # option field -> the label of its empty choice ("Any topic")
    SORTS: dict = {}  # sort value -> (label, order_by fields)
    NOT_FILTERS = ("sort", "page")  # fields that order or page the results without filtering them

    def __init__(self, data=None, *, options=None, counts=None, **kwargs):
        super().__init__(data, **kwargs)
        self.options = options or {}
        self.valid_query = {}
        if self.SORTS:
            self.fields["sort"].choices = [(value, label) for value, (label, _order) in self.SORTS.items()]
        self.counts_set(counts)

    def counts_set(self, counts):
        """Label each option with its count of results (None: plain labels, every option shown)."""
        self.counts = counts
        for name, options in self.options.items():
            chosen = self.data.get(name) if self.is_bound else None
            choices = [("", self.ANY[name])]
            for key, value in options.items():
                if counts is None:
                    choices.append((key, option_label(value)))
                    continue
                count = counts.get(name, {}).get(key, 0)
                if count or key == chosen:
                    choices.append((key, f"{option_label(value)} ({count})"))
            self.fields[name].choices = choices

    def valid_filters(self) -> tuple[dict, list[str]]:
        """The usable filters and a message per dropped value.

        Options become their objects, `sort` its ordering (the default when unset); `valid_query`
        then holds the kept values as typed, for the links to other pages of results.
        """
        self.valid_query = {}
        if not self.is_bound:
            return self._with_ordering({}), []
        # Choices hold every option while validating; counts relabel them after.
        for name, options in self.options.items():
            self.fields[name].choices = [("", "")] + [(key, key) for key in options]
        self.is_valid()
        self.counts_set(self.counts)
        messages = [
            gettext("“%(field)s” had a value we don't recognise, so it was ignored.")
            % {"field": self.fields[name].label}
            for name in self.errors
        ]
        data = {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}
        self.valid_query = {name: self.data[name] for name in data if name != "page"}
        for name, value in data.items():
            option = self.options.get(name, {}).get(value)
            if hasattr(option, "_meta"):
                data[name] = option
        return self._with_ordering(data), messages

    def _with_ordering(self, data: dict) -> dict:
        if self.SORTS:
            data["sort"] = self.SORTS[data.get("sort") or next(iter(self.SORTS))][1]
        return data

    def is_filtering(self, filters: dict) -> bool:
        """Whether `filters` (from valid_filters) narrow the results, rather than only sort or page them."""
        return any(value for name, value in filters.items() if name not in self.NOT_FILTERS)
