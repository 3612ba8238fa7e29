"""The cover photo (Article.cover: the photo marked as cover, else the first in gallery
order) everywhere it is shown, how editors choose it, and each photo's tiny placeholder."""

import base64
import io
import re

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from PIL import Image

from news.models import Article, Photo

from .admin_forms import form_data
from .factories import make_article, make_editor, make_event, make_photo

pytestmark = pytest.mark.django_db


def rendition(photo, width, ext="jpg"):
    return photo.image.name.rsplit(".", 1)[0] + f"-{width}.{ext}"


def base(photo):
    """The stem every file of the photo shares."""
    return photo.image.name.rsplit(".", 1)[0].rsplit("/", 1)[1]


@pytest.fixture
def three_photos():
    """A published article about an event, with three photos; the third is marked cover."""
    event = make_event(title="ประชุมเลือกภาพปก")
    article = make_article(title="ข่าวเลือกภาพปก", event=event)
    first = make_photo(article, size=(600, 400), order=1, alt_text="ภาพแรก")
    second = make_photo(article, size=(600, 400), order=2, alt_text="ภาพที่สอง")
    chosen = make_photo(article, size=(600, 400), order=3, alt_text="ภาพปกที่เลือก", is_cover=True)
    return article, first, second, chosen


def test_without_a_mark_the_first_photo_is_the_cover():
    article = make_article(title="ข่าวไม่ได้เลือกภาพปก")
    first = make_photo(article, order=1)
    make_photo(article, order=2)
    assert Article.objects.get(pk=article.pk).cover == first
    assert Article.objects.for_listing().get(pk=article.pk).cover == first


def test_the_marked_cover_is_the_cover_on_every_page_and_outside_the_site(client, three_photos):
    """Cards (home, news list, event page), the article page, og:image, the event's
    og:image and the feed enclosure all show the photo the editor marked."""
    article, first, _second, chosen = three_photos
    assert Article.objects.get(pk=article.pk).cover == chosen  # not prefetched
    assert Article.objects.for_listing().get(pk=article.pk).cover == chosen

    def card(html):
        cards = re.findall(r'<article class="card.*?</article>', html, re.S)
        return next(c for c in cards if "ข่าวเลือกภาพปก" in c)

    for url in [reverse("news:home"), reverse("news:article_list"), article.event.get_absolute_url()]:
        html = client.get(url).content.decode()
        assert base(chosen) in card(html) and base(first) not in card(html), url

    page = client.get(article.get_absolute_url()).content.decode()
    cover = re.search(r'<figure class="article-cover">.*?</figure>', page, re.S).group()
    assert base(chosen) in cover and 'alt="ภาพปกที่เลือก"' in cover
    og = re.search(r'<meta property="og:image" content="([^"]+)"', page).group(1)
    assert og.endswith(rendition(chosen, 600))
    event_page = client.get(article.event.get_absolute_url()).content.decode()
    assert re.search(r'<meta property="og:image" content="([^"]+)"', event_page).group(1).endswith(rendition(chosen, 600))
    feed = client.get(reverse("feeds:news_rss")).content.decode()
    item = next(i for i in feed.split("<item>") if "ข่าวเลือกภาพปก" in i)
    assert re.search(r'<enclosure [^>]*url="([^"]+)"', item).group(1).endswith(rendition(chosen, 600))
    # The gallery still shows every photo in gallery order.
    gallery = page[page.index('class="gallery"'):]
    assert [gallery.index(base(p)) for p in (first, _second, chosen)] == sorted(
        gallery.index(base(p)) for p in (first, _second, chosen))


def test_a_missing_cover_file_gives_no_cover_and_no_error(client, three_photos):
    article, _first, _second, chosen = three_photos
    chosen.image.storage.delete(chosen.image.name)
    assert Article.objects.get(pk=article.pk).cover is None
    assert client.get(article.get_absolute_url()).status_code == 200


def test_marking_a_cover_unmarks_the_previous_one_and_the_database_allows_one():
    article = make_article(title="ข่าวเปลี่ยนภาพปก")
    one = make_photo(article, order=1, is_cover=True)
    two = make_photo(article, order=2)
    two.is_cover = True
    two.save()
    assert list(article.photos.filter(is_cover=True)) == [two]
    with pytest.raises(IntegrityError), transaction.atomic():
        Photo.objects.filter(pk=one.pk).update(is_cover=True)  # around the model: the constraint refuses


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def test_the_inline_chooses_the_cover_and_refuses_two(admin_client, three_photos):
    article, first, second, chosen = three_photos
    page = admin_client.get(change_url(article))
    fields = form_data(page)
    index = {fields[k]: k.split("-")[1] for k in fields if re.fullmatch(r"photos-\d+-id", k) and fields[k]}
    assert fields[f"photos-{index[str(chosen.pk)]}-is_cover"] == "on"
    two = {**fields, f"photos-{index[str(first.pk)]}-is_cover": "on"}
    response = admin_client.post(change_url(article), two)
    assert response.status_code == 200
    assert "เลือกภาพปกได้ภาพเดียว" in response.content.decode()
    assert list(article.photos.filter(is_cover=True)) == [chosen]  # nothing saved
    moved = {k: v for k, v in two.items() if k != f"photos-{index[str(chosen.pk)]}-is_cover"}
    assert admin_client.post(change_url(article), moved).status_code == 302
    assert list(article.photos.filter(is_cover=True)) == [first]
    assert Article.objects.get(pk=article.pk).cover == first


