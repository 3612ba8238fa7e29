"""Reads counted but not yet added to their article's read_count (see news.reads)."""

from django.db import models

from .articles import Article


class PendingRead(models.Model):
    """One counted read, when the shared cache is not Redis (the database cache).
    Readers only ever INSERT a row, so a burst on one article takes no lock on the
    article's row; `manage.py flush_read_counts` (and a request now and then)
    moves them into Article.read_count in batches."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = "pending read"


class FlushedReadBatch(models.Model):
    """A batch of reads taken out of Redis and added to the articles' counts, written
    in the same transaction as those additions. Its primary key is what makes a
    batch count once: a second flusher applying the same batch (after a crash, or
    at the same time) fails to insert it and adds nothing. Rows older than a day
    are deleted by the flush."""

    batch = models.CharField(max_length=32, primary_key=True)
    flushed_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "flushed read batch"
