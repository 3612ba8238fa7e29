"""The news search (news.search): what readers find, in which order, with which
passage, on SQLite and on PostgreSQL alike (CI runs this module on both)."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news import search
from news.search_postgresql import PostgreSQLSearch
from news.search_sqlite import SQLiteSearch, occurrences
from news.models import Article, Attendance, Office, Person, SearchDocument, Tag
from tests.factories import make_article, make_event, make_office

pytestmark = pytest.mark.django_db

SEED_000 = "000_91ff49d1b1c73a8f.txt"
SEED_001 = "001_90483af2d332d40c.txt"
SEED_002 = "002_ce112ca210d23cef.txt"
SEED_003 = "003_e115936f3f021c0b.txt"
SEED_004 = "004_1abf96009c60cbd4.txt"


def seed(name):
    return Article.objects.get(source_url__endswith=name)


def found(query, queryset=None):
    """The articles a reader finds, best first, as the news list finds them."""
    return list((queryset or Article.objects.published()).search(query))


def found_seeds(query):
    return [a.source_url.rsplit("/", 1)[-1] for a in found(query) if a.source_url]


def listed(client, **params):
    response = client.get(reverse("news:article_list"), params)
    assert response.status_code == 200, response.content.decode()[:500]
    return response


def listed_titles(response):
    return [a.title for a in response.context["object_list"]]


def ago(**kwargs):
    return timezone.now() - datetime.timedelta(**kwargs)


# The cases of issue 15 ---------------------------------------------------------

@pytest.mark.parametrize("query", ["อำนวยการ", "สำนักงานเขตพื้นที่"])
def test_words_typed_with_sara_am_find_seed_000_which_spells_them_with_nikhahit(query):
    """Seed 000 writes อํานวยการ (ํ + า); the reader types ำ."""
    assert "อํานวยการ" in seed(SEED_000).title
    assert SEED_000 in found_seeds(query)


def test_a_venue_finds_seed_003():
    assert found_seeds("คุ้มภูคำ") == [SEED_003]


def test_a_persons_name_finds_their_events_above_a_body_only_mention():
    """Seeds 001 and 003 have him among the attendees; a newer article that only
    names him in its body ranks below both."""
    make_article(title="ข่าวอื่น", body="<p>ในวันนี้ ธนุ วงษ์จินดา ได้กล่าวถึงโครงการ</p>", published_at=ago(minutes=1))
    results = found("ธนุ วงษ์จินดา")
    names = [a.source_url.rsplit("/", 1)[-1] if a.source_url else a.title for a in results]
    assert set(names[:2]) == {SEED_001, SEED_003}
    assert names[2:] == ["ข่าวอื่น"]


@pytest.mark.parametrize("query", ["๒๕๖๗", "2567"])
def test_thai_and_arabic_digits_find_the_fiscal_year_2567_article(query):
    assert seed(SEED_003).event.fiscal_year == 2567
    assert SEED_003 in found_seeds(query)
    assert SEED_000 not in found_seeds(query)


def test_the_search_can_be_used_inside_another_query():
    """The ranked ids are an expression on the article's id, which Django renames
    in a subquery (on PostgreSQL they are one array parameter)."""
    tag = Tag.objects.create(name="ประชุมผู้บริหาร", slug="meeting-tag")
    tagged = make_article(title="ประชุมผู้บริหารสถานศึกษา")
    tagged.tags.add(tag)
    make_article(title="ข่าวอื่นไม่มีป้าย")
    searched = Article.objects.published().search("ประชุมผู้บริหาร")
    assert list(Tag.objects.filter(articles__in=searched)) == [tag]


def test_a_thai_word_and_an_english_one_find_seed_001():
    assert found_seeds("ประชุม Zoom") == [SEED_001]


def test_a_quoted_phrase_matches_the_phrase_only():
    apart = make_article(title="ประชุมประจำเดือน", body="<p>ผลการอบรมเชิงปฏิบัติการ</p>")
    phrase = found_seeds('"ประชุมเชิงปฏิบัติการ"')
    assert SEED_000 in phrase
    assert apart not in found('"ประชุมเชิงปฏิบัติการ"')
    # Unquoted, each word may stand anywhere.
    assert apart in found("ประชุม เชิงปฏิบัติการ")


@pytest.mark.parametrize("query", ["ฟหกดเสวง", "xyzzyplugh", "กขฃคฅ 12345678"])
def test_nonsense_finds_nothing(client, query):
    assert found(query) == []
    assert "ไม่พบข่าว" in listed(client, q=query).content.decode() or not listed_titles(listed(client, q=query))


def test_drafts_are_never_found_and_scheduled_news_from_its_time_on(client):
    draft = make_article(title="ข่าวร่างค้นหาลับ", status=Article.Status.DRAFT)
    scheduled = make_article(title="ข่าวตั้งเวลาค้นหาลับ", published_at=timezone.now() + datetime.timedelta(hours=2))
    assert found("ค้นหาลับ") == []
    assert listed_titles(listed(client, q="ค้นหาลับ")) == []
    # Its time comes: no re-indexing, the published() filter lets it in.
    Article.objects.filter(pk=scheduled.pk).update(published_at=ago(minutes=1))
    assert found("ค้นหาลับ") == [scheduled]
    assert draft not in found("ข่าวร่างค้นหาลับ")


def test_the_passage_highlights_the_word_escaped_and_never_cuts_a_thai_character(client):
    body = (
        "<p>" + "การประชุมครั้งนี้มีผู้เข้าร่วมจำนวนมาก " * 12 + "</p><p>โรงเรียน &lt;b&gt;บ้านหนองบัว&lt;/b&gt; "
        "ได้รับรางวัลผู้อํานวยการดีเด่น " + "และมีการติดตามผลอย่างต่อเนื่อง " * 12 + "</p>"
    )
    make_article(title="ข่าวรางวัลดีเด่น", body=body)
    html = listed(client, q="อำนวยการดีเด่น").content.decode()
    passage = re.search(r'<p class="summary search-passage">(.*?)</p>', html, re.S).group(1)
    assert "<mark>อำนวยการดีเด่น</mark>" in passage  # shown with ำ as one character
    assert "&lt;b&gt;บ้านหนองบัว&lt;/b&gt;" in passage and "<b>" not in passage
    text = re.sub(r"</?mark>", "", passage).strip("…")
    for edge in (text[0], text[-1]):
        assert not ("\u0e31" <= edge <= "\u0e3a" or "\u0e47" <= edge <= "\u0e4e" or edge == "\u0e33"), passage
    assert text[-1] not in "เแโใไ"
    assert len(text) < 300


def test_the_query_count_does_not_grow_with_the_words_or_the_results(client, django_assert_num_queries):
    """Whatever the query, a list page costs the same queries (none per article or
    per word); the count is computed each time here (each query is new)."""
    for i in range(15):
        make_article(title=f"ข่าวนับคิวรีค้นหา {i}", body="<p>ประชุมผู้บริหาร สพป.นครพนม เขต 1</p>")
    listed(client, q="นับคิวรี")  # the form's choices and the cache's table, once
    with CaptureQueriesContext(connection) as one_word:
        assert len(listed_titles(listed(client, q="คุ้มภูคำ"))) == 1
    with django_assert_num_queries(len(one_word.captured_queries)):
        response = listed(client, q='ข่าวนับคิวรีค้นหา ประชุม ผู้บริหาร "สพป.นครพนม เขต 1" 1')
    assert len(listed_titles(response)) == 12


# Queries readers send that search nothing --------------------------------------

@pytest.mark.parametrize(
    "q, message",
    [
        ("", "พิมพ์คำที่ต้องการค้นหา"),
        ("   ", "พิมพ์คำที่ต้องการค้นหา"),
        ("!!! ??? ...", "ต้องมีตัวอักษรหรือตัวเลข"),
        ("“”«»—", "ต้องมีตัวอักษรหรือตัวเลข"),
        ("ประชุม " * 200, "200 ตัวอักษรแรก"),
        ("ก" * 1000, "200 ตัวอักษรแรก"),
        ("a b c d e f g h i j k", "8 คำแรก"),
    ],
)
def test_empty_punctuation_or_long_queries_answer_200_with_a_thai_message(client, q, message):
    response = listed(client, q=q)
    assert message in response.content.decode()


@pytest.mark.parametrize(
    "q", ['"', '""', "NEAR(a b)", "a* OR b", "col:value", "%", "_", "\\", "'; DROP TABLE x;--", "ก\u0e33\u0e33", "^ประชุม"]
)
def test_search_syntax_and_sql_characters_are_plain_text(client, q):
    listed(client, q=q)


def test_the_box_keeps_what_the_reader_typed(client):
    html = listed(client, q="สพป.นครพนม เขต 1").content.decode()
    assert 'value="สพป.นครพนม เขต 1"' in html


# Normalisation -------------------------------------------------------------------

@pytest.mark.parametrize(
    "one, other",
    [
        ("อำนวยการ", "อํานวยการ"),
        ("สพป.", "สพป"),
        ("ก.ค.ศ.", "กคศ"),
        ("เขต 1", "เขต1"),
        ("สพม.37", "สพม. 37"),
        ("๒๕๖๗", "2567"),
        ("ZOOM Cluster", "zoom cluster"),
        ("ผู้\u200bอำนวย\u200dการ", "ผู้อำนวยการ"),
        ("R&amp;D", "r d"),
        ("แก้ว", "เเก้ว"),
        ("ที่", "ที่่"),  # a repeated tone mark
        ("กี่", "ก\u0e48\u0e35"),  # tone mark typed before the vowel above
        ("ประชุม   ผู้บริหาร\u00a0เขต", "ประชุม ผู้บริหาร เขต"),
    ],
)
def test_spellings_that_look_alike_normalise_alike(one, other):
    assert search.normalize(one) == search.normalize(other)
    assert search.Query(one).terms == search.Query(other).terms


def test_an_html_entity_is_text_not_a_word():
    """Before, a body's &amp; reached the search text as "&amp;" and "amp" found it."""
    article = make_article(title="ข่าวสัญลักษณ์", body="<p>ครูและนักเรียน R&amp;D ร่วมกัน</p>")
    assert article not in found("amp")
    assert article in found("R&D")