def cover_url(article, photo):
    return reverse("admin:news_article_cover_photo", args=[article.pk, photo.pk])


def test_bulk_upload_offers_the_cover_choice_for_each_saved_photo(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .factories import jpeg_bytes

    article = make_article(title="ข่าวร่างเลือกภาพปกหลังอัปโหลด", status=Article.Status.DRAFT)
    old = make_photo(article, order=1, is_cover=True)
    client.force_login(make_editor("cover-obec", "obec"))
    upload = reverse("admin:news_article_upload_photo", args=[article.pk])
    answer = client.post(upload, {"image": SimpleUploadedFile("a.jpg", jpeg_bytes(), "image/jpeg")}).json()
    new = Photo.objects.get(pk=answer["id"])
    assert answer["cover_url"] == cover_url(article, new)
    assert client.get(answer["cover_url"]).status_code == 405
    response = client.post(answer["cover_url"])
    assert (response.status_code, response.json()) == (200, {"id": new.pk, "is_cover": True})
    assert list(article.photos.filter(is_cover=True)) == [new] and not Photo.objects.get(pk=old.pk).is_cover
    # A photo of another article is not found through this one.
    other = make_photo(make_article(title="ข่าวอื่น", status=Article.Status.DRAFT))
    assert client.post(cover_url(article, other)).status_code == 404


def test_another_offices_editor_cannot_choose_the_cover(client):
    article = make_article(title="ข่าวร่าง สพฐ. ภาพปก", status=Article.Status.DRAFT)
    photo = make_photo(article)
    client.force_login(make_editor("cover-other", "peo-phetchabun"))
    assert client.post(cover_url(article, photo)).status_code in (403, 404)
    assert not Photo.objects.get(pk=photo.pk).is_cover


def test_the_bulk_zone_carries_the_cover_button_texts(admin_client):
    draft = make_article(title="ข่าวร่างปุ่มภาพปก", status=Article.Status.DRAFT)
    html = admin_client.get(change_url(draft)).content.decode()
    assert 'data-cover="ใช้เป็นภาพปก"' in html and 'data-is-cover="ภาพปก"' in html


def test_each_photo_has_a_tiny_webp_placeholder_made_once():
    """16 px on its longest side, the photo's proportions and colours, a few hundred
    bytes as a data: URI, stored on the row when the photo is processed."""
    article = make_article(title="ข่าวภาพตัวอย่างขนาดจิ๋ว")
    photo = make_photo(article, size=(1200, 800))
    prefix = "data:image/webp;base64,"
    assert photo.placeholder.startswith(prefix) and len(photo.placeholder) < 400
    tiny = Image.open(io.BytesIO(base64.b64decode(photo.placeholder[len(prefix):])))
    assert (tiny.format, tiny.size) == ("WEBP", (16, 11))
    r, g, b = tiny.convert("RGB").getpixel((8, 5))
    assert abs(r - 30) < 12 and abs(g - 90) < 12 and abs(b - 160) < 12  # factories.jpeg_bytes' blue
    assert Photo.objects.get(pk=photo.pk).placeholder == photo.placeholder


def test_pages_carry_the_placeholder_in_a_data_attribute_and_no_style_attribute(client, three_photos):
    """No inline style and no inline script: a CSP without 'unsafe-inline' holds;
    static/js/placeholders.js paints it."""
    article, first, _second, chosen = three_photos
    page = client.get(article.get_absolute_url()).content.decode()
    assert chosen.placeholder and page.count(f'data-placeholder="{chosen.placeholder}"') == 4  # cover + 3 in gallery (one colour)
    imgs = re.findall(r"<img [^>]*srcset=[^>]*>", page)
    assert imgs and all("data-placeholder=" in img for img in imgs)  # related cards' too
    assert " style=" not in page
    assert re.search(r'<script src="/static/js/placeholders\.js" defer></script>', page)
    scripts = re.findall(r"<script([^>]*)>", page)
    assert all("src=" in attrs or "application/ld+json" in attrs for attrs in scripts), scripts
