"""The photo pipeline (news/photos.py): what is accepted, what is stored and served,
and what is deleted. Every file here is a real image (or not) made by the test."""

import io
import json
import re
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from news import photos
from news.models import Article, Photo

from .factories import image_bytes, make_article, make_photo, media_files, phone_jpeg
from .test_admin import article_form

pytestmark = pytest.mark.django_db


def post_photo(client, title, name, data, content_type="image/jpeg"):
    upload = SimpleUploadedFile(name, data, content_type=content_type)
    return client.post(reverse("admin:news_article_add"), article_form(title, photos=[{"order": "1", "image": upload}]))


def png_header_only(width, height):
    """A 100-byte PNG whose header claims width×height: a decompression bomb's shape."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def gif_polyglot():
    """A real GIF whose bytes also carry a script after the image data."""
    return image_bytes("GIF", (8, 8), mode="P") + b"/*\n*/alert(document.cookie);//"


def stored(photo, name=None):
    """Bytes of a stored file of the photo (its original by default)."""
    with photo.image.storage.open(name or photo.image.name, "rb") as handle:
        return handle.read()


def assert_clean(data):
    """No EXIF (so no GPS, make, model, serial) and no XMP; an image that decodes."""
    image = Image.open(io.BytesIO(data))
    image.load()
    assert not image.getexif(), image.getexif()
    assert b"Exif\0\0" not in data and b"PhoneMaker" not in data and b"SERIAL-123456" not in data
    assert "xmp" not in image.info and b"http://ns.adobe.com/xap" not in data


@pytest.mark.parametrize(
    "fmt, name",
    [("JPEG", "a.jpg"), ("PNG", "a.png"), ("WEBP", "a.webp"), ("HEIF", "IMG_0001.HEIC"), ("AVIF", "a.avif")],
)
def test_each_accepted_format_is_stored_as_a_clean_jpeg_with_renditions(admin_client, fmt, name):
    """JPEG, PNG, WebP, HEIC and AVIF uploads are decoded and stored as JPEG, with a
    WebP and a JPEG rendition per width, whatever the upload's name said."""
    title = f"ข่าวภาพ {fmt}"
    response = post_photo(admin_client, title, name, image_bytes(fmt, (120, 90)))
    assert response.status_code == 302, response.content.decode()[-2000:]
    photo = Article.objects.get(title=title).photos.get()
    assert photo.image.name.endswith(".jpg")
    assert (photo.width, photo.height, photo.renditions) == (120, 90, [120])
    assert Image.open(io.BytesIO(stored(photo))).format == "JPEG"
    assert Image.open(io.BytesIO(stored(photo, photo.files()[1]))).format == "WEBP"
    assert all(photo.image.storage.exists(name) for name in photo.files())


def test_transparency_is_kept_as_png_and_flattened_only_in_the_jpeg_rendition():
    article = make_article(title="ข่าวโลโก้")
    photo = Photo(article=article)
    photo.image = SimpleUploadedFile("logo.png", image_bytes("PNG", (40, 30), mode="RGBA"))
    photo.save()
    assert photo.image.name.endswith(".png")
    assert Image.open(io.BytesIO(stored(photo))).mode == "RGBA"
    assert Image.open(io.BytesIO(stored(photo, photos.rendition_name(photo.image.name, 40, "webp")))).mode == "RGBA"
    assert Image.open(io.BytesIO(stored(photo, photos.rendition_name(photo.image.name, 40, "jpg")))).mode == "RGB"


REFUSED = [
    # (name, data, Thai message): each names its own reason.
    ("bomb.png", png_header_only(30000, 30000), "ภาพมีขนาดใหญ่เกินไป (จำนวนพิกเซลเกินกำหนด) ขนาดสูงสุดคือ 50 ล้านพิกเซล"),
    ("big.png", png_header_only(8000, 7000), "ภาพมีขนาดใหญ่เกินไป (56.0 ล้านพิกเซล) ขนาดสูงสุดคือ 50 ล้านพิกเซล"),
    ("cut.jpg", image_bytes("JPEG", (400, 300), quality=95)[:900], "ไฟล์ภาพเสียหายหรือไม่สมบูรณ์"),
    ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     "ไฟล์นี้ไม่ใช่ภาพถ่าย กรุณาส่งภาพแบบ JPEG, PNG, WebP, HEIC หรือ AVIF"),
    ("image.svg.jpg", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "ไฟล์นี้ไม่ใช่ภาพถ่าย"),
    ("funny.jpg", gif_polyglot(), "ไม่รับไฟล์แบบ GIF"),
    ("notes.jpg", "บันทึกการประชุม ไม่ใช่ภาพ".encode(), "ไฟล์นี้ไม่ใช่ภาพถ่าย"),
]


