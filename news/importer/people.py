"""Named people in a release: honorific, name, the position written with the
name, and the part they played (chair, panelist, participant).

A person is only ever a name the text writes after an honorific or rank; groups
("ผู้บริหารระดับสูง", "ศึกษาธิการจังหวัด") have none and are never people.
"""

import re

from news.thaitext import HONORIFICS

from .names import looks_like_name
from .patterns import alternatives, provinces, thai_re

# Words that begin like a title but are not one (นายกรัฐมนตรี is a position).
NOT_NAMES = (
    "นายกรัฐมนตรี", "นายกเทศมนตรี", "นายกสมาคม", "นายกองค์การ", "นายกสภา", "นายกอบต", "นายกอบจ", "นายกสโมสร",
    "นายกชมรม", "นายกเหล่า", "นายอำเภอ", "นายทะเบียน", "นายช่าง", "นายจ้าง", "นายหน้า", "นายทหาร", "นายตำรวจ",
    "นายสิบ", "นายสถานี", "นายด่านศุลกากร", "นางพยาบาล", "นางแบบ",
    "นายแพทย์สาธารณสุข", "นายแพทย์ใหญ่", "นายแพทย์เชี่ยวชาญ", "นายแพทย์ชำนาญการ",
)
# Thai is written without spaces between words: a title may follow these directly.
GLUE = ("และ", "จาก", "โดยมี", "โดย", "กับ", "ให้", "มี", "คือ", "แก่", "ได้แก่", "ด้วย", "อาทิ", "ถึง", "ของ", "ว่า", "พร้อม", "ต่อ", "แด่")

# A police or military rank is written "พ.ต.อ.หญิง" for a woman.
_HONORIFIC = rf"(?:{alternatives(HONORIFICS)})(?:\s?หญิง(?=\s))?"
_HONORIFIC_CHAIN = rf"{_HONORIFIC}(?:\s?{_HONORIFIC})*"
_WORD = r"[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]+"  # Thai letters and marks, no digits or ฯ
# Family names of the ณ lineages, written with a space: "ณ ระนอง", "สนิทวงศ์ ณ อยุธยา".
_NA_FAMILY = "(?:อยุธยา|ป้อมเพชร|ระนอง|สงขลา|ถลาง|นคร|พัทลุง|บางช้าง|ลำปาง|เชียงใหม่|น่าน|ลำพูน|มหาชัย|ตะกั่วทุ่ง|พิศณุโลก)"
# A given name starts with a consonant or a leading vowel ("นางสาวิตรี" is นาง สาวิตรี) and
# has two letters at least ("นายก อบต.…" is a position).
MENTION = thai_re(rf"(?P<honorific>{_HONORIFIC_CHAIN})\s?(?P<given>[\u0e01-\u0e2e\u0e40-\u0e44][\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]+)[ \t]{{1,3}}(?P<family>(?:{_WORD} )?ณ {_NA_FAMILY}(?![\u0e01-\u0e4e])|{_WORD})")

MONK = thai_re(r"(?<![\u0e01-\u0e4e])(?P<honorific>พระครู|พระมหา|พระอธิการ|พระปลัด|พระใบฎีกา|พระสมุห์)\s?"
               r"(?P<given>[\u0e01-\u0e4e]{3,30})(?=\s+(?:รอง|ผู้ช่วย)?(?:เจ้าคณะ|เจ้าอาวาส))")
LATIN_MENTION = re.compile(r"(?<![A-Za-z])(?P<honorific>Mr\.|Mrs\.|Ms\.|Miss|Dr\.|Prof\.)\s?(?P<given>[A-Z][a-z]+)"
                           r" (?P<family>[A-Z][A-Za-z'-]+)")

# Where the words about a person stop: the verb of the sentence or a new clause.
STOPS = thai_re(
    r"(?:เป็นประธาน|เข้าร่วม|พร้อมด้วย)|(?:^|\s+)(?:ประธานเปิด|ประธานในพิธี|เข้าร่วม|ร่วมประชุม|ร่วมเสวนา|ร่วมกัน|ร่วมพิธี|กล่าว|เปิดเผย|"
    r"พร้อมด้วย|พร้อมทั้ง|ร่วมด้วย|โดยมี|โดยได้|เป็นผู้แทน|ทำหน้าที่|มอบหมาย|หมอบหมาย|ได้รับมอบหมาย|ได้(?!แก่)|ณ\s|ซึ่ง|เพื่อ|ให้การต้อนรับ|ให้เกียรติ|"
    r"บรรยาย|เยี่ยม|ตรวจ|มอบ|นำ|ลงพื้นที่|ประชุม)"
    r"|\s*(?:#|>>|[“”\"]|,|\n)|$"
)
# A position is one unit ("รองเลขาธิการ กพฐ."); a new role word begins a group or
# another person's position, so it ends the unit. These may continue a unit:
CONTINUES = thai_re(
    r"^(?:สังกัด|ประจำ|ติดตามและประเมินผล|สาขา|กลุ่มสาระ|ประเทศไทย|รักษาราชการแทน|รักษาราชแทน|รักษาการแทน|รักษาการ|ปฏิบัติราชการแทน|ปฏิบัติหน้าที่|สำนักงาน|สำนัก|โรงเรียน|"
    r"กระทรวง|กรม|จังหวัด|อำเภอ|เขต|มหาวิทยาลัย|วิทยาลัย|สถาบัน|สถานเอกอัครราชทูต|สถานกงสุล|ภาค|ฝ่าย|กลุ่มงาน|\d)"
)
ROLE_WORDS = thai_re(r"^(?:ผู้|ผอ\.|รอง|ประธาน|ศึกษาธิการ|เลขาธิการ|ครู|นัก|บุคลากร|ข้าราชการ|คณะ|หัวหน้า|ปลัด|อธิบดี|"
                     r"ผู้ว่า|นายก|นายอำเภอ|นายแพทย์สาธารณสุข|รัฐมนตรี|ศึกษานิเทศก์|อาจารย์|เจ้าหน้าที่|เจ้าพนักงาน|พนักงาน|รมว\.|รมช\.|ที่ปรึกษา|อธิการบดี|คณบดี|กรรมการ|สมาชิก|ตัวแทน|ผู้แทน)")
