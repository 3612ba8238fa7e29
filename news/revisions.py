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
- **Restore** (`restore()`): see its docstring; what it cannot bring back it says.
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
from django.utils.dateparse import parse_date, parse_datetime, parse_time
from django.utils.translation import gettext, gettext_lazy as _
from reversion.models import Revision, Version

from . import permissions, thai
from .models import Article, Attendance, AuditEntry, Category, Event, Office, Person, Photo, Province, Tag

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
        articles |= set(Article.objects.filter(event_id__in=events).values_list("pk", flat=True))
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


# Restore ------------------------------------------------------------------------

# What a restore brings back on the article; never its status, publication time,
# withdrawal or office: publishing stays a step of its own (news.admin_workflow).
RESTORED_FIELDS = ("title", "summary", "body", "writer", "photographer", "author", "source_url")
RESTORED_EVENT_FIELDS = ("title", "kind", "start_date", "end_date", "start_time", "venue", "mode",
                         "online_platform", "participant_count", "attending_groups")

STALE = _("This news was saved after you opened this page, so nothing was restored. "
          "Look at the differences again and restore once more if you still want this version.")
ALT_TEXT_NEEDED = _("This version has photos without alt text, and published news needs alt text for every "
                    "photo, so nothing was restored. Add the alt text on the news form instead.")


class RestoreRefused(Exception):
    pass


def _photo_label(number, photo):
    caption = photo.get("caption") or photo.get("alt_text") or ""
    label = gettext("photo %(number)d") % {"number": number}
    return f"{label} ({caption})" if caption else label


def _value(model, name, raw):
    """A serialized value back as Python (dates and times were written as text)."""
    field = model._meta.get_field(name)
    if raw is None:
        return None
    internal = field.get_internal_type()
    if internal == "DateField":
        return parse_date(raw)
    if internal == "TimeField":
        return parse_time(raw)
    if internal == "DateTimeField":
        return parse_datetime(raw)
    return raw


class RestorePlan:
    """What restoring `old` over the article now would do, and what it cannot do,
    for `user`: shown before the editor confirms, then carried out by restore()."""

    def __init__(self, user, article, old, now):
        self.user, self.article, self.old, self.now = user, article, old, now
        current = {p["pk"]: p for p in now.photos}
        storage = Photo._meta.get_field("image").storage
        self.photos_removed = [(n, p) for n, p in enumerate(now.photos, 1) if p["pk"] not in {o["pk"] for o in old.photos}]
        self.photos_back, self.photos_lost = [], []
        for number, photo in enumerate(old.photos, 1):
            if photo["pk"] in current:
                continue
            files = Photo(image=photo["image"], renditions=photo["renditions"]).files()
            if photo["image"] and all(storage.exists(name) for name in files):
                self.photos_back.append(photo)
            else:
                self.photos_lost.append(_photo_label(number, photo))
        old_event = old.article.get("event")
        self.event_pk = old_event
        self.event_link_ok = old_event is None or permissions.visible(user, Event).filter(pk=old_event).exists()
        self.event_editable = (
            old_event is not None and old.event is not None
            and permissions.editable(user, Event).filter(pk=old_event).exists()
        )
        people = set(Person.objects.filter(pk__in=[a["person"] for a in old.attendances]).values_list("pk", flat=True))
        self.attendees_lost = [old.person_name(a["person"]) for a in old.attendances if a["person"] not in people] \
            if self.event_editable else []
        self.tags = list(permissions.visible(user, Tag).filter(pk__in=old.article.get("tags", [])))
        self.category_ok = old.article.get("category") is None or Category.objects.filter(pk=old.article["category"]).exists()

    def warnings(self):
        """Thai sentences on what the restore will not bring back (or will remove)."""
        notes = []
        if self.photos_lost:
            notes.append(gettext("These photos were deleted since, with their files, and cannot come back: %(photos)s.")
                         % {"photos": ", ".join(self.photos_lost)})
        if self.photos_removed:
            notes.append(gettext("Photos added since this version will be deleted: %(photos)s.")
                         % {"photos": ", ".join(_photo_label(n, p) for n, p in self.photos_removed)})
        if not self.event_link_ok:
            notes.append(gettext("The event of this version is no longer available to you; the news keeps its current event."))
        elif self.event_pk is not None and not self.event_editable and self.old.event is not None:
            notes.append(gettext("The event belongs to another office: its details and attendees stay as they are now."))
        if self.attendees_lost:
            notes.append(gettext("These attendees cannot come back because the person was removed: %(people)s.")
                         % {"people": ", ".join(self.attendees_lost)})
        return notes

    def refusal(self):
        from .admin_photos import photos_need_alt_text  # the one place of the alt-text rule

        if photos_need_alt_text(self.article):
            kept = [p for p in self.old.photos if p["pk"] in {c["pk"] for c in self.now.photos}] + self.photos_back
            if any(not (p.get("alt_text") or "").strip() for p in kept):
                return ALT_TEXT_NEEDED
        return None


