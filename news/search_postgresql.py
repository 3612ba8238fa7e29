"""The news search on PostgreSQL: a pg_trgm GIN index finds, a tsvector ranks.

How the statement is built and what it costs: docs/search.md ("PostgreSQL").
Normalisation, indexing and the SQLite backend are in news.search.
"""

import functools
import time

from django.db import connection, models

from .search import BUCKETS, UPSERT, is_listed_number, needle, whole_word, words

# The trigram index's text (migrations 0005, 0014, 0015); a query must repeat it exactly.
PG_TEXT = (
    "(news_searchdocument.title || chr(10) || news_searchdocument.people || chr(10) || "
    "news_searchdocument.summary || chr(10) || news_searchdocument.body || chr(10) || news_searchdocument.words)"
)


class PostgreSQLSearch:
    """pg_trgm GIN index on the row's text (after the article's windows of ids) for
    finding; a tsvector of the ICU words (title and people A, summary B, body D)
    for ts_rank_cd."""

    WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"  # D, C, B, A
    # The trigram index's first column lists the article's windows of ids (migration
    # 0015): its block of BLOCK ids, its block of FAN blocks and of FAN² blocks,
    # each level LEVEL apart, so that any run of blocks is a short list of entries
    # (cover()) and `&&` reads exactly those: one index scan keeps only the
    # candidates of a window, bounded on both sides (windows()).
    BLOCK = 1024
    FAN = 16
    LEVEL = 2**40

    @classmethod
    def blocks_sql(cls):
        return "ARRAY[" + ", ".join(
            f"{level * cls.LEVEL} + news_searchdocument.article_id / {cls.BLOCK * cls.FAN**level}" if level
            else f"news_searchdocument.article_id / {cls.BLOCK}"
            for level in range(3)
        ) + "]"

    @classmethod
    def indexes(cls):
        """As migration 0015 made them; rebuild() drops and makes them again."""
        return {
            "news_search_trigram": (
                f"CREATE INDEX news_search_trigram ON news_searchdocument USING gin "
                f"(({cls.blocks_sql()}), ({PG_TEXT}) gin_trgm_ops)"
            ),
        }

    NEWEST = "-news_article.id"
    VECTOR = (
        "setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'A') || "
        "setweight(to_tsvector('simple', %s), 'B') || setweight(to_tsvector('simple', %s), 'D')"
    )

    def write(self, rows):
        values = ", ".join([f"(%s, %s, %s, %s, %s, %s, {self.VECTOR})"] * len(rows))
        params = [value for row in rows for value in [row["id"], *row["fields"], *row["words"]]]
        sql = UPSERT.format(extra=", vector", values=values, extra_set=", vector = excluded.vector")
        # The numbers each article lists (newest_holding()), replaced with its row.
        numbers = [(int(word), row["id"]) for row in rows for word in row["fields"][4].split() if is_listed_number(word)]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            cursor.execute("DELETE FROM news_searchnumber WHERE article_id = ANY(%s)", [[row["id"] for row in rows]])
            if numbers:
                cursor.execute(
                    "INSERT INTO news_searchnumber (number, article_id) VALUES "
                    + ", ".join(["(%s, %s)"] * len(numbers)),
                    [value for pair in numbers for value in pair],
                )

    def clear(self):
        with connection.cursor() as cursor:
            for name in self.indexes():
                cursor.execute(f"DROP INDEX IF EXISTS {name}")
            cursor.execute("TRUNCATE news_searchdocument, news_searchnumber")

    def optimize(self):
        with connection.cursor() as cursor:
            # The rows' deferred foreign-key checks first: an index cannot be made
            # on a table with pending trigger events.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            for sql in self.indexes().values():
                cursor.execute(sql)
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # Django's foreign keys, as they were
            cursor.execute("ANALYZE news_searchdocument")
            cursor.execute("ANALYZE news_searchnumber")

    # How many of the newest ids are read row by row before the trigram index is
    # asked (walk_length): about limit / share for a word in `share` of the
    # articles, when that is fewer rows than the index would give to check.
    WALK = None  # a fixed number instead (tests)
    # Measured at 100k under load (µs): an id the other filters drop, a row
    # checked field by field with strpos, a trigram candidate checked with LIKE.
    ID_COST, ROW_COST, CHECK_COST = 1, 16, 90
    RANGE_COST = 0.1  # an id of a window, gathered by the index from its entries (100k)
    SAMPLE = 2000  # the newest ids counted for the share the other filters keep
    FIELDS = ["title", "people", "summary", "words", "body"]  # the long body last
    STATS_SECONDS = 600
    _stats = {"at": -1e9, "shares": {}}
    # The older articles are asked of the index in windows of ids, newest first,
    # doubling, at most WINDOWS of them (the last reaches the oldest article). The
    # share of a query's words says how many candidates a window holds at most,
    # not how many match: the words of "สพป.นครพนม เขต 1" are each in 10–95 % of
    # the articles, together in 0.3 %. So a spread word is asked for twice: first
    # the walk and one window of about PROBE_CHECKS candidates by the words'
    # share; then, when they hold fewer than the limit, the older windows sized
    # by the matches the first ones found (at least MIN_FOUND of them), the first
    # holding about MARGIN times the matches still wanted but at most SPREAD times
    # as wide as what was read (fill()).
    PROBE_CHECKS = 500
    MARGIN = 1.25
    MIN_FOUND = 10
    SPREAD = 32
    WINDOWS = 8
    WINDOW_BLOCKS = None  # a fixed width in blocks instead (tests)

    def word_shares(self):
        """{word: share of articles containing it} for the most common words, from
        the statistics ANALYZE (autovacuum) keeps of the tsvector column; read at
        most every STATS_SECONDS, and only while searching."""
        if time.monotonic() - self._stats["at"] > self.STATS_SECONDS:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
                    "WHERE tablename = 'news_searchdocument' AND attname = 'vector'"
                )
                row = cursor.fetchone()
            shares = dict(zip(row[0], row[1])) if row and row[0] else {}
            PostgreSQLSearch._stats = {"at": time.monotonic(), "shares": shares}
        return self._stats["shares"]

    def share(self, query):
        """The share of articles holding every term, estimated as that of the
        rarest word the reader typed (the words of a name come together, so not
        the product); 0 for a word the statistics do not list (a rare one). The
        words are those of the text as typed, as the articles' were cut: a term
        squashed for finding ("สพป.นครพนม" is found as "สพปนครพนม") is no text ICU
        cuts as it cut the article's (สพ, ปน, ค, รพ, นม: none listed, so the query
        looked rare and its one scan checked every candidate of the archive)."""
        shares = self.word_shares()
        return min((shares.get(word, 0.0) for word in query.words or [""]), default=0.0)

    def windows(self, share, boundary, kept=1.0):
        """[(first block, last block)] of the ids up to `boundary`, newest first.

        `share` is that of the articles holding the words, `kept` that of the
        articles the list's other filters keep. One window for a word rare enough
        that all its candidates are few: the index hands them over in one scan.
        Otherwise windows of about PROBE_CHECKS / (share * kept) ids, doubling
        (doubling()), when checking their candidates and gathering the window's
        ids in the index (RANGE_COST an id) is cheaper: the first one costs about
        PROBE_CHECKS candidates whatever the size of the archive; a word crowded
        into older articles costs the empty windows' index scans, then the
        candidates of the window it is in.
        """
        last = boundary // self.BLOCK
        if self.WINDOW_BLOCKS is not None:
            return self.doubling(last, self.WINDOW_BLOCKS)
        ids = min(boundary, self.PROBE_CHECKS / (share * kept)) if share * kept else boundary
        one_scan = share * boundary * self.CHECK_COST
        if one_scan <= share * ids * self.CHECK_COST + ids * self.RANGE_COST:
            return [(0, last)]
        return self.doubling(last, max(1, round(ids / self.BLOCK)))

    def doubling(self, last, width):
        """Windows of `width` blocks from block `last` back, each next one twice as
        wide, at most WINDOWS, the last reaching block 0."""
        found = []
        while last >= 0 and len(found) < self.WINDOWS - 1:
            found.append((max(0, last - width + 1), last))
            last -= width
            width *= 2
        if last >= 0:
            found.append((0, last))
        return found

    def cover(self, first, last):
        """The index entries of blocks first..last: each block once, in the
        fewest entries (a block of FAN² blocks where one fits, then of FAN, then
        single blocks)."""
        keys = []
        while first <= last:
            for level in (2, 1, 0):
                size = self.FAN**level
                if first % size == 0 and first + size - 1 <= last:
                    keys.append(level * self.LEVEL + first // size)
                    first += size
                    break
        return keys

    def window_bounds(self, first, last, bounded=True):
        """(conditions, params) keeping a window's candidates in the index scan:
        the window's entries (cover()), `&&` the article's. A single window over
        the whole archive (a rare word) needs none: the index hands over all its
        candidates."""
        if not bounded:
            return [], []
        return [f"{self.blocks_sql()} && %s::bigint[]"], [self.cover(first, last)]

    def walk_length(self, query, limit, articles, kept):
        """How many of the newest ids to read row by row.

        `kept()` gives the share of the newest ids the list's other filters keep
        (an office's news: about 1 %); it costs a query, so only a word the
        statistics call common asks for it. The share of articles matching every term
        is estimated as that of the rarest word of any term (the words of a name
        come together, so not the product). Reading the newest ids until `limit`
        matches takes about limit / (share * kept) ids, each ID_COST, of which
        the kept ones are read (ROW_COST: strpos per field, stopping at the first
        that holds the term); the trigram index, asked window by window
        (windows()), hands over candidates until `limit` of them are kept: about
        2 * limit / kept, at most share * articles, each CHECK_COST (the
        whole text joined, with LIKE). The cheaper way is taken. A word missing
        from the statistics is rare: the index. Either way the answer is the
        same; only the cost differs.
        """
        if self.WALK is not None:
            return self.WALK
        share = self.share(query)
        if not share:
            return 0
        kept = kept()
        if not kept:
            return 0
        ids = min(articles, 2 * limit / (share * kept))  # twice the estimate, for luck
        walk_cost = ids * (self.ID_COST + kept * self.ROW_COST)
        checks = min(share * articles, 2 * limit / kept)
        return int(ids) if walk_cost <= self.CHECK_COST * checks else 0

    @staticmethod
    def among(pks):
        """The articles whose id is in `pks`, as one array parameter: `pk__in` makes
        one parameter per id, and 1,000 of them cost Django and psycopg about as
        much as the search statement of a common word."""
        # Built on F("pk"), not written as SQL text, so that Django can rename the
        # table when the search is used inside another query (a subquery's U0).
        return models.Func(
            models.F("pk"), models.Value(list(pks)),
            arg_joiner=" = ANY(", template="%(expressions)s)", output_field=models.BooleanField(),
        )

    def walk_fields(self, term):
        """The columns the walk reads for a term. The word list (a third of a row's
        text) only for a whole word or a term with a space: a term without one that
        is in the word list is inside one word, a run of a field's letters, so it is
        in that field too."""
        if whole_word(term) or " " in term:
            return self.FIELDS
        return [field for field in self.FIELDS if field != "words"]

    def newest(self, queryset, query, limit):
        """[(pk, rank)] of the newest `limit` matches, in one statement or two.

        The trigram index cannot tell a match from a candidate: each candidate row
        is read and checked with LIKE, and a word most articles contain has the
        whole archive as candidates (0.4–0.7 s at 10k, seconds at 100k). So the
        statement is a UNION ALL of parts under one LIMIT; PostgreSQL runs
        the parts in order and stops at the LIMIT (the plan says "never executed"
        of the second part when the first one is enough):

        1. the newest WALK ids, read backwards through the primary key, each field
           checked with strpos() (no index can serve it, so the planner cannot
           choose one): a common word is found here, and reading stops at the
           limit;
        2. the older articles through the trigram index, window by window of ids
           (windows(); a bitmap each, every candidate checked with LIKE, then
           sorted newest first): a rare word costs its few candidates, a word in
           a few per cent of the archive those of its newest windows.

        A spread word's first statement stops after one window; the rest, if
        needed, is a second statement whose windows the first one's matches size
        (fill()). A query holding a number is read from the number's own list
        instead (newest_holding()), when no other word of it is rarer. The rank
        is computed after the limit, for those rows only.
        """
        number = self.listed_number(query) if self.WALK is None else None
        if number is not None:
            return self.newest_holding(queryset, query, number, limit)
        # The newest id as a number, not a subquery: the planner then knows how
        # many rows each part holds.
        newest_id = int(queryset.model.objects.aggregate(newest=models.Max("pk"))["newest"] or 0)
        sample = min(self.SAMPLE, newest_id)

        @functools.cache
        def kept():
            return queryset.filter(pk__gt=newest_id - sample).count() / sample if sample else 0

        boundary = newest_id - self.walk_length(query, limit, newest_id, kept)
        share = self.share(query)
        # The other filters' share (counted already for a common word); never 0,
        # the newest ids may hold none of what the older ones do.
        filtered = max(kept(), 1 / max(sample, 1)) if share else 1.0
        checks, check_params = self.row_checks(query)
        walk = queryset.order_by().extra(
            tables=["news_searchdocument"],
            where=["news_searchdocument.article_id = news_article.id", "news_searchdocument.article_id > %s",
                   "news_article.id > %s", *checks],
            params=[boundary, boundary, *check_params],
        ).extra(order_by=[self.NEWEST]).values_list("pk")
        windows = self.windows(share, boundary, filtered)
        if len(windows) <= 1:  # a rare word, or the walk reads every id
            return self.found(queryset, query, walk, windows, boundary, limit, bounded=False)
        rows = self.found(queryset, query, walk, windows[:1], boundary, limit)
        if len(rows) >= limit:
            return rows
        return rows + self.fill(queryset, query, windows, len(rows), newest_id - windows[0][0] * self.BLOCK + 1,
                                 limit - len(rows))

    def fill(self, queryset, query, windows, found, read, wanted):
        """[(pk, rank)] of the `wanted` newest matches older than the first of
        `windows`, after the walk and that window `found` matches among the `read`
        newest ids. From MIN_FOUND matches on, their density sizes the windows:
        the first about MARGIN * wanted matches wide, but at most SPREAD times the
        ids read (a word crowded into older articles, a past event or a person of
        years ago, is denser there than where it was counted), then doubling.
        With fewer, the rest of `windows`, as the words' share planned them."""
        first = windows[0][0]
        top = first * self.BLOCK - 1
        if found >= self.MIN_FOUND:
            ids = min(self.MARGIN * wanted * read / found, self.SPREAD * read)
            windows = self.doubling(top // self.BLOCK, self.WINDOW_BLOCKS or max(1, round(ids / self.BLOCK)))
        else:
            windows = windows[1:]
        return self.found(queryset, query, None, windows, top, wanted)

    def found(self, queryset, query, walk, windows, top, limit, bounded=True):
        """[(pk, rank)] of the newest `limit` matches among the `walk` (or none)
        and the trigram index's candidates of `windows` up to the id `top`, in one
        statement."""
        likes = [f"%{needle(term)}%" for term in query.terms]
        # The walk is a materialized CTE, an empty one when there is none: a CTE
        # scan is parallel restricted, so the Append cannot become a Parallel
        # Append, which would run the parts side by side instead of in order (the
        # planner chose one at 100k: the windows' candidates all checked, and the
        # limit's rows not the newest); the CTE is still read only as far as the
        # LIMIT asks.
        walk_sql, params = walk.query.sql_with_params() if walk is not None else ("SELECT NULL::integer WHERE false", ())
        prefix, parts, older_params = f"WITH walk (id) AS MATERIALIZED ({walk_sql}) ", ["(SELECT walk.id FROM walk)"], []
        for first, last in windows:
            where, window = self.window_bounds(first, last, bounded)
            older = queryset.order_by().extra(
                tables=["news_searchdocument"],
                where=["news_searchdocument.article_id = news_article.id", "news_searchdocument.article_id <= %s",
                       *where] + [f"{PG_TEXT} LIKE %s"] * len(likes),
                params=[min(top, (last + 1) * self.BLOCK - 1), *window] + likes,
            ).values_list("pk")
            older_sql, window_params = older.query.sql_with_params()
            # Sorted by an expression no index gives: the planner then reads the
            # window's candidates from the trigram index (a bitmap) and sorts them,
            # rather than walk the primary key checking every older row.
            parts.append(f"(SELECT older.id FROM ({older_sql}) AS older (id) ORDER BY older.id + 0 DESC)")
            older_params += window_params
        return self.ranked(prefix, f"{' UNION ALL '.join(parts)} LIMIT %s", [*params], [*older_params, limit], query)

    def ranked(self, prefix, found_sql, prefix_params, found_params, query):
        """[(pk, rank)] of the ids `found_sql` selects, ranked (ts_rank_cd) after
        the limit, for those rows only."""
        tsqueries = self.tsqueries(query)
        score = " + ".join([f"ts_rank_cd('{self.WEIGHTS}', news_searchdocument.vector, %s::tsquery, 1)"] * len(tsqueries))
        sql = (
            f"{prefix}SELECT found.id, round(ln(greatest({score}, 1e-12)) * {BUCKETS}) FROM "
            f"({found_sql}) AS found (id) "
            "JOIN news_searchdocument ON news_searchdocument.article_id = found.id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*prefix_params, *tsqueries, *found_params])
            return cursor.fetchall()

    def row_checks(self, query):
        """(conditions, params): every term found in a row's fields with strpos()
        (the word list only where walk_fields() says)."""
        conditions, params = [], []
        for term in query.terms:
            fields = self.walk_fields(term)
            conditions.append("(" + " OR ".join(f"strpos(news_searchdocument.{f}, %s) > 0" for f in fields) + ")")
            params += [needle(term)] * len(fields)
        return conditions, params

    def listed_number(self, query):
        """The number whose list newest_holding() reads: the rarest number of the
        query that news_searchnumber lists (3–18 digits, no leading zero), when no
        other word of the query is rarer (a year with a place: the trigram index
        finds the place's few candidates faster than the year's list is read);
        otherwise None."""
        shares = self.word_shares()
        numbers = [term for term in query.terms if is_listed_number(term)]
        if not numbers:
            return None
        number = min(numbers, key=lambda term: (shares.get(term, 0.0), -len(term)))
        return number if shares.get(number, 0.0) <= self.share(query) else None

    def newest_holding(self, queryset, query, number, limit):
        """[(pk, rank)] of the newest `limit` matches of a query holding a number:
        the articles listing it, read newest first from news_searchnumber's primary
        key, each row checked for every term as the walk checks it (so a list out
        of step can hide an article, never show one that does not match). A year
        crowded into some older articles costs about as many rows as it finds."""
        checks, check_params = self.row_checks(query)
        holding = queryset.order_by().extra(
            tables=["news_searchnumber", "news_searchdocument"],
            where=[
                "news_searchnumber.article_id = news_article.id", "news_searchnumber.number = %s",
                "news_searchdocument.article_id = news_article.id", *checks,
            ],
            params=[int(number), *check_params],
        ).extra(order_by=["-news_searchnumber.article_id"]).values_list("pk")
        holding_sql, params = holding.query.sql_with_params()
        return self.ranked("", f"{holding_sql} LIMIT %s", [], [*params, limit], query)

    def tsqueries(self, query):
        # The reader's words, then "เขต 1" phrases (numbered) counted again on top,
        # as bm25 counts them on SQLite.
        tsqueries = [" | ".join(f"'{word}'" for word in query.words) or "''"]
        tsqueries += [f"'{words(phrase)[-2]}' <-> '{number}'" for number, phrase in query.numbered.items()]
        return tsqueries
