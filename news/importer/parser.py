"""parse(text) -> the facts a Thai press release states, as the JSON schema of
docs/importer.md. A fact the text does not state is None, never guessed."""

import re
from functools import lru_cache

from news.thaitext import HONORIFICS

from . import page
from .dates import find_dates, find_label_date, find_numeric_date, find_time, find_weekday_day, find_yearless, on_or_after
from .patterns import alternatives, parse_int, provinces, thai_re
from .groups import find_groups
from .people import find_people, lead_size
from .spans import locate, locate_last

# Bangkok is also written without its ฯ or the abbreviation's dot.
PROVINCE_ALIASES = {"กรุงเทพฯ": "กรุงเทพมหานคร", "กทม.": "กรุงเทพมหานคร", "กรุงเทพ": "กรุงเทพมหานคร", "กทม": "กรุงเทพมหานคร"}
# The portal's categories (fixtures/demo_articles.json); callers with a database pass
# Category names instead.
# "โรงแรมอวานี ขอนแก่น โฮเทล แอนด์ คอนเวนชั่น เซ็นเตอร์", "โรงแรมโซฟิเทล กระบี่ โภคีธรา กอล์ฟ แอนด์
# สปา รีสอร์ท": a hotel's name may hold its province's word, then more of the name, ended within
# a few words by a hotel word; the province word then does not end the venue.
HOTEL_NAME_GOES_ON = (r"(?:\s+[\u0e01-\u0e4eA-Za-z]+){0,3}?\s+(?:โฮเทล|โฮเต็ล|รีสอร์ท|รีสอร์ต|คอนเวนชั่น|คอนเวนชัน|"
                      r"เซ็นเตอร์|สปา|พาเลซ|บีช|ริเวอร์ไซด์|ลากูน|เรสซิเดนซ์|แอนด์|Hotel|Resort|Convention)(?![\u0e01-\u0e4eA-Za-z])")
# "ค่ายลูกเสือจังหวัดกาฬสินธุ์ (ลำปาว) ตำบลลำคลอง อำเภอเมือง…", "ศูนย์ฝึกอบรมลูกเสือ จังหวัดนครพนม ตำบล…":
# the sub-district or district written next is the address going on, so a "จังหวัดX" or a bracket
# before it is part of the place's name (an address ends with its province). Such a bracket is
# hidden (ADDRESS_BRACKETS) before the venue pattern reads the paragraph.
# "โรงแรมพูลแมน ขอนแก่น ราชา ออคิด อำเภอเมืองขอนแก่น": a hotel named with its province, then more of its
# name and the district: the district written within three words says the place's name goes on.
NAME_THEN_DISTRICT = (r"(?:\s+(?!โดย|และ|นาย|นาง|เป็น|ได้|มี|ณ|พร้อม|ซึ่ง|เพื่อ)[\u0e01-\u0e4eA-Za-z]+){1,3}?"
                      r"\s+(?:อำเภอ|ตำบล|แขวง)")
ADDRESS_GOES_ON = r"\s*(?:ตำบล|อำเภอ|แขวง|[ตอ]\.\s?(?!ดร\.|นพ\.|พญ\.)[\u0e01-\u0e2e\u0e40-\u0e44])"
DEFAULT_CATEGORIES = ("ข่าวประชาสัมพันธ์", "ภาพกิจกรรม")
CATEGORY_LABEL = thai_re(r"(?:หมวดหมู่|หมวด|Category|Categories)\s*:?\s*", re.I)


