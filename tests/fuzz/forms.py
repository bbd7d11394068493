"""Hostile form input for the fuzz tests: the values, a parser that finds a page's forms, the sender."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote, urljoin, urlsplit

HOSTILE = {
    "empty": "",
    "10,000 characters": "a" * 10_000,
    "NUL and control characters": "a\x00b\x07c\x1b\r\n",
    "right-to-left override": "\u202eevil.example",
    "a bare word": "foo",
    "another host": "//evil.example",
    "a script URL": "javascript:alert(1)",
    "a huge integer": "9" * 40,
    "a negative number": "-1",
    "a backslash path": "/\\evil.example",
}
NOT_UTF8 = "%FF%FE%C0%AF"  # percent-encoded bytes that are no UTF-8 text
# Wagtail's scripts write these fields (formset and StreamField counters, Draftail's JSON) and they
# are sent as the script would: a hand-edited counter or rich-text JSON is a 500 inside Wagtail
# itself (StreamBlock.value_from_datadict, ContentstateConverter), not in a form of ours.
MACHINE_SUFFIXES = ("-count", "-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS")
SKIP_ACTIONS = ("/logout/", "/reauthenticate/")


@dataclass
class Form:
    action: str
    method: str
    fields: dict = field(default_factory=dict)  # name -> list of values, as the browser would send them
    machine: set = field(default_factory=set)  # names whose values only Wagtail's scripts write
    hidden: set = field(default_factory=set)  # hidden inputs (in the admin: choosers' ids, written by scripts)


class FormParser(HTMLParser):
    """The forms of a page, with the values a browser would submit untouched."""

    def __init__(self, url):
        super().__init__(convert_charrefs=True)
        self.url, self.forms, self.form, self.select, self.textarea, self.button_taken = (
            url,
            [],
            None,
            None,
            None,
            False,
        )

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "form":
            action = urljoin(self.url, attrs.get("action") or self.url)
            self.form = Form(action=action, method=(attrs.get("method") or "get").lower())
            self.forms.append(self.form)
            self.button_taken = False
        if (
            self.form is not None
            and tag == "div"
            and "w-block" in (attrs.get("data-controller") or "")
            and attrs.get("id")
        ):
            # A StreamField: its inputs are drawn by Wagtail's script; an empty stream is a count of 0.
            self.form.fields[f"{attrs['id']}-count"] = ["0"]
            self.form.machine.add(f"{attrs['id']}-count")
        if self.form is None or not name:
            return
        values = self.form.fields
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                values.setdefault(name, [])
                if "checked" in attrs:
                    values[name].append(attrs.get("value", "on"))
            elif kind in ("submit", "image", "button", "file"):
                if kind == "submit" and not self.button_taken:
                    values[name] = [attrs.get("value", "")]
                    self.button_taken = True
            else:
                values.setdefault(name, []).append(attrs.get("value", ""))
                if kind == "hidden":
                    self.form.hidden.add(name)
            if name.endswith(MACHINE_SUFFIXES) or "data-draftail-input" in attrs:
                self.form.machine.add(name)
        elif tag == "button" and attrs.get("type", "submit") == "submit" and not self.button_taken:
            values[name] = [attrs.get("value", "")]
            self.button_taken = True
        elif tag == "select":
            self.select = name
            values.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in attrs:
            values[self.select].append(attrs.get("value", ""))
        elif tag == "textarea":
            self.textarea = name
            values[name] = [""]

    def handle_data(self, data):
        if self.textarea and self.form is not None:
            self.form.fields[self.textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


class Fuzzer:
    """Sends the hostile requests and keeps count of them and of every bad answer."""

    def __init__(self):
        self.sent, self.server_errors, self.problems = 0, 0, []

    def forms_on(self, client, url, *, method="post"):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        parser = FormParser("http://testserver" + url)
        parser.feed(response.content.decode())
        forms = []
        for form in parser.forms:
            path = urlsplit(form.action)
            if form.method != method or path.netloc != "testserver" or any(skip in path.path for skip in SKIP_ACTIONS):
                continue
            form.action = path.path + (f"?{path.query}" if path.query else "")
            form.fields.pop("csrfmiddlewaretoken", None)
            forms.append(form)
        return forms

    def send(self, client, form, data, label, *, raw=None):
        self.sent += 1
        if raw is not None:
            if form.method == "get":
                response = client.get(f"{form.action.split('?')[0]}?{raw}")
            else:
                response = client.post(form.action, raw, content_type="application/x-www-form-urlencoded")
        elif form.method == "get":
            response = client.get(form.action.split("?")[0], data)
        else:
            response = client.post(form.action, data)
        where = f"{form.method.upper()} {form.action} [{label}]"
        if response.status_code >= 500:
            self.server_errors += 1
            self.problems.append(f"{where}: {response.status_code}")
        elif 300 <= response.status_code < 400:
            target = urlsplit(response["Location"])
            if (
                target.scheme not in ("", "http")
                or target.netloc not in ("", "testserver")
                or response["Location"].startswith(("//", "/\\"))
            ):
                self.problems.append(f"{where}: redirects off the site to {response['Location']!r}")
        elif b"Traceback" in getattr(response, "content", b""):
            self.problems.append(f"{where}: shows a traceback")
        return response

    def fuzz(self, client, form, *, next_values=None, before=None):
        """Hostile values in every field (all at once, then one by one), repeated fields, bad bytes, and `next`."""
        names = [name for name in form.fields if name not in form.machine]
        baseline = {name: values for name, values in form.fields.items() if values}
        hostile = list(HOSTILE.items())
        for label, value in hostile:
            before and before()
            self.send(
                client, form, {**baseline, **{name: value for name in names}, "next": value}, f"all fields: {label}"
            )
        for i, name in enumerate(names):
            label, value = hostile[i % len(hostile)]
            before and before()
            self.send(client, form, {**baseline, name: value}, f"{name}: {label}")
        before and before()
        self.send(client, form, {**baseline, **{name: ["1", "foo", "-1"] for name in names}}, "every field repeated")
        before and before()
        kept = [f"{quote(name)}={quote(value)}" for name in form.machine for value in form.fields.get(name, [])]
        raw = "&".join(kept + [f"{quote(name)}={NOT_UTF8}" for name in names or ["next"]])
        self.send(client, form, None, "bytes that are not UTF-8", raw=raw)
        for label, value in hostile if next_values is None else [(v, HOSTILE[v]) for v in next_values]:
            before and before()
            self.send(client, form, {**baseline, "next": value}, f"next: {label}")

    def fuzz_query(self, client, path, names):
        """A GET form (search box, filters, report picker) given by its address and field names."""
        self.fuzz(client, Form(action=path, method="get", fields={name: [] for name in names}), next_values=())

    def report(self, capsys, role):
        with capsys.disabled():
            print(f"\n[fuzz] {role}: {self.sent} requests sent, {self.server_errors} answered 500")
        assert not self.problems, "\n".join(self.problems[:40])
