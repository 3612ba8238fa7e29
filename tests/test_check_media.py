import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError

from news.models import Photo
from tests.factories import jpeg_bytes, make_article, make_photo, phone_jpeg

pytestmark = pytest.mark.django_db


def check_media(*args):
    out = io.StringIO()
    call_command("check_media", *args, stdout=out)
    return out.getvalue()


def test_check_media_passes_when_every_file_is_there():
    assert f"All {Photo.objects.count()} photos can be shown." in check_media()


def test_check_media_lists_missing_files_and_fails():
    """Cron and monitoring notice: the command names each photo and exits 1."""
    article = make_article()
    gone = make_photo(article)
    gone.image.storage.delete(gone.image.name)
    out = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("check_media", stdout=out)
    assert error.value.returncode == 1 and "1 of" in str(error.value)
    assert f"file missing: photo {gone.pk} of article {article.pk}" in out.getvalue()
    assert gone.image.name in out.getvalue()


def test_check_media_fills_sizes_of_files_that_came_back():
    photo = make_photo(make_article(), size=(40, 30))
    Photo.objects.filter(pk=photo.pk).update(width=None, height=None)
    with pytest.raises(CommandError):
        check_media()
    assert "size stored" in check_media("--fill-sizes")
    assert Photo.objects.values_list("width", "height").get(pk=photo.pk) == (40, 30)


def test_check_media_lists_orphaned_files_but_not_a_photos_own():
    """A file under photos/ that no row references is listed; a photo's original and
    renditions are not."""
    photo = make_photo(make_article(), size=(600, 400))
    storage = photo.image.storage
    stray = storage.save("photos/stray/left-behind.jpg", ContentFile(jpeg_bytes()))
    out = check_media()
    assert f"orphaned file: {stray}" in out
    assert not any(name in out for name in photo.files())


def test_check_media_makes_renditions_for_photos_stored_before_them():
    """A photo stored as uploaded (version 1: the phone's EXIF kept, no renditions)
    is reported, and --make-renditions replaces it by a clean original with renditions."""
    photo = make_photo(make_article(), size=(40, 30))
    raw = photo.image.storage.save("photos/old/phone.jpg", ContentFile(phone_jpeg((60, 40))))
    Photo.objects.filter(pk=photo.pk).update(image=raw, width=60, height=40, renditions=[])
    with pytest.raises(CommandError):
        check_media()
    assert "renditions made" in check_media("--make-renditions")
    photo.refresh_from_db()
    assert (photo.width, photo.height, photo.renditions) == (40, 60, [40])
    assert all(photo.image.storage.exists(name) for name in photo.files())


def test_orphans_are_deleted_only_when_asked_and_only_when_old(settings):
    """The default is a dry run; --delete-orphans keeps files younger than
    --older-than minutes (an upload whose row is not committed yet) and never
    deletes a photo's own files."""
    import os
    import time

    photo = make_photo(make_article(), size=(600, 400))
    storage = photo.image.storage
    old = storage.save("photos/stray/old.jpg", ContentFile(jpeg_bytes()))
    new = storage.save("photos/stray/new.jpg", ContentFile(jpeg_bytes()))
    hours_ago = time.time() - 2 * 3600
    os.utime(settings.MEDIA_ROOT / old, (hours_ago, hours_ago))
    assert f"orphaned file: {old}" in check_media() and storage.exists(old)  # dry run
    out = check_media("--delete-orphans")
    assert f"orphaned file deleted: {old}" in out and not storage.exists(old)
    assert f"orphaned file kept (younger than 1:00:00): {new}" in out and storage.exists(new)
    assert f"orphaned file deleted: {new}" in check_media("--delete-orphans", "--older-than", "0")
    assert not storage.exists(new)
    assert all(storage.exists(name) for name in photo.files())


def test_check_media_makes_placeholders_for_photos_processed_before_them():
    photo = make_photo(make_article(), size=(600, 400))
    made = photo.placeholder
    Photo.objects.filter(pk=photo.pk).update(placeholder="")
    assert "1 photos have no placeholder" in check_media()  # reported, not a failure
    assert f"placeholder made: photo {photo.pk}" in check_media("--make-renditions")
    assert Photo.objects.get(pk=photo.pk).placeholder.startswith("data:image/webp;base64,")
    assert made  # the same kind of image as one made at upload
