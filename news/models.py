"""Content model: who publishes (Office), what happened (Event, Attendance, Person)
and the news item about it (Article, Photo)."""

import datetime
import hashlib
import re

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.html import linebreaks
from django.utils.http import urlencode
from django.utils import timezone
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext_lazy as _

from . import thai
from .sanitize import sanitize_html


class Province(models.Model):
    class Region(models.TextChoices):
        NORTH = "north", _("Northern")
        NORTHEAST = "northeast", _("Northeastern")
        CENTRAL = "central", _("Central")
        EAST = "east", _("Eastern")
        WEST = "west", _("Western")
        SOUTH = "south", _("Southern")

    BANGKOK = "TH-10"

    code = models.CharField(_("ISO code"), max_length=6, unique=True)
    name_th = models.CharField(_("Thai name"), max_length=100, unique=True)
    name_en = models.CharField(_("English name"), max_length=100)
    region = models.CharField(_("region"), max_length=10, choices=Region.choices, db_index=True)

    class Meta:
        ordering = ["name_th"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self):
        return self.name_th

    @property
    def local_name(self):
        return self.name_en if get_language() == "en" else self.name_th

    @property
    def display_name(self):
        """'จังหวัดนครพนม' / 'Nakhon Phanom Province'; Bangkok is not a จังหวัด."""
        english = get_language() == "en"
        name = self.name_en if english else self.name_th
        if self.code == self.BANGKOK:
            return name
        return pgettext("province name", "%(name)s Province") % {"name": name}

    def natural_key(self):
        return (self.code,)


class OfficeQuerySet(models.QuerySet):
    def descendants_of(self, office, include_self=True):
        """The office and every office below it in the tree."""
        qs = self.filter(path__startswith=office.path)
        return qs if include_self else qs.exclude(pk=office.pk)

    def editable_by(self, user):
        """The offices a user may post for: those they edit for, and all below them."""
        if user.is_superuser:
            return self
        paths = list(user.offices.values_list("path", flat=True))
        return self.filter(tree_filter("path", paths))


def tree_filter(lookup, paths):
    """Q matching rows whose office path lies under any of `paths` (none: no rows)."""
    match = Q(pk__in=[])
    for path in paths:
        match |= Q(**{f"{lookup}__startswith": path})
    return match