@lru_cache(maxsize=1)
def _patterns():
    names = alternatives(list(provinces()) + list(PROVINCE_ALIASES))
    ranks = alternatives([h for h in HONORIFICS if len(h) >= 3 and h not in ("นาย", "นาง", "นางสาว")])
    return {
        # The venue runs from "ณ" (or a line "สถานที่ :", or "จากห้องประชุม…" of an online
        # meeting) to the province, the next clause or the end.
        # "จัดขึ้นที่หอประชุม…": "ที่" may be typed against the verb before it.
        "venue": thai_re(r"(?:^|(?<=[\s“\"(])|(?:(?<=ขึ้น)|(?<=จัด))(?=ที่))(?:ณ(?:\s+|(?=ห้อง|โรงแรม|หอประชุม|โรงเรียน|อาคาร))(?!วันที่|อยุธยา)|(?P<at>ที่\s?|ใน(?=ห้องประชุม|หอประชุม))(?=ห้อง|โรงแรม|หอประชุม|โรงเรียน|อาคาร|สำนักงาน|ศาลา|มหาวิทยาลัย|ศูนย์|สนาม)"
                         r"|(?P<from>จาก\s?)(?=ห้องประชุม|หอประชุม|สตูดิโอ)"  # an online meeting run from a room
                         r"|สถานที่(?:จัด(?:งาน|กิจกรรม|ประชุม|อบรม)?)?\s*:\s*"
                         r"|(?:^|(?<=\n))(?:📍|🏫|🏢)\s*(?:ณ\s*|สถานที่\s*:?\s*)?)(?P<venue>.+?)"  # a line marked with a pin
                         rf"(?=\s+(?:จังหวัด|จ\.)\s?(?:{names})(?!\s*(?:\ue003[^\ue004\n]{{1,30}}\ue004)?{ADDRESS_GOES_ON})|\s(?:{names})(?![\u0e01-\u0e4e])(?!\s*(?:อำเภอ|อ\.|ตำบล|ต\.|จังหวัด|จ\.)|{HOTEL_NAME_GOES_ON}|{NAME_THEN_DISTRICT})|\s*(?:>>|\n|[“”\"]|\s\()"
                         r"|\s+(?:สำนักงาน|โรงเรียน|มหาวิทยาลัย|กระทรวง|กรม)\S*(?:\s+เขต\s?\d{1,2})?\s+(?:ได้)?จัด"  # the organiser, then its verb
                         r"|\s+\S*(?:ประกอบด้วย|ได้แก่)"  # "… คณะกรรมการประกอบด้วย": a list of people begins
                         r"|\s+คณะ(?!\S*(?:ศาสตร์|ศิลป์)|วิทยาการ)"  # "… คณะผู้แทนกระทรวง… นำโดย": the subject, not a faculty
                         # A person begins (a given name may open with a leading vowel: "นายไพศาล", "พลเอก เอกชัย").
                         r"|\s+(?:(?:นาย|นาง|นางสาว)(?!ก)[\u0e01-\u0e2e\u0e40-\u0e44]|(?:นาย|นาง|นางสาว|ดร\.)\s[\u0e01-\u0e2e\u0e40-\u0e44]|"
                         rf"(?:{ranks})\s?[\u0e01-\u0e2e\u0e40-\u0e44]|"  # a rank or academic title
                         r"(?:รอง)?(?:ปลัดกระทรวง|ผู้อำนวยการ|เลขาธิการ|ผู้ว่าราชการ|ผู้ตรวจราชการ|รัฐมนตรี)|"
                         r"มีผู้|มี(?:นักเรียน|นักศึกษา|ครู|คณะ|บุคลากร|ประชาชน)|ตั้งแต่|นำโดย|อย่าง|ภายใต้|จำนวน|"
                         # A clause word, not a place: the sentence goes on after the venue.
                         r"ใน(?:ระหว่าง|ช่วง|โอกาส|รูปแบบ|นาม|ฐานะ)|ภายในงาน|ได้(?!แก่)|นอกจาก|สำหรับ|จากนั้น|ต่อมา|ด้วย|ร่วม|"
                         r"ทั้ง(?:ใน|สิ้น|ออน|แบบ|รูปแบบ)|แบบ(?:ออน|ไฮบริด|[A-Za-z])|กิจกรรม(?:ดังกล่าว|นี้|ครั้งนี้)|เป็น|ตลอด|"
                         r"อีก|อัน(?:เป็น|จะ)|ที่ผ่านมา|นั้น|สร้าง|มี(?!น)|ให้|จึง|แล้ว|ทำให้|หลังจาก|\((?=[A-Za-z])|ชมคลิป|ดูภาพ|คลิก|ควบคู่|ผ่าน|โดย|เพื่อ|ระหว่าง|ในวันที่|วันที่|เมื่อวัน|เวลา|สังกัด|ซึ่ง|ทั้งนี้|ขึ้น|พร้อม|(?:และ)?(?:ผ่าน|ถ่ายทอด)|และ(?=ห้อง|หอประชุม|โรงแรม)|ใน(?:การ|ครั้ง))|$)"),
        "province": thai_re(rf"^\s*(?:จังหวัด\s?|จ\.\s?)?(?P<province>{names})"),
        "office_end": thai_re(rf"สพม\.\s?(?:{names})$"),
        "second_province": thai_re(rf"\s(?:{names})(?![\u0e01-\u0e4e])"),
        # A dateline: "กรุงเทพฯ – 4 มีนาคม 2568 …" says where the news happened.
        "dateline": thai_re(rf"^(?P<province>{names})\s*[–—-]\s*(?:เมื่อ)?(?:วัน\S*ที่\s*|วันที่\s*|(?:(?:เช้า|บ่าย|เย็น)?วันนี้|เมื่อวาน(?:นี้)?)\s*\(\s*)?\d"),
        # "โรงเรียนอนุบาลนครพนม": each province's model school is named after it.
        "model_school": thai_re(rf"โรงเรียนอนุบาล(?P<province>{names})(?![\u0e01-\u0e4e])"),
        "province_in": thai_re(rf"(?:จังหวัด|ศธจ\.|สพป\.|สพม\.|ประถมศึกษา|มัธยมศึกษา|อำเภอเมือง|อ\.\s?เมือง)\s?(?P<province>{names})"),
        "platform": re.compile(
            r"(?P<platform>Zoom(?:\s+(?:Cloud\s+)?(?:Meeting|Webinar)s?)?|Microsoft\s+Teams|MS\s+Teams|Google\s+Meet"
            r"|(?:Cisco\s+)?Webex(?:\s+Meetings?)?|Video\s?Conference|VDO\s?Conference|Facebook\s+Live|YouTube\s+Live|e-?Meeting|Line\s+Meeting|Teams)",
            re.I,
        ),
        "via": thai_re(r"ผ่าน(?:ระบบ|โปรแกรม|ทาง|แอปพลิเคชัน|สื่อ)?[^\n>]{0,60}$"),
        "count": thai_re(r"(?:จำนวน|รวม|ทั้งสิ้น|(?:ผู้)?เข้าร่วม(?:ประชุม|อบรม|กิจกรรม|งาน|โครงการ|ค่าย)?)\s*(?:กว่า|ประมาณ|ราว|ทั้งสิ้น|รวม)?\s*(?P<n>\d[\d,]*)\s*(?:คน|ราย|ท่าน)(?![\u0e01-\u0e4e])"),
        "fiscal": thai_re(r"ปีงบประมาณ\s*(?:พ\.\s?ศ\.\s*)?(?P<y>\d{4}|\d{2})(?!\d)"),
        "reads": thai_re(r"(?:อ่าน|เข้าชม|ผู้เข้าชม)\s*(?P<n>\d[\d,]*)\s*ครั้ง"),
        "published": thai_re(r"(?:เผยแพร่|โพสต์|ประกาศ|ลงข่าว|เขียน(?=เมื่อ)|ลง(?=วันที่)|(?:ข่าว|ข้อมูล)\s*ณ)\s*(?:เมื่อ|วันที่)?\s*:?\s*$"),
        "published_line": page.PUBLISHED_LINE,
        # An abbreviation opening the title; a secondary office may cover two provinces.
        "office": thai_re(
            r"^(?P<office>สป\.\s?ศธ\.|สพฐ\.|สอศ\.|สกศ\.|สช\.|สกร\.|กศน\.|ศธภ\.\s?\d{1,2}|ศธจ\.\s?[\u0e01-\u0e4e]+?(?=[\s.]|$)"
            r"|สพป\.\s?[\u0e01-\u0e4e]+\s?เขต\s?\d{1,2}"
            rf"|สพม\.\s?[\u0e01-\u0e4e]+?(?:\s(?:{names})(?![\u0e01-\u0e4e]))?(?:\s?เขต\s?\d{{1,2}})?(?=[\s.]|$)|ศธ\.)"
        ),
        "numeric_day": thai_re(r"วันที่\s*(?=\d{1,2}/\d{1,2}/\d)"),
        "project_period": thai_re(r"(?:ดำเนินการ|ดำเนินงาน|ระยะเวลา\S*|ตลอดปีงบประมาณ)\s*(?:ระหว่าง|ตั้งแต่)?\s*(?:วันที่)?\s*$"),
        "range_lead_in": thai_re(r"(?:ระหว่าง|จัดขึ้น|ตั้งแต่)\s*(?:วันที่)?\s*$"),
        # "… เมื่อวันที่ 16 มกราคม 2568 (เวลา 09.00 น.) ณ หอประชุม…": a day written with the place.
        "dated_place": thai_re(r"\s*(?:\([^()\n]{1,20}\)\s*)?(?:(?:ตั้งแต่)?เวลา\s*\d{1,2}[.:]\d{2}(?:\s*[–—-]\s*\d{1,2}[.:]\d{2})?"
                               r"\s*น\.\s*)?ณ\s+(?!วันที่)"),
    }


