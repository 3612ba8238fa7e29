"""The photo pipeline: what is accepted, the clean original and the renditions.

An upload is judged by decoding it, never by its name: it must decode fully as
JPEG, PNG, WebP, HEIC/HEIF or AVIF, within MAX_PHOTO_BYTES and MAX_PHOTO_PIXELS.
What is stored is never the uploaded file but a re-encoding of its pixels: turned
upright by its EXIF orientation, longest side at most MAX_PHOTO_SIDE, with no
metadata but the colour profile (no GPS, make, model or serial, no trailing payload
of a polyglot). Renditions (RENDITION_WIDTHS, WebP and JPEG) are written once, next
to the original, when the photo is saved; pages only build URLs from the widths
recorded on the row and never open or create files.
"""

import base64
import contextlib
import contextvars
import io
import logging
import warnings

import pillow_heif
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

# HEIC/HEIF (iPhones) through pillow-heif; AVIF is built into Pillow 12.
pillow_heif.register_heif_opener()

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "HEIF", "AVIF"}
RENDITION_WIDTHS = (480, 960, 1600)
# WebP for browsers (all current ones), JPEG as the fallback and for everything
# outside a browser (og:image, feed enclosures, LINE/Facebook previews).
RENDITION_FORMATS = {"webp": ("WEBP", {"quality": 78, "method": 4}),
                     "jpg": ("JPEG", {"quality": 82, "optimize": True, "progressive": True})}
JPEG_ORIGINAL = {"quality": 88, "optimize": True, "progressive": True}
# Colour profiles are kept only where they describe the pixels we write.
ICC_MODES = {"RGB", "RGBA"}


def limit_pixels():
    """Make Pillow itself refuse oversized images everywhere (DecompressionBombError
    at twice the limit, before any pixel is decoded)."""
    Image.MAX_IMAGE_PIXELS = settings.MAX_PHOTO_PIXELS


def _too_many_pixels(pixels=None):
    limit = round(settings.MAX_PHOTO_PIXELS / 1_000_000)
    if pixels is None:
        return ValidationError(
            _("The photo has too many pixels; the limit is %(limit)s megapixels. Make it smaller and send it again."),
            code="too_many_pixels", params={"limit": limit},
        )
    return ValidationError(
        _("The photo has too many pixels (%(pixels)s megapixels); the limit is %(limit)s megapixels. "
          "Make it smaller and send it again."),
        code="too_many_pixels", params={"pixels": round(pixels / 1_000_000, 1), "limit": limit},
    )


