from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.generic import TemplateView

from news import calendars, feeds
from news.sitemaps import SITEMAPS
from portal import views

# Feeds, calendars and sitemaps have one address each, outside i18n_patterns:
# subscribers and crawlers must not get a different URL per browser language.
feed_patterns = [
    path("news.rss", feeds.NewsFeed(), name="news_rss"),
    path("news.atom", feeds.NewsAtomFeed(), name="news_atom"),
    path("offices/<str:slug>.rss", feeds.OfficeFeed(), name="office_rss"),
    path("offices/<str:slug>.atom", feeds.OfficeAtomFeed(), name="office_atom"),
    path("categories/<str:slug>.rss", feeds.CategoryFeed(), name="category_rss"),
    path("categories/<str:slug>.atom", feeds.CategoryAtomFeed(), name="category_atom"),
    path("tags/<str:slug>.rss", feeds.TagFeed(), name="tag_rss"),
    path("tags/<str:slug>.atom", feeds.TagAtomFeed(), name="tag_atom"),
    path("provinces/<str:code>.rss", feeds.ProvinceFeed(), name="province_rss"),
    path("provinces/<str:code>.atom", feeds.ProvinceAtomFeed(), name="province_atom"),
    path("events.rss", feeds.EventFeed(), name="events_rss"),
    path("events.atom", feeds.EventAtomFeed(), name="events_atom"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("feeds/", include((feed_patterns, "feeds"))),
    path("events.ics", calendars.upcoming_calendar, name="events_ics"),
    path("events/<int:pk>.ics", calendars.event_calendar, name="event_ics"),
    path(
        "sitemap.xml", sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"}, name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
        name="robots",
    ),
    path("favicon.ico", views.FaviconView.as_view()),
]
# Thai at /news/…, English at /en/news/…: each language has its own cacheable URL.
urlpatterns += i18n_patterns(path("", include("news.urls")), prefix_default_language=False)

if settings.SERVE_MEDIA:
    # Also with DEBUG off (Django's static() helper serves only in DEBUG): see views.media.
    urlpatterns += [re_path(r"^%s(?P<path>.*)$" % settings.MEDIA_URL.lstrip("/"), views.media, name="media")]
