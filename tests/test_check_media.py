import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from news.models import Photo
from tests.factories import make_article, make_photo

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