class Office(models.Model):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry")
        COMMISSION = "commission", _("Commission office")
        BUREAU = "bureau", _("Central bureau")
        REGIONAL = "regional", _("Regional education office")
        PROVINCIAL = "provincial", _("Provincial education office")
        PRIMARY_AREA = "primary_area", _("Primary educational service area office")
        SECONDARY_AREA = "secondary_area", _("Secondary educational service area office")
        INSTITUTION = "institution", _("Institution")
        OTHER = "other", _("Other")

    name = models.CharField(_("full name"), max_length=255)
    short_name = models.CharField(
        _("short name"), max_length=100, help_text=_("As written in news, e.g. สพป.นครพนม เขต 1")
    )
    slug = models.CharField(
        _("URL name"), max_length=100, unique=True, validators=[thai.validate_slug],
        help_text=_("Part of the office's web address, e.g. obec"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent office"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )
    province = models.ForeignKey(
        Province, verbose_name=_("province"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="offices",
    )
    website = models.URLField(_("website"), blank=True)
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("editors"), blank=True, related_name="offices",
        help_text=_("They post for this office and the offices under it"),
    )
    # Materialised path ("/1/4/17/") so "this office and everything under it" is one
    # indexed prefix query, whatever the depth of the tree.
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")

    objects = OfficeQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")

    def __str__(self):
        return self.short_name

    def save(self, *args, **kwargs):
        old_path = self.path
        super().save(*args, **kwargs)
        new_path = f"{self.parent.path if self.parent else '/'}{self.pk}/"
        if new_path != old_path:
            Office.objects.filter(pk=self.pk).update(path=new_path)
            self.path = new_path
            if old_path:
                for child in self.children.all():
                    child.save()

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": _("An office cannot be placed under itself.")})
            ancestor = ancestor.parent

    def get_absolute_url(self):
        return reverse("news:office_detail", kwargs={"slug": self.slug})

    @property
    def depth(self):
        return max(self.path.count("/") - 2, 0)

    def ancestors(self):
        ids = [int(pk) for pk in self.path.strip("/").split("/")[:-1] if pk]
        by_id = Office.objects.in_bulk(ids)
        return [by_id[pk] for pk in ids if pk in by_id]


class WithPublicNewsQuerySet(models.QuerySet):
    """For categories and tags: one that only drafts use is not public yet."""

    def public(self):
        published = Article.objects.published()
        field = {"Category": "category", "Tag": "tags"}[self.model.__name__]
        return self.filter(Exists(published.filter(**{field: OuterRef("pk")})))


class Category(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.CharField(
        _("URL name"), max_length=100, unique=True, blank=True, validators=[thai.validate_slug],
        help_text=_("Leave empty to make it from the name"),
    )

    objects = WithPublicNewsQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Not Django's slugify (nor admin's prepopulate script): both delete Thai marks.
        fallback = "category-" + hashlib.sha1(self.name.encode()).hexdigest()[:8]
        self.slug = self.slug or thai.slugify(self.name, max_length=100, fallback=fallback)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:article_list") + "?" + urlencode({"category": self.slug})


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.CharField(_("URL name"), max_length=100, unique=True, editable=False)

    objects = WithPublicNewsQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name

    def clean(self):
        slug = thai.slugify(thai.clean_text(self.name).lstrip("#"), max_length=100)
        if not slug:
            raise ValidationError({"name": _("A tag needs at least one letter or digit.")})
        if Tag.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            raise ValidationError({"name": _("A tag with the same spelling already exists.")})

    def save(self, *args, **kwargs):
        self.name = thai.clean_text(self.name).lstrip("#")
        fallback = "tag-" + hashlib.sha1(self.name.encode()).hexdigest()[:8]
        self.slug = thai.slugify(self.name, max_length=100, fallback=fallback)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:tag_detail", kwargs={"slug": self.slug})


class PersonQuerySet(models.QuerySet):
    def public(self):
        """People who appear in at least one public event."""
        return self.filter(Exists(Attendance.objects.filter(person=OuterRef("pk"), event__in=Event.objects.public())))


HONORIFICS = sorted(
    ["นาย", "นาง", "นางสาว", "ดร.", "ว่าที่ร้อยตรี", "ว่าที่ร้อยเอก", "ว่าที่ ร.ต.", "ผศ.", "รศ.", "ศ.", "พลตำรวจเอก"],
    key=len, reverse=True,
)


def strip_honorific(name):
    """The name without a leading honorific someone typed into it."""
    text = thai.clean_text(name)
    for honorific in HONORIFICS:
        if text.startswith(honorific) and len(text) > len(honorific):
            return text[len(honorific):].strip()
    return text


class Person(models.Model):
    honorific = models.CharField(
        _("honorific"), max_length=60, blank=True,
        help_text=_("Title or rank written before the name, e.g. นาย, ดร., ว่าที่ร้อยตรี"),
    )
    name = models.CharField(_("name"), max_length=200, help_text=_("Given name and family name"))
    # The name in canonical spelling, so "อำ" and "อํา" spellings find one person.
    name_key = models.CharField(max_length=200, editable=False, db_index=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name_key"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    # Everyday titles are written against the name (นายธีร์); ranks and long
    # titles take a space (ว่าที่ร้อยตรี ธนุ), as the releases write them.
    ATTACHED_HONORIFICS = {"นาย", "นาง", "นางสาว", "เด็กชาย", "เด็กหญิง"}

    def __str__(self):
        attached = self.honorific in self.ATTACHED_HONORIFICS or self.honorific.endswith(".")
        return f"{self.honorific}{'' if attached else ' '}{self.name}".strip()

    def clean(self):
        # Also catch the honorific typed into the name ("นายธีร์ ภวังคนันท์").
        keys = {thai.normalize(self.name), thai.normalize(strip_honorific(self.name))}
        twin = Person.objects.filter(name_key__in=keys).exclude(pk=self.pk).first()
        if twin:
            raise ValidationError(
                {"name": _("That person is already listed (%(person)s): choose them instead of adding them again.")
                 % {"person": twin}}
            )

    def save(self, *args, **kwargs):
        self.honorific = thai.clean_text(self.honorific)
        self.name = thai.clean_text(self.name)
        self.name_key = thai.normalize(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "news:person_detail", kwargs={"pk": self.pk, "slug": thai.slugify(self.name, fallback="person")}
        )


class EventQuerySet(models.QuerySet):
    def upcoming(self, today=None):
        today = today or timezone.localdate()
        return self.filter(end_date__gte=today).order_by("start_date", "start_time", "pk")

    def past(self, today=None):
        today = today or timezone.localdate()
        return self.filter(end_date__lt=today).order_by("-start_date", "-pk")

    def public(self):
        """Events that at least one published article reports, with `public_since`.

        An event is what a news item is about: until its news is public, so are not
        its title, chair, attendees or their positions (an embargoed meeting's draft
        must not leak through the events list, a person's page or a calendar).
        `public_since` (when its first news went out) lets feeds and calendars tell
        readers the event is new to them although the row itself did not change.
        """
        first_news = (
            Article.objects.published().filter(event=OuterRef("pk")).order_by("published_at").values("published_at")[:1]
        )
        return self.annotate(public_since=Subquery(first_news)).filter(public_since__isnull=False)


class Event(models.Model):
    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        WORKSHOP = "workshop", _("Workshop")
        SEMINAR = "seminar", _("Seminar")
        TRAINING = "training", _("Training")
        CEREMONY = "ceremony", _("Ceremony")
        VISIT = "visit", _("Visit")
        OTHER = "other", _("Other")

    class Mode(models.TextChoices):
        ONSITE = "onsite", _("On site")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("On site and online")

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.MEETING, db_index=True
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), blank=True, help_text=_("Leave empty for one day"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True, help_text=_("As written"))
    province = models.ForeignKey(
        Province, verbose_name=_("province"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="events",
    )
    mode = models.CharField(
        _("attendance mode"), max_length=10, choices=Mode.choices, default=Mode.ONSITE
    )
    online_platform = models.CharField(
        _("online platform"), max_length=100, blank=True, help_text=_("e.g. Zoom Meeting")
    )
    organiser = models.ForeignKey(
        Office, verbose_name=_("organiser"), on_delete=models.PROTECT, related_name="events"
    )
    participant_count = models.PositiveIntegerField(_("number of participants"), null=True, blank=True)
    attending_groups = models.TextField(
        _("attending groups"), blank=True,
        help_text=_("Groups that took part without names, one per line, as written"),
    )
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year (B.E.)"), editable=False, db_index=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-pk"]
        indexes = [
            models.Index(fields=["start_date", "end_date"]),
            models.Index(fields=["end_date"]),
            models.Index(fields=["organiser", "-start_date"]),
            models.Index(fields=["province", "-start_date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="event_ends_after_start"
            )
        ]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        # Dated, so editors tell apart the yearly meetings that share a title.
        return f"{self.title} ({thai.format_date_range(self.start_date, self.end_date)})"

    def clean(self):
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The event cannot end before it starts.")})
        if self.mode != self.Mode.ONSITE and not self.online_platform:
            raise ValidationError({"online_platform": _("Name the online platform.")})

    def save(self, *args, **kwargs):
        self.title = thai.clean_text(self.title)
        if not self.end_date:
            self.end_date = self.start_date
        self.fiscal_year = thai.fiscal_year(self.start_date)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "news:event_detail", kwargs={"pk": self.pk, "slug": thai.slugify(self.title, fallback="event")}
        )

    @property
    def last_changed(self):
        """When a reader last had something new here: an edit, or its news going public."""
        return max(filter(None, [self.updated_at, getattr(self, "public_since", None)]))

    @property
    def start_datetime(self):
        """The aware start, or None for a date-only event."""
        if self.start_time is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(self.start_date, self.start_time))

    @property
    def place(self):
        """Venue and province as one line: 'โรงแรมพาลาสโซ, กรุงเทพมหานคร'."""
        province = self.province.display_name if self.province else ""
        return ", ".join(part for part in [self.venue, province] if part)

    @property
    def is_multi_day(self):
        return self.end_date != self.start_date

    def group_list(self):
        return [line.strip() for line in self.attending_groups.splitlines() if line.strip()]

    def attendees_by_role(self):
        """[(role label, [attendances])] in the order roles are declared; uses the prefetch."""
        groups = {role: [] for role in Attendance.Role}
        for attendance in self.attendances.all():
            groups[attendance.role].append(attendance)
        return [(role.label, people) for role, people in groups.items() if people]

    def chairs(self):
        """Attendances of those who chaired; uses the prefetched list when there is one."""
        return [a for a in self.attendances.all() if a.role in Attendance.CHAIR_ROLES]


class Attendance(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        OPENING_CHAIR = "opening_chair", _("Opening chair")
        ASSIGNER = "assigner", _("Assigned the chair")
        PANELIST = "panelist", _("Panelist")
        SPEAKER = "speaker", _("Speaker")
        GUEST = "guest", _("Guest of honour")
        PARTICIPANT = "participant", _("Participant")

    CHAIR_ROLES = (Role.CHAIR, Role.OPENING_CHAIR)

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="attendances"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="attendances"
    )
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.PARTICIPANT, db_index=True
    )
    position = models.CharField(
        _("position held then"), max_length=300, blank=True,
        help_text=_("As written in this news, e.g. รองเลขาธิการ กพฐ."),
    )
    office = models.ForeignKey(
        Office, verbose_name=_("office"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="attendances",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["event", "order", "pk"]
        indexes = [models.Index(fields=["person", "event"])]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person", "role"], name="one_role_per_person_per_event",
                violation_error_message=_("This person is already listed in this role for this event."),
            )
        ]
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"

    def save(self, *args, **kwargs):
        self.position = thai.clean_text(self.position)
        super().save(*args, **kwargs)


