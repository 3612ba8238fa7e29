"""Thai search over the news: one normalisation for articles and queries, the query
reader, the index kept in step, the SQLite and PostgreSQL backends, and the
highlighted passage. `Article.objects.search(q)` is the way in; docs/search.md
tells why it is built this way.

In short: every term a reader types must be a *substring* of the article's text in
canonical spelling with the spaces between Thai letters taken out (a trigram
index finds it: FTS5 `trigram`, `pg_trgm`), because Thai has no spaces and any
word segmenter cuts some compounds where the reader did not ("ผู้อำนวยการกลุ่ม…"
is cut by ICU as ผู้|อำนวย|การก|ลุ่ม). Terms of one or two letters, which a
trigram cannot hold, must be a whole word of the article (ICU word boundaries).
Ranking weighs where the terms occur: title and people above summary, summary
above body (FTS5 bm25 on SQLite; ts_rank_cd on ICU words on PostgreSQL), then the
newest first.
"""

import functools
import html
import re
import threading
import time

from django.db import connection, transaction
from django.db import models
from django.db.models import Case, FloatField, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from . import thai

MAX_QUERY_CHARS = 200  # a longer query is cut (a pasted paragraph), not refused
MAX_TERMS = 8
MAX_RANKED = 1000  # matches ranked per query: the newest ones (see search())
SNIPPET_CHARS = 220
BATCH = 500

# Thai letters, vowels and marks (U+0E01–U+0E4E); Thai digits are Arabic by now.
THAI = "\u0e01-\u0e4e"
_LEADING_VOWELS = "\u0e40\u0e41\u0e42\u0e43\u0e44"  # เ แ โ ใ ไ: written before their consonant
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_REPEATED_MARK = re.compile(f"([{_MARKS}])\\1+")
# A tone mark typed before the vowel above or below it looks the same on screen.
_TONE_BEFORE_VOWEL = re.compile("([\u0e48-\u0e4b])([\u0e31\u0e34-\u0e39])")
# "สพป." = "สพป", "ก.ค.ศ." = "กคศ": a dot after a Thai letter ends an abbreviation.
_ABBREVIATION_DOT = re.compile(f"(?<=[{THAI}])\\.")
# Anything but letters, digits and Thai marks separates words; 1.5 keeps its dot.
_SEPARATOR = re.compile(r"[^\w\u0e00-\u0e7f.]|_|(?<![0-9])\.|\.(?![0-9])")
_SPACES = re.compile(" +")
_THAI_THEN_DIGIT = re.compile(f"(?<=[{THAI}]) ?(?=[0-9])")  # "เขต1" = "เขต 1"
_THAI_SPACE_THAI = re.compile(f"(?<=[{THAI}]) (?=[{THAI}])")
_QUOTED = re.compile(r'["“”]([^"“”]*)["“”]')
_WORD_PART = re.compile(r"[0-9]+(?:\.[0-9]+)*|[^\s0-9]+")
_HAS_LETTER = re.compile(r"[^\W_]|[\u0e00-\u0e7f]")

EMPTY_MESSAGE = _(
    "Type a word to search for, e.g. a person's name, a school, an office or a year such as 2567."
)
NOTHING_TO_SEARCH_MESSAGE = _(
    "The search needs at least one letter or digit. Here is all the news; type a name, a place or a word."
)
TOO_LONG_MESSAGE = _("The search text was long, so only its first %(limit)d characters were used.")
TOO_MANY_MESSAGE = _("Only the first %(limit)d words of the search were used.")


def normalize(text, abbreviation_dot=""):
    """The canonical spelling search compares, for articles and queries alike.

    thai.normalize (ำ, zero-width characters, Thai digits, spaces, Latin case), plus
    HTML entities decoded, "เเ" as "แ", repeated or misordered marks, abbreviation
    dots dropped ("ก.ค.ศ." = "กคศ"), punctuation as a space, "เขต1" = "เขต 1".
    For word boundaries an abbreviation dot is a space instead ("สพป.นครพนม"
    is the words สพป and นครพนม; glued, ICU cuts it as สพ|ปน|ค|รพ|นม).
    """
    return _separate(_spelling(text), abbreviation_dot)


def _spelling(text):
    """normalize()'s first half, the same for both uses of a text (indexing reads
    each field once for its trigram text and once for its words)."""
    text = thai.normalize(html.unescape(text or ""))
    text = text.replace("\u0e40\u0e40", "\u0e41")
    text = _REPEATED_MARK.sub(r"\1", text)
    return _TONE_BEFORE_VOWEL.sub(r"\2\1", text)


