"""Sitemap index, section sitemaps and robots.txt."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import Article, Event, Office, Person
from news.sitemaps import SITEMAPS, ArticleSitemap
from tests.factories import make_article
from tests.test_feeds import add_articles

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SECTIONS = ["news", "events", "offices", "people"]


def locations(client, url, tag):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml"
    root = ET.fromstring(response.content)
    return [
        (el.find("sm:loc", NS).text, getattr(el.find("sm:lastmod", NS), "text", None))
        for el in root.findall(f"sm:{tag}", NS)
    ]


def path_of(url):
    parts = urlsplit(url)
    assert parts.scheme == "http" and parts.netloc == "testserver"
    return unquote(parts.path) + (f"?{parts.query}" if parts.query else "")


def all_page_urls(client):
    urls = []
    for sitemap_url, _ in locations(client, "/sitemap.xml", "sitemap"):
        urls += [loc for loc, _ in locations(client, path_of(sitemap_url), "url")]
    return urls


def test_index_lists_every_section_with_lastmod(client):
    index = locations(client, "/sitemap.xml", "sitemap")
    assert [path_of(loc) for loc, _ in index] == [f"/sitemap-{s}.xml" for s in SECTIONS]
    assert all(lastmod for _, lastmod in index)


def test_every_sitemap_url_answers_200(client):
    urls = all_page_urls(client)
    expected = (
        Article.objects.published().count() + Event.objects.count() + Office.objects.count() + Person.objects.count()
    )
    assert len(urls) == len(set(urls)) == expected
    for url in urls:
        assert client.get(path_of(url)).status_code == 200, url


def test_urls_are_the_canonical_thai_ones_with_lastmod(client):
    news = dict(locations(client, "/sitemap-news.xml", "url"))
    for article in Article.objects.published():
        loc = "http://testserver" + article.get_absolute_url()
        assert news[loc] == timezone.localdate(max(article.updated_at, article.published_at)).isoformat()
    english = client.get("/sitemap-news.xml", headers={"accept-language": "en"}).content.decode()
    assert "/en/" not in english


def test_drafts_and_scheduled_articles_are_not_listed(client):
    draft = make_article(title="ร่างข่าว", status=Article.Status.DRAFT)
    scheduled = make_article(title="ข่าวตั้งเวลา", published_at=timezone.now() + datetime.timedelta(days=2))
    urls = all_page_urls(client)
    for article in (draft, scheduled):
        assert not any(f"/news/{article.pk}/" in url for url in urls)
    # A scheduled article must not leak its date into its office's lastmod either.
    offices = dict(locations(client, "/sitemap-offices.xml", "url"))
    obec = offices["http://testserver/offices/obec/"]
    assert obec < timezone.localdate().isoformat()


def test_sections_are_paged_by_limit(client, monkeypatch):
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    index = [path_of(loc) for loc, _ in locations(client, "/sitemap.xml", "sitemap")]
    assert index[:3] == ["/sitemap-news.xml", "/sitemap-news.xml?p=2", "/sitemap-news.xml?p=3"]
    pages = [locations(client, url, "url") for url in index[:3]]
    assert [len(page) for page in pages] == [2, 2, 1]
    assert client.get("/sitemap-news.xml?p=4").status_code == 404


def test_pages_hold_at_most_50000_urls():
    assert all(sitemap.limit == 50000 for sitemap in SITEMAPS.values())


def test_query_count_does_not_grow_with_the_number_of_articles(client):
    urls = ["/sitemap.xml"] + [f"/sitemap-{s}.xml" for s in SECTIONS]

    def counts():
        result = {}
        for url in urls:
            with CaptureQueriesContext(connection) as context:
                assert client.get(url).status_code == 200
            result[url] = len(context.captured_queries)
        return result

    before = counts()
    add_articles(25)
    assert Article.objects.published().count() == 30
    assert counts() == before


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