def test_words_are_icu_words_split_between_letters_digits_and_abbreviations():
    assert search.words("ประชุมผ่าน Zoom เขต1") == ["ประชุม", "ผ่าน", "zoom", "เขต", "1"]
    assert search.words("สพป.นครพนม") == ["สพป", "นครพนม"]


def test_a_number_after_a_word_ranks_news_where_it_follows_that_word_first():
    """"สพป.นครพนม เขต 1" finds news of area 2 that mention a 1 elsewhere, below area 1's."""
    one = make_article(title="อบรมครูรุ่นแรก", body="<p>สพป.นครพนม เขต 1 จัดอบรมครู</p>", published_at=ago(days=9))
    two = make_article(title="อบรมครูรุ่นสอง", body="<p>สพป.นครพนม เขต 2 จัดอบรมครูรุ่นที่ 1</p>", published_at=ago(days=1))
    ranked = [a for a in found("สพป.นครพนม เขต 1") if a in (one, two)]
    assert ranked == [one, two]
    assert found('"สพป.นครพนม เขต 1"') == [one] or two not in found('"สพป.นครพนม เขต 1"')


def test_a_fiscal_year_is_found_with_the_era_written_between():
    article = make_article(title="ข่าวงบประมาณ", body="<p>แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2568</p>")
    assert article in found("ปีงบประมาณ 2568")