# "กพฐ.", "สพป.ขอนแก่น", and a civil-service grade "คศ.3".
_ABBREVIATION = re.compile(r"^[\u0e01-\u0e4e]{1,6}\.(?:[\u0e01-\u0e4e]{1,6}\.?)*\d{0,2}$")
_PAREN = re.compile(r"\s*\(")
SCHOOL_BRACKETS = re.compile(r"\s?\([^()\n]{2,30}\)")
SCHOOL_NAMED = thai_re(r"โรงเรียน[^\s()]*(?:\s\d{1,3})?$")
BRACKETED = re.compile(r"\s*\(\s*(?P<position>[^()\n]{3,120}?)\s*\)")

# Who chaired, and how: "เป็นประธานเปิด…" / "ประธานในพิธีเปิด…" is an opening chair.
CHAIRED = thai_re(r"(?:เป็น|ร่วมเป็น)?ประธาน(?P<opening>ในพิธีเปิด|พิธีเปิด|กล่าวเปิด|ในการเปิด|เปิด)?(?:ในพิธี|การ|ใน|ฝ่าย)?")
# "กล่าวเปิดการอบรม", "ทำพิธีเปิด…": whoever opens the event is its opening chair.
# "มอบหมายให้ X … เป็นผู้แทนในการเปิดงาน": X opens it on the other's behalf.
CHAIR_VERB = thai_re(r"เป็นประธาน|ทำหน้าที่(?:เป็น)?ประธาน|ประธานเปิด|ประธานในพิธี|(?:เป็นผู้)?กล่าวเปิด|ทำพิธีเปิด|เป็นผู้เปิด"
                     r"|เป็นผู้แทน(?:ใน)?(?:การ|พิธี)?(?:เปิด|เป็นประธาน)")
# "ในพิธีเปิดเมื่อวันที่ … ได้รับเกียรติจาก นางสาวก ข … เป็นประธาน": the chair of the opening.
OPENING_BEFORE = thai_re(r"พิธีเปิด(?:(?!ประธาน)[^\n“”\"]){0,80}?(?:ได้รับเกียรติจาก|โดยมี|โดย)?\s*$")
SHARED = re.compile(r"^\s*(?:และ|,)\s*$")
JOINT = thai_re(r"ร่วม(?:กัน)?\s*$")  # "ร่วมเป็นประธาน": chaired together with the one named before
ASSIGNED = thai_re(r"ม?อบหมายให้|หมอบหมายให้")
HONOURED = thai_re(r"(?:ซึ่ง|ได้|จะ)?\s*(?:(?:ได้)?รับเกียรติ(?:ให้)?|ให้เกียรติ)?\s*(?:มา)?\s*")
# "ประธานในพิธี ได้แก่ นายก ข": the chair named after the word.
CHAIR_NAMED_AFTER = thai_re(r"ประธาน(?P<what>ในพิธี|การประชุม|ของงาน|ใน(?:การ|พิธี)?\S{2,20}?)?(?:\s?ครั้งนี้)?\s*(?:ได้แก่|คือ|:)\s*$")
RECEIVED = thai_re(r"(?:ได้)?รับมอบหมาย(?:จาก[^\n“”\"]{0,80}?)?\s*ให้\s*(?=(?:เป็น|ร่วมเป็น)?ประธาน)")
ASSIGNED_BY = thai_re(r"(?:ได้)?รับมอบหมายจาก\s*$")
PANEL = thai_re(r"เสวนา|อภิปราย")
SPEAKER = thai_re(r"วิทยากร|บรรยาย")
SPEAKER_AFTER = thai_re(r"(?:^|\s)(?:ร่วม)?(?:เป็นวิทยากร|บรรยาย)")
PANEL_AFTER = thai_re(r"(?:^|\s)(?:ร่วมเสวนา|เป็นผู้ร่วมเสวนา|ร่วมอภิปราย)")
# "นายก ข รองผู้ว่าราชการจังหวัด ประธานกรรมการ กศจ. ดำเนินการประชุม": chairing written as
# the person's title, then the verb of running (or opening) the meeting.
CHAIR_TITLE = thai_re(r"^\s*(?:ในฐานะ\s*)?ประธาน\S*(?:\s+\S+){0,3}?\s+(?:ดำเนินการประชุม|ดำเนินการ|นำการประชุม|"
                      r"(?P<opening>กล่าวเปิด|เปิดการประชุม|เปิดประชุม|เปิดงาน|เปิดการอบรม|เปิดการสัมมนา))")
