"""Revisions of articles (news/revisions.py, news/revision_diff.py, news/admin_revisions.py):
every admin door keeps a version of the article with its photos, event and attendees;
editors of the office read the history and a diff, and restore a version."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from reversion.models import Revision

from news import caching, revisions
from news.models import Article, Attendance, AuditEntry, Event, Office, Person, Photo

from .admin_forms import form_data
from .factories import login, make_article, make_editor, make_event, make_photo
from .test_admin_photos import jpeg_file

pytestmark = pytest.mark.django_db

OFFICE = "peo-phetchabun"



@pytest.fixture
def publisher():
    return make_editor("rev-publisher", OFFICE)


@pytest.fixture
def editor(publisher):
    return login(publisher)


@pytest.fixture
def draft():
    office = Office.objects.get(slug=OFFICE)
    event = make_event(title="ประชุมครูแกนนำ", organiser=office)
    return make_article(
        title="ประชุมครูแกนนำเพชรบูรณ์", body="<p>ย่อหน้าแรกของข่าว</p><p>ย่อหน้าที่สอง</p>",
        status=Article.Status.DRAFT, office=office, event=event,
    )


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def history_url(article):
    return reverse("admin:news_article_revisions", args=[article.pk])


def revision_url(article, revision):
    return reverse("admin:news_article_revision", args=[article.pk, revision.pk])


def restore_url(article, revision):
    return reverse("admin:news_article_restore_revision", args=[article.pk, revision.pk])


def save_form(client, article, **changes):
    page = client.get(change_url(article))
    response = client.post(change_url(article), form_data(page, **changes))
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def save_event(client, event, **changes):
    url = reverse("admin:news_event_change", args=[event.pk])
    page = client.get(url)
    response = client.post(url, form_data(page, **changes))
    assert response.status_code == 302, response.content.decode()[:3000]


def photo_rows(html):
    """{photo id: inline row number} of the article form's photo rows."""
    return {int(pk): int(n) for n, pk in re.findall(r'name="photos-(\d+)-id" value="(\d+)"', html)}


def attendance_rows(html):
    return {int(pk): int(n) for n, pk in re.findall(r'name="attendances-(\d+)-id" value="(\d+)"', html)}


def build_first_version(client, article):
    """Three photos uploaded in bulk with captions, two attendees added on the event form."""
    for n in range(3):
        assert client.post(reverse("admin:news_article_upload_photo", args=[article.pk]),
                           {"image": jpeg_file(f"IMG_{n}.JPG", n * 60)}).status_code == 201
    page = client.get(change_url(article)).content.decode()
    rows = photo_rows(page)
    photos = list(article.photos.order_by("order"))
    changes = {}
    for index, photo in enumerate(photos):
        n = rows[photo.pk]
        changes |= {f"photos-{n}-caption": f"ภาพที่ {index + 1} ครูแกนนำ", f"photos-{n}-alt_text": f"ครูแกนนำกลุ่ม {index + 1}",
                    f"photos-{n}-order": str(index + 1)}
    save_form(client, article, **changes)
    chair = Person.objects.create(honorific="นาย", name="สมปอง ทดสอบรุ่น")
    guest = Person.objects.create(honorific="นาง", name="มาลี ทดสอบรุ่น")
    save_event(client, article.event, **{
        "attendances-0-person": str(chair.pk), "attendances-0-role": "chair", "attendances-0-position": "ศึกษาธิการจังหวัด",
        "attendances-0-order": "1",
        "attendances-1-person": str(guest.pk), "attendances-1-role": "guest", "attendances-1-position": "ผู้อำนวยการโรงเรียน",
        "attendances-1-order": "2",
    })
    return photos, chair, guest


