"""The news list's office and province drop-downs (news.choices): the same bytes
as Django's select widget, no office or province query while nothing changed, and
every change seen at once, by this process and by any other sharing the cache."""

import re

import pytest
from django import forms
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news import choices
from news.models import Office, Province
from tests.factories import make_office

pytestmark = pytest.mark.django_db

CHOICES = [("", "ทุกสำนักงาน"), ("obec", "สพฐ."), ("a&b", 'สนง. <"เขต"> & ที่ 1'), ("x", "อื่น ๆ"), ("x", "ซ้ำ")]


@pytest.mark.parametrize("value", [None, "", "obec", "a&b", "x", "nope", ["obec"]])
@pytest.mark.parametrize(
    "attrs", [
        None,
        {"id": "id_office"},
        {"aria-invalid": "true", "aria-describedby": "id_office_error", "id": "id_office"},
        {"id": "i", "disabled": True, "hidden": False},
    ],
)
def test_fast_select_writes_what_django_select_writes(value, attrs):
    expected = forms.Select(choices=CHOICES).render("office", value, attrs)
    assert choices.FastSelect(choices=CHOICES).render("office", value, attrs) == expected
    memo = choices.MemoChoices(choices.option_pieces(*CHOICES[0]), [choices.option_pieces(*c) for c in CHOICES[1:]])
    assert choices.FastSelect(choices=memo).render("office", value, attrs) == expected
    assert list(memo) == CHOICES


def select_html(html, name):
    return re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)


def test_the_list_page_shows_every_office_and_province_as_django_would(client):
    html = client.get("/news/", {"office": "obec"}).content.decode()
    offices = [("", "ทุกหน่วยงาน")] + [(o.slug, str(o)) for o in Office.objects.order_by("path")]
    provinces = [("", "ทุกจังหวัด")] + [(p.code, str(p)) for p in Province.objects.order_by("name_th")]
    assert select_html(html, "office") == forms.Select(choices=offices).render("office", "obec", {"id": "id_office"})
    expected = forms.Select(choices=provinces).render("province", None, {"id": "id_province"})
    assert select_html(html, "province") == expected
    assert len(offices) > 3 and len(provinces) > 3


def office_and_province_queries(client, url="/news/"):
    with CaptureQueriesContext(connection) as ctx:
        html = client.get(url).content.decode()
    return html, [q["sql"] for q in ctx.captured_queries if "news_office" in q["sql"] or "news_province" in q["sql"]]


def test_offices_and_provinces_are_read_once_per_change_not_per_request(client):
    choices.bump_version()
    html, first = office_and_province_queries(client)
    again, queries = office_and_province_queries(client)
    assert again == html
    # The cards' offices come with the articles (one join), not from their own query.
    assert not [sql for sql in queries if sql.lstrip().startswith('SELECT "news_office"."id"') and "JOIN" not in sql]
    assert not [sql for sql in queries if 'FROM "news_province"' in sql]
    assert [sql for sql in first if 'FROM "news_province"' in sql]
    assert len(queries) == len(first) - 2  # the offices' and the provinces'


def test_a_new_renamed_or_deleted_office_shows_at_once(client, django_capture_on_commit_callbacks):
    client.get("/news/")  # the memo now holds the offices
    with django_capture_on_commit_callbacks(execute=True):
        office = make_office(short_name="สนง.ใหม่ล่าสุด", slug="brand-new-office")
    assert '<option value="brand-new-office">สนง.ใหม่ล่าสุด</option>' in client.get("/news/").content.decode()
    office.short_name = "สนง.ชื่อใหม่"
    office.save()  # uncommitted in this test's transaction: this process still sees it
    assert '<option value="brand-new-office">สนง.ชื่อใหม่</option>' in client.get("/news/").content.decode()
    Province.objects.filter(code="TH-10").first().save()
    office.delete()
    assert "brand-new-office" not in client.get("/news/").content.decode()


def test_a_change_saved_through_another_server_is_seen_by_this_one(client):
    client.get("/news/")
    obec = Office.objects.get(slug="obec")
    # Another app server saves the office: the row changes and its signal sets a new
    # version in the shared cache; this process has no signal of its own.
    Office.objects.filter(pk=obec.pk).update(short_name="สพฐ.ชื่อจากอีกเครื่อง")
    stale = select_html(client.get("/news/").content.decode(), "office")
    assert "สพฐ.ชื่อจากอีกเครื่อง" not in stale  # nothing told this process yet
    cache.set(choices.VERSION_KEY, "set-by-another-server", None)
    assert '<option value="obec">สพฐ.ชื่อจากอีกเครื่อง</option>' in client.get("/news/").content.decode()


def test_a_flushed_cache_only_costs_one_rebuild(client):
    client.get("/news/")
    cache.delete(choices.VERSION_KEY)
    _html, queries = office_and_province_queries(client)
    assert [sql for sql in queries if 'FROM "news_province"' in sql]
    _html, queries = office_and_province_queries(client)
    assert not [sql for sql in queries if 'FROM "news_province"' in sql]


def test_a_cache_that_keeps_nothing_means_no_memo(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    client.get("/news/")
    Office.objects.filter(slug="obec").update(short_name="สพฐ.ไม่มีแคช")
    assert '<option value="obec">สพฐ.ไม่มีแคช</option>' in client.get("/news/").content.decode()
