"""Editors post for their own offices (and those under them) and never touch another
office's articles, drafts included."""

import pytest
from django.test import Client
from django.urls import reverse

from news.models import Article, Event, Office
from tests.factories import make_article, make_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    """An editor of ศธจ.เพชรบูรณ์, in the editors group every migrate makes."""
    client.force_login(make_editor("phetchabun", "peo-phetchabun"))
    return client


def test_editor_lists_only_their_offices_articles(editor_client):
    make_article(title="ร่างของ สพฐ. ที่ยังไม่เผยแพร่", status="draft")  # office สพฐ.
    html = editor_client.get(reverse("admin:news_article_changelist")).content.decode()
    assert "ประชุมโครงการขับเคลื่อนนโยบายการจัดการศึกษา" in html  # seed 003, ศธจ.เพชรบูรณ์
    assert "ร่างของ สพฐ." not in html
    assert "CLUSTER" not in html  # seed 002, สพฐ.


def test_editor_cannot_open_or_change_another_offices_article(editor_client):
    other = make_article(title="ร่างของหน่วยงานอื่น", status="draft")
    url = reverse("admin:news_article_change", args=[other.pk])
    response = editor_client.get(url)
    assert response.status_code in (302, 403, 404)
    assert "ร่างของหน่วยงานอื่น" not in response.content.decode()
    editor_client.post(url, {"title": "แก้โดยคนนอก"})
    other.refresh_from_db()
    assert other.title == "ร่างของหน่วยงานอื่น"
    delete = editor_client.post(reverse("admin:news_article_delete", args=[other.pk]), {"post": "yes"})
    assert delete.status_code in (302, 403, 404) and Article.objects.get(pk=other.pk).status == "draft"  # not trashed


def test_editor_may_only_choose_their_offices(editor_client):
    response = editor_client.get(reverse("admin:news_article_add"))
    choices = {str(o) for o in response.context["adminform"].form.fields["office"].queryset}
    assert choices == {"ศธจ.เพชรบูรณ์"}
    autocomplete = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "news", "model_name": "article", "field_name": "office", "term": ""},
    ).json()
    assert [r["text"] for r in autocomplete["results"]] == ["ศธจ.เพชรบูรณ์"]
    posted = editor_client.post(reverse("admin:news_article_add"), {
        "title": "ข่าวปลอมในนาม สพฐ.", "body": "<p>x</p>", "office": Office.objects.get(slug="obec").pk,
        "status": "draft", "published_at_0": "2024-03-01", "published_at_1": "10:00:00",
        "photos-TOTAL_FORMS": "0", "photos-INITIAL_FORMS": "0", "photos-MIN_NUM_FORMS": "0", "photos-MAX_NUM_FORMS": "1000",
    })
    assert posted.status_code == 200 and not Article.objects.filter(title="ข่าวปลอมในนาม สพฐ.").exists()


def test_editor_links_news_to_another_offices_event_but_cannot_edit_it(editor_client):
    """Seed 003: the Phetchabun office reports a meeting organised by สป.ศธ."""
    event = Event.objects.get(organiser__slug="ops", start_date="2023-11-09")
    found = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "news", "model_name": "article", "field_name": "event", "term": "ขับเคลื่อนนโยบาย"},
    ).json()
    assert str(event.pk) in [r["id"] for r in found["results"]]
    editor_client.post(reverse("admin:news_event_change", args=[event.pk]), {"title": "แก้ชื่อโดยคนนอก"})
    event.refresh_from_db()
    assert event.title != "แก้ชื่อโดยคนนอก"


def test_a_superuser_sees_every_office(admin_client):
    html = admin_client.get(reverse("admin:news_article_changelist")).content.decode()
    assert "CLUSTER" in html and "ประชุมโครงการขับเคลื่อนนโยบายการจัดการศึกษา" in html


def test_editors_preview_their_own_drafts_and_nobody_else_does(editor_client):
    own = make_article(title="ร่างของเพชรบูรณ์", status="draft", office=Office.objects.get(slug="peo-phetchabun"))
    other = make_article(title="ร่างของ สพฐ.", status="draft")
    response = editor_client.get(own.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200 and "ร่างของเพชรบูรณ์" in html
    assert "ผู้อ่านยังไม่เห็นหน้านี้" in html and 'content="noindex' in html
    assert "no-store" in response["Cache-Control"]
    redirect = editor_client.get(f"/news/{own.pk}/")  # the short address, before its 301
    assert redirect.status_code == 301 and "no-store" in redirect["Cache-Control"]
    own.refresh_from_db()
    assert own.read_count == 0  # a preview is not a read
    assert editor_client.get(other.get_absolute_url()).status_code == 404
    assert Client().get(own.get_absolute_url()).status_code == 404  # an anonymous reader
