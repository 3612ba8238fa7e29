"""RSS and Atom feeds, read back with feedparser as a subscriber's reader would."""

import datetime
import time
import io
import os

import feedparser
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from news import thai
from news.models import Article, Category, Event, Office, Photo, Province, Tag
from tests.factories import make_article, make_event, make_public_event

pytestmark = pytest.mark.django_db

BASE = "http://testserver"
ALL_FEEDS = [
    ("feeds:news_rss", {}),
    ("feeds:news_atom", {}),
    ("feeds:office_rss", {"slug": "obec"}),
    ("feeds:office_atom", {"slug": "obec"}),
    ("feeds:category_rss", {"slug": "ภาพกิจกรรม"}),
    ("feeds:category_atom", {"slug": "ภาพกิจกรรม"}),
    ("feeds:tag_rss", {"slug": "เรียนดีมีความสุข"}),
    ("feeds:tag_atom", {"slug": "เรียนดีมีความสุข"}),
    ("feeds:province_rss", {"code": "TH-48"}),
    ("feeds:province_atom", {"code": "TH-48"}),
    ("feeds:events_rss", {}),
    ("feeds:events_atom", {}),
]


def image_file(fmt="JPEG", name="photo.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 80, 40)).save(buffer, format=fmt)
    return ContentFile(buffer.getvalue(), name=name)


def add_photo(article, order=1, fmt="JPEG", name="photo.jpg"):
    photo = Photo(article=article, order=order, caption="ภาพกิจกรรม")
    photo.image.save(name, image_file(fmt, name), save=False)
    photo.save()
    return photo


def add_articles(count):
    """Published articles that every parameterised feed picks up: under obec,
    in category ภาพกิจกรรม, tagged เรียนดีมีความสุข, at an event in นครพนม."""
    office = Office.objects.get(slug="spp-nakhonphanom-1")
    category = Category.objects.get(slug="ภาพกิจกรรม")
    tag = Tag.objects.get(slug="เรียนดีมีความสุข")
    extra_tag, _ = Tag.objects.get_or_create(name="ทดสอบฟีด")
    province = Province.objects.get(code="TH-48")
    start = timezone.localdate() + datetime.timedelta(days=7)
    for number in range(count):
        event = make_event(title=f"ประชุมครั้งที่ {number}", start_date=start, province=province, organiser=office)
        article = make_article(title=f"ข่าวทดสอบลำดับที่ {number}", office=office, category=category, event=event)
        article.tags.add(tag, extra_tag)
        add_photo(article)


def parse(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return response, feed


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("name,kwargs", ALL_FEEDS)
def test_every_feed_parses(client, name, kwargs):
    make_public_event(title="สัมมนาที่จะมาถึง", start_date=timezone.localdate() + datetime.timedelta(days=3))
    response, feed = parse(client, reverse(name, kwargs=kwargs))
    assert feed.entries
    expected = "application/atom+xml" if name.endswith("atom") else "application/rss+xml"
    assert response["Content-Type"] == f"{expected}; charset=utf-8"
    assert feed.feed.language == "th"


@pytest.mark.parametrize("name", ["feeds:news_rss", "feeds:news_atom"])
def test_items_carry_exact_thai_titles_links_dates_and_credits(client, name):
    _, feed = parse(client, reverse(name))
    articles = list(Article.objects.published().order_by("-published_at", "-pk"))
    assert [e.title for e in feed.entries] == [thai.compose_sara_am(a.title) for a in articles]
    for entry, article in zip(feed.entries, articles):
        assert entry.link == BASE + article.get_absolute_url()
        assert entry.published_parsed[:6] == article.published_at.utctimetuple()[:6]
        assert entry.summary == thai.compose_sara_am(article.teaser)  # the seeds' summaries have no & or <
    seed = next(e for e in feed.entries if e.title.startswith("สป.ศธ.จัดประชุม"))
    assert seed.author == "สรุป: อิชยา กัปปา · ภาพ: กิตติกร แซ่หมู่"
    tagged = next(e for e in feed.entries if "เรียนดีมีความสุข" in [t.term for t in e.tags])
    assert {"ศธจ.เพชรบูรณ์", "ภาพกิจกรรม"} <= {t.term for t in tagged.tags}


@pytest.mark.parametrize("name", ["feeds:news_rss", "feeds:news_atom"])
def test_markup_characters_survive_once_escaped(client, name):
    article = make_article(title="ข่าว “A & B” <ทดสอบ>", summary="สรุป & สาระ")
    _, feed = parse(client, reverse(name))
    entry = next(e for e in feed.entries if e.id.endswith(f"news/{article.pk}"))
    assert entry.title == "ข่าว “A & B” <ทดสอบ>"
    assert entry.summary == "สรุป &amp; สาระ"  # HTML that shows "สรุป & สาระ"


@pytest.mark.parametrize("name", ["feeds:news_rss", "feeds:news_atom"])
def test_cover_photo_is_the_enclosure_with_real_length_and_type(client, name):
    """The enclosure is the cover's clean JPEG rendition (a PNG upload too), with its real length."""
    article = make_article(title="ข่าวมีภาพปก")
    add_photo(article, order=2, name="second.jpg")
    cover = add_photo(article, order=1, fmt="PNG", name="cover.png")
    without = make_article(title="ข่าวไม่มีภาพ")
    _, feed = parse(client, reverse(name))
    entry = next(e for e in feed.entries if e.title == "ข่าวมีภาพปก")
    (enclosure,) = entry.enclosures
    rendition = cover.rendition_url(cover.renditions[-1], "jpg")
    assert enclosure.href == BASE + rendition
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) == os.path.getsize(cover.image.storage.path(rendition.removeprefix("/media/")))
    assert next(e for e in feed.entries if e.title == without.title).enclosures == []


def test_guid_survives_a_title_change(client):
    article = make_article(title="หัวข้อเดิม")
    url = reverse("feeds:news_rss")
    _, before = parse(client, url)
    article.title = "หัวข้อใหม่ที่แก้ไขแล้ว"
    article.save()
    _, after = parse(client, url)
    old = next(e for e in before.entries if e.title == "หัวข้อเดิม")
    new = next(e for e in after.entries if e.title == "หัวข้อใหม่ที่แก้ไขแล้ว")
    assert old.id == new.id and old.id.startswith(f"tag:{settings.SITE_DOMAIN},")
    assert old.link != new.link
    assert new.guidislink is False


def test_links_stay_canonical_for_an_english_browser(client):
    _, feed = parse(client, reverse("feeds:news_rss"), accept_language="en")
    assert all(e.link.startswith(BASE + "/news/") for e in feed.entries)


@pytest.mark.parametrize("name,kwargs", ALL_FEEDS)
def test_conditional_get_answers_304_for_both_validators(client, name, kwargs):
    make_public_event(title="สัมมนาที่จะมาถึง", start_date=timezone.localdate() + datetime.timedelta(days=3))
    url = reverse(name, kwargs=kwargs)
    first = client.get(url)
    assert first["ETag"] and first["Last-Modified"]
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    assert client.get(url, headers={"if-modified-since": first["Last-Modified"]}).status_code == 304


def test_a_new_article_invalidates_the_validators(client):
    url = reverse("feeds:news_rss")
    first = client.get(url)
    make_article(title="ข่าวล่าสุด")
    again = client.get(url, headers={"if-none-match": first["ETag"], "if-modified-since": first["Last-Modified"]})
    assert again.status_code == 200


def test_office_feed_includes_sub_offices_only(client):
    make_article(title="ข่าวของเขตพื้นที่", office=Office.objects.get(slug="spm-nakhonphanom"))
    make_article(title="ข่าวของอาชีวะ", office=Office.objects.get(slug="ovec"))
    _, feed = parse(client, reverse("feeds:office_rss", kwargs={"slug": "obec"}))
    titles = {e.title for e in feed.entries}
    assert "ข่าวของเขตพื้นที่" in titles and "ข่าวของอาชีวะ" not in titles
    assert titles >= {thai.compose_sara_am(t) for t in Article.objects.filter(office__slug="obec").values_list("title", flat=True)}


def shown_titles(articles):
    return [thai.compose_sara_am(title) for title in articles.values_list("title", flat=True)]


def test_tag_category_and_province_feeds_filter(client):
    _, tagged = parse(client, reverse("feeds:tag_atom", kwargs={"slug": "เรียนดีมีความสุข"}))
    assert [e.title for e in tagged.entries] == shown_titles(Article.objects.filter(tags__slug="เรียนดีมีความสุข"))
    _, category = parse(client, reverse("feeds:category_rss", kwargs={"slug": "ข่าวประชาสัมพันธ์"}))
    assert [e.title for e in category.entries] == shown_titles(Article.objects.filter(category__slug="ข่าวประชาสัมพันธ์"))
    # นครพนม: the seed workshop was held there; its organiser (obec) is in Bangkok.
    _, province = parse(client, reverse("feeds:province_rss", kwargs={"code": "TH-48"}))
    assert [e.title for e in province.entries] == shown_titles(Article.objects.filter(event__province__code="TH-48"))
    _, bangkok = parse(client, reverse("feeds:province_rss", kwargs={"code": "th-10"}))
    # Bangkok: seeds 002 and 004 were held there; seed 001 names no province, and its
    # office is in Bangkok. Seed 000 (สพฐ., held in นครพนม) is not Bangkok news.
    assert sorted(e.title[:12] for e in bangkok.entries) == sorted(
        thai.compose_sara_am(t)[:12] for t in Article.objects.filter(
            source_url__regex=r"(001|002|004)_[0-9a-f]+\.txt$").values_list("title", flat=True)
    )


def test_events_feed_lists_upcoming_events_only(client):
    today = timezone.localdate()
    soon = make_public_event(title="ประชุมสัปดาห์หน้า", start_date=today + datetime.timedelta(days=7), venue="ห้องประชุม 1")
    make_public_event(title="ประชุมเมื่อวาน", start_date=today - datetime.timedelta(days=1))
    _, feed = parse(client, reverse("feeds:events_atom"))
    assert [e.title for e in feed.entries] == [soon.title]
    assert feed.entries[0].link == BASE + soon.get_absolute_url()
    assert "ห้องประชุม 1" in feed.entries[0].summary


@pytest.mark.parametrize(
    "name,kwargs",
    [
        ("feeds:office_rss", {"slug": "no-such-office"}),
        ("feeds:office_atom", {"slug": "no-such-office"}),
        ("feeds:tag_rss", {"slug": "ไม่มีแท็กนี้"}),
        ("feeds:tag_atom", {"slug": "ไม่มีแท็กนี้"}),
        ("feeds:category_rss", {"slug": "ไม่มีหมวดนี้"}),
        ("feeds:province_rss", {"code": "TH-00"}),
    ],
)
def test_unknown_object_feed_is_404(client, name, kwargs):
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 404


def test_drafts_scheduled_and_trashed_articles_appear_in_no_feed(client):
    make_public_event(title="สัมมนาที่จะมาถึง", start_date=timezone.localdate() + datetime.timedelta(days=3))
    event = Event.objects.get(title__startswith="ประชุมเชิงปฏิบัติการ")
    hidden = [
        make_article(title="ร่างข่าวที่ยังไม่เผยแพร่", status=Article.Status.DRAFT),
        make_article(title="ข่าวตั้งเวลาเผยแพร่พรุ่งนี้", published_at=timezone.now() + datetime.timedelta(days=1)),
        make_article(title="ข่าวที่ลบไปอยู่ในถังแล้ว"),
    ]
    for article in hidden:
        article.category = Category.objects.get(slug="ภาพกิจกรรม")
        article.event = event
        article.save()
        article.tags.add(Tag.objects.get(slug="เรียนดีมีความสุข"))
        add_photo(article)
    hidden[-1].trash(None)  # tagged while public, then deleted
    for name, kwargs in ALL_FEEDS:
        response, feed = parse(client, reverse(name, kwargs=kwargs))
        body = response.content.decode()
        for article in hidden:
            assert article.title not in body, name
            assert f"news/{article.pk}" not in body, name


def test_query_count_does_not_grow_with_the_number_of_articles(client):
    make_public_event(title="สัมมนาที่จะมาถึง", start_date=timezone.localdate() + datetime.timedelta(days=3))
    urls = [reverse(name, kwargs=kwargs) for name, kwargs in ALL_FEEDS]
    assert Article.objects.published().count() == 6
    before = {url: queries(client, url) for url in urls}
    add_articles(25)
    assert Article.objects.published().count() == 31
    after = {url: queries(client, url) for url in urls}
    assert after == before
    assert max(after.values()) <= 5


def test_pages_announce_their_feeds(client):
    pages = {
        reverse("news:home"): ["/feeds/news.rss"],
        reverse("news:office_detail", kwargs={"slug": "obec"}): ["/feeds/offices/obec.rss", "/feeds/offices/obec.atom"],
        Tag.objects.get(slug="เรียนดีมีความสุข").get_absolute_url(): [reverse("feeds:tag_rss", kwargs={"slug": "เรียนดีมีความสุข"})],
        Article.objects.get(title__startswith="สพฐ. ประชุมเชิง").get_absolute_url(): ["/feeds/offices/obec.rss", "/feeds/news.rss"],
        Event.objects.first().get_absolute_url(): ["/feeds/events.rss", f"/events/{Event.objects.first().pk}.ics"],
    }
    for page, feeds in pages.items():
        html = client.get(page).content.decode()
        for feed in feeds:
            assert f'href="{feed}"' in html, (page, feed)
            assert client.get(feed).status_code == 200


def test_publishing_an_events_first_news_defeats_if_modified_since(client):
    """An event becomes public when its news is published, though its row is unchanged."""
    event = make_event(title="ประชุมที่รอประกาศ", start_date=timezone.localdate() + datetime.timedelta(days=5))
    draft = make_article(title="ข่าวรอประกาศ", event=event, status=Article.Status.DRAFT)
    # The event row was last edited long ago: only its news going public is new.
    Event.objects.filter(pk=event.pk).update(updated_at=timezone.now() - datetime.timedelta(days=2))
    def lists_event(response):
        body = response.content.decode()
        return "ประชุมที่รอประกาศ" in body or f"/events/{event.pk}/" in body

    urls = ["/feeds/events.rss", "/feeds/events.atom", "/events.ics", "/sitemap-events.xml"]
    first = {url: client.get(url) for url in urls}
    assert not any(lists_event(response) for response in first.values())
    time.sleep(1.1)  # Last-Modified counts whole seconds
    draft.status = Article.Status.PUBLISHED
    draft.published_at = timezone.now()
    draft.save()
    for url in urls:
        again = client.get(url, HTTP_IF_MODIFIED_SINCE=first[url]["Last-Modified"])
        assert again.status_code == 200, url
        assert lists_event(again), url


def test_an_empty_feed_keeps_its_validators(client):
    Event.objects.all().delete()
    first = client.get("/feeds/provinces/TH-50.atom")
    assert first.status_code == 200
    time.sleep(1.1)
    for header, value in [("HTTP_IF_NONE_MATCH", first["ETag"]), ("HTTP_IF_MODIFIED_SINCE", first["Last-Modified"])]:
        assert client.get("/feeds/provinces/TH-50.atom", **{header: value}).status_code == 304, header


def test_feeds_of_tags_and_categories_only_drafts_use_are_404(client):
    draft = make_article(title="ข่าวร่างมีแท็ก", status=Article.Status.DRAFT,
                         category=Category.objects.create(name="หมวดลับเฉพาะร่าง"))
    draft.tags.add(Tag.objects.create(name="แท็กลับเฉพาะร่าง"))
    assert client.get(reverse("feeds:tag_rss", kwargs={"slug": "แท็กลับเฉพาะร่าง"})).status_code == 404
    assert client.get(reverse("feeds:category_atom", kwargs={"slug": "หมวดลับเฉพาะร่าง"})).status_code == 404


def test_event_list_page_advertises_the_event_feeds_and_calendar(client):
    html = client.get("/events/").content.decode()
    for href in ["/feeds/events.rss", "/feeds/events.atom", "/events.ics", "/feeds/news.atom"]:
        assert f'href="{href}"' in html, href


def test_a_filtered_news_list_advertises_the_matching_feeds(client):
    html = client.get("/news/", {"office": "obec", "province": "TH-48"}).content.decode()
    assert 'href="/feeds/offices/obec.rss"' in html and 'href="/feeds/offices/obec.atom"' in html
    assert 'href="/feeds/provinces/TH-48.rss"' in html
    assert client.get(reverse("feeds:province_rss", kwargs={"code": "TH-48"})).status_code == 200