# Word boundaries and recall ----------------------------------------------------

@pytest.mark.parametrize(
    "text, query",
    [
        ("ผู้อำนวยการกลุ่มอำนวยการ", "อำนวยการ"),
        ("ผู้อำนวยการกลุ่มอำนวยการ", "กลุ่ม"),  # ICU cuts การก|ลุ่ม here
        ("การประชุมคณะกรรมการ", "ประชุม"),
        ("สำนักงานเขตพื้นที่การศึกษาประถมศึกษานครพนม", "ประถมศึกษา"),
        ("ประชุมผ่านระบบ Zoom Meeting", "zoom"),
        ("ศึกษาธิการจังหวัด เพชรบูรณ์", "ศึกษาธิการจังหวัดเพชรบูรณ์"),  # a writer's space
        ("ศึกษาธิการจังหวัดเพชรบูรณ์", "ศึกษาธิการจังหวัด เพชรบูรณ์"),  # a reader's space
    ],
)
def test_a_word_is_found_inside_compounds_and_across_spacing(text, query):
    article = make_article(title="ข่าวทดสอบคำ", body=f"<p>{text}</p>")
    assert article in found(query)


def test_every_word_of_a_query_must_be_found():
    both = make_article(title="ข่าวสองคำ", body="<p>โรงเรียนบ้านดอนแดง จัดกิจกรรมวันภาษาไทย</p>")
    one = make_article(title="ข่าวคำเดียว", body="<p>โรงเรียนบ้านดอนแดง จัดกิจกรรมวันวิทยาศาสตร์</p>")
    assert found("บ้านดอนแดง ภาษาไทย") == [both]
    assert set(found("บ้านดอนแดง")) == {both, one}


