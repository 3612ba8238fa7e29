"""Shareable previews (news/models/previews.py, news/admin_preview.py,
views.PreviewLinkView): a signed, expiring link shows a draft to someone without an
account until it expires or is revoked, and only then; never indexed, cached or
counted; made and revoked only by those who may share the article."""

import datetime
import re
from unittest import mock

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from news.models import Article, Office, PendingRead, PreviewLink
from news.models.previews import SIGNING_SALT

from .factories import make_article, make_editor

pytestmark = pytest.mark.django_db

TITLE = "ร่างข่าวประชุมผู้บริหารสถานศึกษา เพชรบูรณ์"
BANNER = "โปรดอย่าส่งต่อลิงก์นี้"
GONE = "ลิงก์ตัวอย่างข่าวนี้ใช้ไม่ได้แล้ว"
NOT_FOUND = "ไม่พบหน้าที่ต้องการ"


@pytest.fixture
def draft():
    return make_article(title=TITLE, status=Article.Status.DRAFT, office=Office.objects.get(slug="peo-phetchabun"))


@pytest.fixture
def editor(client):
    """An editor of ศธจ.เพชรบูรณ์, the draft's office."""
    client.force_login(make_editor("phetchabun", "peo-phetchabun"))
    return client


@pytest.fixture
def outsider():
    """An editor of another office (สพป.นครพนม เขต 1's parent tree is not Phetchabun's)."""
    client = Client()
    client.force_login(make_editor("obec-editor", "obec"))
    return client


def links_url(article):
    return reverse("admin:news_article_preview_links", args=[article.pk])


def make_link(client, article, days=3):
    """Make a link on the article's admin page, as an editor does; its address as listed there."""
    response = client.post(links_url(article), {"days": str(days)}, follow=True)
    assert "สร้างลิงก์ตัวอย่างข่าวใหม่แล้ว" in response.content.decode()
    return listed_links(response.content.decode())[0]


def listed_links(html):
    return re.findall(r'<input id="preview-link-\d+" type="text" readonly value="([^"]+)"', html)


def test_a_link_shows_the_draft_to_anyone_holding_it_until_it_expires(editor, draft):
    url = make_link(editor, draft, days=1)
    link = PreviewLink.objects.get(article=draft)
    assert link.expires_at - link.created_at == datetime.timedelta(days=1)
    reader = Client()
    assert reader.get(draft.get_absolute_url()).status_code == 404  # the public address stays closed
    response = reader.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert TITLE in html and BANNER in html and "เนื้อหาข่าวทดสอบ" in html
    almost = link.expires_at - datetime.timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=almost):
        assert reader.get(url).status_code == 200
    with mock.patch("django.utils.timezone.now", return_value=link.expires_at + datetime.timedelta(seconds=1)):
        gone = reader.get(url)
    assert gone.status_code == 410
    assert GONE in gone.content.decode() and TITLE not in gone.content.decode()
    assert "no-store" in gone["Cache-Control"]


def test_a_preview_is_never_indexed_cached_shared_or_counted(editor, draft):
    url = make_link(editor, draft)
    pending = PendingRead.objects.count()
    response = Client(HTTP_USER_AGENT="Mozilla/5.0 (iPhone) Safari").get(url)
    html = response.content.decode()
    assert response.status_code == 200
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["Referrer-Policy"] == "no-referrer"  # the token is not sent to sites the body links to
    assert "og:title" not in html and 'class="share"' not in html  # no share buttons carrying the token
    assert "Vary" not in response or "Cookie" not in response["Vary"]
    draft.refresh_from_db()
    assert draft.read_count == 0 and PendingRead.objects.count() == pending
    # Feeds and sitemaps know only published news.
    for address in ["/feeds/news.rss", "/feeds/news.atom", "/sitemap-news.xml"]:
        body = Client().get(address).content.decode()
        assert TITLE not in body and "/preview/" not in body


def test_the_preview_page_costs_a_fixed_number_of_queries(editor, draft, django_assert_num_queries):
    url = make_link(editor, draft)
    reader = Client()
    reader.get(url)  # warm the site-wide caches (list counts and the like)
    # link; article with office, category and event; tags; photos; related news: ids, rows, covers
    with django_assert_num_queries(7):
        assert reader.get(url).status_code == 200


