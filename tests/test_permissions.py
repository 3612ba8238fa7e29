"""An editor sees and touches only their offices' unpublished work, and only public
things of other offices (news.permissions), at every admin door.

Two editors: one of ศธจ.เพชรบูรณ์ (Phetchabun), one of สพฐ. (OBEC). OBEC has an
embargoed draft reporting a new meeting, with a new person, position and tag.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from news import permissions
from news.models import Article, Attendance, Event, Office, Person, Tag
from tests.admin_forms import form_data
from tests.factories import login, make_article, make_editor, make_event

pytestmark = pytest.mark.django_db

SECRET_PERSON = "ลับเฉพาะ ทดสอบสิทธิ์"
SECRET_POSITION = "ผู้อำนวยการโครงการลับสุดยอด"
SECRET_TAG = "นโยบายลับยังไม่แถลง"
SECRET_EVENT = "ประชุมลับก่อนแถลงข่าว"


@pytest.fixture
def embargo():
    """OBEC's draft about a meeting nobody may know of yet."""
    event = make_event(title=SECRET_EVENT, organiser=Office.objects.get(slug="obec"))
    person = Person.objects.create(honorific="นางสาว", name=SECRET_PERSON)
    Attendance.objects.create(event=event, person=person, role="chair", position=SECRET_POSITION)
    draft = make_article(title="ร่างข่าวประชุมลับ", status="draft", event=event)
    draft.tags.add(Tag.objects.create(name=SECRET_TAG))
    return draft



@pytest.fixture
def phetchabun():
    return login(make_editor("phetchabun", "peo-phetchabun"))


@pytest.fixture
def obec():
    return login(make_editor("obec-editor", "obec"))


def autocomplete(client, model_name, field_name, term=""):
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "news", "model_name": model_name, "field_name": field_name, "term": term},
    )
    return [row["text"] for row in response.json()["results"]]


def own_published_article():
    """Seed 003: published by ศธจ.เพชรบูรณ์, about a meeting organised by สป.ศธ."""
    return Article.objects.get(office__slug="peo-phetchabun", status="published")


def test_an_editor_cannot_make_another_offices_embargoed_event_public(phetchabun, embargo):
    article = own_published_article()
    url = reverse("admin:news_article_change", args=[article.pk])
    response = phetchabun.post(url, form_data(phetchabun.get(url), event=str(embargo.event_id)))
    assert response.status_code == 200  # the form again, with the reason
    assert "ลิงก์ได้เฉพาะกิจกรรมของหน่วยงานของท่าน" in response.content.decode()
    article.refresh_from_db()
    assert article.event_id != embargo.event_id
    reader = Client()
    assert reader.get(f"/events/{embargo.event_id}/").status_code == 404
    assert SECRET_EVENT not in reader.get("/feeds/events.rss").content.decode()
    assert SECRET_EVENT not in reader.get("/events.ics").content.decode()


def test_an_editor_still_links_a_public_event_of_another_office(phetchabun):
    article = make_article(title="ข่าวเพชรบูรณ์อีกข่าว", office=Office.objects.get(slug="peo-phetchabun"))
    public_event = Event.objects.get(organiser__slug="ops", start_date="2023-11-09")
    url = reverse("admin:news_article_change", args=[article.pk])
    response = phetchabun.post(url, form_data(phetchabun.get(url), event=str(public_event.pk)))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.event == public_event


def test_the_office_that_owns_the_embargoed_event_links_it(obec, embargo):
    article = make_article(title="ข่าวอื่นของ สพฐ.", status="draft")
    url = reverse("admin:news_article_change", args=[article.pk])
    assert obec.post(url, form_data(obec.get(url), event=str(embargo.event_id))).status_code == 302