def test_a_one_or_two_letter_word_is_found_only_as_a_whole_word():
    """A trigram cannot hold two letters: such terms match whole ICU words."""
    ai = make_article(title="ครูใช้ AI ในห้องเรียน", body="<p>การสอน</p>")
    make_article(title="ข่าวทดสอบไม่เกี่ยว", body="<p>ทำงานร่วมกับ Daily Mail</p>")
    assert found("ai") == [ai]


# Ranking --------------------------------------------------------------------------

def test_title_and_people_rank_above_summary_above_body_whatever_the_date():
    word = "นวัตกรรมห้องเรียนกลับด้าน"
    in_body = make_article(title="ข่าวหนึ่ง", body=f"<p>โรงเรียนนำเสนอ{word}</p>", published_at=ago(minutes=1))
    in_summary = make_article(title="ข่าวสอง", summary=f"เรื่อง{word}", body="<p>ข่าว</p>", published_at=ago(days=2))
    in_title = make_article(title=f"อบรม{word}", body="<p>ข่าว</p>", published_at=ago(days=30))
    event = make_event(title="ประชุมครู")
    person = Person.objects.create(honorific="นาย", name=f"สมชาย {word}")
    Attendance.objects.create(event=event, person=person, role="chair", position="ผู้อำนวยการ")
    in_people = make_article(title="ข่าวสาม", body="<p>ข่าว</p>", event=event, published_at=ago(days=60))
    ranked = found(word)
    assert set(ranked[:2]) == {in_title, in_people}
    assert ranked[2:] == [in_summary, in_body]


def test_equally_relevant_news_comes_newest_first():
    old = make_article(title="ข่าวลำดับเวลาค้นหา", published_at=ago(days=3))
    new = make_article(title="ข่าวลำดับเวลาค้นหา", published_at=ago(hours=3))
    assert found("ลำดับเวลาค้นหา") == [new, old]


# What is searched ------------------------------------------------------------------

@pytest.mark.parametrize(
    "query, seed_name",
    [
        ("เรียนดี มีความสุข", SEED_003),  # a tag, spaced as readers type it
        ("#เรียนดีมีความสุข", SEED_003),
        ("ศธจ.เพชรบูรณ์", SEED_003),  # the office's short name
        ("สำนักงานศึกษาธิการจังหวัดเพชรบูรณ์", SEED_003),
        ("โรงแรมรอแยล", SEED_002),  # the event's venue
        ("cluster", SEED_002),
        ("ฟอร์จูน ริเวอร์วิว", SEED_000),
    ],
)
def test_tags_offices_venues_and_latin_words_are_searched(query, seed_name):
    assert seed_name in found_seeds(query)


