"""Plain helpers that make test rows with sensible defaults."""

import datetime
import io

from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from PIL import Image

from news.models import Article, Event, Office, OfficeMembership, Photo


def make_office(**kwargs):
    n = Office.objects.count() + 1
    defaults = {"name": f"สำนักงานทดสอบ {n}", "short_name": f"สนง.ทดสอบ {n}", "slug": f"test-office-{n}", "kind": "other"}
    defaults.update(kwargs)
    return Office.objects.create(**defaults)


def make_article(**kwargs):
    defaults = {
        "title": "ข่าวทดสอบการประชุมเชิงปฏิบัติการ",
        "body": "<p>เนื้อหาข่าวทดสอบ</p>",
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(hours=1),
    }
    defaults.update(kwargs)
    if "office" not in defaults:
        defaults["office"] = Office.objects.get(slug="obec")
    return Article.objects.create(**defaults)


def make_event(**kwargs):
    defaults = {"title": "ประชุมทดสอบ", "start_date": datetime.date(2024, 1, 10)}
    defaults.update(kwargs)
    if "organiser" not in defaults:
        defaults["organiser"] = Office.objects.get(slug="obec")
    return Event.objects.create(**defaults)


def make_public_event(**kwargs):
    """An event with one published article about it: only such events are public."""
    event = make_event(**kwargs)
    make_article(title=f"ข่าว{event.title}", event=event, office=event.organiser)
    return event


def make_editor(username, *office_slugs, role="publisher"):
    """A staff user in the editors group, with `role` (publisher or writer) at the given
    offices (and so at those under them)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from news.permissions import EDITORS_GROUP

    user = get_user_model().objects.create_user(username, password="pw-for-tests-123", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    for slug in office_slugs:
        OfficeMembership.objects.create(user=user, office=Office.objects.get(slug=slug), role=role)
    return user


def jpeg_bytes(size=(64, 48)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(buffer, format="JPEG")
    return buffer.getvalue()


def make_photo(article, size=(64, 48), **kwargs):
    """A photo with a real JPEG file in MEDIA_ROOT, saved the way load_demo saves one."""
    photo = Photo(article=article, **kwargs)
    photo.image.save(f"test-{article.pk}.jpg", ContentFile(jpeg_bytes(size)), save=False)
    photo.save()
    return photo


def refuse_open(storage, name, mode="rb"):
    """Patched over FileSystemStorage._open where a test proves nothing opens a file."""
    raise AssertionError(f"opened {name}")


def image_bytes(fmt="JPEG", size=(64, 48), mode="RGB", **save_kwargs):
    """A real image file in any format Pillow (with pillow-heif) writes."""
    import news.photos  # noqa: F401  (registers the HEIF writer)

    buffer = io.BytesIO()
    Image.new(mode, size, (30, 90, 160, 128)[: len(mode)] if mode != "L" else 90).save(buffer, format=fmt, **save_kwargs)
    return buffer.getvalue()


def phone_jpeg(size=(60, 40), orientation=6):
    """A JPEG as a phone writes one: pixels on their side with EXIF Orientation, the
    camera's make, model and serial, a GPS position, and an sRGB colour profile."""
    from PIL import ImageCms

    image = Image.new("RGB", size, (200, 40, 40))
    image.paste((40, 40, 200), (0, 0, size[0] // 4, size[1]))  # a blue band on the left edge
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F], exif[0x0110] = "PhoneMaker", "Phone 15"
    exif.get_ifd(0x8769)[0xA431] = "SERIAL-123456"  # BodySerialNumber
    exif.get_ifd(0x8825).update({1: "N", 2: (13.0, 45.0, 12.0), 3: "E", 4: (100.0, 30.0, 5.0)})
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90, exif=exif, icc_profile=icc)
    return buffer.getvalue()


def media_files(root):
    """Every file under MEDIA_ROOT/photos, as relative names."""
    import pathlib

    base = pathlib.Path(root)
    return {str(path.relative_to(base)) for path in (base / "photos").rglob("*") if path.is_file()}


def login(user):
    """A test client signed in as the user (force_login: django-axes watches real logins)."""
    client = Client()
    client.force_login(user)
    return client


def office(slug):
    return Office.objects.get(slug=slug)
