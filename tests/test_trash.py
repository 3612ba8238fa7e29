"""The trash: deleting an article in admin moves it out of every public page, list,
feed, sitemap, search, preview and the admin's own lists, keeping its photos (files
too) and its event's attendances; its office's publishers restore it as it was or
delete it for good; `manage.py purge_trash` deletes what has waited NEWS_TRASH_DAYS,
files included, and the audit log says who did each."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from news import caching, revisions
from news.models import Article, Attendance, AuditEntry, OfficeMembership, Person, Photo, PreviewLink, Tag
from tests.factories import login, make_article, make_editor, make_event, make_photo, office

pytestmark = pytest.mark.django_db

WORD = "ถังขยะทดลองระบบ"  # a title word found by search, in no seed




@pytest.fixture
def publisher_user():
    return make_editor("publisher-phet", "peo-phetchabun")


@pytest.fixture
def publisher(publisher_user):
    return login(publisher_user)


@pytest.fixture
def writer():
    return login(make_editor("writer-phet", "peo-phetchabun", role="writer"))


@pytest.fixture
def obec_publisher():
    return make_editor("publisher-obec", "obec")


def public_places(client, article):
    """Where readers could meet the article, and whether they do."""
    title, address = article.title, article.get_absolute_url()
    return {
        "page": client.get(address).status_code,
        "list": title in client.get(reverse("news:article_list")).content.decode(),
        "search": title in client.get(reverse("news:article_list"), {"q": WORD}).content.decode(),
        "office": title in client.get(article.office.get_absolute_url()).content.decode(),
        "rss": title in client.get("/feeds/news.rss").content.decode(),
        "atom": title in client.get(f"/feeds/offices/{article.office.slug}.atom").content.decode(),
        "sitemap": address in client.get("/sitemap-news.xml").content.decode(),
    }


SHOWN = {"page": 200, "list": True, "search": True, "office": True, "rss": True, "atom": True, "sitemap": True}
HIDDEN = {"page": 404, "list": False, "search": False, "office": False, "rss": False, "atom": False, "sitemap": False}


@pytest.fixture
def story():
    """A public article of ศธจ.เพชรบูรณ์ with two photos (real files), a tag and its
    own event with attendees; a second public article shares the tag."""
    phet = office("peo-phetchabun")
    event = make_event(title="ประชุมถังขยะทดลอง", organiser=phet)
    for order, name in enumerate(["นายทดลอง ถังขยะ", "นางสาวทดสอบ กู้คืน"], start=1):
        Attendance.objects.create(event=event, person=Person.objects.create(name=name), order=order)
    tag = Tag.objects.create(name="ถังขยะทดลอง")
    article = make_article(title=f"{WORD} ข่าวหลัก", office=phet, event=event)
    article.tags.add(tag)
    photos = [make_photo(article, alt_text="ภาพหนึ่ง"), make_photo(article, order=2, alt_text="ภาพสอง")]
    neighbour = make_article(title="ข่าวข้างเคียงถังขยะ", office=phet)
    neighbour.tags.add(tag)
    return article, photos, neighbour


def delete_in_admin(client, article):
    return client.post(reverse("admin:news_article_delete", args=[article.pk]), {"post": "yes"})


# Deleting -------------------------------------------------------------------------


def test_deleting_a_public_article_takes_it_off_every_public_place_and_keeps_its_photos_and_event(publisher, story):
    article, photos, neighbour = story
    reader = Client()
    event_url = article.event.get_absolute_url()
    assert public_places(reader, article) == SHOWN
    assert article.title in reader.get(neighbour.get_absolute_url()).content.decode()  # related news
    assert reader.get(event_url).status_code == 200

    page = publisher.get(reverse("admin:news_article_delete", args=[article.pk]))
    assert "จะถูกย้ายไปที่ถังขยะ" in page.content.decode()  # says what happens, not Django's "related items"
    response = delete_in_admin(publisher, article)
    assert response.status_code == 302

    # A deletion is not a public act (that is Unpublish, with a reason): 404, no notice.
    assert public_places(reader, article) == HIDDEN
    assert article.title not in reader.get(neighbour.get_absolute_url()).content.decode()
    assert reader.get(event_url).status_code == 404  # its only news is gone: the event is not public
    article.refresh_from_db()
    assert (article.status, article.status_before_trash, article.trashed_by.username) == (
        "trashed", "published", "publisher-phet",
    )
    assert article.photos.count() == 2 and all(p.image.storage.exists(p.image.name) for p in photos)
    assert Attendance.objects.filter(event=article.event).count() == 2
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.username, entry.article_id) == ("deleted", "publisher-phet", article.pk)


def test_the_admins_list_and_its_state_counts_leave_the_trash_out(publisher, publisher_user):
    kept = make_article(title="ร่างที่ยังอยู่", status="draft", office=office("peo-phetchabun"))
    gone = make_article(title="ร่างที่ลบแล้ว", status="draft", office=office("peo-phetchabun"))
    gone.trash(publisher_user)
    page = publisher.get(reverse("admin:news_article_changelist"))
    listed = {a.title for a in page.context["cl"].result_list}
    assert "ร่างที่ยังอยู่" in listed and "ร่างที่ลบแล้ว" not in listed
    drafts = dict(page.context["cl"].filter_specs[0].lookup_choices)["draft"]
    assert drafts.endswith("(1)")  # kept only
    assert reverse("admin:news_article_trash") in page.content.decode()
    # Its change page and the admin's own doors to it are closed while it is trashed.
    for name in ["change", "delete", "preview_links"]:
        assert publisher.get(reverse(f"admin:news_article_{name}", args=[gone.pk])).status_code in (302, 404)
    assert kept.pk != gone.pk


def test_delete_selected_trashes_all_or_nothing(publisher, publisher_user):
    own = [make_article(title=f"ข่าวเลือกลบ {n}", office=office("peo-phetchabun")) for n in (1, 2)]
    # An office where they only write: its news is listed to them, not theirs to delete.
    OfficeMembership.objects.create(user=publisher_user, office=office("obec"), role="writer")
    other = make_article(title="ข่าว สพฐ. ที่เลือกไม่ได้")
    changelist = reverse("admin:news_article_changelist")

    def run(*articles, **extra):
        return publisher.post(changelist, {"action": "delete_selected", "_selected_action": [a.pk for a in articles], **extra})

    assert run(*own, other, post="yes").status_code == 403
    assert Article.objects.trashed().count() == 0 and Article.objects.get(pk=other.pk).status == "published"
    assert "จะถูกย้ายไปที่ถังขยะ" in run(*own).content.decode()  # the confirmation page
    done = publisher.post(
        changelist, {"action": "delete_selected", "_selected_action": [a.pk for a in own], "post": "yes"}, follow=True
    )
    said = [str(message) for message in done.context["messages"]]
    assert len(said) == 1 and "ไปที่ถังขยะแล้ว" in said[0]  # not also Django's "deleted successfully"
    assert set(Article.objects.trashed().values_list("pk", flat=True)) == {a.pk for a in own}
    assert AuditEntry.objects.filter(action="deleted").count() == 2


def test_a_trashed_articles_history_is_closed_until_it_is_restored(publisher, publisher_user):
    """Restoring an earlier version of a trashed article would bring it back around the trash."""
    article = make_article(title="ข่าวที่มีประวัติแล้วถูกลบ", office=office("peo-phetchabun"))
    history = reverse("admin:news_article_revisions", args=[article.pk])
    assert publisher.get(history).status_code == 200
    article.trash(publisher_user)
    assert publisher.get(history).status_code == 404
    article.restore(publisher_user)
    assert publisher.get(history).status_code == 200


def test_a_trashed_articles_preview_link_and_editor_preview_stop_working(publisher, publisher_user):
    draft = make_article(title="ร่างที่มีลิงก์ตัวอย่าง", status="draft", office=office("peo-phetchabun"))
    link = PreviewLink.create_for(draft, publisher_user, 3)
    assert Client().get(link.get_absolute_url()).status_code == 200
    assert publisher.get(draft.get_absolute_url()).status_code == 200  # the editor's preview
    draft.trash(publisher_user)
    assert Client().get(link.get_absolute_url()).status_code == 404
    assert publisher.get(draft.get_absolute_url()).status_code == 404
    draft.restore(publisher_user)
    assert Client().get(link.get_absolute_url()).status_code == 200  # restore is an undo


# The trash page, restore, delete permanently ------------------------------------------------


def test_the_trash_page_lists_the_offices_deleted_news_with_who_when_and_until_when(publisher, publisher_user, obec_publisher):
    own = make_article(title="ข่าวเพชรบูรณ์ในถังขยะ", office=office("peo-phetchabun"))
    other = make_article(title="ข่าว สพฐ. ในถังขยะ")
    own.trash(publisher_user)
    other.trash(obec_publisher)
    Article.objects.filter(pk=own.pk).update(trashed_at=datetime.datetime(2026, 11, 20, 3, 0, tzinfo=datetime.UTC))
    response = publisher.get(reverse("admin:news_article_trash"))
    html = response.content.decode()
    assert response.status_code == 200 and [a.pk for a in response.context["articles"]] == [own.pk]
    assert "ข่าว สพฐ. ในถังขยะ" not in html
    assert "publisher-phet" in html and "20 พฤศจิกายน 2569 10.00 น." in html  # deleted (B.E., Bangkok time)
    assert "20 ธันวาคม 2569" in html  # deleted for good 30 days later
    assert "เผยแพร่" in html  # comes back as published
    assert reverse("admin:news_article_restore", args=[own.pk]) in html
    # A superuser's trash holds every office's.
    superuser = get_user_model().objects.create_superuser("root-trash", password="pw-for-tests-123")
    everything = login(superuser).get(reverse("admin:news_article_trash")).context["articles"]
    assert {a.pk for a in everything} == {own.pk, other.pk}


def test_the_trash_page_costs_the_same_for_one_or_many(publisher, publisher_user, django_assert_num_queries):
    def trash_some(n):
        for i in range(n):
            article = make_article(title=f"ข่าวในถังขยะ {i}", office=office("peo-phetchabun"))
            make_photo(article, alt_text="ภาพ")
            article.trash(publisher_user)

    url = reverse("admin:news_article_trash")
    trash_some(1)
    publisher.get(url)  # warm the session, content types
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        assert publisher.get(url).status_code == 200
    trash_some(5)
    with django_assert_num_queries(len(one.captured_queries)):
        response = publisher.get(url)
    assert len(response.context["articles"]) == 6


def test_restore_brings_a_public_article_back_as_it_was_with_photos_attendees_search_and_caches(publisher, publisher_user, story, django_capture_on_commit_callbacks):
    article, photos, _neighbour = story
    delete_in_admin(publisher, article)
    generation = cache.get(caching.GENERATION_KEY)
    with django_capture_on_commit_callbacks(execute=True):
        response = publisher.post(reverse("admin:news_article_restore", args=[article.pk]), follow=True)
    assert response.status_code == 200 and "ถูกกู้คืนแล้ว" in response.content.decode()
    assert cache.get(caching.GENERATION_KEY) != generation  # cached pages start again
    article.refresh_from_db()
    assert article.is_published() and (article.trashed_at, article.trashed_by, article.status_before_trash) == (None, None, "")
    assert public_places(Client(), article) == SHOWN  # at the same address, found by search again
    assert Client().get(article.event.get_absolute_url()).status_code == 200
    assert [p.pk for p in article.photos.order_by("order")] == [p.pk for p in photos]
    assert all(p.image.storage.exists(name) for p in photos for name in p.files())
    assert Attendance.objects.filter(event=article.event).count() == 2
    assert list(AuditEntry.objects.order_by("pk").values_list("action", "username", "note")) == [
        ("deleted", "publisher-phet", ""), ("restored", "publisher-phet", "เผยแพร่อยู่"),
    ]


@pytest.mark.parametrize("status, published_in, comes_back", [
    ("draft", -1, "draft"),
    ("in_review", -1, "in_review"),
    ("withdrawn", -1, "withdrawn"),
    ("published", 2, "published"),  # scheduled, still to come: scheduled again
])
def test_restore_puts_back_the_state_it_had(publisher_user, status, published_in, comes_back):
    article = make_article(
        title="ข่าวที่กู้คืน", status=status, office=office("peo-phetchabun"),
        published_at=timezone.now() + datetime.timedelta(hours=published_in),
    )
    article.trash(publisher_user)
    article.restore(publisher_user)
    article.refresh_from_db()
    assert article.status == comes_back


def test_a_scheduled_article_whose_time_passed_in_the_trash_comes_back_as_a_draft(publisher_user):
    article = make_article(title="ข่าวตั้งเวลาที่ถูกลบ", office=office("peo-phetchabun"),
                           published_at=timezone.now() + datetime.timedelta(hours=2))
    article.trash(publisher_user)
    # Deleted three hours ago, due a minute ago.
    Article.objects.filter(pk=article.pk).update(
        trashed_at=timezone.now() - datetime.timedelta(hours=3), published_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    article.refresh_from_db()
    article.restore(publisher_user)
    assert Article.objects.get(pk=article.pk).status == "draft"  # nobody chose to publish it now


def test_a_withdrawn_article_restored_shows_its_notice_again(publisher_user):
    article = make_article(title="ข่าวที่ถอนแล้วถูกลบ", office=office("peo-phetchabun"))
    article.unpublish(publisher_user, "ข้อมูลไม่ถูกต้อง")
    article.trash(publisher_user)
    assert Client().get(article.get_absolute_url()).status_code == 404
    article.restore(publisher_user)
    assert Client().get(article.get_absolute_url()).status_code == 410


def test_delete_permanently_asks_then_deletes_the_row_and_its_files(publisher, publisher_user, django_capture_on_commit_callbacks):
    article = make_article(title="ข่าวที่จะลบถาวร", office=office("peo-phetchabun"))
    photo = make_photo(article, alt_text="ภาพ")
    names = photo.files()
    article.trash(publisher_user)
    url = reverse("admin:news_article_purge", args=[article.pk])
    page = publisher.get(url)
    assert page.status_code == 200 and "ไม่สามารถย้อนกลับได้" in page.content.decode()
    assert Article.objects.filter(pk=article.pk).exists()  # asking deletes nothing
    with django_capture_on_commit_callbacks(execute=True):
        assert publisher.post(url).status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists() and not Photo.objects.filter(pk=photo.pk).exists()
    assert not any(photo.image.storage.exists(name) for name in names)
    purged = AuditEntry.objects.get(action="purged")
    assert (purged.username, purged.article, purged.article_title) == ("publisher-phet", None, "ข่าวที่จะลบถาวร")


def test_another_offices_trash_is_refused_and_writers_have_no_trash(publisher, writer, obec_publisher):
    other = make_article(title="ข่าว สพฐ. ที่ลบแล้ว")
    other.trash(obec_publisher)
    for name in ["restore", "purge"]:
        assert publisher.post(reverse(f"admin:news_article_{name}", args=[other.pk])).status_code == 404
    assert publisher.post(reverse("admin:news_article_restore", args=["abc"])).status_code == 404
    assert Article.objects.get(pk=other.pk).status == "trashed"
    assert writer.get(reverse("admin:news_article_trash")).status_code == 403
    for name in ["restore", "purge"]:
        assert writer.post(reverse(f"admin:news_article_{name}", args=[other.pk])).status_code == 403
    assert reverse("admin:news_article_trash") not in writer.get(reverse("admin:news_article_changelist")).content.decode()
    assert publisher.get(reverse("admin:news_article_restore", args=[other.pk])).status_code == 405  # POST only
    assert Article.objects.get(pk=other.pk).status == "trashed" and not AuditEntry.objects.exclude(action="deleted").exists()


def test_the_trashed_status_cannot_be_set_through_the_form(publisher):
    from tests.admin_forms import form_data

    draft = make_article(title="ร่างที่ตั้งสถานะเอง", status="draft", office=office("peo-phetchabun"))
    url = reverse("admin:news_article_change", args=[draft.pk])
    response = publisher.post(url, form_data(publisher.get(url), status="trashed"))
    assert response.status_code == 200 and "status" in response.context["adminform"].form.errors
    assert Article.objects.get(pk=draft.pk).status == "draft"


def test_the_audit_log_links_a_trashed_article_to_the_trash(publisher, publisher_user):
    article = make_article(title="ข่าวในบันทึกที่ลบ", office=office("peo-phetchabun"))
    article.trash(publisher_user)
    html = publisher.get(reverse("admin:news_auditentry_changelist")).content.decode()
    assert f'<a href="{reverse("admin:news_article_trash")}">ข่าวในบันทึกที่ลบ</a>' in html


# manage.py purge_trash ---------------------------------------------------------------------


def trashed_days_ago(days, user, title):
    article = make_article(title=title, office=office("peo-phetchabun"))
    photo = make_photo(article, alt_text="ภาพ")
    article.trash(user)
    Article.objects.filter(pk=article.pk).update(trashed_at=timezone.now() - datetime.timedelta(days=days))
    return article, photo


def test_purge_trash_deletes_what_waited_30_days_with_files_and_keeps_the_rest(publisher_user, capsys, django_capture_on_commit_callbacks):
    old, old_photo = trashed_days_ago(31, publisher_user, "ลบเมื่อ 31 วันก่อน")
    recent, recent_photo = trashed_days_ago(29, publisher_user, "ลบเมื่อ 29 วันก่อน")
    live = make_article(title="ข่าวที่ไม่ได้ลบ", office=office("peo-phetchabun"), published_at=timezone.now() - datetime.timedelta(days=90))
    old_files = old_photo.files()
    old.refresh_from_db()  # trashed_days_ago moved its trashed_at back in the database
    with revisions.recording(publisher_user, revisions.Door.FORM):
        old.summary = "แก้ไขก่อนลบ"
        old.save()
    assert revisions.history(old).exists()

    call_command("purge_trash", "--dry-run")
    assert "would purge" in capsys.readouterr().out and Article.objects.filter(pk=old.pk).exists()
    assert all(old_photo.image.storage.exists(name) for name in old_files)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_trash")
    assert "1 articles purged" in capsys.readouterr().out
    assert not Article.objects.filter(pk=old.pk).exists() and not Photo.objects.filter(pk=old_photo.pk).exists()
    assert not any(old_photo.image.storage.exists(name) for name in old_files)
    assert not revisions.history(old).exists()  # its versions went too: they hold its text
    assert Article.objects.get(pk=recent.pk).status == "trashed" and recent_photo.image.storage.exists(recent_photo.image.name)
    assert Article.objects.get(pk=live.pk).is_published()
    purged = AuditEntry.objects.get(action="purged")
    assert (purged.username, purged.article_title, purged.office.slug) == ("(ระบบ)", "ลบเมื่อ 31 วันก่อน", "peo-phetchabun")


def test_purge_trash_follows_the_setting(settings, publisher_user):
    settings.NEWS_TRASH_DAYS = 7
    week_old, _photo = trashed_days_ago(8, publisher_user, "ลบเมื่อแปดวันก่อน")
    call_command("purge_trash", verbosity=0)
    assert not Article.objects.filter(pk=week_old.pk).exists()


def test_the_trash_page_says_a_scheduled_article_comes_back_scheduled_or_as_a_draft(publisher, publisher_user):
    """Not "published": restoring a scheduled article publishes nothing now (Article.restore)."""
    due = timezone.now() + datetime.timedelta(days=2)
    scheduled = make_article(title="ข่าวตั้งเวลาในถังขยะ", office=office("peo-phetchabun"), published_at=due)
    missed = make_article(title="ข่าวตั้งเวลาที่เลยเวลาในถังขยะ", office=office("peo-phetchabun"),
                          published_at=timezone.now() + datetime.timedelta(hours=2))
    public = make_article(title="ข่าวเผยแพร่อยู่ในถังขยะ", office=office("peo-phetchabun"))
    for article in (scheduled, missed, public):
        article.trash(publisher_user)
    Article.objects.filter(pk=missed.pk).update(
        trashed_at=timezone.now() - datetime.timedelta(hours=3), published_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    response = publisher.get(reverse("admin:news_article_trash"))
    rows = {a.pk: a for a in response.context["articles"]}
    assert rows[scheduled.pk].state_after_restore == Article.State.SCHEDULED
    assert rows[missed.pk].state_after_restore == Article.State.DRAFT
    assert rows[public.pk].state_after_restore == Article.State.PUBLISHED
    from news import thai

    cells = re.findall(r'<td class="trash-state">(.*?)</td>', response.content.decode())
    assert sorted(cells) == sorted(["ตั้งเวลาเผยแพร่<br>" + thai.format_datetime(due), "ฉบับร่าง", "เผยแพร่อยู่"])


def test_saving_an_article_trashed_meanwhile_keeps_what_the_editor_wrote(writer, publisher_user, obec_publisher):
    """A writer's form opened before a publisher deleted the article: the save is
    refused (409) with who deleted it and when, and the page gives back what the
    writer typed (not "the news does not exist", their work gone)."""
    from tests.admin_forms import form_data

    article = make_article(title="ร่างข่าวที่ถูกลบระหว่างแก้", body="<p>ย่อหน้าเดิม</p>",
                           status=Article.Status.DRAFT, office=office("peo-phetchabun"))
    url = reverse("admin:news_article_change", args=[article.pk])
    opened = writer.get(url)
    article.trash(publisher_user)
    body = '<h2>หัวข้อใหม่</h2><p>ย่อหน้าที่ผู้เขียนพิมพ์ใหม่</p><script>alert(1)</script><img src=x onerror="alert(2)">'
    response = writer.post(url, form_data(opened, title="ชื่อที่ผู้เขียนแก้", body=body))
    html = response.content.decode()
    assert response.status_code == 409
    assert "ย้ายข่าวนี้ไปที่ถังขยะ" in html and "publisher-phet" in html
    assert "ชื่อที่ผู้เขียนแก้" in html
    # The body formatted, to copy into the editor, and cleaned as a save would clean it.
    assert "<h2>หัวข้อใหม่</h2><p>ย่อหน้าที่ผู้เขียนพิมพ์ใหม่</p>" in html
    assert "alert(1)" not in html and "onerror" not in html
    article.refresh_from_db()
    assert article.status == Article.Status.TRASHED and article.title == "ร่างข่าวที่ถูกลบระหว่างแก้"
    # Another office's editor learns nothing: the same answer as for any article not theirs.
    assert login(obec_publisher).post(url, {"title": "x"}).status_code == 302
