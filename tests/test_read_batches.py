"""Reads counted in Redis and flushed to the database in batches (news.reads): none
lost and none added twice when a flusher dies half-way or two flush at once.
Runs when REDIS_URL is set (CI's PostgreSQL run; locally with your own Redis db)."""

import pytest
import redis
from django.conf import settings
from django.core.cache import cache
from django.test import RequestFactory

from news import reads
from news.models import Article, FlushedReadBatch, PendingRead
from tests.factories import make_article

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not settings.REDIS_URL, reason="needs REDIS_URL (the Redis read counter)"),
]


@pytest.fixture(autouse=True)
def no_request_flushes(settings):
    settings.READ_FLUSH_SECONDS = 3600
    cache.set(reads.FLUSH_LOCK_KEY, 1, 3600)  # only the tests' own flush() calls flush


def read(article, reader):
    request = RequestFactory().get("/", HTTP_USER_AGENT=f"Mozilla/5.0 reader {reader}")
    return reads.count_read(request, article.pk)


def counts(*articles):
    return [Article.objects.get(pk=article.pk).read_count for article in articles]


def listed_batches():
    return reads.redis_client().smembers(cache.make_key(reads.BATCHES_KEY))


@pytest.fixture
def two_articles():
    first, second = make_article(title="ข่าวนับในเรดิส 1"), make_article(title="ข่าวนับในเรดิส 2")
    for reader in range(5):
        assert read(first, reader)
    for reader in range(3):
        assert read(second, reader)
    assert not read(first, 0)  # the same reader within 30 minutes
    return first, second


def test_reads_wait_in_redis_and_a_flush_adds_them_once(two_articles, django_assert_num_queries):
    first, second = two_articles
    assert not PendingRead.objects.exists() and counts(first, second) == [0, 0]
    assert reads.shown_count(first) == 5 and reads.shown_count(second) == 3
    assert reads.flush() == 8
    assert counts(first, second) == [5, 3] and reads.shown_count(first) == 5
    assert reads.flush() == 0 and counts(first, second) == [5, 3]
    assert not listed_batches() and FlushedReadBatch.objects.count() == 1


def test_reads_counted_during_a_flush_wait_for_the_next(two_articles, monkeypatch):
    first, _ = two_articles
    real_apply = reads.apply_batch

    def apply_while_a_reader_arrives(client, batch):
        read(first, "arriving during the flush")
        return real_apply(client, batch)

    monkeypatch.setattr(reads, "apply_batch", apply_while_a_reader_arrives)
    assert reads.flush() == 8 and counts(first) == [5]
    monkeypatch.undo()
    assert reads.shown_count(first) == 6 and reads.flush() == 1 and counts(first) == [6]


def test_a_flusher_that_dies_after_taking_a_batch_loses_nothing(two_articles, monkeypatch):
    first, second = two_articles

    def dies(client, batch):
        raise SystemExit("the process was killed")

    monkeypatch.setattr(reads, "apply_batch", dies)
    with pytest.raises(SystemExit):
        reads.flush()
    monkeypatch.undo()
    assert len(listed_batches()) == 1 and counts(first, second) == [0, 0]
    read(first, "after the crash")
    assert reads.flush() == 9 and counts(first, second) == [6, 3] and not listed_batches()


def test_a_flusher_that_dies_after_its_commit_adds_nothing_twice(two_articles, monkeypatch):
    first, second = two_articles
    real_delete = redis.Redis.delete

    def dies_on_batch_delete(client, *names):
        if any(b":reads:batch:" in (name if isinstance(name, bytes) else name.encode()) for name in names):
            raise SystemExit("the process was killed")
        return real_delete(client, *names)

    monkeypatch.setattr(redis.Redis, "delete", dies_on_batch_delete)
    with pytest.raises(SystemExit):
        reads.flush()
    monkeypatch.undo()
    assert counts(first, second) == [5, 3] and len(listed_batches()) == 1  # committed, key still there
    assert reads.flush() == 0 and counts(first, second) == [5, 3] and not listed_batches()


def test_two_flushers_at_once_add_a_batch_once(two_articles, monkeypatch):
    """The second flusher starts while the first holds the batch it took but has not
    yet written it: the second finishes that batch, the first then adds nothing."""
    first, second = two_articles
    real_hgetall = redis.Redis.hgetall
    other = []

    def another_flush_meanwhile(client, name):
        found = real_hgetall(client, name)
        if not other:
            other.append(None)
            other[0] = reads.flush()
        return found

    monkeypatch.setattr(redis.Redis, "hgetall", another_flush_meanwhile)
    mine = reads.flush()
    assert (other, mine) == ([8], 0)
    assert counts(first, second) == [5, 3] and not listed_batches()


def test_old_batch_ids_are_forgotten_after_a_day(two_articles):
    import datetime

    from django.utils import timezone

    reads.flush()
    FlushedReadBatch.objects.update(flushed_at=timezone.now() - datetime.timedelta(days=1, minutes=1))
    reads.flush()
    assert not FlushedReadBatch.objects.exists()
