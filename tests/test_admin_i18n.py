"""Admin is wholly in Thai: every page an editor or a superuser reaches, the messages
after saving, the admin's JavaScript, and Django's own catalogues behind them."""

import ast
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import django
import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags

from news.models import Article
from tests.admin_forms import form_fields
from tests.factories import make_editor

pytestmark = pytest.mark.django_db

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
# Latin words that are Thai UI all the same: the key cap pressed to pick several
# items (Django's help under multi-selects), "รหัส ISO" (the standard's name for a
# province code) and "รูปแบบ HTML" in the article body's help.
UI_TOKENS = {"Ctrl", "ISO", "HTML", "Word", "LINE", "docx"}  # the last three: the import screen's file types and apps
# Written by Django in English with no message to translate, met by superusers only
# (user and group pages): permission names stored as "Can add article", a group's
# permission links in its delete summary (Django's own GroupAdmin), a hard-coded
# warning on the set-password page, and a password hash's masked salt.
SUPERUSER_ONLY = re.compile(
    r"\| Can (add|change|delete|view) |ความเชื่อมโยง group-permission|Group_permissions object \(\d+\)"
    r"|^If disabled, the current password|^[\w+/]{6}\*+$"
)
# Where the walk does not go: logout is a POST (done separately), "view on site"
# leaves admin, and these answer JSON or JavaScript, not pages.
SKIP = re.compile(r"^/admin/(logout|r|jsi18n|autocomplete)/")
CHECKED_ATTRIBUTES = {"placeholder", "title", "aria-label", "alt"}


