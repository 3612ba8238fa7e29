"""The PostgreSQL search's windows of ids (news.search_postgresql): which windows
are asked for, which index entries make each, and that the trigram index reads
exactly those in its scan.
The answers themselves are tested on both databases in test_search.py."""

import pytest
from django.db import connection, transaction

from news.search import Query
from news.search_postgresql import PG_TEXT, PostgreSQLSearch

from .factories import make_article


@pytest.mark.parametrize("boundary", [0, 1, 1023, 1024, 5000, 97_000, 999_999])
@pytest.mark.parametrize("share", [0.0, 0.0005, 0.01, 0.065, 0.3, 0.9])
def test_the_windows_cover_every_older_id_once_newest_first(boundary, share):
    windows = PostgreSQLSearch().windows(share, boundary)
    assert 1 <= len(windows) <= PostgreSQLSearch.WINDOWS
    assert windows[0][1] == boundary // PostgreSQLSearch.BLOCK and windows[-1][0] == 0
    for (first, last), (_, older_last) in zip(windows, windows[1:]):
        assert first <= last and older_last == first - 1


def test_a_rare_word_is_one_unbounded_scan_and_a_spread_word_starts_with_a_narrow_window():
    search_pg = PostgreSQLSearch()
    assert search_pg.windows(0.0, 1_000_000) == [(0, 1_000_000 // 1024)]  # not in the statistics
    first, last = search_pg.windows(0.02, 1_000_000)[0]
    assert 20_000 <= (last - first + 1) * 1024 <= 30_000  # about PROBE_CHECKS / 2 % ids


def test_the_share_is_that_of_the_words_as_typed_not_of_a_squashed_term(monkeypatch):
    """"สพป.นครพนม" is found as one squashed term, "สพปนครพนม", which ICU cuts into
    pieces no article holds (สพ, ปน, ค, รพ, นม): the share comes from the words as
    typed, as the articles' were cut, or the query looks rare and its one scan
    checks every candidate of the archive (4,343 at 1M)."""
    shares = {"สพป": 0.55, "นครพนม": 0.097, "เขต": 0.95, "1": 0.24}
    monkeypatch.setattr(PostgreSQLSearch, "word_shares", lambda self: shares)
    assert PostgreSQLSearch().share(Query("สพป.นครพนม เขต 1")) == 0.097
    assert PostgreSQLSearch().share(Query("สพป.นครพนม ฟหกดเสวง")) == 0.0  # a word no statistics list: rare


def test_the_older_windows_are_sized_by_the_matches_the_first_one_found(monkeypatch):
    """The words' share only bounds a window's candidates ("สพป.นครพนม เขต 1": words
    in 10–95 % of the articles, together in 0.3 %): after the first window, the
    next ones are sized by the matches found, to hold about MARGIN times the
    matches still wanted, but at most SPREAD times as wide as what was read (a
    word crowded into older articles is denser there); with fewer than MIN_FOUND
    matches, the planned windows go on."""
    search_pg, asked = PostgreSQLSearch(), []
    monkeypatch.setattr(search_pg, "found", lambda *args, **kwargs: asked.append(args[3]) or [])
    windows = search_pg.windows(0.1, 999_999)
    read = 999_999 - windows[0][0] * search_pg.BLOCK + 1

    def first_width(found, wanted):
        search_pg.fill(None, None, windows, found, read, wanted)
        first, last = asked[-1][0]
        assert last == windows[0][0] - 1 and asked[-1][-1][0] == 0  # right after the first window, to the oldest
        return (last - first + 1) * search_pg.BLOCK

    by_density = search_pg.MARGIN * 990 * read / 15  # 15 matches read: about MARGIN times the 990 wanted
    assert 0.9 <= first_width(15, 990) / min(by_density, search_pg.SPREAD * read) <= 1.1
    assert 0.9 <= first_width(200, 800) / (search_pg.MARGIN * 800 * read / 200) <= 1.1
    assert first_width(search_pg.MIN_FOUND, 990) <= search_pg.SPREAD * read * 1.1  # one stray match is no density
    search_pg.fill(None, None, windows, search_pg.MIN_FOUND - 1, read, 990)
    assert asked[-1] == windows[1:]


@pytest.mark.parametrize("first, last", [(0, 0), (5, 5), (0, 15), (15, 16), (66, 97), (0, 976), (17, 4200), (256, 511)])
def test_a_windows_entries_hold_each_of_its_blocks_once_and_no_other(first, last):
    search_pg = PostgreSQLSearch()
    blocks = []
    for key in search_pg.cover(first, last):
        level, start = divmod(key, search_pg.LEVEL)
        size = search_pg.FAN**level
        blocks += range(start * size, (start + 1) * size)
    assert sorted(blocks) == list(range(first, last + 1))
    assert len(search_pg.cover(0, 976)) <= 2 * (search_pg.FAN - 1) + 976 // search_pg.FAN**2 + 1  # a few dozen at 1M


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigram index is PostgreSQL's")
def test_a_window_is_read_through_the_trigram_index_with_its_entries():
    make_article(title="ข่าวห้องประชุมเรือนคุ้ม", body="<p>ณ โรงแรมคุ้มภูคำ</p>")
    windows = [(17, 40), (0, 16)]
    for first, last in windows:
        where, params = PostgreSQLSearch().window_bounds(first, last)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(
                f"EXPLAIN SELECT article_id FROM news_searchdocument WHERE {where[0]} AND {PG_TEXT} LIKE %s",
                [*params, "%คุ้มภูคำ%"],
            )
            plan = "\n".join(row[0] for row in cursor.fetchall())
        index_scan = plan[plan.index("Bitmap Index Scan on news_search_trigram"):]
        entries = ",".join(str(key) for key in PostgreSQLSearch().cover(first, last))
        assert f"&& '{{{entries}}}'::bigint[]" in index_scan and "~~" in index_scan, plan
