"""What both page-cache test modules (test_page_cache.py, test_page_cache_stampede.py) use:
the cache switched on, a change run as if committed, the seed article and a change to it.
Imported by name: pytest takes the fixtures (page_cache is autouse) from each module that imports them."""

import pytest
from django.core.cache import cache

from news.models import Article


@pytest.fixture(autouse=True)
def page_cache(settings):
    """The page cache on (tests/conftest.py turns it off for every other test)."""
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_MAX_AGE = 60
    if not settings.REDIS_URL:
        # The database cache's own queries would blur "a hit makes no query".
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}}
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as if its transaction committed (the test's own never does)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def seed_article():
    """Seed 003: an event with a chair and attendees, tags, a category, photos."""
    return Article.objects.get(source_url__endswith="003_e115936f3f021c0b.txt")


def max_age(cache_control):
    return int(cache_control.split("max-age=")[1].split(",")[0])


def change_article_title(article):
    article.title = "หัวข้อข่าวที่แก้ไขใหม่"
    article.save()
    return "หัวข้อข่าวที่แก้ไขใหม่"