class VisibleText(HTMLParser):
    """The text a person reads on a page: text nodes, labels in attributes, buttons."""

    def __init__(self):
        super().__init__()
        self.texts, self.links, self._skip = [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style", "textarea", "template"):
            self._skip += 1  # code, and an article body being edited (data)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        self.texts += [value for name, value in attrs.items() if name in CHECKED_ATTRIBUTES and value]
        if tag in ("input", "button") and attrs.get("type") in ("submit", "button", "reset") and attrs.get("value"):
            self.texts.append(attrs["value"])
        if attrs.get("data-inline-formset"):  # inlines.js: "Add another …", "Remove"
            options = json.loads(attrs["data-inline-formset"])["options"]
            self.texts += [options["addText"], options["deleteText"]]

    def handle_endtag(self, tag):
        if tag in ("script", "style", "textarea", "template"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.texts.append(data.strip())


def data_words():
    """Latin words stored as data (province names in English, CLUSTER, Zoom, URLs,
    user names, file names): shown as they were typed, not interface text."""
    words = set()
    for model in list(apps.get_app_config("news").get_models()) + [get_user_model(), Group]:
        text_fields = [f.name for f in model._meta.concrete_fields if isinstance(f, (models.CharField, models.TextField, models.FileField))]
        for row in model.objects.values_list(*text_fields):
            words.update(word for value in row if value for word in LATIN_WORD.findall(str(value)))
    return words


def english_on(html, allowed, ignore=None):
    page = VisibleText()
    page.feed(html)
    texts = [text for text in page.texts if not (ignore and ignore.search(text))]
    found = {word for text in texts for word in LATIN_WORD.findall(text)} - allowed
    return found, page.links


def walk(client, start, allowed, limit=2, ignore=None):
    """Every admin page reachable by links from `start`; at most `limit` rows or
    query-string variants per address, so a long list is not opened row by row."""
    seen, queue, english, per_path = set(), list(start), {}, {}
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, url
        found, links = english_on(response.content.decode(), allowed, ignore)
        if found:
            english[url] = sorted(found)
        for link in links:
            absolute = urljoin(url, link).split("#")[0]
            parts = urlsplit(absolute)
            if parts.netloc or not parts.path.startswith("/admin/") or SKIP.match(parts.path):
                continue
            family = re.sub(r"/\d+/", "/<id>/", parts.path) + ("?" if parts.query else "")
            if absolute not in seen and per_path.get(family, 0) < limit:
                per_path[family] = per_path.get(family, 0) + 1
                queue.append(absolute)
    return seen, english


@pytest.fixture
def editor(client):
    """An editor of ศธจ.เพชรบูรณ์, in the editors group every migrate makes."""
    client.force_login(make_editor("phetchabun", "peo-phetchabun"))
    return client


@pytest.fixture
def superuser(client):
    user = get_user_model().objects.create_superuser("chief-admin", "chief@example.invalid", "pw-for-tests-123")
    client.force_login(user)
    return client


ARTICLE = "ประชุมโครงการขับเคลื่อนนโยบายการจัดการศึกษา"  # seed 003, ศธจ.เพชรบูรณ์


def test_every_admin_page_an_editor_reaches_is_thai(editor):
    """Index, lists with filters, search and date drill-down, add, change, delete,
    history and password pages: no English interface text."""
    article = Article.objects.get(title__startswith=ARTICLE)
    start = [
        reverse("admin:index"),
        reverse("admin:news_article_changelist") + "?q=ประชุม",
        reverse("admin:news_article_changelist") + "?q=ไม่มีข่าวนี้แน่นอน",  # "0 results"
        reverse("admin:news_article_change", args=[article.pk]),
        reverse("admin:news_article_history", args=[article.pk]),
        reverse("admin:password_change"),
    ]
    seen, english = walk(editor, start, data_words() | UI_TOKENS)
    assert english == {}, json.dumps(english, ensure_ascii=False, indent=0)
    visited = " ".join(seen)
    assert "published_at__year" in visited and "published_at__month" in visited  # the date drill-down
    assert "/add/" in visited and "/history/" in visited and "/password_change/" in visited


def test_every_admin_page_a_superuser_reaches_is_thai(superuser):
    seen, english = walk(superuser, [reverse("admin:index")], data_words() | UI_TOKENS, limit=1, ignore=SUPERUSER_ONLY)
    assert english == {}, json.dumps(english, ensure_ascii=False, indent=0)
    assert any("/auth/user/" in url for url in seen) and any("/news/event/" in url for url in seen)
    assert any(url.endswith("/delete/") for url in seen)


def test_messages_after_saving_and_after_an_error_are_thai(editor):
    """The issue's "The ข่าว “…” was added successfully." and "Please correct the error below."."""
    allowed = data_words() | UI_TOKENS
    article = Article.objects.get(title__startswith=ARTICLE)
    url = reverse("admin:news_article_change", args=[article.pk])
    data = form_fields(editor.get(url).content.decode())
    response = editor.post(url, {**data, "_continue": "1"}, follow=True)
    html = response.content.decode()
    assert f"แก้ไขข่าว “{article.title}” เรียบร้อยแล้ว แก้ไขต่อได้ด้านล่าง" in strip_tags(html)
    assert english_on(html, allowed)[0] == set()
    response = editor.post(url, {**data, "title": ""})
    html = response.content.decode()
    assert response.status_code == 200 and "กรุณาแก้ไขข้อผิดพลาดด้านล่าง" in html
    assert english_on(html, allowed)[0] == set()
    added = form_fields(editor.get(reverse("admin:news_article_add")).content.decode())
    added.update(title="ข่าวใหม่ของเพชรบูรณ์", body="<p>x</p>", office=data["office"])
    response = editor.post(reverse("admin:news_article_add"), added, follow=True)
    assert "เพิ่มข่าว “ข่าวใหม่ของเพชรบูรณ์” เรียบร้อยแล้ว" in strip_tags(response.content.decode())
    response = editor.post(reverse("admin:logout"), follow=True)
    html = response.content.decode()
    assert "เข้าสู่ระบบอีกครั้ง" in html and english_on(html, allowed)[0] == set()


# Django's English catalogues: the msgids admin pages and scripts translate.
DJANGO = Path(django.__file__).parent
CATALOGUES = [
    ("django", DJANGO / "contrib/admin/locale/en/LC_MESSAGES/django.po"),
    ("django", DJANGO / "contrib/auth/locale/en/LC_MESSAGES/django.po"),
    ("django", DJANGO / "contrib/contenttypes/locale/en/LC_MESSAGES/django.po"),
    ("djangojs", DJANGO / "contrib/admin/locale/en/LC_MESSAGES/djangojs.po"),
]


def po_entries(path):
    """(msgctxt, msgid, msgid_plural) of each entry of a .po file."""
    entries, entry, key = [], {}, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = line.strip()
        if line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        elif line and not line.startswith("#"):
            key, _, value = line.partition(" ")
            entry[key] = ast.literal_eval(value)
        elif not line and entry:
            if entry.get("msgid"):
                entries.append((entry.get("msgctxt"), entry["msgid"], entry.get("msgid_plural")))
            entry = {}
    return entries


def untranslated(text, msgid):
    """Still the English msgid (placeholders and punctuation alone need no Thai)."""
    return text == msgid and LATIN_WORD.search(re.sub(r"%\(\w+\)[sdr]|%[sd]|\{\w*\}", "", msgid))


@pytest.mark.parametrize("domain,path", CATALOGUES, ids=lambda v: str(v).split("django/")[-1])
def test_every_message_of_django_admin_auth_and_contenttypes_has_thai(domain, path):
    """Django's Thai lacks many (and has obsolete singular-only plurals); locale_django/ fills them."""
    if domain == "djangojs":  # as the admin's JavaScriptCatalog builds it
        trans = translation.trans_real.DjangoTranslation("th", domain="djangojs", localedirs=[DJANGO / "contrib/admin/locale"])
    else:
        trans = translation.trans_real.translation("th")
    missing = []
    for context, msgid, plural in po_entries(path):
        for n in ([1, 2] if plural else [None]):
            if plural:
                text = trans.npgettext(context, msgid, plural, n) if context else trans.ngettext(msgid, plural, n)
            else:
                text = trans.pgettext(context, msgid) if context else trans.gettext(msgid)
            if untranslated(text, msgid) or (plural and text == plural):
                missing.append(msgid)
    assert missing == []


def test_admin_javascript_catalogue_is_thai(editor):
    """Calendar, clock, selection boxes and action warnings, as /admin/jsi18n/ serves them."""
    script = editor.get(reverse("admin:jsi18n"), HTTP_ACCEPT_LANGUAGE="th").content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))
    formats = json.loads(re.search(r"django.formats = (\{.*?\});", script, re.S).group(1))
    for msgid, thai in {
        "Today": "วันนี้", "Now": "เวลานี้", "Choose a Date": "เลือกวันที่", "Choose a Time": "เลือกเวลา",
        "Cancel": "ยกเลิก", "Midnight": "เที่ยงคืน", "Noon": "เที่ยงวัน", "6 a.m.": "06.00 น.",
        "Choose all %s": "เลือก%sทั้งหมด", "Remove all %s": "นำ%sออกทั้งหมด", "Filter": "กรอง",
        "abbrev. month November\x04Nov": "พ.ย.", "Sunday": "อาทิตย์",
    }.items():
        assert catalog[msgid] == thai
    english = [key for key, value in catalog.items() if isinstance(value, str) and untranslated(value, key.split("\x04")[-1])]
    assert english == []
    assert formats["TIME_INPUT_FORMATS"][0] == "%H.%M"  # "Now" and the clock write 09.00
    assert formats["DATE_INPUT_FORMATS"][0] == "%d/%m/%Y"  # the calendar writes 20/11/2569


