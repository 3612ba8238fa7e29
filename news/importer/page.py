"""From a scraped or pasted page to its title and body paragraphs: breadcrumbs,
"Check Also", "About …", comment forms, counters and credits are not the release."""

import re

from news.thaitext import INVISIBLES

from .dates import ERA, WEEKDAY, WEEKDAY_DAY, find_dates, find_label_date, find_numeric_date
from .patterns import thai_re

# Everything from one of these lines on is the site, not the release.
TAIL_STARTS = re.compile(
    r"^(?:Check Also|ใส่ความเห็น|แสดงความคิดเห็น|Leave a Reply|Leave a comment|Share this:|Like this:|Related|"
    r"ข่าวที่เกี่ยวข้อง|Related Posts|Fill in your details below)\b",
    re.I,
)
FURNITURE = [
    re.compile(r"^(?:Home|หน้าแรก|หน้าหลัก)\s*[/>»›]", re.I),  # breadcrumb: "หน้าแรก > ข่าว", "หน้าหลัก › …"
    re.compile(r"^About\s+\S", re.I),  # author box
    thai_re(r"^ดูรูปภาพ.*ที่นี่$|^ดูภาพ.*ที่นี่$|^คลิก.*ที่นี่$"),
    thai_re(r"^(?:อ่าน|เข้าชม|ผู้เข้าชม)\s*\d[\d,]*\s*ครั้ง$"),
    re.compile(r"^(?:Website Built with|Up ↑|%d bloggers|Connecting to %s|Share this|Like this)", re.I),
    thai_re(r"^ข่าวที่\s*\d{1,4}\s*/\s*\d{2,4}$"),  # a ministry bulletin's number above its title
    re.compile(r"^(?:#\S+\s*)+$"),  # a line of hashtags only
]
HASHTAG_LINE = FURNITURE[-1]
CREDIT_LINE = thai_re(
    r"^(?:(?:ข่าว\s*/\s*ภาพ|ภาพ\s*/\s*ข่าว|ข่าวและภาพ|ภาพและข่าว)\s*:\s*(?P<both>.+?)\s*$|(?P<writer>[^/:]+?)\s*/\s*(?:สรุป|ข่าว|เรียบเรียง|เขียน)\s*$|(?P<photographer>[^/:]+?)\s*/\s*(?:ภาพ|ถ่ายภาพ)\s*$"
    r"|(?:ข่าว|สรุป|เรียบเรียง|ผู้เขียน|เขียน)\s*[:/]\s*(?P<writer2>[^:]+?)(?=\s+(?:ภาพ|ถ่ายภาพ)\s*[:/]|$)"
    r"|(?:ภาพ|ถ่ายภาพ|ภาพถ่าย|ช่างภาพ)\s*[:/]\s*(?P<photographer2>[^:]+?)(?=\s+(?:ข่าว|สรุป)\s*[:/]|$)"
    # "รุ่งตะวัน โรจนธร รายงาน ***รูปภาพเพิ่มเติม***": a two-word name, then the verb.
    r"|(?P<writer3>[\u0e01-\u0e4e]+ [\u0e01-\u0e4e]+)\s+(?:รายงาน|สรุปข่าว|เรียบเรียง)(?:\s+\*+[^*]*\*+)?\s*$)"
)
CREDIT_ANYWHERE = thai_re(
    r"(?:^|\s)(?P<label>ข่าว|สรุป|เรียบเรียง|ผู้เขียน|ภาพ|ถ่ายภาพ|ภาพถ่าย|ช่างภาพ)\s*:\s*(?P<who>[^:\n]+?)"
    r"(?=\s+(?:ข่าว|สรุป|เรียบเรียง|ผู้เขียน|ภาพ|ถ่ายภาพ|ภาพถ่าย|ช่างภาพ)\s*:|$)",
    re.M,
)
TITLE_LABEL = thai_re(r"^(?:เรื่อง|หัวข้อข่าว|หัวข้อ)\s*(?:>>|:|»)\s*")
BODY_LABEL = thai_re(r"^(?:รายละเอียด|เนื้อหา|รายละเอียดข่าว)\s*(?:>>|:|»)\s*")
LEADING_DATE = thai_re(rf"^(?:วัน\S*ที่|วันที่)?\s*\d{{1,2}}\s*\S+\s*(?:{ERA}\s*)?\d{{2,4}}\s+")
# "เมื่อวันศุกร์ที่", "ระหว่างวันที่", "เช้าวันที่": the words a lead may open with before its date.
# "วันนี้ (18 ส.ค. 68)", "เมื่อวันนี้ (…)" and a dateline ("อุดรธานี – วันที่ …") open with the date too.
DATE_OPENING = thai_re(r"^(?:[^\s–-]{2,30}\s*[–-]\s*)?(?:เมื่อ|ใน|ระหว่าง|เช้า|บ่าย|เย็น)?\s*"
                       r"(?:วันนี้\s*\(|วัน\S{0,12}?ที่|วันที่)?\s*$")