@pytest.mark.parametrize("name, data, message", REFUSED, ids=[r[0] for r in REFUSED])
def test_refused_files_get_a_thai_reason_and_leave_nothing(admin_client, settings, name, data, message):
    files_before, photos_before = media_files(settings.MEDIA_ROOT), Photo.objects.count()
    response = post_photo(admin_client, "ข่าวไฟล์ที่ไม่รับ", name, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Article.objects.filter(title="ข่าวไฟล์ที่ไม่รับ").exists()
    assert Photo.objects.count() == photos_before
    assert media_files(settings.MEDIA_ROOT) == files_before


def test_oversize_upload_is_refused_before_decoding(admin_client, settings):
    settings.MAX_PHOTO_BYTES = 1024 * 1024
    data = image_bytes("PNG", (10, 10)) + b"\0" * (1024 * 1024)  # valid PNG, trailing bytes
    response = post_photo(admin_client, "ข่าวไฟล์ใหญ่", "big.png", data, "image/png")
    assert "ไฟล์ภาพใหญ่เกินไป (1.0 MB) ขนาดสูงสุดคือ 1 MB" in response.content.decode()
    assert not Article.objects.filter(title="ข่าวไฟล์ใหญ่").exists()


def test_a_bomb_is_refused_without_allocating_its_pixels():
    """30000×30000 RGB would be 2.7 GB: refused from the header alone."""
    import tracemalloc

    tracemalloc.start()
    with pytest.raises(Exception) as caught:
        photos.decode(SimpleUploadedFile("bomb.png", png_header_only(30000, 30000)))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert caught.value.code == "too_many_pixels"
    assert peak < 10 * 1024 * 1024


def test_a_phone_photo_is_stored_upright_with_only_its_colour_profile(client):
    """EXIF Orientation 6 is applied; GPS, make, model and serial are gone from the
    original, every rendition, og:image, the JSON-LD image and the feed enclosure."""
    article = make_article(title="ข่าวภาพจากโทรศัพท์")
    photo = Photo(article=article, order=1)
    photo.image = SimpleUploadedFile("IMG_1234.JPG", phone_jpeg((60, 40), orientation=6))
    photo.save()
    assert (photo.width, photo.height) == (40, 60)
    original = Image.open(io.BytesIO(stored(photo)))
    assert original.size == (40, 60)
    # The blue band that was on the left edge of the sideways pixels is now on top.
    assert original.getpixel((20, 3))[2] > 150 and original.getpixel((20, 56))[0] > 150
    assert original.info.get("icc_profile")
    for name in photo.files():
        assert_clean(stored(photo, name))

    html = client.get(article.get_absolute_url()).content.decode()
    og_image = re.search(r'<meta property="og:image" content="http://[^/]+/media/([^"]+)"', html).group(1)
    json_ld = [json.loads(data) for data in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)]
    (json_ld_image,) = [data["image"][0].split("/media/", 1)[1] for data in json_ld if data.get("@type") == "NewsArticle"]
    rss = client.get("/feeds/news.rss").content.decode()
    enclosure = re.search(r'<enclosure [^>]*url="http://[^/]+/media/([^"]+)"', rss[rss.index("ข่าวภาพจากโทรศัพท์"):]).group(1)
    assert og_image == json_ld_image == enclosure == photos.rendition_name(photo.image.name, 40, "jpg")
    assert_clean(stored(photo, og_image))


def test_the_longest_side_is_capped_and_renditions_never_upscale(settings):
    settings.MAX_PHOTO_SIDE = 1000
    photo = make_photo(make_article(), size=(1200, 800))
    assert (photo.width, photo.height, photo.renditions) == (1000, 667, [480, 960, 1000])
    assert Image.open(io.BytesIO(stored(photo, photos.rendition_name(photo.image.name, 480, "webp")))).size == (480, 320)
    assert photos.rendition_widths(2560) == [480, 960, 1600]


def test_pages_use_renditions_in_picture_with_sizes_and_real_dimensions(client):
    article = make_article(title="ข่าวภาพแนวตั้ง")
    make_photo(article, size=(60, 40), order=1)
    portrait = Photo(article=article, order=2)
    portrait.image = SimpleUploadedFile("p.jpg", phone_jpeg((60, 40), orientation=6))
    portrait.save()
    html = client.get(article.get_absolute_url()).content.decode()
    stem = portrait.image.url.rsplit(".", 1)[0]
    assert f'<source type="image/webp" srcset="{stem}-40.webp 40w" sizes="' in html
    assert re.search(rf'<img src="{stem}-40.jpg" srcset="{stem}-40.jpg 40w" sizes="[^"]+" alt="" width="40" height="60" loading="lazy"', html)
    assert portrait.image.url + '"' not in html  # the original is never what a page shows


def test_deleting_a_photo_or_article_removes_its_files_after_commit(django_capture_on_commit_callbacks):
    article = make_article()
    photo, other = make_photo(article, size=(1000, 700)), make_photo(article, order=2)
    storage, names = photo.image.storage, photo.files()
    assert len(names) == 7 and all(storage.exists(name) for name in names)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        photo.delete()
    assert all(storage.exists(name) for name in names)  # still there until the commit
    for callback in callbacks:
        callback()
    assert not any(storage.exists(name) for name in names)
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert not any(storage.exists(name) for name in other.files())


