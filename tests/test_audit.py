"""The audit log: the workflow writes who submitted, published, scheduled,
unpublished and deleted what; admin shows it read-only, each editor their offices'
rows only (a chief editor's include the offices below)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import AuditEntry, Office
from tests.factories import login, make_article, make_editor

pytestmark = pytest.mark.django_db



@pytest.fixture
def history():
    """One article of each branch taken through the workflow by its publishers."""
    phet_publisher = make_editor("publisher-phet", "peo-phetchabun")
    obec_publisher = make_editor("publisher-obec", "obec")
    phet = make_article(title="ข่าวเพชรบูรณ์ในบันทึก", status="draft", office=Office.objects.get(slug="peo-phetchabun"))
    obec = make_article(title="ข่าว สพฐ. ในบันทึก", status="draft")
    phet.submit(phet_publisher)
    phet.publish(phet_publisher)
    phet.unpublish(phet_publisher, "ถอนเพื่อแก้ไข")
    obec.published_at = timezone.now() + datetime.timedelta(days=1)
    obec.publish(obec_publisher)
    return phet_publisher, obec_publisher


def listed(client, **params):
    response = client.get(reverse("admin:news_auditentry_changelist"), params)
    assert response.status_code == 200
    return [(entry.action, entry.article_title) for entry in response.context["cl"].result_list]


def test_the_workflow_steps_write_who_did_what(history):
    rows = list(AuditEntry.objects.order_by("pk").values_list("username", "action", "article_title", "note"))
    assert rows == [
        ("publisher-phet", "submitted", "ข่าวเพชรบูรณ์ในบันทึก", ""),
        ("publisher-phet", "published", "ข่าวเพชรบูรณ์ในบันทึก", ""),
        ("publisher-phet", "unpublished", "ข่าวเพชรบูรณ์ในบันทึก", "ถอนเพื่อแก้ไข"),
        ("publisher-obec", "scheduled", "ข่าว สพฐ. ในบันทึก", ""),
    ]


def test_each_editor_sees_their_offices_rows_only(history, admin_client):
    phet_publisher, obec_publisher = history
    assert [title for _action, title in listed(login(phet_publisher))] == ["ข่าวเพชรบูรณ์ในบันทึก"] * 3
    assert listed(login(obec_publisher)) == [("scheduled", "ข่าว สพฐ. ในบันทึก")]
    # A writer of ศธจ.เพชรบูรณ์ reads the log too; a chief editor of สป.ศธ. sees the office below.
    assert len(listed(login(make_editor("writer-phet", "peo-phetchabun", role="writer")))) == 3
    assert len(listed(login(make_editor("chief-ops", "ops")))) == 3
    assert len(listed(admin_client)) == 4
    # Another office's row is not opened by its address either.
    obec_row = AuditEntry.objects.get(action="scheduled")
    page = login(phet_publisher).get(reverse("admin:news_auditentry_change", args=[obec_row.pk]), follow=True)
    assert "ข่าว สพฐ. ในบันทึก" not in page.content.decode()


def test_the_log_is_read_only_for_everyone(history, admin_client):
    phet_publisher, _obec = history
    row = AuditEntry.objects.get(action="submitted")
    for client in (login(phet_publisher), admin_client):
        assert client.get(reverse("admin:news_auditentry_add")).status_code == 403
        assert client.post(reverse("admin:news_auditentry_change", args=[row.pk]), {"note": "แก้"}).status_code == 403
        assert client.post(reverse("admin:news_auditentry_delete", args=[row.pk]), {"post": "yes"}).status_code == 403
    row.refresh_from_db()
    assert row.note == ""


def test_the_log_list_costs_the_same_however_long_it_is(history, admin_client, django_assert_num_queries):
    url = reverse("admin:news_auditentry_changelist")
    admin_client.get(url)
    with django_assert_num_queries(5) as first:  # session, user, count, total, rows
        admin_client.get(url)
    publisher = history[0]
    for number in range(5):
        make_article(title=f"ข่าวเพิ่ม {number}", status="draft").submit(publisher)
    with django_assert_num_queries(len(first.captured_queries)):
        admin_client.get(url)
