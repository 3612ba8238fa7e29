"""Read an admin form as a browser would, so a test can post it back as a user does."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.data = form_id, False, {}
        self.select = self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "name" not in attrs and tag != "option":
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data.setdefault(attrs["name"], []).append(attrs.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "select":
            self.select = attrs["name"]
            self.data.setdefault(self.select, [])
        elif tag == "option" and self.select and "selected" in attrs:
            self.data[self.select].append(attrs.get("value", ""))
        elif tag == "textarea":
            self.textarea = attrs["name"]
            self.data[self.textarea] = [""]

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][0] += data


def form_data(response, form_id=None, **changes):
    """The fields of the page's admin form as a browser would submit them, with `changes`.

    The admin's change form has the id "<model>_form".
    """
    if form_id is None:
        form_id = f"{response.context['opts'].model_name}_form"
    reader = _FormReader(form_id)
    reader.feed(response.content.decode())
    data = {name: values if len(values) != 1 else values[0] for name, values in reader.data.items()}
    # A textarea's content starts after the newline that follows its tag.
    data = {name: value.removeprefix("\n") if isinstance(value, str) else value for name, value in data.items()}
    data.update(changes)
    return data