# "📌 วันที่เผยแพร่ …", "• โพสต์เมื่อ …": an emoji or a bullet before a label line is decoration.
LEADING_MARK = re.compile(r"^[^\w\s(\[\"“'#]+\s*")
NUMERIC_DATE = re.compile(r"(?<!\d)\d{1,2}/\d{1,2}/\d{2,4}(?!\d)")
LIST_ITEM = re.compile(r"^\s*\d{1,2}[.)]\s+\S")
HASHTAGS = re.compile(r"(?:^|\s)#([^\s#]+)")
# A paragraph that is only the page's own date (and counter): page furniture.
# "ข่าว ณ วันที่ 7 ตุลาคม 2567" at the foot is the same.
PUBLISHED_LINE = thai_re(r"^(?:วันที่\s*)?(?:เผยแพร่|โพสต์|ประกาศ|ลงข่าว|เขียน(?=เมื่อ)|ลง(?=วันที่)|(?:ข่าว|ข้อมูล)\s*ณ)\s*"
                          # "โพสต์โดย ประชาสัมพันธ์ สพม.นนทบุรี วันที่ 24 กรกฎาคม 2568": the author first, then the date.
                          r"(?:โดย\s*:?\s*[^\n|]{2,60}?\s*[|•·,]?\s*(?:เมื่อ)?\s*(?:วันที่|ลงวันที่)?\s*:?\s*(?=\d))?"
                          r"(?:เมื่อ|วันที่)?\s*:?\s*(?P<rest>[^\n]{4,40}?)"
                          # "โพสต์เมื่อ 22 มกราคม 2568 เวลา 10:15 น. โดย กลุ่มอำนวยการ": its time and author too.
                          r"(?:\s*(?:เวลา\s*)?\d{1,2}[.:]\d{2}\s*(?:น\.)?)?(?:\s*\|?\s*โดย\s*:?\s*[^\n]{2,60}?)?"
                          r"(?:\s+(?:อ่าน|เข้าชม|ผู้เข้าชม)\s*\d[\d,]*\s*ครั้ง)?\s*$")
# One part of a page label: "โพสต์โดย : กลุ่ม…", "วันที่ลงข่าว : 27 มิ.ย. 68", "อ่าน 152 ครั้ง".
LABEL_PART = thai_re(
    r"^(?:วันที่\s*)?(?:เผยแพร่|โพสต์|ประกาศ|ลงข่าว|ผู้เขียน|เขียน|ผู้โพสต์|โดย|อัปเดต|แก้ไขล่าสุด|วันที่|อ่าน|เข้าชม|ผู้เข้าชม|หมวดหมู่)"
    r"|^\d{1,2}(?:\s*\S+\s*\d{2,4}|/\d{1,2}/\d{2,4})"
)


