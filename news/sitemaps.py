"""Sitemaps for news, events, offices and people, served under one sitemap index.

Each section is one query, whatever its size; Django splits a section into pages
of at most `limit` (50,000) URLs and the index lists every page.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, OuterRef, Subquery
from django.db.models.functions import Greatest

from .models import Article, Event, Office, Person


class PortalSitemap(Sitemap):
    # Sitemaps live outside i18n_patterns, where LocaleMiddleware always picks
    # Thai, so every <loc> is the canonical /news/… address. (Sitemap.i18n would
    # load every row of a section into memory to pair it with languages.)

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
            # An event's page appears when its first news is published.
            .annotate(lastmod=Greatest("updated_at", "public_since"))
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
    """A person's page lists the public events they took part in."""

    def items(self):
        latest_public_appearance = (
            Event.objects.public()
            .filter(attendances__person=OuterRef("pk"))
            .annotate(changed=Greatest("updated_at", "public_since"))
            .order_by("-changed")
            .values("changed")[:1]
        )
        return (
            Person.objects.public()
            .only("pk", "name")
            .annotate(lastmod=Subquery(latest_public_appearance))
            .order_by("name_key", "pk")
        )

    def get_latest_lastmod(self):
        return (
            Event.objects.public()
            .filter(attendances__isnull=False)
            .aggregate(latest=Max(Greatest("updated_at", "public_since")))["latest"]
        )


SITEMAPS = {
    "news": ArticleSitemap,
    "events": EventSitemap,
    "offices": OfficeSitemap,
    "people": PersonSitemap,
}
