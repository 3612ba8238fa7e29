"""Keeping TaggedArticle (news.models.tag_index) in step with the articles' tags,
status and publication time.

Each handler runs inside the save, tag change or delete that called it, so the
entries change in the same transaction as what they copy. Deleting an article or
a tag deletes its entries by the foreign keys' CASCADE. Bulk inserts that bypass
signals (bench/generate.py) write the entries themselves; `manage.py
rebuild_tag_index` rebuilds them all from the links if they ever drift.
"""

from django.db import connection, transaction

# Every link of Article.tags with its article's two columns.
LINKS_SQL = (
    "SELECT link.article_id, link.tag_id, article.status, article.published_at"
    " FROM news_article_tags link JOIN news_article article ON article.id = link.article_id"
)
ENTRIES_SQL = "SELECT article_id, tag_id, status, published_at FROM news_taggedarticle"


def add(article_ids, tag_ids):
    """Entries for each of `article_ids` with each of `tag_ids`, as the articles are stored."""
    from .models import Article, TaggedArticle

    articles = Article.objects.filter(pk__in=article_ids).values_list("pk", "status", "published_at")
    TaggedArticle.objects.bulk_create(
        [
            TaggedArticle(article_id=pk, tag_id=tag_id, status=status, published_at=published_at)
            for pk, status, published_at in articles
            for tag_id in tag_ids
        ],
        ignore_conflicts=True,  # already there (an add after a drift was repaired)
    )


def _article_saved(sender, instance, **kwargs):
    # Raw saves (loaddata) too: the entries then copy what was loaded.
    from .models import TaggedArticle

    TaggedArticle.objects.filter(article_id=instance.pk).update(
        status=instance.status, published_at=instance.published_at
    )


def _tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    from .models import TaggedArticle

    # Forward: instance is an article, pk_set tags; reverse (tag.articles): the other way.
    own, other = ("tag_id", "article_id") if reverse else ("article_id", "tag_id")
    if action == "post_add" and pk_set:
        if reverse:
            add(pk_set, [instance.pk])
        else:
            add([instance.pk], pk_set)
    elif action == "post_remove" and pk_set:
        TaggedArticle.objects.filter(**{own: instance.pk, f"{other}__in": pk_set}).delete()
    elif action == "post_clear":
        TaggedArticle.objects.filter(**{own: instance.pk}).delete()


def drift():
    """(missing, stale): links with no entry that matches them, and entries that match
    no link as it is (left over, or with an old status or time). (0, 0) when in step."""
    with connection.cursor() as cursor:
        counts = []
        for first, second in [(LINKS_SQL, ENTRIES_SQL), (ENTRIES_SQL, LINKS_SQL)]:
            cursor.execute(f"SELECT COUNT(*) FROM ({first} EXCEPT {second}) AS difference")
            counts.append(cursor.fetchone()[0])
    return tuple(counts)


@transaction.atomic
def rebuild():
    """Every entry written again from the links and their articles; returns how many."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM news_taggedarticle")
        cursor.execute(f"INSERT INTO news_taggedarticle (article_id, tag_id, status, published_at) {LINKS_SQL}")
        return cursor.rowcount


def connect_signals():
    """Called once from NewsConfig.ready()."""
    from django.db.models.signals import m2m_changed, post_save

    from .models import Article

    post_save.connect(_article_saved, sender=Article, dispatch_uid="news.tag_index.article")
    m2m_changed.connect(_tags_changed, sender=Article.tags.through, dispatch_uid="news.tag_index.tags")
