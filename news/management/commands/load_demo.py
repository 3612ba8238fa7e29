"""Load the reference data and the five seed articles, so a new portal is not empty.

Idempotent: every row is looked up by a natural key first, so running the command
again changes nothing.
"""

import datetime
import io
import json
import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image

from news import thai
from news.permissions import ensure_editors_group
from news.images import render_demo_photo
from news.models import (
    Article,
    Attendance,
    Category,
    Event,
    Office,
    OfficeMembership,
    Person,
    Photo,
    Province,
    Tag,
)

FIXTURES = settings.BASE_DIR / "fixtures"
# One demo login per role, besides 'editor' (a publisher, kept from version 1).
DEMO_ROLES = {"writer": OfficeMembership.Role.WRITER, "publisher": OfficeMembership.Role.PUBLISHER}
DEMO_PHOTO_CAPTIONS = [
    "บรรยากาศการประชุม",
    "ประธานกล่าวเปิดการประชุม",
    "ผู้เข้าร่วมรับฟังการบรรยาย",
    "การแบ่งกลุ่มระดมความคิด",
    "ถ่ายภาพร่วมกัน",
    "การนำเสนอผลการประชุม",
]


def read_json(name):
    with open(FIXTURES / name, encoding="utf-8") as handle:
        return json.load(handle)