def test_restore_brings_back_body_photo_order_and_attendees(editor, draft, django_capture_on_commit_callbacks):
    """The rule of the issue: a restore brings back body, title, photos order and
    captions, and the attendees (removed ones re-created, added ones deleted)."""
    photos, chair, guest = build_first_version(editor, draft)
    first = revisions.history(draft).first()
    assert first.comment == revisions.Door.EVENT and first.user.username == "rev-publisher"

    # Then: new words, photos reversed and one caption changed, the guest replaced.
    html = editor.get(change_url(draft)).content.decode()
    rows = photo_rows(html)
    save_form(editor, draft, title="ประชุมครูแกนนำเพชรบูรณ์ ครั้งที่ 2", body="<p>ย่อหน้าแรกที่แก้ใหม่</p><p>ย่อหน้าที่สอง</p>", **{
        f"photos-{rows[photos[0].pk]}-order": "3", f"photos-{rows[photos[2].pk]}-order": "1",
        f"photos-{rows[photos[1].pk]}-caption": "คำบรรยายใหม่",
    })
    newcomer = Person.objects.create(honorific="นางสาว", name="ใหม่ ทดสอบรุ่น")
    Event.objects.filter(pk=draft.event.pk).update(start_date="2024-01-11", end_date="2024-01-11", start_time="09:00")
    event_page = editor.get(reverse("admin:news_event_change", args=[draft.event.pk])).content.decode()
    guest_row = attendance_rows(event_page)[Attendance.objects.get(person=guest).pk]
    save_event(editor, draft.event, **{
        f"attendances-{guest_row}-DELETE": "on",
        "attendances-2-person": str(newcomer.pk), "attendances-2-role": "participant", "attendances-2-order": "3",
    })
    assert [p.pk for p in draft.photos.order_by("order")] == [photos[2].pk, photos[1].pk, photos[0].pk]

    page = editor.get(revision_url(draft, first)).content.decode()
    assert "10 มกราคม 2567</td><td>11 มกราคม 2567" in page and "<td>–</td><td>09.00 น.</td>" in page
    assert "ใหม่ ทดสอบรุ่น" in page and "มาลี ทดสอบรุ่น" in page  # attendees then and now
    draft.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(restore_url(draft, first), {"loaded_version": draft.version})
    assert response.status_code == 302 and response["Location"] == change_url(draft)

    draft.refresh_from_db()
    assert draft.title == "ประชุมครูแกนนำเพชรบูรณ์"
    assert draft.body == "<p>ย่อหน้าแรกของข่าว</p><p>ย่อหน้าที่สอง</p>"
    assert [(p.pk, p.caption) for p in draft.photos.order_by("order")] == [
        (photos[0].pk, "ภาพที่ 1 ครูแกนนำ"), (photos[1].pk, "ภาพที่ 2 ครูแกนนำ"), (photos[2].pk, "ภาพที่ 3 ครูแกนนำ"),
    ]
    attendees = list(Attendance.objects.filter(event=draft.event).order_by("order"))
    assert [(a.person_id, a.role, a.position) for a in attendees] == [
        (chair.pk, "chair", "ศึกษาธิการจังหวัด"), (guest.pk, "guest", "ผู้อำนวยการโรงเรียน"),
    ]
    draft.event.refresh_from_db()
    assert (draft.event.start_date.isoformat(), draft.event.start_time) == ("2024-01-10", None)
    assert draft.status == Article.Status.DRAFT
    # Recorded: a new version saying so, and the audit log.
    assert revisions.history(draft).first().comment == revisions.Door.RESTORE
    entry = AuditEntry.objects.filter(article=draft).first()
    assert entry.action == AuditEntry.Action.REVERTED and entry.username == "rev-publisher"


def test_a_photo_whose_file_was_deleted_is_not_recreated_and_the_editor_is_told(editor, draft, django_capture_on_commit_callbacks):
    photos, _chair, _guest = build_first_version(editor, draft)
    first = revisions.history(draft).first()
    rows = photo_rows(editor.get(change_url(draft)).content.decode())
    with django_capture_on_commit_callbacks(execute=True):  # the deleted photo's files go once it commits
        save_form(editor, draft, **{f"photos-{rows[photos[1].pk]}-DELETE": "on"})
    assert not Photo._meta.get_field("image").storage.exists(photos[1].image.name)

    page = editor.get(revision_url(draft, first)).content.decode()
    assert "ภาพ 2 (ภาพที่ 2 ครูแกนนำ)" in page  # warned before restoring
    draft.refresh_from_db()
    response = editor.post(restore_url(draft, first), {"loaded_version": draft.version}, follow=True)
    text = response.content.decode()
    assert "ถูกลบไปพร้อมไฟล์แล้ว" in text and "ภาพ 2 (ภาพที่ 2 ครูแกนนำ)" in text
    assert [p.pk for p in draft.photos.order_by("order")] == [photos[0].pk, photos[2].pk]
    assert not Photo.objects.filter(pk=photos[1].pk).exists()


