"""The PostgreSQL search's windows of ids (news.search_postgresql): which windows
are asked for, and that the trigram index keeps a window's bound in its scan.
The answers themselves are tested on both databases in test_search.py."""

import pytest
from django.db import connection, transaction

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
    assert 80_000 <= (last - first + 1) * 1024 <= 120_000  # about 2,000 / 2 % ids


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigram index is PostgreSQL's")
def test_a_window_is_read_through_the_trigram_index_with_its_block_bound():
    make_article(title="ข่าวห้องประชุมเรือนคุ้ม", body="<p>ณ โรงแรมคุ้มภูคำ</p>")
    windows = [(7, 9), (0, 6)]
    for first, last in windows:
        where, params = PostgreSQLSearch().window_bounds(windows, first, last)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(
                f"EXPLAIN SELECT article_id FROM news_searchdocument WHERE {where[0]} AND {PG_TEXT} LIKE %s",
                [*params, "%คุ้มภูคำ%"],
            )
            plan = "\n".join(row[0] for row in cursor.fetchall())
        index_scan = plan[plan.index("Bitmap Index Scan on news_search_trigram"):]
        bound = ">= '7'::bigint" if first else "<= '6'::bigint"
        assert f"(article_id / 1024) {bound}" in index_scan and "~~" in index_scan, plan
