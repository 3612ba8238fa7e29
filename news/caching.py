"""The page cache: public pages, feeds and sitemaps as anonymous readers get them,
kept in the shared cache (Redis, or the database cache table) until anything they
show changes.

- **What**: GET responses of the views named in CACHED_VIEWS (and every feed), to a
  request that carries no session or messages cookie (logged-in users, editors
  and previews never get or fill a cached page), when the response is a plain 200
  that sets no cookie, does not vary on Cookie and is not private/no-store.
- **Key**: scheme, host and the full path with its query string (the language is
  in the path), after dropping tracking parameters (fbclid, utm_*, …: see
  TRACKING_PARAMETERS) from the request itself, so the page never echoes them.
- **Early**: the middleware sits before the session, locale, CSRF, auth… ones,
  so a hit runs none of them; which paths are cached pages is resolved once per
  path (route_of).
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
- **Stampede**: one request renders a missing or outdated page (a lock in the
  shared cache); the others serve the outdated copy, or wait briefly for the new one.
- **Local copies**: each process keeps the pages it served (LocalCopies), used only
  under the shared entry's rules, so a hit fetches a few bytes, not the page.
- **Reads**: a cached article page still counts its reader (news.reads), before
  it is served; the reader's window is read with the page, so a reader already
  counted costs nothing more. The count printed on a cached page is as old as the page.
"""

import collections
import datetime
import functools
import hashlib
import math
import threading
import time
import uuid
from typing import NamedTuple
from urllib.parse import unquote_plus

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache, caches
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, QueryDict
from django.urls import Resolver404, resolve
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
NOT_STORED_HEADERS = frozenset({"x-page-cache", "cache-control"})
# Added to links by ad and social platforms and newsletters; no page reads them.
# Dropped from the query string before the key is made (strip_tracking_parameters),
# with every parameter starting with "utm_".
TRACKING_PARAMETERS = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
    "li_fat_id", "igshid", "igsh", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ref_src",
})
# Stampede: one request per page renders a missing or outdated copy (the lock,
# freed when it is done, or after LOCK_SECONDS if its process dies); the others
# serve the outdated copy, kept STALE_SECONDS past its time for this, or wait
# up to LOCK_WAIT_SECONDS for the new one and then render it themselves.
LOCK_KEY = "page-lock:%s"
LOCK_SECONDS = 10
STALE_SECONDS = 60
LOCK_WAIT_SECONDS = 2.0
LOCK_POLL_SECONDS = 0.05
LOCAL_MAX_BYTES = 256 * 1024  # larger pages (sitemap sections) are always fetched