BLOCK_TAG = re.compile(r"<(p|div|br|ul|ol|li|h[1-6]|blockquote|table)[\s/>]", re.I)


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """The one definition of public: marked published and its time has come."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def for_listing(self):
        """What a list card shows: office, category and the cover photo (as cover_photos)."""
        return self.select_related("office", "category").prefetch_related(
            models.Prefetch(
                "photos", queryset=Photo.objects.order_by("order", "pk")[:1], to_attr="cover_photos"
            )
        )

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
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

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
    read_count = models.PositiveIntegerField(_("read count"), default=0, editable=False)
    # Title, summary and body text in canonical spelling (see thai.normalize):
    # what the news-list search and admin search look in.
    search_text = models.TextField(editable=False, default="")
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "-published_at"]),
            models.Index(fields=["office", "status", "-published_at"]),
            models.Index(fields=["category", "status", "-published_at"]),
            models.Index(fields=["event", "status", "-published_at"]),
        ]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self):
        return self.title

    def clean(self):
        try:
            self.published_at = thai.from_buddhist_era(self.published_at)
        except ValueError:
            raise ValidationError({"published_at": _("That day does not exist in that year.")})

    def save(self, *args, **kwargs):
        self.title = thai.clean_text(self.title)
        self.slug = thai.slugify(self.title, fallback="news")
        if not BLOCK_TAG.search(self.body):
            # Text pasted from Word or LINE: blank lines are paragraphs.
            self.body = linebreaks(self.body)
        self.body = sanitize_html(self.body)
        self.search_text = thai.search_document(self.title, self.summary, self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:article_detail", kwargs={"pk": self.pk, "slug": self.slug})

    @admin.display(boolean=True, description=_("public"))
    def is_published(self):
        return self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()


    @property
    def teaser(self):
        """The editor's summary, or else the opening of the body (kept in step with it)."""
        return self.summary or thai.truncate(thai.plain_text(self.body), 280)

    @property
    def modified_at(self):
        # A scheduled article is often written (updated_at) before it goes live.
        return max(self.updated_at, self.published_at)

    @property
    def cover(self):
        """The first photo of the gallery; uses the prefetched list when there is one."""
        photos = list(self.photos.all())
        return photos[0] if photos else None


def photo_upload_to(instance, filename):
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    stamp = timezone.now()
    return f"photos/{stamp:%Y/%m}/{instance.article_id or 'new'}-{stamp:%H%M%S%f}.{ext}"


def validate_photo_size(file):
    if file.size > settings.MAX_PHOTO_BYTES:
        raise ValidationError(
            _("The photo is too large (%(size)s MB); the limit is %(limit)s MB."),
            params={
                "size": round(file.size / 1024 / 1024, 1),
                "limit": settings.MAX_PHOTO_BYTES // 1024 // 1024,
            },
        )


class Photo(models.Model):
    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField(
        _("image"), upload_to=photo_upload_to, width_field="width", height_field="height",
        validators=[validate_photo_size],
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    alt_text = models.CharField(
        _("alt text"), max_length=300, blank=True,
        help_text=_("What the photo shows, for readers who cannot see it"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["article", "order", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.caption or self.image.name

    @property
    def alt(self):
        return self.alt_text or self.caption or self.article.title