def _separate(text, abbreviation_dot):
    text = _ABBREVIATION_DOT.sub(abbreviation_dot, text)
    text = _THAI_THEN_DIGIT.sub(" ", _SEPARATOR.sub(" ", text))
    return _SPACES.sub(" ", text).strip()


def squash(normalized):
    """Normalised text without the spaces between Thai letters, which writers place
    at will ("สำนักงาน เขตพื้นที่" and "สำนักงานเขตพื้นที่" are one phrase)."""
    return _THAI_SPACE_THAI.sub("", normalized)


_icu = threading.local()


def _word_breaker():
    if not hasattr(_icu, "breaker"):
        import icu  # PyICU (package pyicu-wheels): ICU's Thai dictionary

        _icu.breaker = icu.BreakIterator.createWordInstance(icu.Locale("th"))
    return _icu.breaker


def words(text):
    """The words of a text: ICU word boundaries in its normal form (abbreviation dots
    as spaces), letters and digits apart."""
    return _segment(normalize(text, abbreviation_dot=" "))


def _segment(normalized):
    if not normalized:
        return []
    breaker = _word_breaker()
    breaker.setText(normalized)
    found, start = [], breaker.first()
    for end in breaker:
        found += _WORD_PART.findall(normalized[start:end])
        start = end
    return [word for word in found if _HAS_LETTER.search(word)]


def segments(text):
    """The text cut at ICU word boundaries with every character kept (words, spaces,
    punctuation): joined again they are the text. Thai has no spaces between words,
    so a diff that marks whole words (news.revisions) needs ICU to find them."""
    if not text:
        return []
    breaker = _word_breaker()
    breaker.setText(text)
    found, start = [], breaker.first()
    for end in breaker:
        found.append(text[start:end])
        start = end
    return found


class Query:
    """What a reader typed, read once: the terms that must all be found, the words
    that rank, the pattern that highlights, and a notice for the reader."""

    capped = False  # set by search(): more matches than MAX_RANKED

    def __init__(self, text):
        self.text = text or ""
        self.notice = None
        typed = self.text
        if len(typed) > MAX_QUERY_CHARS:
            typed = typed[:MAX_QUERY_CHARS]
            self.notice = TOO_LONG_MESSAGE % {"limit": MAX_QUERY_CHARS}
        phrases = [squash(normalize(phrase)) for phrase in _QUOTED.findall(typed)]
        loose = normalize(_QUOTED.sub(" ", typed)).split(" ")
        terms = list(dict.fromkeys(term for term in phrases + loose if term))
        if len(terms) > MAX_TERMS:
            terms = terms[:MAX_TERMS]
            self.notice = TOO_MANY_MESSAGE % {"limit": MAX_TERMS}
        self.terms = terms
        if not terms:
            self.notice = NOTHING_TO_SEARCH_MESSAGE if self.text.strip() else EMPTY_MESSAGE
        # "เขต 1": a number after a Thai word counts more where it follows that word
        # (it is found anywhere: "ปีงบประมาณ 2567" must find "ปีงบประมาณ พ.ศ. 2567").
        self.numbered = {
            number: f"{word} {number}" for word, number in zip(loose, loose[1:])
            if number.isdigit() and word and "\u0e01" <= word[-1] <= "\u0e4e" and number in terms
        }
        self.words = list(dict.fromkeys(words(_QUOTED.sub(" ", typed)) + words(" ".join(phrases))))

    def __bool__(self):
        return bool(self.terms)

    @functools.cached_property
    def pattern(self):
        """A regex finding the terms in text as stored (either ำ, Thai digits, any
        case, abbreviation dots, zero-width characters and spaces between letters)."""
        alternatives = sorted(self.terms, key=len, reverse=True)
        return re.compile("|".join(_term_pattern(term) for term in alternatives), re.IGNORECASE)


_IGNORABLE = "[\u200b\u200c\u200d\u2060\ufeff\u00ad.\\s]*"


def _char_pattern(char):
    if char == thai.SARA_AM:
        return f"(?:{thai.SARA_AM}|{thai.NIKHAHIT_SARA_AA})"
    if char == "\u0e41":
        return "(?:\u0e41|\u0e40\u0e40)"
    if char.isdigit() and char.isascii():
        return f"[{char}{chr(0x0E50 + int(char))}]"
    return re.escape(char)


def _term_pattern(term):
    return _IGNORABLE.join(_char_pattern(char) for char in term)


