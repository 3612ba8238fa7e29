"""The page cache (news.caching), through the test client with a real cache backend:
locmem on SQLite runs, Redis when REDIS_URL is set (CI's PostgreSQL run). The lock that
lets one request render a changed page and each process's own copies are in
test_page_cache_stampede.py."""

import datetime
from unittest import mock

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import resolve, reverse
from django.utils import timezone

from news import caching, thai
from news.reads import shown_count
from news.models import Article, Attendance, Event, Office, Person, Tag
from tests.factories import make_article, make_editor, make_photo
from tests.page_cache_fixtures import (  # noqa: F401  (fixtures)
    change_article_title, committed, max_age, page_cache, seed_article,
)

pytestmark = pytest.mark.django_db


def public_urls():
    article = seed_article()
    return [
        reverse("news:home"),
        reverse("news:article_list"),
        reverse("news:article_list") + "?office=obec&category=" + article.category.slug,
        article.get_absolute_url(),
        "/en" + article.get_absolute_url(),
        reverse("news:event_list"),
        article.event.get_absolute_url(),
        reverse("news:office_list"),
        article.office.get_absolute_url(),
        Person.objects.get(name="ธนุ วงษ์จินดา").get_absolute_url(),
        article.tags.first().get_absolute_url(),
        reverse("feeds:news_rss"),
        reverse("feeds:office_atom", kwargs={"slug": "obec"}),
        reverse("events_ics"),
        reverse("sitemap"),
        reverse("sitemap_section", kwargs={"section": "news"}),
    ]


def test_a_second_request_is_served_from_the_cache_without_a_query(client, django_assert_num_queries):
    """Every kind of public page, feed and sitemap: the same bytes, no database query
    (the article's reader was counted on the first request and is not again)."""
    for url in public_urls():
        first = client.get(url)
        assert first.status_code == 200 and first["X-Page-Cache"] == "miss", url
        with django_assert_num_queries(0):
            again = client.get(url)
        assert again["X-Page-Cache"] == "hit", url
        assert again.content == first.content and again["Content-Type"] == first["Content-Type"], url
        assert again["ETag"] == first["ETag"] and again["Last-Modified"] == first["Last-Modified"], url


def test_the_key_respects_language_query_string_and_host(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "news.example.go.th"]
    thai_page = client.get("/news/")
    english = client.get("/en/news/")
    assert english["X-Page-Cache"] == "miss" and '<html lang="en">' in english.content.decode()
    assert '<html lang="th">' in client.get("/news/").content.decode()
    filtered = client.get("/news/?office=ops")
    assert filtered["X-Page-Cache"] == "miss" and filtered.content != thai_page.content
    other_host = client.get(seed_article().get_absolute_url(), headers={"host": "news.example.go.th"})
    assert other_host["X-Page-Cache"] == "miss"
    assert "http://news.example.go.th/news/" in other_host.content.decode()  # share links, JSON-LD
    assert "news.example.go.th" not in client.get(seed_article().get_absolute_url()).content.decode()
    assert client.get("/news/", headers={"host": "evil.example"}).status_code == 400  # as without the cache


def add_photo(article):
    make_photo(article, caption="ภาพใหม่ของกิจกรรม", alt_text="ภาพใหม่", order=99)
    return "ภาพใหม่ของกิจกรรม"


def change_event(article):
    event = article.event
    event.venue = "ห้องประชุมที่ย้ายใหม่"
    event.save()
    return "ห้องประชุมที่ย้ายใหม่"


def change_attendance(article):
    attendance = Attendance.objects.filter(event=article.event).order_by("pk").first()
    attendance.position = "ตำแหน่งที่แก้ไขใหม่"
    attendance.save()
    return "ตำแหน่งที่แก้ไขใหม่"


def change_person(article):
    person = Attendance.objects.filter(event=article.event).order_by("pk").first().person
    person.name = "ชื่อบุคคลที่แก้ไข"
    person.save()
    return "ชื่อบุคคลที่แก้ไข"


