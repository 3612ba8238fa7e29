"""The page cache: public pages, feeds and sitemaps as anonymous readers get them,
kept in the shared cache (Redis, or the database cache table) until anything they
show changes.

- **What**: GET responses of the views named in CACHED_VIEWS (and every feed), to a
  request that carries no session or messages cookie (logged-in users, editors
  and previews never get or fill a cached page), when the response is a plain 200
  that sets no cookie, does not vary on Cookie and is not private/no-store.
- **Key**: scheme, host, language and the full path with its query string.
- **Invalidation**: every entry carries the generation it was made under. Saving
  or deleting anything a page shows (see connect_signals) starts a new generation
  once the change commits, so a process never re-caches what it read before the
  commit; the generation lives in the shared cache, so every app server sees it.
- **Lifetime**: PAGE_CACHE_SECONDS, and never past the next scheduled publication
  or local midnight (when "upcoming" events become "past"): the boundary is one
  indexed query, cached with the generation.
- **Headers**: `Cache-Control: public, max-age=PAGE_MAX_AGE` (never past the
  boundary either) so nginx or a CDN may keep a page briefly; `s-maxage=0` on
  article pages, whose reads are counted here; `ETag` and `Last-Modified`, so
  ConditionalGetMiddleware (outside this one) answers 304 from a cached page too.
- **Reads**: a cached article page still counts its reader (news.reads), before
  it is served; the count printed on a cached page is as old as the page.
"""

import datetime
import hashlib
import math
import uuid

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import cc_delim_re, has_vary_header, patch_cache_control, set_response_etag
from django.utils.http import http_date

from . import reads, thai
from .models import Article

GENERATION_KEY = "page-cache:generation"
BOUNDARY_KEY = "page-cache:boundary"

# Opt-in: the anonymous public pages (both languages), sitemaps and calendars.
# Every route in the "feeds" namespace is cached too. A page added later is not
# cached until it is named here (a preview or an editor's tool must never be).
CACHED_VIEWS = frozenset({
    "news:home", "news:article_list", "news:article_detail", "news:event_list", "news:event_detail",
    "news:office_list", "news:office_detail", "news:person_detail", "news:tag_detail",
    "sitemap", "sitemap_section", "events_ics", "event_ics",
})
CACHED_NAMESPACES = frozenset({"feeds"})
# Pages whose reader is counted (news.reads): a shared cache in front must ask us.
READ_COUNTED_VIEWS = frozenset({"news:article_detail"})
# A request carrying one of these is someone's own (logged in, or a message to show).
PRIVATE_COOKIES = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
NOT_STORED_HEADERS = frozenset({"x-page-cache"})


