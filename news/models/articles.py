"""The news items: articles (their categories and tags: taxonomy.py; photos: photos.py)."""

import datetime
import functools
import logging
import re

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.translation import gettext_lazy as _

from news import search, thai
from news.sanitize import sanitize_html
from news.urlcache import cached_reverse

from .audit import AuditEntry
from .events import Attendance, Event
from .offices import Office
from .photos import Photo
from .taxonomy import Category, Tag

logger = logging.getLogger(__name__)


BLOCK_TAG = re.compile(r"<(p|div|br|ul|ol|li|h[1-6]|blockquote|table)[\s/>]", re.I)


# "Shares a tag" looks among this many newest articles: a popular tag's whole
# history would make the article page's cost grow with the archive.
RECENT_FOR_TAGS = 500


def trash_lifetime():
    """How long a deleted article waits in the trash (settings.NEWS_TRASH_DAYS)."""
    return datetime.timedelta(days=settings.NEWS_TRASH_DAYS)


def public(prefix=""):
    """The one definition of public, as a condition: marked published and its time
    has come. `prefix` reads it from a related row's copy of the two columns
    (TaggedArticle keeps one per tag link, "tag_entries__")."""
    return Q(**{f"{prefix}status": Article.Status.PUBLISHED, f"{prefix}published_at__lte": timezone.now()})


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """The one definition of public: marked published and its time has come."""
        return self.filter(public())

    def tagged(self, tag):
        """The public articles with `tag`, newest first, read from the tag's range of
        the TaggedArticle index (not by sorting every article of the tag). Chain it
        on published(): the articles' own columns are checked too."""
        # One filter() call: the tag and the copied columns on the same entry.
        # tagged_at is the entry's copy of published_at: ordering by it (and the id,
        # which the join makes the entry's article_id) walks the index in order, and
        # the list's "Older"/"Newer" cursors are taken from it (news.pagination).
        return self.filter(Q(tag_entries__tag=tag) & public("tag_entries__")).annotate(
            tagged_at=models.F("tag_entries__published_at")
        ).order_by("-tagged_at", "-pk")

    def next_publication_time(self):
        """When the next scheduled article becomes public (None if none is scheduled):
        one lookup on the (status, published_at) index. The page cache ends there."""
        return self.scheduled().order_by("published_at").values_list("published_at", flat=True).first()

    def scheduled(self):
        """Marked published, with a time still to come: public at that moment, no cron job."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())

    def withdrawn(self):
        """Unpublished after readers had seen them: their address shows a notice."""
        return self.filter(status=Article.Status.WITHDRAWN)

    def not_trashed(self):
        """Everything but the trash: what admin lists, previews and permissions work on."""
        return self.exclude(status=Article.Status.TRASHED)

    def trashed(self):
        """Deleted in admin, waiting in the trash (newest first) to be restored or purged."""
        return self.filter(status=Article.Status.TRASHED).order_by("-trashed_at", "-pk")

    def due_for_purge(self, now=None):
        """In the trash for longer than settings.NEWS_TRASH_DAYS (oldest first)."""
        cutoff = (now or timezone.now()) - trash_lifetime()
        return self.filter(status=Article.Status.TRASHED, trashed_at__lte=cutoff).order_by("trashed_at", "pk")

    def state_counts(self):
        """{state: number} for Article.State but the trash, in one query."""
        now = timezone.now()
        published = Q(status=Article.Status.PUBLISHED)
        return self.aggregate(**{
            Article.State.DRAFT: Count("pk", filter=Q(status=Article.Status.DRAFT)),
            Article.State.IN_REVIEW: Count("pk", filter=Q(status=Article.Status.IN_REVIEW)),
            Article.State.SCHEDULED: Count("pk", filter=published & Q(published_at__gt=now)),
            Article.State.PUBLISHED: Count("pk", filter=published & Q(published_at__lte=now)),
            Article.State.WITHDRAWN: Count("pk", filter=Q(status=Article.Status.WITHDRAWN)),
        })

    def in_state(self, state):
        """Articles in one of Article.State (scheduled and published split by the time)."""
        if state == Article.State.SCHEDULED:
            return self.scheduled()
        if state == Article.State.PUBLISHED:
            return self.published()
        return self.filter(status=state)

    def for_listing(self):
        """What a list card shows: office, category and the cover photo (as cover_photos)."""
        return self.select_related("office", "category").prefetch_related(
            models.Prefetch(
                "photos", queryset=Photo.objects.order_by(*Photo.COVER_ORDER)[:1], to_attr="cover_photos"
            )
        )

    def for_detail(self):
        """What the article page shows: office, category, event with its attendees,
        tags and photos in order."""
        return self.select_related("office__parent", "category", "event__province", "event__organiser").prefetch_related(
            "tags",
            models.Prefetch("photos", queryset=Photo.objects.order_by("order", "pk")),
            models.Prefetch("event__attendances", queryset=Attendance.objects.as_listed()),
        )

    def related_to(self, article, limit=4):
        """Up to `limit` public articles for "related news": the same event's first,
        then recent ones sharing a tag, then the same office's latest; newest first
        within each group, never the article itself.

        Each group is one small query on an index (event/office, status,
        published_at, id) or on the newest RECENT_FOR_TAGS articles, so the cost
        stays the same however many articles the office has published.
        """
        published = self.published().exclude(pk=article.pk).order_by("-published_at", "-pk")
        groups = []
        if article.event_id:
            groups.append(published.filter(event_id=article.event_id))
        tag_ids = [tag.pk for tag in article.tags.all()]
        if tag_ids:
            recent = self.published().order_by("-published_at", "-pk").values("pk")[:RECENT_FOR_TAGS]
            shares_a_tag = Article.tags.through.objects.filter(article_id=OuterRef("pk"), tag_id__in=tag_ids)
            groups.append(published.filter(pk__in=recent).filter(Exists(shares_a_tag)))
        groups.append(published.filter(office_id=article.office_id))
        chosen = []
        for group in groups:
            # Ask for `limit` more than needed: an earlier group may have taken some.
            for pk in group.values_list("pk", flat=True)[: limit + len(chosen)]:
                if pk not in chosen and len(chosen) < limit:
                    chosen.append(pk)
            if len(chosen) == limit:
                break
        by_pk = self.filter(pk__in=chosen).for_listing().in_bulk()
        return [by_pk[pk] for pk in chosen if pk in by_pk]

    def search(self, query):
        """Articles where every term of a reader's search is found, best match first
        (title and people above summary above body, then newest); see news.search."""
        return search.search(self, query)

    def by_office_tree(self, office):
        return self.filter(office__path__startswith=office.path)

    def in_province(self, province):
        """News of events held in the province; for news of no event with a
        province, news of offices in it."""
        return self.filter(
            Q(event__province=province) | Q(office__province=province, event__province__isnull=True)
        )


class Article(models.Model):
    class Status(models.TextChoices):
        """What is stored. Draft → in review → published; a published article whose
        time is to come is scheduled; withdrawn ones had been public (see unpublish)."""

        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        # Deleted in admin: a status of its own, so that every query asking for a
        # status above (and its index) leaves the trash out without being told.
        TRASHED = "trashed", _("In the trash")

    class State(models.TextChoices):
        """What editors read: the status, with "published" split by its time."""

        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Public")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        TRASHED = "trashed", _("In the trash")

    title = models.CharField(_("title"), max_length=300)
    slug = models.CharField(_("URL name"), max_length=100, editable=False, blank=True)
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences for lists and shares"))
    body = models.TextField(_("body"), help_text=_(
        "Paste the release: blank lines become paragraphs. HTML formatting and links are kept; "
        "scripts, styles and images are removed (add photos below)."
    ))
    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.PROTECT, related_name="articles"
    )
    category = models.ForeignKey(
        Category, verbose_name=_("category"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="articles",
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="articles")
    event = models.ForeignKey(
        Event, verbose_name=_("event"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="articles",
    )
    writer = models.CharField(_("summary by (สรุป)"), max_length=200, blank=True)
    photographer = models.CharField(_("photos by (ภาพ)"), max_length=200, blank=True)
    author = models.CharField(_("posted by"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication time"), default=timezone.now,
        help_text=_("A future time schedules the article"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True, editable=False)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True, editable=False)
    read_count = models.PositiveIntegerField(_("read count"), default=0, editable=False)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    # Every save is a new version: an admin form opened on an older one is refused
    # instead of overwriting it (the edit lock, news/admin_edit_lock.py).
    version = models.PositiveIntegerField(default=1, editable=False)
    # The trash (Article.trash/restore, manage.py purge_trash): when and by whom it
    # was deleted, and the status it goes back to.
    trashed_at = models.DateTimeField(_("deleted"), null=True, blank=True, editable=False)
    trashed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("deleted by"), null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )
    status_before_trash = models.CharField(
        _("status before deletion"), max_length=10, choices=Status.choices, blank=True, editable=False
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        # Each matches an ORDER BY published_at DESC, id DESC under its filter,
        # tie-breaker included, so no list sorts rows it then throws away.
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"]),
            models.Index(fields=["office", "status", "-published_at", "-id"]),
            models.Index(fields=["category", "status", "-published_at", "-id"]),
            models.Index(fields=["event", "status", "-published_at", "-id"]),
            # The trash page and purge_trash: only trashed rows, by when they were deleted.
            models.Index(
                fields=["-trashed_at", "-id"], condition=Q(status="trashed"), name="news_article_trash_idx"
            ),
        ]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self):
        return self.title

    def clean(self):
        try:
            self.published_at = thai.from_buddhist_era(self.published_at)
        except ValueError:
            raise ValidationError({"published_at": _("That day does not exist in that year.")}) from None

    def save(self, *args, **kwargs):
        self.title = thai.clean_text(self.title)
        self.slug = thai.slugify(self.title, fallback="news")
        if not BLOCK_TAG.search(self.body):
            # Text pasted from Word or LINE: blank lines are paragraphs.
            self.body = linebreaks(self.body)
        self.body = sanitize_html(self.body)
        if not self._state.adding and "version" in (kwargs.get("update_fields") or ["version"]):
            self.version += 1
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return cached_reverse("news:article_detail", pk=self.pk, slug=self.slug)  # on every card

    @admin.display(boolean=True, description=_("public"))
    def is_published(self):
        return self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()

    @property
    def state(self):
        if self.status == self.Status.PUBLISHED and not self.is_published():
            return self.State.SCHEDULED
        return self.State(self.status)

    # The workflow steps. Each saves normally (so caches and counts that listen to
    # saves hear of it) and writes who did it to the audit log.

    @transaction.atomic
    def submit(self, user):
        """Draft → in review."""
        self.status = self.Status.IN_REVIEW
        self.save()
        return AuditEntry.record(user, self, AuditEntry.Action.SUBMITTED)

    @transaction.atomic
    def publish(self, user):
        """Public now, or at its publication time when that is still to come."""
        old_status, old_published_at = self.status, self.published_at
        now = timezone.now()
        if self.published_at <= now and not self.is_published():
            self.published_at = now
        self.status = self.Status.PUBLISHED
        self.withdrawn_at, self.withdrawal_reason = None, ""
        self.save()
        return self.record_change(user, old_status, old_published_at)

    @transaction.atomic
    def unpublish(self, user, reason):
        """Take the article down. One readers had seen is withdrawn: its address
        shows a notice with the reason. A scheduled one nobody saw goes back to draft."""
        if self.is_published():
            self.status = self.Status.WITHDRAWN
            self.withdrawn_at, self.withdrawal_reason = timezone.now(), reason
        else:
            self.status = self.Status.DRAFT
        self.save()
        return AuditEntry.record(user, self, AuditEntry.Action.UNPUBLISHED, note=reason)

    @transaction.atomic
    def trash(self, user):
        """What deleting in admin does: the article leaves every public page, list,
        feed, sitemap, search, preview and the admin's lists, and waits in the trash
        with its photos (files kept) until restored or purged. Its event and the
        event's attendances are the event's and stay as they are."""
        if self.status == self.Status.TRASHED:
            return None
        self.status_before_trash, self.status = self.status, self.Status.TRASHED
        self.trashed_at, self.trashed_by = timezone.now(), user
        self.save()
        return AuditEntry.record(user, self, AuditEntry.Action.DELETED)

    @transaction.atomic
    def restore(self, user):
        """Back from the trash, as it was: the same status, publication time and
        address (undoing a deletion should not need a second step). One exception:
        a scheduled article whose time passed while it was in the trash comes back
        as a draft, since nobody chose to publish it at a later moment."""
        if self.status != self.Status.TRASHED:
            return None
        self.status, self.status_before_trash = self.status_after_restore(), ""
        self.trashed_at = self.trashed_by = None
        self.save()
        return AuditEntry.record(user, self, AuditEntry.Action.RESTORED, note=self.state.label)

    def status_after_restore(self):
        """The status restore() gives a trashed article (see there)."""
        status = self.status_before_trash or self.Status.DRAFT
        if status == self.Status.PUBLISHED and self.published_at > self.trashed_at and self.published_at <= timezone.now():
            status = self.Status.DRAFT
        return status

    @property
    def state_after_restore(self):
        """What the trash page says a trashed article comes back as: scheduled, not
        "published", when its time is still to come."""
        status = self.status_after_restore()
        if status == self.Status.PUBLISHED and self.published_at > timezone.now():
            return self.State.SCHEDULED
        return self.State(status)

    @transaction.atomic
    def purge(self, user=None):
        """Delete for good (from the trash only): the row, its photos with their
        files (after the commit, news.apps.delete_photo_files) and its search entry.
        The audit rows stay, with the title."""
        if self.status != self.Status.TRASHED:
            raise ValueError("only an article in the trash is purged")
        from news import revisions  # revisions snapshot articles: resolve at call time

        entry = AuditEntry.record(user, self, AuditEntry.Action.PURGED, note=thai.format_datetime(self.trashed_at))
        revisions.forget(self)  # its versions hold its text, photos and attendees too
        self.delete()
        return entry

    @property
    def purge_at(self):
        """When purge_trash deletes it for good (None outside the trash)."""
        return self.trashed_at + trash_lifetime() if self.trashed_at else None

    def record_change(self, user, old_status, old_published_at):
        """Log what a save (a form, or publish()) did to the workflow, if anything."""
        Action = AuditEntry.Action
        action = None
        if self.status == self.Status.PUBLISHED and (
            old_status != self.Status.PUBLISHED or old_published_at != self.published_at
        ):
            action = Action.PUBLISHED if self.is_published() else Action.SCHEDULED
        elif self.status == self.Status.IN_REVIEW and old_status != self.Status.IN_REVIEW:
            action = Action.SUBMITTED
        elif self.status == self.Status.DRAFT and old_status == self.Status.IN_REVIEW:
            action = Action.RETURNED
        elif self.status == self.Status.DRAFT and old_status == self.Status.PUBLISHED:
            action = Action.UNPUBLISHED  # a scheduled article taken back before its time
        return AuditEntry.record(user, self, action) if action else None

    @property
    def teaser(self):
        """The editor's summary, or else the opening of the body (kept in step with it)."""
        return self.summary or thai.truncate(thai.plain_text(self.body), 280)

    @property
    def modified_at(self):
        # A scheduled article is often written (updated_at) before it goes live.
        return max(self.updated_at, self.published_at)

    @functools.cached_property
    def cover(self):
        """The one definition of the cover, for cards, the page, og:image, feeds and
        share images: the photo the editor marked as cover, else the first in gallery
        order; None if its file is missing. Uses the listing's prefetched
        cover_photos or the detail page's prefetched photos when there are some."""
        photos = getattr(self, "cover_photos", None)
        if photos is None and "photos" in getattr(self, "_prefetched_objects_cache", {}):
            photos = sorted(self.photos.all(), key=Photo.cover_key)[:1]
        elif photos is None:
            photos = list(self.photos.order_by(*Photo.COVER_ORDER)[:1])
        return photos[0] if photos and photos[0].is_available() else None

    @functools.cached_property
    def gallery(self):
        """The photos a page shows, in order, leaving out any whose file is missing."""
        return [photo for photo in self.photos.all() if photo.is_available()]
