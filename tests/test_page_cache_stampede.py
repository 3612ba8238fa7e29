"""The page cache under load: while one request renders a page (after a change, or once
its copy expires) the others serve the old copy or wait for it, through a lock in the shared
cache; and each process keeps its own copies of popular pages, checked against the shared
generation. Same setup as test_page_cache.py (tests/page_cache_fixtures.py)."""

import datetime
from unittest import mock

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory

from news import caching
from news.reads import shown_count
from tests.factories import make_article
from tests.page_cache_fixtures import (  # noqa: F401  (fixtures)
    change_article_title, committed, max_age, page_cache, seed_article,
)

pytestmark = pytest.mark.django_db


def hold_lock(url):
    """Another request (maybe on another server) is rendering this page."""
    request = RequestFactory().get(url)
    caching.strip_tracking_parameters(request)
    key = caching.LOCK_KEY % caching.page_key(request)
    assert cache.add(key, 1, caching.LOCK_SECONDS)
    return key


def test_while_one_request_renders_a_changed_page_the_others_serve_the_old_copy(client, committed, django_assert_num_queries):
    """After a change (or once a copy expires) one request renders the page; the
    others, on any server, serve the copy it replaces instead of rendering too."""
    article = seed_article()
    url = article.get_absolute_url()
    old = client.get(url, REMOTE_ADDR="10.0.0.1")
    with committed():
        text = change_article_title(article)
    url = article.get_absolute_url()  # (the old address answers 301 now)
    old = client.get(url, REMOTE_ADDR="10.0.0.1")
    with committed():
        article.title = "หัวข้อข่าวแก้ไขครั้งที่สอง"
        article.save(update_fields=["title"])
    lock = hold_lock(url)
    with django_assert_num_queries(1):  # the new generation's boundary (one indexed query), no page
        stale = client.get(url, REMOTE_ADDR="10.0.0.1")
    assert stale["X-Page-Cache"] == "stale" and stale.content == old.content and text in stale.content.decode()
    assert max_age(stale["Cache-Control"]) == 0  # nobody keeps the outdated copy
    before = shown_count(article)
    client.get(url, REMOTE_ADDR="10.0.0.2")
    assert shown_count(article) == before + 1  # a stale answer counts its reader too
    cache.delete(lock)  # the renderer is done (or its lock ran out)
    fresh = client.get(url, REMOTE_ADDR="10.0.0.1")
    assert fresh["X-Page-Cache"] == "miss" and "หัวข้อข่าวแก้ไขครั้งที่สอง" in fresh.content.decode()
    assert not cache.get(lock)  # freed after rendering


@pytest.mark.parametrize("take_down", ["trash", "unpublish"])
def test_a_deleted_or_withdrawn_article_is_not_served_from_its_outdated_copy(client, committed, monkeypatch, take_down):
    """Its new answer (404, or the 410 notice) is not stored, so the old copy must go:
    kept, it would be served "stale" to every request made while another renders."""
    monkeypatch.setattr(caching, "LOCK_WAIT_SECONDS", 0.1)
    article = make_article(title="ข่าวที่ต้องหายไปทันที")
    url = article.get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    with committed():
        if take_down == "trash":
            article.trash(None)
        else:
            article.unpublish(None, "ผิดพลาด")
    assert client.get(url, REMOTE_ADDR="10.0.0.1").status_code in (404, 410)  # the request that renders it
    lock = hold_lock(url)  # a next one renders it on another server, or in another thread
    again = client.get(url, REMOTE_ADDR="10.0.0.2")
    cache.delete(lock)
    assert again.status_code in (404, 410) and again.get("X-Page-Cache") != "stale"
    assert "เนื้อหาข่าวทดสอบ" not in again.content.decode()  # the body (a withdrawal notice has the title)


def test_with_no_copy_to_serve_a_request_waits_for_the_renderer(client, monkeypatch):
    """The renderer stores the page while this request waits: one render for both."""
    from news import views

    lock = hold_lock("/news/")
    other = []

    def the_renderer_finishes(seconds):
        cache.delete(lock)
        other.append(Client().get("/news/"))  # the other request, which held the lock

    monkeypatch.setattr(caching.time, "sleep", the_renderer_finishes)
    real_get = views.ArticleListView.get
    with mock.patch.object(views.ArticleListView, "get", autospec=True, side_effect=real_get) as render:
        waited = client.get("/news/")
    assert render.call_count == 1 and other[0]["X-Page-Cache"] == "miss"
    assert waited["X-Page-Cache"] == "hit" and waited.content == other[0].content


def test_a_waiting_request_renders_itself_if_the_renderer_stores_nothing_or_is_slow(client, monkeypatch):
    lock = hold_lock("/news/")
    monkeypatch.setattr(caching.time, "sleep", lambda seconds: cache.delete(lock))  # finished, stored nothing
    assert client.get("/news/")["X-Page-Cache"] == "miss"
    hold_lock("/offices/")
    monkeypatch.setattr(caching, "LOCK_WAIT_SECONDS", 0.2)
    monkeypatch.setattr(caching.time, "sleep", lambda seconds: None)
    started = datetime.datetime.now()
    assert client.get("/offices/")["X-Page-Cache"] == "miss"  # the lock outlived the wait
    assert (datetime.datetime.now() - started).total_seconds() < 5


def test_a_failing_render_frees_the_lock(client, monkeypatch):
    from news import views

    monkeypatch.setattr(views.OfficeListView, "get", mock.Mock(side_effect=RuntimeError("database down")))
    with pytest.raises(RuntimeError):
        client.get("/offices/")
    request = RequestFactory().get("/offices/")
    assert not cache.get(caching.LOCK_KEY % caching.page_key(request))


def test_a_process_keeps_copies_of_popular_pages_checked_against_the_shared_generation(client, settings):
    """A hit on a page this process served fetches only the generation and the
    boundary; a change anywhere (a new generation) ends the copy at once, and a
    copy another process stored since is taken from the shared cache."""
    first = client.get("/news/")
    key = caching.page_key(RequestFactory().get("/news/"))
    real_get_many = caching.get_many
    asked = []

    def recording(keys):
        asked.append(list(keys))
        return real_get_many(keys)

    with mock.patch.object(caching, "get_many", recording):
        again = client.get("/news/")
    assert again["X-Page-Cache"] == "hit" and again.content == first.content
    assert asked == [[caching.GENERATION_KEY, caching.BOUNDARY_KEY]]  # not the page's bytes

    old = caching.local_copies.get(key)
    caching.new_generation()  # a change saved through another server
    changed = client.get("/news/")
    assert changed["X-Page-Cache"] == "miss"
    newer = cache.get(key)
    caching.local_copies.put(key, old)  # this process still holds the old generation's copy
    taken = client.get("/news/")
    assert taken["X-Page-Cache"] == "hit" and caching.local_copies.get(key)["generation"] == newer["generation"]

    settings.PAGE_CACHE_LOCAL_ENTRIES = 2
    caching.local_copies.clear()
    for url in ("/offices/", "/events/", "/news/?page=2"):
        client.get(url)
    assert len(caching.local_copies.entries) == 2
    settings.PAGE_CACHE_LOCAL_ENTRIES = 0
    caching.local_copies.clear()
    client.get("/offices/")
    assert not caching.local_copies.entries