def test_a_position_held_at_the_event_finds_the_news():
    position = Attendance.objects.filter(event__articles__source_url__endswith=SEED_001).exclude(position="").first()
    assert SEED_001 in found_seeds(position.position)


# The index follows every change, in the same transaction ---------------------------

def test_the_index_follows_tags_events_attendees_people_and_offices():
    office = make_office(name="สำนักงานเดิม", short_name="สนง.เดิม")
    event = make_event(title="งานเดิม", venue="หอประชุมเดิม")
    article = make_article(title="ข่าวติดตามดัชนี", office=office, event=event)
    tag = Tag.objects.create(name="แท็กติดตามดัชนี")
    article.tags.add(tag)
    assert found("แท็กติดตามดัชนี") == [article]
    tag.name = "แท็กเปลี่ยนชื่อแล้ว"
    tag.save()
    assert found("แท็กเปลี่ยนชื่อแล้ว") == [article] and found("แท็กติดตามดัชนี") == []
    article.tags.remove(tag)
    assert found("แท็กเปลี่ยนชื่อแล้ว") == []
    event.venue = "โรงแรมดัชนีใหม่"
    event.save()
    assert found("โรงแรมดัชนีใหม่") == [article]
    person = Person.objects.create(honorific="นาง", name="วิไลดัชนี ทดสอบ")
    attendance = Attendance.objects.create(event=event, person=person, role="chair", position="ศึกษานิเทศก์ดัชนี")
    assert found("วิไลดัชนี") == [article] and found("ศึกษานิเทศก์ดัชนี") == [article]
    person.name = "วิไลเปลี่ยน ทดสอบ"
    person.save()
    assert found("วิไลเปลี่ยน") == [article] and found("วิไลดัชนี") == []
    attendance.delete()
    assert found("วิไลเปลี่ยน") == []
    office.name = "สำนักงานชื่อใหม่ดัชนี"
    office.save()
    assert found("สำนักงานชื่อใหม่ดัชนี") == [article]
    event.delete()
    assert found("โรงแรมดัชนีใหม่") == []
    article.delete()
    assert not SearchDocument.objects.filter(article_id=article.pk).exists()


def test_a_change_rolled_back_leaves_the_index_as_it_was():
    article = make_article(title="ข่าวก่อนย้อนกลับ")
    with pytest.raises(RuntimeError), transaction.atomic():
        article.title = "ข่าวหลังย้อนกลับ"
        article.save()
        assert found("ข่าวหลังย้อนกลับ") == [article]  # in step inside the transaction
        raise RuntimeError
    assert found("ข่าวหลังย้อนกลับ") == [] and found("ข่าวก่อนย้อนกลับ") == [article]


def test_rebuild_search_index_restores_a_lost_index(capsys):
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM news_searchdocument")
    assert found("คุ้มภูคำ") == []
    call_command("rebuild_search_index")
    assert "Indexed" in capsys.readouterr().out
    assert found_seeds("คุ้มภูคำ") == [SEED_003]
    assert SearchDocument.objects.count() == Article.objects.count()


# Combined with the news list's filters ---------------------------------------------

def test_search_combines_with_every_news_list_filter(client):
    office = Office.objects.get(short_name__startswith="ศธจ.เพชรบูรณ์")
    base = {"q": "ประชุม"}
    everything = set(listed_titles(listed(client, **base)))
    assert seed(SEED_003).title in everything and seed(SEED_000).title in everything
    for extra in [
        {"office": office.slug},
        {"province": "TH-67"},
        {"tag": "เรียนดีมีความสุข"},
        {"fiscal_year": "2567"},
        {"date_from": seed(SEED_003).published_at.date().isoformat(), "date_to": seed(SEED_003).published_at.date().isoformat()},
        {"category": seed(SEED_003).category.slug},
    ]:
        titles = listed_titles(listed(client, **base, **extra))
        assert seed(SEED_003).title in titles, extra
        assert seed(SEED_000).title not in titles, extra