def test_replacing_a_photo_file_removes_the_old_files_after_commit(django_capture_on_commit_callbacks):
    photo = make_photo(make_article())
    old = photo.files()
    with django_capture_on_commit_callbacks(execute=True):
        photo.image = SimpleUploadedFile("new.png", image_bytes("PNG", (30, 20)))
        photo.save()
    assert not any(photo.image.storage.exists(name) for name in old)
    assert all(photo.image.storage.exists(name) for name in photo.files())


def test_a_missing_rendition_never_gives_a_server_error(client):
    """Pages never touch renditions; what is shared outside falls back to the clean original."""
    article = make_article(title="ข่าวภาพไม่ครบ")
    photo = make_photo(article, size=(60, 40))
    for name in photo.files()[1:]:
        photo.image.storage.delete(name)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert f'og:image" content="http://testserver{photo.image.url}"' in response.content.decode()
    rss = client.get("/feeds/news.rss")
    assert rss.status_code == 200 and photo.image.url in rss.content.decode()
    assert client.get("/").status_code == 200


def test_gallery_page_runs_the_same_queries_for_5_and_50_photos(client):
    """No query per photo: srcset comes from the row (the cache backend, database or
    Redis, changes the total, not the equality)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for count in (5, 50):
        article = make_article(title=f"ข่าว {count} ภาพ")
        for order in range(count):
            make_photo(article, size=(24, 16), order=order)
        client.get(article.get_absolute_url())  # warm caches that are not about photos
        with CaptureQueriesContext(connection) as queries:
            response = client.get(article.get_absolute_url())
        own = re.findall(rf'/{article.pk}-\d+-24\.webp 24w"', response.content.decode())
        assert len(own) == count + 1  # cover + gallery, each a <picture>
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_only_images_below_the_first_screen_are_lazy(client):
    """The home page's lead card and an article's cover load at once; other cards and
    gallery thumbnails are lazy."""
    html = client.get("/").content.decode()
    lead = re.search(r'<article class="card card-lead">.*?</article>', html, re.S).group(0)
    assert "<picture>" in lead and 'loading="lazy"' not in lead
    rest = html.replace(lead, "")
    assert rest.count("<picture>") == rest.count('loading="lazy"') > 0


def test_a_rolled_back_admin_save_leaves_no_photo_file(admin_client, settings, monkeypatch):
    """The article's transaction fails after its photos were stored: no row and no
    file remain (news.photos.files_removed_on_failure around the admin's save)."""
    from news.admin import ArticleAdmin

    original = ArticleAdmin.save_related

    def save_then_fail(self, *args, **kwargs):
        original(self, *args, **kwargs)
        raise RuntimeError("failed after the photos were saved")

    monkeypatch.setattr(ArticleAdmin, "save_related", save_then_fail)
    admin_client.raise_request_exception = True
    files_before = media_files(settings.MEDIA_ROOT)
    with pytest.raises(RuntimeError):
        post_photo(admin_client, "ข่าวที่ย้อนกลับ", "a.jpg", image_bytes("JPEG", (700, 500)))
    assert not Article.objects.filter(title="ข่าวที่ย้อนกลับ").exists()
    assert media_files(settings.MEDIA_ROOT) == files_before


def test_files_kept_when_the_block_succeeds_and_handed_to_the_outer_block(settings):
    """A nested block that succeeds hands its files to the enclosing one: they are
    deleted if the outer transaction then fails, kept if it succeeds."""
    article = make_article(title="ข่าวบล็อกซ้อน")
    files_before = media_files(settings.MEDIA_ROOT)
    with pytest.raises(ValueError):
        with photos.files_removed_on_failure():
            with photos.files_removed_on_failure():
                inner = make_photo(article, size=(500, 300))
            assert media_files(settings.MEDIA_ROOT) > files_before
            raise ValueError("outer failure")
    assert not any(name in media_files(settings.MEDIA_ROOT) for name in inner.files())
    with photos.files_removed_on_failure():
        kept = make_photo(article, size=(500, 300))
    assert all(kept.image.storage.exists(name) for name in kept.files())


def test_an_upload_reads_nothing_back_from_storage(monkeypatch):
    """Storing a photo only writes: no file is opened again to read its size (on S3
    that would download the original just uploaded)."""
    from django.core.files.storage import FileSystemStorage

    opened = []
    original = FileSystemStorage._open
    monkeypatch.setattr(FileSystemStorage, "_open", lambda self, name, mode="rb": opened.append(name) or original(self, name, mode))
    photo = Photo.objects.create(article=make_article(), image=SimpleUploadedFile("a.jpg", image_bytes("JPEG", (600, 400))))
    assert opened == []
    assert (photo.width, photo.height, photo.renditions) == (600, 400, [480, 600])
    assert Photo.objects.get(pk=photo.pk).image.name == photo.image.name
