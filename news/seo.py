"""Share cards and structured data for detail pages.

Builds what the meta partials (templates/news/_partials/meta_*.html) print:
Open Graph / Twitter image and description, and JSON-LD (NewsArticle or Event,
plus BreadcrumbList) made with json.dumps, never by joining strings in a template.
The generated 1200×630 share cards for pages without a photo are served by
news.views (article_share_image and event_share_image); this module only points to them.
"""

import datetime
import json
import mimetypes

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import thai
from .models import Article, Event

CARD_SIZE = (1200, 630)
DESCRIPTION_LENGTH = 200

# The characters json_script escapes, so a title cannot close the <script>.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data):
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES))


def _description(text):
    return thai.compose_sara_am(thai.truncate(text, DESCRIPTION_LENGTH))


def _iso(value):
    """ISO 8601; datetimes in Bangkok time with their +07:00 offset."""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value)
    return value.isoformat()


def _organization(office, request):
    return {
        "@type": "Organization",
        "name": office.name,
        "alternateName": office.short_name,
        "url": request.build_absolute_uri(office.get_absolute_url()),
    }


def _breadcrumbs(request, crumbs):
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": request.build_absolute_uri(url)}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def _card_image(request, route, pk, alt):
    url = request.build_absolute_uri(reverse(route, kwargs={"pk": pk}))
    return {"url": url, "width": CARD_SIZE[0], "height": CARD_SIZE[1], "alt": alt, "type": "image/png"}


def _photo_image(request, photo):
    # The clean JPEG rendition (news.photos): what LINE, Facebook and search engines fetch.
    name, width, height = photo.share_file()
    url = request.build_absolute_uri(photo.image.storage.url(name))
    mime_type = mimetypes.guess_type(name)[0] or ""
    return {"url": url, "width": width, "height": height, "alt": photo.alt, "type": mime_type}


def article_meta(article, request):
    """What share_meta.html needs; uses the detail view's prefetched photos and tags."""
    url = request.build_absolute_uri(article.get_absolute_url())
    cover = article.cover
    if cover:
        image = _photo_image(request, cover)
    else:
        image = _card_image(request, "news:article_share", article.pk, article.title)
    modified = article.modified_at
    title = thai.compose_sara_am(article.title)
    description = _description(article.teaser)
    authors = [_organization(article.office, request)]
    if article.writer:
        authors.insert(0, {"@type": "Person", "name": article.writer})
    news = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "description": description,
        "image": [image["url"]],
        "datePublished": _iso(article.published_at),
        "dateModified": _iso(modified),
        "inLanguage": "th",
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "author": authors,
        "publisher": {
            "@type": "Organization",
            "name": str(settings.SITE_NAME),
            "url": request.build_absolute_uri(reverse("news:home")),
            "logo": {"@type": "ImageObject", "url": request.build_absolute_uri(static("img/logo-512.png")),
                     "width": 512, "height": 512},
        },
        "keywords": [tag.name for tag in article.tags.all()],
    }
    if article.category:
        news["articleSection"] = article.category.name
    crumbs = [
        (_("Home"), reverse("news:home")),
        (_("News"), reverse("news:article_list")),
        (article.office.short_name, article.office.get_absolute_url()),
        (title, article.get_absolute_url()),
    ]
    og_extra = [
        ("article:published_time", _iso(article.published_at)),
        ("article:modified_time", _iso(modified)),
    ]
    if article.category:
        og_extra.append(("article:section", article.category.name))
    og_extra += [("article:tag", tag.name) for tag in article.tags.all()]
    return {
        "og_type": "article",
        "title": title,
        "url": url,
        "description": description,
        "image": image,
        "og_extra": og_extra,
        "json_ld": [json_ld(news), json_ld(_breadcrumbs(request, crumbs))],
    }


ATTENDANCE_MODES = {
    Event.Mode.ONSITE: "https://schema.org/OfflineEventAttendanceMode",
    Event.Mode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Event.Mode.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def _event_location(event, url):
    places = []
    if event.mode != Event.Mode.ONLINE:
        name = thai.compose_sara_am(event.venue) or event.place or event.organiser.name
        address = {"@type": "PostalAddress", "addressCountry": "TH"}
        if event.venue:
            address["streetAddress"] = thai.compose_sara_am(event.venue)
        if event.province:
            address["addressRegion"] = event.province.name_th
        places.append({"@type": "Place", "name": name, "address": address})
    if event.mode != Event.Mode.ONSITE:
        # No meeting link is stored; the event page is where readers find it.
        places.append({"@type": "VirtualLocation", "name": event.online_platform, "url": url})
    return places[0] if len(places) == 1 else places


def event_description(event):
    when = thai.format_date_range(event.start_date, event.end_date)
    if event.start_time:
        when = f"{when} {thai.format_time(event.start_time)}"
    return " · ".join(part for part in [when, event.place, event.organiser.name] if part)


def event_meta(event, articles, request):
    """What share_meta.html needs. `articles` are the public news about the event
    (with cover_photos prefetched); the first cover among them is the share image."""
    url = request.build_absolute_uri(event.get_absolute_url())
    covers = [a.cover for a in articles if a.cover]
    if covers:
        image = _photo_image(request, covers[0])
    else:
        image = _card_image(request, "news:event_share", event.pk, event.title)
    title = thai.compose_sara_am(event.title)
    description = _description(event_description(event))
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": title,
        "description": description,
        "startDate": _iso(event.start_datetime or event.start_date),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": ATTENDANCE_MODES.get(event.mode, ATTENDANCE_MODES[Event.Mode.ONSITE]),
        "location": _event_location(event, url),
        "organizer": _organization(event.organiser, request),
        "image": [image["url"]],
        "url": url,
        "inLanguage": "th",
    }
    # No end time is stored: a timed one-day event has no endDate (as in the .ics);
    # a date-only or multi-day one ends on its last day.
    if event.start_time is None or event.is_multi_day:
        data["endDate"] = _iso(event.end_date)
    crumbs = [
        (_("Home"), reverse("news:home")),
        (_("Events"), reverse("news:event_list")),
        (event.organiser.short_name, event.organiser.get_absolute_url()),
        (title, event.get_absolute_url()),
    ]
    return {
        "og_type": "website",
        "title": title,
        "url": url,
        "description": description,
        "image": image,
        "og_extra": [],
        "json_ld": [json_ld(data), json_ld(_breadcrumbs(request, crumbs))],
    }
