import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _media_and_cache(settings, media_root):
    """Uploaded files go to a temporary folder; every test starts in Thai with an empty cache."""
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache
    from django.utils import translation

    settings.MEDIA_ROOT = media_root
    # Off unless a test turns it on (tests/page_cache_fixtures.py): inside a test's
    # transaction no change commits, so nothing would ever invalidate a page.
    settings.PAGE_CACHE_SECONDS = 0
    # The database cache's rows go with each test's rolled-back transaction (and a
    # test without database access may not touch its table); Redis must be emptied.
    if not isinstance(caches["default"], DatabaseCache):
        caches["default"].clear()
    # A request handled by the test client leaves its language active in this thread.
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, media_root):
    """The demo data (the five seeds) is loaded once into the test database."""
    from django.conf import settings

    original = settings.MEDIA_ROOT
    settings.MEDIA_ROOT = media_root
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
    settings.MEDIA_ROOT = original
