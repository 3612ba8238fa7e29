"""The search index's rows: one per article, written by news.search (docs/search.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .articles import Article


class SearchDocument(models.Model):
    """An article's searchable text in canonical spelling (news.search.normalize).

    Four fields weighted for ranking, and `words`, the article's distinct words as
    " w1 w2 … ", where one- and two-letter words are matched whole. The database's
    own indexes (FTS5 tables on SQLite, trigram and tsvector on PostgreSQL) are
    made by migration 0005 and kept in step with these rows.
    """

    article = models.OneToOneField(Article, on_delete=models.CASCADE, primary_key=True, related_name="+")
    title = models.TextField(default="")  # title and tags
    people = models.TextField(default="")  # attendees: names, honorifics, positions
    summary = models.TextField(default="")  # summary, event, venue, offices, fiscal year
    body = models.TextField(default="")
    words = models.TextField(default="")

    class Meta:
        # Named in admin's delete summary of an article.
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")

    def __str__(self):
        return self.title