# Admin -------------------------------------------------------------------------------

def test_admin_article_search_uses_the_index_and_finds_drafts(admin_client):
    draft = make_article(title="ร่างข่าวแอดมิน ผู้อํานวยการ", status=Article.Status.DRAFT)
    response = admin_client.get(reverse("admin:news_article_changelist"), {"q": "ร่างข่าวแอดมิน อำนวยการ"})
    assert list(response.context["cl"].result_list) == [draft]
    response = admin_client.get(reverse("admin:news_article_changelist"), {"q": "คุ้มภูคำ"})
    assert [a.pk for a in response.context["cl"].result_list] == [seed(SEED_003).pk]


def test_admin_person_search_reads_the_query_the_same_way(admin_client):
    response = admin_client.get(reverse("admin:news_person_changelist"), {"q": "ธนุ   วงษ์จินดา"})
    assert [str(p) for p in response.context["cl"].result_list] == ["ว่าที่ร้อยตรี ธนุ วงษ์จินดา"]


def test_a_very_common_word_ranks_the_newest_matches_after_the_other_filters(client, monkeypatch):
    """Only the newest MAX_RANKED matches are scored (a constant cost); the other
    filters apply first, so an office's old news is still found."""
    monkeypatch.setattr(search, "MAX_RANKED", 3)
    office = make_office()
    old = make_article(title="ข่าวคำยอดนิยมเก่า", office=office, published_at=ago(days=400))
    # Newest by id: written in the order they were published, as news is.
    newer = [make_article(title=f"ข่าวคำยอดนิยม {i}", published_at=ago(days=i)) for i in (4, 3, 2, 1)]
    response = listed(client, q="คำยอดนิยม")
    assert listed_titles(response) == [a.title for a in reversed(newer[1:])]
    assert "แสดง 3 ข่าวล่าสุดที่ตรงกัน" in response.content.decode()
    assert listed_titles(listed(client, q="คำยอดนิยม", office=office.slug)) == [old.title]


def test_a_one_digit_number_is_a_whole_number():
    """"ครั้งที่ 1" does not find ครั้งที่ 10, on both engines."""
    first = make_article(title="ประชุมทดสอบเลขครั้งที่ 1")
    tenth = make_article(title="ประชุมทดสอบเลขครั้งที่ 10")
    assert found("ทดสอบเลขครั้งที่ 1") == [first]
    assert found("ทดสอบเลขครั้งที่ 10") == [tenth]


# Shapes of real queries ------------------------------------------------------------

@pytest.mark.parametrize("query", ["ว่าที่ร้อยตรี ธนุ วงษ์จินดา", "ว่าที่ร้อยตรีธนุ วงษ์จินดา", "ว่าที่ ร.ต. ธนุ"])
def test_a_persons_name_with_the_honorific_as_readers_type_it(query):
    """Seeds 001 and 003 list him as ว่าที่ร้อยตรี ธนุ วงษ์จินดา; readers glue the
    honorific to the name or abbreviate it (ว่าที่ ร.ต. is not spelled out, so only
    the name finds him then)."""
    if "ร.ต." in query:
        assert found_seeds(query) == []
        return
    assert set(found_seeds(query)[:2]) == {SEED_001, SEED_003}


@pytest.mark.parametrize("query", ["สพป.นครพนม เขต ๑", "สพป นครพนม เขต1", "สพปนครพนมเขต 1"])
def test_an_office_abbreviation_with_a_number_in_any_spelling(query):
    one = make_article(title="ข่าวสำนักงานเขตหนึ่ง", body="<p>สพป.นครพนม เขต 1 จัดประชุมครู</p>")
    two = make_article(title="ข่าวสำนักงานเขตสอง", body="<p>สพป.นครพนม เขต 2 จัดประชุมครู</p>")
    results = found(query)
    assert one in results and results.index(one) < (results.index(two) if two in results else len(results))


