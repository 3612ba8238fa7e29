"""Read an admin form as a browser would, so a test can post it back as a user does."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    """Collects the fields of one form: the one with `form_id`, or else the first
    whose id ends in "_form" (the admin's change form is "<model>_form")."""

    def __init__(self, form_id=None):
        super().__init__()
        self.form_id, self.inside, self.done = form_id, False, False
        self.data, self.select, self.textarea = {}, None, None

    def add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.done:
            form_id = attrs.get("id") or ""
            self.inside = form_id == self.form_id if self.form_id else form_id.endswith("_form")
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button", "reset", "file", "image"):
                self.add(name, attrs.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "select":
            self.select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in attrs:
            self.add(self.select, attrs.get("value", ""))
        elif tag == "textarea" and name:
            self.textarea = name
            self.add(name, "")

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside, self.done = False, True
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:  # a browser drops the newline after <textarea>
            self.data[self.textarea][-1] = self.data[self.textarea][-1].removeprefix("\n")
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][-1] += data


def form_fields(html, form_id=None):
    """What a browser posts when the page's admin form is submitted unchanged."""
    reader = _FormReader(form_id)
    reader.feed(html)
    reader.data.pop("csrfmiddlewaretoken", None)
    return {name: values if len(values) != 1 else values[0] for name, values in reader.data.items()}


def form_data(response, **changes):
    """The change form of an admin response as a browser would submit it, with `changes`."""
    return {**form_fields(response.content.decode()), **changes}
