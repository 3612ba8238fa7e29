"""An article's photos: the clean original, its renditions and placeholder, the cover."""

import logging

from django.core.files.images import get_image_dimensions
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from news import photos

logger = logging.getLogger(__name__)


def photo_upload_to(instance, filename):
    # The extension is the format news.photos stores (jpg, or png with transparency),
    # never the uploaded name's.
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    stamp = timezone.now()
    return f"photos/{stamp:%Y/%m}/{instance.article_id or 'new'}-{stamp:%H%M%S%f}.{ext}"


# Named by migrations 0001 and 0002; the rule itself lives in news.photos.
validate_photo_size = photos.check_size


class SizedImageField(models.ImageField):
    """An ImageField whose width and height are read from the file once, when the
    row is saved, and afterwards only ever from the row.

    Django's ImageField also fills empty dimension fields whenever a row is
    loaded (its post_init handler), by opening the file: every page listing a
    photo without stored dimensions read the file, and a missing file was a 500.
    """

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        # Forced only when a new file is assigned (an upload, image.save()); a row
        # loaded from the database is never forced.
        if force:
            super().update_dimension_fields(instance, force=True, *args, **kwargs)

    def pre_save(self, model_instance, add):
        file = super().pre_save(model_instance, add)  # stores a new upload first
        if file and not (getattr(model_instance, self.width_field) and getattr(model_instance, self.height_field)):
            # e.g. image.save(name, ContentFile(data)): Django reads no size from a nameless ContentFile.
            self.read_dimensions(model_instance)
        return file

    def formfield(self, **kwargs):
        # Our decoding and messages (news.photos), not forms.ImageField's "corrupt".
        return super().formfield(**{"form_class": photos.PhotoFormField, **kwargs})

    def read_dimensions(self, instance):
        """Set width and height from the stored file (opens it: when saving, never when showing)."""
        file = getattr(instance, self.attname)
        with file.storage.open(file.name, "rb") as handle:
            width, height = get_image_dimensions(handle)
        setattr(instance, self.width_field, width)
        setattr(instance, self.height_field, height)