# "๑) ศ.ดร.ก ข ปลัดกระทรวง… ประธานการประชุม": a list item labelling its chair.
CHAIR_LABEL = thai_re(r"^\s*(?:ในฐานะ\s*)?ประธาน(?:การประชุม|ในที่ประชุม|ในพิธี|(?P<opening>ในพิธีเปิด|พิธีเปิด))[ \t]*(?:\n|$)")
# A paragraph past the lead names attendees only if it says they took part.
TOOK_PART = thai_re(r"เข้าร่วม|กล่าวรายงาน|กล่าวเปิด|ประธานในพิธี|กล่าวต้อนรับ|รับรางวัล|รับมอบ|รับเกียรติบัตร|ร่วมประชุม|เสวนา|อภิปราย|วิทยากร|บรรยาย|ได้รับเกียรติ|พร้อมด้วย|โดยมี|เป็นประธาน|ประธานเปิด|ให้การต้อนรับ")
CITED = thai_re(r"(?:นโยบายของ|ตามนโยบาย|คำสั่งของ|ตามที่|แถลง)\s*$")

ROLE_RANK = {"participant": 0, "speaker": 1, "panelist": 1, "chair": 2, "opening_chair": 2}


def _is_title_start(text, start):
    """A title starts a word: after a non-Thai character or a joining word."""
    if start == 0 or not ("\u0e01" <= text[start - 1] <= "\u0e4e"):
        return True
    return text[:start].endswith(GLUE)


# Official names written with spaces inside: one unit of a position.
SPACED_NAMES = thai_re(r"การอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม|กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร")
# A verb right after a name: no position is written there.
VERB_START = thai_re(r"^(?:เข้า|ร่วม|ได้|เป็น|กล่าว|ให้|มอบ|รับ|จัด|ลง|ชี้แจง|นำ|ตรวจ|เยี่ยม|ประชุม|พบ|แสดง|บรรยาย|ดำเนิน|ทำ)")


def _position_after(text):
    """The position written straight after a name, or '' (and how far it ran)."""
    if text.lstrip().startswith(")"):
        return ""  # "ปลัดกระทรวงศึกษาธิการ (นายโชคดี ออสุวรรณ)": the position is before the name
    bracketed = BRACKETED.match(text)
    if bracketed:
        outside = _position_after(text[bracketed.end():])
        if outside and ROLE_WORDS.match(outside):
            return outside  # "นางสาวก ข (ครูแนน) ครูผู้ฝึกซ้อม": a nickname in brackets
        if ROLE_WORDS.match(bracketed["position"]):
            return bracketed["position"]  # "นางสาวก ข (ผู้อำนวยการกลุ่ม…)"
    stop = STOPS.search(text)
    span = text[: stop.start()] if stop else text
    paren = _PAREN.search(span)
    # "ผู้อำนวยการโรงเรียนเทศบาล ๑ (บ้านบางรัก)": the school's name, not an aside.
    school = paren and SCHOOL_BRACKETS.match(span, paren.start())
    if school and SCHOOL_NAMED.search(span[: paren.start()]):
        paren = _PAREN.search(span, school.end())
    if paren:
        span = span[: paren.start()]
    chunks = SPACED_NAMES.sub(lambda m: m.group(0).replace(" ", "\ue005"), span).split()
    if chunks and chunks[0].startswith(("และ", "กับ", "หรือ")):
        return ""  # "… และผู้ตรวจราชการ สมศักดิ์ …": the next person's position, not this one's
    if chunks and VERB_START.match(chunks[0]):
        return ""  # "… นางก ข เข้ารับโล่รางวัล": a verb, no position written after the name
    kept = []
    company_end = -1
    for i, chunk in enumerate(chunks):
        # "ผู้จัดการฝ่ายบริการ บริษัท โตโยต้า มอเตอร์ ประเทศไทย จำกัด": a company's name runs to จำกัด.
        if i and chunk.startswith("บริษัท") and "จำกัด" in chunks[i:i + 8]:
            company_end = i + chunks[i:i + 8].index("จำกัด")
        if i <= company_end:
            kept.append(chunk)
            continue
        # "รอง ผอ.สพป.…", "ผู้ช่วย ผอ.…", "นายก อบต.…" are written with a space inside one title.
        if i and " ".join(kept) in ("รอง", "ผู้ช่วย", "รักษาการ", "นายก"):
            kept.append(chunk)
            continue
        # A secondary-area office may cover two provinces: "…มัธยมศึกษาตรัง กระบี่".
        second_province = bool(kept) and chunk in provinces() and kept[-1].endswith(tuple(provinces()))
        # "…กิจการนักเรียน นักศึกษา": vocational colleges name their students both ways.
        students = bool(kept) and chunk.startswith("นักศึกษา") and kept[-1].endswith("นักเรียน")
        school = chunk.startswith("(") and chunk.endswith(")") and bool(SCHOOL_NAMED.search(" ".join(kept)))
        # "คณบดีคณะครุศาสตร์ จุฬาลงกรณ์มหาวิทยาลัย": a university named before the word.
        university = chunk.endswith("มหาวิทยาลัย")
        # "ผู้อำนวยการ British Council ประเทศไทย": a body named in English.
        university = university or bool(re.match(r"^[A-Z][A-Za-z&.-]*$", chunk))
        # "รองคณบดี… คณะแพทยศาสตร์ มหาวิทยาลัย…": a faculty, not a group (คณะครู).
        university = university or bool(re.match(r"^คณะ\S*ศาสตร์", chunk))
        # "…มหาวิทยาลัยศรีนครินทรวิโรฒ ประสานมิตร ร่วมเสวนา": a campus named last, before the verb.
        campus = i == len(chunks) - 1 and bool(kept) and "มหาวิทยาลัย" in kept[-1]
        university = university or (campus and not ROLE_WORDS.match(chunk) and not VERB_START.match(chunk)
                                    and not chunk.startswith(("และ", "กับ")))
        if i and not (CONTINUES.match(chunk) or second_province or students or school or university
                      or (_ABBREVIATION.match(chunk) and not ROLE_WORDS.match(chunk))):
            break
        kept.append(chunk)
    while kept and kept[-1] in ("และ", "กับ", "รวมทั้ง"):
        kept.pop()
    return " ".join(kept).replace("\ue005", " ")