def change_office(article):
    office = article.office
    office.name = "สำนักงานที่เปลี่ยนชื่อ"
    office.save()
    return "สำนักงานที่เปลี่ยนชื่อ"


def rename_province(article):
    province = article.office.province
    province.name_th = "จังหวัดที่เปลี่ยนชื่อ"
    province.save()
    return "จังหวัดที่เปลี่ยนชื่อ"


def add_tag(article):
    article.tags.add(Tag.objects.create(name="แท็กที่เพิ่มใหม่"))
    return "แท็กที่เพิ่มใหม่"


def rename_tag(article):
    tag = article.tags.first()
    tag.name = "แท็กที่เปลี่ยนชื่อ"
    tag.save()
    return "แท็กที่เปลี่ยนชื่อ"


def rename_category(article):
    category = article.category
    category.name = "หมวดที่เปลี่ยนชื่อ"
    category.save()
    return "หมวดที่เปลี่ยนชื่อ"


CHANGES = [
    (change_article_title, lambda a: [a.get_absolute_url(), "/news/", "/", a.office.get_absolute_url(), "/feeds/news.rss"]),
    (add_photo, lambda a: [a.get_absolute_url()]),
    (change_event, lambda a: [a.get_absolute_url(), a.event.get_absolute_url()]),
    (change_attendance, lambda a: [a.get_absolute_url(), a.event.get_absolute_url()]),
    (change_person, lambda a: [a.get_absolute_url(), a.event.get_absolute_url()]),
    (change_office, lambda a: [a.get_absolute_url(), "/offices/", a.office.get_absolute_url()]),
    (rename_province, lambda a: [a.office.get_absolute_url(), "/offices/"]),
    (add_tag, lambda a: [a.get_absolute_url()]),
    (rename_tag, lambda a: [a.get_absolute_url()]),
    (rename_category, lambda a: [a.get_absolute_url(), "/news/"]),
]


@pytest.mark.parametrize("change, pages", CHANGES, ids=[change.__name__ for change, _ in CHANGES])
def test_each_kind_of_change_reaches_the_pages_that_show_it_once_committed(client, committed, change, pages):
    article = seed_article()
    urls = pages(article)
    for url in urls:
        assert client.get(url).status_code == 200
        assert client.get(url)["X-Page-Cache"] == "hit", url
    with committed():
        text = change(article)
        # Not before the commit: a reader meanwhile would cache the old rows again.
        assert all(client.get(url)["X-Page-Cache"] == "hit" for url in urls)
    for url in urls:
        response = client.get(url, follow=True)  # a new title is a new slug: 301
        assert response["X-Page-Cache"] == "miss", url
        assert thai.compose_sara_am(text) in thai.compose_sara_am(response.content.decode()), (url, text)


def test_unpublishing_or_deleting_an_article_takes_it_off_every_cached_page(client, committed):
    gone = make_article(title="ข่าวที่จะถูกถอน")
    deleted = make_article(title="ข่าวที่จะถูกลบ")
    url, deleted_url = gone.get_absolute_url(), deleted.get_absolute_url()
    for page in (url, deleted_url, "/news/", "/feeds/news.rss"):
        client.get(page)
    with committed():
        gone.status = Article.Status.DRAFT
        gone.save()
        deleted.delete()
    assert client.get(url).status_code == 404 and client.get(deleted_url).status_code == 404
    for page in ("/news/", "/feeds/news.rss"):
        html = client.get(page).content.decode()
        assert "ข่าวที่จะถูกถอน" not in html and "ข่าวที่จะถูกลบ" not in html


def test_changes_made_without_signals_call_invalidate(client, committed):
    """QuerySet.update() sends no signal: such code calls caching.invalidate() itself."""
    article = seed_article()
    client.get(article.get_absolute_url())
    with committed():
        Article.objects.filter(pk=article.pk).update(writer="ผู้สรุปคนใหม่")
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"
    with committed():
        caching.invalidate()
    assert "ผู้สรุปคนใหม่" in client.get(article.get_absolute_url()).content.decode()