class Photo(models.Model):
    article = models.ForeignKey(
        "Article", verbose_name=_("article"), on_delete=models.CASCADE, related_name="photos"
    )
    image = SizedImageField(
        _("image"), upload_to=photo_upload_to, width_field="width", height_field="height",
        validators=[photos.validate_photo],
    )
    # Those of the clean image (news.photos) stored on save; empty only for a row
    # whose file was already missing when the sizes were filled in (migration 0002).
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    alt_text = models.CharField(
        _("alt text"), max_length=300, blank=True,
        help_text=_("What the photo shows, for readers who cannot see it"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_cover = models.BooleanField(
        _("cover"), default=False,
        help_text=_("The photo shown on cards and shares; without one, the first photo is the cover"),
    )
    # The widths of the renditions written next to the original (news.photos), so
    # pages build srcset without touching storage; empty for a photo stored before
    # renditions existed (`manage.py check_media --make-renditions` makes them).
    renditions = models.JSONField(default=list, editable=False)
    # A 16-px WebP of the photo as a data: URI (about 200 bytes), made with the
    # renditions: shown behind the <img> while it loads (static/js/placeholders.js).
    placeholder = models.TextField(default="", blank=True, editable=False)

    # Cover first, then gallery order: Article.cover and its prefetch in for_listing().
    COVER_ORDER = ("-is_cover", "order", "pk")

    class Meta:
        ordering = ["article", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article"], condition=models.Q(is_cover=True), name="one_cover_per_article"
            ),
        ]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.caption or self.image.name

    def save(self, *args, **kwargs):
        written = self.store_clean_image() if self.image and self.needs_cleaning() else []
        try:
            with transaction.atomic():
                if self.is_cover:  # choosing a cover unmarks the article's previous one
                    Photo.objects.filter(article_id=self.article_id, is_cover=True).exclude(pk=self.pk).update(
                        is_cover=False
                    )
                super().save(*args, **kwargs)
        except BaseException:
            photos.delete_files(self.image.storage, written)  # no file without its row
            raise

    @staticmethod
    def cover_key(photo):
        """COVER_ORDER in Python, for photos already loaded."""
        return (not photo.is_cover, photo.order, photo.pk)

    def needs_cleaning(self):
        """A new upload, or a new row given a file already stored (image.save(...,
        save=False)); not a row given the name of a file that is not there."""
        if not self.image._committed:
            return True
        return self._state.adding and not self.renditions and self.image.storage.exists(self.image.name)

    def store_clean_image(self):
        """Replace the uploaded file by its clean re-encoding and write the renditions.

        A new upload is read from the request; a file stored beforehand (load_demo's
        image.save(..., save=False)) is read from storage and then deleted, as are
        the files this row pointed at before (once the change commits). Returns
        the files written.
        """
        storage = self.image.storage
        previous = []
        if self.pk:
            row = Photo.objects.filter(pk=self.pk).values("image", "renditions").first()
            if row:
                previous = photos.files_of(row["image"], row["renditions"])
        raw = None
        if self.image._committed:
            raw = self.image.name
            with storage.open(raw, "rb") as handle:
                image = photos.decode(handle)
        else:
            image = photos.decode(self.image.file)
        clean = photos.clean_image(image)
        name, width, height, widths = photos.store(storage, photo_upload_to(self, "photo.jpg"), clean)
        # Not `self.image = name`: ImageField's descriptor would then open the file
        # just written (on S3, download it) to read the size we already know.
        self.__dict__[self._meta.get_field("image").attname] = name
        self.width, self.height, self.renditions = width, height, widths
        self.placeholder = photos.placeholder(clean)
        if raw and raw not in previous:
            photos.delete_files(storage, [raw])  # the phone's bytes, referenced by no row
        photos.delete_after_commit(storage, [old for old in previous if old not in photos.files_of(name, widths)])
        return self.files()

    def files(self):
        """Every file this photo owns: the original and each rendition."""
        return photos.files_of(self.image.name, self.renditions)

    def rendition_url(self, width, ext):
        return self.image.storage.url(photos.rendition_name(self.image.name, width, ext))

    def rendition_height(self, width):
        return max(1, round(self.height * width / self.width))

    def _srcset(self, ext):
        return ", ".join(f"{self.rendition_url(width, ext)} {width}w" for width in self.renditions)

    @property
    def webp_srcset(self):
        return self._srcset("webp")

    @property
    def jpeg_srcset(self):
        return self._srcset("jpg")

    @property
    def src(self):
        """The img src for browsers without srcset: a middle-sized JPEG rendition."""
        if not self.renditions:
            return self.image.url
        width = max([w for w in self.renditions if w <= 960] or self.renditions[:1])
        return self.rendition_url(width, "jpg")

    @property
    def large_url(self):
        """What the lightbox shows: the largest WebP rendition."""
        return self.rendition_url(self.renditions[-1], "webp") if self.renditions else self.image.url

    def share_file(self):
        """(name, width, height) of the file shared outside the site (og:image, feed
        enclosure, JSON-LD): the largest JPEG rendition, which every reader of those
        understands; the clean original if that rendition is missing (a stat)."""
        if self.renditions:
            width = self.renditions[-1]
            name = photos.rendition_name(self.image.name, width, "jpg")
            if self.image.storage.exists(name):
                return name, width, self.rendition_height(width)
            logger.warning("Photo %s: rendition %r is missing; sharing the original", self.pk, name)
        return self.image.name, self.width, self.height

    @property
    def alt(self):
        return self.alt_text or self.caption or self.article.title

    def file_problem(self):
        """Why a page cannot show the photo ("file missing", "size unknown"), or None.

        Asks storage whether the file exists (a stat); never opens it.
        """
        if not self.image or not self.image.storage.exists(self.image.name):
            return "file missing"
        if not (self.width and self.height):
            return "size unknown"
        return None

    def is_available(self):
        """Whether a page can show the photo; a photo it cannot show is logged
        (`manage.py check_media` lists them all)."""
        problem = self.file_problem()
        if problem:
            logger.warning("Photo %s of article %s is not shown (%s): %r", self.pk, self.article_id, problem, self.image.name)
        return problem is None
