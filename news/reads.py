"""The read counter: who counts as a reader, once per 30 minutes, and how reads
reach Article.read_count without a row-locking UPDATE per read.

**With Redis** (the shared cache of several app servers) a counted read touches no
database: one Lua script call sets the visitor's 30-minute window (SET NX EX) and,
if it was new, adds one to the article's field of the PENDING_KEY hash (HINCRBY).
`flush()` takes the whole hash at once (RENAME to a batch key of its own, listed in
BATCHES_KEY, in one script), then adds the batch to the articles' counts in one
transaction that also inserts the batch's id (FlushedReadBatch, primary key), then
deletes the batch key. Every batch ever taken stays listed until it is known
applied, and each flush first finishes the listed ones, so:
- a reader counted during a flush lands in the new hash, for the next flush;
- a flusher that dies after taking a batch leaves it listed: the next flush adds it;
- one that dies after its commit leaves it listed too: the next flush's insert of
  the batch id fails (it was applied), so it only deletes the key;
- two flushers on the same batch: one inserts the id, the other's insert fails
  (PostgreSQL makes it wait for the first's commit) and it adds nothing.
Nothing is lost while Redis keeps its data (these keys have no timeout, so a
`volatile-*` maxmemory policy never evicts them; see docs/deploy.md).

**Without Redis** (the database cache, one server) a counted read is one INSERT
into PendingRead. `flush()` moves pending reads into the articles' counts in
batches: it deletes exactly the rows it read and adds them, in one transaction, so
a read is never lost (a row inserted meanwhile stays for the next flush) nor added
twice (if another flusher deleted some of the same rows first, this one rolls back).

One request per READ_FLUSH_SECONDS (a lock in the shared cache) flushes;
`manage.py flush_read_counts` (cron, every minute) does too. The count a page
shows is the stored count plus the article's pending reads.
"""

import datetime
import hashlib
import logging
import re
import uuid
from collections import Counter

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import Article, FlushedReadBatch, PendingRead

logger = logging.getLogger(__name__)

READ_WINDOW_SECONDS = 30 * 60
FLUSH_BATCH = 500  # rows per transaction; under SQLite's oldest limit of 999 parameters
FLUSH_LOCK_KEY = "reads:flush-due"
# Redis only (see the module docstring); names go through cache.make_key (prefix, version).
PENDING_KEY = "reads:pending"  # hash: article id -> reads not yet in the database
BATCHES_KEY = "reads:batches"  # set: ids of batches taken out of PENDING_KEY, not yet known applied
BATCH_KEY = "reads:batch:%s"  # hash: one batch, as PENDING_KEY was when it was taken
KEEP_BATCH_IDS = datetime.timedelta(days=1)

# KEYS: the visitor's window, the pending hash, the flush lock. ARGV: window seconds,
# article id, flush interval. Returns 0 (already counted), 1 (counted) or 2 (counted,
# and this request should flush: the lock was free). One round trip per reader.
COUNT_SCRIPT = """
if not redis.call('SET', KEYS[1], 1, 'NX', 'EX', ARGV[1]) then return 0 end
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
if tonumber(ARGV[3]) > 0 and not redis.call('SET', KEYS[3], 1, 'NX', 'EX', ARGV[3]) then return 1 end
return 2
"""
# KEYS: the pending hash, the new batch's key, the batch list. ARGV: the batch id.
TAKE_SCRIPT = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('SADD', KEYS[3], ARGV[1])
return 1
"""
_scripts = {}
# Crawlers and link-preview fetchers (Facebook, LINE, Slack…) are not readers.
NOT_A_READER = re.compile(r"bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|curl|wget|python", re.I)


class FlushConflict(Exception):
    """Another flusher took some of the same pending reads first."""


def count_read(request, article_id):
    """Add one read of the article, unless this visitor was counted for it recently.

    The window lives in the shared cache, so several app servers agree. Called by
    the article page and, for a page served from the page cache, by news.caching.
    """
    if not is_reader(request):
        return False
    key = window_key(request, article_id)
    client = redis_client()
    if client is not None:
        keys = [cache.make_key(key), cache.make_key(PENDING_KEY), cache.make_key(FLUSH_LOCK_KEY)]
        counted = script(COUNT_SCRIPT)(keys=keys, args=[READ_WINDOW_SECONDS, article_id, settings.READ_FLUSH_SECONDS],
                                       client=client)
        if counted == 2:
            flush_logging_errors()
        return bool(counted)
    if not cache.add(key, 1, READ_WINDOW_SECONDS):
        return False
    PendingRead.objects.create(article_id=article_id)
    flush_if_due()
    return True


def is_reader(request):
    return request.method == "GET" and not NOT_A_READER.search(request.META.get("HTTP_USER_AGENT", ""))


def window_key(request, article_id):
    """The cache key of this visitor's 30-minute window for the article (its value is
    1 while they count as read; news.caching reads it with the page to skip a call)."""
    visitor = f"{client_address(request)}|{request.META.get('HTTP_USER_AGENT', '')}"
    return "read:%d:%s" % (article_id, hashlib.sha256(visitor.encode()).hexdigest()[:20])


def redis_client():
    """The Redis client behind the default cache, or None (database or local cache)."""
    backend = caches["default"]
    return backend._cache.get_client(None, write=True) if isinstance(backend, RedisCache) else None


def script(source):
    if source not in _scripts:
        from redis.commands.core import Script

        _scripts[source] = Script(None, source.encode())  # EVALSHA, loading it on a NOSCRIPT answer
    return _scripts[source]


def shown_count(article):
    """The count readers see: stored plus not yet flushed, read in one statement
    so a flush running meanwhile is seen wholly or not at all."""
    pending = (
        PendingRead.objects.filter(article_id=OuterRef("pk")).order_by()
        .values("article_id").annotate(n=Count("pk")).values("n")
    )
    shown = (
        Article.objects.filter(pk=article.pk)
        .annotate(shown=F("read_count") + Coalesce(Subquery(pending), 0))
        .values_list("shown", flat=True)
        .first()
    )
    client = redis_client()
    if client is not None and shown is not None:
        # Reads in a batch being flushed at this instant are missing for that instant.
        shown += int(client.hget(cache.make_key(PENDING_KEY), article.pk) or 0)
    return shown


def client_address(request):
    """The reader's address; behind N trusted proxies, the Nth from the right of
    X-Forwarded-For (the left end is whatever the client chose to send)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def flush_if_due():
    """Flush from this request if no process has in the last READ_FLUSH_SECONDS."""
    if cache.add(FLUSH_LOCK_KEY, 1, settings.READ_FLUSH_SECONDS):
        flush_logging_errors()


