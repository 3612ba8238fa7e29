"""news.urlcache: a kept address is always the one reverse() gives."""

import pytest
from django.urls import reverse, set_script_prefix
from django.utils import translation

from news.models import Article, Office

pytestmark = pytest.mark.django_db


def test_kept_addresses_follow_the_language_and_the_script_prefix():
    article = Article.objects.published().first()
    office = Office.objects.get(slug="obec")
    for language in ["th", "en", "th"]:
        with translation.override(language):
            for _ in range(2):  # the second answer comes from the cache
                assert article.get_absolute_url() == reverse(
                    "news:article_detail", kwargs={"pk": article.pk, "slug": article.slug}
                )
                assert office.get_absolute_url() == reverse("news:office_detail", kwargs={"slug": "obec"})
    assert article.get_absolute_url().startswith("/news/")
    with translation.override("en"):
        assert article.get_absolute_url().startswith("/en/news/")
    set_script_prefix("/portal/")
    try:
        assert office.get_absolute_url() == "/portal/offices/obec/"
    finally:
        set_script_prefix("/")


def test_a_new_slug_is_a_new_address():
    article = Article.objects.published().first()
    before = article.get_absolute_url()
    article.slug = "ชื่อใหม่"
    assert article.get_absolute_url() != before
    assert article.get_absolute_url() == reverse("news:article_detail", kwargs={"pk": article.pk, "slug": "ชื่อใหม่"})
