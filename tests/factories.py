"""Plain helpers that make test rows with sensible defaults."""

import datetime

from django.utils import timezone

from news.models import Article, Event, Office


def make_office(**kwargs):
    n = Office.objects.count() + 1
    defaults = {"name": f"สำนักงานทดสอบ {n}", "short_name": f"สนง.ทดสอบ {n}", "slug": f"test-office-{n}", "kind": "other"}
    defaults.update(kwargs)
    return Office.objects.create(**defaults)


def make_article(**kwargs):
    defaults = {
        "title": "ข่าวทดสอบการประชุมเชิงปฏิบัติการ",
        "body": "<p>เนื้อหาข่าวทดสอบ</p>",
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(hours=1),
    }
    defaults.update(kwargs)
    if "office" not in defaults:
        defaults["office"] = Office.objects.get(slug="obec")
    return Article.objects.create(**defaults)


def make_event(**kwargs):
    defaults = {"title": "ประชุมทดสอบ", "start_date": datetime.date(2024, 1, 10)}
    defaults.update(kwargs)
    if "organiser" not in defaults:
        defaults["organiser"] = Office.objects.get(slug="obec")
    return Event.objects.create(**defaults)


def make_public_event(**kwargs):
    """An event with one published article about it: only such events are public."""
    event = make_event(**kwargs)
    make_article(title=f"ข่าว{event.title}", event=event, office=event.organiser)
    return event


def form_fields(html):
    """What a browser posts back when a page's form is submitted unchanged."""
    from html.parser import HTMLParser

    class Form(HTMLParser):
        def __init__(self):
            super().__init__()
            self.data, self.select, self.textarea = {}, None, None

        def add(self, name, value):
            self.data.setdefault(name, []).append(value)

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            name = attrs.get("name")
            if tag == "input" and name:
                kind = attrs.get("type", "text")
                if kind in ("checkbox", "radio") and "checked" not in attrs:
                    return
                if kind not in ("submit", "button", "reset", "file", "image"):
                    self.add(name, attrs.get("value", "on" if kind == "checkbox" else ""))
            elif tag == "select":
                self.select = name
            elif tag == "option" and self.select and "selected" in attrs:
                self.add(self.select, attrs.get("value", ""))
            elif tag == "textarea":
                self.textarea = name
                self.add(name, "")

        def handle_endtag(self, tag):
            if tag == "select":
                self.select = None
            elif tag == "textarea":  # a browser drops the newline after <textarea>
                self.data[self.textarea][-1] = self.data[self.textarea][-1].removeprefix("\n")
                self.textarea = None

        def handle_data(self, data):
            if self.textarea:
                self.data[self.textarea][-1] += data

    form = Form()
    form.feed(html)
    form.data.pop("csrfmiddlewaretoken", None)
    return {name: values if len(values) > 1 else values[0] for name, values in form.data.items()}
