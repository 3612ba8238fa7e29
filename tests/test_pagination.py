"""List counts come from the shared cache, not a COUNT(*) on every request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import Tag
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def article_counts(client, url):
    """(response, number of COUNT queries on the article table) for one request."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    counts = [q["sql"] for q in ctx.captured_queries if "COUNT(" in q["sql"].upper() and "news_article" in q["sql"]]
    return response, len(counts)


def test_a_list_counts_its_rows_once_then_reads_the_count_from_the_cache(client):
    url = "/news/?q=ข่าวนับหน้า"
    for i in range(13):
        make_article(title=f"ข่าวนับหน้า {i}")
    first, counted = article_counts(client, url)
    assert counted == 1 and first.context["paginator"].count == 13
    again, counted = article_counts(client, url + "&page=2")
    assert counted == 0 and again.context["paginator"].count == 13
    assert [a.title for a in again.context["object_list"]] == ["ข่าวนับหน้า 0"]
    other, counted = article_counts(client, "/news/?q=ข่าวนับหน้า 1")  # another filter set, its own count
    # A one-letter term is a whole word (news.search): 1, not 10, 11, 12.
    assert counted == 1 and other.context["paginator"].count == 1


def test_a_published_or_tagged_article_is_counted_at_once(client):
    """An editor's change starts a new count: the tag page's total is never stale."""
    tag = Tag.objects.create(name="แท็กนับจำนวน")
    make_article(title="ข่าวแท็กนับ 1").tags.add(tag)
    assert "1 ข่าวที่มีแท็กนี้" in client.get(tag.get_absolute_url()).content.decode()
    second = make_article(title="ข่าวแท็กนับ 2")
    second.tags.add(tag)  # m2m change: a new generation
    assert "2 ข่าวที่มีแท็กนี้" in client.get(tag.get_absolute_url()).content.decode()
    second.delete()
    assert "1 ข่าวที่มีแท็กนี้" in client.get(tag.get_absolute_url()).content.decode()


def test_pages_keep_their_order_and_rows_across_the_whole_list(client):
    """Rows looked up by id first come back in the list's order, page after page."""
    for i in range(30):
        make_article(title=f"ข่าวเรียงหน้า {i:02d}")
    query = {"q": "ข่าวเรียงหน้า"}
    first = client.get("/news/", query)
    pages = first.context["paginator"].num_pages
    titles = []
    for page in range(1, pages + 1):
        titles += [a.title for a in client.get("/news/", {**query, "page": page}).context["object_list"]]
    assert len(titles) == len(set(titles)) == first.context["paginator"].count
    assert [t for t in titles if t.startswith("ข่าวเรียงหน้า")] == [f"ข่าวเรียงหน้า {i:02d}" for i in reversed(range(30))]
    assert client.get("/news/", {**query, "page": pages + 1}).status_code == 404


def test_the_last_pages_walk_the_index_from_the_far_end(client):
    """A page past the middle is read backwards: the last page skips no rows, and ties
    in publication time keep the same order (the id tie-breaker is reversed too)."""
    same_moment = make_article(title="ข่าวเวลาเดียวกัน 00").published_at
    for i in range(1, 25):
        make_article(title=f"ข่าวเวลาเดียวกัน {i:02d}", published_at=same_moment)
    query = {"q": "ข่าวเวลาเดียวกัน"}
    client.get("/news/", query)  # fills the cached count
    titles = []
    for page in (1, 2, 3):
        with CaptureQueriesContext(connection) as ctx:
            titles += [a.title for a in client.get("/news/", {**query, "page": page}).context["object_list"]]
        offsets = [q["sql"] for q in ctx.captured_queries if "news_article" in q["sql"] and " OFFSET " in q["sql"].upper()]
    assert titles == [f"ข่าวเวลาเดียวกัน {i:02d}" for i in reversed(range(25))]
    assert offsets == []  # page 3 of 3: the first row from the far end, LIMIT 1 without OFFSET
