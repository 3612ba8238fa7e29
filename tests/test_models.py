import datetime
import importlib

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import connection
from django.utils import timezone

from news.models import Article, Attendance, Event, Office, Person, Photo
from tests.factories import make_article, make_event, make_office, make_photo, refuse_open

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "status, offset, public",
    [
        (Article.Status.PUBLISHED, datetime.timedelta(days=-1), True),  # published yesterday
        (Article.Status.PUBLISHED, datetime.timedelta(seconds=-1), True),  # just now
        (Article.Status.PUBLISHED, datetime.timedelta(days=1), False),  # scheduled for tomorrow
        (Article.Status.DRAFT, datetime.timedelta(days=-1), False),  # a draft, whatever its date
    ],
)
def test_published_rule_on_queryset_and_model(status, offset, public):
    """published() is the only definition of public; is_published() agrees with it."""
    article = make_article(status=status, published_at=timezone.now() + offset)
    assert Article.objects.published().filter(pk=article.pk).exists() is public
    assert article.is_published() is public


def test_article_slug_keeps_thai_and_url_is_canonical():
    article = make_article(title="ประชุมเชิงปฏิบัติการ ผู้อำนวยการ")
    assert article.slug == "ประชุมเชิงปฏิบัติการ-ผู้อำนวยการ"
    assert article.get_absolute_url() == f"/news/{article.pk}/%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%8A%E0%B8%B8%E0%B8%A1%E0%B9%80%E0%B8%8A%E0%B8%B4%E0%B8%87%E0%B8%9B%E0%B8%8F%E0%B8%B4%E0%B8%9A%E0%B8%B1%E0%B8%95%E0%B8%B4%E0%B8%81%E0%B8%B2%E0%B8%A3-%E0%B8%9C%E0%B8%B9%E0%B9%89%E0%B8%AD%E0%B8%B3%E0%B8%99%E0%B8%A7%E0%B8%A2%E0%B8%81%E0%B8%B2%E0%B8%A3/"


def test_body_is_sanitised_on_save():
    article = make_article(body='<p onclick="x()">ข่าว<script>alert(1)</script><a href="javascript:alert(1)">ลิงก์</a></p><style>p{}</style>')
    assert "<script" not in article.body and "onclick" not in article.body
    assert "javascript:" not in article.body and "<style" not in article.body
    assert "ข่าว" in article.body and "ลิงก์" in article.body


def test_body_images_are_dropped_so_no_third_party_host_is_called():
    article = make_article(body='<p>ข่าว<img src="//evil.example/p.gif"><img src="https://cdn.example/x.jpg" alt=""></p>')
    assert "<img" not in article.body and "evil.example" not in article.body


def test_teaser_is_the_summary_or_else_the_current_start_of_the_body():
    article = make_article(body="<p>วันที่ 26 พฤษภาคม 2566</p><p>นายธีร์ ภวังคนันท์</p>")
    assert article.teaser == "วันที่ 26 พฤษภาคม 2566 นายธีร์ ภวังคนันท์"
    article.body = "<p>เนื้อหาที่แก้ไขแล้ว</p>"
    article.save()
    assert article.teaser == "เนื้อหาที่แก้ไขแล้ว"  # never a stale copy of the old body
    article.summary = "สรุปโดยบรรณาธิการ"
    assert article.teaser == "สรุปโดยบรรณาธิการ"


def test_event_fiscal_year_and_single_day_default():
    event = make_event(start_date=datetime.date(2023, 10, 1))
    assert event.fiscal_year == 2567
    assert event.end_date == event.start_date


def test_event_cannot_end_before_it_starts():
    event = Event(title="x", start_date=datetime.date(2024, 1, 10), end_date=datetime.date(2024, 1, 9),
                  organiser=Office.objects.get(slug="obec"))
    with pytest.raises(ValidationError):
        event.full_clean()


def test_office_tree_paths_follow_moves():
    root = make_office()
    child = make_office(parent=root)
    grandchild = make_office(parent=child)
    assert set(Office.objects.descendants_of(root)) == {root, child, grandchild}
    other = make_office()
    child.parent = other
    child.save()
    grandchild.refresh_from_db()
    assert grandchild.path.startswith(other.path)
    assert set(Office.objects.descendants_of(root)) == {root}


def test_office_cannot_be_its_own_ancestor():
    root = make_office()
    child = make_office(parent=root)
    root.parent = child
    with pytest.raises(ValidationError):
        root.full_clean()


def test_person_name_key_unifies_spellings():
    a = Person.objects.create(honorific="นาย", name="อํานวย ทดสอบ")
    assert a.name_key == "อำนวย ทดสอบ"