LIST_OPENER = thai_re(r"\s*(?:ได้แก่|ประกอบด้วย|คือ|:)\s*$")
LIST_WORD = thai_re(r"(?:^|\s)(?:ได้แก่|ประกอบด้วย|คือ)\s|:\s*")
# Words for many people, never one person's position: "รองศึกษาธิการจังหวัด นายก ข ผู้บริหาร
# สถานศึกษา และครู…" lists a group after the person, whose position is the one before.
PLURAL_GROUP = thai_re(r"^(?:ผู้บริหาร(?:สถานศึกษา|การศึกษา|โรงเรียน)?|ข้าราชการครู\S*|ข้าราชการ|คณะ\S*|บุคลากร\S*|ผู้ปกครอง\S*)"
                       r"(?:\s?(?:ในสังกัด|ทุกคน|ทุกท่าน))?$")


def _position_before(text):
    """'ผู้อำนวยการโรงเรียนบ้านนา นายสมชาย …': a role written just before the name."""
    # "… และมีศึกษานิเทศก์ ได้แก่ นางก ข, …": the position introduces a list of names;
    # "ประธานเครือข่าย ได้แก่ ผู้อำนวยการโรงเรียนบ้านนา นายก ข": the words after the list
    # word are this one's position.
    words = LIST_WORD.split(LIST_OPENER.sub("", text))[-1].split()
    for i in range(len(words)):
        # "… และศึกษาธิการจังหวัด นายวิทยา": the joining word is not part of the position.
        candidate = re.sub(r"^(?:และ|กับ)?(?:โดยมี|มี)?(?=[\u0e01-\u0e4e]{3})", "", " ".join(words[i:]))
        if ROLE_WORDS.match(candidate) and len(words) - i <= 4:
            return candidate.rstrip(" ,(")
    return ""


# A position typed against the surname ("ใจดีผู้อำนวยการ…") is cut off the name.
GLUED_POSITION = thai_re(r"(?<=[\u0e01-\u0e4e]{2})(?:ผู้อำนวยการ|ผู้ช่วย|รองผู้|รองเลขาธิการ|เลขาธิการ|ศึกษาธิการ|ผอ\.|"
                         r"ปลัด|รองปลัด|ผู้ว่าราชการ|ศึกษานิเทศก์|หัวหน้า|นักวิชาการ|นักวิเคราะห์)")


class Mention:
    def __init__(self, paragraph, index, start, end, honorific, given, family, family_start):
        self.start, self.end = start, end
        self.honorific = re.sub(r"\s+", " ", honorific).strip()
        glued = GLUED_POSITION.search(family)
        if glued:
            family = family[: glued.start()]
            self.end = family_start + glued.start()
        self.name = f"{given} {family}".strip()  # a monk has one name
        self.paragraph = paragraph
        self.index = index
        self.position = ""
        self.role = "participant"
        self.assigner = False

    @classmethod
    def from_match(cls, match, paragraph, index):
        return cls(paragraph, index, *match.span(), match["honorific"], match["given"], match["family"],
                   match.start("family"))