def is_date_line(line):
    """Whether a paragraph is the page's publication label ("โพสต์เมื่อ 10/03/2568", "โดย … | วันที่ …"),
    with or without an emoji or a bullet before it."""
    line = unmarked(line)
    match = PUBLISHED_LINE.match(line)
    if match and (find_dates(match["rest"]) or find_numeric_date(match["rest"])):
        return True
    return is_page_label(line) or _label_shape(line)


# A page label by its shape: a short line of parts split by "|", "·" or "•", one of them a date
# (with a label's words before it, a clock time and "by …" after it) and the others short and
# dateless: an author, a category, a counter, a globe. "Posted on June 11, 2025 by admin",
# "27/11/68 | ข่าวกิจกรรม", "ผู้เขียน: … | 22 ธันวาคม 2025 | ข่าวประชาสัมพันธ์", "3 วัน · 🌏".
LABEL_SEPARATOR = re.compile(r"\s*(?:\||·|•)\s*")
# "วันที่ลงข่าว 03/11/2568   ผู้ลงข่าว : …   จำนวนผู้อ่าน : 56", "ผู้เขียน : …  วันที่ ๔ มี.ค. ๒๕๖๙  อ่าน ๒๓๔ ครั้ง",
# "หมวดหมู่ : …  โพสต์ ๑๗ ม.ค. ๖๘": a label's fields may be set apart by spaces only; a field then
# opens with its name.
LABEL_FIELD = thai_re(r"\s+(?=(?:หมวดหมู่|หมวด|ผู้ลงข่าว|ผู้โพสต์|ผู้เขียน)\s*:|(?:จำนวน)?(?:ผู้)?(?:อ่าน|ชม|เข้าชม)\s*:?\s*\d"
                      r"|(?:วันที่|โพสต์|เผยแพร่)\S{0,12}\s*:?\s*\d)")
# "Posted on วันอังคาร 3 มิถุนายน 2568 by …": the English label may name the Thai weekday, "ที่" left out.
LABEL_WORDS = thai_re(r"^(?:(?:Last\s+)?(?:Posted|Published|Updated|Date)(?:\s+on)?"
                      rf"(?:\s*วัน{WEEKDAY}(?:ที่)?\s*,?)?|(?:วันที่)?\S{{0,6}}"
                      r"(?:เผยแพร่|โพสต์|ประกาศ|ลงข่าว|ลง|อัปเดต|อัพเดท|แก้ไข|เขียน)\S{0,12}|วัน\S{0,12}?\s?ที่"
                      r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?)\s*:?\s*$", re.I)
LABEL_TAIL = thai_re(r"^\s*,?\s*(?:(?:เวลา|at)?\s*\d{1,2}[.:]\d{2}(?:[.:]\d{2})?\s*(?:น\.|[AP]\.?M\.?)?)?\s*(?:(?:by|โดย)\s*:?\s*\S.{0,50})?$", re.I)
RELATIVE_TIME = thai_re(r"^\d{1,2}\s*(?:วัน|ชม\.|ชั่วโมง|นาที|สัปดาห์|[dhmw])(?:ที่แล้ว)?$")


def _label_shape(line):
    """Whether `line` has a label's shape (see LABEL_SEPARATOR)."""
    if "\n" in line or len(line) > 140:
        return False
    parts = [field for part in LABEL_SEPARATOR.split(line.strip()) for field in LABEL_FIELD.split(part)]
    dated = 0
    for part in filter(None, parts):
        mention = find_label_date(part)
        if mention is None:
            if len(part) > 50 or find_numeric_date(part):
                return False
            dated += bool(RELATIVE_TIME.match(part)) and len(parts) > 1
            continue
        before, after = part[:mention.start], part[mention.end:]
        if not (LABEL_WORDS.match(before) or not before.strip()) or not LABEL_TAIL.match(after):
            return False
        # A bare date alone on its line ("วันที่ 5 มีนาคม 2568 เวลา 09.00 น.", above the lead
        # sentence) is not a label; with a label's words, "by …" or a separator it is.
        dated += (len(parts) > 1 or bool(re.search(r"\b(?:by|โดย)", after, re.I))
                  or bool(before.strip() and not re.fullmatch(r"วัน\S{0,12}?ที่", before.strip(" :"))))
    return dated == 1


