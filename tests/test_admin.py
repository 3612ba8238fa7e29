import io

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from news.models import Article, Attendance, AuditEntry, Event, Office, Person, Photo
from tests.factories import make_article

pytestmark = pytest.mark.django_db

NEWS_MODELS = [m for m in admin.site._registry if m._meta.app_label == "news"]


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("editor-admin", "a@example.invalid", "pw-for-tests-123")
    client.force_login(user)
    return client


def jpeg_upload(name="photo.jpg", size=(64, 48)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


@pytest.mark.parametrize("model", NEWS_MODELS, ids=lambda m: m.__name__)
def test_changelist_add_and_change_pages_render_in_thai(admin_client, model):
    meta = model._meta
    changelist = admin_client.get(reverse(f"admin:news_{meta.model_name}_changelist"))
    assert changelist.status_code == 200
    assert 'lang="th"' in changelist.content.decode()
    # The audit log is written by the workflow only: nobody adds to it.
    added = 403 if model is AuditEntry else 200
    assert admin_client.get(reverse(f"admin:news_{meta.model_name}_add")).status_code == added
    if model is AuditEntry:
        make_article(title="ข่าวในบันทึก", status="draft").submit(get_user_model().objects.get(username="editor-admin"))
    obj = model.objects.first()
    change = admin_client.get(reverse(f"admin:news_{meta.model_name}_change", args=[obj.pk]))
    assert change.status_code == 200


def test_admin_index_is_thai(admin_client):
    response = admin_client.get(reverse("admin:index"))
    assert "ออกจากระบบ" in response.content.decode()  # Django's own Thai "Log out"


def test_adding_a_person_twice_in_another_spelling_is_refused(admin_client):
    Person.objects.create(honorific="นาย", name="อำนาจ ทดสอบซ้ำ")
    response = admin_client.post(reverse("admin:news_person_add"), {"honorific": "นาย", "name": "อ\u0e4d\u0e32นาจ ทดสอบซ้ำ"})
    assert response.status_code == 200 and "มีบุคคลนี้อยู่แล้ว" in response.content.decode()
    assert Person.objects.filter(name_key="อำนาจ ทดสอบซ้ำ").count() == 1


def test_person_search_finds_either_spelling_of_sara_am(admin_client):
    """Searching "อำนวยการ" finds a position typed as "อํานวยการ" (U+0E4D U+0E32), and back."""
    url = reverse("admin:news_person_changelist")
    response = admin_client.get(url, {"q": "ผู้อำนวยการสำนักอำนวยการ"})
    assert "ศุภสิน ภูศรีโสม" in response.content.decode()
    person = Person.objects.create(honorific="นาย", name="ทดสอบ ค้นหา")
    Attendance.objects.create(event=Event.objects.first(), person=person, position="ผู้อ\u0e4d\u0e32นวยการโรงเรียน")
    response = admin_client.get(url, {"q": "ผู้อำนวยการโรงเรียน"})
    assert "ทดสอบ ค้นหา" in response.content.decode()


def test_article_search_uses_spelling_variants(admin_client):
    response = admin_client.get(reverse("admin:news_article_changelist"), {"q": "การขับเคลื่อนงานอำนวยการ"})
    body = response.content.decode()
    assert "ของผู้อํานวยการกลุ่มอํานวยการ" in body  # seed 000 is spelled with ํา


def test_event_with_attendance_inline_saves(admin_client):
    person = Person.objects.get(name="ธีร์ ภวังคนันท์")
    organiser = Office.objects.get(slug="obec")
    data = {
        "title": "ประชุมทดสอบผ่านหน้าผู้ดูแล",
        "kind": "meeting",
        "organiser": organiser.pk,
        "start_date": "2024-03-01",
        "end_date": "2024-03-02",
        "start_time": "09:30",
        "venue": "ห้องประชุม 1",
        "mode": "hybrid",
        "online_platform": "Zoom",
        "participant_count": "120",
        "attending_groups": "ผอ.กลุ่มอำนวยการ\nผู้ที่มีส่วนเกี่ยวข้อง",
        **inline_management("attendances", 1),
        "attendances-0-order": "1",
        "attendances-0-person": person.pk,
        "attendances-0-role": "chair",
        "attendances-0-position": "รองเลขาธิการ กพฐ.",
        "attendances-0-office": organiser.pk,
    }
    response = admin_client.post(reverse("admin:news_event_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = Event.objects.get(title="ประชุมทดสอบผ่านหน้าผู้ดูแล")
    assert event.fiscal_year == 2567
    attendance = event.attendances.get()
    assert (attendance.person, attendance.role, attendance.position) == (person, "chair", "รองเลขาธิการ กพฐ.")


def inline_management(prefix, total):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}


def article_form(title, photos=(), **fields):
    """The POST an editor's browser sends from the article add page."""
    data = {
        "title": title,
        "body": "<p>x</p>",
        "office": Office.objects.get(slug="obec").pk,
        "status": "draft",
        "published_at_0": "2024-03-01",
        "published_at_1": "10:00:00",
        **inline_management("photos", len(photos)),
        **fields,
    }
    for index, photo in enumerate(photos):
        data.update({f"photos-{index}-{key}": value for key, value in photo.items()})
    return data


def test_editor_posts_an_article_with_photos(admin_client):
    data = article_form(
        "ข่าวจากหน้าผู้ดูแล",
        photos=[
            {"order": "1", "image": jpeg_upload("one.jpg"), "caption": "ประธานกล่าวเปิด", "alt_text": "ประธานยืนกล่าวที่โพเดียม"},
            {"order": "2", "image": jpeg_upload("two.jpg"), "alt_text": "ผู้เข้าร่วมนั่งฟังการบรรยาย"},
        ],
        body="<p>เนื้อข่าว</p><script>alert(1)</script>",
        event=Event.objects.first().pk,
        writer="ผู้สรุป",
        photographer="ช่างภาพ",
        status="published",
    )
    response = admin_client.post(reverse("admin:news_article_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get(title="ข่าวจากหน้าผู้ดูแล")
    assert "<script" not in article.body
    assert article.photos.count() == 2
    first = article.photos.order_by("order").first()
    assert (first.width, first.height) == (64, 48)
    assert (first.caption, first.alt_text) == ("ประธานกล่าวเปิด", "ประธานยืนกล่าวที่โพเดียม")
    assert article.is_published()


def test_a_file_that_is_not_an_image_is_refused_and_nothing_is_saved(admin_client):
    not_an_image = SimpleUploadedFile("virus.jpg", b"MZ not a picture", content_type="image/jpeg")
    photos_before = Photo.objects.count()
    response = admin_client.post(
        reverse("admin:news_article_add"),
        article_form("ข่าวที่แนบไฟล์ผิด", photos=[{"order": "1", "image": not_an_image}]),
    )
    assert response.status_code == 200  # the form again, with the error
    assert "errorlist" in response.content.decode()
    assert not Article.objects.filter(title="ข่าวที่แนบไฟล์ผิด").exists()
    assert Photo.objects.count() == photos_before


def test_too_large_photo_is_refused_with_a_message(admin_client, settings):
    settings.MAX_PHOTO_BYTES = 100
    response = admin_client.post(
        reverse("admin:news_article_add"),
        article_form("ข่าวภาพใหญ่", photos=[{"order": "1", "image": jpeg_upload("big.jpg", size=(400, 300))}]),
    )
    assert response.status_code == 200
    assert "ไฟล์ภาพใหญ่เกินไป" in response.content.decode()
    assert not Article.objects.filter(title="ข่าวภาพใหญ่").exists()


def event_form(title, **fields):
    """The POST of the event add page, with no attendee rows."""
    return {
        "title": title, "kind": "meeting", "organiser": Office.objects.get(slug="obec").pk, "mode": "onsite",
        **inline_management("attendances", 0), **fields,
    }


def test_admin_accepts_a_buddhist_era_date_as_typed(admin_client):
    data = event_form("ประชุมที่กรอกปี พ.ศ.", start_date="26/05/2566", end_date="28/05/2566")
    response = admin_client.post(reverse("admin:news_event_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = Event.objects.get(title="ประชุมที่กรอกปี พ.ศ.")
    assert (event.start_date.isoformat(), event.end_date.isoformat(), event.fiscal_year) == ("2023-05-26", "2023-05-28", 2566)


def test_category_slug_is_made_from_the_thai_name(admin_client):
    response = admin_client.post(reverse("admin:news_category_add"), {"name": "ข่าวประชุมเชิงปฏิบัติการ", "slug": ""})
    assert response.status_code == 302
    from news.models import Category

    assert Category.objects.get(name="ข่าวประชุมเชิงปฏิบัติการ").slug == "ข่าวประชุมเชิงปฏิบัติการ"


def test_a_tag_spelled_like_an_existing_one_gets_a_message_not_a_500(admin_client):
    response = admin_client.post(reverse("admin:news_tag_add"), {"name": "#เรียนดีมีความสุข"})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


def test_admin_date_fields_take_the_leap_day_of_a_buddhist_era_year(admin_client):
    data = event_form("ประชุมวันที่ 29 กุมภาพันธ์", start_date="29/02/2567")
    assert admin_client.post(reverse("admin:news_event_add"), data).status_code == 302
    assert Event.objects.get(title="ประชุมวันที่ 29 กุมภาพันธ์").start_date.isoformat() == "2024-02-29"
    data.update(title="ประชุมวันที่ไม่มีจริง", start_date="29/02/2568")
    response = admin_client.post(reverse("admin:news_event_add"), data)
    assert response.status_code == 200 and "กรอกวันที่ให้ถูกต้อง" in response.content.decode()
    assert not Event.objects.filter(title="ประชุมวันที่ไม่มีจริง").exists()


def test_thai_category_slug_saves_again_unchanged(admin_client):
    """Django's unicode-slug validator refuses Thai vowel marks; ours accepts them."""
    from news.models import Category

    category = Category.objects.get(name="ข่าวประชาสัมพันธ์")
    url = reverse("admin:news_category_change", args=[category.pk])
    response = admin_client.post(url, {"name": category.name, "slug": category.slug})
    assert response.status_code == 302, response.content.decode()[:2000]
    response = admin_client.post(url, {"name": category.name, "slug": "มี ช่องว่าง/และทับ"})
    assert response.status_code == 200 and "ใช้ได้เฉพาะตัวอักษร" in response.content.decode()


def test_admin_lists_show_buddhist_era_dates(admin_client):
    html = admin_client.get(reverse("admin:news_article_changelist")).content.decode()
    assert "9 พฤศจิกายน 2566 12.00 น." in html
    html = admin_client.get(reverse("admin:news_event_changelist")).content.decode()
    assert "25–28 พฤษภาคม 2566" in html


def test_admin_takes_thai_times_and_buddhist_era_leap_days(admin_client):
    data = article_form("ข่าววันที่ 29 กุมภาพันธ์", published_at_0="29/2/2567", published_at_1="9.30 น.")
    response = admin_client.post(reverse("admin:news_article_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    published = timezone.localtime(Article.objects.get(title="ข่าววันที่ 29 กุมภาพันธ์").published_at)
    assert (published.date().isoformat(), published.strftime("%H:%M")) == ("2024-02-29", "09:30")
    bad = admin_client.post(reverse("admin:news_article_add"), article_form("ข่าวเวลาผิด", published_at_1="25.99"))
    assert bad.status_code == 200 and "กรอกเวลา" in bad.content.decode()


def test_a_person_typed_with_the_honorific_in_the_name_is_caught(admin_client):
    response = admin_client.post(reverse("admin:news_person_add"), {"honorific": "", "name": "นายธีร์ ภวังคนันท์"})
    assert response.status_code == 200 and "มีบุคคลนี้อยู่แล้ว" in response.content.decode()


def test_event_picker_shows_dates_to_tell_meetings_apart(admin_client):
    found = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "news", "model_name": "article", "field_name": "event", "term": "CLUSTER"},
    ).json()
    assert [r["text"] for r in found["results"]] == [
        "ประชุมพัฒนาประสิทธิภาพการกระจายอำนาจแบบ CLUSTER เพื่อเพิ่มประสิทธิผลการบริหารการศึกษาขั้นพื้นฐาน (14–16 มีนาคม 2561)"
    ]