def test_counting_reads_does_not_empty_the_cache(client):
    url = seed_article().get_absolute_url()
    client.get(url, REMOTE_ADDR="10.0.0.1")
    assert client.get(url, REMOTE_ADDR="10.0.0.2")["X-Page-Cache"] == "hit"
    assert client.get("/news/")["X-Page-Cache"] == "miss"
    assert client.get("/news/")["X-Page-Cache"] == "hit"


def test_a_scheduled_article_appears_at_its_time(client):
    """A cached page (and its max-age) ends at the next scheduled publication."""
    now = timezone.now()
    when = now + datetime.timedelta(seconds=40)
    scheduled = make_article(title="ข่าวที่ตั้งเวลาเผยแพร่", published_at=when)
    first = client.get("/news/")
    assert "ข่าวที่ตั้งเวลาเผยแพร่" not in first.content.decode()
    assert 0 < max_age(first["Cache-Control"]) <= 40
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    with mock.patch("django.utils.timezone.now", return_value=now + datetime.timedelta(seconds=20)):
        assert client.get("/news/")["X-Page-Cache"] == "hit"
    with mock.patch("django.utils.timezone.now", return_value=when + datetime.timedelta(seconds=1)):
        later = client.get("/news/")
        assert later["X-Page-Cache"] == "miss" and "ข่าวที่ตั้งเวลาเผยแพร่" in later.content.decode()
        assert client.get(scheduled.get_absolute_url()).status_code == 200
        assert "ข่าวที่ตั้งเวลาเผยแพร่" in client.get("/feeds/news.rss").content.decode()


def test_the_boundary_is_the_next_publication_or_midnight_in_one_query(django_assert_num_queries):
    midnight = thai.local_midnight(timezone.localdate() + datetime.timedelta(days=1))
    Article.objects.filter(published_at__gt=timezone.now()).update(status=Article.Status.DRAFT)
    with django_assert_num_queries(1):
        assert caching.next_boundary() == midnight
    when = timezone.now() + datetime.timedelta(minutes=5)
    make_article(published_at=when)
    make_article(published_at=when + datetime.timedelta(minutes=1))
    make_article(published_at=when - datetime.timedelta(minutes=1), status=Article.Status.DRAFT)
    assert caching.next_boundary() == min(when, midnight)


def test_upcoming_events_move_to_past_at_midnight(client):
    """Nothing is saved at midnight: the cached events page ends there by itself."""
    today = timezone.localdate()
    event = seed_article().event
    Event.objects.filter(pk=event.pk).update(start_date=today, end_date=today)
    client.get("/events/")
    tomorrow = thai.local_midnight(today + datetime.timedelta(days=1)) + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=tomorrow):
        assert client.get("/events/")["X-Page-Cache"] == "miss"


def test_editors_never_get_nor_fill_a_cached_page(client):
    editor = make_editor("cache-editor", "peo-phetchabun")
    draft = make_article(title="ร่างที่กำลังแก้", status="draft", office=Office.objects.get(slug="peo-phetchabun"))
    editor_client = Client()
    editor_client.force_login(editor)
    for url in ("/news/", seed_article().get_absolute_url(), "/feeds/news.rss"):
        mine = editor_client.get(url)
        assert mine["X-Page-Cache"] == "bypass" and "private" in mine["Cache-Control"], url
        assert client.get(url)["X-Page-Cache"] == "miss", url  # the editor filled nothing
        assert client.get(url)["X-Page-Cache"] == "hit", url
        assert editor_client.get(url)["X-Page-Cache"] == "bypass", url  # nor gets the readers' copy
    preview = editor_client.get(draft.get_absolute_url())
    assert preview.status_code == 200 and "no-store" in preview["Cache-Control"]
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_request_with_messages_or_any_session_is_not_served_from_the_cache(client):
    client.get("/news/")
    assert client.get("/news/")["X-Page-Cache"] == "hit"
    client.cookies["messages"] = "x"
    assert client.get("/news/")["X-Page-Cache"] == "bypass"
    del client.cookies["messages"]
    client.cookies["sessionid"] = "expired-or-anonymous"
    assert client.get("/news/")["X-Page-Cache"] == "bypass"


