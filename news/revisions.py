"""Revisions of an article: every save of it, its photos, its event and the event's
attendees keeps one snapshot of that whole group, with who and when (django-reversion).

- **What a revision holds**: one `reversion.models.Revision` per article per save,
  with a Version of the article, each of its photos, its event, the event's
  attendances and the people they name (people only to show names as they were:
  a restore never renames a person, who may appear in other offices' news).
  One article per revision, so a revision never carries another office's news.
- **When**: each admin door that saves wraps its work in `recording(user, door)`:
  the change form (with its photo inline), the event form (with attendees), bulk
  upload and "use as cover", the workflow actions, the press-release import, and a
  restore. Inside it, saves and deletes of those models note the articles touched;
  when the door's work is done, each one is snapshotted from the database, in the
  same transaction. Nothing else records: public pages (and their read counter,
  which only runs UPDATEs) never make a revision.
- **Before the first change**: an article saved before revisions existed (or by
  load_demo) gets its state as it was snapshotted first, so its first edit can be
  undone.
- **No empty revisions**: a save that changed nothing kept adds none; bulk uploads
  by one editor within UPLOAD_BURST are one revision.
- **Restore**: news.revision_restore.
"""

import contextlib
import contextvars
import datetime
import json

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils.translation import gettext, gettext_lazy as _
from reversion.models import Revision, Version

from .models import Article, Attendance, Event, Person, Photo

UPLOAD_BURST = datetime.timedelta(minutes=10)


class Door:
    """What made a revision (stored in Revision.comment, shown translated)."""

    FORM = "form"
    EVENT = "event"
    UPLOAD = "upload"
    COVER = "cover"
    ACTION = "action"
    UNPUBLISH = "unpublish"
    IMPORT = "import"
    RESTORE = "restore"
    BEFORE = "before"

    LABELS = {
        FORM: _("Saved on the news form"),
        EVENT: _("Event or attendees changed"),
        UPLOAD: _("Photos added"),
        COVER: _("Cover photo chosen"),
        ACTION: _("Workflow action"),
        UNPUBLISH: _("Unpublished"),
        IMPORT: _("Imported from a press release"),
        RESTORE: _("Earlier version restored"),
        BEFORE: _("As it was before revisions were kept"),
    }

    @classmethod
    def label(cls, comment):
        return cls.LABELS.get(comment, comment)


# Fields that change without being an edit: counted reads, the edit-lock counter,
# the last-changed stamp (the revision has its own time).
reversion.register(Article, exclude=("read_count", "version", "updated_at"), follow=("photos", "event"))
reversion.register(Photo)
reversion.register(Event, exclude=("updated_at",), follow=("attendances",))
reversion.register(Attendance, follow=("person",))
reversion.register(Person, fields=("honorific", "name"))


def _group(queryset):
    """Articles with everything a revision holds, fetched in five queries."""
    return queryset.select_related("event").prefetch_related("photos", "event__attendances__person", "tags")


def history(article):
    """The article's revisions, newest first (index: Version's (db, content type, object id, revision))."""
    content_type = ContentType.objects.get_for_model(Article)
    return (
        Revision.objects.filter(
            version__content_type=content_type, version__object_id=str(article.pk), version__db=DEFAULT_DB_ALIAS
        )
        .select_related("user")
        .order_by("-pk")
    )


def forget(article):
    """Delete every revision of the article (for purging it for good: its versions
    hold its text, photos and attendees)."""
    return Revision.objects.filter(pk__in=list(history(article).values_list("pk", flat=True))).delete()


# Recording -----------------------------------------------------------------------

_noted = contextvars.ContextVar("news-revisions-noted", default=None)


@contextlib.contextmanager
def recording(user, door):
    """Snapshot every article whose group is saved inside the block, once the block's
    work is done (in its transaction). Nested blocks leave it to the outer one."""
    if _noted.get() is not None:
        yield
        return
    noted = {"articles": set(), "events": set(), "seen_articles": set(), "seen_events": set()}
    token = _noted.set(noted)
    try:
        with transaction.atomic():
            yield
            _noted.set(None)  # what the snapshots read must not note anything
            articles = set(noted["articles"])
            if noted["events"]:
                articles |= set(Article.objects.filter(event_id__in=noted["events"]).values_list("pk", flat=True))
            for pk in sorted(articles):
                snapshot(pk, user, door)
    finally:
        _noted.reset(token)