def flush_logging_errors():
    try:
        flush()
    except DatabaseError:  # e.g. SQLite busy: the reads stay pending for the next flush
        logger.warning("Flushing read counts failed; they stay pending", exc_info=True)


def flush():
    """Move every pending read into its article's read_count; returns how many."""
    return flush_rows() + flush_redis()


def flush_redis():
    """Redis's pending reads (module docstring): finish the batches listed (left by a
    flusher that died, or being applied by another right now), then take a new one."""
    client = redis_client()
    if client is None:
        return 0
    batches = cache.make_key(BATCHES_KEY)
    total = sum(apply_batch(client, batch.decode()) for batch in client.smembers(batches))
    batch = uuid.uuid4().hex
    keys = [cache.make_key(PENDING_KEY), cache.make_key(BATCH_KEY % batch), batches]
    if script(TAKE_SCRIPT)(keys=keys, args=[batch], client=client):
        total += apply_batch(client, batch)
    FlushedReadBatch.objects.filter(flushed_at__lt=timezone.now() - KEEP_BATCH_IDS).delete()
    return total


def apply_batch(client, batch):
    """Add one batch to the articles' counts unless it was added already; returns how
    many reads this call added."""
    key = cache.make_key(BATCH_KEY % batch)
    counts = {int(article): int(reads) for article, reads in client.hgetall(key).items()}
    added = 0
    if counts:
        try:
            with transaction.atomic():
                FlushedReadBatch.objects.create(batch=batch)
                for article_id, reads in sorted(counts.items()):  # one order: no deadlock between flushers
                    Article.objects.filter(pk=article_id).update(read_count=F("read_count") + reads)
            added = sum(counts.values())
        except IntegrityError:
            pass  # applied already (by a flusher that died before deleting the key, or another one now)
    # Only now: a crash before this line leaves the batch listed for the next flush.
    client.delete(key)
    client.srem(cache.make_key(BATCHES_KEY), batch)
    return added


def flush_rows():
    """Move every PendingRead row into its article's read_count; returns how many."""
    total = 0
    while True:
        try:
            moved = flush_batch()
        except FlushConflict:
            continue
        if not moved:
            return total
        total += moved


def flush_batch(size=FLUSH_BATCH):
    with transaction.atomic():
        rows = list(PendingRead.objects.order_by("pk").values_list("pk", "article_id")[:size])
        if not rows:
            return 0
        deleted, _ = PendingRead.objects.filter(pk__in=[pk for pk, _ in rows]).delete()
        if deleted != len(rows):
            raise FlushConflict  # rolls back: the other flusher adds them
        for article_id, reads in Counter(article_id for _, article_id in rows).items():
            Article.objects.filter(pk=article_id).update(read_count=F("read_count") + reads)
        return len(rows)
