"""The article's photos in admin (news/admin_photos.py): alt text before publishing,
thumbnails in the inline, and bulk upload one file per request."""

import re

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from news.models import Article

from .admin_forms import form_data
from .factories import jpeg_bytes, make_article, make_editor, make_photo, media_files, refuse_open

pytestmark = pytest.mark.django_db

MISSING_ALT = "ข่าวที่เผยแพร่ต้องมีข้อความแทนภาพทุกภาพ"


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def row_errors(html):
    """{photo row's id field value: its error messages} for the photo rows showing errors."""
    group = html[html.index('id="photos-group"'):]
    errors = {}
    for row in re.findall(r'<tr class="form-row.*?</tr>', group, re.S):
        messages = re.findall(r'<ul class="errorlist"[^>]*><li>(.*?)</li>', row)
        if messages:
            row_id = re.search(r'name="photos-\d+-id" value="(\d*)"', row)
            errors[row_id.group(1) if row_id else ""] = messages
    return errors


def test_publishing_with_a_photo_without_alt_text_is_refused_on_its_row(admin_client):
    article = make_article(title="ข่าวภาพยังไม่มีข้อความแทน", status=Article.Status.DRAFT)
    described = make_photo(article, order=1, alt_text="ครูยืนหน้าห้องเรียน")
    bare = make_photo(article, order=2, caption="ภาพที่สอง")
    page = admin_client.get(change_url(article))
    response = admin_client.post(change_url(article), form_data(page, status="published", title="ชื่อใหม่"))
    assert response.status_code == 200
    errors = row_errors(response.content.decode())
    assert list(errors) == [str(bare.pk)] and MISSING_ALT in errors[str(bare.pk)][0]
    article.refresh_from_db()
    assert (article.status, article.title) == ("draft", "ข่าวภาพยังไม่มีข้อความแทน")  # nothing saved
    # The same form with the alt text filled in is saved.
    fields = form_data(response)
    index = next(k for k, v in fields.items() if k.endswith("-id") and v == str(bare.pk)).split("-")[1]
    response = admin_client.post(change_url(article), {**fields, f"photos-{index}-alt_text": "ภาพหมู่ผู้เข้าร่วม"})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == "published" and described.alt_text


def test_a_new_photo_without_alt_text_is_not_stored_on_published_news(admin_client):
    article = make_article(title="ข่าวเผยแพร่แล้ว ภาพใหม่")
    page = admin_client.get(change_url(article))
    upload = SimpleUploadedFile("new.jpg", jpeg_bytes(), content_type="image/jpeg")
    response = admin_client.post(change_url(article), form_data(page, **{"photos-0-image": upload}))
    assert response.status_code == 200
    errors = row_errors(response.content.decode())
    assert len(errors) == 1 and MISSING_ALT in next(iter(errors.values()))[0]
    assert not article.photos.exists()


def test_a_draft_may_have_photos_without_alt_text(admin_client):
    article = make_article(title="ข่าวร่าง ภาพไม่มีข้อความแทน", status=Article.Status.DRAFT)
    page = admin_client.get(change_url(article))
    upload = SimpleUploadedFile("new.jpg", jpeg_bytes(), content_type="image/jpeg")
    response = admin_client.post(change_url(article), form_data(page, **{"photos-0-image": upload}))
    assert response.status_code == 302
    assert article.photos.count() == 1


def test_the_inline_shows_the_smallest_rendition_without_opening_storage(admin_client, monkeypatch):
    article = make_article(title="ข่าวภาพย่อในหน้าผู้ดูแล")
    photo = make_photo(article, size=(1200, 800), alt_text="ภาพทดสอบ")
    assert photo.renditions == [480, 960, 1200]
    monkeypatch.setattr(FileSystemStorage, "_open", refuse_open)
    monkeypatch.setattr(FileSystemStorage, "exists", lambda storage, name: pytest.fail(f"exists({name})"))
    html = admin_client.get(change_url(article)).content.decode()
    thumb = re.search(r'<a href="([^"]+)"[^>]*class="photo-thumb"><img src="([^"]+)" alt="([^"]*)"', html)
    assert thumb, html[html.index('id="photos-group"'):][:3000]
    assert thumb.group(1).endswith(photo.image.name)
    assert thumb.group(2).endswith(photo.image.name.rsplit(".", 1)[0] + "-480.jpg")
    assert thumb.group(3) == "ภาพทดสอบ"
    # Django's "Currently: photos/2026/11/….jpg" link text is gone.
    assert f">{photo.image.name}</a>" not in html


def upload_url(article):
    return reverse("admin:news_article_upload_photo", args=[article.pk])