def test_a_revoked_link_no_longer_opens_the_draft(editor, draft):
    url = make_link(editor, draft)
    other_url = make_link(editor, draft)
    link = PreviewLink.objects.get(article=draft, key=PreviewLink.from_token(url.rstrip("/").rsplit("/", 1)[1]).key)
    page = editor.post(links_url(draft), {"revoke": str(link.pk)}, follow=True)
    html = page.content.decode()
    assert "ยกเลิกลิงก์ตัวอย่างข่าวแล้ว" in html and "ยกเลิกโดย phetchabun" in html
    assert listed_links(html) == [other_url]  # a revoked link is listed without its address
    reader = Client()
    response = reader.get(url)
    assert response.status_code == 410 and GONE in response.content.decode()
    assert reader.get(other_url).status_code == 200  # revoking one leaves the others


def test_tampered_cut_or_unknown_tokens_are_the_thai_404_page(editor, draft):
    url = make_link(editor, draft)
    token = url.rstrip("/").rsplit("/", 1)[1]
    key, signature = token.split(":")
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    other_key = key[:-1] + ("0" if key[-1] != "0" else "1")
    forged = signing.Signer(salt="another-salt").sign(key)  # signed, but not for previews
    unknown = signing.Signer(salt=SIGNING_SALT).sign("0" * 32)  # our signature, no such link
    reader = Client()
    for bad in [f"{key}:{flipped}", key, forged, unknown, "x", "a" * 5000, f"{other_key}:{signature}"]:
        response = reader.get(f"/preview/{bad}/")
        assert response.status_code == 404, bad
        html = response.content.decode()
        assert NOT_FOUND in html and TITLE not in html
    assert reader.get("/preview/%00/").status_code == 400  # the site's NUL-byte guard, before any view
    assert reader.get(url).status_code == 200


def test_a_link_to_news_published_since_leads_to_its_public_address(editor, draft):
    url = make_link(editor, draft)
    PreviewLink.objects.filter(article=draft).update(revoked_at=timezone.now())  # even revoked: it is public now
    Article.objects.filter(pk=draft.pk).update(status=Article.Status.PUBLISHED, published_at=timezone.now())
    response = Client().get(url)
    assert response.status_code == 302 and response["Location"] == draft.get_absolute_url()
    assert "no-store" in response["Cache-Control"]
    page = editor.get(links_url(draft)).content.decode()
    assert "ข่าวนี้เผยแพร่แล้ว" in page and 'name="days"' not in page
    editor.post(links_url(draft), {"days": "3"})
    assert PreviewLink.objects.filter(article=draft).count() == 1  # no new link for public news


def test_a_scheduled_article_is_previewed_until_its_time(editor):
    later = timezone.now() + datetime.timedelta(days=2)
    scheduled = make_article(title="ข่าวตั้งเวลาเผยแพร่", office=Office.objects.get(slug="peo-phetchabun"), published_at=later)
    url = make_link(editor, scheduled, days=7)
    assert Client().get(url).status_code == 200
    with mock.patch("django.utils.timezone.now", return_value=later + datetime.timedelta(minutes=1)):
        assert Client().get(url).status_code == 302


def test_only_those_who_may_share_the_article_make_or_revoke_links(editor, outsider, draft, admin_client):
    url = make_link(editor, draft)
    link = PreviewLink.objects.get(article=draft)
    # Another office's editor: the page, making and revoking are all 404, and nothing changes.
    assert outsider.get(links_url(draft)).status_code == 404
    assert outsider.post(links_url(draft), {"days": "7"}).status_code == 404
    assert outsider.post(links_url(draft), {"revoke": str(link.pk)}).status_code == 404
    assert PreviewLink.objects.filter(article=draft).count() == 1 and PreviewLink.objects.active().count() == 1
    change_page = outsider.get(reverse("admin:news_article_change", args=[draft.pk]))
    assert TITLE not in change_page.content.decode()
    # A reader cannot reach admin's page at all.
    assert Client().get(links_url(draft)).status_code == 302  # to the login page
    # An editor cannot revoke another article's link through their own article's page.
    own_other = make_article(title="ร่างอีกข่าว", status=Article.Status.DRAFT, office=draft.office)
    foreign = make_article(title="ร่างของ สพฐ.", status=Article.Status.DRAFT)
    foreign_link = PreviewLink.create_for(foreign, None, 1)
    response = editor.post(links_url(own_other), {"revoke": str(foreign_link.pk)}, follow=True)
    assert "ลิงก์นี้ถูกยกเลิกหรือหมดอายุไปแล้ว" in response.content.decode()
    foreign_link.refresh_from_db()
    assert foreign_link.revoked_at is None
    # A lifetime not offered is refused; nothing is made.
    refused = editor.post(links_url(draft), {"days": "365"})
    assert refused.status_code == 200 and "เลือกตัวเลือกที่ถูกต้อง" in refused.content.decode()
    assert PreviewLink.objects.filter(article=draft).count() == 1
    # A superuser may share any office's draft.
    admin_client.post(links_url(foreign), {"days": "1"})
    assert PreviewLink.objects.filter(article=foreign).count() == 2
    assert Client().get(url).status_code == 200


