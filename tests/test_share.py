"""Open Graph / Twitter cards, JSON-LD and the generated share images."""

import datetime
import io
import json
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from news import seo, views
from news import thai
from news.models import Article, Event
from tests.factories import make_article, make_public_event
from tests.test_feeds import add_photo

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


class HeadParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.json_ld, self._in_ld = {}, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta.setdefault(attrs.get("property") or attrs["name"], attrs["content"])
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_ld = True

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(json.loads(data))

    def handle_endtag(self, tag):
        self._in_ld = False


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def by_type(parser, kind):
    (data,) = [d for d in parser.json_ld if d["@type"] == kind]
    return data


def seed_article():
    return Article.objects.get(title__startswith="สพฐ. ประชุมเชิงปฏิบัติการ")


def test_article_with_photo_shares_its_cover(client):
    article = seed_article()
    cover = article.photos.order_by("order", "pk").first()
    head = head_of(client, article.get_absolute_url())
    canonical = BASE + article.get_absolute_url()
    assert head.meta["og:title"] == thai.compose_sara_am(article.title)
    assert head.meta["og:url"] == canonical
    assert head.meta["og:locale"] == "th_TH"
    assert head.meta["og:type"] == "article"
    # The clean JPEG rendition (news.photos), not the stored original.
    assert head.meta["og:image"] == BASE + cover.rendition_url(cover.renditions[-1], "jpg")
    assert head.meta["og:image:width"] == str(cover.renditions[-1])
    assert head.meta["og:description"].startswith("วันที่ 26 พฤษภาคม 2566")
    assert head.meta["twitter:card"] == "summary_large_image"
    assert head.meta["twitter:image"] == head.meta["og:image"]


def test_news_article_json_ld(client):
    article = seed_article()
    head = head_of(client, article.get_absolute_url())
    news = by_type(head, "NewsArticle")
    assert news["@context"] == "https://schema.org"
    assert news["headline"] == thai.compose_sara_am(article.title)
    assert news["datePublished"] == "2023-05-26T12:00:00+07:00"
    assert datetime.datetime.fromisoformat(news["dateModified"]) >= article.published_at
    assert news["image"] == [head.meta["og:image"]]
    assert news["publisher"]["@type"] == "Organization" and news["publisher"]["name"]
    logo = news["publisher"]["logo"]["url"]
    from django.contrib.staticfiles import finders

    assert logo == BASE + "/static/img/logo-512.png" and finders.find("img/logo-512.png")
    assert news["author"][0] == {
        "@type": "Organization", "name": "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
        "alternateName": "สพฐ.", "url": BASE + "/offices/obec/",
    }
    assert news["mainEntityOfPage"]["@id"] == BASE + article.get_absolute_url()
    crumbs = by_type(head, "BreadcrumbList")["itemListElement"]
    assert [c["position"] for c in crumbs] == [1, 2, 3, 4]
    assert crumbs[2]["name"] == "สพฐ." and crumbs[-1]["item"] == BASE + article.get_absolute_url()


def test_json_ld_cannot_close_its_script_tag(client):
    article = make_article(title="ข่าว </script><script>alert(1)</script> & “อัญประกาศ”")
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert "</script><script>alert(1)" not in html
    parser = HeadParser()
    parser.feed(html)
    assert by_type(parser, "NewsArticle")["headline"] == article.title


