"""What readers get from the workflow: a scheduled article appears everywhere at its
time with no job running (the clock is moved with a patched timezone.now), and a
withdrawn one leaves every list, feed, sitemap and search while its address shows a
Thai withdrawal notice (410, noindex); an address that never was public stays 404."""

import datetime
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from news.models import Article, AuditEntry, Office
from tests.factories import make_article, make_editor, make_public_event

pytestmark = pytest.mark.django_db

WORD = "ประชุมตั้งเวลาทดลองระบบ"  # a title word found by search, in no seed


def public_texts(client, article):
    """Where an article can be seen without logging in, and whether it is there."""
    office, title = article.office, article.title  # the title: the search page repeats the words asked
    address = article.get_absolute_url()  # percent-encoded, as the sitemap writes it
    return {
        "page": client.get(article.get_absolute_url()).status_code,
        "list": title in client.get(reverse("news:article_list")).content.decode(),
        "search": title in client.get(reverse("news:article_list"), {"q": WORD}).content.decode(),
        "office": title in client.get(office.get_absolute_url()).content.decode(),
        "home": title in client.get(reverse("news:home")).content.decode(),
        "rss": title in client.get("/feeds/news.rss").content.decode(),
        "atom": title in client.get(f"/feeds/offices/{office.slug}.atom").content.decode(),
        "sitemap": address in client.get("/sitemap-news.xml").content.decode(),
    }


HIDDEN = {"page": 404, "list": False, "search": False, "office": False, "home": False, "rss": False, "atom": False, "sitemap": False}
SHOWN = {"page": 200, "list": True, "search": True, "office": True, "home": True, "rss": True, "atom": True, "sitemap": True}


def test_a_scheduled_article_appears_everywhere_at_its_time():
    at = timezone.now() + datetime.timedelta(hours=2)
    article = make_article(title=f"{WORD} ครั้งที่ 1", published_at=at)
    assert article.state == Article.State.SCHEDULED
    reader = Client()
    assert public_texts(reader, article) == HIDDEN
    with mock.patch("django.utils.timezone.now", return_value=at - datetime.timedelta(seconds=1)):
        assert public_texts(reader, article) == HIDDEN
    with mock.patch("django.utils.timezone.now", return_value=at + datetime.timedelta(seconds=1)):
        assert public_texts(reader, article) == SHOWN
        assert Article.objects.get(pk=article.pk).is_published()


def test_an_event_reported_only_by_scheduled_news_stays_embargoed_until_then():
    event = make_public_event(title="ประชุมที่ยังไม่ประกาศ")
    Article.objects.filter(event=event).update(published_at=timezone.now() + datetime.timedelta(days=1))
    reader = Client()
    assert reader.get(f"/events/{event.pk}/").status_code == 404
    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(days=2)):
        assert reader.get(f"/events/{event.pk}/", follow=True).status_code == 200


@pytest.fixture
def withdrawn():
    article = make_article(title=f"{WORD} ที่ถอน", office=Office.objects.get(slug="peo-phetchabun"))
    publisher = make_editor("publisher-phet", "peo-phetchabun")
    client = Client()
    client.force_login(publisher)
    response = client.post(
        reverse("admin:news_article_unpublish", args=[article.pk]),
        {"reason": "ข่าวนี้ระบุชื่อผู้เข้าร่วมผิด จะเผยแพร่ฉบับแก้ไขแทน"},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    return article


def test_a_withdrawn_article_shows_the_notice_and_leaves_every_list(withdrawn, django_assert_num_queries):
    reader = Client()
    with django_assert_num_queries(2):  # not public; withdrawn
        response = reader.get(withdrawn.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 410
    assert withdrawn.title in html and "ข่าวนี้ระบุชื่อผู้เข้าร่วมผิด" in html
    assert "ข่าวนี้ถูกถอนเมื่อ" in html and str(timezone.localdate().year + 543) in html  # B.E. date
    assert '<meta name="robots" content="noindex">' in html
    assert "เนื้อหาข่าวทดสอบ" not in html  # the body is gone
    assert {key: value for key, value in public_texts(reader, withdrawn).items() if key != "page"} == {
        key: value for key, value in HIDDEN.items() if key != "page"
    }
    assert reader.get(f"/news/{withdrawn.pk}/").status_code == 301  # the short address, to the notice
    assert reader.get(f"/news/{withdrawn.pk}/share.png").status_code == 404
    entry = AuditEntry.objects.get(article=withdrawn)
    assert (entry.action, entry.username) == ("unpublished", "publisher-phet")


def test_a_withdrawn_article_is_published_again_by_its_publisher(withdrawn):
    client = Client()
    client.force_login(make_editor("publisher-two", "peo-phetchabun"))
    client.post(reverse("admin:news_article_changelist"), {"action": "publish", "_selected_action": [withdrawn.pk]})
    withdrawn.refresh_from_db()
    assert withdrawn.is_published() and not withdrawn.withdrawal_reason
    assert Client().get(withdrawn.get_absolute_url()).status_code == 200


def test_unpublishing_news_nobody_saw_yet_leaves_a_404_not_a_notice():
    article = make_article(title=f"{WORD} ไม่เคยเผยแพร่", published_at=timezone.now() + datetime.timedelta(days=1))
    client = Client()
    client.force_login(make_editor("publisher-obec", "obec"))
    page = client.get(reverse("admin:news_article_unpublish", args=[article.pk]))
    assert "ตั้งเวลาไว้และยังไม่เคยเผยแพร่" in page.content.decode()
    client.post(reverse("admin:news_article_unpublish", args=[article.pk]), {"reason": "เลื่อนการประชุม"})
    article.refresh_from_db()
    assert article.status == "draft"
    assert Client().get(article.get_absolute_url()).status_code == 404
    assert Client().get(f"/news/{article.pk}/").status_code == 404


def test_an_unpublish_without_a_reason_changes_nothing():
    article = make_article(title=f"{WORD} ต้องมีเหตุผล")
    client = Client()
    client.force_login(make_editor("publisher-obec", "obec"))
    response = client.post(reverse("admin:news_article_unpublish", args=[article.pk]), {"reason": ""})
    assert response.status_code == 200 and response.context["form"].errors
    article.refresh_from_db()
    assert article.is_published() and not AuditEntry.objects.exists()


def test_the_unpublish_page_of_another_offices_article_is_404():
    article = make_article(title=f"{WORD} ของ สพฐ.")
    client = Client()
    client.force_login(make_editor("publisher-phet", "peo-phetchabun"))
    assert client.post(reverse("admin:news_article_unpublish", args=[article.pk]), {"reason": "x"}).status_code == 404
    assert client.get(reverse("admin:news_article_unpublish", args=["abc"])).status_code == 404
    article.refresh_from_db()
    assert article.is_published()
