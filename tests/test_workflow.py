"""Roles per office and the editorial workflow: writers draft and submit, publishers
of the office (or of an office above it) publish, schedule, unpublish and delete;
every other path is refused (403, 404 or a form error) and changes nothing.

The demo's ศธจ.เพชรบูรณ์ (peo-phetchabun) sits under สป.ศธ. (ops); สพฐ. (obec) is
another branch of the tree.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from news import permissions
from news.models import Article, AuditEntry, OfficeMembership, Photo
from tests.admin_forms import form_data
from tests.factories import login, make_article, make_editor, make_photo, office

pytestmark = pytest.mark.django_db




@pytest.fixture
def writer():
    return login(make_editor("writer-phet", "peo-phetchabun", role="writer"))


@pytest.fixture
def publisher():
    return login(make_editor("publisher-phet", "peo-phetchabun"))


@pytest.fixture
def draft():
    return make_article(title="ร่างข่าวเพชรบูรณ์", status="draft", office=office("peo-phetchabun"))


def change(client, article, **changes):
    url = reverse("admin:news_article_change", args=[article.pk])
    return client.post(url, form_data(client.get(url), **changes))


def actions(client):
    page = client.get(reverse("admin:news_article_changelist"))
    return [value for value, _label in page.context["action_form"].fields["action"].choices if value]


def run_action(client, action, *articles, **extra):
    return client.post(
        reverse("admin:news_article_changelist"),
        {"action": action, "_selected_action": [a.pk for a in articles], **extra},
    )


# Roles ------------------------------------------------------------------------


def test_a_writer_saves_drafts_and_submits_them_but_cannot_publish(writer, draft):
    """Publishing is not offered, and a hand-made "published" is a form error that saves nothing."""
    url = reverse("admin:news_article_change", args=[draft.pk])
    page = writer.get(url)
    assert [value for value, _ in page.context["adminform"].form.fields["status"].choices] == ["draft", "in_review"]
    response = writer.post(url, form_data(page, status="published", title="เผยแพร่เองไม่ได้"))
    assert response.status_code == 200 and "status" in response.context["adminform"].form.errors
    draft.refresh_from_db()
    assert draft.status == "draft" and draft.title == "ร่างข่าวเพชรบูรณ์"
    assert change(writer, draft, status="in_review").status_code == 302
    draft.refresh_from_db()
    assert draft.status == "in_review"
    assert AuditEntry.objects.get(article=draft).action == "submitted"


def test_a_writer_cannot_add_published_news_nor_schedule_it(writer):
    page = writer.get(reverse("admin:news_article_add"))
    future = timezone.localtime() + datetime.timedelta(days=3)
    data = form_data(page, title="ข่าวตั้งเวลาโดยผู้เขียน", body="<p>x</p>", status="published",
                     published_at_0=future.strftime("%Y-%m-%d"), published_at_1="09:00")
    response = writer.post(reverse("admin:news_article_add"), data)
    assert response.status_code == 200 and response.context["adminform"].form.errors["status"]
    assert not Article.objects.filter(title="ข่าวตั้งเวลาโดยผู้เขียน").exists()


def test_a_writer_cannot_change_published_news_of_their_office(writer):
    """Seed 003 is public: a writer reads it in admin but a change is 403."""
    article = Article.objects.get(office__slug="peo-phetchabun", status="published")
    url = reverse("admin:news_article_change", args=[article.pk])
    page = writer.get(url)
    assert page.status_code == 200 and 'name="title"' not in page.content.decode()
    assert writer.post(url, {"title": "แก้ข่าวที่เผยแพร่แล้ว"}).status_code == 403
    article.refresh_from_db()
    assert article.title != "แก้ข่าวที่เผยแพร่แล้ว"


def test_every_publishing_door_is_closed_to_a_writer(writer, draft):
    article = Article.objects.get(office__slug="peo-phetchabun", status="published")
    assert actions(writer) == ["submit_for_review"]
    assert run_action(writer, "publish", draft).status_code == 403
    assert run_action(writer, "unpublish", article, reason="ไม่ควร").status_code == 403
    assert run_action(writer, "delete_selected", draft, post="yes").status_code == 403
    assert writer.post(reverse("admin:news_article_delete", args=[draft.pk]), {"post": "yes"}).status_code == 403
    assert writer.post(reverse("admin:news_article_unpublish", args=[article.pk]), {"reason": "x"}).status_code == 403
    draft.refresh_from_db()
    article.refresh_from_db()
    assert draft.status == "draft" and article.status == "published"
    assert not AuditEntry.objects.exists()


def test_a_publisher_publishes_and_schedules(publisher, draft):
    assert set(actions(publisher)) == {"submit_for_review", "publish", "unpublish", "delete_selected"}
    assert change(publisher, draft, status="published").status_code == 302
    draft.refresh_from_db()
    assert draft.is_published()
    other = make_article(title="ข่าวตั้งเวลา", status="draft", office=office("peo-phetchabun"))
    future = timezone.localtime() + datetime.timedelta(days=2)
    response = change(publisher, other, status="published",
                      published_at_0=future.strftime("%Y-%m-%d"), published_at_1=future.strftime("%H:%M"))
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.state == Article.State.SCHEDULED and not other.is_published()
    assert list(AuditEntry.objects.order_by("pk").values_list("action", "username")) == [
        ("published", "publisher-phet"), ("scheduled", "publisher-phet"),
    ]


def test_a_chief_editor_acts_for_the_offices_below(draft):
    """A publisher of สป.ศธ. publishes for ศธจ.เพชรบูรณ์; a writer there does not; สพฐ.'s publisher does not see it."""
    chief = login(make_editor("chief-ops", "ops"))
    assert run_action(chief, "publish", draft).status_code == 302
    draft.refresh_from_db()
    assert draft.is_published()
    second = make_article(title="ร่างที่สอง", status="draft", office=office("peo-phetchabun"))
    ops_writer = login(make_editor("writer-ops", "ops", role="writer"))
    assert run_action(ops_writer, "publish", second).status_code == 403
    obec = login(make_editor("publisher-obec", "obec"))
    assert obec.get(reverse("admin:news_article_change", args=[second.pk]), follow=True).context.get("original") is None
    run_action(obec, "publish", second)
    second.refresh_from_db()
    assert second.status == "draft"


