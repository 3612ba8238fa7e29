"""iCalendar (.ics) files: the upcoming events, and one file per event.

Written with the icalendar library so Google Calendar, Outlook and Apple Calendar
read them: timed events carry TZID=Asia/Bangkok with its VTIMEZONE, date-only
events are all-day ranges with the exclusive DTEND that RFC 5545 asks for.
"""

import datetime

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.http import http_date
from django.utils.translation import gettext as _

from . import thai
from .models import Event

CALENDAR_MAX_AGE = 30 * 60
PRODID = "-//Education Office News//news.moe//TH"


def event_times(event):
    """(DTSTART, DTEND or None) as RFC 5545 wants them.

    Without a start time the event is all-day: DATE values, DTEND the day after
    the last day. With a start time but no end time known, a one-day event is an
    instant (no DTEND), and a multi-day one runs to the end of its last day.
    """
    start = event.start_datetime
    if start is None:
        return event.start_date, event.end_date + datetime.timedelta(days=1)
    if not event.is_multi_day:
        return start, None
    return start, thai.local_midnight(event.end_date + datetime.timedelta(days=1))


def event_location(event):
    parts = [event.place]
    if event.mode != Event.Mode.ONSITE and event.online_platform:
        parts.append(event.online_platform)
    return thai.compose_sara_am(", ".join(part for part in parts if part))


def event_component(event, request):
    url = request.build_absolute_uri(event.get_absolute_url())
    start, end = event_times(event)
    vevent = icalendar.Event()
    # The UID and DTSTAMP come from the row, not from now(), so an unchanged event
    # gives byte-identical output: calendars do not duplicate it, ETags hold.
    vevent.add("uid", f"event-{event.pk}@{settings.SITE_DOMAIN}")
    vevent.add("dtstamp", event.last_changed)
    vevent.add("created", event.created_at)
    vevent.add("last-modified", event.last_changed)
    vevent.add("summary", thai.compose_sara_am(event.title))
    vevent.add("dtstart", start)
    if end is not None:
        vevent.add("dtend", end)
    location = event_location(event)
    if location:
        vevent.add("location", location)
    vevent.add("url", url)
    vevent.add("description", f"{event.organiser.name}\n{url}")
    vevent.add("categories", [event.get_kind_display()])
    vevent.add("status", "CONFIRMED")
    return vevent


def build_calendar(events, request, name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    # The VTIMEZONE Outlook needs for TZID; always there, so that a calendar with
    # no events yet still holds the one component RFC 5545 requires.
    calendar.add_component(icalendar.Timezone.from_tzid(settings.TIME_ZONE))
    for event in events:
        calendar.add_component(event_component(event, request))
    return calendar


def calendar_response(calendar, last_modified, filename=None):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Last-Modified"] = http_date(last_modified.timestamp())
    response["Cache-Control"] = f"public, max-age={CALENDAR_MAX_AGE}"
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def upcoming_calendar(request):
    """/events.ics: every event that has not ended, for subscribing."""
    events = list(Event.objects.for_listing().upcoming())
    calendar = build_calendar(events, request, _("Upcoming events · %(site)s") % {"site": settings.SITE_NAME})
    calendar.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    # An event leaves the list at midnight without being edited, so the list is
    # never older than today's midnight (If-Modified-Since must not say 304).
    last_modified = max([e.last_changed for e in events] + [thai.local_midnight(timezone.localdate())])
    return calendar_response(calendar, last_modified)


def event_calendar(request, pk):
    """/events/<pk>.ics: one event, for "add to my calendar"."""
    event = get_object_or_404(Event.objects.for_listing(), pk=pk)
    calendar = build_calendar([event], request, thai.compose_sara_am(event.title))
    return calendar_response(calendar, event.last_changed, filename=f"event-{event.pk}.ics")
