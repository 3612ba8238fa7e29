"""RSS 2.0 and Atom feeds: all news, per office / category / tag / province, and
upcoming events.

Every news feed starts from views.public_articles(), i.e. Article.objects.published(),
so drafts and scheduled articles never reach a reader. The routes are in
portal/urls.py, outside i18n_patterns: a feed has one address whatever language
the reader's browser asks for.
"""

import copy
import datetime
import mimetypes

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http.request import split_domain_port
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.html import escape
from django.utils.http import http_date, parse_http_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Category, Event, Office, Province, Tag
from .seo import event_description
from .views import public_articles

ITEM_LIMIT = 30
FEED_MAX_AGE = 10 * 60


def tag_authority(request):
    """The authority part of tag: URIs and iCalendar UIDs.

    FEED_TAG_AUTHORITY pins it when the site answers to several host names;
    otherwise the host the reader subscribed through is used (without the port).
    """
    configured = getattr(settings, "FEED_TAG_AUTHORITY", "")
    return configured or split_domain_port(request.get_host())[0] or "localhost"


def tag_uri(request, kind, obj):
    """A guid that survives title (and so slug) edits: only pk and creation date."""
    created = timezone.localdate(obj.created_at)
    return f"tag:{tag_authority(request)},{created:%Y-%m-%d}:{kind}/{obj.pk}"


class PortalFeed(Feed):
    language = settings.LANGUAGE_CODE
    item_guid_is_permalink = False  # tag: URIs, see tag_uri()

    def __call__(self, request, *args, **kwargs):
        # The Feed instance lives in the URLconf and serves every request, so the
        # request goes on a per-request copy (enclosures need absolute URLs).
        feed = copy.copy(self)
        feed.request = request
        # Links are reversed in the default language: with an English browser
        # they must still be the canonical /news/… addresses, not /en/news/….
        with translation.override(self.language):
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
    feed_type = Atom1Feed

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
        articles = self.filter_items(public_articles(), obj)
        return articles.prefetch_related("tags")[:ITEM_LIMIT]

    def item_title(self, item):
        # Plain text: the feed generator escapes it once for XML, and Atom titles
        # are type="text", so Django's default double escaping would show "&amp;".
        return item.title

    def item_description(self, item):
        # RSS descriptions and Atom summaries are HTML; the summary is plain text.
        return escape(item.teaser)

    def item_guid(self, item):
        return tag_uri(self.request, "news", item)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        # A scheduled article is often written (updated_at) before it goes live;
        # Atom's <updated> must not be earlier than <published>.
        return max(item.updated_at, item.published_at)

    def item_author_name(self, item):
        credits = [
            (_("Summary"), item.writer),
            (_("Photos"), item.photographer),
            (_("Posted by"), item.author),
        ]
        named = [f"{label}: {name}" for label, name in credits if name]
        return " · ".join(named) or item.office.name

    def item_categories(self, item):
        names = [tag.name for tag in item.tags.all()]
        names.append(item.office.short_name)
        if item.category:
            names.append(item.category.name)
        return list(dict.fromkeys(names))

    def item_enclosures(self, item):
        # public_articles() (for_listing) prefetches the first photo by (order, pk)
        # as cover_photos, so this costs no query per item.
        cover = item.cover_photos[0] if item.cover_photos else None
        if cover is None:
            return []
        try:
            length = cover.image.size  # the real number of bytes on storage
        except OSError:
            return []
        mime_type = mimetypes.guess_type(cover.image.name)[0] or "image/jpeg"
        url = self.request.build_absolute_uri(cover.image.url)
        return [Enclosure(url=url, length=str(length), mime_type=mime_type)]


class ObjectNewsFeed(NewsFeed):
    """The news of one office, category, tag or province named in the URL."""

    model = None
    title_text = description_text = ""

    def get_object(self, request, **lookup):
        return get_object_or_404(self.model, **lookup)  # an unknown slug or code is a 404

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

    def filter_items(self, articles, obj):
        return articles.filter(category=obj)


class TagFeed(ObjectNewsFeed):
    model = Tag
    title_text = gettext_lazy("News tagged #%(name)s")
    description_text = gettext_lazy("The latest news tagged #%(name)s.")

    def filter_items(self, articles, obj):
        return articles.filter(tags=obj)


class ProvinceFeed(ObjectNewsFeed):
    model = Province
    title_text = gettext_lazy("News from %(name)s")
    description_text = gettext_lazy("News of events held in %(name)s and of its offices.")

    def get_object(self, request, code):
        return super().get_object(request, code=code.upper())

    def link(self, obj):
        return reverse("news:article_list") + f"?province={obj.code}"

    def filter_items(self, articles, obj):
        # Both joins are to-one, so an article matching both appears once.
        return articles.filter(Q(event__province=obj) | Q(office__province=obj))


class EventFeed(PortalFeed):
    """Upcoming public events (see EventQuerySet.public)."""

    def title(self, obj):
        return _("Upcoming events · %(site)s") % {"site": settings.SITE_NAME}

    def link(self, obj):
        return reverse("news:event_list")

    def description(self, obj):
        return _("Meetings, workshops and ceremonies of the Ministry of Education and its offices.")

    def items(self, obj):
        return Event.objects.public().upcoming().select_related("province", "organiser")[:ITEM_LIMIT]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return escape(event_description(item))

    def item_guid(self, item):
        return tag_uri(self.request, "events", item)

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.organiser.name

    def item_categories(self, item):
        names = [item.get_kind_display(), item.organiser.short_name]
        if item.province:
            names.append(item.province.name_th)
        return names

    def last_modified_floor(self):
        # An event leaves "upcoming" at midnight without being edited.
        return timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time.min))


NewsAtomFeed = atom(NewsFeed)
OfficeAtomFeed = atom(OfficeFeed)
CategoryAtomFeed = atom(CategoryFeed)
TagAtomFeed = atom(TagFeed)
ProvinceAtomFeed = atom(ProvinceFeed)
EventAtomFeed = atom(EventFeed)
