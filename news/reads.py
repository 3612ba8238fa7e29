"""The read counter: who counts as a reader, once per 30 minutes, and how reads
reach Article.read_count without a row-locking UPDATE per read.

A counted read is one INSERT into PendingRead. `flush()` moves pending reads into
the articles' counts in batches: it deletes exactly the rows it read and adds
them, in one transaction, so a read is never lost (a row inserted meanwhile
stays for the next flush) nor added twice (if another flusher deleted some of
the same rows first, this one rolls back). One request per FLUSH_SECONDS
(a lock in the shared cache) flushes; `manage.py flush_read_counts` does too.
The count a page shows is the stored count plus the article's pending reads.
"""

import hashlib
import logging
import re
from collections import Counter

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce

from .models import Article, PendingRead

logger = logging.getLogger(__name__)

READ_WINDOW_SECONDS = 30 * 60
FLUSH_BATCH = 500  # rows per transaction; under SQLite's oldest limit of 999 parameters
FLUSH_LOCK_KEY = "reads:flush-due"
# Crawlers and link-preview fetchers (Facebook, LINE, Slack…) are not readers.
NOT_A_READER = re.compile(r"bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|curl|wget|python", re.I)


class FlushConflict(Exception):
    """Another flusher took some of the same pending reads first."""


def count_read(request, article_id):
    """Add one read of the article, unless this visitor was counted for it recently.

    The window lives in the shared cache, so several app servers agree. Called by
    the article page and, for a page served from the page cache, by news.caching.
    """
    agent = request.META.get("HTTP_USER_AGENT", "")
    if request.method != "GET" or NOT_A_READER.search(agent):
        return False
    visitor = f"{client_address(request)}|{agent}"
    key = "read:%d:%s" % (article_id, hashlib.sha256(visitor.encode()).hexdigest()[:20])
    if not cache.add(key, 1, READ_WINDOW_SECONDS):
        return False
    PendingRead.objects.create(article_id=article_id)
    flush_if_due()
    return True


def shown_count(article):
    """The count readers see: stored plus not yet flushed, read in one statement
    so a flush running meanwhile is seen wholly or not at all."""
    pending = (
        PendingRead.objects.filter(article_id=OuterRef("pk")).order_by()
        .values("article_id").annotate(n=Count("pk")).values("n")
    )
    return (
        Article.objects.filter(pk=article.pk)
        .annotate(shown=F("read_count") + Coalesce(Subquery(pending), 0))
        .values_list("shown", flat=True)
        .first()
    )


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
    if not cache.add(FLUSH_LOCK_KEY, 1, settings.READ_FLUSH_SECONDS):
        return
    try:
        flush()
    except DatabaseError:  # e.g. SQLite busy: the reads stay pending for the next flush
        logger.warning("Flushing read counts failed; they stay pending", exc_info=True)


def flush():
    """Move every pending read into its article's read_count; returns how many."""
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