def check_size(file):
    if file.size > settings.MAX_PHOTO_BYTES:
        raise ValidationError(
            _("The photo is too large (%(size)s MB); the limit is %(limit)s MB."),
            code="too_large",
            params={"size": round(file.size / 1024 / 1024, 1), "limit": settings.MAX_PHOTO_BYTES // 1024 // 1024},
        )


def decode(file):
    """The fully decoded image of an upload, or a ValidationError saying why not.

    The header is read first: the pixel count is checked before a single pixel is
    decoded, so a small file claiming 30000×30000 costs no memory.
    """
    check_size(file)
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Between the limit and twice the limit Pillow only warns; we refuse below.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(file)
    except Image.DecompressionBombError:
        raise _too_many_pixels() from None
    except Exception:  # UnidentifiedImageError, or a header Pillow cannot parse
        raise ValidationError(
            _("This file is not a photo. Send a JPEG, PNG, WebP, HEIC or AVIF photo."), code="not_a_photo"
        ) from None
    if image.format not in ACCEPTED_FORMATS:
        raise ValidationError(
            _("%(format)s files are not accepted. Send a JPEG, PNG, WebP, HEIC or AVIF photo."),
            code="format", params={"format": image.format},
        )
    width, height = image.size
    if width * height > settings.MAX_PHOTO_PIXELS:
        raise _too_many_pixels(width * height)
    if image.format == "JPEG":
        # Decode a 48-MP JPEG at half scale (still ≥ MAX_PHOTO_SIDE): a quarter of
        # the memory and time; every byte is still read, so truncation is caught.
        image.draft(None, (settings.MAX_PHOTO_SIDE, settings.MAX_PHOTO_SIDE))
    try:
        image.load()
    except Image.DecompressionBombError:
        raise _too_many_pixels() from None
    except Exception:  # truncated or damaged data (OSError, SyntaxError, ...)
        raise ValidationError(
            _("The photo file is damaged or incomplete. Send the photo again."), code="damaged"
        ) from None
    return image


def validate_photo(value):
    """Model field validator, with the same messages as the admin's form field.

    A stored file was judged when it was stored, and an upload the form field has
    judged is not decoded twice."""
    if getattr(value, "_committed", True):
        return
    upload = getattr(value, "file", value)
    if not getattr(upload, "photo_checked", False):
        decode(upload)


class PhotoFormField(forms.FileField):
    """The upload field of a photo: our own decoding and messages instead of
    forms.ImageField's (which calls a decompression bomb "corrupt")."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": "image/*,.heic,.heif,.avif"}))
        super().__init__(*args, **kwargs)

    def to_python(self, data):
        file = super().to_python(data)
        if file is None:
            return None
        decode(file)
        file.photo_checked = True
        file.seek(0)
        return file


def clean_image(image):
    """The pixels worth keeping: upright, at most MAX_PHOTO_SIDE, RGB (or RGBA when
    the image has transparency), carrying only its colour profile."""
    icc = image.info.get("icc_profile") if image.mode in ICC_MODES else None
    image = ImageOps.exif_transpose(image)
    transparent = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    image = image.convert("RGBA" if transparent else "RGB")
    side = settings.MAX_PHOTO_SIDE
    if max(image.size) > side:
        image.thumbnail((side, side), Image.Resampling.LANCZOS)
    image.info = {"icc_profile": icc} if icc else {}
    return image


def encode(image, fmt, **options):
    """Bytes of the image in fmt with no metadata but the ICC profile."""
    if fmt == "JPEG" and image.mode == "RGBA":
        flat = Image.new("RGB", image.size, "white")
        flat.paste(image, mask=image.getchannel("A"))
        flat.info = image.info
        image = flat
    buffer = io.BytesIO()
    icc = image.info.get("icc_profile")
    image.save(buffer, format=fmt, exif=b"", **({"icc_profile": icc} if icc else {}), **options)
    return buffer.getvalue()


def original_format(image):
    """JPEG for photos; PNG for images with transparency (logos, graphics), which
    JPEG would flatten and which PNG keeps exactly and every program reads."""
    return ("PNG", "png", {"optimize": True}) if image.mode == "RGBA" else ("JPEG", "jpg", JPEG_ORIGINAL)


PLACEHOLDER_SIDE = 16


def placeholder(image):
    """A tiny blurred stand-in for the image (a 16-px WebP as a data: URI, about
    200 bytes), shown behind the <img> until the real one has loaded."""
    scale = PLACEHOLDER_SIDE / max(image.size)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    small = image.resize(size, Image.Resampling.BOX)  # each pixel the mean of its box
    small.info = {}  # no colour profile: a few hundred bytes more for a blur
    data = encode(small, "WEBP", quality=40, method=6)
    return "data:image/webp;base64," + base64.b64encode(data).decode("ascii")


def rendition_widths(width):
    """The widths made for an image `width` pixels wide: never wider than it is."""
    return sorted({min(w, width) for w in RENDITION_WIDTHS})


def rendition_name(name, width, ext):
    """photos/2026/11/12-083000.jpg → photos/2026/11/12-083000-480.webp"""
    return f"{name.rsplit('.', 1)[0]}-{width}.{ext}"


# The files store() wrote inside the innermost files_removed_on_failure() block.
_written = contextvars.ContextVar("photo_files_written", default=None)


@contextlib.contextmanager
def files_removed_on_failure():
    """Delete the photo files stored inside this block if the block fails.

    Wrap a transaction with it (outside transaction.atomic): an exception leaving
    the block rolled the rows back, so files written for them would belong to no
    row. A block that succeeds hands its files to an enclosing block, if any.
    """
    written = []
    parent = _written.get()
    token = _written.set(written)
    try:
        yield
    except BaseException:
        for storage, name in written:
            delete_files(storage, [name])
        raise
    else:
        if parent is not None:
            parent.extend(written)
    finally:
        _written.reset(token)


def _track(storage, name):
    written = _written.get()
    if written is not None:
        written.append((storage, name))


def store(storage, name, image):
    """Store the clean image under (about) name and its renditions next to it.

    Returns (stored name, width, height, rendition widths). Nothing is left on
    storage if any step fails.
    """
    fmt, ext, options = original_format(image)
    written = []
    try:
        stored = storage.save(f"{name.rsplit('.', 1)[0]}.{ext}", ContentFile(encode(image, fmt, **options)))
        written.append(stored)
        _track(storage, stored)
        widths = rendition_widths(image.width)
        source = image
        for width in reversed(widths):  # each from the next larger: faster, as sharp
            height = max(1, round(image.height * width / image.width))
            source = source.resize((width, height), Image.Resampling.LANCZOS) if width != source.width else source
            for rext, (rfmt, roptions) in RENDITION_FORMATS.items():
                target = rendition_name(stored, width, rext)
                saved = storage.save(target, ContentFile(encode(source, rfmt, **roptions)))
                written.append(saved)
                _track(storage, saved)
                if saved != target:  # a stray file held the name: the row could not find ours
                    raise OSError(f"rendition name taken: {target}")
    except BaseException:
        delete_files(storage, written)
        raise
    return stored, image.width, image.height, widths


def files_of(name, widths):
    """Every file a photo owns: its original and each rendition."""
    if not name:
        return []
    return [name] + [rendition_name(name, w, ext) for w in widths for ext in RENDITION_FORMATS]


def delete_files(storage, names):
    for name in names:
        try:
            storage.delete(name)
        except OSError:
            logger.warning("Could not delete %s", name, exc_info=True)


def delete_after_commit(storage, names):
    """Delete files once the transaction that stopped needing them commits (never
    when it rolls back: the row would then point at nothing)."""
    names = list(names)
    if names:
        transaction.on_commit(lambda: delete_files(storage, names))
