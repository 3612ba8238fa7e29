"""The article's photos in admin (news/admin_photos.py): alt text before publishing,
thumbnails in the inline, and bulk upload one file per request."""

import re

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from news.models import Article, Photo

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