def _articles_of(sender, instance):
    if sender is Article:
        return {instance.pk}, set()
    if sender is Photo:
        return {instance.article_id}, set()
    if sender is Event:
        return set(), {instance.pk}
    if sender is Attendance:
        return set(), {instance.event_id}
    return set(), set()


def _note_before(sender, instance, raw=False, **kwargs):
    """Before the first change of an article in a block: if it has no revision yet,
    keep how it was, so that first change can be undone."""
    noted = _noted.get()
    if noted is None or raw:
        return
    articles, events = _articles_of(sender, instance)
    articles.discard(None)
    events.discard(None)
    events -= noted["seen_events"]
    if events:
        reporting = set(Article.objects.filter(event_id__in=events).values_list("pk", flat=True))
        # Noted now: once an event is deleted its news no longer points to it.
        noted["articles"] |= reporting
        articles |= reporting
        noted["seen_events"] |= events
    for pk in articles - noted["seen_articles"]:
        noted["seen_articles"].add(pk)
        if not history(Article(pk=pk)).exists():
            _noted.set(None)
            try:
                snapshot(pk, None, Door.BEFORE)
            finally:
                _noted.set(noted)


def _note_change(sender, instance, raw=False, action=None, **kwargs):
    noted = _noted.get()
    if noted is None or raw or (action is not None and not action.startswith("post_")):
        return
    articles, events = _articles_of(sender, instance)
    noted["articles"] |= articles
    noted["events"] |= events


def connect_signals():
    for model in (Article, Photo, Event, Attendance):
        name = model.__name__
        pre_save.connect(_note_before, sender=model, dispatch_uid=f"news.revisions.before.{name}")
        pre_delete.connect(_note_before, sender=model, dispatch_uid=f"news.revisions.before_delete.{name}")
        post_save.connect(_note_change, sender=model, dispatch_uid=f"news.revisions.save.{name}")
        post_delete.connect(_note_change, sender=model, dispatch_uid=f"news.revisions.delete.{name}")
    m2m_changed.connect(_note_change, sender=Article.tags.through, dispatch_uid="news.revisions.tags")


def snapshot(article_pk, user, door):
    """One revision of the article's group as it is now; None when it would repeat
    the newest one (a save that changed nothing) or the article is gone."""
    article = _group(Article.objects.filter(pk=article_pk)).first()
    if article is None:
        return None
    before = history(article).first()
    with reversion.create_revision(manage_manually=True, atomic=False):
        reversion.set_user(user)
        reversion.set_comment(door)
        if door == Door.BEFORE:
            reversion.set_date_created(article.updated_at)  # how it has been since then
        reversion.add_to_revision(article)
    new = history(article).first()
    if before is None:
        return new
    kept = {}
    for version in Version.objects.filter(revision__in=[before.pk, new.pk]):
        kept.setdefault(version.revision_id, set()).add(
            (version.content_type_id, version.object_id, version.serialized_data)
        )
    if kept.get(before.pk) == kept.get(new.pk):
        new.delete()
        return None
    burst = door == Door.UPLOAD and before.comment == Door.UPLOAD
    if burst and user is not None and before.user_id == user.pk and new.date_created - before.date_created < UPLOAD_BURST:
        before.delete()  # one revision for photos dropped together
    return new


# Snapshots: a revision, or the database now, in one shape --------------------------

