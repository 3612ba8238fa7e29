"""RSS 2.0 and Atom feeds: all news, per office / category / tag / province, and
upcoming events.

Every news feed starts from Article.objects.published(),
so drafts and scheduled articles never reach a reader. The routes are in
portal/urls.py, outside i18n_patterns: a feed has one address whatever language
the reader's browser asks for.
"""

import copy
import datetime
import mimetypes

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.http import http_date, parse_http_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import thai
from .models import Article, Category, Event, Office, Province, Tag
from .seo import event_description

ITEM_LIMIT = 30
FEED_MAX_AGE = 10 * 60


# The date of a feed with no items yet: a fixed one, so its ETag and Last-Modified
# hold (Django would use now(), and the feed would never answer 304).
EMPTY_FEED_DATE = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)


def tag_uri(kind, obj):
    """A guid that survives title (and so slug) edits and host names: only the
    site's own domain (settings.SITE_DOMAIN), the row's creation date and pk."""
    created = timezone.localdate(obj.created_at)
    return f"tag:{settings.SITE_DOMAIN},{created:%Y-%m-%d}:{kind}/{obj.pk}"


class StableDateMixin:
    def latest_post_date(self):
        return super().latest_post_date() if self.items else EMPTY_FEED_DATE


class RssFeed(StableDateMixin, Rss201rev2Feed):
    pass


class AtomFeed(StableDateMixin, Atom1Feed):
    pass


class PortalFeed(Feed):
    # Feeds live outside i18n_patterns, where LocaleMiddleware always picks Thai,
    # so links are the canonical /news/… addresses whatever the reader's browser.
    language = settings.LANGUAGE_CODE
    feed_type = RssFeed
    item_guid_is_permalink = False  # tag: URIs, see tag_uri()

    def __call__(self, request, *args, **kwargs):
        # The Feed instance lives in the URLconf and serves every request, so the
        # request goes on a per-request copy (enclosures need absolute URLs).
        feed = copy.copy(self)
        feed.request = request
        response = Feed.__call__(feed, request, *args, **kwargs)
        floor = feed.last_modified_floor()
        if floor and "Last-Modified" in response:
            # The item set can change without any item changing (see events), and
            # If-Modified-Since must not answer 304 after such a change.
            latest = parse_http_date(response["Last-Modified"])
            response["Last-Modified"] = http_date(max(latest, int(floor.timestamp())))
        response["Cache-Control"] = f"public, max-age={FEED_MAX_AGE}"
        return response

    def last_modified_floor(self):
        return None


class AtomMixin:
    feed_type = AtomFeed

    def subtitle(self, obj):
        # Atom has no description; its subtitle plays that part.
        return self._get_dynamic_attr("description", obj)


def atom(feed_class):
    """The same feed as Atom 1.0."""
    return type(feed_class.__name__.replace("Feed", "AtomFeed"), (AtomMixin, feed_class), {})


class NewsFeed(PortalFeed):
    """The latest public news; subclasses narrow it with get_object/filter_items."""

    def title(self, obj):
        return str(settings.SITE_NAME)

    def link(self, obj):
        return reverse("news:article_list")

    def description(self, obj):
        return _("The latest news of the Ministry of Education and its offices.")

    def filter_items(self, articles, obj):
        return articles

    def items(self, obj):
        articles = self.filter_items(Article.objects.published(), obj)
        # The ids first, then their rows (as list pages do): the database sorts narrow
        # index entries, not whole articles (a tag's feed: one range of the tag's
        # index, docs/performance.md, "The tag feed").
        ids = list(articles.values_list("pk", flat=True)[:ITEM_LIMIT])
        by_id = Article.objects.published().filter(pk__in=ids).for_listing().in_bulk()
        # The items' tag names in one plain query: a many-to-many prefetch builds a
        # related manager per article, a quarter of a feed's time.
        names = {}
        links = Article.tags.through.objects.filter(article_id__in=ids).order_by("tag__name")
        for article_id, name in links.values_list("article_id", "tag__name"):
            names.setdefault(article_id, []).append(name)
        items = [by_id[pk] for pk in ids if pk in by_id]
        for item in items:
            item.feed_tag_names = names.get(item.pk, [])
        return items

    def item_title(self, item):
        # Plain text: the feed generator escapes it once for XML, and Atom titles
        # are type="text", so Django's default double escaping would show "&amp;".
        return thai.compose_sara_am(item.title)

    def item_description(self, item):
        # RSS descriptions and Atom summaries are HTML; the summary is plain text.
        return escape(thai.compose_sara_am(item.teaser))

    def item_guid(self, item):
        return tag_uri("news", item)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        # Atom's <updated> must not be earlier than <published>.
        return item.modified_at

    def item_author_name(self, item):
        credits = [
            (_("Summary"), item.writer),
            (_("Photos"), item.photographer),
            (_("Posted by"), item.author),
        ]
        named = [f"{label}: {name}" for label, name in credits if name]
        return " · ".join(named) or item.office.name

    def item_categories(self, item):
        names = list(item.feed_tag_names)  # set by items(), in the tags' order (by name)
        names.append(item.office.short_name)
        if item.category:
            names.append(item.category.name)
        return list(dict.fromkeys(names))

    def item_enclosures(self, item):
        # for_listing() prefetches the first photo by (order, pk)
        # as cover_photos, so this costs no query per item.
        cover = item.cover
        if cover is None:
            return []
        # The clean JPEG rendition (news.photos), never what the phone wrote.
        name, _width, _height = cover.share_file()
        storage = cover.image.storage
        try:
            length = storage.size(name)  # the real number of bytes on storage (a stat)
        except OSError:  # removed since cover checked it
            return []
        mime_type = mimetypes.guess_type(name)[0] or "image/jpeg"
        url = self.request.build_absolute_uri(storage.url(name))
        return [Enclosure(url=url, length=str(length), mime_type=mime_type)]


