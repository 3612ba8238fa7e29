"""The edit lock on an article's admin page (news/admin_edit_lock.py): a save over a
version saved after the form was opened is refused with a Thai message, both
versions are kept (the newer one stored, the editor's in the form), and an editor
sees who else has the article open."""

import datetime
import re
from html import unescape
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from news.admin_edit_lock import PRESENCE_SECONDS
from news.models import Article, Office

from .admin_forms import form_data, form_fields
from .factories import make_article, make_editor, make_photo
from .test_admin_i18n import UI_TOKENS, data_words, english_on

pytestmark = pytest.mark.django_db

CONFLICT = "มีผู้บันทึกข่าวนี้หลังจากที่ท่านเปิดแบบฟอร์ม"


def editor_client(username, first_name, last_name):
    user = make_editor(username, "peo-phetchabun")
    user.first_name, user.last_name = first_name, last_name
    user.save()
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def somchai():
    return editor_client("somchai", "สมชาย", "ใจดี")


@pytest.fixture
def somsri():
    return editor_client("somsri", "สมศรี", "มีสุข")


@pytest.fixture
def article():
    return make_article(
        title="ร่างข่าวประชุมครู", body="<p>ย่อหน้าแรก</p>", status=Article.Status.DRAFT,
        office=Office.objects.get(slug="peo-phetchabun"),
    )


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def text_box(html, name):
    match = re.search(rf'<input type="text" name="{name}" value="([^"]*)"', html)
    return unescape(match.group(1)) if match else None


def textarea(html, name):
    match = re.search(rf'<textarea name="{name}"[^>]*>\n?(.*?)</textarea>', html, re.S)
    return unescape(match.group(1)) if match else None


def test_a_save_over_a_newer_version_is_refused_and_both_versions_are_kept(somchai, somsri, article):
    first = somchai.get(change_url(article))
    second = somsri.get(change_url(article))
    saved = somchai.post(change_url(article), form_data(first, title="ชื่อข่าวฉบับสมชาย", summary="สรุปของสมชาย"))
    assert saved.status_code == 302

    mine = form_data(second, title="ชื่อข่าวฉบับสมศรี", body="<p>ย่อหน้าที่สมศรีเขียนใหม่</p>")
    refused = somsri.post(change_url(article), mine)
    html = refused.content.decode()
    assert refused.status_code == 200 and CONFLICT in html
    # The newer version is what is stored, untouched...
    article.refresh_from_db()
    assert (article.title, article.summary, article.body) == ("ชื่อข่าวฉบับสมชาย", "สรุปของสมชาย", "<p>ย่อหน้าแรก</p>")
    # ...and the refused one is still in the form, as typed.
    assert text_box(html, "title") == "ชื่อข่าวฉบับสมศรี"
    assert textarea(html, "body") == "<p>ย่อหน้าที่สมศรีเขียนใหม่</p>"
    # What the newer version has, where it differs, and who saved it.
    differences = html[html.index('class="module edit-conflict"'):]
    differences = differences[: differences.index("</section>")]
    assert "สมชาย ใจดี" in differences
    assert "ชื่อข่าวฉบับสมชาย" in differences and "สรุปของสมชาย" in differences
    assert "ย่อหน้าแรก" in differences  # the stored body: hers differs from it
    assert "ร่างข่าวประชุมครู" not in differences  # the version both started from is not news
    assert english_on(html, data_words() | UI_TOKENS)[0] == set()

    # Saving the form shown again is a choice made having seen the newer version:
    # here she copies his summary into hers.
    again = somsri.post(change_url(article), form_data(refused, summary="สรุปของสมชาย"))
    assert again.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.summary) == ("ชื่อข่าวฉบับสมศรี", "สรุปของสมชาย")


def test_photo_changes_are_part_of_the_article_save(somchai, somsri, article):
    photo = make_photo(article, order=1, caption="ภาพเดิม")
    first = somchai.get(change_url(article))
    second = somsri.get(change_url(article))
    fields = form_fields(first.content.decode())
    row = next(k for k, v in fields.items() if k.endswith("-id") and v == str(photo.pk)).rsplit("-", 1)[0]
    assert somchai.post(change_url(article), {**fields, f"{row}-caption": "คำบรรยายของสมชาย"}).status_code == 302
    version = Article.objects.get(pk=article.pk).version

    # Only her photo caption differs from what she opened; the save is refused all the same.
    refused = somsri.post(change_url(article), form_data(second, **{f"{row}-caption": "คำบรรยายของสมศรี"}))
    html = refused.content.decode()
    assert refused.status_code == 200 and CONFLICT in html
    photo.refresh_from_db()
    assert photo.caption == "คำบรรยายของสมชาย"
    assert Article.objects.get(pk=article.pk).version == version  # nothing saved at all
    assert 'value="คำบรรยายของสมศรี"' in html
    assert "ภาพที่ 1" in html and "คำบรรยายของสมชาย" in html