def test_publishing_for_an_office_where_one_only_writes_is_a_form_error(draft):
    """Publisher of สพฐ., writer of ศธจ.เพชรบูรณ์: publishing the เพชรบูรณ์ draft is refused on the form and by the action."""
    user = make_editor("mixed", "obec")
    OfficeMembership.objects.create(user=user, office=office("peo-phetchabun"), role="writer")
    client = login(user)
    response = change(client, draft, status="published")
    assert response.status_code == 200
    assert "เฉพาะผู้เผยแพร่ของหน่วยงานนี้" in str(response.context["adminform"].form.errors["status"])
    assert run_action(client, "publish", draft).status_code == 403
    draft.refresh_from_db()
    assert draft.status == "draft"
    own = make_article(title="ร่างของ สพฐ.", status="draft")
    # Nor can a published article be moved to the office where they only write.
    assert change(client, own, status="published").status_code == 302
    assert change(client, own, office=str(office("peo-phetchabun").pk)).status_code == 200
    own.refresh_from_db()
    assert own.office.slug == "obec"


def test_a_public_article_is_taken_down_only_by_unpublish(publisher):
    article = make_article(title="ข่าวสาธารณะ", office=office("peo-phetchabun"))
    response = change(publisher, article, status="draft")
    assert response.status_code == 200 and "ยกเลิกการเผยแพร่" in str(response.context["adminform"].form.errors["status"])
    article.refresh_from_db()
    assert article.is_published()


def test_a_writer_may_delete_nothing_a_publisher_deletes_to_the_trash_with_an_audit_row(writer, publisher, draft):
    """Deleting moves the article to the trash (tests/test_trash.py): the row stays,
    linked from its DELETED audit row, until it is purged."""
    assert writer.post(reverse("admin:news_article_delete", args=[draft.pk]), {"post": "yes"}).status_code == 403
    assert publisher.post(reverse("admin:news_article_delete", args=[draft.pk]), {"post": "yes"}).status_code == 302
    assert not Article.objects.not_trashed().filter(pk=draft.pk).exists()
    assert Article.objects.trashed().get().pk == draft.pk
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.article_title, entry.office.slug, entry.article_id) == (
        "deleted", "ร่างข่าวเพชรบูรณ์", "peo-phetchabun", draft.pk,
    )


def test_writers_see_but_do_not_change_photos_of_published_news(writer):
    article = make_article(title="ข่าวมีภาพ", office=office("peo-phetchabun"))
    photo = make_photo(article, alt_text="ภาพ")
    user = get_user_model().objects.get(username="writer-phet")
    assert permissions.can_see(user, photo) and not permissions.can_change(user, photo)
    upload = writer.post(reverse("admin:news_article_upload_photo", args=[article.pk]), {})
    assert upload.status_code == 403 and Photo.objects.filter(article=article).count() == 1