def is_short(term):
    """Too short for a trigram: found only as a whole word."""
    return len(term) < 3


# Indexing ---------------------------------------------------------------------

def document_fields(article):
    """(title, people, summary, body) of an article, as plain text to normalise.

    Expects the office, event (with its attendances' people) and tags loaded, as
    `index_articles` loads them.
    """
    title = [article.title, *(tag.name for tag in article.tags.all())]
    people, summary = [], [article.summary, article.office.name, article.office.short_name]
    event = article.event
    if event is not None:
        summary += [event.title, event.venue, event.online_platform, event.attending_groups]
        if event.province_id:
            summary.append(event.province.name_th)
        if event.fiscal_year:
            summary.append(f"ปีงบประมาณ {event.fiscal_year}")
        for attendance in event.attendances.all():
            people += [attendance.person.honorific, attendance.person.name, attendance.position]
            if attendance.office_id:
                people += [attendance.office.short_name]
    body = [thai.plain_text(article.body), article.writer, article.photographer]
    return [" ".join(part for part in parts if part) for parts in (title, people, summary, body)]


def document_row(article):
    """The index row of an article: its id, four fields and word list (squashed
    for the trigram index), and the four fields as words (for ranking)."""
    spelled = [_spelling(field) for field in document_fields(article)]
    normalized = [_separate(field, "") for field in spelled]
    field_words = [_segment(_separate(field, " ")) for field in spelled]
    every_word = " ".join(dict.fromkeys(word for found in field_words for word in found))
    return {
        "id": article.pk,
        "fields": [squash(field) for field in normalized] + [f" {every_word} "],
        "words": [" ".join(found) for found in field_words],
    }


def index_articles(ids, article_model=None):
    """Write the index rows of these articles, inside the caller's transaction."""
    if article_model is None:
        from .models import Article as article_model
    from django.db.models import Prefetch

    ids = list(ids)
    attendances = article_model._meta.get_field("event").related_model._meta.get_field("attendances").related_model
    for start in range(0, len(ids), BATCH):
        articles = (
            article_model.objects.filter(pk__in=ids[start:start + BATCH])
            .select_related("office", "event__province")
            .prefetch_related(
                "tags",
                Prefetch("event__attendances", queryset=attendances.objects.select_related("person", "office")),
            )
        )
        write_rows([document_row(article) for article in articles])


def write_rows(rows):
    if not rows:
        return
    backend().write(rows)


def rebuild(article_model=None):
    """Index every article again (drafts too: search filters with published()).

    The database's own search indexes are emptied first and, on PostgreSQL, made
    again after the rows are written: building a GIN index once is many times
    faster than inserting into it row by row. The table is locked meanwhile, so
    searches wait for a rebuild (run it after a bulk load, not in the day).
    """
    if article_model is None:
        from .models import Article as article_model
    engine = backend()
    with transaction.atomic():
        engine.clear()
        ids = list(article_model.objects.order_by("pk").values_list("pk", flat=True))
        index_articles(ids, article_model)
        engine.optimize()
    return len(ids)


# Backends ---------------------------------------------------------------------

COLUMNS = ["title", "people", "summary", "body", "words"]
_UPSERT = (
    "INSERT INTO news_searchdocument (article_id, title, people, summary, body, words{extra}) VALUES {values} "
    "ON CONFLICT (article_id) DO UPDATE SET title = excluded.title, people = excluded.people, "
    "summary = excluded.summary, body = excluded.body, words = excluded.words{extra_set}"
)


class SQLiteSearch:
    """FTS5 `news_search` (trigram tokenizer) over news_searchdocument, kept in step
    by the table's triggers (migration 0005).

    The score adds up bm25 of each column times its weight: bm25 given all the
    weights at once saturates (k1), so a name among the attendees counted hardly
    more than the same name once in the body.
    """

    WEIGHTS = {"title": 10, "people": 10, "summary": 4, "body": 1, "words": 1}
    NEWEST = "-news_search.rowid"  # the FTS5 table's own order: read newest first, stop early

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
            cursor.execute(_UPSERT.format(extra="", values=values, extra_set=""), params)

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
    def term(query, term):
        found = f'" {term} "' if is_short(term) else f'"{term}"'
        if term in query.numbered:
            # The same rows (found AND (found OR phrase)), and bm25 counts the phrase.
            return f'{found} AND ({found} OR "{query.numbered[term]}")'
        return found

    def newest(self, queryset, query, limit):
        """[(pk, rank)] of the newest `limit` matches: FTS5 reads its matches in
        rowid order and stops at the limit, so the cost is the limit's."""
        ranked = self.filter(queryset.order_by(), query).extra(order_by=[self.NEWEST])
        return list(ranked.values_list("pk", "search_rank")[:limit])

    def filter(self, queryset, query):
        match = " AND ".join(self.term(query, term) for term in query.terms)
        return queryset.extra(
            tables=["news_search"],
            where=["news_search.rowid = news_article.id", "news_search MATCH %s"],
            params=[match],
            select={"search_rank": f"round(ln(max({self.score()}, 1e-12)) * {BUCKETS})"},
        )