class Snapshot:
    """An article's group as plain field values (as the JSON serializer writes them):
    `article`, `photos` (in gallery order), `event`, `attendances` (in order), `people`."""

    def __init__(self, rows, article_pk):
        by_model = {}
        for row in rows:
            by_model.setdefault(row["model"], {})[row["pk"]] = {"pk": row["pk"], **row["fields"]}
        self.article = by_model.get("news.article", {}).get(article_pk, {})
        self.photos = sorted(
            (p for p in by_model.get("news.photo", {}).values() if p["article"] == self.article.get("pk")),
            key=lambda p: (p["order"], p["pk"]),
        )
        self.event = by_model.get("news.event", {}).get(self.article.get("event"))
        self.events = by_model.get("news.event", {})
        self.all_attendances = by_model.get("news.attendance", {})
        self.attendances = self.attendances_of(self.article.get("event"))
        self.people = by_model.get("news.person", {})

    def attendances_of(self, event_pk):
        return sorted(
            (a for a in self.all_attendances.values() if a["event"] == event_pk),
            key=lambda a: (a["order"], a["pk"]),
        )

    @classmethod
    def of_versions(cls, versions, article_pk):
        return cls((row for version in versions for row in json.loads(version.serialized_data)), article_pk)

    @classmethod
    def of_revision(cls, revision, article_pk):
        return cls.of_versions(revision.version_set.all(), article_pk)

    @classmethod
    def now(cls, article, extra_events=()):
        """The group as stored now (also the events in `extra_events`, with attendees)."""
        article = _group(Article.objects.filter(pk=article.pk)).get()
        objects = [article, *article.photos.all()]
        events = [article.event] if article.event else []
        events += list(Event.objects.filter(pk__in=[pk for pk in extra_events if pk != article.event_id])
                       .prefetch_related("attendances__person"))
        for event in events:
            objects.append(event)
            for attendance in event.attendances.all():
                objects += [attendance, attendance.person]
        snapshot = cls(json.loads(serializers.serialize("json", objects)), article.pk)
        snapshot.instance = article
        return snapshot

    def person_name(self, pk):
        person = self.people.get(pk)
        if person is None:
            return gettext("(a person no longer listed)")
        return str(Person(honorific=person["honorific"], name=person["name"]))


def summary(older, newer):
    """A few words on what `newer` changed since `older` (None: the first revision)."""
    if older is None:
        return [gettext("First version kept")]
    parts = []
    for name in ("title", "summary", "body", "status", "published_at", "category", "event", "tags", "office",
                 "writer", "photographer", "author", "source_url"):
        if older.article.get(name) != newer.article.get(name):
            parts.append(str(Article._meta.get_field(name).verbose_name))
    parts += _count_changes(gettext("photos"), older.photos, newer.photos, ("order", "caption", "alt_text", "is_cover", "image"))
    if older.event and newer.event and older.event["pk"] == newer.event["pk"]:
        if older.event != newer.event:
            parts.append(str(Event._meta.verbose_name))
    parts += _count_changes(gettext("attendees"), older.attendances, newer.attendances,
                            ("person", "role", "position", "office", "order"))
    return parts or [gettext("No visible change")]


def _count_changes(label, older, newer, fields):
    old = {row["pk"]: row for row in older}
    new = {row["pk"]: row for row in newer}
    added = len(new.keys() - old.keys())
    removed = len(old.keys() - new.keys())
    changed = sum(1 for pk in old.keys() & new.keys() if any(old[pk][f] != new[pk][f] for f in fields))
    if not (added or removed or changed):
        return []
    counts = []
    if added:
        counts.append(gettext("%(count)d added") % {"count": added})
    if removed:
        counts.append(gettext("%(count)d removed") % {"count": removed})
    if changed:
        counts.append(gettext("%(count)d changed") % {"count": changed})
    return [f"{label} ({', '.join(counts)})"]


def history_rows(article, revisions, older):
    """[(revision, door label, summary)] for a page of the article's revisions (newest
    first) and the revision just older than the page (or None): one query for all
    their versions."""
    revisions = list(revisions)
    ids = [r.pk for r in revisions] + ([older.pk] if older else [])
    versions = {}
    for version in Version.objects.filter(revision__in=ids):
        versions.setdefault(version.revision_id, []).append(version)
    snapshots = {pk: Snapshot.of_versions(versions.get(pk, []), article.pk) for pk in ids}
    rows = []
    for index, revision in enumerate(revisions):
        below = revisions[index + 1] if index + 1 < len(revisions) else older
        rows.append((revision, Door.label(revision.comment),
                     summary(snapshots[below.pk] if below else None, snapshots[revision.pk])))
    return rows
