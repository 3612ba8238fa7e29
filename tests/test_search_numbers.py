"""Numbers in the news search: a number is found as a whole number (a year, not
the middle of a document or telephone number), on SQLite and PostgreSQL alike;
on PostgreSQL a number's articles are read newest first from their own list
(news_searchnumber), kept in step with the article (docs/search.md, "Numbers")."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news import search
from news.search_postgresql import PostgreSQLSearch
from tests.factories import make_article

from .test_search import found, listed

pytestmark = pytest.mark.django_db


def test_a_number_is_found_whole_not_inside_a_longer_number(client):
    """A year is a whole number: "2562" finds it written against Thai letters, not
    inside a document number or a telephone number."""
    glued = make_article(title="ผลการดำเนินงานปีการศึกษา2562ได้ผลดี")
    inside = make_article(title="หนังสือเลขที่ 125621 โทร 0812562000 ราคาชุดละ 2562.50 บาท")
    both = make_article(title="แผนงานใหม่", body="<p>หนังสือเลขที่ 125621 เรื่องแผนปีงบประมาณ ๒๕๖๒ ของสำนักงาน</p>")
    for query in ["2562", "๒๕๖๒"]:
        assert set(found(query)) == {glued, both}
        assert inside not in found(query)
    page = listed(client, q="2562").content.decode()
    assert "<mark>๒๕๖๒</mark>" in page and "125621" in page and "<mark>2562</mark>1" not in page
    # The passage marks what the search found: not the number inside a dotted one.
    assert search.passage("ราคา 2562.50 บาท วันที่ 15.3.2562 ปี 2562", search.Query("2562")) == (
        "ราคา 2562.50 บาท วันที่ 15.3.2562 ปี <mark>2562</mark>"
    )


def test_a_year_is_found_in_step_with_the_article(monkeypatch):
    """Changing the year an article holds changes what finds it (PostgreSQL reads a
    number's articles from its own list, written with the article's search row)."""
    monkeypatch.setattr(PostgreSQLSearch, "_stats", {"at": float("inf"), "shares": {}})
    article = make_article(title="แผนปฏิบัติราชการ", body="<p>ประจำปีงบประมาณ พ.ศ. 2561</p>")
    assert article in found("2561") and article not in found("2563")
    article.body = "<p>ประจำปีงบประมาณ พ.ศ. 2563</p>"
    article.save()
    assert article in found("ปีงบประมาณ 2563") and article not in found("2561")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT number FROM news_searchnumber WHERE article_id = %s", [article.pk])
            numbers = {row[0] for row in cursor.fetchall()}
        assert 2563 in numbers and 2561 not in numbers
        with CaptureQueriesContext(connection) as queries:
            found("ปีงบประมาณ 2563")
        assert any("news_searchnumber.number" in query["sql"] for query in queries.captured_queries)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the number list is PostgreSQL's")
def test_a_numbers_list_is_read_only_when_no_other_word_is_rarer(monkeypatch):
    make_article(title="ประชุมปีงบประมาณ 2567", body="<p>ที่โรงแรมคุ้มภูคำ</p>")
    shares = {"2567": 0.2, "ประชุม": 0.9, "คุ้มภูคำ": 0.05}
    monkeypatch.setattr(PostgreSQLSearch, "_stats", {"at": float("inf"), "shares": shares})

    def reads_the_list(query):
        with CaptureQueriesContext(connection) as queries:
            results = found(query)
        return results, any("news_searchnumber.number" in q["sql"] for q in queries.captured_queries)

    assert reads_the_list("2567 ประชุม")[1]  # the year is the rarest word
    assert not reads_the_list("2567 คุ้มภูคำ")[1]  # the place is rarer
    assert reads_the_list("2567 ฟหกดเสวง") == ([], False)  # unknown to the statistics: rare