class PageCacheMiddleware:
    """Serve and fill the page cache; see the module docstring.

    Sits after ConditionalGetMiddleware (which turns a cached 200 into a 304) and
    LocaleMiddleware (the language is active), before everything that may add a
    cookie or Vary header to the response, so what it stores is what went out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS:
            return self.get_response(request)  # switched off: pages as without this module
        if any(name in request.COOKIES for name in PRIVATE_COOKIES):
            response = self.get_response(request)
            if cached_view(request):
                # Someone's own view of a public page: only their browser may keep it.
                patch_cache_control(response, private=True, no_cache=True)
                response["X-Page-Cache"] = "bypass"
            return response
        if request.method != "GET":
            return self.get_response(request)

        now = timezone.now().timestamp()
        key = page_key(request)
        found = cache.get_many([GENERATION_KEY, BOUNDARY_KEY, key])
        generation = found.get(GENERATION_KEY) or current_generation()
        boundary = found.get(BOUNDARY_KEY)
        if boundary is None or boundary[0] != generation or boundary[1] <= now:
            boundary = remember_boundary(generation)
        until = boundary[1]

        entry = found.get(key)
        if entry and entry["generation"] == generation and now < entry["until"]:
            if entry["counted_article"]:
                reads.count_read(request, entry["counted_article"])
            response = HttpResponse(entry["content"], status=entry["status"], headers=entry["headers"])
            response["X-Page-Cache"] = "hit"
            public_cache_control(response, until - now, counted=bool(entry["counted_article"]))
            return response

        response = self.get_response(request)
        if not storable(request, response):
            return response
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date(now)
        set_response_etag(response)
        expires = min(now + settings.PAGE_CACHE_SECONDS, until)
        if expires - now >= 1:
            entry = {  # the view's own headers: Cache-Control is patched below, per response
                "generation": generation,
                "until": expires,
                "status": response.status_code,
                "headers": {k: v for k, v in response.items() if k.lower() not in NOT_STORED_HEADERS},
                "content": response.content,
                "counted_article": counted_article(request),
            }
            cache.set(key, entry, math.ceil(expires - now))
        response["X-Page-Cache"] = "miss"
        public_cache_control(response, until - now, counted=bool(counted_article(request)))
        return response


def cached_view(request):
    match = getattr(request, "resolver_match", None)
    return match is not None and (match.view_name in CACHED_VIEWS or match.namespace in CACHED_NAMESPACES)


def counted_article(request):
    """The id of the article whose reader a cached hit of this page counts, if any."""
    match = request.resolver_match
    return match.kwargs["pk"] if match and match.view_name in READ_COUNTED_VIEWS else None


def page_key(request):
    # The host and scheme: pages hold absolute URLs (share links, JSON-LD, feeds).
    parts = [request.scheme, request.get_host(), translation.get_language(), request.get_full_path()]
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def storable(request, response):
    """Whether the response is the same for every anonymous reader (and may be kept)."""
    if not cached_view(request) or response.status_code != 200 or response.streaming or response.cookies:
        return False
    if has_vary_header(response, "Cookie"):
        return False
    # The session middleware runs outside this one: a view that read the session
    # (request.user) would get Vary: Cookie after we decided.
    session = getattr(request, "session", None)
    if session is not None and (session.accessed or session.modified):
        return False
    directives = {d.split("=")[0].strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}
    return not directives & {"private", "no-store", "no-cache"}


def public_cache_control(response, seconds_to_boundary, counted):
    """max-age: PAGE_MAX_AGE (or the view's own, e.g. feeds'), never past the boundary."""
    if "max-age" not in response.get("Cache-Control", ""):
        patch_cache_control(response, max_age=settings.PAGE_MAX_AGE)
    # patch_cache_control keeps the smaller of two max-ages.
    patch_cache_control(response, public=True, max_age=max(0, int(seconds_to_boundary)))
    if counted:
        # Browsers may keep the page (a reader is counted once per 30 minutes
        # anyway), but a shared cache must ask us each time so every reader counts.
        patch_cache_control(response, s_maxage=0)


def current_generation():
    """The generation now; the first request after the cache was emptied starts one."""
    token = uuid.uuid4().hex
    if cache.add(GENERATION_KEY, token, None):
        return token
    return cache.get(GENERATION_KEY) or token


def next_boundary():
    """When cached pages stop being right by themselves: the next scheduled
    publication or the next local midnight, whichever comes first."""
    tomorrow = thai.local_midnight(timezone.localdate() + datetime.timedelta(days=1))
    scheduled = Article.objects.next_publication_time()
    return min(tomorrow, scheduled) if scheduled else tomorrow


def remember_boundary(generation):
    """Compute the boundary (one indexed query) and keep it with the generation.
    (List counts notice a scheduled article's time themselves: news.pagination.)"""
    until = next_boundary().timestamp()
    boundary = (generation, until)
    cache.set(BOUNDARY_KEY, boundary, max(1, math.ceil(until - timezone.now().timestamp())))
    return boundary


def new_generation():
    """Every cached page is out of date."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def invalidate(using=DEFAULT_DB_ALIAS, action=None, **kwargs):
    """Signal receiver: start a new generation once the change commits. Also call it
    after changing shown rows without model signals (QuerySet.update(), bulk_create())."""
    if action is not None and not action.startswith("post_"):
        return  # m2m_changed also sends pre_add, pre_remove, pre_clear
    # Once per saved row: an article saved with 30 photos sets the key 30 times
    # after its commit (cheap), which keeps this right under any transaction use.
    transaction.on_commit(new_generation, using=using)


def connect_signals():
    """Everything a cached page shows: an article, its photos, tags, category and
    office, its event with the attendances and people, and provinces."""
    from .models import Attendance, Category, Event, Office, Person, Photo, Province, Tag

    for model in (Article, Photo, Event, Attendance, Person, Office, Province, Tag, Category):
        name = model.__name__
        post_save.connect(invalidate, sender=model, dispatch_uid=f"news.caching.save.{name}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"news.caching.delete.{name}")
    m2m_changed.connect(invalidate, sender=Article.tags.through, dispatch_uid="news.caching.tags")