@pytest.mark.parametrize(
    "model_name, field_name, secret",
    [("article", "event", SECRET_EVENT), ("article", "tags", SECRET_TAG), ("attendance", "person", SECRET_PERSON)],
)
def test_autocomplete_offers_no_other_offices_embargoed_rows(phetchabun, obec, embargo, model_name, field_name, secret):
    assert not any(secret in text for text in autocomplete(phetchabun, model_name, field_name, secret[:6]))
    assert any(secret in text for text in autocomplete(obec, model_name, field_name, secret[:6]))


def test_autocomplete_offers_public_rows_of_every_office(phetchabun):
    assert any("ขับเคลื่อนนโยบาย" in t for t in autocomplete(phetchabun, "article", "event", "ขับเคลื่อน"))
    assert autocomplete(phetchabun, "attendance", "person", "ธนุ") == ["ว่าที่ร้อยตรี ธนุ วงษ์จินดา"]


def test_event_admin_hides_another_offices_embargoed_event(phetchabun, obec, embargo):
    listing = phetchabun.get(reverse("admin:news_event_changelist")).content.decode()
    assert SECRET_EVENT not in listing
    assert "ขับเคลื่อนนโยบาย" in listing  # public events of other offices are listed
    change = phetchabun.get(reverse("admin:news_event_change", args=[embargo.event_id]), follow=True)
    html = change.content.decode()
    assert SECRET_PERSON not in html and SECRET_POSITION not in html and SECRET_EVENT not in html
    assert SECRET_POSITION in obec.get(reverse("admin:news_event_change", args=[embargo.event_id])).content.decode()


def test_a_public_event_of_another_office_is_shown_read_only(phetchabun):
    event = Event.objects.get(organiser__slug="ops", start_date="2023-11-09")
    url = reverse("admin:news_event_change", args=[event.pk])
    page = phetchabun.get(url)
    html = page.content.decode()
    assert "ว่าที่ร้อยตรี ธนุ วงษ์จินดา" in html
    assert 'name="attendances-0-position"' not in html and 'name="title"' not in html  # nothing to edit
    # The whole form as its owner would send it, with a new title: refused.
    owner = login(make_editor("ops-owner", "ops"))
    data = form_data(owner.get(url), title="แก้ชื่อโดยคนนอก")
    assert phetchabun.post(url, data).status_code == 403
    event.refresh_from_db()
    assert event.title != "แก้ชื่อโดยคนนอก"


def test_view_on_site_redirects_only_to_what_the_editor_may_see(phetchabun, obec, embargo):
    article_type = ContentType.objects.get_for_model(Article).pk
    url = reverse("admin:view_on_site", args=[article_type, embargo.pk])
    response = phetchabun.get(url)
    assert response.status_code == 404
    assert "ร่างข่าวประชุมลับ" not in response.get("Location", "") + response.content.decode()
    assert obec.get(url).status_code == 302
    assert phetchabun.get(reverse("admin:view_on_site", args=[article_type, "x%00"])).status_code == 404


def test_person_search_does_not_find_a_position_held_only_in_another_offices_draft(phetchabun, obec, embargo):
    # The secret person is also listed at a public meeting, without the secret position.
    public_event = Event.objects.get(organiser__slug="ops", start_date="2023-11-09")
    Attendance.objects.create(event=public_event, person=Person.objects.get(name=SECRET_PERSON), role="guest")
    changelist = reverse("admin:news_person_changelist")
    assert SECRET_PERSON in phetchabun.get(changelist).content.decode()  # public now
    assert SECRET_PERSON not in phetchabun.get(changelist, {"q": "โครงการลับสุดยอด"}).content.decode()
    assert SECRET_PERSON in obec.get(changelist, {"q": "โครงการลับสุดยอด"}).content.decode()
    # Public positions are still found.
    assert "ธนุ" in phetchabun.get(changelist, {"q": "รองเลขาธิการ"}).content.decode()


