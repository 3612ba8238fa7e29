import datetime
import re

import pytest
from django.core.files.storage import FileSystemStorage
from django.test.utils import CaptureQueriesContext
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from news import thai
from news.models import Article, Attendance, Office, Person, Photo, Tag
from tests.factories import make_article, make_event, make_office, make_photo, make_public_event, refuse_open

pytestmark = pytest.mark.django_db


def seed_article(name):
    return Article.objects.get(source_url__endswith=name)


def h1_count(response):
    return len(re.findall(r"<h1[\s>]", response.content.decode()))


def page_urls():
    article = seed_article("003_e115936f3f021c0b.txt")
    person = Person.objects.get(name="ธนุ วงษ์จินดา")
    return [
        reverse("news:home"),
        reverse("news:article_list"),
        reverse("news:article_list") + "?q=ประชุม&office=obec",
        article.get_absolute_url(),
        reverse("news:event_list"),
        article.event.get_absolute_url(),
        reverse("news:office_list"),
        Office.objects.get(slug="obec").get_absolute_url(),
        person.get_absolute_url(),
        Tag.objects.get(name="เรียนดีมีความสุข").get_absolute_url(),
    ]


def test_every_page_renders_in_thai_with_one_h1(client):
    for url in page_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        assert '<html lang="th">' in response.content.decode(), url
        assert h1_count(response) == 1, url


def test_public_pages_set_no_cookie_so_they_can_be_cached(client):
    for url in page_urls():
        response = client.get(url)
        assert not response.cookies, url
        assert "Cookie" not in response.get("Vary", ""), url


def test_language_links_keep_the_page_and_its_filters(client):
    html = client.get("/news/", {"office": "obec"}).content.decode()
    assert 'href="/en/news/?office=obec"' in html
    html = client.get("/en/news/", {"office": "obec"}).content.decode()
    assert 'href="/news/?office=obec"' in html


