"""Buddhist-era dates and clock times as Thai releases write them."""

import datetime
import re

from news.thaitext import BE_OFFSET, THAI_MONTH_ABBREVIATIONS, THAI_MONTHS

from .patterns import alternatives

_MONTH_NUMBER = {name: i + 1 for i, name in enumerate(THAI_MONTHS)}
# Abbreviations are also written without the last dot or with spaces ("พ.ค 66", "พ. ค.").
for _i, _abbr in enumerate(THAI_MONTH_ABBREVIATIONS):
    _MONTH_NUMBER[_abbr] = _MONTH_NUMBER[_abbr.rstrip(".")] = _i + 1

_MONTH = rf"(?:{alternatives(_MONTH_NUMBER)})"
# "พ.ศ. 2567", also spelled out in formal releases ("พุทธศักราช 2567").
_YEAR = r"(?:(?:พ\.\s?ศ\.|พุทธศักราช)\s*)?(?:\d{4}|\d{2})(?!\d)"
# "25 – 28", "28 ก.พ. ถึงวันที่ 2 มี.ค.", "10 และ 11 มีนาคม" (two days), and a weekday
# written again on the end ("วันเสาร์ที่ 1 – วันอาทิตย์ที่ 2 มีนาคม").
_SEP = r"\s*(?:–|—|-|ถึง|และ)\s*(?:วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)?ที่\s*)?"
# "9 เดือนกันยายน พ.ศ. 2567": formal releases may write the word for month.
DATE = re.compile(
    rf"(?<!\d)(?P<d1>\d{{1,2}})\s*(?:(?:เดือน\s*)?(?P<m1>{_MONTH})\s*(?:(?P<y1>{_YEAR})\s*)?)?"
    rf"(?:{_SEP}(?P<d2>\d{{1,2}})\s*)?(?:เดือน\s*)?(?P<m2>{_MONTH})\s*(?P<y2>{_YEAR})"
)
TIME = re.compile(
    r"เวลา\s*(?P<h>\d{1,2})[.:](?P<m>\d{2})(?!\d)"
    r"|(?<![\d.])(?P<h2>\d{1,2})[.:](?P<m2>\d{2})\s*(?:(?:–|-|ถึง)\s*\d{1,2}[.:]\d{2}\s*)?น\."
)


def _year(text):
    digits = re.sub(r"\D", "", text)
    year = int(digits)
    if len(digits) == 2:  # ๖๘ means 2568 B.E.
        year += 2500
    return year - BE_OFFSET if year > 2400 else year


def _month(text):
    text = re.sub(r"\s", "", text).replace("\u0e4d\u0e32", "\u0e33")
    return _MONTH_NUMBER.get(text) or _MONTH_NUMBER[text.rstrip(".")]


def _date(year, month, day):
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


class DateMention:
    """One date or date range found in the text, with where it was."""

    def __init__(self, match):
        self.start, self.end = match.span()
        self.text = match.group(0)
        end_year, end_month = _year(match["y2"]), _month(match["m2"])
        start_month = _month(match["m1"]) if match["m1"] else end_month
        start_year = _year(match["y1"]) if match["y1"] else end_year
        if match["m1"] and not match["y1"] and start_month > end_month:
            start_year -= 1  # "30 ธ.ค. – 2 ม.ค. 2567": the range crosses a new year
        if match["d2"]:
            self.first = _date(start_year, start_month, int(match["d1"]))
            self.last = _date(end_year, end_month, int(match["d2"]))
        else:
            self.first = self.last = _date(end_year, end_month, int(match["d1"]))
        self.is_range = bool(match["d2"]) and self.first != self.last

    @property
    def valid(self):
        return self.first is not None and self.last is not None and self.first <= self.last


def find_dates(text):
    """Every valid date or range in `text` (Arabic digits), in text order."""
    found = []
    for match in DATE.finditer(text):
        if match["m1"] and not match["d2"]:
            continue
        mention = DateMention(match)
        if mention.valid:
            found.append(mention)
    return found


def find_time(text):
    """('HH:MM', the words) of the first clock time ("เวลา 09.00 น.", "09.30 – 12.00 น."),
    or (None, None)."""
    for match in TIME.finditer(text):
        hour, minute = int(match["h"] or match["h2"]), int(match["m"] or match["m2"])
        if hour < 24 and minute < 60:
            return f"{hour:02d}:{minute:02d}", match.group(0)
    return None, None


NUMERIC = re.compile(r"(?<![\d/])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])")


class NumericDate:
    """"10/03/2568", as web pages print their own publication date."""

    is_range = False

    def __init__(self, match):
        self.start, self.end = match.span()
        self.text = match.group(0)
        self.first = self.last = _date(_year(match["y"]), int(match["m"]), int(match["d"]))


def find_numeric_date(text):
    """The first day/month/year date at the start of `text` (after a label such as
    "โพสต์เมื่อ"; elsewhere "1/2568" is a meeting's number, not a date), or None."""
    match = NUMERIC.match(text.lstrip())
    if not match:
        return None
    mention = NumericDate(match)
    return mention if mention.first else None


YEARLESS = re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?:เดือน\s*)?(?P<m>{_MONTH})(?!\s*(?:(?:พ\.\s?ศ\.|พุทธศักราช)\s*)?\d)")


def find_yearless(text, reference):
    """"เมื่อวันที่ 5 มิถุนายน ที่ผ่านมา": the first day written without its year, in the
    year of `reference` (the page's publication date), or the year before when that day
    would come after it; None without a reference."""
    match = reference and YEARLESS.search(text)
    if not match:
        return None
    day = _date(reference.year, _month(match["m"]), int(match["d"]))
    if day and day > reference:
        day = _date(reference.year - 1, day.month, day.day)
    if day is None:
        return None
    mention = NumericDate.__new__(NumericDate)
    mention.start, mention.end, mention.text = match.start(), match.end(), match.group(0)
    mention.first = mention.last = day
    return mention