def test_attendance_keeps_position_per_event():
    person = Person.objects.create(honorific="นาย", name="ทดสอบ ตำแหน่ง")
    first = make_event(start_date=datetime.date(2021, 1, 1))
    second = make_event(start_date=datetime.date(2023, 1, 1))
    Attendance.objects.create(event=first, person=person, position="รองเลขาธิการ")
    Attendance.objects.create(event=second, person=person, position="เลขาธิการ")
    assert list(person.attendances.order_by("event__start_date").values_list("position", flat=True)) == [
        "รองเลขาธิการ", "เลขาธิการ",
    ]


def test_a_title_without_letters_still_gets_a_working_url(client):
    article = make_article(title="🎉🎉🎉")
    assert article.slug == "news"
    assert client.get(article.get_absolute_url()).status_code == 200
    assert client.get("/news/").status_code == 200


def test_tag_made_of_punctuation_still_has_a_slug():
    from news.models import Tag

    tag = Tag.objects.create(name="!!!")
    assert tag.slug.startswith("tag-")
    with pytest.raises(ValidationError):
        Tag(name="???").full_clean()


def test_a_pasted_plain_text_release_keeps_its_paragraphs():
    article = make_article(body="ย่อหน้าแรกของข่าว\nบรรทัดที่สอง\n\nย่อหน้าที่สอง")
    assert article.body == "<p>ย่อหน้าแรกของข่าว<br>บรรทัดที่สอง</p>\n\n<p>ย่อหน้าที่สอง</p>"


def test_html_bodies_are_not_wrapped_again():
    article = make_article(body="<p>ย่อหน้า</p>")
    assert article.body == "<p>ย่อหน้า</p>"


# --- photos: sizes stored once, files never opened to show a page ---------------------

def test_photo_size_is_stored_when_saved_from_bytes():
    """image.save(name, ContentFile(...)) gives Django no size; the row stores it anyway."""
    photo = make_photo(make_article(), size=(80, 60))
    assert Photo.objects.values_list("width", "height").get(pk=photo.pk) == (80, 60)


def test_loading_a_photo_row_never_opens_its_file(monkeypatch):
    """Django's ImageField opens the file of a row with empty sizes on every load;
    ours does not, so a missing file cannot break a page."""
    photo = make_photo(make_article())
    Photo.objects.filter(pk=photo.pk).update(width=None, height=None)
    photo.image.storage.delete(photo.image.name)
    monkeypatch.setattr(FileSystemStorage, "_open", refuse_open)
    loaded = Photo.objects.get(pk=photo.pk)
    assert (loaded.width, loaded.height) == (None, None)
    assert loaded.file_problem() == "file missing" and not loaded.is_available()


def test_migration_fills_missing_sizes_from_files_that_exist():
    fill_photo_sizes = importlib.import_module("news.migrations.0002_photo_sizes_stored").fill_photo_sizes
    article = make_article()
    present, missing = make_photo(article, size=(30, 20)), make_photo(article)
    Photo.objects.filter(pk__in=[present.pk, missing.pk]).update(width=None, height=None)
    missing.image.storage.delete(missing.image.name)
    fill_photo_sizes(django_apps, None)
    assert Photo.objects.values_list("width", "height").get(pk=present.pk) == (30, 20)
    assert Photo.objects.values_list("width", "height").get(pk=missing.pk) == (None, None)


def test_related_news_same_event_then_shared_tag_then_same_office():
    """Related news: the event's first, then articles sharing a tag, then the office's
    latest; newest first within each group, at most four, never the article itself
    nor anything unpublished."""
    from news.models import Tag

    now = timezone.now()
    office, elsewhere = make_office(), make_office()
    event = make_event(organiser=office)
    tag = Tag.objects.create(name="แท็กข่าวที่เกี่ยวข้อง")
    article = make_article(title="ข่าวหลัก", office=office, event=event, published_at=now - datetime.timedelta(hours=1))
    article.tags.add(tag)

    def at(hours, **kwargs):
        return make_article(published_at=now - datetime.timedelta(hours=hours), **kwargs)

    same_office = [at(2, title="สำนักงานเดียวกัน ใหม่", office=office), at(30, title="สำนักงานเดียวกัน เก่า", office=office)]
    tagged_old, tagged_new = at(20, title="แท็กเก่า", office=elsewhere), at(3, title="แท็กใหม่", office=elsewhere)
    for tagged in (tagged_old, tagged_new):
        tagged.tags.add(tag)
    same_event = at(40, title="งานเดียวกัน", office=elsewhere, event=event)
    make_article(title="ร่าง", office=office, event=event, status=Article.Status.DRAFT)
    make_article(title="ตั้งเวลา", office=office, event=event, published_at=now + datetime.timedelta(hours=1))

    related = Article.objects.related_to(article)
    assert related == [same_event, tagged_new, tagged_old, same_office[0]]
    assert Article.objects.related_to(article, limit=2) == [same_event, tagged_new]
    article.tags.clear()
    article.event = None
    assert Article.objects.related_to(article) == same_office