def test_a_save_outside_admin_also_counts_and_only_real_differences_are_listed(somsri, article):
    """E.g. a publishing action saving the article: its stored time keeps microseconds
    the form's time box never shows, which is no difference."""
    page = somsri.get(change_url(article))
    article.summary = "สรุปที่ระบบบันทึก"
    article.save()
    refused = somsri.post(change_url(article), form_data(page))
    html = refused.content.decode()
    assert refused.status_code == 200 and CONFLICT in html
    differences = html[html.index('class="module edit-conflict"'):]
    differences = differences[: differences.index("</section>")]
    assert re.findall(r"<dt>(.*?)</dt>", differences) == ["สรุปย่อ"]
    assert "สรุปที่ระบบบันทึก" in differences
    assert "ฉบับที่บันทึกล่าสุด เมื่อ" in differences  # no admin log entry: who is not known


def test_a_photo_added_in_bulk_meanwhile_does_not_refuse_the_open_form(somchai, article):
    """Bulk upload only appends rows; the editor who dropped them saves the same form next."""
    page = somchai.get(change_url(article))
    make_photo(article, order=5)
    assert somchai.post(change_url(article), form_data(page, title="บันทึกหลังเพิ่มภาพ")).status_code == 302
    assert article.photos.count() == 1


def test_every_save_is_a_new_version_and_a_form_without_one_is_refused(somchai, article):
    assert article.version == 1
    article.save()
    assert Article.objects.get(pk=article.pk).version == 2
    Article.objects.filter(pk=article.pk).update(read_count=5)  # the read counter is not an edit
    assert Article.objects.get(pk=article.pk).version == 2
    page = somchai.get(change_url(article))
    data = form_data(page, title="ไม่มีหมายเลขฉบับ")
    assert data.pop("loaded_version") == "2"
    response = somchai.post(change_url(article), data)
    assert response.status_code == 200 and CONFLICT in response.content.decode()
    assert Article.objects.get(pk=article.pk).title == "ร่างข่าวประชุมครู"


def test_the_second_editor_sees_who_is_editing(somchai, somsri, article):
    alone = somchai.get(change_url(article)).content.decode()
    assert "กำลังเปิดแก้ไขข่าวนี้อยู่เช่นกัน" not in alone
    html = somsri.get(change_url(article)).content.decode()
    assert "สมชาย ใจดี กำลังเปิดแก้ไขข่าวนี้อยู่เช่นกัน" in html
    assert "news/admin/edit-presence.js" in html and "<script>" not in html.split("</head>")[1]  # no inline script
    # The first editor's heartbeat now names the second.
    beat = somchai.post(reverse("admin:news_article_presence", args=[article.pk]))
    assert beat.status_code == 200 and "สมศรี มีสุข กำลังเปิดแก้ไขข่าวนี้อยู่เช่นกัน" in beat.json()["html"]
    # Saving leaves the page: the other stops seeing them.
    assert somchai.post(change_url(article), form_data(somchai.get(change_url(article)))).status_code == 302
    assert "สมชาย" not in somsri.post(reverse("admin:news_article_presence", args=[article.pk])).json()["html"]


def test_presence_fades_when_the_page_is_left_without_saving(somchai, somsri, article):
    somchai.get(change_url(article))
    later = timezone.now() + datetime.timedelta(seconds=PRESENCE_SECONDS + 1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        html = somsri.get(change_url(article)).content.decode()
    assert "สมชาย" not in html


def test_only_those_who_may_change_the_article_send_a_heartbeat(somchai, article):
    url = reverse("admin:news_article_presence", args=[article.pk])
    outsider = Client()
    outsider.force_login(make_editor("obec-editor", "obec"))
    assert outsider.post(url).status_code == 404
    assert somchai.get(url).status_code == 405
    assert Client().post(url).status_code == 302  # to the login page
    html = somchai.get(change_url(article)).content.decode()
    assert "obec-editor" not in html


def test_the_row_is_locked_from_the_version_check_on(somchai):
    """Two saves at the same instant cannot both pass the check: on PostgreSQL the
    article's row is locked (SELECT … FOR UPDATE) by the version check, before the
    article is written, and stays locked (by the UPDATE too) until the article and its
    photos are committed; SQLite writes one transaction at a time."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite serialises writing transactions")
    import psycopg

    from news.admin import ArticleAdmin

    seed = Article.objects.get(office__slug="peo-phetchabun", status="published")  # committed demo data
    page = somchai.get(change_url(seed))
    params = connection.settings_dict
    probes = []

    def probe_then_save(admin, request, obj, form, change):
        # Between the check and the UPDATE: only the check's lock can hold the row here.
        with psycopg.connect(
            dbname=params["NAME"], user=params["USER"], password=params["PASSWORD"] or None,
            host=params["HOST"] or None, port=params["PORT"] or None, autocommit=True,
        ) as other:
            try:
                other.execute("SELECT id FROM news_article WHERE id = %s FOR UPDATE NOWAIT", [seed.pk])
                probes.append("free")
            except psycopg.errors.LockNotAvailable:
                probes.append("locked")
        return original(admin, request, obj, form, change)

    original = ArticleAdmin.save_model
    with mock.patch.object(ArticleAdmin, "save_model", probe_then_save):
        assert somchai.post(change_url(seed), form_data(page)).status_code == 302
    assert probes == ["locked"]
