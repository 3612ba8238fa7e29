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
# "พ.ศ. 2567", also spelled out in formal releases ("พุทธศักราช 2567"); a C.E. year is written
# after its own era word ("ค.ศ. 2025", "ค. ศ.2025", "คริสต์ศักราช 2025").
_CE = r"(?:ค\.\s?ศ\.?|คริสต์ศักราช)"
ERA = rf"(?:พ\.\s?ศ\.|พุทธศักราช|{_CE})"
_YEAR = rf"(?:{ERA}\s*)?(?:\d{{4}}|\d{{2}})(?!\d)"
# "25 – 28", "28 ก.พ. ถึงวันที่ 2 มี.ค.", "10 และ 11 มีนาคม" (two days), and a weekday
# written again on the end ("วันเสาร์ที่ 1 – วันอาทิตย์ที่ 2 มีนาคม").
_WEEKDAYS = {"จันทร์": 0, "อังคาร": 1, "พุธ": 2, "พฤหัสบดี": 3, "พฤหัส": 3, "ศุกร์": 4, "เสาร์": 5, "อาทิตย์": 6}
WEEKDAY = rf"(?:{alternatives(_WEEKDAYS)})"
_SEP = rf"\s*(?:–|—|-|ถึง|และ)\s*(?:วัน(?:{WEEKDAY})?ที่\s*)?"
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
    if len(digits) == 2:  # ๖๘ means 2568 B.E., "ค.ศ. 25" 2025
        year += 2000 if re.match(_CE, text) else 2500
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


YEARLESS = re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?:เดือน\s*)?(?P<m>{_MONTH})(?!\s*(?:{ERA}\s*)?\d)")


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


class _Mention:
    """A single day found by one of the finders below, with where it was."""

    is_range = False

    def __init__(self, match, day):
        self.start, self.end = match.span()
        self.text = match.group(0)
        self.first = self.last = day


_ENGLISH_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december"]
_EN_MONTH = r"(?P<m>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
# A page's own date in the forms web software prints it: "June 11, 2025", "11 Jun 2025",
# "2026-01-20" (the year is C.E.; a B.E. one is read as such all the same).
LABEL_FORMS = [
    re.compile(rf"(?<![A-Za-z]){_EN_MONTH}\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})(?!\d)", re.I),
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s+{_EN_MONTH},?\s+(?P<y>\d{{4}})(?!\d)", re.I),
    re.compile(r"(?<![\d/-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d/-])"),
    NUMERIC,
]


def _form_date(match):
    month = match["m"]
    month = int(month) if month.isdigit() else next(i + 1 for i, name in enumerate(_ENGLISH_MONTHS) if name.startswith(month.lower()[:3]))
    return _date(_year(match["y"]), month, int(match["d"]))


def find_label_date(text):
    """The first day a page label writes, in any of its forms (Thai months with a B.E. or C.E.
    year, figures, ISO, English months), or one without its year ("๒ กุมภาพันธ์ เวลา ๑๘:๔๐ น.",
    a Facebook time): then `first` is None and `yearless` is (month, day). None without one."""
    found = [d for d in find_dates(text) if not d.is_range]
    for form in LABEL_FORMS:
        found += [_Mention(m, day) for m in form.finditer(text) for day in [_form_date(m)] if day]
    if found:
        return min(found, key=lambda d: d.start)
    match = YEARLESS.search(text)
    if not match:
        return None
    mention = _Mention(match, None)
    mention.yearless = (_month(match["m"]), int(match["d"]))
    return mention


def on_or_after(yearless, day):
    """A (month, day) written without its year, in the year that puts it on or after `day`
    (a page is posted after its event) and at most a year later; None when impossible."""
    month, dom = yearless
    for year in (day.year, day.year + 1):
        found = _date(year, month, dom)
        if found and found >= day:
            return found
    return None


WEEKDAY_DAY = re.compile(rf"วัน(?P<w>{WEEKDAY})ที่\s*(?P<d>\d{{1,2}})(?![\d/.:])(?!\s*(?:เดือน\s*)?{_MONTH})(?!\s*[–—-])")


def find_weekday_day(text, reference):
    """"เมื่อวันพุธที่ 2 ที่ผ่านมา": a day written with its weekday only, in the latest month up to
    `reference` (the posting date) where that day falls on that weekday; None without one."""
    match = reference and WEEKDAY_DAY.search(text)
    if not match:
        return None
    days = []
    for back in range(3):
        month, year = reference.month - back, reference.year
        if month < 1:
            month, year = month + 12, year - 1
        day = _date(year, month, int(match["d"]))
        if day and day <= reference:
            days.append(day)
    best = next((d for d in days if d.weekday() == _WEEKDAYS[match["w"]]), days[0] if days else None)
    return best and _Mention(match, best)