def test_related_news_is_a_fixed_handful_of_queries(django_assert_num_queries):
    """One small query per group, one for the cards, one for their cover photos."""
    from news.models import Tag

    event = make_event()
    article = make_article(event=event)
    article.tags.add(Tag.objects.create(name="แท็กนับคำถามข่าว"))
    make_article(title="ข่าวงานเดียวกัน", event=event)
    article = Article.objects.prefetch_related("tags").get(pk=article.pk)
    with django_assert_num_queries(5):  # event, tags, office, cards, cover photos
        assert len(Article.objects.related_to(article)) == 4
    for i in range(6):
        make_article(title=f"ข่าวอื่น {i}", event=event)
    with django_assert_num_queries(3):  # the event alone fills the list: no more asked
        assert len(Article.objects.related_to(article)) == 4


def test_related_news_looks_for_shared_tags_only_among_recent_articles(monkeypatch):
    """An old article sharing a tag is not found by scanning the tag's whole history."""
    from news.models import Tag
    from news.models import articles

    tag = Tag.objects.create(name="แท็กเก่ามาก")
    old = make_article(title="ข่าวเก่ามาก", office=make_office(), published_at=timezone.now() - datetime.timedelta(days=3000))
    old.tags.add(tag)
    article = make_article(title="ข่าวใหม่", office=make_office())
    article.tags.add(tag)
    assert Article.objects.related_to(article) == [old]
    monkeypatch.setattr(articles, "RECENT_FOR_TAGS", 5)
    assert Article.objects.related_to(article) == []


def test_moving_an_office_moves_its_subtree_in_one_update():
    """Every office below a moved one follows it, however deep, in one UPDATE."""
    from django.test.utils import CaptureQueriesContext

    root, other = make_office(), make_office()
    child = make_office(parent=root)
    grandchildren = [make_office(parent=child) for _ in range(3)]
    great = make_office(parent=grandchildren[0])
    child.parent = other
    with CaptureQueriesContext(connection) as ctx:
        child.save()
    office_queries = [q["sql"] for q in ctx.captured_queries if "news_office" in q["sql"]]
    assert len(office_queries) == 2  # the row itself, then the subtree's paths
    assert child.path == f"{other.path}{child.pk}/"
    for office in [*grandchildren, great]:
        office.refresh_from_db()
    assert [g.path for g in grandchildren] == [f"{child.path}{g.pk}/" for g in grandchildren]
    assert great.path == f"{grandchildren[0].path}{great.pk}/"
    assert set(Office.objects.descendants_of(other)) == {other, child, *grandchildren, great}
    assert set(Office.objects.descendants_of(root)) == {root}


@pytest.mark.skipif("connection.vendor != 'sqlite'", reason="SQLite's plan; PostgreSQL's depends on table statistics")
def test_main_lists_walk_an_index_in_order_without_sorting():
    """Each main list's ORDER BY (with its id tie-breaker) is served by an index:
    no temporary sort whose cost grows with the number of rows."""
    from news.models import Category, Tag

    article = Article.objects.published().filter(event__isnull=False).first()
    published = Article.objects.published().order_by("-published_at", "-pk")
    lists = {
        "newest": published[:12],
        "category": published.filter(category=Category.objects.first())[:12],
        "office": published.filter(office=article.office)[:12],
        "event": published.filter(event=article.event)[:12],
        "related": Article.objects.published().filter(office=article.office).values_list("pk")[:4],
        "past events": Event.objects.public().past().select_related("province", "organiser")[:5],
        "attendances": Attendance.objects.public().filter(person=Person.objects.first()),
        "tag": published.filter(tags=Tag.objects.first())[:12],
    }
    for name, queryset in lists.items():
        plan = queryset.explain()
        assert "SCAN news_event USING COVERING INDEX news_event_end" not in plan, name  # a pass over every event
        if name != "attendances":  # one person's appearances: a small sort is fine
            assert "TEMP B-TREE" not in plan, (name, plan)


def test_strip_honorific_knows_the_ranks_the_importer_knows():
    """One honorific list (news.thaitext.HONORIFICS) for Person and the importer."""
    from news.models import strip_honorific

    assert strip_honorific("พล.ต.อ.เพิ่มพูน ชิดชอบ") == "เพิ่มพูน ชิดชอบ"
    assert strip_honorific("นายแพทย์กำธร ดีมาก") == "กำธร ดีมาก"
    assert strip_honorific("ว่าที่ร้อยโท สมชาย ใจดี") == "สมชาย ใจดี"