class Command(BaseCommand):
    help = "Load provinces, offices, categories and the five seed articles (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-photos", action="store_true", help="Skip generating demo photos (faster)."
        )
        parser.add_argument(
            "--admin-password",
            default=os.environ.get("DEMO_ADMIN_PASSWORD", ""),
            help="Create the superuser 'admin' with this password (default 'admin' in DEBUG).",
        )
        parser.add_argument(
            "--editor-password",
            default=os.environ.get("DEMO_EDITOR_PASSWORD", ""),
            help="Create the office editor 'editor' (a publisher) with this password (default 'editor' in DEBUG).",
        )
        for role in DEMO_ROLES:
            parser.add_argument(
                f"--{role}-password",
                default=os.environ.get(f"DEMO_{role.upper()}_PASSWORD", ""),
                help=f"Create the office {role} '{role}' with this password (default '{role}' in DEBUG).",
            )

    def handle(self, *args, **options):
        call_command("loaddata", FIXTURES / "provinces.json", verbosity=0)
        with transaction.atomic():
            offices = self.load_offices()
            created = sum(self.load_article(item, offices, options) for item in read_json("demo_articles.json"))
        editors = ensure_editors_group()
        self.create_admin(options["admin_password"])
        # Development logins for ศธจ.เพชรบูรณ์: name = password in DEBUG, or the one given.
        for username, role in [("editor", OfficeMembership.Role.PUBLISHER), *DEMO_ROLES.items()]:
            password = options[f"{username}_password"] or (username if settings.DEBUG else "")
            if password:
                self.create_demo_editor(editors, offices["peo-phetchabun"], username, password, role)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {Province.objects.count()} provinces, {Office.objects.count()} offices, "
                f"{Article.objects.count()} articles ({created} new), {Event.objects.count()} events, "
                f"{Person.objects.count()} people, {Photo.objects.count()} photos."
            )
        )

    def load_offices(self):
        provinces = {p.name_th: p for p in Province.objects.all()}
        offices = {}
        for row in read_json("demo_offices.json"):
            office, _created = Office.objects.get_or_create(
                slug=row["slug"],
                defaults={
                    "short_name": row["short_name"],
                    "name": row["name"],
                    "kind": row["kind"],
                    "parent": offices.get(row["parent"]),
                    "province": provinces.get(row["province"]),
                    "website": row["website"],
                },
            )
            offices[row["slug"]] = office
        return offices

    def load_article(self, item, offices, options):
        if Article.objects.filter(source_url=self.source_url(item)).exists():
            return False
        event = self.load_event(item["event"], offices)
        published_at = timezone.make_aware(
            datetime.datetime.combine(datetime.date.fromisoformat(item["published_date"]), datetime.time(12, 0))
        )
        category = None
        if item["category"]:
            category, _created = Category.objects.get_or_create(
                name=item["category"], defaults={"slug": thai.slugify(item["category"])}
            )
        article = Article(
            title=item["title"],
            body=item["body"],
            office=offices[item["office"]],
            category=category,
            event=event,
            writer=item["writer"],
            photographer=item["photographer"],
            author=item["author"],
            status=Article.Status.PUBLISHED,
            published_at=published_at,
            source_url=self.source_url(item),
        )
        article.save()
        # The seeds' read counts are history, not visits to this portal.
        Article.objects.filter(pk=article.pk).update(read_count=item["read_count"])
        for name in item["tags"]:
            tag, _created = Tag.objects.get_or_create(name=name)
            article.tags.add(tag)
        if not options["no_photos"]:
            self.add_photos(article, item["photos"])
        return True

    @staticmethod
    def source_url(item):
        # Seeds carry no address of their own; a stable tag URI marks each one.
        return f"https://example.invalid/seeds/{item['seed']}"

    def load_event(self, data, offices):
        provinces = {p.name_th: p for p in Province.objects.all()}
        start_time = datetime.time.fromisoformat(data["start_time"]) if data["start_time"] else None
        event, _created = Event.objects.get_or_create(
            title=data["title"],
            start_date=datetime.date.fromisoformat(data["start_date"]),
            defaults={
                "kind": data["kind"],
                "end_date": datetime.date.fromisoformat(data["end_date"]),
                "start_time": start_time,
                "venue": data["venue"],
                "province": provinces.get(data["province"]),
                "mode": data["mode"],
                "online_platform": data["online_platform"],
                "organiser": offices[data["organiser"]],
                "participant_count": data["participant_count"],
                "attending_groups": "\n".join(data["attending_groups"]),
            },
        )
        for order, row in enumerate(data["attendees"], start=1):
            person = Person.objects.filter(name_key=thai.normalize(row["name"])).first()
            if person is None:
                person = Person.objects.create(honorific=row["honorific"], name=row["name"])
            Attendance.objects.get_or_create(
                event=event,
                person=person,
                role=row["role"],
                defaults={
                    "position": row["position"],
                    "office": offices.get(row["office"]),
                    "order": order,
                },
            )
        return event

    def add_photos(self, article, count):
        """Demo photos go through the same pipeline as an editor's (news.photos): in
        each article the second is a portrait as phones store it (landscape pixels
        and EXIF Orientation 6, with a GPS position the pipeline must remove) and the
        third an iPhone HEIC."""
        for number in range(1, count + 1):
            caption = DEMO_PHOTO_CAPTIONS[(number - 1) % len(DEMO_PHOTO_CAPTIONS)]
            portrait = number == 2
            data = render_demo_photo(
                caption,
                kicker=article.office.short_name,
                footer=_("Demo illustration %(number)s of %(count)s") % {"number": number, "count": count},
                palette=article.pk,
                size=(853, 1280) if portrait else (1280, 853),
            )
            ext = "jpg"
            if portrait:
                data = as_phone_portrait(data)
            elif number == 3:
                data, ext = as_heic(data), "heic"
            photo = Photo(
                article=article,
                caption=caption,
                alt_text=_("Illustration card reading “%(caption)s” (demo image, not a real photo)")
                % {"caption": caption},
                order=number,
            )
            photo.image = ContentFile(data, name=f"demo-{article.pk}-{number}.{ext}")
            photo.save()

    def create_demo_editor(self, group, office, username, password, role):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            return
        user = User.objects.create_user(username, f"{username}@example.invalid", password, is_staff=True)
        user.groups.add(group)
        OfficeMembership.objects.create(user=user, office=office, role=role)
        shown = password if password == username else "***"
        self.stdout.write(f"Editor '{username}' ({role}, password: {shown}) created for {office.short_name}.")

    def create_admin(self, password):
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            return
        if not password:
            if not settings.DEBUG:
                self.stdout.write(
                    "No superuser created: with DJANGO_DEBUG=0 pass --admin-password "
                    "(a known password is for development only)."
                )
                return
            password = "admin"
        User.objects.create_superuser("admin", "admin@example.invalid", password)
        self.stdout.write(f"Superuser 'admin' created (password: {'admin' if password == 'admin' else '***'}).")


def as_phone_portrait(jpeg):
    """A portrait JPEG stored as a phone stores it: pixels turned on their side, EXIF
    Orientation 6 to turn them back, and the camera's make, model and GPS position."""
    image = Image.open(io.BytesIO(jpeg)).transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to view
    exif[0x010F], exif[0x0110] = "DemoPhone", "Demo 12"
    exif.get_ifd(0x8825).update({1: "N", 2: (16.0, 25.0, 0.0), 3: "E", 4: (101.0, 9.0, 0.0)})
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, exif=exif)
    return buffer.getvalue()


def as_heic(jpeg):
    """The photo as an iPhone sends it (HEIC, through pillow-heif)."""
    buffer = io.BytesIO()
    Image.open(io.BytesIO(jpeg)).save(buffer, format="HEIF", quality=80)
    return buffer.getvalue()