BARE_DATE_OPENING = thai_re(r"(?:วัน\S{0,12}?\s?ที่)?\s*")


def posted_above_lead(line, lead):
    """Whether `line` is a bare date ("08 ม.ค. 2569 11:42 น.", "วันที่ ๓ ก.ย. ๖๘") right above a lead
    opening with its own day, the date up to a month after it: the page's posting date, not the
    event's. A bare date above an undated lead, or the lead's own day, stays the lead's."""
    if "\n" in line or len(line) > 60:
        return False
    mention = find_label_date(line)
    if not (mention and mention.first and BARE_DATE_OPENING.fullmatch(line[:mention.start])
            and LABEL_TAIL.match(line[mention.end:])):
        return False
    found = find_dates(lead)
    if not (found and DATE_OPENING.match(lead[: found[0].start])):
        return False
    return 0 < (mention.first - found[0].first).days <= 31


def unmarked(line):
    """The line without a leading emoji or bullet ("📌", "🗓️", "•", "►")."""
    return LEADING_MARK.sub("", line)


def is_page_label(line):
    """Whether a short line of label parts split by "|" ("โดย : กลุ่ม… | วันที่ 5 สิงหาคม 2568",
    "วันที่ลงข่าว : 27 มิ.ย. 68 | ผู้เขียน : … | อ่าน 152 ครั้ง"), one with a date, is the page's
    publication label: furniture, never the lead nor the event. One-part labels ("โพสต์เมื่อ …")
    are the parser's published_line."""
    parts = [part.strip() for part in line.split("|")]
    if len(parts) < 2 or len(line) > 140 or "\n" in line or not all(LABEL_PART.match(part) for part in parts):
        return False
    return bool(find_dates(line) or find_numeric_date(line))


def prepare(text):
    """The text with plain spaces for NBSP and no invisible characters.

    Thai digits stay as written (values keep the text's spelling): Python's \\d and
    int() read them as they read Arabic ones.
    """
    text = INVISIBLES.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2007", " ")


def _lines(text):
    lines = []
    for line in text.split("\n"):
        line = re.sub(r"[ \t]+", " ", line).strip()
        if TAIL_STARTS.match(line):
            break
        lines.append(line)
    return lines


def _category_line(categories):
    """A header line that is a category, alone or with the office's full name
    ("ภาพกิจกรรม สำนักงานศึกษาธิการจังหวัดเพชรบูรณ์") or a bulletin number."""
    if not categories:
        return None
    names = "|".join(re.escape(name) for name in sorted(categories, key=len, reverse=True))
    # "ข่าวประชาสัมพันธ์ ฉบับที่ 45/2567": a bulletin's number is part of the header line.
    return thai_re(rf"^(?:{names})(?:\s+(?:สำนักงาน|กระทรวง)\S*(?:\s+เขต\s?\d{{1,2}})?)?"
                   r"(?:\s*ฉบับที่\s*\d{1,4}(?:/\d{2,4})?)?$")