def test_a_deleted_photo_whose_files_are_still_there_comes_back(editor, draft):
    photos, _chair, _guest = build_first_version(editor, draft)
    first = revisions.history(draft).first()
    rows = photo_rows(editor.get(change_url(draft)).content.decode())
    save_form(editor, draft, **{f"photos-{rows[photos[1].pk]}-DELETE": "on"})  # files not deleted: no commit here
    draft.refresh_from_db()
    assert editor.post(restore_url(draft, first), {"loaded_version": draft.version}).status_code == 302
    back = Photo.objects.get(pk=photos[1].pk)
    assert (back.image.name, back.caption, back.order) == (photos[1].image.name, "ภาพที่ 2 ครูแกนนำ", 2)


def test_the_diff_page_marks_the_changed_words(editor, draft):
    save_form(editor, draft)
    first = revisions.history(draft).first()
    save_form(editor, draft, body="<p>ย่อหน้าแรกของข่าวที่ผ่านการตรวจแล้ว</p><p>ย่อหน้าที่สอง</p><p>ย่อหน้าใหม่</p>",
              summary="สรุปข่าวสั้น")
    response = editor.get(revision_url(draft, first))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<ins>ที่ผ่าน" in html and "ย่อหน้าใหม่</ins>" in html  # whole Thai words, not letters
    assert '<p class="same">ย่อหน้าที่สอง</p>' in html
    assert "<ins>สรุปข่าวสั้น</ins>" in html
    assert "นำฉบับนี้กลับมา" in html


def test_the_history_lists_who_when_and_what(editor, draft):
    save_form(editor, draft)
    save_form(editor, draft, title="หัวข้อที่แก้แล้ว")
    html = editor.get(history_url(draft)).content.decode()
    assert "rev-publisher" in html and "แก้ไขในแบบฟอร์มข่าว" in html
    assert "ชื่อเรื่อง</td>" in html
    year = revisions.history(draft).first().date_created.year + 543
    assert f"{year} " in html  # B.E. dates
    # On a phone the headings are hidden: each cell names its column.
    first_row = re.search(r"<tbody>\s*<tr>(.*?)</tr>", html, re.S).group(1)
    assert re.findall(r'<td data-label="([^"]+)"', first_row) == ["วันเวลา", "ผู้บันทึก", "ช่องทาง", "สิ่งที่เปลี่ยน"]


def test_a_save_that_changes_nothing_keeps_no_new_version(editor, draft):
    save_form(editor, draft)
    save_form(editor, draft)
    assert revisions.history(draft).count() == 2  # "as it was before" and the first save


def test_bulk_uploads_together_are_one_version(editor, draft):
    save_form(editor, draft)
    for n in range(4):
        editor.post(reverse("admin:news_article_upload_photo", args=[draft.pk]), {"image": jpeg_file(f"{n}.jpg", n)})
    newest = revisions.history(draft).first()
    assert newest.comment == revisions.Door.UPLOAD
    assert list(revisions.history(draft).values_list("comment", flat=True)) == ["upload", "form", "before"]
    assert newest.version_set.filter(content_type__model="photo").count() == 4


def test_the_history_page_costs_the_same_queries_however_many_versions(editor, draft, django_assert_num_queries):
    save_form(editor, draft)
    with django_assert_num_queries(10):
        assert editor.get(history_url(draft)).status_code == 200
    for n in range(30):
        Article.objects.filter(pk=draft.pk).update(title=f"หัวข้อ {n}")
        revisions.snapshot(draft.pk, None, revisions.Door.FORM)
    assert revisions.history(draft).count() == 32
    with django_assert_num_queries(10):
        response = editor.get(history_url(draft))
    assert response.content.decode().count('href="/admin/news/article/%d/revisions/' % draft.pk) >= 20
    with django_assert_num_queries(10):
        assert editor.get(history_url(draft) + "?page=2").status_code == 200


