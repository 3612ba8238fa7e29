"""Check media storage against the Photo rows, for an operator after a restore or a
move of MEDIA_ROOT, or for cron and monitoring.

Lists photos that pages cannot show (file missing, size never stored) and photos
stored before the pipeline (news.photos) that have no renditions, so are served as
uploaded; the command exits with status 1 when there is any. It also lists orphaned
files: files under photos/ that no Photo row references (left by a crash between
storing and committing); it only lists them unless --delete-orphans is given, and
even then keeps files younger than --older-than minutes, since an upload in progress
(files stored, row not yet committed) looks the same for a moment.

Storage is reached only through Django's storage API (listdir, exists,
get_modified_time, delete), so this works on local files and on S3 alike.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from news import photos as pipeline
from news.models import Photo


class Command(BaseCommand):
    help = "List photos whose file is missing, whose size is unknown or that have no renditions, and orphaned files; exit 1 for any photo."

    def add_arguments(self, parser):
        parser.add_argument(
            "--fill-sizes", action="store_true",
            help="Store width and height for photos whose file is there but whose size is unknown.",
        )
        parser.add_argument(
            "--make-renditions", action="store_true",
            help="Re-encode photos stored before renditions existed (clean original and renditions); "
                 "make the placeholder of photos processed before placeholders existed.",
        )
        parser.add_argument(
            "--delete-orphans", action="store_true",
            help="Delete orphaned files older than --older-than minutes (without it they are only listed).",
        )
        parser.add_argument(
            "--older-than", type=int, default=60, metavar="MINUTES",
            help="With --delete-orphans, keep orphans younger than this (uploads in progress); default 60.",
        )

    def handle(self, *args, **options):
        field = Photo._meta.get_field("image")
        photos = Photo.objects.select_related("article").order_by("article_id", "order", "pk")
        problems = no_placeholder = 0
        for photo in photos.iterator():
            problem = photo.file_problem()
            if problem == "size unknown" and options["fill_sizes"]:
                field.read_dimensions(photo)
                photo.save(update_fields=["width", "height"])
                self.stdout.write(f"size stored: photo {photo.pk} ({photo.width}×{photo.height})")
                problem = None
            if problem is None and not photo.renditions:
                if options["make_renditions"]:
                    photo.store_clean_image()
                    photo.save(update_fields=["image", "width", "height", "renditions", "placeholder"])
                    self.stdout.write(f"renditions made: photo {photo.pk} {photo.image.name}")
                    continue
                problem = "no renditions (served as uploaded)"
            elif problem is None and not photo.placeholder:  # processed before placeholders existed
                if options["make_renditions"]:
                    smallest = pipeline.rendition_name(photo.image.name, photo.renditions[0], "jpg")
                    with field.storage.open(smallest, "rb") as handle:
                        photo.placeholder = pipeline.placeholder(pipeline.decode(handle))
                    photo.save(update_fields=["placeholder"])
                    self.stdout.write(f"placeholder made: photo {photo.pk}")
                else:
                    no_placeholder += 1
            if problem:
                problems += 1
                self.stdout.write(
                    f"{problem}: photo {photo.pk} of article {photo.article_id} "
                    f"{photo.article.get_absolute_url()} {photo.image.name or '(no file)'}"
                )
        if no_placeholder:
            self.stdout.write(f"{no_placeholder} photos have no placeholder (--make-renditions makes them).")
        orphans = self.orphaned_files()
        for name in orphans:
            self.stdout.write(f"orphaned file: {name}")
        if orphans and options["delete_orphans"]:
            self.delete_orphans(orphans, timedelta(minutes=options["older_than"]))
        elif orphans:
            self.stdout.write(self.style.WARNING(
                f"{len(orphans)} files under photos/ belong to no photo (--delete-orphans deletes them)."
            ))
        total = photos.count()
        if problems:
            raise CommandError(f"{problems} of {total} photos cannot be shown or have no renditions.", returncode=1)
        self.stdout.write(self.style.SUCCESS(f"All {total} photos can be shown."))

    def delete_orphans(self, names, age):
        storage = Photo._meta.get_field("image").storage
        before = timezone.now() - age
        old = []
        for name in names:
            if storage.get_modified_time(name) > before:
                self.stdout.write(f"orphaned file kept (younger than {age}): {name}")
            else:
                old.append(name)
        # Asked again just before deleting: a row committed since the listing keeps its files.
        referenced = self.referenced_files()
        deleted = [name for name in old if name not in referenced]
        for name in deleted:
            storage.delete(name)
            self.stdout.write(f"orphaned file deleted: {name}")
        self.stdout.write(self.style.WARNING(f"{len(deleted)} orphaned files deleted."))

    def referenced_files(self):
        referenced = set()
        for image, renditions in Photo.objects.values_list("image", "renditions").iterator():
            referenced.update(pipeline.files_of(image, renditions))
        return referenced

    def orphaned_files(self):
        storage = Photo._meta.get_field("image").storage
        referenced = self.referenced_files()
        return sorted(name for name in walk(storage, "photos") if name not in referenced)


def walk(storage, folder):
    """Every file name under folder in storage (listdir works on local and S3 storages)."""
    try:
        folders, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        yield f"{folder}/{name}"
    for sub in folders:
        yield from walk(storage, f"{folder}/{sub}")
