"""Every date and time an editor reads in admin is Buddhist era and Thai-formatted,
and goes back through the form unchanged (news/forms.py widgets,
news/templatetags/thai_admin.py, templates/admin/)."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from news import thai
from news.models import Article, Event
from tests.admin_forms import form_fields
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("dates-admin", "d@example.invalid", "pw-for-tests-123"))
    return client


def box(html, name):
    """The text in an input box of the page."""
    return re.search(r'<input[^>]*name="%s"[^>]*value="([^"]*)"' % re.escape(name), html).group(1)


def test_an_event_saved_unchanged_keeps_every_value_and_shows_be_dates(admin_client):
    event = Event.objects.get(start_date="2023-05-25")  # seed 004: 25–28 May 2566
    event.start_time = datetime.time(9, 0, 30)  # seconds must survive a save too
    event.save()
    before = Event.objects.values().get(pk=event.pk)
    url = reverse("admin:news_event_change", args=[event.pk])
    html = admin_client.get(url).content.decode()
    assert (box(html, "start_date"), box(html, "end_date"), box(html, "start_time")) == ("25/05/2566", "28/05/2566", "09.00.30")
    response = admin_client.post(url, form_fields(html))
    assert response.status_code == 302, response.content.decode()[:2000]
    after = Event.objects.values().get(pk=event.pk)
    assert {k: v for k, v in after.items() if k != "updated_at"} == {k: v for k, v in before.items() if k != "updated_at"}


def test_a_date_typed_in_be_and_a_thai_time_come_back_as_typed(admin_client):
    """The issue: 20/11/2569 came back 20/11/2026, 09.00 น. came back 09:00:00."""
    article = Article.objects.get(title__contains="CLUSTER")
    url = reverse("admin:news_article_change", args=[article.pk])
    data = form_fields(admin_client.get(url).content.decode())
    data.update(published_at_0="20/11/2569", published_at_1="09.00 น.")
    assert admin_client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert timezone.localtime(article.published_at).replace(tzinfo=None) == datetime.datetime(2026, 11, 20, 9, 0)
    html = admin_client.get(url).content.decode()
    assert (box(html, "published_at_0"), box(html, "published_at_1")) == ("20/11/2569", "09.00")
    before = Article.objects.values("published_at", "title", "body", "summary", "office", "status").get(pk=article.pk)
    assert admin_client.post(url, form_fields(html)).status_code == 302
    assert Article.objects.values("published_at", "title", "body", "summary", "office", "status").get(pk=article.pk) == before


def test_the_publication_time_of_a_new_article_defaults_to_today_in_be(admin_client):
    html = admin_client.get(reverse("admin:news_article_add")).content.decode()
    today = timezone.localdate()
    assert box(html, "published_at_0") == f"{today:%d/%m}/{today.year + 543}"
    assert re.fullmatch(r"\d\d\.\d\d(\.\d\d)?", box(html, "published_at_1"))
    # The calendar and "Today" write B.E. years too (tests/test_browser_admin.py drives them).
    assert "news/admin/buddhist-era.js" in html


def test_created_and_last_changed_read_in_be(admin_client):
    """The issue: "สร้างเมื่อ 29 พฤศจิกายน 2026"."""
    article = make_article(title="ข่าวที่ดูวันสร้าง")
    html = admin_client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert thai.format_datetime(article.created_at) in html  # e.g. 29 พฤศจิกายน 2569 09.00 น.
    assert f"{timezone.localdate(article.created_at).year + 543}" in html
    assert f" {timezone.localdate(article.created_at).year}," not in html  # Django's "29 พฤศจิกายน 2026, 9:00"
    event = Event.objects.first()
    html = admin_client.get(reverse("admin:news_event_change", args=[event.pk])).content.decode()
    assert thai.format_datetime(event.updated_at) in html


def test_date_hierarchy_years_months_and_back_links_are_be(admin_client):
    url = reverse("admin:news_article_changelist")
    years = re.findall(r'<a href="\?published_at__year=(\d+)">(\d+)</a>', admin_client.get(url).content.decode())
    assert ("2023", "2566") in years and all(int(shown) == int(year) + 543 for year, shown in years)
    html = admin_client.get(url, {"published_at__year": "2023"}).content.decode()
    assert "พฤศจิกายน 2566" in html and "พฤศจิกายน 2023" not in html
    assert re.search(r'class="date-back">&lsaquo; ทุกช่วงเวลา</a>', html)
    html = admin_client.get(url, {"published_at__year": "2023", "published_at__month": "11"}).content.decode()
    assert re.search(r'class="date-back">&lsaquo; 2566</a>', html)
    html = admin_client.get(url, {"published_at__year": "2023", "published_at__month": "11", "published_at__day": "9"}).content.decode()
    assert re.search(r'class="date-back">&lsaquo; พฤศจิกายน 2566</a>', html)
    events = admin_client.get(reverse("admin:news_event_changelist")).content.decode()
    assert ">2566</a>" in events and ">2023</a>" not in events


def test_history_times_are_be(admin_client):
    article = Article.objects.first()
    url = reverse("admin:news_article_change", args=[article.pk])
    admin_client.post(url, form_fields(admin_client.get(url).content.decode()))
    html = admin_client.get(reverse("admin:news_article_history", args=[article.pk])).content.decode()
    now = timezone.localtime()
    assert f"{thai.format_date(now)} " in html and f"{now.year}," not in html