# Full office names in a page header, and the abbreviation each is known by.
OFFICE_NAMES = [
    (thai_re(r"สำนักงานศึกษาธิการจังหวัด(?P<x>[\u0e01-\u0e4e]+)"), "ศธจ.{x}"),
    (thai_re(r"สำนักงานศึกษาธิการภาค\s?(?P<x>\d{1,2})"), "ศธภ.{x}"),
    (thai_re(r"สำนักงานเขตพื้นที่การศึกษาประถมศึกษา(?P<x>[\u0e01-\u0e4e]+\s?เขต\s?\d{1,2})"), "สพป.{x}"),
    (thai_re(r"สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา(?P<x>[\u0e01-\u0e4e]+(?:\s?เขต\s?\d{1,2})?)"), "สพม.{x}"),
    (thai_re(r"สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน"), "สพฐ."),
    (thai_re(r"สำนักงานปลัดกระทรวงศึกษาธิการ"), "สป.ศธ."),
]


def _office(title, header, tags):
    match = _patterns()["office"].match(title)
    if match:
        office = re.sub(r"\s+", "", match["office"]) if match["office"].startswith(("สป", "ศธ")) else match["office"]
        return re.sub(r"\.\s+(?=เขต)", ". ", office)
    for line in header + ["#" + tag for tag in tags or []]:
        for pattern, short in OFFICE_NAMES:
            found = pattern.search(line)
            if found:
                return short.format(x=found.groupdict().get("x", ""))
    return None


