"""The read counter: who is a reader, once per window, and reads reaching the
article's count through batched flushes, none lost and none added twice."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news import reads
from news.models import Article, PendingRead
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_read_counter_sees_readers_behind_a_trusted_proxy(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    article = make_article(title="ข่าวหลังพร็อกซี")
    for reader in ["203.0.113.1", "203.0.113.2", "203.0.113.2"]:
        client.get(article.get_absolute_url(), HTTP_X_FORWARDED_FOR=f"10.9.9.9, {reader}", REMOTE_ADDR="10.0.0.1")
    reads.flush()
    article.refresh_from_db()
    assert article.read_count == 2  # two readers; the spoofable left end is ignored


def test_read_count_is_not_inflated_by_reloads(client):
    article = make_article(title="ข่าวนับการอ่าน")
    for _ in range(3):
        client.get(article.get_absolute_url())
    reads.flush()
    article.refresh_from_db()
    assert article.read_count == 1
    client.get(article.get_absolute_url(), HTTP_USER_AGENT="another reader")
    reads.flush()
    article.refresh_from_db()
    assert article.read_count == 2


def test_head_requests_and_bots_are_not_readers(client):
    article = make_article(title="ข่าวนับเฉพาะผู้อ่าน")
    client.head(article.get_absolute_url(), HTTP_USER_AGENT="reader one")
    client.get(article.get_absolute_url(), HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1)")
    client.get(article.get_absolute_url(), HTTP_USER_AGENT="facebookexternalhit/1.1")
    reads.flush()
    article.refresh_from_db()
    assert article.read_count == 0


def pending(article):
    """Reads counted for the article and not yet in its read_count (rows or Redis)."""
    article.refresh_from_db()
    return reads.shown_count(article) - article.read_count


def test_a_read_takes_no_lock_and_the_page_shows_pending_reads_at_once(client, settings):
    """Readers never UPDATE the article row (with Redis they write nothing to the
    database, otherwise one INSERT); the page shows stored + pending."""
    settings.READ_FLUSH_SECONDS = 3600
    article = make_article(title="ข่าวนับแบบรอรวม")
    Article.objects.filter(pk=article.pk).update(read_count=40)
    cache.add(reads.FLUSH_LOCK_KEY, 1, 3600)  # another process flushed a moment ago
    with CaptureQueriesContext(connection) as ctx:
        html = client.get(article.get_absolute_url(), HTTP_USER_AGENT="reader one").content.decode()
    writes = [q["sql"].split("(")[0] for q in ctx.captured_queries
              if q["sql"].startswith(("UPDATE", "INSERT", "DELETE")) and '"news_' in q["sql"]]
    assert writes == ([] if settings.REDIS_URL else ['INSERT INTO "news_pendingread" '])
    assert "อ่าน 41 ครั้ง" in html
    html = client.get(article.get_absolute_url(), HTTP_USER_AGENT="reader two").content.decode()
    assert "อ่าน 42 ครั้ง" in html
    assert pending(article) == 2 and article.read_count == 40
    assert PendingRead.objects.filter(article=article).count() == (0 if settings.REDIS_URL else 2)
    call_command("flush_read_counts", verbosity=0)
    assert pending(article) == 0 and article.read_count == 42 and not PendingRead.objects.exists()
    assert "อ่าน 42 ครั้ง" in client.get(article.get_absolute_url(), HTTP_USER_AGENT="reader two").content.decode()


def test_a_request_flushes_when_the_interval_has_passed(client, settings):
    settings.READ_FLUSH_SECONDS = 3600
    article = make_article(title="ข่าวล้างตามรอบ")
    client.get(article.get_absolute_url(), HTTP_USER_AGENT="reader one")  # first read: the flush is due
    assert pending(article) == 0 and article.read_count == 1
    client.get(article.get_absolute_url(), HTTP_USER_AGENT="reader two")  # within the hour: stays pending
    assert pending(article) == 1 and article.read_count == 1


@pytest.mark.skipif(bool(settings.REDIS_URL), reason="PendingRead rows are the database cache's way")
def test_a_flush_that_lost_a_race_adds_nothing(monkeypatch):
    """If another flusher deleted some of the same rows first, this one adds none
    of its batch (the other adds them) and leaves the rest pending."""
    article = make_article(title="ข่าวล้างชนกัน")
    for _ in range(3):
        PendingRead.objects.create(article=article)
    queryset_class = type(PendingRead.objects.all())
    real_delete = queryset_class.delete

    def another_flusher_deleted_one_first(queryset):
        PendingRead.objects.filter(pk=PendingRead.objects.order_by("pk").first().pk)._raw_delete(connection.alias)
        return real_delete(queryset)

    monkeypatch.setattr(queryset_class, "delete", another_flusher_deleted_one_first)
    with pytest.raises(reads.FlushConflict):
        reads.flush_batch()
    article.refresh_from_db()
    assert article.read_count == 0 and PendingRead.objects.count() == 3  # all rolled back
