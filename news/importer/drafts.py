"""The Django side of the importer: what parse() found becomes a draft article
with its event, people and attendances. Used by the management command and the
admin import (news/admin_import.py); the parser itself stays free of Django."""

import datetime

from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Replace

from news import thai
from news.models import HONORIFICS, Article, Attendance, Category, Event, Office, Person, Province, Tag


class DraftError(ValueError):
    """The release cannot become a draft as it stands (e.g. no office to file it under)."""


def _squeezed(text):
    return thai.normalize(text).replace(" ", "")


def find_office(short_name, offices=None):
    """The office (of `offices`, default all) a release names by its abbreviation
    ("สป. ศธ." finds สป.ศธ.)."""
    if not short_name:
        return None
    key = _squeezed(short_name)
    for office in Office.objects.all() if offices is None else offices:
        if _squeezed(office.short_name) == key:
            return office
    return None


def _name_keys(name):
    return {_squeezed(name)} | {_squeezed(honorific + name) for honorific in HONORIFICS}


def find_person(name):
    """An existing person despite ำ/ํา, spacing or an honorific typed into the name."""
    matches = match_people([name])[name]
    return matches[0] if matches else None


def match_people(names, queryset=None):
    """{name: [people of `queryset` with that name]} despite ำ/ํา, spacing or an
    honorific typed into the name, oldest first; one query for all the names."""
    keys = {name: _name_keys(name) for name in names}
    squeezed = Replace("name_key", Value(" "), Value(""))
    queryset = Person.objects.all() if queryset is None else queryset
    rows = queryset.annotate(squeezed=squeezed).filter(squeezed__in=set().union(*keys.values())).order_by("pk") if keys else []
    return {name: [person for person in rows if person.squeezed in wanted] for name, wanted in keys.items()}


def _local_midnight(iso):
    return thai.local_midnight(datetime.date.fromisoformat(iso))


@transaction.atomic
def create_draft(facts, office=None, source_url="", event=None, add_to_event=True):
    """A draft Article (with its Event and attendances when the release dates one).

    With `event` (an existing event the editor chose instead of a new one) the article
    reports that event; when `add_to_event`, the people and groups it does not list
    yet are added to it, and an attendance it has already is never changed (its
    position is what an earlier news item said).
    """
    office = find_office(facts["office"]) or office
    if office is None:
        raise DraftError(f"no office named {facts['office']!r}; give one with --office")
    if not facts["title"] or not facts["body"]:
        raise DraftError("no title or body found")
    if event is not None:
        if add_to_event:
            _add_to_event(event, facts)
    elif facts["event_start"]:
        event = _create_event(facts, office)
    credits = facts["credits"]
    fields = {
        "title": facts["title"], "body": facts["body"], "office": office, "event": event,
        "category": _category(facts.get("category")),
        "status": Article.Status.DRAFT, "source_url": source_url,
        "writer": credits["writer"] or "", "photographer": credits["photographer"] or "",
    }
    if facts["published_date"]:
        fields["published_at"] = _local_midnight(facts["published_date"])
    article = Article.objects.create(**fields)
    for name in facts["tags"] or []:
        tag = Tag.objects.filter(slug=Tag.slug_for(name)).first() or Tag.objects.create(name=name)
        article.tags.add(tag)
    return article


def _category(value):
    """The admin passes the Category chosen; the command the name the parser read."""
    if value is None or isinstance(value, Category):
        return value
    return Category.objects.filter(name=value).first()


def _groups_text(groups):
    return "\n".join(groups or [])


def _create_event(facts, office):
    platform = facts["online_platform"] or ""
    mode = Event.Mode.ONSITE
    if platform:
        mode = Event.Mode.HYBRID if facts["venue"] else Event.Mode.ONLINE
    event = Event.objects.create(
        title=facts["title"], start_date=datetime.date.fromisoformat(facts["event_start"]),
        end_date=datetime.date.fromisoformat(facts["event_end"] or facts["event_start"]),
        start_time=datetime.time.fromisoformat(facts["time"]) if facts["time"] else None, venue=facts["venue"] or "", online_platform=platform, mode=mode,
        province=Province.objects.filter(name_th=facts["province"]).first() if facts["province"] else None,
        organiser=office, participant_count=facts["participant_count"],
        attending_groups=_groups_text(facts.get("attending_groups")),
    )
    _add_attendees(event, facts["attendees"])
    return event


def _add_to_event(event, facts):
    groups = event.group_list()
    new_groups = [group for group in facts.get("attending_groups") or [] if group not in groups]
    if new_groups:
        event.attending_groups = _groups_text(groups + new_groups)
        event.save(update_fields=["attending_groups", "updated_at"])
    _add_attendees(event, facts["attendees"], after=event.attendances.order_by("-order").values_list("order", flat=True).first())


def _add_attendees(event, attendees, after=None):
    """Attendances for the people `event` does not list yet, in the release's order
    (after its own when it has some)."""
    present = set(event.attendances.values_list("person_id", flat=True)) if after is not None else set()
    start = 0 if after is None else after + 1
    for order, attendee in enumerate(attendees, start):
        # The admin passes the editor's choice ("person": a Person, or None for a new
        # one); the command matches by name.
        person = attendee["person"] if "person" in attendee else find_person(attendee["name"])
        if person is None:
            person = Person.objects.create(honorific=attendee["honorific"] or "", name=attendee["name"])
        if person.pk in present:
            continue  # already on the event: its attendance and position stay as they are
        present.add(person.pk)
        # The position goes on the attendance: it is what the person was then, and a
        # person's earlier positions stay as they were.
        Attendance.objects.get_or_create(
            event=event, person=person, role=attendee["role"],
            defaults={"position": attendee["position"] or "", "order": order},
        )