def test_a_writer_reads_published_news_as_readers_see_it(writer):
    """The read-only page shows the body as formatted text, the B.E. publication time and
    the photos as pictures, not HTML source, a Gregorian year or file names."""
    published_at = timezone.make_aware(datetime.datetime(2023, 11, 9, 12, 0))
    article = make_article(
        title="ข่าวที่ผู้เขียนอ่านได้", office=office("peo-phetchabun"), published_at=published_at,
        body="<p>ที่ประชุม<strong>เห็นชอบ</strong></p>",
    )
    photo = make_photo(article, alt_text="ภาพการประชุม", is_cover=True)
    page = writer.get(reverse("admin:news_article_change", args=[article.pk]))
    html = page.content.decode()
    assert page.status_code == 200 and "<strong>เห็นชอบ</strong>" in html and "&lt;p&gt;" not in html
    assert "9 พฤศจิกายน 2566 12.00 น." in html and "2023" not in html
    assert 'alt="ภาพการประชุม"' in html and photo.image.name not in html


# Bulk actions ------------------------------------------------------------------------


def test_submit_then_publish_by_list_actions(writer, publisher, draft):
    assert run_action(writer, "submit_for_review", draft).status_code == 302
    draft.refresh_from_db()
    assert draft.status == "in_review"
    assert run_action(publisher, "publish", draft).status_code == 302
    draft.refresh_from_db()
    assert draft.is_published()
    assert list(AuditEntry.objects.order_by("pk").values_list("action", "username")) == [
        ("submitted", "writer-phet"), ("published", "publisher-phet"),
    ]


def test_the_publish_action_keeps_the_alt_text_rule(publisher, draft):
    make_photo(draft)  # no alt text
    response = run_action(publisher, "publish", draft)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "draft" and not AuditEntry.objects.exists()


def test_unpublish_action_asks_for_a_reason_first(publisher):
    article = make_article(title="ข่าวที่จะถอน", office=office("peo-phetchabun"))
    page = run_action(publisher, "unpublish", article)
    assert page.status_code == 200 and "ข่าวที่จะถอน" in page.content.decode()
    article.refresh_from_db()
    assert article.is_published()  # nothing happens before the reason
    empty = run_action(publisher, "unpublish", article, reason="  ")
    assert empty.status_code == 200 and empty.context["form"].errors
    done = run_action(publisher, "unpublish", article, reason="ข้อมูลผู้เข้าร่วมคลาดเคลื่อน")
    assert done.status_code == 302
    article.refresh_from_db()
    assert article.status == "withdrawn" and article.withdrawal_reason == "ข้อมูลผู้เข้าร่วมคลาดเคลื่อน"
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.note) == ("unpublished", "ข้อมูลผู้เข้าร่วมคลาดเคลื่อน")


# Dashboard and list counts -------------------------------------------------------------


def test_the_desk_lists_their_offices_unfinished_work_only(writer, django_assert_num_queries):
    mine = office("peo-phetchabun")
    make_article(title="ร่างของฉัน", status="draft", office=mine)
    make_article(title="รอตรวจของฉัน", status="in_review", office=mine)
    make_article(title="ตั้งเวลาของฉัน", office=mine, published_at=timezone.now() + datetime.timedelta(days=1))
    make_article(title="ร่างของ สพฐ.", status="draft")
    # Session, user, two for permissions, two for "publishes for some office"
    # (the page and the admin's menu), three lists: however many articles there are.
    with django_assert_num_queries(9):
        writer.get(reverse("admin:news_article_desk"))
    make_article(title="ร่างของฉันอีกข่าว", status="draft", office=mine)
    make_article(title="รอตรวจของฉันอีกข่าว", status="in_review", office=mine)
    with django_assert_num_queries(9):
        response = writer.get(reverse("admin:news_article_desk"))
    sections = {state: [a.title for a in articles] for state, _heading, articles in response.context["sections"]}
    assert sections == {
        "in_review": ["รอตรวจของฉันอีกข่าว", "รอตรวจของฉัน"],
        "scheduled": ["ตั้งเวลาของฉัน"],
        "draft": ["ร่างของฉันอีกข่าว", "ร่างของฉัน"],
    }
    assert "ร่างของ สพฐ." not in response.content.decode()


def test_the_list_filters_and_counts_by_state(publisher):
    mine = office("peo-phetchabun")
    make_article(title="ร่าง ก", status="draft", office=mine)
    make_article(title="ตั้งเวลา ก", office=mine, published_at=timezone.now() + datetime.timedelta(hours=5))
    make_article(title="ร่างของ สพฐ.", status="draft")
    url = reverse("admin:news_article_changelist")
    html = publisher.get(url).content.decode()
    assert "ฉบับร่าง (1)" in html and "ตั้งเวลาเผยแพร่ (1)" in html
    scheduled = publisher.get(url, {"state": "scheduled"}).context["cl"].result_list
    assert [a.title for a in scheduled] == ["ตั้งเวลา ก"]


def test_state_follows_the_time(draft):
    now = timezone.now()
    for published_at, state in [(now - datetime.timedelta(days=1), "published"), (now + datetime.timedelta(days=1), "scheduled")]:
        draft.status, draft.published_at = "published", published_at
        assert draft.state == state
    draft.status = "in_review"
    assert draft.state == "in_review"