def test_people_and_tags_of_another_office_cannot_be_renamed(phetchabun, obec, embargo):
    person = Person.objects.get(name=SECRET_PERSON)
    person_url = reverse("admin:news_person_change", args=[person.pk])
    # Embargoed: the other office does not even find the person (redirect to the index).
    assert phetchabun.post(person_url, {"honorific": "นาย", "name": "เปลี่ยนโดยคนนอก"}).status_code == 302
    person.refresh_from_db()
    assert person.name == SECRET_PERSON
    # OBEC alone uses this person: OBEC may correct the name.
    assert obec.post(person_url, {"honorific": "นางสาว", "name": "ลับเฉพาะ แก้ตัวสะกด"}).status_code == 302
    person.refresh_from_db()
    assert person.name == "ลับเฉพาะ แก้ตัวสะกด"

    # A public person of another office's meeting (seed 003, สป.ศธ.): seen, not changeable.
    public_person = Person.objects.get(name="ธนุ วงษ์จินดา")
    url = reverse("admin:news_person_change", args=[public_person.pk])
    assert phetchabun.get(url).status_code == 200
    assert phetchabun.post(url, {"honorific": "นาย", "name": "ธนุ เปลี่ยนชื่อ"}).status_code == 403
    public_person.refresh_from_db()
    assert public_person.name == "ธนุ วงษ์จินดา"

    # A public tag used by another office: seen, not changeable.
    public_tag = Tag.objects.create(name="ป้ายข่าวที่เผยแพร่ของ สพฐ.")
    make_article(title="ข่าวที่เผยแพร่ของ สพฐ.").tags.add(public_tag)
    url = reverse("admin:news_tag_change", args=[public_tag.pk])
    assert phetchabun.get(url).status_code == 200
    assert phetchabun.post(url, {"name": "ป้ายใหม่"}).status_code == 403
    public_tag.refresh_from_db()
    assert public_tag.name != "ป้ายใหม่"
    assert Client().get(public_tag.get_absolute_url()).status_code == 200
    tag = Tag.objects.get(name=SECRET_TAG)
    assert phetchabun.post(reverse("admin:news_tag_change", args=[tag.pk]), {"name": "x"}).status_code == 302
    tag.refresh_from_db()
    assert tag.name == SECRET_TAG