def split_page(text, categories=()):
    """(title, paragraphs, furniture lines before the title (with hashtag-only lines
    anywhere), credit lines)."""
    lines = _lines(text)
    category_line = _category_line(categories)
    furniture = FURNITURE + [category_line] if category_line else FURNITURE
    labelled = next((i for i, line in enumerate(lines) if TITLE_LABEL.match(line)), None)
    header = []
    if labelled is not None:
        header = [line for line in lines[:labelled] if line]
        title = TITLE_LABEL.sub("", lines[labelled])
        title = LEADING_DATE.sub("", title).strip()
        rest = lines[labelled + 1:]
    else:
        rest = list(lines)
        title = ""
        while rest:
            line = rest.pop(0)
            if not line:
                continue
            if any(p.match(line) for p in furniture):
                header.append(line)
                continue
            title = line
            break
    paragraphs, credits, block = [], [], []

    def close():
        if block:
            paragraphs.append("\n".join(block))
            block.clear()

    for line in rest:
        line = BODY_LABEL.sub("", line)
        if HASHTAG_LINE.match(line):
            close()
            credits.append(line)  # its tags are the release's; credits_from skips it
            continue
        if not line or any(p.match(line) for p in furniture):
            close()
            continue
        # "ผู้เขียน: … | 22 ธันวาคม 2025 | ข่าวประชาสัมพันธ์" is a page label, not a credit.
        if CREDIT_LINE.match(strip_hashtags(line)) and len(line) < 160 and not _label_shape(line):
            close()
            credits.append(line)
            continue
        if LIST_ITEM.match(line):
            block.append(line)  # a numbered list stays one block
            continue
        close()
        # A scraped page may mark its paragraphs with ">>" inside one line.
        paragraphs.extend(part.strip() for part in line.split(">>") if part.strip())
    close()
    if labelled is None and _title_under_header(title, paragraphs):
        header.append(title)
        # The headline, not a posting label above it ("๒ กุมภาพันธ์ เวลา ๑๘:๔๐ น. ·").
        title = paragraphs.pop(next(i for i, q in enumerate(paragraphs) if not is_date_line(q)))
    return title, paragraphs, header, credits


def _opens_with_date(paragraph):
    found = find_dates(paragraph)
    return bool(found) and bool(DATE_OPENING.match(paragraph[: found[0].start]))


def opens_with_date(paragraph):
    """Whether a paragraph opens as a lead does: with its day ("เมื่อวันที่ 5 …", "ระหว่างวันที่ …"),
    in figures ("วันที่ 12/06/2567") or with its weekday only ("เมื่อวันพุธที่ 2 ที่ผ่านมา"), after an
    emoji or a bullet a social post marks its lines with ("🗓 วันเสาร์ที่ 28 …")."""
    paragraph = unmarked(paragraph)
    if _opens_with_date(paragraph):
        return True
    day = WEEKDAY_DAY.search(paragraph[:40]) or NUMERIC_DATE.search(paragraph[:40])
    return bool(day) and bool(DATE_OPENING.match(paragraph[: day.start()]))


def _title_under_header(first_line, paragraphs):
    """Whether the first line is a header no pattern knows ("หน้าแรก | ข่าวกลุ่มงาน", a bare
    "ข่าวกิจกรรมโรงเรียน") above the real title: the line after it is a longer one-line headline
    with no date, and the paragraph after that opens with the date, as a lead does. A title
    followed by a short line ("โรงเรียนบ้านนา สพป.เลย เขต 1") and then the lead is left as it is."""
    paragraphs = [q for q in paragraphs if not is_date_line(q)]
    if len(paragraphs) < 2 or "\n" in paragraphs[0] or len(paragraphs[0]) <= len(first_line):
        return False
    headline = paragraphs[0]
    if find_dates(headline) or NUMERIC_DATE.search(headline) or find_dates(first_line):
        return False  # "โพสต์เมื่อ 10/03/2568": the page's date line, not a headline
    return _opens_with_date(paragraphs[1])


def strip_hashtags(paragraph):
    return HASHTAGS.sub("", paragraph).strip()


def hashtags(text):
    return [tag.rstrip(".,") for tag in HASHTAGS.findall(text)] or None


def credits_from(lines):
    found = {"writer": None, "photographer": None}
    for line in lines:
        line = strip_hashtags(line)
        match = CREDIT_LINE.match(line)
        if match is None:
            continue  # a line of hashtags only
        both = match["both"]
        if both:
            found = {key: found[key] or both.strip() for key in found}
            continue
        for key in ("writer", "photographer"):
            value = match[key] or match[key + "2"] or (match["writer3"] if key == "writer" else None)
            if value and not found[key]:
                found[key] = value.strip()
        for match in CREDIT_ANYWHERE.finditer(line):
            key = "photographer" if "ภาพ" in match["label"] else "writer"
            found[key] = found[key] or match["who"].strip()
    return found
