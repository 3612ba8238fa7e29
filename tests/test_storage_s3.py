"""Photos on S3-compatible object storage (django-storages' S3Storage) against a real
S3 server process: moto in server mode on a free port of 127.0.0.1, a new bucket per
test. Every photo path runs here through the storage API only: S3Storage has no
`.path` and no local file, so any code reaching for the file system fails these tests."""

import io
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from PIL import Image

from news.models import Article, Photo

from .factories import jpeg_bytes, make_article, phone_jpeg
from .test_photos import assert_clean, post_photo

pytestmark = pytest.mark.django_db

try:
    import boto3
    import moto.server  # noqa: F401  (moto[server], requirements-dev.txt)
except ImportError:  # pragma: no cover
    if os.environ.get("CI"):
        raise  # CI installs requirements-dev.txt: a missing moto is a failure there
    pytest.skip("moto[server] is not installed (pip install -r requirements-dev.txt)", allow_module_level=True)

KEYS = {"access_key": "test-key", "secret_key": "test-secret", "region_name": "us-east-1"}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    """A moto S3 server process on a random free port, stopped after the module."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(endpoint + "/", timeout=1)
                break
            except urllib.error.HTTPError:
                break  # it answers
            except OSError:
                if server.poll() is not None:
                    pytest.fail("moto server exited at start")
                time.sleep(0.1)
        else:
            pytest.fail("moto server did not answer")
        yield endpoint
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def s3(settings, s3_endpoint):
    """Photos stored in a new bucket of the moto server, as portal/settings.py sets
    S3Storage up from DJANGO_S3_* (unsigned public URLs, never overwriting)."""
    bucket = f"photos-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3", endpoint_url=s3_endpoint, aws_access_key_id=KEYS["access_key"],
        aws_secret_access_key=KEYS["secret_key"], region_name=KEYS["region_name"],
    )
    client.create_bucket(Bucket=bucket)
    # Readers fetch photos at unsigned URLs: the bucket lets anyone read (docs/photos.md).
    client.put_bucket_policy(Bucket=bucket, Policy=json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{bucket}/*",
    }]}))
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": bucket, "endpoint_url": s3_endpoint, **KEYS, "addressing_style": "path",
                "querystring_auth": False, "file_overwrite": False,
                "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
            },
        },
    }
    client.bucket = bucket
    client.keys = lambda: sorted(o["Key"] for o in client.list_objects_v2(Bucket=bucket).get("Contents", []))
    return client


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


def test_the_settings_switch_to_s3_from_the_environment():
    """DJANGO_S3_BUCKET (with endpoint and keys) makes S3Storage the default storage
    and stops the app serving /media/; without it photos are local files."""
    code = ("import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'portal.settings'; django.setup();"
            "from django.conf import settings as s; from django.core.files.storage import storages; d = storages['default'];"
            "print(type(d).__name__, s.SERVE_MEDIA, getattr(d, 'bucket_name', '-'), getattr(d, 'endpoint_url', '-'))")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_S3_")}
    local = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert local.stdout.split() == ["FileSystemStorage", "True", "-", "-"]
    env.update(DJANGO_S3_BUCKET="news-photos", DJANGO_S3_ENDPOINT_URL="http://127.0.0.1:9",
               DJANGO_S3_ACCESS_KEY_ID="k", DJANGO_S3_SECRET_ACCESS_KEY="s")
    remote = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert remote.stdout.split() == ["S3Storage", "False", "news-photos", "http://127.0.0.1:9"]


def test_an_upload_on_s3_is_stored_clean_with_renditions_and_served(client, admin_client, s3):
    """An admin upload lands in the bucket as a clean original plus renditions (and
    nothing else); the published page, og:image and feed enclosure point at the
    bucket, and every one of those URLs serves a clean image."""
    response = post_photo(admin_client, "ข่าวภาพบน S3", "IMG_0001.jpg", phone_jpeg((1200, 800)))
    assert response.status_code == 302, response.content.decode()[-1500:]
    article = Article.objects.get(title="ข่าวภาพบน S3")
    photo = article.photos.get()
    assert s3.keys() == sorted(photo.files()) and len(photo.files()) == 5  # original + 480/960 × WebP/JPEG
    head = s3.head_object(Bucket=s3.bucket, Key=photo.image.name)
    assert head["ContentType"] == "image/jpeg" and "immutable" in head["CacheControl"]
    Photo.objects.filter(pk=photo.pk).update(alt_text="ภาพทดสอบ")
    Article.objects.filter(pk=article.pk).update(status="published")

    page = client.get(article.get_absolute_url()).content.decode()
    prefix = f"{s3.meta.endpoint_url}/{s3.bucket}/photos/"
    urls = set(re.findall(re.escape(prefix) + r'[^"\s,]+', page))
    assert {url.rsplit("/", 1)[1] for url in urls} >= {name.rsplit("/", 1)[1] for name in photo.files()[1:]}
    for url in urls:
        status, data = fetch(url)
        assert status == 200
        assert_clean(data)
    assert f'<meta property="og:image" content="{prefix}' in page

    feed = client.get(reverse("feeds:news_rss")).content.decode()
    enclosure = next(line for line in feed.split("<enclosure")[1:] if prefix in line)
    url = enclosure.split('url="')[1].split('"')[0]
    length = int(enclosure.split('length="')[1].split('"')[0])
    status, data = fetch(url)
    assert (status, len(data)) == (200, length)
    assert_clean(data)


def test_bulk_upload_on_s3(admin_client, s3):
    article = make_article(title="ข่าวอัปโหลดหลายภาพบน S3", status=Article.Status.DRAFT)
    url = reverse("admin:news_article_upload_photo", args=[article.pk])
    for index in range(3):
        upload = SimpleUploadedFile(f"p{index}.jpg", jpeg_bytes((300, 200)), content_type="image/jpeg")
        response = admin_client.post(url, {"image": upload})
        assert response.status_code == 201, response.content
        assert fetch(response.json()["thumbnail"])[0] == 200
    refused = admin_client.post(url, {"image": SimpleUploadedFile("x.jpg", b"not a photo")})
    assert refused.status_code == 400
    assert s3.keys() == sorted(name for photo in article.photos.all() for name in photo.files())


def test_deleting_photos_on_s3_removes_their_objects_after_commit(s3, django_capture_on_commit_callbacks):
    article = make_article(title="ข่าวลบภาพบน S3")
    one = Photo.objects.create(article=article, image=SimpleUploadedFile("a.jpg", jpeg_bytes((500, 300))))
    Photo.objects.create(article=article, image=SimpleUploadedFile("b.jpg", jpeg_bytes((500, 300))))
    assert len(s3.keys()) == 10  # each: original + 480/500 × WebP/JPEG
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        one.delete()
    assert len(s3.keys()) == 10  # nothing deleted before the commit
    for callback in callbacks:
        callback()
    assert len(s3.keys()) == 5 and not set(one.files()) & set(s3.keys())
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert s3.keys() == []


def test_check_media_on_s3_reports_missing_and_deletes_orphans_only_when_asked(s3):
    article = make_article(title="ข่าวตรวจไฟล์บน S3")
    kept = Photo.objects.create(article=article, image=SimpleUploadedFile("a.jpg", jpeg_bytes((500, 300))))
    gone = Photo.objects.create(article=article, image=SimpleUploadedFile("b.jpg", jpeg_bytes((500, 300))))
    s3.delete_object(Bucket=s3.bucket, Key=gone.image.name)
    s3.put_object(Bucket=s3.bucket, Key="photos/2020/01/stray.jpg", Body=jpeg_bytes())
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("check_media", stdout=out)
    assert f"file missing: photo {gone.pk}" in out.getvalue()
    assert "orphaned file: photos/2020/01/stray.jpg" in out.getvalue()
    # A photo's files (even those of the photo whose original is missing) are never orphans.
    assert not any(f"orphaned file: {name}" in out.getvalue() for name in kept.files() + gone.files())
    assert "photos/2020/01/stray.jpg" in s3.keys()  # a dry run by default
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("check_media", "--delete-orphans", "--older-than", "0", stdout=out)
    assert "orphaned file deleted: photos/2020/01/stray.jpg" in out.getvalue()
    assert "photos/2020/01/stray.jpg" not in s3.keys()
    assert set(kept.files()) <= set(s3.keys())


def test_a_rolled_back_upload_leaves_no_object_on_s3(admin_client, s3, monkeypatch):
    """The admin's save fails after the photo's files were written: the transaction
    rolls back and the files written for it are deleted too."""
    from news.admin import ArticleAdmin

    def fail(*args, **kwargs):
        raise RuntimeError("the database went away after the photos were saved")

    original = ArticleAdmin.save_related

    def save_then_fail(self, *args, **kwargs):
        original(self, *args, **kwargs)
        fail()

    monkeypatch.setattr(ArticleAdmin, "save_related", save_then_fail)
    admin_client.raise_request_exception = True
    with pytest.raises(RuntimeError):
        post_photo(admin_client, "ข่าวที่บันทึกไม่สำเร็จ", "a.jpg", jpeg_bytes((500, 300)))
    assert not Article.objects.filter(title="ข่าวที่บันทึกไม่สำเร็จ").exists()
    assert s3.keys() == []


def test_demo_style_stored_file_is_cleaned_on_s3(s3):
    """A file put on storage first (load_demo's way) is read back through the storage
    API, replaced by its clean original and renditions, and the raw upload removed."""
    article = make_article(title="ข่าวภาพตัวอย่างบน S3")
    photo = Photo(article=article)
    photo.image.save("raw.jpg", ContentFile(phone_jpeg((900, 600))), save=False)
    photo.save()
    assert s3.keys() == sorted(photo.files())
    assert (photo.width, photo.height) == (600, 900)  # turned upright
    status, data = fetch(photo.image.url)
    assert Image.open(io.BytesIO(data)).size == (600, 900)
    assert_clean(data)
