"""The news search on SQLite: FTS5 (trigram tokenizer) finds and bm25 ranks.

How it is built and what it costs: docs/search.md ("SQLite").
Normalisation, indexing and the PostgreSQL backend are elsewhere (news.search,
news.search_postgresql).
"""

import functools
import json
import math

from django.db import connection
from django.db.models import Q

from .search import BUCKETS, COLUMNS, UPSERT, needle

# bm25's constants, as FTS5 has them (fts5_aux.c).
K1, B = 1.2, 0.75


class SQLiteSearch:
    """FTS5 `news_search` (trigram tokenizer) over news_searchdocument, kept in step
    by the table's triggers (migration 0005).

    The score adds up bm25 of each column times its weight: bm25 given all the
    weights at once saturates (k1), so a name among the attendees counted hardly
    more than the same name once in the body.
    """

    WEIGHTS = {"title": 10, "people": 10, "summary": 4, "body": 1, "words": 1}
    NEWEST = "-news_search.rowid"  # the FTS5 table's own order: read newest first, stop early
    # A list the other filters cut to at most FEW articles (an office's news) is
    # searched article by article (newest_among()): FTS5 would read every match of
    # a common word in the archive to find the few that are the office's.
    FEW = 2000

    def score(self):
        terms = []
        for column, weight in self.WEIGHTS.items():
            only = ", ".join("1" if other == column else "0" for other in self.WEIGHTS)
            terms.append(f"{weight} * -bm25(news_search, {only})")
        return " + ".join(terms)

    def write(self, rows):
        values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(rows))
        params = [value for row in rows for value in [row["id"], *row["fields"]]]
        with connection.cursor() as cursor:
            cursor.execute(UPSERT.format(extra="", values=values, extra_set=""), params)

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM news_searchdocument")
            # No merging of the index's segments while rows pour in: they are
            # merged once, by 'optimize', at the end.
            cursor.execute("INSERT INTO news_search(news_search, rank) VALUES ('automerge', 0)")

    def optimize(self):
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO news_search(news_search) VALUES ('optimize')")
            cursor.execute("INSERT INTO news_search(news_search, rank) VALUES ('automerge', 4)")  # the default

    @staticmethod
    def phrases(query, term):
        """The FTS5 phrases a term is asked as, in the order of its MATCH: the term;
        for a number after a word ("เขต 1") the term again and the two together,
        (found AND (found OR phrase)): the same rows, and bm25 counts the phrase."""
        found = needle(term)
        if term in query.numbered:
            return [found, found, query.numbered[term]]
        return [found]

    def match(self, query):
        """The FTS5 MATCH text of a query: every term found."""
        def asked(term):
            phrases = [f'"{phrase}"' for phrase in self.phrases(query, term)]
            return f"{phrases[0]} AND ({phrases[1]} OR {phrases[2]})" if len(phrases) == 3 else phrases[0]

        return " AND ".join(asked(term) for term in query.terms)

    @staticmethod
    def among(pks):
        return Q(pk__in=pks)

    def newest(self, queryset, query, limit):
        """[(pk, rank)] of the newest `limit` matches: FTS5 reads its matches in
        rowid order and stops at the limit, so the cost is the limit's; but where
        the list's other filters keep few articles, FTS5 would read on through the
        archive, so those few are checked instead."""
        # Unordered, the ids come from the list's own index (status, office…), read
        # no further than FEW + 1: about 1 ms for a list of the whole archive.
        few = list(queryset.order_by().values_list("pk", flat=True)[: self.FEW + 1])
        if len(few) <= self.FEW:
            return self.newest_among(few, query, limit)
        ranked = self.filter(queryset.order_by(), query).extra(order_by=[self.NEWEST])
        return list(ranked.values_list("pk", "search_rank")[:limit])

    def filter(self, queryset, query):
        return queryset.extra(
            tables=["news_search"],
            where=["news_search.rowid = news_article.id", "news_search MATCH %s"],
            params=[self.match(query)],
            select={"search_rank": f"round(ln(max({self.score()}, 1e-12)) * {BUCKETS})"},
        )

    def newest_among(self, ids, query, limit):
        """[(pk, rank)] of the newest `limit` matches among the articles `ids`: each
        row's fields checked with instr(), as FTS5 finds a phrase (a substring of
        a field; the text is normalised, so case is already folded), and scored as
        FTS5 scores it (bm25()) from the index's own totals, so that an office's
        list comes in the order the unfiltered list would give its articles."""
        if not ids:
            return []
        checks = " AND ".join(["(" + " OR ".join(f"instr({column}, %s)" for column in COLUMNS) + ")"] * len(query.terms))
        params = [needle(term) for term in query.terms for _ in COLUMNS]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT article_id, {', '.join(COLUMNS)} FROM news_searchdocument "
                f"WHERE article_id IN (SELECT value FROM json_each(%s)) AND {checks} "
                "ORDER BY article_id DESC LIMIT %s",
                [json.dumps(ids), *params, limit],
            )
            rows = cursor.fetchall()
        if not rows:
            return []
        phrases = [phrase for term in query.terms for phrase in self.phrases(query, term)]
        articles, tokens, holding = self.statistics(phrases)
        idf = [bm25_idf(articles, count) for count in holding]
        return [(row[0], self.rank(row[1:], phrases, idf, tokens / articles)) for row in rows]

    def rank(self, fields, phrases, idf, average):
        """round(ln(score) * BUCKETS) as filter() computes it in SQL: per column
        FTS5's bm25 (fts5_aux.c) of the phrases' occurrences in that column, the
        row's length (trigrams) and the average length, times its weight."""
        length = sum(max(0, len(field) - 2) for field in fields)  # a trigram per character but the last two
        norm = K1 * (1 - B + B * length / average)
        score = 0.0
        for weight, field in zip(self.WEIGHTS.values(), fields):
            for phrase, phrase_idf in zip(phrases, idf):
                found = occurrences(field, phrase)
                score += weight * phrase_idf * found * (K1 + 1) / (found + norm)
        return _round(math.log(max(score, 1e-12)) * BUCKETS)

    @staticmethod
    def statistics(phrases):
        """(rows, tokens, [articles holding each phrase]) of the whole index, as
        bm25() reads them. FTS5 keeps the first two in its 'averages' record (row
        1 of news_search_data, fts5_storage.c) as SQLite varints: the number of
        rows, then the tokens of each column. The articles holding a phrase are
        counted as a MATCH finds them, up to half the rows: from there on bm25's
        idf is the same (bm25_idf()), and a word most articles hold costs half."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT block FROM news_search_data WHERE id = 1")
            values = _varints(cursor.fetchone()[0])
            half = math.ceil(values[0] / 2)
            holding = ", ".join(
                ["(SELECT count(*) FROM (SELECT 1 FROM news_search WHERE news_search MATCH %s LIMIT %s))"] * len(phrases)
            )
            cursor.execute(f"SELECT {holding}", [value for phrase in phrases for value in (f'"{phrase}"', half)])
            counts = cursor.fetchone()
        return values[0], sum(values[1:]), counts


def bm25_idf(articles, holding):
    """bm25's idf of a phrase in `holding` of the `articles` (fts5_aux.c): none
    (1e-6) for a phrase in half of them or more."""
    idf = math.log((articles - holding + 0.5) / (holding + 0.5))
    return idf if idf > 0 else 1e-6


def occurrences(text, phrase):
    """How many times a phrase is in a text, overlapping ones too (FTS5 counts each
    position a trigram phrase starts at)."""
    if not _overlaps(phrase):
        return text.count(phrase)
    count, at = 0, text.find(phrase)
    while at != -1:
        count, at = count + 1, text.find(phrase, at + 1)
    return count


@functools.lru_cache(maxsize=256)
def _overlaps(phrase):
    """Whether two occurrences of a phrase can overlap ("ครูครู" in "ครูครูครู"):
    a start of it is also its end. Otherwise str.count() counts them all."""
    return any(phrase.startswith(phrase[at:]) for at in range(1, len(phrase)))


def _round(value):
    """SQLite's round(): halves away from zero (Python's round() goes to even)."""
    return math.copysign(math.floor(abs(value) + 0.5), value)


def _varints(data):
    """SQLite's variable-length integers: 7 bits a byte, high bit set while more
    follow; a ninth byte gives all 8 bits."""
    values, at = [], 0
    while at < len(data):
        value = 0
        for position in range(9):
            byte = data[at]
            at += 1
            if position == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        values.append(value)
    return values