def test_the_change_page_leads_to_the_links_only_for_those_who_may_share(editor, draft):
    html = editor.get(reverse("admin:news_article_change", args=[draft.pk])).content.decode()
    assert f'href="{links_url(draft)}"' in html and "ลิงก์ตัวอย่างข่าว" in html
    viewer = Client()
    user = make_editor("viewer-only", "peo-phetchabun")
    user.groups.clear()  # in the office, but without Django's change permission
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="view_article"))
    viewer.force_login(user)
    page = viewer.get(reverse("admin:news_article_change", args=[draft.pk]))
    assert page.status_code == 200 and links_url(draft) not in page.content.decode()
    assert viewer.get(links_url(draft)).status_code == 403


def test_the_english_page_of_a_link_works_too(editor, draft):
    url = make_link(editor, draft)
    path = url.split("testserver", 1)[1]
    response = Client().get("/en" + path)
    assert response.status_code == 200 and "Please do not pass the link on" in response.content.decode()


def test_a_writer_asks_a_publisher_to_share(draft):
    """Writers draft and submit; handing a draft to someone outside is the publisher's call."""
    writer = Client()
    writer.force_login(make_editor("phetchabun-writer", "peo-phetchabun", role="writer"))
    page = writer.get(reverse("admin:news_article_change", args=[draft.pk]))
    assert page.status_code == 200 and links_url(draft) not in page.content.decode()
    assert writer.get(links_url(draft)).status_code == 403
    assert writer.post(links_url(draft), {"days": "1"}).status_code == 403
    assert not PreviewLink.objects.filter(article=draft).exists()


def test_a_preview_names_its_new_event_and_people_without_links_that_would_be_404(draft):
    """The event and people of an embargoed draft have no public pages yet: the preview
    shows them as text, with no link to the event, a person or the calendar file."""
    from news.models import Attendance, Person

    from .factories import make_event

    event = make_event(title="ประชุมที่ยังไม่เผยแพร่", organiser=draft.office)
    person = Person.objects.create(honorific="นาย", name="ทดสอบ ตัวอย่างลิงก์")
    Attendance.objects.create(event=event, person=person, role=Attendance.Role.CHAIR, position="ประธาน")
    draft.event = event
    draft.save()
    link = PreviewLink.create_for(draft, None, 1)
    html = Client().get(link.get_absolute_url()).content.decode()
    assert "ประชุมที่ยังไม่เผยแพร่" in html and "ทดสอบ ตัวอย่างลิงก์" in html
    for address in (event.get_absolute_url(), person.get_absolute_url(), reverse("event_ics", args=[event.pk])):
        assert f'href="{address}"' not in html
        assert Client().get(address).status_code == 404


def test_each_cell_of_the_links_table_names_its_column_for_phones(editor, draft):
    """On a phone the table's headings are hidden (one block per link): each cell
    carries its column's name, which the admin's style sheet shows above it."""
    make_link(editor, draft)
    page = editor.get(links_url(draft)).content.decode()
    row = re.search(r"<tbody>\s*<tr>(.*?)</tr>", page, re.S).group(1)
    assert re.findall(r'<td data-label="([^"]+)"', row) == ["ลิงก์", "สร้างโดย", "ใช้ได้ถึง", "สถานะ"]