# A quoted part of a school's name followed by its district ("โรงเรียนบ้านบึง "อุตสาหกรรม
# นุเคราะห์" อำเภอบ้านบึง") is part of the venue: its quotation marks do not end it.
# "โรงเรียนเทศบาล ๑ (บ้านบางรัก)": a school's name may carry a part in parentheses.
SCHOOL_BRACKETS = thai_re(r"(?<=โรงเรียน)[^\s()]*(?:\s[\d]{1,3})?\s?\((?![A-Za-z])[^()\n]{2,30}\)")
# "ณ “ศูนย์การเรียนรู้เศรษฐกิจพอเพียง” โรงเรียนบ้านนา", "ศูนย์การเรียนรู้ “บ้านวิทยาศาสตร์น้อย” โรงเรียน…":
# a place's own name in quotation marks, followed by more of the place, stays in the venue too.
QUOTED_NAME = thai_re(r"(?<=\S\s)[“\"][^“”\"\n]{2,40}[”\"](?=\s+(?:อำเภอ|อ\.|ตำบล|ต\.|เขต|จังหวัด|จ\.|โรงเรียน|อาคาร|ชั้น|"
                      r"สำนักงาน|มหาวิทยาลัย|วิทยาลัย|วัด))")
# "ห้องประชุมพนมรุ้ง (ชั้น 2) สำนักงาน…": a floor or building in brackets is part of the venue, and
# so is a word saying which of the buildings or which part ("ศาลากลางจังหวัดปัตตานี (หลังเดิม)",
# "(หลังใหม่)", "(ปีกซ้าย)", "(ฝั่งตะวันออก)").
FLOOR_BRACKETS = thai_re(r"(?<=\S)\s\((?:(?:ชั้น|อาคาร|ตึก|ห้อง|โซน|หลัง(?!จาก)|ปีก|ฝั่ง|มุข)[^()\n]{0,30}|เดิม|ใหม่|เก่า)\)")
ADDRESS_BRACKETS = thai_re(rf"(?<=\S)\s\((?![A-Za-z])[^()\n]{{2,30}}\)(?={ADDRESS_GOES_ON})")
_HIDDEN_QUOTES = str.maketrans({'"': "\ue000", "“": "\ue001", "”": "\ue002", "(": "\ue003", ")": "\ue004"})
_SHOWN_QUOTES = str.maketrans({"\ue000": '"', "\ue001": "“", "\ue002": "”", "\ue003": "(", "\ue004": ")", "\ue005": "ณ"})
# "นายสมคิด ณ พัทลุง", "นางสาวอรุณี ณ ระนอง": "ณ" right after a given name opens the surname (a
# province's name) and is no venue word; the venue is the "ณ" after it.
SURNAME_NA = thai_re(r"(?:(?<=\s)|^)((?:นางสาว|นาง|นาย|ดร\.)\s?[\u0e01-\u0e4e]{2,20})\sณ(?=\s(?!ห้อง|โรงแรม|หอ|โรงเรียน|อาคาร|สำนักงาน|ศาลา|สนาม|วันที่|ศูนย์|วัด|มหาวิทยาลัย|ลาน|บริเวณ|ที่ว่าการ|ค่าย|อุทยาน|พิพิธภัณฑ์|วิทยาลัย)[\u0e01-\u0e4e])")
# "ณ ห้องประชุม 1 ชั้น 1 สำนักงานเขตพื้นที่… เขต 1 ได้จัดประชุม…": a room alone is not a place;
# the office written after it is the building, though it is also the subject.
ROOM_ONLY = thai_re(r"^ห้อง(?!\S*(?:ศาลากลาง|อาคาร|สำนักงาน|จังหวัด|โรงเรียน|โรงแรม|มหาวิทยาลัย|วิทยาลัย))\S*"
                    r"(?:\s+[\d]{1,3})?(?:\s+ชั้น\s?[\d]{1,2})?$")