def _mentions(paragraph, index):
    found = []
    position = 0
    while match := MENTION.search(paragraph, position):
        # A match inside a word (the "ศ. และนางสาวก ข" of "กอศ. และนางสาวก ข": ศ. is a
        # title) is searched again one character on, so it does not hide the real one.
        if not _is_title_start(paragraph, match.start()):
            position = match.start() + 1
            continue
        # A rejected match is searched again from its last word: "นายอำเภอท่าอุเทน นายสมชาย ใจดี"
        # first matches "นายอำเภอท่าอุเทน นายสมชาย" (a position), which must not hide the person.
        position = match.start("family")
        if (match["honorific"] + match["given"]).startswith(NOT_NAMES):
            continue
        if ROLE_WORDS.match(match["family"]) or ROLE_WORDS.match(match["given"]):
            continue  # "นายสมชาย ผู้อำนวยการ…": no surname written, so not a full name
        if CITED.search(paragraph[: match.start()]):
            continue
        found.append(Mention.from_match(match, paragraph, index))
        position = match.end()
    # Monks: "พระครูวิมลธรรมโสภณ เจ้าคณะอำเภอเมืองแพร่", one name, known by the monastic post after it.
    for match in MONK.finditer(paragraph):
        if not any(m.start <= match.start() < m.end for m in found):
            found.append(Mention(paragraph, index, match.start(), match.end("given"), match["honorific"],
                                 match["given"], "", match.end("given")))
    # Foreign teachers and guests: "Mr.John Smith ครูชาวต่างชาติ".
    for match in LATIN_MENTION.finditer(paragraph):
        if not CITED.search(paragraph[: match.start()]):
            found.append(Mention.from_match(match, paragraph, index))
    found.extend(_bare_mentions(paragraph, index, found))
    return sorted(found, key=lambda mention: mention.start)


# Two words written as a name (each a word of its own), for people without an honorific.
# "ท่านสมพงษ์ ศรีสุวรรณ" (a courtesy word, not a title) and "…และสุดา แก้วใส" are written
# against the word before.
BARE_NAME = re.compile(rf"(?:(?<![\u0e01-\u0e4e.])|(?<=(?<![\u0e01-\u0e4e])ท่าน)|(?<=(?<![\u0e01-\u0e4e])และ))"
                       rf"(?P<given>{_WORD}) (?P<family>{_WORD})(?=[\s,]|$)")
# A verb is not a family name ("…มัธยมศึกษาสุราษฎร์ธานี ชุมพร เป็นประธาน…").
NOT_FAMILY = thai_re(r"^(?:เป็น|ร่วม|ได้|กล่าว|ให้|เข้า|ลง|มอบ|จัด|พร้อม|โดย)")


def _bare_mentions(paragraph, index, taken):
    """People written without an honorific ("ปลัดกระทรวงศึกษาธิการ ธนู ทองคำ เป็นประธาน",
    "อัมพร พินะสา เลขาธิการ กพฐ. ลงพื้นที่"): only a known given name and a family name
    (see names.py) with a position written next to them, so no phrase becomes a person."""
    found = []
    for match in _overlapping(BARE_NAME, paragraph):
        start, end = match.span()
        if any(m.start <= start < m.end or start <= m.start < end for m in taken + found):
            continue
        given, family = match["given"], match["family"]
        if ROLE_WORDS.match(given) or ROLE_WORDS.match(family) or NOT_FAMILY.match(family):
            continue
        if not looks_like_name(given, family):
            continue
        after, before = paragraph[end:], paragraph[:start]
        # The position is written right after the name (no comma between) or right before it.
        position_after = ROLE_WORDS.match(after.lstrip(" "))
        tail = [part for part in STOPS.split(before) if part.strip()]
        held = _position_before(tail[-1]) if tail else ""
        listed = bool(held) and bool(LIST_OPENER.search(tail[-1]))  # "ศึกษานิเทศก์ … ได้แก่ สมศรี ใจดี"
        # "… ได้แก่ สมศรี ใจดี และวันดี มีสุข": the next name of the same list.
        joined = bool(found) and SHARED.match(paragraph[found[-1].end:start]) is not None and found[-1].listed
        if not position_after and not (held and tail[-1].rstrip().endswith(held)) and not listed and not joined:
            continue
        if CITED.search(before) or _in_quote(paragraph, start):
            continue
        mention = Mention(paragraph, index, start, end, "", given, family, match.start("family"))
        mention.listed = listed or joined
        found.append(mention)
    return found


def _overlapping(pattern, text):
    """Every match, also those starting inside an earlier one ("ก ข ค": "ก ข" and "ข ค")."""
    position = 0
    while True:
        match = pattern.search(text, position)
        if not match:
            return
        yield match
        position = match.start() + 1


def _in_quote(paragraph, position):
    before = paragraph[:position]
    return before.count("“") > before.count("”")


