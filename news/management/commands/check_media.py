"""List photos that pages cannot show: the file is missing from media storage, or
its size was never stored.

Pages leave such photos out (and log each one); this finds them all at once, for
an operator after a restore or a move of MEDIA_ROOT, or for cron and monitoring:
the command exits with status 1 when there is any.
"""

from django.core.management.base import BaseCommand, CommandError

from news.models import Photo


class Command(BaseCommand):
    help = "List photos whose file is missing or whose size is unknown; exit 1 when there are any."

    def add_arguments(self, parser):
        parser.add_argument(
            "--fill-sizes", action="store_true",
            help="Store width and height for photos whose file is there but whose size is unknown.",
        )

    def handle(self, *args, **options):
        field = Photo._meta.get_field("image")
        photos = Photo.objects.select_related("article").order_by("article_id", "order", "pk")
        problems = 0
        for photo in photos.iterator():
            problem = photo.file_problem()
            if problem == "size unknown" and options["fill_sizes"]:
                field.read_dimensions(photo)
                photo.save(update_fields=["width", "height"])
                self.stdout.write(f"size stored: photo {photo.pk} ({photo.width}×{photo.height})")
                continue
            if problem:
                problems += 1
                self.stdout.write(
                    f"{problem}: photo {photo.pk} of article {photo.article_id} "
                    f"{photo.article.get_absolute_url()} {photo.image.name or '(no file)'}"
                )
        total = photos.count()
        if problems:
            raise CommandError(f"{problems} of {total} photos cannot be shown.", returncode=1)
        self.stdout.write(self.style.SUCCESS(f"All {total} photos can be shown."))