ORGANISER = thai_re(r"^\s+(?P<organiser>(?:สำนักงาน|โรงเรียน|มหาวิทยาลัย|กระทรวง|กรม)\S*(?:\s+เขต\s?\d{1,2})?)\s+(?:ได้)?จัด")


def _venue(paragraphs):
    p = _patterns()
    hide = lambda m: m.group(0).translate(_HIDDEN_QUOTES)  # noqa: E731
    paragraphs = [ADDRESS_BRACKETS.sub(hide, FLOOR_BRACKETS.sub(hide, SCHOOL_BRACKETS.sub(hide, QUOTED_NAME.sub(hide, q))))
                  for q in (SURNAME_NA.sub("\\1 \ue005", q) for q in paragraphs)]
    # "ณ" is the venue's own word; "ที่ห้องประชุม…" only counts in a release without one.
    matches = [m for m in (p["venue"].search(q) for q in paragraphs) if m]
    matches = [m for m in matches if not (m["at"] or m["from"])] or matches[:1]
    for match in matches:
        paragraph = match.string
        venue = re.sub(r"\s+(?:และ|,)$", "", match["venue"].strip(" ,")).strip()
        rest = paragraph[match.end("venue"):]
        organiser = ORGANISER.match(rest) if ROOM_ONLY.match(venue) else None
        if organiser:
            venue, rest = f"{venue} {organiser['organiser']}", rest[organiser.end("organiser"):]
        # "ห้องประชุม สพม.ตรัง กระบี่": the second province belongs to the office's name.
        pair = p["second_province"].match(rest) if p["office_end"].search(venue) else None
        if pair:
            venue, rest = venue + pair.group(0), rest[pair.end():]
        whole = p["province"].match(venue)
        if whole and whole.end() == len(venue):
            # "ณ จังหวัดเลย": only a province
            return None, PROVINCE_ALIASES.get(whole["province"], whole["province"]), venue
        province = p["province"].match(rest)
        province = province or p["province_in"].search(venue) or p["model_school"].search(venue)
        name = province["province"] if province else None
        return ((venue or "").translate(_SHOWN_QUOTES) or None, PROVINCE_ALIASES.get(name, name),
                province and province.group(0).strip())
    return None, None, None