def _describe(mentions):
    """Fill in each mention's position, role and whether it assigned the chair."""
    for i, mention in enumerate(mentions):
        mention.joint = False
        text = mention.paragraph
        mention.gap_to_next = ""
        if i + 1 < len(mentions) and mentions[i + 1].paragraph is text:
            mention.gap_to_next = text[mention.end:mentions[i + 1].start]
        nxt = mentions[i + 1].start if i + 1 < len(mentions) and mentions[i + 1].paragraph is text else len(text)
        mention.position = _position_after(text[mention.end:nxt])
        mention.list_position = False
        if not mention.position or PLURAL_GROUP.match(mention.position):
            prev_end = mentions[i - 1].end if i and mentions[i - 1].paragraph is text else 0
            gap = text[prev_end:mention.start]
            if i and mentions[i - 1].paragraph is text:
                used = _position_after(gap)
                gap = gap.split(used, 1)[1] if used and used in gap else gap
            tail = [part for part in STOPS.split(gap) if part.strip()]
            before = _position_before(tail[-1]) if tail else ""
            if before or not mention.position:
                mention.position = before
                # "ศึกษานิเทศก์ ได้แก่ …" and "ศึกษานิเทศก์ก ข และค ง": a position written once
                # before names joined by "และ" or commas is each one's.
                mention.list_position = bool(before)
        after = text[mention.end:nxt]
        verb = _chair_verb(after)
        if ASSIGNED.search(after) and not (verb and verb.start() < ASSIGNED.search(after).start()):
            mention.assigner = True
        elif ASSIGNED_BY.search(text[:mention.start]):
            mention.assigner = True
        elif verb or (named := CHAIR_NAMED_AFTER.search(text[:mention.start])):
            chaired = verb and CHAIRED.match(after, verb.start())
            opening = ("เปิด" in verb.group(0) or (chaired and chaired["opening"])) if verb else "เปิด" in (named["what"] or "")
            mention.role = "opening_chair" if opening or OPENING_BEFORE.search(text[:mention.start]) else "chair"
            # "ก … และ ข … ร่วมเป็นประธาน" / "… เป็นประธานร่วม": chaired together.
            mention.joint = bool(verb and (JOINT.search(after[:verb.start()]) or after.startswith("ร่วม", verb.end())))
        elif titled := mention.position and (CHAIR_TITLE.match(after.split(mention.position, 1)[-1])
                                              or CHAIR_LABEL.match(after.split(mention.position, 1)[-1])):
            mention.role = "opening_chair" if titled["opening"] else "chair"
        elif SPEAKER_AFTER.search(after):
            mention.role = "speaker"
        elif PANEL_AFTER.search(after):
            mention.role = "panelist"
        else:
            before = getattr(mention, "intro", "") + "\n" + text[:mention.start]
            if PANEL.search(before):
                mention.role = "panelist"
            elif SPEAKER.search(before):
                mention.role = "speaker"


def _share_positions(mentions):
    """"ดร.ก ข และ ดร.ค ง รองเลขาธิการ…": both hold the position written once after them.
    "ก ข ตำแหน่ง และ ค ง ตำแหน่ง ร่วมเป็นประธาน": both chair."""
    for i in range(len(mentions) - 2, -1, -1):
        mention, nxt = mentions[i], mentions[i + 1]
        if nxt.joint and mention.role == "participant" and not mention.assigner and mention.paragraph is nxt.paragraph:
            between = mention.gap_to_next.replace(mention.position, "", 1) if mention.position else mention.gap_to_next
            if SHARED.match(between):
                mention.role, mention.joint = nxt.role, True
        # "ก ข ตำแหน่ง และ ค ง ตำแหน่ง ร่วมเป็นวิทยากร": both speak.
        if nxt.role in ("speaker", "panelist") and mention.role == "participant" and mention.paragraph is nxt.paragraph:
            between = mention.gap_to_next.replace(mention.position, "", 1) if mention.position else mention.gap_to_next
            if SHARED.match(between):
                mention.role = nxt.role
        if not mention.position and nxt.position and SHARED.match(mention.gap_to_next):
            mention.position = nxt.position
            if nxt.role != "participant" and not mention.assigner:
                mention.role = nxt.role


def _share_listed_positions(mentions):
    """"ศึกษานิเทศก์ ได้แก่ นางก ข, นายค ง และนางจ ฉ": the position before the list is each one's."""
    for previous, mention in zip(mentions, mentions[1:]):
        if (previous.list_position and not mention.position and mention.paragraph is previous.paragraph
                and SHARED.match(previous.gap_to_next)):
            mention.position, mention.list_position = previous.position, True


def _chair_verb(after):
    """The "เป็นประธาน…" of this person's own clause: the first verb after the name
    and its position, so a chair named later in the sentence is not given to them."""
    first = STOPS.search(after)
    if not first:
        return None
    rest = after[first.start():]
    offset = len(rest) - len(rest.lstrip())
    # "ได้รับมอบหมายจากปลัดกระทรวงฯ ให้เป็นประธาน…": this person chairs, on another's behalf.
    # "ได้รับเกียรติเป็นประธาน…", "ให้เกียรติมาเป็นประธาน…": an honour, still the chair.
    lead_in = RECEIVED.match(rest[offset:]) or HONOURED.match(rest[offset:])
    if lead_in:
        offset += lead_in.end()
    return CHAIR_VERB.match(after, first.start() + offset)