def test_a_writer_cannot_restore_published_news_but_reads_its_history(draft, publisher):
    editor = login(publisher)
    save_form(editor, draft)
    first = revisions.history(draft).first()
    draft.publish(publisher)
    writer = login(make_editor("rev-writer", OFFICE, role="writer"))
    assert writer.get(history_url(draft)).status_code == 200
    page = writer.get(revision_url(draft, first))
    assert page.status_code == 200 and "นำฉบับนี้กลับมา" not in page.content.decode()
    draft.refresh_from_db()
    before = (draft.title, draft.version)
    assert writer.post(restore_url(draft, first), {"loaded_version": draft.version}).status_code == 403
    draft.refresh_from_db()
    assert (draft.title, draft.version) == before


def test_a_writer_restores_a_draft(draft):
    writer_user = make_editor("rev-writer2", OFFICE, role="writer")
    writer = login(writer_user)
    save_form(writer, draft)
    first = revisions.history(draft).first()
    save_form(writer, draft, title="ร่างที่สอง")
    draft.refresh_from_db()
    assert writer.post(restore_url(draft, first), {"loaded_version": draft.version}).status_code == 302
    draft.refresh_from_db()
    assert draft.title == "ประชุมครูแกนนำเพชรบูรณ์"


def test_another_offices_editor_gets_404_everywhere(editor, draft):
    save_form(editor, draft)
    first = revisions.history(draft).first()
    stranger = login(make_editor("rev-stranger", "obec"))
    assert stranger.get(history_url(draft)).status_code == 404
    assert stranger.get(revision_url(draft, first)).status_code == 404
    draft.refresh_from_db()
    assert stranger.post(restore_url(draft, first), {"loaded_version": draft.version}).status_code == 404
    # Nor through an article of their own: a revision belongs to one article.
    own = make_article(title="ข่าวของ สพฐ.", status=Article.Status.DRAFT, office=Office.objects.get(slug="obec"))
    assert stranger.get(revision_url(own, first)).status_code == 404
    assert stranger.post(restore_url(own, first), {"loaded_version": own.version}).status_code == 404


def test_revisions_of_other_models_are_not_reachable(editor, draft):
    """Only articles have revision pages; an event's versions live inside its articles'."""
    build_first_version(editor, draft)
    event_revision = Revision.objects.filter(version__content_type__model="event").first()
    assert editor.get(f"/admin/news/event/{draft.event.pk}/revisions/").status_code in (302, 404)
    assert editor.get(f"/admin/reversion/revision/{event_revision.pk}/change/").status_code == 404


def test_a_restore_from_a_stale_page_is_refused_and_changes_nothing(editor, draft):
    save_form(editor, draft)
    first = revisions.history(draft).first()
    draft.refresh_from_db()
    opened_on = draft.version
    save_form(editor, draft, title="บันทึกโดยอีกคน")
    response = editor.post(restore_url(draft, first), {"loaded_version": opened_on})
    assert response.status_code == 409 and "มีผู้บันทึกข่าวนี้หลังจากที่ท่านเปิดหน้านี้" in response.content.decode()
    draft.refresh_from_db()
    assert draft.title == "บันทึกโดยอีกคน"
    assert not AuditEntry.objects.filter(article=draft, action=AuditEntry.Action.REVERTED).exists()


def test_restoring_the_version_the_news_is_now_changes_and_records_nothing(editor, draft):
    photos, _chair, _guest = build_first_version(editor, draft)
    latest = revisions.history(draft).first()
    draft.refresh_from_db()
    version, revisions_before = draft.version, Revision.objects.count()
    response = editor.post(restore_url(draft, latest), {"loaded_version": draft.version}, follow=True)
    assert "ฉบับนี้เหมือนกับข่าวในขณะนี้ จึงไม่มีสิ่งใดเปลี่ยนแปลง" in response.content.decode()
    draft.refresh_from_db()
    assert draft.version == version and Revision.objects.count() == revisions_before
    assert not AuditEntry.objects.filter(article=draft, action=AuditEntry.Action.REVERTED).exists()
    assert list(draft.photos.order_by("order").values_list("pk", flat=True)) == [photo.pk for photo in photos]
    # One change since, and the same version is a restore again.
    save_form(editor, draft, title="ชื่อที่แก้ภายหลัง")
    draft.refresh_from_db()
    assert editor.post(restore_url(draft, latest), {"loaded_version": draft.version}).status_code == 302
    draft.refresh_from_db()
    assert draft.title == "ประชุมครูแกนนำเพชรบูรณ์"
    assert AuditEntry.objects.filter(article=draft, action=AuditEntry.Action.REVERTED).count() == 1


