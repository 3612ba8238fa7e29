"""Restoring an earlier revision of an article (see news.revisions): what it would do
and cannot do (RestorePlan, shown before the editor confirms), and doing it."""

from django.db import transaction
from django.utils.dateparse import parse_date, parse_datetime, parse_time
from django.utils.translation import gettext, gettext_lazy as _

from . import permissions, thai
from .models import Article, Attendance, AuditEntry, Category, Event, Office, Person, Photo, Province, Tag
from .revisions import Door, Snapshot, recording


# What a restore brings back on the article; never its status, publication time,
# withdrawal or office: publishing stays a step of its own (news.admin_workflow).
RESTORED_FIELDS = ("title", "summary", "body", "writer", "photographer", "author", "source_url")
RESTORED_EVENT_FIELDS = ("title", "kind", "start_date", "end_date", "start_time", "venue", "mode",
                         "online_platform", "participant_count", "attending_groups")
PHOTO_FIELDS = ("order", "caption", "alt_text", "is_cover")
ATTENDANCE_FIELDS = ("person", "role", "position", "office", "order")

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

    def changes_nothing(self):
        """Whether restoring would leave all it may change as it is now (the version
        shown is the news as it stands): then nothing is written, not even the audit."""
        old, now = self.old, self.now

        def same(x, y, names):
            return all(x.get(name) == y.get(name) for name in names)

        if not same(old.article, now.article, RESTORED_FIELDS):
            return False
        if self.category_ok and old.article.get("category") != now.article.get("category"):
            return False
        if self.event_link_ok and self.event_pk != now.article.get("event"):
            return False
        if {tag.pk for tag in self.tags} != set(now.article.get("tags", [])):
            return False
        if self.photos_removed or self.photos_back:
            return False
        current = {photo["pk"]: photo for photo in now.photos}
        if any(not same(photo, current[photo["pk"]], PHOTO_FIELDS) for photo in old.photos if photo["pk"] in current):
            return False
        if self.event_editable:
            if not same(old.events[self.event_pk], now.events.get(self.event_pk, {}), RESTORED_EVENT_FIELDS + ("province",)):
                return False

            def attendees(snapshot):
                return sorted((row["pk"], *(row[name] for name in ATTENDANCE_FIELDS)) for row in snapshot.attendances_of(self.event_pk))

            if attendees(old) != attendees(now):
                return False
        return True

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
    entry and a new revision; caches start again through the saves' signals. Returns
    (whether anything changed, the warnings): nothing is written when the version is
    the news as it stands, as far as a restore can bring it back."""
    locked = Article.objects.select_for_update().get(pk=article.pk)
    if loaded_version != locked.version:
        raise RestoreRefused(STALE)
    old = Snapshot.of_revision(revision, locked.pk)
    plan = RestorePlan(user, locked, old, Snapshot.now(locked, extra_events=[old.article.get("event")] if old.article.get("event") else []))
    refusal = plan.refusal()
    if refusal:
        raise RestoreRefused(refusal)
    if plan.changes_nothing():
        return False, plan.warnings()
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
    return True, plan.warnings()


def _restore_photos(article, plan):
    wanted = {p["pk"]: p for p in plan.old.photos}
    Photo.objects.filter(article=article).exclude(pk__in=list(wanted)).delete()  # files go after commit
    Photo.objects.filter(article=article).update(is_cover=False)  # then the one cover is set again
    for photo in Photo.objects.filter(article=article, pk__in=list(wanted)):
        for name in PHOTO_FIELDS:
            setattr(photo, name, wanted[photo.pk][name])
        photo.save()
    for old in plan.photos_back:
        Photo(
            pk=old["pk"], article=article, image=old["image"], width=old["width"], height=old["height"],
            renditions=old["renditions"], placeholder=old.get("placeholder", ""),
            **{name: old[name] for name in PHOTO_FIELDS},
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
    keep = set()
    for attendance in Attendance.objects.filter(event=event):
        old_row = wanted.get(attendance.pk)
        same = old_row is not None and all(
            getattr(attendance, f"{f}_id" if f in ("person", "office") else f) == old_row[f] for f in ATTENDANCE_FIELDS
        )
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
