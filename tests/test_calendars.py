"""iCalendar files, parsed back with the icalendar library."""

import datetime

import icalendar
import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news import thai
from news.models import Article, Event, Province
from tests.factories import make_article, make_public_event

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def get_calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response, icalendar.Calendar.from_ical(response.content)


def vevents(calendar):
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


def test_all_day_event_is_a_date_range_with_exclusive_end(client):
    seed = Event.objects.get(title__startswith="ประชุมเชิงปฏิบัติการ")  # 25–28 May 2023, no time
    response, calendar = get_calendar(client, reverse("event_ics", kwargs={"pk": seed.pk}))
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == thai.compose_sara_am(seed.title)  # Thai intact through line folding
    assert vevent["DTSTART"].params["VALUE"] == "DATE"
    assert vevent.decoded("DTSTART") == datetime.date(2023, 5, 25)
    assert vevent["DTEND"].params["VALUE"] == "DATE"
    assert vevent.decoded("DTEND") == datetime.date(2023, 5, 29)
    assert str(vevent["LOCATION"]) == "โรงแรม ฟอร์จูน ริเวอร์วิว, จังหวัดนครพนม"
    assert str(vevent["URL"]) == BASE + seed.get_absolute_url()
    assert str(vevent["UID"]) == f"event-{seed.pk}@{settings.SITE_DOMAIN}"  # not the Host header
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["METHOD"]) == "PUBLISH"
    assert response["Content-Disposition"] == f'attachment; filename="event-{seed.pk}.ics"'


def test_timed_event_carries_tzid_asia_bangkok_and_its_vtimezone(client):
    seed = Event.objects.get(start_time=datetime.time(9, 0))  # 9 November 2023, 09.00
    _, calendar = get_calendar(client, reverse("event_ics", kwargs={"pk": seed.pk}))
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["DTSTART"].params["TZID"] == "Asia/Bangkok"
    start = vevent.decoded("DTSTART")
    assert start.replace(tzinfo=None) == datetime.datetime(2023, 11, 9, 9, 0)
    assert start.utcoffset() == datetime.timedelta(hours=7)
    assert "DTEND" not in vevent  # one day, end time unknown: an instant (RFC 5545 3.6.1)
    (vtimezone,) = calendar.walk("VTIMEZONE")
    assert str(vtimezone["TZID"]) == "Asia/Bangkok"


def test_timed_multi_day_event_runs_to_the_end_of_its_last_day(client):
    event = make_public_event(
        title="อบรมสามวัน", start_date=datetime.date(2024, 3, 4), end_date=datetime.date(2024, 3, 6),
        start_time=datetime.time(8, 30),
    )
    _, calendar = get_calendar(client, reverse("event_ics", kwargs={"pk": event.pk}))
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["DTEND"].params["TZID"] == "Asia/Bangkok"
    assert vevent.decoded("DTEND").replace(tzinfo=None) == datetime.datetime(2024, 3, 7, 0, 0)


def test_online_event_names_its_platform_as_location(client):
    event = make_public_event(title="ประชุมออนไลน์", mode=Event.Mode.ONLINE, online_platform="Zoom Meeting")
    _, calendar = get_calendar(client, reverse("event_ics", kwargs={"pk": event.pk}))
    assert str(calendar.walk("VEVENT")[0]["LOCATION"]) == "Zoom Meeting"


def test_upcoming_calendar_lists_only_events_that_have_not_ended(client):
    today = timezone.localdate()
    running = make_public_event(title="งานที่กำลังจัด", start_date=today - datetime.timedelta(days=1), end_date=today)
    later = make_public_event(
        title="ประชุมครั้งหน้า", start_date=today + datetime.timedelta(days=10), start_time=datetime.time(13, 30),
        venue="ห้องประชุมใหญ่", province=Province.objects.get(code="TH-67"),
    )
    make_public_event(title="งานที่จบไปแล้ว", start_date=today - datetime.timedelta(days=3))
    _, calendar = get_calendar(client, reverse("events_ics"))
    events = vevents(calendar)
    assert set(events) == {running.title, later.title}
    assert events[running.title].decoded("DTEND") == today + datetime.timedelta(days=1)
    assert events[later.title]["DTSTART"].params["TZID"] == "Asia/Bangkok"
    assert str(events[later.title]["LOCATION"]) == "ห้องประชุมใหญ่, จังหวัดเพชรบูรณ์"
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Bangkok"


def test_unknown_event_is_404(client):
    assert client.get("/events/999999.ics").status_code == 404


def test_output_is_stable_and_answers_304(client):
    url = reverse("event_ics", kwargs={"pk": Event.objects.first().pk})
    first = client.get(url)
    assert client.get(url).content == first.content  # no now() or random UIDs inside
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    assert client.get(url, headers={"if-modified-since": first["Last-Modified"]}).status_code == 304
    listing = client.get(reverse("events_ics"))
    assert client.get(reverse("events_ics"), headers={"if-none-match": listing["ETag"]}).status_code == 304
    assert client.get(reverse("events_ics"), headers={"if-modified-since": listing["Last-Modified"]}).status_code == 304


def test_no_article_text_in_calendars_and_drafts_change_nothing(client):
    event = make_public_event(title="ประชุมที่จะมาถึง", start_date=timezone.localdate() + datetime.timedelta(days=2))
    make_article(title="ร่างข่าวลับ", status=Article.Status.DRAFT, event=event)
    make_article(title="ข่าวตั้งเวลา", published_at=timezone.now() + datetime.timedelta(days=1), event=event)
    for url in [reverse("events_ics"), reverse("event_ics", kwargs={"pk": event.pk})]:
        body = client.get(url).content.decode()
        assert "ร่างข่าวลับ" not in body and "ข่าวตั้งเวลา" not in body


def test_query_count_does_not_grow_with_the_number_of_events(client):
    start = timezone.localdate() + datetime.timedelta(days=5)
    make_public_event(title="ประชุมแรก", start_date=start, province=Province.objects.get(code="TH-48"))

    def count():
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse("events_ics")).status_code == 200
        return len(context.captured_queries)

    before = count()
    for number in range(25):
        make_public_event(title=f"ประชุมที่ {number}", start_date=start, province=Province.objects.get(code="TH-48"))
    assert count() == before == 1


def test_uids_and_guids_do_not_depend_on_the_host_name_used(client):
    seed = Event.objects.public().first()
    url = reverse("event_ics", kwargs={"pk": seed.pk})
    uids = {str(icalendar.Calendar.from_ical(client.get(url, HTTP_HOST=host).content).walk("VEVENT")[0]["UID"])
            for host in ["localhost", "127.0.0.1"]}
    assert len(uids) == 1
    guids = {client.get("/feeds/news.rss", HTTP_HOST=host).content.decode().split("<guid")[1].split("</guid>")[0]
             for host in ["localhost", "127.0.0.1"]}
    assert len(guids) == 1


def test_an_empty_calendar_is_still_valid_icalendar(client):
    Event.objects.all().delete()
    calendar = icalendar.Calendar.from_ical(client.get("/events.ics").content)
    assert [c.name for c in calendar.subcomponents] == ["VTIMEZONE"]  # RFC 5545: at least one component