def jpeg_file(name, shade=0):
    from PIL import Image
    import io

    buffer = io.BytesIO()
    Image.new("RGB", (80, 60), (shade % 256, 90, 160)).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def test_bulk_upload_of_30_photos_appends_them_in_order_with_renditions(client, media_root):
    article = make_article(title="ข่าวร่างภาพ 30 ภาพ", status=Article.Status.DRAFT)
    make_photo(article, order=5, alt_text="ภาพเดิม")
    client.force_login(make_editor("bulk-obec", "obec"))
    answers = [client.post(upload_url(article), {"image": jpeg_file(f"IMG_{n:04}.JPG", n * 8)}) for n in range(30)]
    assert [a.status_code for a in answers] == [201] * 30
    added = list(article.photos.exclude(alt_text="ภาพเดิม").order_by("order"))
    assert [p.order for p in added] == list(range(6, 36))
    assert [a.json()["id"] for a in answers] == [p.pk for p in added]  # in the order sent
    # Each is the pipeline's clean image with its renditions, and the files are there.
    stored = media_files(media_root)
    for photo in added:
        assert photo.renditions == [80] and (photo.width, photo.height) == (80, 60)
        assert set(photo.files()) <= stored
    assert answers[0].json()["thumbnail"].endswith(added[0].image.name.rsplit(".", 1)[0] + "-80.jpg")


def test_a_refused_file_gets_its_thai_reason_and_the_others_are_kept(client, media_root):
    article = make_article(title="ข่าวร่างมีไฟล์เสีย", status=Article.Status.DRAFT)
    client.force_login(make_editor("bulk-bad", "obec"))
    before = media_files(media_root)
    first = client.post(upload_url(article), {"image": jpeg_file("a.jpg")})
    bad = client.post(upload_url(article), {"image": SimpleUploadedFile("b.jpg", b"not a photo at all", "image/jpeg")})
    last = client.post(upload_url(article), {"image": jpeg_file("c.jpg")})
    assert (first.status_code, bad.status_code, last.status_code) == (201, 400, 201)
    assert bad.json() == {"error": "ไฟล์นี้ไม่ใช่ภาพถ่าย กรุณาส่งภาพแบบ JPEG, PNG, WebP, HEIC หรือ AVIF"}
    assert list(article.photos.values_list("order", flat=True)) == [1, 2]
    assert len(media_files(media_root) - before) == 2 * len(article.photos.first().files())  # nothing of b.jpg


def test_another_offices_editor_cannot_upload(client, media_root):
    article = make_article(title="ข่าวร่างของ สพฐ.", status=Article.Status.DRAFT)
    client.force_login(make_editor("bulk-other", "peo-phetchabun"))
    before = media_files(media_root)
    response = client.post(upload_url(article), {"image": jpeg_file("a.jpg")})
    assert response.status_code in (403, 404)
    assert not article.photos.exists() and media_files(media_root) == before


def test_bulk_upload_needs_the_csrf_token_and_a_post(client):
    from django.test import Client

    article = make_article(title="ข่าวร่าง CSRF", status=Article.Status.DRAFT)
    editor = make_editor("bulk-csrf", "obec")
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    assert strict.post(upload_url(article), {"image": jpeg_file("a.jpg")}).status_code == 403
    client.force_login(editor)
    assert client.get(upload_url(article)).status_code == 405
    assert not article.photos.exists()


def test_bulk_upload_to_published_news_is_refused_with_the_reason(client):
    article = make_article(title="ข่าวเผยแพร่ เพิ่มภาพหลายภาพ")
    client.force_login(make_editor("bulk-published", "obec"))
    response = client.post(upload_url(article), {"image": jpeg_file("a.jpg")})
    assert response.status_code == 409
    assert response.json()["error"].startswith("เพิ่มภาพทีละหลายภาพได้เฉพาะข่าวฉบับร่าง")
    assert not article.photos.exists()


def test_the_change_page_offers_the_drop_zone_on_drafts_and_says_why_not_on_published_news(client):
    client.force_login(make_editor("bulk-page", "obec"))
    draft = make_article(title="ข่าวร่างหน้าเพิ่มภาพ", status=Article.Status.DRAFT)
    html = client.get(change_url(draft)).content.decode()
    assert f'data-url="{upload_url(draft)}"' in html and 'class="bulk-photos-input"' in html
    assert "เพิ่มภาพหลายภาพพร้อมกัน" in html and "bulk-photos.js" in html
    published = make_article(title="ข่าวเผยแพร่หน้าเพิ่มภาพ")
    html = client.get(change_url(published)).content.decode()
    assert "เพิ่มภาพทีละหลายภาพได้เฉพาะข่าวฉบับร่าง" in html and 'class="bulk-photos-input"' not in html