@transaction.atomic
def restore(article, revision, user, loaded_version):
    """Bring back the revision's title, texts, credits, tags, event link, photos (order,
    captions, alt text, cover) and, when the user may change the event, its details and
    attendees (those added since deleted, removed ones re-created). Status, publication
    time and office stay: the editor publishes on the form as ever. Photos whose files
    were deleted cannot come back (listed in the returned warnings); nothing is written
    when the article was saved since `loaded_version` or the result would break a rule.
    Bumps Article.version (an edit form opened before is refused), writes the audit
    entry and a new revision; caches start again through the saves' signals."""
    locked = Article.objects.select_for_update().get(pk=article.pk)
    if loaded_version != locked.version:
        raise RestoreRefused(STALE)
    old = Snapshot.of_revision(revision, locked.pk)
    plan = RestorePlan(user, locked, old, Snapshot.now(locked, extra_events=[old.article.get("event")] if old.article.get("event") else []))
    refusal = plan.refusal()
    if refusal:
        raise RestoreRefused(refusal)
    with recording(user, Door.RESTORE):
        for name in RESTORED_FIELDS:
            setattr(locked, name, old.article.get(name, getattr(locked, name)))
        if plan.category_ok:
            locked.category_id = old.article.get("category")
        if plan.event_link_ok:
            locked.event_id = plan.event_pk
        locked.save()
        locked.tags.set(plan.tags)
        _restore_photos(locked, plan)
        if plan.event_editable:
            _restore_event(plan)
        when = thai.format_datetime(revision.date_created)
        who = revision.user.get_username() if revision.user else "–"
        AuditEntry.record(user, locked, AuditEntry.Action.REVERTED,
                          note=gettext("Version of %(when)s by %(user)s") % {"when": when, "user": who})
    return plan.warnings()


def _restore_photos(article, plan):
    wanted = {p["pk"]: p for p in plan.old.photos}
    Photo.objects.filter(article=article).exclude(pk__in=list(wanted)).delete()  # files go after commit
    Photo.objects.filter(article=article).update(is_cover=False)  # then the one cover is set again
    fields = ("order", "caption", "alt_text", "is_cover")
    for photo in Photo.objects.filter(article=article, pk__in=list(wanted)):
        for name in fields:
            setattr(photo, name, wanted[photo.pk][name])
        photo.save()
    for old in plan.photos_back:
        Photo(
            pk=old["pk"], article=article, image=old["image"], width=old["width"], height=old["height"],
            renditions=old["renditions"], placeholder=old.get("placeholder", ""),
            **{name: old[name] for name in fields},
        ).save(force_insert=True)


def _restore_event(plan):
    event = Event.objects.get(pk=plan.event_pk)
    old = plan.old.events[plan.event_pk]
    for name in RESTORED_EVENT_FIELDS:
        setattr(event, name, _value(Event, name, old[name]))
    if old.get("province") is None or Province.objects.filter(pk=old["province"]).exists():
        event.province_id = old.get("province")
    event.save()
    wanted = {a["pk"]: a for a in plan.old.attendances}
    fields = ("person", "role", "position", "office", "order")
    keep = set()
    for attendance in Attendance.objects.filter(event=event):
        old_row = wanted.get(attendance.pk)
        same = old_row is not None and all(getattr(attendance, f"{f}_id" if f in ("person", "office") else f) == old_row[f] for f in fields)
        if same:
            keep.add(attendance.pk)
    # Deleted first, then written back as they were: no (person, role) pair can clash.
    Attendance.objects.filter(event=event).exclude(pk__in=keep).delete()
    people = set(Person.objects.filter(pk__in=[a["person"] for a in wanted.values()]).values_list("pk", flat=True))
    offices = set(Office.objects.filter(pk__in=[a["office"] for a in wanted.values() if a["office"]]).values_list("pk", flat=True))
    for pk, row in wanted.items():
        if pk in keep or row["person"] not in people:
            continue
        Attendance(
            pk=pk, event=event, person_id=row["person"], role=row["role"], position=row["position"],
            office_id=row["office"] if row["office"] in offices else None, order=row["order"],
        ).save(force_insert=True)
