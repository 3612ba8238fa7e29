"""Reads counted but not yet added to their article's read_count (see news.reads)."""

from django.db import models

from .articles import Article


class PendingRead(models.Model):
    """One counted read. Readers only ever INSERT a row, so a burst on one article
    takes no lock on the article's row; `manage.py flush_read_counts` (and a
    request now and then) moves them into Article.read_count in batches."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = "pending read"
