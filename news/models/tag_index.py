"""A tag's articles in the order readers see them: the tag page, the tag feed and
the news list's tag filter read a tag's newest public articles as one index range
(docs/performance.md, "The tag feed")."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .articles import Article, Tag


class TaggedArticle(models.Model):
    """One link of Article.tags with a copy of the article's status and publication
    time, kept in step by news.tag_index (signals, in the same transaction) and
    rebuilt by `manage.py rebuild_tag_index`. A separate table rather than an
    explicit `through` model, which would take the tags out of the admin's form.
    Read through ArticleQuerySet.tagged(), which applies the one rule of public
    (news.models.articles.public) to the copied columns."""

    pk = models.CompositePrimaryKey("article", "tag")
    # No index of their own: the primary key leads with the article, the listing
    # index with the tag.
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="tag_entries", db_index=False)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="+", db_index=False)
    status = models.CharField(max_length=10, choices=Article.Status.choices)
    published_at = models.DateTimeField()

    class Meta:
        indexes = [
            # A tag's public articles, newest first, tie-breaker included.
            models.Index(fields=["tag", "status", "-published_at", "-article"], name="news_tagged_listing_idx"),
        ]
        # Left out of admin's delete summary (PortalModelAdmin.get_deleted_objects).
        verbose_name = _("tag list entry")
        verbose_name_plural = _("tag list entries")

    def __str__(self):
        return f"{self.tag_id}/{self.article_id}"