def _province_of_place(venue, paragraphs):
    """(province, words) written after the last word of the venue ("โรงเรียนวัดไทรงาม")
    where the release names that place with its address, or None."""
    place = venue.split()[-1]
    if len(place) < 6:
        return None
    names = alternatives(list(provinces()) + list(PROVINCE_ALIASES))
    address = re.compile(rf"{re.escape(place)}\s+(?:(?:อำเภอ|อ\.)\s?\S+\s+)?(?:จังหวัด|จ\.)\s?(?P<province>{names})")
    for paragraph in paragraphs:
        match = address.search(paragraph)
        if match:
            return PROVINCE_ALIASES.get(match["province"], match["province"]), match["province"]
    return None


def _platform(lead, paragraphs):
    p = _patterns()
    match = p["platform"].search(lead)
    if match:
        return match["platform"]
    for paragraph in paragraphs:
        for match in p["platform"].finditer(paragraph):
            if p["via"].search(paragraph[: match.start()]):
                return match["platform"]
    return None


def _dates(title, paragraphs, labels=()):
    """(publication date, event date or range) as DateMentions, or None; `labels`
    are the page's own "โพสต์เมื่อ …" lines, taken out of the body."""
    p = _patterns()
    lead_text = "\n".join([title] + paragraphs[:1])
    at = _lead_at(paragraphs)
    if at is not None:
        # A lead opening with its day, under site names and menus (or right under the title):
        # a later day in the title ("(สอบวันที่ 7 ก.พ. 69)") is not the event's; a range there
        # holding the lead's day is.
        lead_text = paragraphs[at]
        own = find_dates(lead_text)
        if own and not own[0].is_range:
            lead_text = "\n".join([d.text for d in find_dates(title) if d.is_range and d.first <= own[0].first <= d.last]
                                  + [lead_text])
    elif not find_dates(lead_text):
        # "โรงเรียนบ้านนา สพป.เลย เขต 1" on a line of its own, then the sentence with the date.
        lead_text = "\n".join([title] + paragraphs[:lead_size(paragraphs)])
    published = None
    for label in map(page.unmarked, labels):
        one_part = p["published_line"].match(label)
        rest = one_part["rest"] if one_part else label
        found = find_dates(rest) or [find_numeric_date(rest) or find_numeric_date(label)]
        found = found if found[0] else find_dates(label) or [find_label_date(label)]
        published = published or found[0]
    for paragraph in paragraphs:
        for mention in find_dates(paragraph):
            if p["published"].search(paragraph[: mention.start]):
                published = mention
    lead_dates = find_dates(lead_text)
    # "ซึ่งดำเนินการระหว่างวันที่ 1 ต.ค. 67 – 30 ก.ย. 68": a project's period, not the event
    # the release reports, when a day of its own is written too.
    if len(lead_dates) > 1:
        lead_dates = [d for d in lead_dates if not (d.is_range and p["project_period"].search(lead_text[: d.start]))]
    # "วันจันทร์ที่ 10 พฤศจิกายน 2568 … แถลงข่าว…", then "งานจะจัดขึ้นระหว่างวันที่ 20 – 22 พฤศจิกายน":
    # when the lead opens with a day of its own, a range that does not hold it is another
    # event, announced or recalled; a range holding it ("ระหว่างวันที่ 2 – 4", posted on the 3rd) is this one.
    day = lead_dates[0] if lead_dates and not lead_dates[0].is_range else None
    holds_day = lambda d: day is None or d.first <= day.first <= d.last  # noqa: E731
    event = next((d for d in lead_dates if d.is_range and holds_day(d)), None)
    if event is None:
        for paragraph in paragraphs:
            event = next(
                (d for d in find_dates(paragraph) if d.is_range and p["range_lead_in"].search(paragraph[: d.start])
                 and holds_day(d) and not (lead_dates and p["project_period"].search(paragraph[: d.start]))), None
            )
            if event:
                break
    first = lead_dates[0] if lead_dates else None
    if first is None:
        # "วันที่ 12/06/2567" in the lead: a school page's own way of writing the day.
        numeric = p["numeric_day"].search(lead_text)
        first = numeric and find_numeric_date(lead_text[numeric.end():])
    if published and published.first is None:
        # "๒ กุมภาพันธ์ เวลา ๑๘:๔๐ น." posted without its year: on or after the event.
        known = event or first
        day = known and on_or_after(published.yearless, known.first)
        published = None
        if day:
            published = find_label_date(day.isoformat())
    if not first and published:
        # "เมื่อวันที่ 5 มิถุนายน ที่ผ่านมา": the year is the page's own; "เมื่อวันพุธที่ 2 ที่ผ่านมา":
        # the month too.
        first = find_yearless(lead_text, published.first) or find_weekday_day(lead_text, published.first)
    if not first and not event:
        # "ขอแสดงความยินดีกับ…" with no day in the lead, then "… เข้ารับรางวัลเมื่อวันที่ 16 มกราคม
        # 2568 ณ หอประชุมคุรุสภา": the day written with the place is the event's (not the page's).
        event = next((d for q in paragraphs for d in find_dates(q) if p["dated_place"].match(q, d.end)), None)
    return published or first, event or first