def test_article_without_photo_gets_a_generated_card(client):
    article = make_article(title="ข่าวไม่มีภาพ: ประชุมเชิงปฏิบัติการพัฒนาครู", writer="สมหญิง ใจดี")
    head = head_of(client, article.get_absolute_url())
    card_url = BASE + reverse("news:article_share", kwargs={"pk": article.pk})
    assert head.meta["og:image"] == card_url
    assert (head.meta["og:image:width"], head.meta["og:image:height"]) == ("1200", "630")
    news = by_type(head, "NewsArticle")
    assert news["image"] == [card_url]
    assert news["author"][0] == {"@type": "Person", "name": "สมหญิง ใจดี"}

    response = client.get(card_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "max-age=86400" in response["Cache-Control"] and "public" in response["Cache-Control"]
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG" and image.size == (1200, 630)


def test_share_card_is_cached_and_redrawn_after_an_edit(client, monkeypatch):
    article = make_article(title="ข่าวทดสอบภาพแชร์")
    drawn = []
    real = views.render_card
    monkeypatch.setattr(views, "render_card", lambda title, **kw: drawn.append(title) or real(title, **kw))
    url = reverse("news:article_share", kwargs={"pk": article.pk})
    first = client.get(url)
    assert client.get(url).content == first.content
    assert drawn == ["ข่าวทดสอบภาพแชร์"]
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    article.title = "ข่าวทดสอบภาพแชร์ (แก้ไข)"
    article.save()
    client.get(url)
    assert drawn == ["ข่าวทดสอบภาพแชร์", "ข่าวทดสอบภาพแชร์ (แก้ไข)"]


def test_no_share_card_for_drafts_or_scheduled_articles(client):
    draft = make_article(status=Article.Status.DRAFT)
    scheduled = make_article(published_at=timezone.now() + datetime.timedelta(hours=3))
    for article in (draft, scheduled):
        assert client.get(reverse("news:article_share", kwargs={"pk": article.pk})).status_code == 404


def test_event_json_ld_and_cards(client):
    seed = Event.objects.get(title__startswith="ประชุมเชิงปฏิบัติการ")  # all-day, onsite, นครพนม
    head = head_of(client, seed.get_absolute_url())
    event = by_type(head, "Event")
    assert event["name"] == thai.compose_sara_am(seed.title)
    assert event["startDate"] == "2023-05-25" and event["endDate"] == "2023-05-28"
    assert event["location"]["@type"] == "Place"
    assert event["location"]["name"] == "โรงแรม ฟอร์จูน ริเวอร์วิว"
    assert event["location"]["address"]["addressRegion"] == "นครพนม"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["organizer"]["name"] == "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน"
    # Its news has photos: the first news cover is the share image.
    cover = seed_article().photos.order_by("order", "pk").first()
    assert head.meta["og:image"] == BASE + cover.rendition_url(cover.renditions[-1], "jpg") == event["image"][0]
    assert head.meta["og:locale"] == "th_TH" and head.meta["og:url"] == BASE + seed.get_absolute_url()
    assert by_type(head, "BreadcrumbList")["itemListElement"][1]["item"] == BASE + reverse("news:event_list")


def test_timed_online_event_whose_news_has_no_photo_gets_a_card(client):
    event = make_public_event(
        title="ประชุมออนไลน์ผ่านระบบ Zoom", start_date=datetime.date(2024, 2, 1), start_time=datetime.time(13, 30),
        mode=Event.Mode.ONLINE, online_platform="Zoom Meeting",
    )
    head = head_of(client, event.get_absolute_url())
    data = by_type(head, "Event")
    assert data["startDate"] == "2024-02-01T13:30:00+07:00"
    assert data["location"] == {"@type": "VirtualLocation", "name": "Zoom Meeting", "url": BASE + event.get_absolute_url()}
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    card_url = BASE + reverse("news:event_share", kwargs={"pk": event.pk})
    assert head.meta["og:image"] == card_url
    response = client.get(card_url)
    assert response["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(response.content)).size == (1200, 630)


def test_cover_photo_from_a_draft_is_not_used_for_an_event(client):
    event = make_public_event(title="ประชุมที่มีข่าวร่างพร้อมภาพ")
    draft = make_article(status=Article.Status.DRAFT, event=event)
    add_photo(draft)
    head = head_of(client, event.get_absolute_url())
    assert head.meta["og:image"] == BASE + reverse("news:event_share", kwargs={"pk": event.pk})
