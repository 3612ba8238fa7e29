"""Thai text and calendar helpers used across the portal.

Buddhist-era dates, fiscal years, a spelling normaliser and a slugify that keeps
Thai vowel and tone marks (Django's slugify deletes them).
"""

import datetime
import re
import unicodedata

from django.utils.dates import MONTHS
from django.utils.translation import gettext as _

# The pure rules live in thaitext so the importer can use them without Django.
from news.thaitext import (  # noqa: F401 (re-exported)
    BE_OFFSET, INVISIBLES, NIKHAHIT_SARA_AA, SARA_AM, SPACES, THAI_DIGITS, clean_text, normalize,
)


def be_year(value):
    """The Buddhist-era year of a date (CE + 543)."""
    return value.year + BE_OFFSET


def fiscal_year(value):
    """The Thai government fiscal year (Buddhist era) a date falls in.

    The year runs 1 October – 30 September and is named by the year it ends in.
    """
    if value is None:
        return None
    return be_year(value) + (1 if value.month >= 10 else 0)


def fiscal_year_bounds(year_be):
    """First and last day (Gregorian dates) of a Buddhist-era fiscal year."""
    year_ce = year_be - BE_OFFSET
    return datetime.date(year_ce - 1, 10, 1), datetime.date(year_ce, 9, 30)


FIRST_YEAR, LAST_YEAR = 1900, 2200  # CE years a date in this portal can have
_TYPED_DATE = re.compile(r"^\s*(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})\s*$")


def parse_date(text):
    """A date as people type it: 2023-05-26, 26/5/2566, 26-05-2023, 26.5.66 is not.

    A year after 2400 is Buddhist era. The year is converted *before* the date is
    built, so 29/2/2567 (29 Feb 2024) is a real day. Raises ValueError otherwise.
    """
    match = _TYPED_DATE.match(text or "")
    if not match:
        raise ValueError(f"not a date: {text!r}")
    first, month, last = (int(part) for part in match.groups())
    year, day = (first, last) if len(match.group(1)) == 4 else (last, first)
    if year > 2400:
        year -= BE_OFFSET
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"year out of range: {year}")
    return datetime.date(year, month, day)


def from_buddhist_era(value):
    """A date or datetime whose year was typed in the Buddhist era, moved to CE.

    Years after 2400 CE are never meant in this portal, so they can only be B.E.
    Raises ValueError for 29 February of a B.E. year whose CE year is not leap.
    """
    if value is None or value.year <= 2400:
        return value
    return value.replace(year=value.year - BE_OFFSET)


def local_midnight(date):
    """The aware datetime at which a day starts in the portal's time zone."""
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime.combine(date, datetime.time.min))


def _as_local_date(value):
    if isinstance(value, datetime.datetime):
        from django.utils import timezone

        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def _year(value):
    # Thai readers know the era; English ones are told ("2566 B.E.").
    return _("%(year)s B.E.") % {"year": be_year(value)}


def format_date(value):
    """'26 พฤษภาคม 2566': day, month name in the active language, Buddhist-era year."""
    value = _as_local_date(value)
    if not value:
        return ""
    return f"{value.day} {MONTHS[value.month]} {_year(value)}"


def format_date_range(start, end=None):
    """A date range written as people write it: '25–28 พฤษภาคม 2566'.

    Repeats the month and year only where they change.
    """
    start, end = _as_local_date(start), _as_local_date(end)
    if not start:
        return ""
    if not end or end == start:
        return format_date(start)
    if end < start:
        start, end = end, start
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {MONTHS[end.month]} {_year(end)}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month]} – {format_date(end)}"
    return f"{format_date(start)} – {format_date(end)}"


def format_time(value):
    """'09.00 น.' in Thai, '09:00' in English."""
    if not value:
        return ""
    return _("%(hour)02d.%(minute)02d hrs.") % {"hour": value.hour, "minute": value.minute}


def format_datetime(value):
    """'29 พฤศจิกายน 2569 09.00 น.': the local date with its B.E. year, then the time."""
    if not value:
        return ""
    from django.utils import timezone

    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{format_date(value)} {format_time(value)}"


_BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote|td|th|figcaption)>|<br\s*/?>", re.I)


def plain_text(html):
    """The text of some HTML; paragraph ends become spaces so words never run together."""
    from django.utils.html import strip_tags

    return clean_text(strip_tags(_BLOCK_END.sub(" ", html or "")))


def spelling_variants(text):
    """The forms a normalised phrase may be stored in, for plain `icontains` search."""
    canonical = normalize(text)
    variants = {canonical, canonical.replace(SARA_AM, NIKHAHIT_SARA_AA)}
    return sorted(v for v in variants if v)


def truncate(text, length):
    """At most `length` characters, cut at a space where there is one, with '…'.

    Never parts a Thai letter from the vowel or tone marks above or below it.
    """
    text = clean_text(text)
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if " " in cut[length // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    else:
        while cut and unicodedata.category(text[len(cut)]) == "Mn":
            cut = cut[:-1]
    return cut.rstrip() + "…"


def compose_sara_am(text):
    """Text with ำ written as one character, for display: browsers break lines
    inside a word spelled with ํ + า ("การขับเคลื่อนงา|นอํานวยการ")."""
    return (text or "").replace(NIKHAHIT_SARA_AA, SARA_AM)


def validate_slug(value):
    """Letters (Thai with its marks, or Latin), digits and hyphens: what slugify() makes."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext

    if not _VALID_SLUG.match(value or ""):
        raise ValidationError(
            gettext("Use only letters, digits and hyphens, e.g. obec or ข่าวประชาสัมพันธ์."), code="invalid"
        )


_VALID_SLUG = re.compile(r"^[-\w\u0e00-\u0e7f]+\Z")
_SLUG_JUNK = re.compile(r"[^\w\u0e00-\u0e7f\s-]")
_SLUG_SEPARATORS = re.compile(r"[\s_-]+")


def slugify(text, max_length=80, fallback=""):
    """A URL slug that keeps Thai words whole.

    Unlike django.utils.text.slugify, Thai vowel and tone marks (Unicode category
    Mn) survive, so "ประชุมเชิงปฏิบัติการ" stays readable. A long slug is cut at a
    word boundary, never inside a character cluster. A text with no letters or
    digits at all ("🎉🎉") gives `fallback`.
    """
    text = normalize(text)
    text = _SLUG_JUNK.sub(" ", text)
    text = _SLUG_SEPARATORS.sub("-", text).strip("-")
    if len(text) > max_length:
        cut = text[:max_length]
        if "-" in cut:
            cut = cut.rsplit("-", 1)[0]
        else:
            # Do not separate a base letter from the marks that follow it.
            while cut and unicodedata.category(text[len(cut)]) == "Mn":
                cut = cut[:-1]
        # Nor end on a leading vowel (เ แ โ ใ ไ) whose consonant was cut off.
        text = cut.rstrip("\u0e40\u0e41\u0e42\u0e43\u0e44-")
    return text or fallback