def _lead_at(paragraphs):
    """Where among the first paragraphs the lead is when one opens with its day and none before
    it has a date (site names, menus, a category line, the headline), or None."""
    for at, paragraph in enumerate(paragraphs[:5]):
        if page.opens_with_date(paragraph):
            return at
        if find_dates(paragraph) or page.NUMERIC_DATE.search(paragraph):
            return None
    return None


def _is_date_label(paragraph):
    return page.is_date_line(paragraph)


def _first_match(pattern, texts):
    for text in texts:
        match = pattern.search(text)
        if match:
            return match
    return None


def _iso(day):
    return day.isoformat() if day else None


def _category(header, paragraphs, categories):
    """A category the page itself files the release under: one of `categories` written
    in the page header (a breadcrumb, "ภาพกิจกรรม สำนักงาน…") or after "หมวดหมู่";
    a body that merely uses the word does not count."""
    names = sorted(categories, key=len, reverse=True)
    labelled = [q[m.end():] for q in paragraphs for m in [CATEGORY_LABEL.search(q)] if m]
    for line in header + labelled:
        for name in names:
            at = line.find(name)
            # A whole word, not part of a longer one ("กิจกรรม" in "ภาพกิจกรรม").
            if at >= 0 and not any("\u0e01" <= c <= "\u0e4e" for c in line[at - 1:at][:1] + line[at + len(name):at + len(name) + 1]):
                return name
    return None


