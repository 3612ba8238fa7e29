import datetime
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from news import thai
from news.models import Article, Attendance, Category, Event, Office, Person, Photo, Province, Tag

pytestmark = pytest.mark.django_db

EXPECTED_DIR = Path(settings.BASE_DIR).parent / "shared" / "seeds" / "expected"
MODELS = [Province, Office, Category, Tag, Person, Event, Attendance, Article, Photo]


def expected_seeds():
    if not EXPECTED_DIR.is_dir():
        pytest.skip(f"the seed facts are not beside the project ({EXPECTED_DIR})")
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXPECTED_DIR.glob("*.json"))]


def article_for(seed):
    return Article.objects.select_related("event__province", "office", "category").get(
        source_url__endswith=seed["seed"]
    )


def test_load_demo_twice_changes_nothing():
    before = {model.__name__: model.objects.count() for model in MODELS}
    call_command("load_demo", "--no-photos", verbosity=0)
    after = {model.__name__: model.objects.count() for model in MODELS}
    assert before == after
    assert after["Province"] == 77 and after["Article"] == 5 and after["Photo"] > 0


def test_all_77_provinces_with_regions():
    assert Province.objects.count() == 77
    assert Province.objects.values("region").distinct().count() == 6
    assert Province.objects.get(code="TH-48").name_th == "นครพนม"


def test_every_seed_fact_is_in_the_database():
    seeds = expected_seeds()
    assert len(seeds) == 5
    for seed in seeds:
        article = article_for(seed)
        event = article.event
        assert article.title == seed["title"]
        assert timezone.localtime(article.published_at).date().isoformat() == seed["published_date"]
        assert article.is_published()
        assert article.office.short_name == seed["office"]
        assert (article.category.name if article.category else None) == seed["category"]
        assert sorted(article.tags.values_list("name", flat=True)) == sorted(seed["tags"] or [])
        assert article.writer == (seed["credits"]["writer"] or "")
        assert article.photographer == (seed["credits"]["photographer"] or "")
        assert article.author == (seed["credits"]["author"] or "")
        assert article.read_count == (seed["read_count"] or 0)
        assert article.body.count("<p>") + article.body.count("<ol>") == seed["body_paragraphs"]
        for junk in seed["boilerplate_removed"]:
            assert thai.normalize(junk) not in thai.normalize(article.body)
        assert event.start_date.isoformat() == seed["event_start"]
        assert event.end_date.isoformat() == seed["event_end"]
        assert (event.start_time.strftime("%H:%M") if event.start_time else None) == seed["time"]
        assert event.venue == seed["venue"]
        assert (event.province.name_th if event.province else None) == seed["province"]
        assert (event.online_platform or None) == seed["online_platform"]
        assert event.mode == ("hybrid" if seed["online_platform"] else "onsite")
        assert event.participant_count == seed["participant_count"]
        assert event.group_list() == seed["groups"]
        if seed["fiscal_year_be"]:
            assert event.fiscal_year == seed["fiscal_year_be"]
        people = [
            (a.person.honorific, a.person.name, a.position, a.role)
            for a in event.attendances.select_related("person").exclude(role="assigner")
        ]
        assert people == [(p["honorific"], p["name"], p["position"], p["role"]) for p in seed["attendees"]]
        chair = seed["chair"]
        assert any(
            a.person.name == chair["name"] and a.position == chair["position"] for a in event.attendances.all()
            if a.role in Attendance.CHAIR_ROLES
        )
        if seed.get("assigned_by"):
            assigner = event.attendances.get(role="assigner")
            assert assigner.person.name == seed["assigned_by"]["name"]


def test_one_person_two_positions_over_the_years():
    """ว่าที่ร้อยตรี ธนุ วงษ์จินดา is one Person with the position written in each seed."""
    thanu = Person.objects.get(name="ธนุ วงษ์จินดา")
    assert thanu.honorific == "ว่าที่ร้อยตรี"
    appearances = list(thanu.attendances.order_by("event__start_date").values_list("event__start_date", "position"))
    assert appearances == [
        (datetime.date(2021, 12, 8), "รองเลขาธิการคณะกรรมการการศึกษาขั้นพื้นฐาน"),
        (datetime.date(2023, 11, 9), "เลขาธิการสำนักงานคณะกรรมการการอาชีวศึกษา รักษาราชแทนเลขาธิการคณะกรรมการการศึกษาขั้นพื้นฐาน"),
    ]


def test_seed_003_paragraph_marks_become_paragraphs_and_hashtags_become_tags():
    article = Article.objects.get(source_url__endswith="003_e115936f3f021c0b.txt")
    assert ">>" not in article.body and "#" not in article.body
    assert article.body.count("<p>") == 9
    assert article.tags.count() == 4


def test_demo_photos_are_real_images_with_alt_text():
    from PIL import Image

    photo = Photo.objects.select_related("article").first()
    with Image.open(photo.image.path) as image:
        assert image.format == "JPEG" and image.size == (photo.width, photo.height)
    assert photo.alt_text and photo.caption
    assert not Photo.objects.filter(width__isnull=True).exists()  # pages never open a file for its size


def test_demo_superuser_only_with_debug_or_a_given_password(settings):
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    settings.DEBUG = False
    call_command("load_demo", "--no-photos", verbosity=0)
    assert not users.filter(username="admin").exists()
    settings.DEBUG = True
    call_command("load_demo", "--no-photos", verbosity=0)
    admin = users.get(username="admin")
    assert admin.is_superuser and admin.check_password("admin")


def test_demo_editor_with_debug_off_only_with_a_given_password(settings):
    """scripts/demo.sh runs with DEBUG off and still gives the editor / editor login."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    users.filter(username="editor").delete()
    settings.DEBUG = False
    call_command("load_demo", "--no-photos", verbosity=0)
    assert not users.filter(username="editor").exists()
    call_command("load_demo", "--no-photos", "--editor-password", "editor", verbosity=0)
    editor = users.get(username="editor")
    assert editor.is_staff and not editor.is_superuser and editor.check_password("editor")
    assert editor.office_memberships.get().office.slug == "peo-phetchabun"


def test_demo_photos_went_through_the_photo_pipeline():
    """Every demo photo has its renditions and no EXIF; each article's second photo,
    made as a phone stores a portrait (EXIF Orientation 6, GPS), is stored upright;
    its third, made as an HEIC, is stored as a JPEG."""
    from PIL import Image

    for photo in Photo.objects.all():
        assert photo.renditions and all(photo.image.storage.exists(name) for name in photo.files())
        for name in photo.files():
            with Image.open(photo.image.storage.path(name)) as image:
                assert not image.getexif()
        if photo.order == 2:
            assert photo.height > photo.width, photo
        with Image.open(photo.image.path) as image:
            assert image.format == "JPEG" and image.size == (photo.width, photo.height)


def test_demo_writer_and_publisher_in_development_only(settings):
    """writer / writer and publisher / publisher work for ศธจ.เพชรบูรณ์ with those roles;
    with DEBUG off they exist only when given a password."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    users.filter(username__in=["writer", "publisher"]).delete()
    settings.DEBUG = False
    call_command("load_demo", "--no-photos", verbosity=0)
    assert not users.filter(username__in=["writer", "publisher"]).exists()
    settings.DEBUG = True
    call_command("load_demo", "--no-photos", verbosity=0)
    for name in ["writer", "publisher"]:
        user = users.get(username=name)
        assert user.is_staff and not user.is_superuser and user.check_password(name)
        membership = user.office_memberships.get()
        assert (membership.office.slug, membership.role) == ("peo-phetchabun", name)
