"""Sitemaps for news, events, offices and people, served under one sitemap index.

Each section is one query, whatever its size; Django splits a section into pages
of at most `limit` (50,000) URLs and the index lists every page.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import F, Max, OuterRef, Subquery
from django.db.models.functions import Greatest

from .models import Article, Event, Office, Person


class PortalSitemap(Sitemap):
    # i18n with the default language only: the listed addresses are the canonical
    # Thai ones (/news/…) even when the crawler's Accept-Language is English.
    i18n = True
    languages = [settings.LANGUAGE_CODE]

    def lastmod(self, item):
        return item.lastmod

    def get_latest_lastmod(self):
        # One aggregate instead of Django's default loop over every item.
        return self.items().aggregate(latest=Max("lastmod"))["latest"]


class ArticleSitemap(PortalSitemap):
    changefreq = "weekly"

    def items(self):
        # Only published articles whose time has come; never drafts or scheduled.
        return (
            Article.objects.published()
            .only("pk", "slug", "published_at", "updated_at")
            .annotate(lastmod=Greatest("updated_at", "published_at"))
            .order_by("-published_at", "-pk")
        )


class EventSitemap(PortalSitemap):
    def items(self):
        return (
            Event.objects.public().only("pk", "title", "updated_at")
            .annotate(lastmod=F("updated_at"))
            .order_by("-start_date", "-pk")
        )


class OfficeSitemap(PortalSitemap):
    """An office page lists its own and its sub-offices' news; it changes when
    one of them is published."""

    def items(self):
        latest_news = (
            Article.objects.published()
            .filter(office__path__startswith=OuterRef("path"))
            .order_by("-published_at")
            .values("published_at")[:1]
        )
        return Office.objects.only("pk", "slug").annotate(lastmod=Subquery(latest_news)).order_by("path")

    def get_latest_lastmod(self):
        # The newest public article anywhere is the newest office change.
        return Article.objects.published().aggregate(latest=Max("published_at"))["latest"]


class PersonSitemap(PortalSitemap):
    """A person's page lists the events they took part in."""

    def items(self):
        return (
            Person.objects.public()
            .only("pk", "name")
            .annotate(lastmod=Max("attendances__event__updated_at"))
            .order_by("name_key", "pk")
        )

    def get_latest_lastmod(self):
        return Event.objects.public().filter(attendances__isnull=False).aggregate(latest=Max("updated_at"))["latest"]


SITEMAPS = {
    "news": ArticleSitemap,
    "events": EventSitemap,
    "offices": OfficeSitemap,
    "people": PersonSitemap,
}
