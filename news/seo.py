"""Share cards and structured data for detail pages.

Builds what the meta partials (templates/news/_partials/meta_*.html) print:
Open Graph / Twitter image and description, and JSON-LD (NewsArticle or Event,
plus BreadcrumbList) made with json.dumps, never by joining strings in a template.
Also serves the generated 1200×630 share cards for pages without a photo.
"""

import datetime
import json
import mimetypes
import unicodedata

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import thai
from .images import render_card
from .models import Article, Event

CARD_SIZE = (1200, 630)
CARD_MAX_AGE = 24 * 60 * 60
DESCRIPTION_LENGTH = 200

# The characters json_script escapes, so a title cannot close the <script>.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data):
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES))


def _truncate(text, length=DESCRIPTION_LENGTH):
    text = thai.clean_text(text)
    if len(text) <= length:
        return text
    cut = length - 1
    # Never part a Thai letter from the vowel or tone marks above/below it.
    while cut > 0 and unicodedata.category(text[cut]) == "Mn":
        cut -= 1
    return text[:cut].rstrip() + "…"


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
    url = request.build_absolute_uri(photo.image.url)
    mime_type = mimetypes.guess_type(photo.image.name)[0] or ""
    return {"url": url, "width": photo.width, "height": photo.height, "alt": photo.alt, "type": mime_type}


def article_meta(article, request):
    """What meta_article.html needs; uses the detail view's prefetched photos and tags."""
    url = request.build_absolute_uri(article.get_absolute_url())
    cover = article.cover
    if cover:
        image = _photo_image(request, cover)
    else:
        image = _card_image(request, "news:article_share", article.pk, article.title)
    modified = max(article.updated_at, article.published_at)
    authors = [_organization(article.office, request)]
    if article.writer:
        authors.insert(0, {"@type": "Person", "name": article.writer})
    news = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": _truncate(article.teaser),
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
        },
        "keywords": [tag.name for tag in article.tags.all()],
    }
    if article.category:
        news["articleSection"] = article.category.name
    crumbs = [
        (_("Home"), reverse("news:home")),
        (_("News"), reverse("news:article_list")),
        (article.office.short_name, article.office.get_absolute_url()),
        (article.title, article.get_absolute_url()),
    ]
    return {
        "url": url,
        "description": _truncate(article.teaser),
        "modified": modified,
        "image": image,
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
        province = event.province.name_th if event.province else ""
        place = {"@type": "Place", "name": event.venue or province or event.organiser.name}
        address = {"@type": "PostalAddress", "addressCountry": "TH"}
        if event.province:
            address["addressRegion"] = event.province.name_th
        place["address"] = address
        places.append(place)
    if event.mode != Event.Mode.ONSITE:
        # No meeting link is stored; the event page is where readers find it.
        places.append({"@type": "VirtualLocation", "name": event.online_platform, "url": url})
    return places[0] if len(places) == 1 else places


def event_description(event):
    when = thai.format_date_range(event.start_date, event.end_date)
    if event.start_time:
        when = f"{when} {thai.format_time(event.start_time)}"
    place = ", ".join(p for p in [event.venue, event.province.name_th if event.province else ""] if p)
    return " · ".join(part for part in [when, place, event.organiser.name] if part)


def event_meta(event, articles, request):
    """What meta_event.html needs. `articles` are the public news about the event
    (with cover_photos prefetched); the first cover among them is the share image."""
    url = request.build_absolute_uri(event.get_absolute_url())
    covers = [a.cover_photos[0] for a in articles if getattr(a, "cover_photos", None)]
    if covers:
        image = _photo_image(request, covers[0])
    else:
        image = _card_image(request, "news:event_share", event.pk, event.title)
    description = _truncate(event_description(event))
    start = event.start_date
    if event.start_time:
        start = timezone.make_aware(datetime.datetime.combine(event.start_date, event.start_time))
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": description,
        "startDate": _iso(start),
        "endDate": _iso(event.end_date),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": ATTENDANCE_MODES.get(event.mode, ATTENDANCE_MODES[Event.Mode.ONSITE]),
        "location": _event_location(event, url),
        "organizer": _organization(event.organiser, request),
        "image": [image["url"]],
        "url": url,
        "inLanguage": "th",
    }
    crumbs = [
        (_("Home"), reverse("news:home")),
        (_("Events"), reverse("news:event_list")),
        (event.organiser.short_name, event.organiser.get_absolute_url()),
        (event.title, event.get_absolute_url()),
    ]
    return {
        "url": url,
        "description": description,
        "image": image,
        "json_ld": [json_ld(data), json_ld(_breadcrumbs(request, crumbs))],
    }


def _card_response(key, modified, draw):
    """PNG bytes from the shared cache (rendering takes a while), with HTTP caching.

    The key holds the row's updated_at, so an edited title gets a new card."""
    key = f"{key}:{modified.timestamp():.6f}:{get_language()}"
    png = cache.get(key)
    if png is None:
        png = draw()
        cache.set(key, png, CARD_MAX_AGE)
    response = HttpResponse(png, content_type="image/png")
    response["Last-Modified"] = http_date(modified.timestamp())
    patch_cache_control(response, public=True, max_age=CARD_MAX_AGE)
    return response


def article_share_image(request, pk):
    """/news/<pk>/share.png: a card with the Thai title, for articles without a photo."""
    article = get_object_or_404(Article.objects.published().select_related("office"), pk=pk)
    modified = max(article.updated_at, article.published_at)
    footer = f"{settings.SITE_NAME} · {thai.format_date(article.published_at)}"
    return _card_response(
        f"share:article:{article.pk}",
        modified,
        lambda: render_card(
            article.title, kicker=article.office.short_name, footer=footer, size=CARD_SIZE, palette=article.pk
        ),
    )


def event_share_image(request, pk):
    """/events/<pk>/share.png: a card with the event's title, date and place."""
    event = get_object_or_404(Event.objects.public().select_related("province", "organiser"), pk=pk)
    footer = thai.format_date_range(event.start_date, event.end_date)
    if event.province:
        footer = f"{footer} · {event.province.name_th}"
    return _card_response(
        f"share:event:{event.pk}",
        event.updated_at,
        lambda: render_card(
            event.title, kicker=event.organiser.short_name, footer=footer, size=CARD_SIZE, palette=event.pk
        ),
    )
