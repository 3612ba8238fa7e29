"""Thai search over the news: one normalisation for articles and queries, the query
reader, the index kept in step, the choice of backend (news.search_sqlite,
news.search_postgresql), and the highlighted passage. `Article.objects.search(q)` is the way in; docs/search.md
tells why it is built this way.

In short: every term a reader types must be a *substring* of the article's text in
canonical spelling with the spaces between Thai letters taken out (a trigram
index finds it: FTS5 `trigram`, `pg_trgm`), because Thai has no spaces and any
word segmenter cuts some compounds where the reader did not ("ผู้อำนวยการกลุ่ม…"
is cut by ICU as ผู้|อำนวย|การก|ลุ่ม). Terms of one or two letters, which a
trigram cannot hold, and numbers must be a whole word of the article (ICU word
boundaries).
Ranking weighs where the terms occur: title and people above summary, summary
above body (FTS5 bm25 on SQLite; ts_rank_cd on ICU words on PostgreSQL), then the
newest first.
"""

import functools
import html
import re
import threading

from django.db import connection, transaction
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


# Letters SQLite FTS5's trigram tokenizer folds together that str.lower() leaves
# apart (all of them, as SQLite 3.40 folds): folded here too, so that a row checked
# with instr() (news.search_sqlite) or LIKE (PostgreSQL) finds what FTS5 finds
# ("µg" typed with the micro sign = "μg" with Greek mu; final sigma = sigma).
_FOLD = str.maketrans("\u00b5\u017f\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u1e9b\u0345\u1fbe",
                      "\u03bcs\u03c3\u03b2\u03b8\u03c6\u03c0\u03ba\u03c1\u03b5\u1e61\u03b9\u03b9")


def _spelling(text):
    """normalize()'s first half, the same for both uses of a text (indexing reads
    each field once for its trigram text and once for its words)."""
    text = thai.normalize(html.unescape(text or "")).translate(_FOLD)
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


# A number is found whole, and a dotted group (2562.50, 15.3.2562) is one number.
_NOT_A_DIGIT_BEFORE = "(?<![0-9\u0e50-\u0e59])(?<![0-9\u0e50-\u0e59]\\.)"
_NOT_A_DIGIT_AFTER = "(?!\\.?[0-9\u0e50-\u0e59])"


def _term_pattern(term):
    pattern = _IGNORABLE.join(_char_pattern(char) for char in term)
    return f"{_NOT_A_DIGIT_BEFORE}{pattern}{_NOT_A_DIGIT_AFTER}" if term.isdigit() else pattern


def is_listed_number(word):
    """A number of 3–18 digits without a leading zero: the numbers an article's
    index lists in order on PostgreSQL (a year's articles are read newest first)."""
    return word.isascii() and word.isdigit() and 3 <= len(word) <= 18 and word[0] != "0"


def needle(term):
    """The text a term is looked for as in the stored text: a whole word with the
    word list's spaces around it (words " w1 w2 … "), any other term as typed."""
    return f" {term} " if whole_word(term) else term


def whole_word(term):
    """Found only as a whole word of the article (ICU words), not inside a longer one:
    a term of one or two letters, which a trigram cannot hold, and a number, so
    that "2562" finds the year and not 25621 or a telephone number. The number's
    edges also make its index lookup selective: the trigrams of "2562" alone are
    in every text holding 2560 and 1562 (docs/search.md)."""
    return len(term) < 3 or term.isdigit()


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
UPSERT = (
    "INSERT INTO news_searchdocument (article_id, title, people, summary, body, words{extra}) VALUES {values} "
    "ON CONFLICT (article_id) DO UPDATE SET title = excluded.title, people = excluded.people, "
    "summary = excluded.summary, body = excluded.body, words = excluded.words{extra_set}"
)


def backend():
    if connection.vendor == "postgresql":
        from .search_postgresql import PostgreSQLSearch

        return PostgreSQLSearch()
    from .search_sqlite import SQLiteSearch

    return SQLiteSearch()


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
    if not rows:
        return queryset.none()
    by_rank = {}
    for pk, rank in rows:
        by_rank.setdefault(rank, []).append(pk)
    among = backend().among
    rank = Case(
        *[When(among(pks), then=Value(rank)) for rank, pks in by_rank.items()],
        default=Value(None), output_field=FloatField(),
    )
    return (
        queryset.filter(among([pk for pk, _ in rows]))
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