def parse(text, spans=False, categories=None):
    """The facts a release states (see docs/importer.md); None where it says nothing.

    `categories` are the names a release may be filed under (default: the portal's
    two); "category" is one of them the page names, else None.

    With spans=True the result also has "spans": where in `text` each fact was
    written (see _spans), for the admin to highlight; the schema is otherwise the same.
    """
    p = _patterns()
    prepared = page.prepare(text)
    categories = DEFAULT_CATEGORIES if categories is None else tuple(categories)
    title, paragraphs, header, credit_lines = page.split_page(prepared, categories)
    tags = page.hashtags("\n".join(paragraphs + credit_lines))
    body_paragraphs = [q for q in (page.strip_hashtags(q) for q in paragraphs) if q]
    labels = [q for i, q in enumerate(body_paragraphs)
              if _is_date_label(q) or page.posted_above_lead(q, body_paragraphs[i + 1] if i + 1 < len(body_paragraphs) else "")]
    body_paragraphs = [q for q in body_paragraphs if q not in labels]
    lead = body_paragraphs[0] if body_paragraphs else ""
    published, event = _dates(title, body_paragraphs, labels)
    venue, province, province_words = _venue(body_paragraphs)
    if province is None and venue:
        # "โรงเรียนวัดไทรงาม อำเภอบางเลน จังหวัดนครปฐม จัด… ณ ห้องสมุด… โรงเรียนวัดไทรงาม": the
        # place the venue names is given its province where the release first names it.
        province, province_words = _province_of_place(venue, body_paragraphs) or (None, None)
    dateline = p["dateline"].match(lead)
    if province is None and dateline:
        province, province_words = PROVINCE_ALIASES.get(dateline["province"], dateline["province"]), dateline["province"]
    where_people, claimed = [], []
    chair, attendees = find_people(body_paragraphs, where_people, claimed)
    groups = find_groups(body_paragraphs, claimed)
    fiscal = _first_match(p["fiscal"], [title] + body_paragraphs)
    fiscal_year = parse_int(fiscal["y"]) if fiscal else None
    if fiscal_year is not None and fiscal_year < 100:
        fiscal_year += 2500
    time, time_words = find_time(lead)
    if time is None:
        time, time_words = find_time("\n".join(body_paragraphs))
    platform = _platform(lead, body_paragraphs[1:])
    count = _first_match(p["count"], body_paragraphs)
    reads = _first_match(p["reads"], prepared.split("\n"))  # the counter is page furniture
    facts = {
        "title": title or None,
        "published_date": _iso(published.first) if published else None,
        "event_start": _iso(event.first) if event else None,
        "event_end": _iso(event.last) if event else None,
        "time": time,
        "venue": venue,
        "province": province,
        "online_platform": platform,
        "chair": chair,
        "attendees": attendees,
        "participant_count": parse_int(count["n"]) if count else None,
        "fiscal_year_be": fiscal_year,
        "tags": tags,
        "credits": page.credits_from(credit_lines),
        "read_count": parse_int(reads["n"]) if reads else None,
        "office": _office(title, header, tags),
        "body": "\n\n".join(body_paragraphs) or None,
        # Beyond the command's JSON schema: the admin and the drafts use them.
        "category": _category(header, body_paragraphs, categories),
        "attending_groups": groups,
    }
    if spans:
        words = {
            "published_date": published and published.text, "event": event and event.text, "time": time_words,
            "venue": venue, "province": province_words, "online_platform": platform,
            "participant_count": count and count.group(0), "fiscal_year_be": fiscal and fiscal.group(0),
        }
        people = [(body_paragraphs[i][start:end], attendee["position"])
                  for (i, start, end), attendee in zip(where_people, attendees)]
        facts["spans"] = _spans(text, facts, words, people)
    return facts


def _spans(text, facts, words, people):
    """{field: [start, end]} in the text as given; "attendees" is a list of
    {"name": [start, end], "position": [start, end] or None}; a fact whose words
    cannot be found again has no entry."""
    found = {}
    title = locate(text, facts["title"]) if facts["title"] else None
    if title:
        found["title"] = title
    after_title = title[1] if title else 0
    for field, snippet in words.items():
        # A date may be written in the title; everything else is in the body, and
        # the province is written with or after the venue.
        start = 0 if field in ("published_date", "event") else after_title
        if field == "province" and "venue" in found:
            start = found["venue"][0]
        where = locate(text, snippet, start) or locate(text, snippet, after_title)
        if where:
            found[field] = where
    if "event" in found:
        found["event_start"] = found["event_end"] = found.pop("event")
    category = facts["category"] and locate(text, facts["category"])
    if category:
        found["category"] = category
    # Each group where it is written; the admin marks them all under one field.
    groups = [locate(text, group, after_title) for group in facts["attending_groups"]]
    if any(groups):
        found["attending_groups"] = [where for where in groups if where]
    office = facts["office"] and locate(text, facts["office"])
    if office:
        found["office"] = office
    for key, value in facts["credits"].items():
        where = value and locate_last(text, value)
        if where:
            found[key] = where
    found["attendees"] = []
    cursor = after_title
    for name_words, position in people:
        name = locate(text, name_words, cursor) or locate(text, name_words, after_title)
        held = None
        if name and position:
            # The position is written just after the name, or (ผู้อำนวยการโรงเรียน… นายก ข) before it.
            held = locate(text, position, name[1], name[1] + 400)
            if held is None:
                held = locate_last(text[max(0, name[0] - 400):name[0]], position)
                held = held and [held[0] + max(0, name[0] - 400), held[1] + max(0, name[0] - 400)]
        if name:
            cursor = name[1]
        found["attendees"].append({"name": name, "position": held})
    return found