class ObjectNewsFeed(NewsFeed):
    """The news of one office, category, tag or province named in the URL."""

    model = None
    title_text = description_text = ""

    def get_queryset(self):
        return self.model.objects.all()

    def get_object(self, request, **lookup):
        return get_object_or_404(self.get_queryset(), **lookup)  # an unknown slug or code is a 404

    def label(self, obj):
        return str(obj)

    def title(self, obj):
        return self.title_text % {"name": self.label(obj)}

    def description(self, obj):
        return self.description_text % {"name": self.label(obj)}

    def link(self, obj):
        return obj.get_absolute_url()


class OfficeFeed(ObjectNewsFeed):
    model = Office
    title_text = gettext_lazy("News of %(name)s")
    description_text = gettext_lazy("The latest news of %(name)s and the offices under it.")

    def label(self, obj):
        return obj.name

    def filter_items(self, articles, obj):
        return articles.by_office_tree(obj)


class CategoryFeed(ObjectNewsFeed):
    model = Category
    title_text = gettext_lazy("News: %(name)s")
    description_text = gettext_lazy("The latest news in the category %(name)s.")

    def get_queryset(self):
        return Category.objects.public()  # one only drafts use is not public yet

    def filter_items(self, articles, obj):
        return articles.filter(category=obj)


class TagFeed(ObjectNewsFeed):
    model = Tag
    title_text = gettext_lazy("News tagged #%(name)s")
    description_text = gettext_lazy("The latest news tagged #%(name)s.")

    def get_queryset(self):
        return Tag.objects.public()  # one only drafts use is not public yet

    def get_object(self, request, slug):
        return super().get_object(request, slug=Tag.slug_for(slug))

    def filter_items(self, articles, obj):
        return articles.tagged(obj)


class ProvinceFeed(ObjectNewsFeed):
    model = Province
    title_text = gettext_lazy("News from %(name)s")
    description_text = gettext_lazy("News of events held in %(name)s and of its offices.")

    def get_object(self, request, code):
        return super().get_object(request, code=code.upper())

    def link(self, obj):
        return reverse("news:article_list") + f"?province={obj.code}"

    def filter_items(self, articles, obj):
        return articles.in_province(obj)


class EventFeed(PortalFeed):
    """Upcoming public events (see EventQuerySet.public)."""

    def title(self, obj):
        return _("Upcoming events · %(site)s") % {"site": settings.SITE_NAME}

    def link(self, obj):
        return reverse("news:event_list")

    def description(self, obj):
        return _("Meetings, workshops and ceremonies of the Ministry of Education and its offices.")

    def items(self, obj):
        return Event.objects.for_listing().upcoming()[:ITEM_LIMIT]

    def item_title(self, item):
        return thai.compose_sara_am(item.title)

    def item_description(self, item):
        return escape(thai.compose_sara_am(event_description(item)))

    def item_guid(self, item):
        return tag_uri("events", item)

    def item_pubdate(self, item):
        return item.public_since  # when it became public: its first news

    def item_updateddate(self, item):
        return item.last_changed

    def item_author_name(self, item):
        return item.organiser.name

    def item_categories(self, item):
        names = [item.get_kind_display(), item.organiser.short_name]
        if item.province:
            names.append(item.province.name_th)
        return names

    def last_modified_floor(self):
        # An event leaves "upcoming" at midnight without being edited.
        return thai.local_midnight(timezone.localdate())



NewsAtomFeed = atom(NewsFeed)
OfficeAtomFeed = atom(OfficeFeed)
CategoryAtomFeed = atom(CategoryFeed)
TagAtomFeed = atom(TagFeed)
ProvinceAtomFeed = atom(ProvinceFeed)
EventAtomFeed = atom(EventFeed)
