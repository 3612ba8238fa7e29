"""Hostile input never reaches the database as a 500: every public address and query
parameter with a NUL byte or an out-of-range number answers 400 or 404, on SQLite
and PostgreSQL alike (PostgreSQL refuses NUL in text and numbers beyond bigint)."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"  # beyond any integer column
BIGINT_PLUS_ONE = str(2**63)
NUL = "%00"

# Every public route, with a NUL or a number no row can have in each part a reader types.
PUBLIC_URLS = [
    f"/{NUL}",
    f"/news/{NUL}/",
    f"/news/{HUGE}/",
    f"/news/{BIGINT_PLUS_ONE}/",
    f"/news/{HUGE}/slug/",
    f"/news/1/a{NUL}b/",
    f"/news/{HUGE}/share.png",
    f"/en/news/{HUGE}/",
    f"/events/{HUGE}/",
    f"/events/{BIGINT_PLUS_ONE}/x/",
    f"/events/1/{NUL}/",
    f"/events/{HUGE}/share.png",
    f"/events/{HUGE}.ics",
    f"/events/{BIGINT_PLUS_ONE}.ics",
    f"/people/{HUGE}/",
    f"/people/{BIGINT_PLUS_ONE}/x/",
    f"/people/1/{NUL}/",
    f"/offices/{NUL}/",
    f"/offices/obec{NUL}/",
    f"/en/offices/obec{NUL}/",
    f"/tags/{NUL}/",
    f"/tags/a{NUL}b/",
    f"/feeds/offices/obec{NUL}.atom",
    f"/feeds/offices/{NUL}.rss",
    f"/feeds/provinces/{NUL}.rss",
    f"/feeds/provinces/TH-48{NUL}.atom",
    f"/feeds/categories/a{NUL}b.atom",
    f"/feeds/categories/{NUL}.rss",
    f"/feeds/tags/{NUL}.rss",
    f"/feeds/tags/a{NUL}b.atom",
    f"/sitemap-{NUL}.xml",
    f"/sitemap-news{NUL}.xml",
    f"/sitemap-news.xml?p={HUGE}",
    f"/sitemap-news.xml?p={NUL}",
    "/sitemap-news.xml?p=-1",
    f"/sitemap.xml?p={NUL}",
    f"/static/{NUL}",
    f"/media/{NUL}",
    # The news-list filters and page numbers of every paginated list.
    f"/news/?q={NUL}",
    f"/news/?q=a{NUL}b",
    f"/news/?office={NUL}",
    f"/news/?province=TH-48{NUL}",
    f"/news/?category={NUL}",
    f"/news/?tag={NUL}",
    f"/news/?date_from={NUL}",
    f"/news/?date_to=1/1/{HUGE}",
    f"/news/?date_from={HUGE}-01-01",
    f"/news/?fiscal_year={HUGE}",
    "/news/?fiscal_year=-1",
    f"/news/?fiscal_year={NUL}",
    f"/news/?page={HUGE}",
    "/news/?page=-1",
    f"/news/?page={NUL}",
    f"/news/?{NUL}=1",
    f"/events/?page={HUGE}",
    f"/events/?page={NUL}",
    f"/offices/obec/?page={HUGE}",
    f"/offices/obec/?page={NUL}",
    f"/tags/เรียนดีมีความสุข/?page={HUGE}",
    f"/feeds/news.rss?x={NUL}",
    f"/events.ics?x={NUL}",
    f"/i18n/setlang/?next={NUL}",
]

# The admin answers 400 to a NUL and to a date-hierarchy date that cannot exist; for
# the rest it keeps Django's own answers: 302 to its "invalid filter" flag (?e=1)
# or, for an object that does not exist, to the admin index with a message; 200
# with an empty list for a filter nothing matches. None of them may be a 500.
ADMIN_URLS = [
    (f"/admin/news/article/?status={NUL}", 400),
    (f"/admin/news/article/?status=a{NUL}", 400),
    (f"/admin/news/article/?office__kind__exact={NUL}", 400),
    (f"/admin/news/article/?q={NUL}", 400),
    (f"/admin/news/article/{NUL}/change/", 400),
    (f"/admin/news/event/?fiscal_year__exact={NUL}", 400),
    (f"/admin/news/event/?kind__exact={NUL}", 400),
    (f"/admin/news/office/?province__region__exact={NUL}", 400),
    (f"/admin/news/person/?q={NUL}", 400),
    (f"/admin/autocomplete/?app_label=news&model_name=article&field_name=event&term={NUL}", 400),
    (f"/admin/r/1/{NUL}/", 400),
    (f"/admin/news/article/?published_at__year={HUGE}", 400),
    (f"/admin/news/article/?published_at__year={BIGINT_PLUS_ONE}", 400),
    ("/admin/news/article/?published_at__year=9999", 400),  # its year-long range ends in 10000
    (f"/admin/news/article/?published_at__year=2024&published_at__month={HUGE}", 400),
    (f"/admin/news/article/?published_at__year=2024&published_at__month=1&published_at__day={HUGE}", 400),
    (f"/admin/news/event/?start_date__year={HUGE}", 400),
    ("/admin/news/article/?published_at__year=-1", 302),
    ("/admin/news/article/?published_at__year=0", 302),
    (f"/admin/news/article/?published_at__gte={HUGE}", 302),
    (f"/admin/news/article/{HUGE}/change/", 302),
    (f"/admin/news/person/{HUGE}/change/", 302),
    (f"/admin/news/article/?office__id__exact={HUGE}", 200),
    (f"/admin/news/article/?category__id__exact={BIGINT_PLUS_ONE}", 200),
    (f"/admin/news/event/?fiscal_year__exact={HUGE}", 200),
    (f"/admin/news/article/?p={HUGE}", 200),
    (f"/admin/news/article/?o={HUGE}", 200),
    (f"/admin/autocomplete/?app_label=news&model_name=article&field_name=tags&term=a&page={HUGE}", 404),
    (f"/admin/r/{HUGE}/{HUGE}/", 404),
]


def assert_refused(response, url):
    assert response.status_code in (400, 404), f"{url} answered {response.status_code}"


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_urls_refuse_nul_and_out_of_range_numbers(client, url):
    client.raise_request_exception = False
    assert_refused(client.get(url), url)


@pytest.mark.parametrize("url, status", ADMIN_URLS)
def test_admin_refuses_nul_and_out_of_range_numbers(client, url, status):
    client.raise_request_exception = False
    client.force_login(get_user_model().objects.create_superuser("hostile-admin", "h@example.invalid", None))
    assert client.get(url).status_code == status, url


@pytest.mark.parametrize("url", ["/offices/%00/", "/news/?q=ประชุม%00"])
def test_nul_byte_gets_the_thai_bad_request_page(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "คำขอไม่ถูกต้อง" in response.content.decode()


@pytest.mark.parametrize("cookie", ['sessionid="abcdefgh\\000ijk"', "csrftoken=a\x00b"])
@pytest.mark.parametrize("url", ["/admin/login/", "/news/", "/"])
def test_a_nul_in_a_cookie_is_a_bad_request_not_a_database_error(client, url, cookie):
    client.raise_request_exception = False
    response = client.get(url, HTTP_COOKIE=cookie)
    assert response.status_code == 400, f"{url} with {cookie!r} answered {response.status_code}"


def test_malformed_admin_posts_get_a_form_error_or_400_never_a_500(client):
    """Hand-made POSTs: an action on "abc", an autocomplete box sent "abc"."""
    from news.models import Event

    client.raise_request_exception = False
    client.force_login(get_user_model().objects.create_superuser("hostile-admin", "h@example.invalid", None))
    for selected in ["abc", "1\x00"]:
        response = client.post("/admin/news/article/", {"action": "delete_selected", "_selected_action": selected})
        assert response.status_code == 400, selected
    for field in ["office", "event", "category", "tags"]:
        response = client.post("/admin/news/article/add/", {"title": "x", "body": "x", field: "abc"})
        assert response.status_code == 200, field  # the form again, with its errors
    event = Event.objects.first()
    response = client.post(f"/admin/news/event/{event.pk}/change/", {
        "title": event.title, "attendances-TOTAL_FORMS": "1", "attendances-INITIAL_FORMS": "0",
        "attendances-0-person": "abc", "attendances-0-role": "guest",
    })
    assert response.status_code == 200