# "… โดยมีคณะทำงานเข้าร่วม ดังนี้" followed by a numbered list: the list names them.
LIST_INTRO = thai_re(r"(?:ดังนี้|ได้แก่|ประกอบด้วย|ดังรายชื่อต่อไปนี้|:)\s*$")
LIST_BLOCK = re.compile(r"^\s*(?:\d{1,2}[.)]\s|[-•▪●*]\s*)")


def _took_part(paragraphs, index):
    """A paragraph past the lead names attendees if it says they took part, or if it
    is the list a paragraph saying so introduces."""
    paragraph = paragraphs[index]
    if TOOK_PART.search(paragraph):
        return True
    before = _list_intro(paragraphs, index)
    return bool(before and LIST_INTRO.search(before) and TOOK_PART.search(before))


def _list_intro(paragraphs, index):
    """The paragraph introducing the list item `index` ("… ดังนี้"), past the items
    before it ("- นายก ข …" one a line), or '' when it is not a list item."""
    if not LIST_BLOCK.match(paragraphs[index]):
        return ""
    while index > 0 and LIST_BLOCK.match(paragraphs[index - 1]):
        index -= 1
    return paragraphs[index - 1] if index > 0 else ""


def _claimed(mention):
    """(start, end) in its paragraph of a person's name with the position written
    beside it: words a group must not be read from."""
    text, start, end = mention.paragraph, mention.start, mention.end
    if mention.position:
        after = text.find(mention.position, end, end + len(mention.position) + 8)
        if after >= 0:
            end = after + len(mention.position)
        else:
            before = text.rfind(mention.position, max(0, start - len(mention.position) - 8), start)
            start = before if before >= 0 else start
    return start, end


def find_people(paragraphs, where=None, claimed=None):
    """(chair, attendees) from the body paragraphs, attendees in text order.

    The lead names who took part; a later paragraph counts only if it says so
    (a minister whose policy is quoted did not attend). A person named twice is
    listed once, at the first place, with the more specific role. When `where` is
    a list, it gets (paragraph index, start, end) of each attendee's first mention.
    """
    mentions = []
    for index, paragraph in enumerate(paragraphs):
        if index and not _took_part(paragraphs, index):
            continue
        found = [m for m in _mentions(paragraph, index) if not _in_quote(paragraph, m.start)]
        intro = _list_intro(paragraphs, index) if index else ""
        for mention in found:
            mention.intro = intro  # "วิทยากร ดังนี้" before a list makes its people speakers
        mentions.extend(found)
    _describe(mentions)
    _share_positions(mentions)
    _share_listed_positions(mentions)
    if claimed is not None:
        claimed.extend((m.index, *_claimed(m)) for m in mentions)
    people = {}
    for mention in mentions:
        if mention.assigner:
            continue
        key = mention.name.replace("\u0e4d\u0e32", "\u0e33")
        known = people.get(key)
        if known is None:
            people[key] = {"honorific": mention.honorific or None, "name": mention.name,
                           "position": mention.position or None, "role": mention.role}
            if where is not None:
                where.append((mention.index, mention.start, mention.end))
            continue
        if ROLE_RANK[mention.role] > ROLE_RANK[known["role"]]:
            known["role"] = mention.role
        known["position"] = known["position"] or mention.position or None
    if not any(p["role"] in ("chair", "opening_chair") for p in people.values()):
        _chair_named_elsewhere(paragraphs, people, where)
    attendees = list(people.values())
    chair = next((p for p in attendees if p["role"] in ("chair", "opening_chair")), None)
    if chair:
        chair = {k: chair[k] for k in ("honorific", "name", "position")}
    return chair, attendees


# "ผู้อำนวยการสำนักงานเขตพื้นที่…เขต 3 เป็นประธาน…" with no name: the chair is given by
# position only.
CHAIR_BY_POSITION = thai_re(r"\s*(?:(?:ได้)?รับเกียรติ|ให้เกียรติ)?\s*(?:มา)?\s*(?P<verb>เป็นประธาน|ร่วมเป็นประธาน|ประธานเปิด|ประธานในพิธี|กล่าวเปิด)(?P<opening>เปิด|ในพิธีเปิด|พิธีเปิด)?")