def test_an_edit_form_opened_before_a_restore_is_refused(editor, draft):
    save_form(editor, draft)
    first = revisions.history(draft).first()
    save_form(editor, draft, title="ฉบับที่สอง")
    stale_form = editor.get(change_url(draft))
    draft.refresh_from_db()
    assert editor.post(restore_url(draft, first), {"loaded_version": draft.version}).status_code == 302
    response = editor.post(change_url(draft), form_data(stale_form, title="ทับของที่คืนมา"))
    assert response.status_code == 200 and "มีผู้บันทึกข่าวนี้หลังจากที่ท่านเปิดแบบฟอร์ม" in response.content.decode()
    draft.refresh_from_db()
    assert draft.title == "ประชุมครูแกนนำเพชรบูรณ์"


def test_restore_never_changes_status_or_publication_time_and_starts_a_new_cache_generation(
    editor, draft, publisher, django_capture_on_commit_callbacks,
):
    save_form(editor, draft)
    first = revisions.history(draft).first()
    with revisions.recording(publisher, revisions.Door.ACTION):
        draft.publish(publisher)
    save_form(editor, draft, title="ข่าวที่เผยแพร่แล้ว แก้หัวข้อ")
    draft.refresh_from_db()
    published_at = draft.published_at
    cache.set(caching.GENERATION_KEY, "before-restore", None)
    with django_capture_on_commit_callbacks(execute=True):
        assert editor.post(restore_url(draft, first), {"loaded_version": draft.version}).status_code == 302
    draft.refresh_from_db()
    assert draft.title == "ประชุมครูแกนนำเพชรบูรณ์"
    assert (draft.status, draft.published_at) == (Article.Status.PUBLISHED, published_at)
    assert cache.get(caching.GENERATION_KEY) != "before-restore"


def test_restoring_photos_without_alt_text_into_published_news_is_refused(editor, draft, publisher):
    make_photo(draft, order=1)  # a draft may have a photo without alt text
    save_form(editor, draft)
    first = revisions.history(draft).first()
    Photo.objects.filter(article=draft).update(alt_text="ภาพครู")
    with revisions.recording(publisher, revisions.Door.ACTION):
        draft.publish(publisher)
    draft.refresh_from_db()
    response = editor.post(restore_url(draft, first), {"loaded_version": draft.version})
    assert response.status_code == 409 and "ข้อความแทนภาพ" in response.content.decode()
    assert draft.photos.get().alt_text == "ภาพครู"


def test_workflow_actions_and_the_cover_button_keep_versions(editor, draft):
    photo = make_photo(draft, order=1, alt_text="ภาพ")
    make_photo(draft, order=2, alt_text="ภาพสอง")
    response = editor.post(reverse("admin:news_article_cover_photo", args=[draft.pk, photo.pk]))
    assert response.status_code == 200
    assert revisions.history(draft).first().comment == revisions.Door.COVER
    editor.post(reverse("admin:news_article_changelist"), {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    newest = revisions.history(draft).first()
    assert newest.comment == revisions.Door.ACTION
    assert '"status": "published"' in newest.version_set.get(content_type__model="article").serialized_data


def test_nothing_is_kept_on_public_page_views(client, draft, publisher, settings):
    with revisions.recording(publisher, revisions.Door.ACTION):
        draft.publish(publisher)
    count = Revision.objects.count()
    for _ in range(3):
        assert client.get(draft.get_absolute_url()).status_code == 200
    from news import reads

    reads.flush()  # the read counter's UPDATE
    assert Revision.objects.count() == count


def test_the_change_page_links_to_the_versions(editor, draft):
    html = editor.get(change_url(draft)).content.decode()
    assert f'href="{history_url(draft)}"' in html and "ฉบับแก้ไข" in html


def test_an_event_of_another_office_keeps_its_details_on_restore(editor, publisher):
    """Linking a public event of another office: restoring brings the link back, but
    never rewrites that office's event."""
    other = make_event(title="งานของ สพฐ.", organiser=Office.objects.get(slug="obec"))
    make_article(title="ข่าวของ สพฐ.", event=other, office=other.organiser)  # makes it public
    article = make_article(title="ข่าวเพชรบูรณ์อ้างงาน สพฐ.", status=Article.Status.DRAFT,
                           office=Office.objects.get(slug=OFFICE), event=other)
    save_form(editor, article)
    first = revisions.history(article).first()
    Event.objects.filter(pk=other.pk).update(title="งานของ สพฐ. (แก้โดย สพฐ.)")
    save_form(editor, article, event="")
    page = editor.get(revision_url(article, first)).content.decode()
    assert "กิจกรรมเป็นของหน่วยงานอื่น" in page
    article.refresh_from_db()
    assert editor.post(restore_url(article, first), {"loaded_version": article.version}).status_code == 302
    article.refresh_from_db()
    other.refresh_from_db()
    assert article.event_id == other.pk and other.title == "งานของ สพฐ. (แก้โดย สพฐ.)"


def test_the_press_release_import_keeps_a_version_with_the_attendees(admin_client):
    from .test_admin_import import IMPORT_URL, RELEASE, review_form

    fields = review_form(admin_client.post(IMPORT_URL, {"text": RELEASE}))
    response = admin_client.post(IMPORT_URL, fields)
    article = Article.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-2]))
    revision = revisions.history(article).get()
    assert revision.comment == revisions.Door.IMPORT and revision.user.username == "admin"
    kept = revisions.Snapshot.of_revision(revision, article.pk)
    assert len(kept.attendances) == article.event.attendances.count() >= 2