def test_an_editor_renames_a_person_only_their_offices_events_list(phetchabun):
    own_event = make_event(title="ประชุมของเพชรบูรณ์", organiser=Office.objects.get(slug="peo-phetchabun"))
    person = Person.objects.create(honorific="นาย", name="สะกดผิด ทดสอบ")
    Attendance.objects.create(event=own_event, person=person, role="chair")
    response = phetchabun.post(reverse("admin:news_person_change", args=[person.pk]), {"honorific": "นาย", "name": "สะกดถูก ทดสอบ"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name == "สะกดถูก ทดสอบ"


def test_a_person_or_tag_shared_by_two_offices_is_changed_by_a_superuser_only(phetchabun, obec, admin_client):
    tag = Tag.objects.create(name="ป้ายที่ใช้ร่วมกัน")
    make_article(title="ของเพชรบูรณ์", office=Office.objects.get(slug="peo-phetchabun")).tags.add(tag)
    make_article(title="ของ สพฐ.").tags.add(tag)
    url = reverse("admin:news_tag_change", args=[tag.pk])
    assert phetchabun.post(url, {"name": "ชื่อใหม่"}).status_code == 403
    assert obec.post(url, {"name": "ชื่อใหม่"}).status_code == 403
    assert admin_client.post(url, {"name": "ชื่อใหม่"}).status_code == 302
    tag.refresh_from_db()
    assert tag.name == "ชื่อใหม่"


def test_an_editor_renames_a_tag_only_their_office_uses(phetchabun):
    tag = Tag.objects.create(name="ป้ายของเพชรบูรณ์")
    make_article(title="ของเพชรบูรณ์", office=Office.objects.get(slug="peo-phetchabun")).tags.add(tag)
    assert phetchabun.post(reverse("admin:news_tag_change", args=[tag.pk]), {"name": "ป้ายใหม่ของเพชรบูรณ์"}).status_code == 302
    tag.refresh_from_db()
    assert tag.name == "ป้ายใหม่ของเพชรบูรณ์"


def test_tag_counts_leave_out_other_offices_drafts(phetchabun, embargo):
    tag = Tag.objects.get(name=SECRET_TAG)
    make_article(title="ของเพชรบูรณ์", office=Office.objects.get(slug="peo-phetchabun"), status="draft").tags.add(tag)
    listed = phetchabun.get(reverse("admin:news_tag_changelist"), {"q": SECRET_TAG}).context["cl"].result_list
    assert [(tag.name, tag.num_articles) for tag in listed] == [(SECRET_TAG, 1)]


def test_tag_counts_leave_out_articles_in_the_trash(phetchabun, embargo):
    tag = Tag.objects.get(name=SECRET_TAG)
    make_article(title="ของเพชรบูรณ์ที่ยังอยู่", office=Office.objects.get(slug="peo-phetchabun")).tags.add(tag)
    trashed = make_article(title="ของเพชรบูรณ์ที่ทิ้งแล้ว", office=Office.objects.get(slug="peo-phetchabun"))
    trashed.tags.add(tag)
    trashed.trash(get_user_model().objects.get(username="phetchabun"))
    page = phetchabun.get(reverse("admin:news_tag_changelist"), {"q": SECRET_TAG})
    assert [(tag.name, tag.num_articles) for tag in page.context["cl"].result_list] == [(SECRET_TAG, 1)]


def test_an_editor_with_one_office_gets_it_prefilled(phetchabun):
    form = phetchabun.get(reverse("admin:news_article_add")).context["adminform"].form
    assert form.initial["office"] == Office.objects.get(slug="peo-phetchabun").pk
    event_form = phetchabun.get(reverse("admin:news_event_add")).context["adminform"].form
    assert event_form.initial["organiser"] == Office.objects.get(slug="peo-phetchabun").pk


def test_an_editor_of_two_offices_chooses(db):
    client = login(make_editor("two-offices", "peo-phetchabun", "obec"))
    form = client.get(reverse("admin:news_article_add")).context["adminform"].form
    assert "office" not in form.initial


def test_an_editor_deletes_their_offices_article_and_no_other(phetchabun, embargo):
    own = make_article(title="ร่างที่จะลบ", status="draft", office=Office.objects.get(slug="peo-phetchabun"))
    response = phetchabun.post(reverse("admin:news_article_delete", args=[own.pk]), {"post": "yes"})
    # Deleted means in the trash (tests/test_trash.py), out of every list.
    assert response.status_code == 302 and Article.objects.get(pk=own.pk).status == Article.Status.TRASHED
    phetchabun.post(reverse("admin:news_article_delete", args=[embargo.pk]), {"post": "yes"})
    assert Article.objects.get(pk=embargo.pk).status == "draft"


def test_offices_of_covers_the_offices_under_an_editors_office(db):
    user = make_editor("ops-editor", "ops")
    offices = set(permissions.offices_of(user).values_list("slug", flat=True))
    assert {"ops", "peo-phetchabun"} <= offices and "obec" not in offices


def test_another_offices_draft_history_and_delete_pages_stay_closed(phetchabun, embargo):
    for name in ["history", "delete", "change"]:
        response = phetchabun.get(reverse(f"admin:news_article_{name}", args=[embargo.pk]), follow=True)
        assert "ร่างข่าวประชุมลับ" not in response.content.decode()


def test_a_draft_keeps_showing_an_event_that_went_back_to_embargo_and_says_why_it_cannot_be_saved(phetchabun):
    """Its link is neither dropped silently nor saved: publishing the draft would make the event public again."""
    other = make_event(title="ประชุมที่ถอนข่าวแล้ว", organiser=Office.objects.get(slug="obec"))
    their_news = make_article(title="ข่าวของ สพฐ. ที่จะถอน", event=other)
    draft = make_article(title="ร่างของเพชรบูรณ์", status="draft", office=Office.objects.get(slug="peo-phetchabun"), event=other)
    Article.objects.filter(pk=their_news.pk).update(status="draft")  # OBEC withdraws its news
    url = reverse("admin:news_article_change", args=[draft.pk])
    page = phetchabun.get(url)
    assert "ประชุมที่ถอนข่าวแล้ว" in page.content.decode()  # still shown: the editor linked it
    response = phetchabun.post(url, form_data(page))
    assert response.status_code == 200
    assert "ลิงก์ได้เฉพาะกิจกรรมของหน่วยงานของท่าน" in response.content.decode()
    draft.refresh_from_db()
    assert draft.event == other
    assert phetchabun.post(url, form_data(page, event="")).status_code == 302


def test_lists_of_public_rows_do_not_filter_by_hidden_rows(phetchabun, embargo):
    """/admin/news/office/?articles=<id> would tell whether a hidden article exists, and its office."""
    phetchabun.raise_request_exception = False
    for query in [f"articles={embargo.pk}", f"events={embargo.event_id}", "attendances__position__contains=ลับ"]:
        response = phetchabun.get(reverse("admin:news_office_changelist") + "?" + query)
        assert response.status_code == 400, query


def test_editors_do_not_see_who_edits_for_other_offices(phetchabun, obec):
    html = phetchabun.get(reverse("admin:news_office_change", args=[Office.objects.get(slug="obec").pk])).content.decode()
    assert "obec-editor" not in html and "phetchabun" not in html.split("</header>")[-1]


def test_adding_a_person_who_exists_only_in_another_offices_draft_does_not_name_them(phetchabun, embargo):
    response = phetchabun.post(reverse("admin:news_person_add"), {"honorific": "", "name": SECRET_PERSON})
    html = response.content.decode()
    assert response.status_code == 200 and "มีบุคคลนี้อยู่แล้ว" in html
    assert "นางสาวลับเฉพาะ" not in html  # the stored honorific is not shown


def test_roles_decide_which_articles_are_changed_and_published(db):
    """Writers change their offices' drafts and news in review; publishers all of their
    offices' news, and of the offices under them (a chief editor's)."""
    phetchabun = Office.objects.get(slug="peo-phetchabun")
    draft = make_article(title="ร่าง", status="draft", office=phetchabun)
    review = make_article(title="รอตรวจ", status="in_review", office=phetchabun)
    public = make_article(title="เผยแพร่แล้ว", office=phetchabun)
    writer = make_editor("role-writer", "peo-phetchabun", role="writer")
    chief = make_editor("role-chief", "ops")
    mine = {draft.pk, review.pk, public.pk}
    assert mine <= set(permissions.visible(writer, Article).values_list("pk", flat=True))
    assert set(permissions.editable(writer, Article).filter(pk__in=mine).values_list("pk", flat=True)) == {draft.pk, review.pk}
    assert not permissions.publishable(writer).filter(pk__in=mine).exists()
    assert set(permissions.publishable(chief).filter(pk__in=mine).values_list("pk", flat=True)) == mine
    assert set(permissions.editable(chief, Article).filter(pk__in=mine).values_list("pk", flat=True)) == mine
    assert set(permissions.offices_of(writer, "publisher")) == set()
    assert phetchabun in permissions.offices_of(chief, "publisher")


def test_superusers_set_memberships_on_the_office_page(admin_client):
    office = Office.objects.get(slug="obec")
    url = reverse("admin:news_office_change", args=[office.pk])
    user = make_editor("new-member")
    data = form_data(admin_client.get(url), **{
        "memberships-0-user": str(user.pk), "memberships-0-role": "writer",
    })
    assert admin_client.post(url, data).status_code == 302
    assert list(user.office_memberships.values_list("office__slug", "role")) == [("obec", "writer")]
    user_page = admin_client.get(reverse("admin:auth_user_change", args=[user.pk])).content.decode()
    assert 'name="office_memberships-0-role"' in user_page