def test_the_body_editors_toolbar_and_dialogs_are_thai(editor):
    """django-prose-editor names its buttons in English; the change form loads the
    script that passes them through this catalogue, which has them all in Thai."""
    page = editor.get(reverse("admin:news_article_add")).content.decode()
    assert "news/admin/prose-editor-i18n.js" in page
    script = editor.get(reverse("admin:jsi18n"), HTTP_ACCEPT_LANGUAGE="th").content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))
    for msgid, thai in {
        "bold": "ตัวหนา", "italic": "ตัวเอียง", "heading %s": "หัวข้อระดับ %s", "insert link": "แทรกลิงก์",
        "Insert table": "แทรกตาราง", "undo": "เลิกทำ", "Edit Link": "แก้ไขลิงก์", "Open in new window": "เปิดในหน้าต่างใหม่",
    }.items():
        assert catalog[msgid] == thai


def test_the_breadcrumb_names_the_app_and_the_model_differently(editor):
    """Not "ข่าว › ข่าว": the app holds events, people and offices as well as news."""
    page = editor.get(reverse("admin:news_article_changelist")).content.decode()
    crumbs = html.unescape(strip_tags(re.search(r'<div class="breadcrumbs">(.*?)</div>', page, re.S).group(1))).split()
    assert " ".join(crumbs) == "หน้าแรก › ข่าวและกิจกรรม › ข่าว"