class PageCacheMiddleware:
    """Serve and fill the page cache; see the module docstring.

    Sits right after WhiteNoise and ConditionalGetMiddleware (which turns a cached
    200 into a 304), before everything a cached page does not need: a hit skips the
    CSP, session, locale, CSRF, auth, messages and axes middlewares. On a miss the
    response comes back through all of them, so what is stored (CSP, X-Frame-Options,
    Content-Language, Vary…) is what went out, and a response that any of them made
    someone's own (a cookie, Vary: Cookie) is not stored.
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
        route = route_of(request.path_info)
        if route is None:
            return self.get_response(request)  # not a cached page: no cache call at all
        strip_tracking_parameters(request)

        now = timezone.now().timestamp()
        key = page_key(request)
        window = reads.window_key(request, route.article) if route.article and reads.is_reader(request) else None
        # One round trip: the generation, the boundary, the reader's window and the
        # page, unless this process holds a copy of it (LocalCopies).
        local = local_copies.get(key)
        keys = [GENERATION_KEY, BOUNDARY_KEY] + ([window] if window else []) + ([] if local else [key])
        found = get_many(keys)
        generation = found.get(GENERATION_KEY) or current_generation()
        boundary = found.get(BOUNDARY_KEY)
        if boundary is None or boundary[0] != generation or boundary[1] <= now:
            boundary = remember_boundary(generation)
        until = boundary[1]

        entry = local or found.get(key)
        if local and not fresh(local, generation, now):
            local_copies.discard(key)
            local = None
            entry = cache.get(key)  # another process may have stored the new copy
        if entry and fresh(entry, generation, now):
            if entry is not local:
                local_copies.put(key, entry)
            return self.serve(request, entry, "hit", until - now, counted=window in found)

        # A miss. One request renders the page (a short lock in the shared cache,
        # so across servers too); the others serve the copy it replaces, if any,
        # or wait a moment for its copy.
        lock = LOCK_KEY % key
        locked = cache.add(lock, 1, LOCK_SECONDS)
        if not locked:
            if entry:
                return self.serve(request, entry, "stale", 0, counted=window in found)
            entry = wait_for_entry(key, lock, generation)
            if entry:
                return self.serve(request, entry, "hit", until - timezone.now().timestamp(), counted=False)
        try:
            return self.render(request, key, generation, until, now, route, outdated=entry is not None)
        finally:
            if locked:
                cache.delete(lock)

    def serve(self, request, entry, state, seconds_to_boundary, counted):
        """Answer from a stored copy; the reader is counted unless the window was
        seen in the same cache read (already counted in the last 30 minutes)."""
        if entry["counted_article"] and not counted:
            reads.count_read(request, entry["counted_article"])
        response = HttpResponse(entry["content"], status=entry["status"], headers=entry["headers"])
        response["X-Page-Cache"] = state
        response["Cache-Control"] = cache_control(entry["cache_control"], seconds_to_boundary, entry["counted_article"])
        return response

    def render(self, request, key, generation, until, now, route, outdated=False):
        response = self.get_response(request)
        if not storable(request, response):
            if outdated:
                # The page is no longer one to keep (its article was deleted or
                # withdrawn: 404, 410), so its old copy must go: kept, it would be
                # served "stale" to every request made while another one renders.
                cache.delete(key)
                local_copies.discard(key)
            return response
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date(now)
        set_response_etag(response)
        view_cache_control = response.get("Cache-Control", "")
        response["Cache-Control"] = cache_control(view_cache_control, until - now, route.article)
        expires = min(now + settings.PAGE_CACHE_SECONDS, until)
        if expires - now >= 1:
            entry = {
                "generation": generation,
                "until": expires,
                "status": response.status_code,
                # Cache-Control is made per answer (cache_control()) from the view's own.
                "headers": {k: v for k, v in response.items() if k.lower() not in NOT_STORED_HEADERS},
                "cache_control": view_cache_control,
                "content": response.content,
                "counted_article": route.article,
            }
            # Kept STALE_SECONDS longer than it is fresh: the copy served while the
            # next one renders (after a change or once it expires).
            cache.set(key, entry, math.ceil(expires - now) + STALE_SECONDS)
            local_copies.put(key, entry)
        response["X-Page-Cache"] = "miss"
        return response


def get_many(keys):
    """cache.get_many, one MGET straight to Redis when the cache is Redis: Django's
    adds about 30 µs per call (key validation, a dict per step), a tenth of a hit."""
    client = reads.redis_client()
    if client is None:
        return cache.get_many(keys)
    loads = caches["default"]._cache._serializer.loads
    return {key: loads(value) for key, value in zip(keys, client.mget([cache.make_key(key) for key in keys]))
            if value is not None}


def fresh(entry, generation, now):
    return entry["generation"] == generation and now < entry["until"]


class LocalCopies:
    """The last pages this process served, so that a hit on a popular page need not
    fetch its bytes (tens of kilobytes) from the shared cache each time: only the
    generation and the boundary, a few bytes. A copy is used under exactly the
    rules of the shared one (its generation is the current one, read from the shared
    cache on every request, and its time has not run out), so a change made through
    any server ends it at once, and no process ever serves what the shared cache
    would not. Bounded: PAGE_CACHE_LOCAL_ENTRIES pages of at most LOCAL_MAX_BYTES,
    least recently used first out."""

    def __init__(self):
        self.entries = collections.OrderedDict()
        self.lock = threading.Lock()  # gthread workers share the process

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        if not settings.PAGE_CACHE_LOCAL_ENTRIES or len(entry["content"]) > LOCAL_MAX_BYTES:
            return
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > settings.PAGE_CACHE_LOCAL_ENTRIES:
                self.entries.popitem(last=False)

    def discard(self, key):
        with self.lock:
            self.entries.pop(key, None)

    def clear(self):
        with self.lock:
            self.entries.clear()


local_copies = LocalCopies()


class Route(NamedTuple):
    view_name: str
    article: int | None  # the article whose reader the page counts


@functools.lru_cache(maxsize=2048)
def route_of(path_info):
    """The cached view at this path, or None: resolved once per path and process
    (the URL configuration never changes while it runs), in the path's language,
    so the cache can answer before LocaleMiddleware and the URL resolver run."""
    language = translation.get_language_from_path(path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            match = resolve(path_info)
        except Resolver404:
            return None
    if match.view_name not in CACHED_VIEWS and match.namespace not in CACHED_NAMESPACES:
        return None
    return Route(match.view_name, match.kwargs["pk"] if match.view_name in READ_COUNTED_VIEWS else None)


def wait_for_entry(key, lock, generation):
    """Wait up to LOCK_WAIT_SECONDS for the request holding the lock to store the
    page; None if it did not (it failed, or the page is not storable)."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(LOCK_POLL_SECONDS)
        found = get_many([key, lock])
        entry = found.get(key)
        if entry and entry["generation"] == generation:
            return entry
        if lock not in found:
            return None  # the renderer finished without storing: render it ourselves
    return None