def test_thai_digits_in_the_article_are_found_by_arabic_ones():
    article = make_article(title="ข่าวงบประมาณเลขไทย", body="<p>ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ครั้งที่ ๓</p>")
    assert article in found("2568") and article in found("ปีงบประมาณ 2568")


@pytest.mark.parametrize(
    "query", ["ประชุม", "ธนุ วงษ์จินดา", "คุ้มภูคำ", '"ประชุมเชิงปฏิบัติการ"', "สพป.นครพนม เขต 1", "ai", "รอบ 2", "สพปนครพนม", "2567", "ปีงบประมาณ 2567", "ฟหกดเสวง"]
)
def test_the_newest_matches_are_the_same_whichever_part_finds_them(monkeypatch, query):
    """PostgreSQL reads the newest WALK ids row by row, the older ones through the
    trigram index in windows of ids: with WALK = 1 nearly everything comes from
    the index in one window or in many, and the answer must not change. SQLite checks
    the articles of a short list one by one and scores them as FTS5 does: with
    FEW = 0, FTS5 finds and scores them, and the answer must not change either."""
    make_article(title="ครูใช้ AI ในห้องเรียน", body="<p>การประชุมผ่าน Zoom</p>")
    for i in range(4):
        make_article(title=f"ประชุมครูรอบ {i}", body="<p>สพป.นครพนม เขต 1 ที่โรงแรมคุ้มภูคำ</p>", published_at=ago(days=i))
    whole = [(a.pk, a.search_rank) for a in found(query)]
    monkeypatch.setattr(SQLiteSearch, "FEW", 0)
    assert [(a.pk, a.search_rank) for a in found(query)] == whole
    monkeypatch.setattr(PostgreSQLSearch, "WALK", 1)
    assert [(a.pk, a.search_rank) for a in found(query)] == whole
    # The older articles in windows of 1, 2, 4 … ids (blocks of one id here; the
    # index's blocks are 1,024 ids, too wide for a test's handful of articles).
    monkeypatch.setattr(PostgreSQLSearch, "BLOCK", 1)
    monkeypatch.setattr(PostgreSQLSearch, "WINDOW_BLOCKS", 1)
    assert [(a.pk, a.search_rank) for a in found(query)] == whole
    monkeypatch.setattr(PostgreSQLSearch, "WINDOWS", 2)
    assert [(a.pk, a.search_rank) for a in found(query)] == whole
    monkeypatch.setattr(search, "MAX_RANKED", 3)
    capped = [a.pk for a in found(query)]
    monkeypatch.setattr(PostgreSQLSearch, "WALK", 10_000)
    assert [a.pk for a in found(query)] == capped


@pytest.mark.parametrize(
    "text, query", [("ยาขนาด 5 μg ต่อวัน", "µg"), ("ชื่อ ΛΟΓΟΣ ในข่าว", "λογοσ"), ("ครูครูครู ทดสอบนับซ้อน", "ครูครู")]
)
def test_letters_fts5_folds_together_are_one_letter_and_overlaps_count(monkeypatch, text, query):
    """µ (micro sign) = μ, ς = σ: FTS5 folds them, so the index text and the query
    do too, and an article is found and ranked the same whether FTS5 or a row-by-row
    check finds it (SQLite) and on PostgreSQL; "ครูครู" is twice in "ครูครูครู"."""
    article = make_article(title=text, body=f"<p>{text} {text}</p>")
    few = [(a.pk, a.search_rank) for a in found(query)]
    assert few and few[0][0] == article.pk
    monkeypatch.setattr(SQLiteSearch, "FEW", 0)
    assert [(a.pk, a.search_rank) for a in found(query)] == few
    assert occurrences("ครูครูครู ครูครู", "ครูครู") == 3