def _chair_named_elsewhere(paragraphs, people, where):
    """A chair written by position only ("ผู้อำนวยการ สพป.… เขต 3 เป็นประธาน…") is the person
    the release names elsewhere with exactly that position ("นายก ข ผู้อำนวยการ สพป.… เขต 3
    กล่าวว่า…"), even in a paragraph that does not say who took part. Without one, there is
    no chair: a position is not a person."""
    named = [m for index, paragraph in enumerate(paragraphs) for m in _mentions(paragraph, index)
             if not _in_quote(paragraph, m.start)]
    _describe(named)
    for mention in named:
        position = mention.position
        if not position or mention.assigner or len(position) < 8:
            continue
        for paragraph in paragraphs:
            at = paragraph.find(position)
            while at >= 0:
                verb = CHAIR_BY_POSITION.match(paragraph, at + len(position))
                # The position stands alone: not the end of a longer title ("รอง…"), not after a name.
                alone = at == 0 or not ("\u0e01" <= paragraph[at - 1] <= "\u0e4e")
                if verb and alone and not any(m.paragraph is paragraph and m.start < at <= m.end + 3 for m in named):
                    key = mention.name.replace("\u0e4d\u0e32", "\u0e33")
                    role = "opening_chair" if verb["opening"] or "เปิด" in verb["verb"] else "chair"
                    person = people.get(key)
                    if person is None:
                        people[key] = {"honorific": mention.honorific or None, "name": mention.name,
                                       "position": position, "role": role}
                        if where is not None:
                            where.append((mention.index, mention.start, mention.end))
                    else:
                        person["role"] = role
                    return
                at = paragraph.find(position, at + 1)


# Groups that took part without names ("ผู้บริหารระดับสูง", "ศึกษาธิการจังหวัด", "คณะครู"):
# words that open a group, in a clause that says who took part.
GROUP_HEAD = (r"(?:รอง\s?|ผู้ช่วย\s?)?(?:ผอ\.|ปลัด|ผู้บริหาร|ผู้อำนวยการ|ศึกษาธิการ|ศึกษานิเทศก์|ผู้ตรวจราชการ|ผู้ทรงคุณวุฒิ|ผู้แทน|ผู้ปกครอง|"
              r"ผู้กำกับ|ผู้เกี่ยวข้อง|ผู้ที่มีส่วนเกี่ยวข้อง|ผู้ที่เกี่ยวข้อง|ผู้เข้า|ผู้ประสานงาน|หัวหน้า|ประธาน|คณะ|ครู|"
              r"บุคลากร|ข้าราชการ|เจ้าหน้าที่|นักเรียน|นักศึกษา|ลูกเสือ|ตัวแทน|สมาชิก|เครือข่าย)")
# From "โดยมี / พร้อมด้วย / มี / ให้กับ / ได้แก่ …" up to the verb or the end of the clause.
GROUP_CLAUSE = thai_re(
    r"(?:โดยมี|พร้อมด้วย|(?:^|(?<=\s))มี|ให้กับ|ได้แก่|ประกอบด้วย|ร่วมกับ)(?P<items>.+?)"
    r"(?=\s*(?:เข้าร่วม|ร่วม|ให้การต้อนรับ|จำนวน|รวม(?!ทั้ง|ถึง)|กว่า|ทั้งสิ้น|ณ\s|เพื่อ|ซึ่ง|โดย(?!มี)|[“\"]|\n)|$)"
)
GROUP_ITEM_SPLIT = thai_re(rf"\s*,\s*(?:และ)?\s*(?=(?:และ)?{GROUP_HEAD})|\s+(?:และ|รวมทั้ง|รวมถึง)\s*|\s*(?:โดยมี|พร้อมด้วย|พร้อมทั้ง)\s*|(?<!รอง)(?<!ผู้ช่วย)\s+(?={GROUP_HEAD})")
GROUP_TAIL = thai_re(r"\s*(?:อีก)?(?:มากมาย|จำนวนมาก|หลายท่าน|ทุกท่าน)$")
GROUP_ITEM = thai_re(rf"^(?:และ)?(?P<group>{GROUP_HEAD}.*)$")


def find_groups(paragraphs, claimed):
    """Groups named as taking part, as written, in text order; `claimed` is find_people's
    (paragraph index, start, end) of every name with its position, which are not groups."""
    groups = []
    for index, paragraph in enumerate(paragraphs):
        if index and not _took_part(paragraphs, index):
            continue
        taken = [(s, e) for i, s, e in claimed if i == index]
        for clause in GROUP_CLAUSE.finditer(paragraph):
            if not TOOK_PART_CLAUSE.match(paragraph, clause.end("items")) and clause.end("items") != len(paragraph):
                continue
            start = clause.start("items")
            for part in GROUP_ITEM_SPLIT.split(clause["items"]):
                where = paragraph.find(part, start) if part else -1
                if where < 0:
                    continue
                start = where + len(part)
                if any(s < where + len(part) and where < e for s, e in taken):
                    continue
                item = GROUP_ITEM.match(part.strip())
                group = item and GROUP_TAIL.sub("", item["group"]).strip(" ,")
                if group and group not in groups and len(group) <= 120:
                    groups.append(group)
    return groups


# What follows a list of those who took part: the verb, a count, or the place.
TOOK_PART_CLAUSE = thai_re(r"\s*(?:เข้าร่วม|ร่วม|ให้การต้อนรับ|จำนวน|รวม|กว่า|ทั้งสิ้น|ณ\s)")