def strip_tracking_parameters(request):
    """Drop the parameters in TRACKING_PARAMETERS (or starting with utm_) from the
    query string before the key is made and the page rendered: a shared link's
    fbclid neither makes a new entry nor is echoed to the next reader (share links,
    the language switch). The other parameters keep their bytes and order."""
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return
    kept = [part for part in query.split("&") if part and not is_tracking(part.split("=", 1)[0])]
    if len(kept) != query.count("&") + 1:
        request.META["QUERY_STRING"] = "&".join(kept)
        request.GET = QueryDict(request.META["QUERY_STRING"], encoding=request.encoding)


def is_tracking(name):
    name = unquote_plus(name).lower()
    return name in TRACKING_PARAMETERS or name.startswith("utm_")


def cached_view(request):
    match = getattr(request, "resolver_match", None)
    return match is not None and (match.view_name in CACHED_VIEWS or match.namespace in CACHED_NAMESPACES)


def page_key(request):
    # The host and scheme: pages hold absolute URLs (share links, JSON-LD, feeds).
    # The language comes from the path alone (i18n_patterns without a Thai prefix;
    # LocaleMiddleware ignores cookies and Accept-Language there), so the path holds it.
    # The path as decoded and the query string as sent: the same pages as
    # get_full_path(), without percent-encoding a Thai path on every request.
    parts = [request.scheme, request.get_host(), request.path, request.META.get("QUERY_STRING", "")]
    return "page:" + hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def storable(request, response):
    """Whether the response is the same for every anonymous reader (and may be kept)."""
    if not cached_view(request) or response.status_code != 200 or response.streaming or response.cookies:
        return False
    if has_vary_header(response, "Cookie"):
        return False
    session = getattr(request, "session", None)
    if session is not None and (session.accessed or session.modified):
        return False
    directives = {d.split("=")[0].strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}
    return not directives & {"private", "no-store", "no-cache"}


def cache_control(view_cache_control, seconds_to_boundary, counted):
    """The Cache-Control of a cached page (the same on the miss and every hit):
    public, max-age the view's own (feeds) or PAGE_MAX_AGE, never past the boundary."""
    seconds = min(max(0, int(seconds_to_boundary)), 86400)
    return _cache_control(view_cache_control, seconds, bool(counted), settings.PAGE_MAX_AGE)


@functools.lru_cache(maxsize=1024)
def _cache_control(view_cache_control, seconds_to_boundary, counted, page_max_age):
    # Remembered: parsing and patching the header three times was a tenth of a hit.
    response = HttpResponse()
    if view_cache_control:
        response["Cache-Control"] = view_cache_control
    if "max-age" not in view_cache_control:
        patch_cache_control(response, max_age=page_max_age)
    # patch_cache_control keeps the smaller of two max-ages.
    patch_cache_control(response, public=True, max_age=seconds_to_boundary)
    if counted:
        # Browsers may keep the page (a reader is counted once per 30 minutes
        # anyway), but a shared cache must ask us each time so every reader counts.
        patch_cache_control(response, s_maxage=0)
    return response["Cache-Control"]


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