def test_english_pages_live_under_en(client):
    response = client.get("/en/news/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    assert '<span class="brand-mark" aria-hidden="true">News</span>' in response.content.decode()
    assert '<span class="brand-mark" aria-hidden="true">ข่าว</span>' in client.get("/news/").content.decode()


def test_article_detail_shows_everything_the_seed_shows(client):
    article = seed_article("003_e115936f3f021c0b.txt")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "หน้าแรก" in html and "ศธจ.เพชรบูรณ์" in html  # breadcrumb
    assert article.title in html
    assert "9 พฤศจิกายน 2566" in html  # Buddhist-era date
    assert "อ่าน 185 ครั้ง" in html  # 184 from the seed, plus this visit
    assert "09.00 น." in html
    assert "ห้องประชุมเรือนคุ้ม โรงแรมคุ้มภูคำ" in html
    assert "#เรียนดีมีความสุข" in html
    thanu = Person.objects.get(name="ธนุ วงษ์จินดา")
    assert thanu.get_absolute_url() in html
    assert "ผู้ร่วมเสวนา" in html  # the panelists are grouped under their role
    assert html.count('class="gallery-thumb"') == 6
    assert "ข่าวที่เกี่ยวข้อง" not in html  # no other seed is related to it: no empty section
    assert "social-plugins.line.me" in html and "facebook.com/sharer" in html


def test_credits_of_seed_004(client):
    html = client.get(seed_article("004_1abf96009c60cbd4.txt").get_absolute_url()).content.decode()
    assert "สรุป: อิชยา กัปปา" in html
    assert "ภาพ: กิตติกร แซ่หมู่" in html
    assert "27–28 ธันวาคม 2564" in html
    assert "200 คน" in html


def test_short_and_wrong_slug_urls_redirect_permanently(client):
    article = seed_article("000_91ff49d1b1c73a8f.txt")
    for url in [f"/news/{article.pk}/", f"/news/{article.pk}/wrong-slug/"]:
        response = client.get(url)
        assert response.status_code == 301
        assert response["Location"] == article.get_absolute_url()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_redirects_keep_the_query_string(client):
    article = seed_article("000_91ff49d1b1c73a8f.txt")
    response = client.get(f"/news/{article.pk}/", {"utm_source": "line"})
    assert response["Location"] == article.get_absolute_url() + "?utm_source=line"


def test_tag_url_typed_with_the_other_sara_am_redirects(client):
    tag = Tag.objects.get(name="สำนักงานศึกษาธิการจังหวัดเพชรบูรณ์")
    response = client.get("/tags/" + tag.slug.replace("ำ", "\u0e4d\u0e32") + "/")
    assert response.status_code == 301 and response["Location"] == tag.get_absolute_url()


def test_url_slug_never_shows_a_mangled_thai_word(client):
    article = make_article(title="ประชุมเชิงปฏิบัติการ ครูแกนนำ")
    from urllib.parse import unquote

    assert "ประชุมเชิงปฏิบัติการ" in unquote(article.get_absolute_url())
    assert "ประชมเชงปฏบตการ" not in unquote(article.get_absolute_url())


def test_person_page_lists_positions_held_at_each_time(client):
    thanu = Person.objects.get(name="ธนุ วงษ์จินดา")
    html = client.get(thanu.get_absolute_url()).content.decode()
    assert "ว่าที่ร้อยตรี ธนุ วงษ์จินดา" in html
    assert "8 ธันวาคม 2564" in html and "9 พฤศจิกายน 2566" in html
    assert "รองเลขาธิการคณะกรรมการการศึกษาขั้นพื้นฐาน" in html
    assert "เลขาธิการสำนักงานคณะกรรมการการอาชีวศึกษา" in html
    assert html.index("9 พฤศจิกายน 2566") < html.index("8 ธันวาคม 2564")  # newest first


def test_province_names_read_naturally(client):
    html = client.get("/events/").content.decode()
    assert "จังหวัดนครพนม" in html and "จังหวัด กรุงเทพมหานคร" not in html and "จังหวัดกรุงเทพมหานคร" not in html
    assert "Nakhon Phanom Province" in client.get("/en/events/").content.decode()


def test_honorifics_are_written_as_in_the_releases(client):
    html = client.get(seed_article("000_91ff49d1b1c73a8f.txt").get_absolute_url()).content.decode()
    assert "นายธีร์ ภวังคนันท์" in html
    assert "ว่าที่ร้อยตรี ธนุ วงษ์จินดา" in client.get(Person.objects.get(name="ธนุ วงษ์จินดา").get_absolute_url()).content.decode()


def test_event_detail(client):
    event = seed_article("000_91ff49d1b1c73a8f.txt").event
    html = client.get(event.get_absolute_url()).content.decode()
    assert "25–28 พฤษภาคม 2566" in html
    assert "โรงแรม ฟอร์จูน ริเวอร์วิว" in html and "นครพนม" in html
    assert "245 คน" in html
    assert "2566" in html  # fiscal year
    assert "ประธาน" in html and "ธีร์ ภวังคนันท์" in html
    assert "ผอ.สพป.นครพนม เขต 2" in html  # position as written in that seed
    assert "ผู้ที่มีส่วนเกี่ยวข้อง" in html  # attending groups
    # Shown with ำ as one character, so browsers break lines between words only.
    assert thai.compose_sara_am(seed_article("000_91ff49d1b1c73a8f.txt").title) in html
    assert "\u0e4d\u0e32" not in html[html.index("<main"):]


def test_hybrid_event_shows_platform(client):
    event = seed_article("001_90483af2d332d40c.txt").event
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Zoom Meeting" in html


def test_office_breadcrumb_shows_the_whole_chain(client):
    html = client.get(Office.objects.get(slug="spp-nakhonphanom-1").get_absolute_url()).content.decode()
    crumbs = html[html.index('class="breadcrumb"'):html.index("</nav>", html.index('class="breadcrumb"'))]
    assert crumbs.index("ศธ.") < crumbs.index("สพฐ.") < crumbs.index("สพป.นครพนม เขต 1")


def test_office_page_includes_sub_offices_news(client):
    obec = Office.objects.get(slug="obec")
    area = Office.objects.get(slug="spp-nakhonphanom-1")
    make_article(title="ข่าวจากเขตพื้นที่นครพนม", office=area)
    html = client.get(obec.get_absolute_url()).content.decode()
    assert "ข่าวจากเขตพื้นที่นครพนม" in html
    assert area.short_name in html  # listed among the sub-offices


def test_missing_photo_files_leave_pages_whole_and_are_logged(client, monkeypatch, caplog):
    """A photo whose file is gone (or whose size was never stored) is left out of
    every page and logged; no page or feed opens an image file to render."""
    seed = seed_article("003_e115936f3f021c0b.txt")
    article = make_article(title="ข่าวภาพหาย", event=seed.event, office=seed.office)
    article.tags.set(seed.tags.all())
    photos = [make_photo(article, order=1), make_photo(article, order=2), make_photo(article, order=3)]
    kept = photos[2]
    for photo in photos[:2]:
        photo.image.storage.delete(photo.image.name)
    Photo.objects.filter(pk=photos[1].pk).update(width=None, height=None)  # as version 1 saved them
    monkeypatch.setattr(FileSystemStorage, "_open", refuse_open)
    feeds = ["/feeds/news.rss", "/feeds/news.atom", f"/feeds/offices/{article.office.slug}.rss",
             "/feeds/tags/เรียนดีมีความสุข.atom", "/feeds/events.rss", "/sitemap-news.xml"]
    for url in page_urls() + [article.get_absolute_url()] + feeds:
        assert client.get(url).status_code == 200, url
    html = client.get(article.get_absolute_url()).content.decode()
    assert kept.src in html  # its rendition (news.photos)
    for missing in photos[:2]:
        assert missing.image.url.rsplit(".", 1)[0] not in html  # neither original nor rendition

    assert "file missing" in caplog.text and photos[0].image.name in caplog.text


def test_unknown_pages_give_a_thai_404(client):
    for url in ["/news/999999/x/", "/offices/no-such-office/", "/tags/no-such-tag/", "/people/999999/"]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "ไม่พบหน้าที่ต้องการ" in response.content.decode()


def test_server_error_page_is_thai(rf):
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "ขออภัย" in response.content.decode()


# --- drafts and scheduled articles never leak -------------------------------------------

def test_drafts_and_scheduled_articles_appear_nowhere_public(client):
    public = seed_article("003_e115936f3f021c0b.txt")
    tag = Tag.objects.get(name="เรียนดีมีความสุข")
    hidden = []
    for status, when in [("draft", timezone.now() - datetime.timedelta(days=1)),
                         ("published", timezone.now() + datetime.timedelta(days=1))]:
        article = make_article(title=f"ข่าวลับ-{status}", status=status, published_at=when,
                               office=public.office, event=public.event)
        article.tags.add(tag)
        hidden.append(article)
    pages = [
        reverse("news:home"),
        reverse("news:article_list"),
        reverse("news:article_list") + "?q=ข่าวลับ",
        public.get_absolute_url(),  # related news
        public.event.get_absolute_url(),
        public.office.get_absolute_url(),
        tag.get_absolute_url(),
        Person.objects.get(name="ธนุ วงษ์จินดา").get_absolute_url(),
    ]
    for url in pages:
        response = client.get(url)
        html = response.content.decode().replace('value="ข่าวลับ"', "")  # the search box echoes q
        assert "ข่าวลับ" not in html, url
    for article in hidden:
        assert client.get(article.get_absolute_url()).status_code == 404
        assert client.get(f"/news/{article.pk}/").status_code == 404


# --- filters --------------------------------------------------------------------------

def listed_titles(response):
    return {a.title for a in response.context["object_list"]}


def test_filter_by_text_finds_both_spellings(client):
    # Seed 000 writes อํานวยการ (ํ + า); the reader types อำนวยการ.
    titles = listed_titles(client.get("/news/", {"q": "การขับเคลื่อนงานอำนวยการ"}))
    assert titles == {seed_article("000_91ff49d1b1c73a8f.txt").title}


def test_search_matches_thai_and_arabic_digits_and_never_markup(client):
    make_article(title="ข่าวคำขวัญวันครู", body="<p>คำขวัญวันครู ครั้งที่ ๖๓ พ.ศ.๒๕๖๒</p><p>ย่อหน้าที่สอง</p>")
    for q in ["๒๕๖๒", "2562", "ครั้งที่ 63", "ครั้งที่ ๖๓"]:
        assert listed_titles(client.get("/news/", {"q": q})) == {"ข่าวคำขวัญวันครู"}, q
    assert listed_titles(client.get("/news/", {"q": "<p>"})) == set()
    assert listed_titles(client.get("/news/", {"q": "๒๕๖๒ย่อหน้า"})) == set()  # paragraphs do not run together


def test_filter_by_office_includes_sub_offices(client):
    area = Office.objects.get(slug="spp-nakhonphanom-1")
    make_article(title="ข่าวของเขตพื้นที่", office=area)
    titles = listed_titles(client.get("/news/", {"office": "obec"}))
    assert "ข่าวของเขตพื้นที่" in titles
    assert seed_article("004_1abf96009c60cbd4.txt").title not in titles  # สป.ศธ., not under สพฐ.
    assert listed_titles(client.get("/news/", {"office": "spp-nakhonphanom-1"})) == {"ข่าวของเขตพื้นที่"}


def test_filter_by_province_category_tag(client):
    assert listed_titles(client.get("/news/", {"province": "TH-48"})) == {seed_article("000_91ff49d1b1c73a8f.txt").title}
    category = seed_article("002_ce112ca210d23cef.txt").category
    assert listed_titles(client.get("/news/", {"category": category.slug})) == {seed_article("002_ce112ca210d23cef.txt").title}
    assert listed_titles(client.get("/news/", {"tag": "เรียนดีมีความสุข"})) == {seed_article("003_e115936f3f021c0b.txt").title}


def test_tag_filter_takes_what_readers_type(client):
    expected = {seed_article("003_e115936f3f021c0b.txt").title}
    for typed in ["#เรียนดีมีความสุข", "เรียนดีมีความสุข"]:
        assert listed_titles(client.get("/news/", {"tag": typed})) == expected, typed


def test_filters_do_not_reveal_categories_or_tags_only_drafts_use(client):
    from news.models import Category

    draft = make_article(title="ร่างลับ", status="draft", category=Category.objects.create(name="หมวดลับเฉพาะ"))
    draft.tags.add(Tag.objects.create(name="แท็กลับเฉพาะ"))
    html = client.get("/news/").content.decode()
    assert "หมวดลับเฉพาะ" not in html
    response = client.get("/news/", {"tag": "แท็กลับเฉพาะ"})
    assert response.status_code == 400 and 'rel="alternate" type="application/rss+xml" title="แท็กลับเฉพาะ"' not in response.content.decode()


def test_filter_by_dates_accepts_iso_and_buddhist_era(client):
    expected = {seed_article("001_90483af2d332d40c.txt").title, seed_article("004_1abf96009c60cbd4.txt").title}
    assert listed_titles(client.get("/news/", {"date_from": "2021-12-01", "date_to": "2021-12-31"})) == expected
    assert listed_titles(client.get("/news/", {"date_from": "1/12/2564", "date_to": "31/12/2564"})) == expected


def test_filter_accepts_the_leap_day_of_a_buddhist_era_year(client):
    response = client.get("/news/", {"date_from": "29/02/2567"})
    assert response.status_code == 200
    assert listed_titles(response) == set()  # no seed was published after 29 Feb 2024
    assert response.context["filter"].form.cleaned_data["date_from"] == datetime.date(2024, 2, 29)


def test_filter_by_fiscal_year(client):
    # FY 2567 = 1 Oct 2023 – 30 Sep 2024: only seed 003 (9 Nov 2023).
    assert listed_titles(client.get("/news/", {"fiscal_year": "2567"})) == {seed_article("003_e115936f3f021c0b.txt").title}
    # FY 2565 = 1 Oct 2021 – 30 Sep 2022: seeds 001 and 004.
    assert len(listed_titles(client.get("/news/", {"fiscal_year": "2565"}))) == 2


def test_filters_combine_and_survive_pagination(client):
    area = Office.objects.get(slug="spp-nakhonphanom-2")
    for n in range(15):
        make_article(title=f"ข่าวชุดทดสอบ {n}", office=area)
    response = client.get("/news/", {"q": "ชุดทดสอบ", "office": area.slug})
    html = response.content.decode()
    assert "พบ 15 ข่าว" in html
    assert len(response.context["object_list"]) == 12
    next_link = re.search(r'rel="next" href="([^"]+)"', html).group(1)
    assert "office=spp-nakhonphanom-2" in next_link and "page=2" in next_link
    page2 = client.get("/news/" + next_link.replace("&amp;", "&"))
    assert len(page2.context["object_list"]) == 3
    assert all("ชุดทดสอบ" in a.title for a in page2.context["object_list"])


@pytest.mark.parametrize(
    "params, message",
    [
        ({"date_from": "26-พ.ค.-66"}, "กรอกวันที่"),
        ({"date_to": "2023-02-30"}, "กรอกวันที่"),
        ({"date_from": "0001-01-01"}, "กรอกวันที่"),
        ({"date_from": "29/02/2568"}, "กรอกวันที่"),
        ({"fiscal_year": "abc"}, "ปีงบประมาณ"),
        ({"fiscal_year": "99999"}, "ปีงบประมาณ"),
        ({"office": "no-such-office"}, "ไม่อยู่ในตัวเลือก"),
        ({"province": "TH-XX"}, "ไม่อยู่ในตัวเลือก"),
    ],
)
def test_bad_filter_values_get_a_thai_message_and_400(client, params, message):
    response = client.get("/news/", params)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "ใช้ตัวกรองบางรายการไม่ได้" in html


@pytest.mark.parametrize("page", ["abc", "99999", "0", "-1"])
def test_bad_page_numbers_give_a_thai_404(client, page):
    response = client.get("/news/", {"page": page})
    assert response.status_code == 404
    assert "ไม่พบหน้าที่ต้องการ" in response.content.decode()


# --- query counts: fixed whatever the number of rows ----------------------------------

def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def add_photos(article, n):
    for i in range(n):
        Photo.objects.create(article=article, image=f"photos/test/{article.pk}-{i}.jpg", order=i, width=10, height=10)


def test_list_pages_run_a_fixed_number_of_queries(client):
    office = make_office(parent=Office.objects.get(slug="obec"))
    tag = Tag.objects.create(name="แท็กนับคำถาม")

    def grow(n):
        for i in range(n):
            article = make_article(title=f"ข่าวนับคำถาม {i}", office=office)
            article.tags.add(tag)
            add_photos(article, 2)

    grow(13)  # a second page of the tag
    urls = ["/", "/news/", "/news/?q=นับคำถาม&office=obec", f"/news/?tag={tag.slug}", office.get_absolute_url(),
            tag.get_absolute_url(), "/events/", "/offices/"]

    def measure():
        # The news list reads the offices and provinces once after they change
        # (news.choices, tests/test_choices.py): measured as every later request is.
        client.get("/news/?page=1")
        counts = {url: count_queries(client, url) for url in urls}
        # The tag page's second page as a reader reaches it, through "Older".
        older = client.get(tag.get_absolute_url()).context["page_obj"].older_cursor
        counts["tag, Older"] = count_queries(client, f"{tag.get_absolute_url()}?page=2&older_than={older}")
        return counts

    small = measure()
    grow(37)
    for i in range(45):
        make_public_event(title=f"กิจกรรม {i}", organiser=office)
    large = measure()
    assert small == large


def test_detail_pages_run_a_fixed_number_of_queries(client):
    from django.core.cache import cache

    from news import reads

    # Not measured: the flush one request a minute does (news.reads).
    cache.add(reads.FLUSH_LOCK_KEY, 1, 3600)

    def build(n):
        event = make_event(title=f"ประชุม {n} คน")
        for i in range(n):
            person = Person.objects.create(honorific="นาย", name=f"ผู้เข้าร่วม {n}-{i}")
            Attendance.objects.create(event=event, person=person, position="ครู", role="participant" if i else "chair", order=i)
        article = make_article(title=f"ข่าว {n}", event=event)
        for i in range(n):
            article.tags.add(Tag.objects.get_or_create(name=f"แท็ก {n}-{i}")[0])
        add_photos(article, n)
        person = event.attendances.first().person
        for i in range(n):  # the chair appears in n events
            other = make_event(title=f"อีกงาน {n}-{i}")
            Attendance.objects.create(event=other, person=person, position="ประธาน", role="chair")
            make_article(title=f"ข่าวอีกงาน {n}-{i}", event=other)
        return article, event, person

    def counts(article, event, person):
        return [count_queries(client, article.get_absolute_url()),
                count_queries(client, event.get_absolute_url()),
                count_queries(client, person.get_absolute_url())]

    assert counts(*build(5)) == counts(*build(50))


def test_an_event_only_a_draft_reports_stays_hidden_with_its_people(client):
    """Until its news is public, an event's title, chair and positions appear nowhere."""
    today = timezone.localdate()
    event = make_event(title="กิจกรรมลับยังไม่ประกาศ", start_date=today + datetime.timedelta(days=3))
    secret_chair = Person.objects.create(honorific="นาย", name="ลับมาก ยังไม่เปิดเผย")
    Attendance.objects.create(event=event, person=secret_chair, role="chair", position="ตำแหน่งลับ")
    thanu = Person.objects.get(name="ธนุ วงษ์จินดา")
    Attendance.objects.create(event=event, person=thanu, position="ตำแหน่งใหม่ที่ยังไม่ประกาศ")
    draft = make_article(title="ข่าวร่างของกิจกรรมลับ", event=event, status="draft")
    draft.tags.add(Tag.objects.create(name="แท็กลับ"))
    pages = ["/", "/events/", Office.objects.get(slug="obec").get_absolute_url(), thanu.get_absolute_url(),
             "/feeds/events.rss", "/events.ics", "/sitemap-events.xml", "/sitemap-people.xml"]
    for url in pages:
        body = client.get(url).content.decode()
        for secret in ["กิจกรรมลับ", "ลับมาก", "ตำแหน่งใหม่ที่ยังไม่ประกาศ"]:
            assert secret not in body, (url, secret)
    for url in [event.get_absolute_url(), secret_chair.get_absolute_url(), f"/events/{event.pk}.ics",
                f"/events/{event.pk}/share.png", Tag.objects.get(name="แท็กลับ").get_absolute_url()]:
        assert client.get(url).status_code == 404, url
    draft.status = "published"
    draft.save()
    assert "กิจกรรมลับยังไม่ประกาศ" in client.get("/events/").content.decode()
    assert client.get(secret_chair.get_absolute_url(), follow=True).status_code == 200


def test_the_folded_filters_open_for_a_filter_in_use_not_for_a_search_alone(client):
    """On a phone a search shows its results first; a chosen office or date keeps the
    filters that narrowed the list in view."""
    folded = '<details class="filter-more">'
    assert folded in client.get("/news/", {"q": "ประชุม"}).content.decode()
    assert folded in client.get("/news/", {"q": "ประชุม", "page": "1", "office": ""}).content.decode()
    assert '<details class="filter-more" open>' in client.get("/news/", {"q": "ประชุม", "office": "obec"}).content.decode()
    assert '<details class="filter-more" open>' in client.get("/news/", {"date_from": "ไม่ใช่วันที่"}).content.decode()


def test_an_article_with_no_related_news_shows_no_empty_related_section(client):
    """A lone article (its own office, no event, no tags) ends with its own content."""
    lone = make_article(title="ข่าวเดี่ยวไม่มีข่าวเกี่ยวข้อง", office=make_office(name="สำนักงานทดสอบข่าวเดี่ยว", slug="lone-office"))
    html = client.get(lone.get_absolute_url()).content.decode()
    assert "ข่าวเดี่ยวไม่มีข่าวเกี่ยวข้อง" in html and 'id="related-heading"' not in html
    make_article(title="ข่าวที่สองของสำนักงานเดียวกัน", office=lone.office)
    assert 'id="related-heading"' in client.get(lone.get_absolute_url()).content.decode()