def test_posts_are_never_answered_from_the_cache(client):
    url = seed_article().get_absolute_url()
    client.get(url)
    assert client.post(url).status_code == 405
    assert client.head(url).status_code == 200 and "X-Page-Cache" not in client.head(url)


def response_for(url, **headers):
    request = RequestFactory().get(url)
    request.resolver_match = resolve(url)
    response = HttpResponse("page")
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return request, response


@pytest.mark.parametrize("headers", [{"Vary": "Accept-Language, Cookie"}, {"Cache-Control": "private"},
                                     {"Cache-Control": "no-store"}, {"Cache-Control": "max-age=0, no-cache"}])
def test_responses_that_are_someones_own_are_never_stored(headers):
    assert caching.storable(*response_for("/news/"))
    assert not caching.storable(*response_for("/news/", **headers))


def test_responses_with_a_cookie_an_error_or_from_an_uncached_view_are_never_stored():
    request, response = response_for("/news/")
    response.set_cookie("csrftoken", "x")
    assert not caching.storable(request, response)
    request, response = response_for("/news/")
    response.status_code = 404
    assert not caching.storable(request, response)
    assert not caching.storable(*response_for("/robots.txt"))
    assert not caching.storable(*response_for(reverse("admin:login")))


def test_conditional_get_answers_304_from_the_cache(client, committed, django_assert_num_queries):
    for url in ("/news/", seed_article().get_absolute_url(), "/offices/"):
        first = client.get(url)
        with django_assert_num_queries(0):
            assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
            assert client.get(url, headers={"if-modified-since": first["Last-Modified"]}).status_code == 304
    first = client.get("/news/")
    with committed():
        change_article_title(seed_article())
    assert client.get("/news/", headers={"if-none-match": first["ETag"]}).status_code == 200


def test_the_read_counter_counts_cached_hits_once_per_visitor(client):
    article = seed_article()
    url = article.get_absolute_url()
    before = shown_count(article)

    def reads():
        return shown_count(article) - before

    assert client.get(url, REMOTE_ADDR="10.0.0.1")["X-Page-Cache"] == "miss" and reads() == 1
    assert client.get(url, REMOTE_ADDR="10.0.0.2")["X-Page-Cache"] == "hit" and reads() == 2
    assert client.get(url, REMOTE_ADDR="10.0.0.1")["X-Page-Cache"] == "hit" and reads() == 2
    etag = client.get(url)["ETag"]
    assert client.get(url, REMOTE_ADDR="10.0.0.3", headers={"if-none-match": etag}).status_code == 304
    assert reads() == 4  # 127.0.0.1 (the line above) and 10.0.0.3
    client.get(url, REMOTE_ADDR="10.0.0.4", headers={"user-agent": "facebookexternalhit/1.1"})
    assert reads() == 4  # a link-preview fetcher is not a reader, cached or not


def test_cache_control_lets_shared_caches_keep_public_pages_briefly(client, admin_client):
    Article.objects.filter(published_at__gt=timezone.now()).update(status=Article.Status.DRAFT)
    listing = client.get("/news/")
    assert "public" in listing["Cache-Control"] and "max-age=60" in listing["Cache-Control"]
    assert listing["Cache-Control"] == client.get("/news/")["Cache-Control"]  # the hit too
    article = client.get(seed_article().get_absolute_url())
    # Every reader must reach us to be counted: browsers keep it, shared caches ask.
    assert "s-maxage=0" in article["Cache-Control"] and "public" in article["Cache-Control"]
    feed = client.get("/feeds/news.rss")["Cache-Control"]
    to_midnight = (thai.local_midnight(timezone.localdate() + datetime.timedelta(days=1)) - timezone.now()).total_seconds()
    assert "public" in feed and min(600, to_midnight) - 5 <= max_age(feed) <= 600  # the feeds' own
    assert client.get("/feeds/news.rss")["Cache-Control"] == feed
    admin = admin_client.get(reverse("admin:index"))
    assert "private" in admin["Cache-Control"] and "no-store" in admin["Cache-Control"]
    assert "no-store" in client.get(reverse("admin:login"))["Cache-Control"]


