"""Keeping the search index (news.search) in step with what it holds.

Each handler runs inside the save or delete that called it, so the index row
changes in the same transaction as the article. Fixture loading (raw) is left
alone: it loads the index rows themselves.
"""

from .search import index_articles


def _reindex(ids):
    ids = list(ids)
    if ids:
        index_articles(ids)


def _article_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index_articles([instance.pk])


def _tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "pre_clear" and reverse:
        instance._search_articles = list(instance.articles.values_list("pk", flat=True))
    elif action in ("post_add", "post_remove", "post_clear"):
        if not reverse:
            _reindex([instance.pk])
        else:
            _reindex(pk_set if pk_set is not None else getattr(instance, "_search_articles", []))


def _articles_of(**lookup):
    from .models import Article

    return Article.objects.filter(**lookup).values_list("pk", flat=True).distinct()


def _tag_saved(sender, instance, raw=False, created=False, **kwargs):
    if not (raw or created):
        _reindex(_articles_of(tags=instance))


def _event_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _reindex(_articles_of(event=instance))


def _event_deleting(sender, instance, **kwargs):
    instance._search_articles = list(_articles_of(event=instance))


def _event_deleted(sender, instance, **kwargs):
    _reindex(getattr(instance, "_search_articles", []))


def _attendance_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _reindex(_articles_of(event_id=instance.event_id))


def _person_saved(sender, instance, raw=False, created=False, **kwargs):
    if not (raw or created):
        _reindex(_articles_of(event__attendances__person=instance))


def _office_saved(sender, instance, raw=False, created=False, **kwargs):
    if not (raw or created):
        _reindex(set(_articles_of(office=instance)) | set(_articles_of(event__attendances__office=instance)))


def connect_signals():
    """Called once from NewsConfig.ready()."""
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

    from .models import Article, Attendance, Event, Office, Person, Tag

    uid = "news.search.{}".format
    post_save.connect(_article_saved, sender=Article, dispatch_uid=uid("article"))
    m2m_changed.connect(_tags_changed, sender=Article.tags.through, dispatch_uid=uid("tags"))
    post_save.connect(_tag_saved, sender=Tag, dispatch_uid=uid("tag"))
    post_save.connect(_event_changed, sender=Event, dispatch_uid=uid("event"))
    pre_delete.connect(_event_deleting, sender=Event, dispatch_uid=uid("event.deleting"))
    post_delete.connect(_event_deleted, sender=Event, dispatch_uid=uid("event.deleted"))
    post_save.connect(_attendance_changed, sender=Attendance, dispatch_uid=uid("attendance.saved"))
    post_delete.connect(_attendance_changed, sender=Attendance, dispatch_uid=uid("attendance.deleted"))
    post_save.connect(_person_saved, sender=Person, dispatch_uid=uid("person"))
    post_save.connect(_office_saved, sender=Office, dispatch_uid=uid("office"))