def test_deleterevisions_keeps_the_history_bounded(editor, draft):
    from django.core.management import call_command
    from reversion.models import Version

    for n in range(4):
        save_form(editor, draft, title=f"หัวข้อฉบับ {n}")
    assert revisions.history(draft).count() == 5
    call_command("deleterevisions", "news.article", keep=2, verbosity=0)
    assert list(revisions.history(draft).values_list("comment", flat=True)) == ["form", "form"]
    assert not Version.objects.filter(revision__date_created__lt=revisions.history(draft).last().date_created,
                                      object_id=str(draft.pk), content_type__model="article").exists()


def test_forget_deletes_an_articles_versions_only(editor, draft):
    """For the trash's purge: an article purged for good leaves no versions behind."""
    save_form(editor, draft, title="ฉบับหนึ่ง")
    other = make_article(title="ข่าวอื่น", status=Article.Status.DRAFT, office=draft.office)
    save_form(editor, other, title="ข่าวอื่น แก้แล้ว")
    revisions.forget(draft)
    assert not revisions.history(draft).exists()
    assert revisions.history(other).count() == 2


def test_odd_requests_get_a_clear_answer_not_a_500(editor, draft):
    save_form(editor, draft)
    first = revisions.history(draft).first()
    assert editor.get(restore_url(draft, first)).status_code == 405  # restoring is a POST
    assert editor.get(history_url(draft) + "?page=abc").status_code == 200
    assert editor.get(history_url(draft) + "?page=99999999999999999999").status_code == 200
    for missing in (99999999, 99999999999999999999):  # past any integer column too
        assert editor.get(reverse("admin:news_article_revision", args=[draft.pk, missing])).status_code == 404
    draft.refresh_from_db()
    response = editor.post(restore_url(draft, first), {"loaded_version": "not a number"})
    assert response.status_code == 409


@pytest.mark.parametrize("door", ["delete page", "delete action"])
def test_deleting_an_event_leaves_a_version_of_its_news_without_it(editor, draft, door, admin_client):
    """Only a superuser deletes events (editors have no such permission)."""
    save_form(editor, draft)
    event = draft.event
    if door == "delete page":
        response = admin_client.post(reverse("admin:news_event_delete", args=[event.pk]), {"post": "yes"})
    else:
        response = admin_client.post(reverse("admin:news_event_changelist"),
                                     {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"})
    assert response.status_code == 302 and not Event.objects.filter(pk=event.pk).exists()
    newest = revisions.history(draft).first()
    assert newest.comment == revisions.Door.EVENT and newest.user.username == "admin"
    assert revisions.Snapshot.of_revision(newest, draft.pk).article["event"] is None
    before = revisions.history(draft)[1]  # the version before still holds the event
    assert revisions.Snapshot.of_revision(before, draft.pk).article["event"] == event.pk
    assert "แก้ไขกิจกรรมหรือผู้เข้าร่วม" in editor.get(history_url(draft)).content.decode()
