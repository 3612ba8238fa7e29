"""List counts come from the shared cache, not a COUNT(*) on every request."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import Article, Tag
from tests.factories import make_article, make_public_event

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


def follow(client, url, rel, path="/news/"):
    """The next page's address through the page's "Older" (rel=next) or "Newer" (rel=prev) link."""
    import html
    import re

    found = re.search(rf'rel="{rel}" href="([^"]+)"', client.get(url).content.decode())
    return path + html.unescape(found.group(1)) if found else None


def rows_and_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return [a.pk for a in response.context["object_list"]], ctx.captured_queries


def test_older_and_newer_links_walk_by_cursor_with_the_same_rows_as_page_numbers(client):
    """Keyset links: each page reached through "Older"/"Newer" holds the rows of
    ?page=N (ties in publication time across page ends included), with as many
    queries and no OFFSET."""
    from tests.factories import make_office

    office = make_office()
    same_moment = make_article(title="ข่าวลำดับ 00", office=office).published_at
    for i in range(1, 40):
        # Rows 10-19 share one moment: a page boundary falls inside the tie.
        moment = same_moment if 10 <= i < 20 else same_moment - datetime.timedelta(minutes=i)
        make_article(title=f"ข่าวลำดับ {i:02d}", office=office, published_at=moment)
    base = f"/news/?office={office.slug}"
    client.get(base)  # fills the cached count
    url, seen, numbers = base, [], []
    while url:
        number = int(url.split("page=")[1].split("&")[0]) if "page=" in url else 1
        rows, queries = rows_and_queries(client, url)
        expected, expected_queries = rows_and_queries(client, f"{base}&page={number}")
        assert rows == expected, url
        assert len(queries) == len(expected_queries)
        if number > 1:
            assert "older_than=" in url
            assert not [q for q in queries if " OFFSET " in q["sql"].upper()]
        seen += rows
        numbers.append(number)
        url = follow(client, url, "next")
    assert numbers == [1, 2, 3, 4] and len(seen) == len(set(seen)) == 40
    # And back up through the "Newer" links from the last page.
    url = f"{base}&page=4"
    while (url := follow(client, url, "prev")) is not None:
        number = int(url.split("page=")[1].split("&")[0])
        assert rows_and_queries(client, url)[0] == rows_and_queries(client, f"{base}&page={number}")[0], url
        assert ("newer_than=" in url) == (number > 1)  # page 1 is just page 1


@pytest.mark.parametrize("cursor", [
    "older_than=nonsense", "older_than=12_", "older_than=_5", "newer_than=99999999999999999999999999_1",
    "older_than=1_99999999999999999999999", "older_than=-1_-1", "newer_than=2024-01-01_3", "older_than=",
])
def test_a_cursor_that_is_not_one_shows_the_numbered_page(client, cursor):
    for i in range(30):
        make_article(title=f"ข่าวเคอร์เซอร์ {i:02d}")
    page2, _ = rows_and_queries(client, "/news/?page=2")
    assert rows_and_queries(client, f"/news/?page=2&{cursor}")[0] == page2
    html = client.get(f"/news/?page=2&{cursor}").content.decode()
    assert "<details class=\"filter-more\">" in html  # a cursor is not a filter in use


def test_a_cursor_does_not_start_a_count_of_its_own(client):
    for i in range(30):
        make_article(title=f"ข่าวนับเคอร์เซอร์ {i:02d}")
    article_counts(client, "/news/")
    older = follow(client, "/news/", "next")
    _response, counted = article_counts(client, older)
    assert counted == 0


def test_past_events_walk_by_a_date_cursor_too(client):
    """The events list is ordered by (-start_date, -pk): its cursor is a date."""
    for i in range(26):
        # Pairs of events on one day: ties on the date fall across page ends.
        day = datetime.date(2023, 1, 1) + datetime.timedelta(days=i // 2)
        make_public_event(title=f"งานเคอร์เซอร์ {i:02d}", start_date=day)
    url, numbers = "/events/", []
    while url:
        response = client.get(url)
        number = response.context["page_obj"].number
        expected = client.get("/events/", {"page": number}).context["object_list"]
        assert list(response.context["object_list"]) == list(expected), url
        assert number == 1 or "older_than=" in url
        numbers.append(number)
        url = follow(client, url, "next", path="/events/")
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 3


def test_no_keyset_for_an_order_on_another_table():
    from news.models import Attendance
    from news.pagination import CachedCountPaginator

    paginator = CachedCountPaginator(Attendance.objects.order_by("-event__start_date", "-pk"), 12, count_key="x")
    assert paginator.keyset_column is None
    assert CachedCountPaginator(Article.objects.order_by("-title", "-pk"), 12, count_key="y").keyset_column is None
    assert CachedCountPaginator(Article.objects.all(), 12, count_key="z").keyset_column == "published_at"