# The trigram index's expression (migration 0005); a query must repeat it exactly.
PG_TEXT = (
    "(news_searchdocument.title || chr(10) || news_searchdocument.people || chr(10) || "
    "news_searchdocument.summary || chr(10) || news_searchdocument.body || chr(10) || news_searchdocument.words)"
)


class PostgreSQLSearch:
    """pg_trgm GIN index on the row's text for finding; a tsvector of the ICU words
    (title and people A, summary B, body D) for ts_rank_cd."""

    WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"  # D, C, B, A
    # As migration 0005 made them; rebuild() drops and makes them again.
    # As migration 0014 made them; rebuild() drops and makes them again. The
    # first column, the article's block of BLOCK ids (btree_gin), lets one index
    # scan keep only the candidates of a window of ids (windows()).
    BLOCK = 1024
    INDEXES = {
        "news_search_trigram": (
            f"CREATE INDEX news_search_trigram ON news_searchdocument USING gin "
            f"((news_searchdocument.article_id / {BLOCK}), ({PG_TEXT}) gin_trgm_ops)"
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
        sql = _UPSERT.format(extra=", vector", values=values, extra_set=", vector = excluded.vector")
        with connection.cursor() as cursor:
            cursor.execute(sql, params)

    def clear(self):
        with connection.cursor() as cursor:
            for name in self.INDEXES:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")
            cursor.execute("TRUNCATE news_searchdocument")

    def optimize(self):
        with connection.cursor() as cursor:
            # The rows' deferred foreign-key checks first: an index cannot be made
            # on a table with pending trigger events.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            for sql in self.INDEXES.values():
                cursor.execute(sql)
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # Django's foreign keys, as they were
            cursor.execute("ANALYZE news_searchdocument")

    # How many of the newest ids are read row by row before the trigram index is
    # asked (walk_length): about limit / share for a word in `share` of the
    # articles, when that is fewer rows than the index would give to check.
    WALK = None  # a fixed number instead (tests)
    # Measured at 100k under load (µs): an id the other filters drop, a row
    # checked field by field with strpos, a trigram candidate checked with LIKE.
    ID_COST, ROW_COST, CHECK_COST = 1, 16, 90
    RANGE_COST = 0.25  # an id of a window's range, gathered by the index (100k, loaded)
    SAMPLE = 2000  # the newest ids counted for the share the other filters keep
    FIELDS = ["title", "people", "summary", "words", "body"]  # the long body last
    STATS_SECONDS = 600
    _stats = {"at": -1e9, "shares": {}}
    # The older articles are asked of the index in windows of ids, newest first,
    # the first about WINDOW_CHECKS candidates wide by the word's share (a few
    # more than the limit: most candidates match), doubling, at most WINDOWS of
    # them (the last reaches the oldest article).
    WINDOW_CHECKS = 1200
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
        rarest word of any term (the words of a name come together, so not the
        product); 0 for a word the statistics do not list (a rare one)."""
        shares = self.word_shares()
        return min((shares.get(word, 0.0) for term in query.terms for word in words(term) or [""]), default=0.0)

    def windows(self, share, boundary):
        """[(first block, last block)] of the ids up to `boundary`, newest first.

        One window for a word rare enough that all its candidates are few: the
        index hands them over in one scan. Otherwise windows of about
        WINDOW_CHECKS / share ids, doubling, when checking that many candidates
        and reading the window's ids in the index (RANGE_COST an id: the index
        gathers every id of the range) is cheaper: a word spread evenly fills the limit
        from the first one, checking a few thousand candidates whatever the size
        of the archive; a word crowded into older articles (a year) costs the
        empty windows' index scans, then the candidates of the window it is in.
        """
        last = boundary // self.BLOCK
        if self.WINDOW_BLOCKS is not None:
            width = self.WINDOW_BLOCKS
        else:
            ids = self.WINDOW_CHECKS / share if share else boundary
            one_scan = share * boundary * self.CHECK_COST
            if one_scan <= self.WINDOW_CHECKS * self.CHECK_COST + ids * self.RANGE_COST:
                return [(0, last)]
            width = max(1, round(ids / self.BLOCK))
        found = []
        while last >= 0 and len(found) < self.WINDOWS - 1:
            found.append((max(0, last - width + 1), last))
            last -= width
            width *= 2
        if last >= 0:
            found.append((0, last))
        return found

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
        WINDOW_CHECKS / kept, at most share * articles, each CHECK_COST (the
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
        checks = min(share * articles, self.WINDOW_CHECKS / kept)
        return int(ids) if walk_cost <= self.CHECK_COST * checks else 0

    def newest(self, queryset, query, limit):
        """[(pk, rank)] of the newest `limit` matches, in one statement.

        The trigram index cannot tell a match from a candidate: each candidate row
        is read and checked with LIKE, and a word most articles contain has the
        whole archive as candidates (0.4–0.7 s at 10k, seconds at 100k). So the
        statement is a UNION ALL of two parts under one LIMIT; PostgreSQL runs
        the parts in order and stops at the LIMIT (the plan says "never executed"
        of the second part when the first one is enough):

        1. the newest WALK ids, read backwards through the primary key, each field
           checked with strpos() (no index can serve it, so the planner cannot
           choose one): a common word is found here, and reading stops at the
           limit;
        2. the older articles through the trigram index (a bitmap, every candidate
           checked with LIKE, then sorted newest first): a rare word costs its
           few candidates.

        A word in under about limit/WALK of the newest articles but in many older
        ones still costs its candidates (docs/search.md, Figures). The rank is
        computed after the limit, for those rows only.
        """
        # The newest id as a number, not a subquery: the planner then knows how
        # many rows each part holds.
        newest_id = int(queryset.model.objects.aggregate(newest=models.Max("pk"))["newest"] or 0)
        sample = min(self.SAMPLE, newest_id)
        def kept():
            return queryset.filter(pk__gt=newest_id - sample).count() / sample if sample else 0

        boundary = newest_id - self.walk_length(query, limit, newest_id, kept)
        likes = [f"% {term} %" if is_short(term) else f"%{term}%" for term in query.terms]
        needles = [like[1:-1] for like in likes]
        join = "news_searchdocument.article_id = news_article.id"
        walk = queryset.order_by().extra(
            tables=["news_searchdocument"],
            where=[join, "news_searchdocument.article_id > %s", "news_article.id > %s"] + [
                "(" + " OR ".join(f"strpos(news_searchdocument.{field}, %s) > 0" for field in self.FIELDS) + ")"
            ] * len(needles),
            params=[boundary, boundary] + [needle for needle in needles for _ in self.FIELDS],
        ).extra(order_by=[self.NEWEST]).values_list("pk")
        walk_sql, params = walk.query.sql_with_params()
        # The walk is a materialized CTE: a CTE scan is parallel restricted, so the
        # Append cannot become a Parallel Append, which would run the index parts
        # beside the walk instead of after it (the planner chose one at 100k); the
        # CTE is still read only as far as the LIMIT asks.
        parts, older_params = ["(SELECT walk.id FROM walk)"], []
        block = f"(news_searchdocument.article_id / {self.BLOCK})"
        windows = self.windows(self.share(query), boundary)
        for first, last in windows:
            if first:
                # The block bounds as bigint: btree_gin indexes only same-type comparisons.
                where, window = [f"{block} >= %s::bigint", f"{block} <= %s::bigint"], [first, last]
            else:
                # The oldest window has no bounds in the index: a range over many
                # blocks costs the index more than the few candidates the newer
                # windows gave and this one checks again.
                where, window = [], []
            newest_in_window = min(boundary, (last + 1) * self.BLOCK - 1)
            older = queryset.order_by().extra(
                tables=["news_searchdocument"],
                where=[join, "news_searchdocument.article_id <= %s", *where] + [f"{PG_TEXT} LIKE %s"] * len(likes),
                params=[newest_in_window, *window] + likes,
            ).values_list("pk")
            older_sql, window_params = older.query.sql_with_params()
            # Sorted by an expression no index gives: the planner then reads the
            # window's candidates from the trigram index (a bitmap) and sorts them,
            # rather than walk the primary key checking every older row.
            parts.append(f"(SELECT older.id FROM ({older_sql}) AS older (id) ORDER BY older.id + 0 DESC)")
            older_params += window_params
        tsqueries = self.tsqueries(query)
        score = " + ".join([f"ts_rank_cd('{self.WEIGHTS}', news_searchdocument.vector, %s::tsquery, 1)"] * len(tsqueries))
        sql = (
            f"WITH walk (id) AS MATERIALIZED ({walk_sql}) "
            f"SELECT found.id, round(ln(greatest({score}, 1e-12)) * {BUCKETS}) FROM "
            f"({' UNION ALL '.join(parts)} LIMIT %s) AS found (id) "
            "JOIN news_searchdocument ON news_searchdocument.article_id = found.id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, list(params) + tsqueries + list(older_params) + [limit])
            return cursor.fetchall()

    def tsqueries(self, query):
        # The reader's words, then "เขต 1" phrases (numbered) counted again on top,
        # as bm25 counts them on SQLite.
        tsqueries = [" | ".join(f"'{word}'" for word in query.words) or "''"]
        tsqueries += [f"'{words(phrase)[-2]}' <-> '{number}'" for number, phrase in query.numbered.items()]
        return tsqueries


def backend():
    return PostgreSQLSearch() if connection.vendor == "postgresql" else SQLiteSearch()


# Scores are compared on a log scale in steps of e^(1/BUCKETS) (about 1.3 times):
# articles about as relevant (the same words, a title a letter longer) come newest
# first, and the comparison does not depend on the size of the scores, which
# bm25's idf makes tiny for a word most articles contain.
BUCKETS = 4


def search(queryset, query):
    """The articles of `queryset` where every term is found, best first (by
    search_rank, then newest).

    Runs one query at once: the newest MAX_RANKED matches of `queryset` (apply the
    other filters first) with their scores. Scoring every match of a word most
    articles contain costs time in proportion to the archive (about 1 s at 100k
    on SQLite); the newest MAX_RANKED cost the same at any size. A query with more
    matches is marked `query.capped`, so the page can say so.
    """
    if not isinstance(query, Query):
        query = Query(query)
    if not query:
        return queryset.none()
    rows = backend().newest(queryset, query, MAX_RANKED)
    query.capped = len(rows) == MAX_RANKED
    by_rank = {}
    for pk, rank in rows:
        by_rank.setdefault(rank, []).append(pk)
    rank = Case(
        *[When(pk__in=pks, then=Value(rank)) for rank, pks in by_rank.items()],
        default=Value(None), output_field=FloatField(),
    )
    return (
        queryset.filter(pk__in=[pk for pk, _ in rows])
        .annotate(search_rank=rank)
        .order_by("-search_rank", "-published_at", "-pk")
    )


# The passage shown in the list ------------------------------------------------

def _can_cut(text, index):
    """Whether text may be cut before text[index]: never before a combining mark or
    ำ, nor after a leading vowel, so no Thai character is cut in two."""
    if index <= 0 or index >= len(text):
        return True
    if text[index] in "\u0e33" or "\u0e31" <= text[index] <= "\u0e3a" or "\u0e47" <= text[index] <= "\u0e4e":
        return False
    return text[index - 1] not in _LEADING_VOWELS


def passage(text, query, length=SNIPPET_CHARS):
    """About `length` characters of text around the first match, matches in <mark>,
    the rest escaped; None when the text does not contain a term."""
    text = thai.compose_sara_am(html.unescape(text or ""))
    first = query.pattern.search(text) if query else None
    if first is None:
        return None
    start = max(0, first.start() - length // 4)
    space = text.find(" ", start, first.start())
    if start and space != -1:
        start = space + 1
    while not _can_cut(text, start):
        start -= 1
    end = min(len(text), start + length)
    space = text.rfind(" ", first.end(), end)
    if end < len(text) and space != -1:
        end = space
    while not _can_cut(text, end):
        end += 1
    parts, at = ["…" if start else ""], start
    for match in query.pattern.finditer(text, start, end):
        parts += [escape(text[at:match.start()]), "<mark>", escape(match.group()), "</mark>"]
        at = match.end()
    parts += [escape(text[at:end]), "…" if end < len(text) else ""]
    return mark_safe("".join(parts))


def highlight(article, query):
    """The passage of the summary or body that matched, else the teaser, escaped."""
    for text in (article.summary, thai.plain_text(article.body)):
        found = passage(text, query)
        if found:
            return found
    return escape(thai.truncate(html.unescape(article.teaser), SNIPPET_CHARS))

