"""What happened and who was there: people, events and attendances (with the
position each person held at that time)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from news import thai
from news.thaitext import HONORIFICS

from .offices import Office, Province


class PersonQuerySet(models.QuerySet):
    def public(self):
        """People who appear in at least one public event."""
        return self.filter(Exists(Attendance.objects.public().filter(person=OuterRef("pk"))))


class AttendanceQuerySet(models.QuerySet):
    def public(self):
        """Attendances at public events (see EventQuerySet.public): one index
        lookup per attendance, not a pass over every event."""
        from .articles import Article  # articles import events: resolve at call time

        return self.filter(Exists(Article.objects.published().filter(event=OuterRef("event_id"))))

    def as_listed(self):
        """In the event's own order, with the person and office each line names."""
        return self.select_related("person", "office").order_by("order", "pk")


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
        if Person.objects.filter(name_key__in=keys).exclude(pk=self.pk).exists():
            # The twin is not named: it may appear only in another office's news that
            # is not public yet, and the editor typed the name already.
            raise ValidationError({"name": _(
                "That person is already listed: choose them from the list instead of adding them again. If the "
                "list does not offer them, they appear only in news not yet public; a superuser can add them for you."
            )})

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
        # start_date < today follows from end_date < today; saying it lets the
        # database walk the (start_date, id) index in order instead of sorting
        # every past event.
        return self.filter(end_date__lt=today, start_date__lt=today).order_by("-start_date", "-pk")

    def public(self):
        """Events that at least one published article reports, with `public_since`.

        An event is what a news item is about: until its news is public, so are not
        its title, chair, attendees or their positions (an embargoed meeting's draft
        must not leak through the events list, a person's page or a calendar).
        `public_since` (when its first news went out) lets feeds and calendars tell
        readers the event is new to them although the row itself did not change.
        """
        from .articles import Article  # articles import events: resolve at call time

        first_news = (
            Article.objects.published().filter(event=OuterRef("pk")).order_by("published_at").values("published_at")[:1]
        )
        return self.annotate(public_since=Subquery(first_news)).filter(public_since__isnull=False)

    def for_listing(self):
        """Public events with what every list, card and feed item shows: the province and organiser."""
        return self.public().select_related("province", "organiser")

    def organised_within(self, office):
        """Events of the office and the offices under it: a prefix match on the indexed path."""
        return self.filter(organiser__path__startswith=office.path)


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
            # past() and upcoming() orders, tie-breakers included.
            models.Index(fields=["-start_date", "-id"]),
            models.Index(fields=["end_date"]),
            models.Index(fields=["organiser", "-start_date", "-id"]),
            models.Index(fields=["province", "-start_date", "-id"]),
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

    objects = AttendanceQuerySet.as_manager()

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