def test_switched_off_it_neither_stores_nor_adds_headers(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/news/")
    response = client.get("/news/")
    assert "X-Page-Cache" not in response and "Cache-Control" not in response
    assert not cache.get(caching.GENERATION_KEY)


def test_a_shared_preview_link_is_never_stored_nor_outlives_its_revocation(client):
    """A draft shown through a preview link stays out of the shared cache: once the
    link is revoked, the next request no longer shows the draft."""
    from news.models import PreviewLink

    draft = make_article(title="ร่างข่าวลิงก์ตัวอย่างกับแคช", status=Article.Status.DRAFT)
    link = PreviewLink.create_for(draft, None, 1)
    for _ in range(2):
        response = client.get(link.get_absolute_url())
        assert response.status_code == 200 and "ร่างข่าวลิงก์ตัวอย่างกับแคช" in response.content.decode()
        assert response.get("X-Page-Cache") != "hit" and "no-store" in response["Cache-Control"]
    link.revoked_at = timezone.now()
    link.save()
    assert "ร่างข่าวลิงก์ตัวอย่างกับแคช" not in client.get(link.get_absolute_url()).content.decode()


def test_tracking_parameters_neither_split_the_key_nor_reach_the_page(client, django_assert_num_queries):
    """A link shared on LINE or Facebook comes back with fbclid or utm_*: the same
    entry, and the page (share links, JSON-LD) shows the address without them."""
    article = seed_article()
    url = article.get_absolute_url()
    first = client.get(url, REMOTE_ADDR="10.0.0.1")
    with django_assert_num_queries(0):
        shared = client.get(url + "?fbclid=IwAR0abc_123&utm_source=line&UTM_Medium=social", REMOTE_ADDR="10.0.0.1")
    assert shared["X-Page-Cache"] == "hit" and shared.content == first.content
    assert "fbclid" not in client.get("/news/?fbclid=x2").content.decode()  # rendered without it (a miss)
    assert client.get("/news/")["X-Page-Cache"] == "hit"
    # The other parameters stay, in their order and encoding: filters and pages are real.
    filtered = client.get("/news/?utm_campaign=a&office=obec&gclid=z")
    assert filtered["X-Page-Cache"] == "miss"
    assert client.get("/news/?office=obec")["X-Page-Cache"] == "hit"
    assert client.get("/news/?office=obec&page=2").get("X-Page-Cache") != "hit"
    assert caching.is_tracking("utm_content") and caching.is_tracking("%66bclid") and not caching.is_tracking("page")


def test_a_hit_answers_before_the_other_middlewares_with_their_headers(client):
    """The stored copy carries what the middlewares inside the cache added on the
    miss (CSP, X-Frame-Options, Content-Language, Vary), without running them."""
    first = client.get("/news/")
    with mock.patch("django.contrib.sessions.middleware.SessionMiddleware.process_request") as session, \
            mock.patch("django.middleware.locale.LocaleMiddleware.process_request") as locale:
        hit = client.get("/news/")
    assert hit["X-Page-Cache"] == "hit" and not session.called and not locale.called
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language", "Vary", "ETag", "Content-Type"):
        assert hit[header] == first[header], header
    # Pages that are not cached make no cache call at all.
    with mock.patch.object(caching, "get_many") as get_many, mock.patch.object(caching.cache, "get_many") as cache_get_many:
        assert client.get("/robots.txt").status_code == 200 and not get_many.called and not cache_get_many.called


def test_a_returning_reader_on_a_cached_page_costs_no_counter_call(client):
    url = seed_article().get_absolute_url()
    client.get(url, REMOTE_ADDR="10.0.0.1")  # counted (a miss)
    with mock.patch("news.reads.count_read") as count_read:
        assert client.get(url, REMOTE_ADDR="10.0.0.1")["X-Page-Cache"] == "hit"  # window read with the page
        assert not count_read.called
        client.get(url, REMOTE_ADDR="10.0.0.9")
        assert count_read.call_count == 1  # a new reader is counted
