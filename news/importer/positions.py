"""The position written beside a name: after it ("นายก ข ผู้อำนวยการโรงเรียน…") up to
the verb or a new clause, or before it ("ผู้อำนวยการโรงเรียนบ้านนา นายก ข")."""

import re

from .patterns import provinces, thai_re

# Where the words about a person stop: the verb of the sentence or a new clause.
# "คณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา" (ก.ต.ป.น.): "ตรวจสอบ" is one of its fields there.
# "… มหาวิทยาลัยนเรศวร ในหัวข้อ "…"": the topic of a talk, not a campus's name.
STOPS = thai_re(
    r"(?:เป็นประธาน|เข้าร่วม|พร้อมด้วย)|(?:^|\s+)(?:ประธานเปิด|ประธานในพิธี|เข้าร่วม|ร่วมประชุม|ร่วมเสวนา|ร่วมกัน|ร่วมพิธี|กล่าว|เปิดเผย|"
    r"พร้อมด้วย|พร้อมทั้ง|ร่วมด้วย|ภายในงาน|ภายในการ|จากนั้น|นอกจากนี้|ทั้งนี้|ในการนี้|โดยมี|โดยได้|เป็นผู้แทน|ทำหน้าที่|มอบหมาย|หมอบหมาย|ได้รับมอบหมาย|ได้(?!แก่)|ณ\s|ซึ่ง|เพื่อ|ให้การต้อนรับ|ให้เกียรติ|"
    r"บรรยาย|ปาฐกถา|แสดงปาฐกถา|(?:ใน)?หัวข้อ|เรื่อง\s|เยี่ยม|ตรวจ(?!สอบ\s?ประเมินผล)|มอบ|นำ|ลงพื้นที่|ประชุม|เปิด(?=การ|งาน|โครงการ|กิจกรรม|ค่าย|ศูนย์|อาคาร|นิทรรศการ|สัปดาห์|ตลาด))"
    r"|\s*(?:#|>>|[“”\"]|,|\n)|$"
    r"|\s+\d{1,2}[.)](?=\s|[\u0e01-\u0e4e])"  # "… ปีที่ 4 2. ด.ช.…": the next item of a list numbered inline
    # "… มหาวิทยาลัยขอนแก่น มีครูแกนนำจาก… เข้าร่วม": the clause counting who came.
    r"|\s+มี(?=ผู้|นักเรียน|นักศึกษา|ครู|คณะ|บุคลากร|ประชาชน|ผู้ปกครอง)"
)
# A position is one unit ("รองเลขาธิการ กพฐ."); a new role word begins a group or
# another person's position, so it ends the unit. These may continue a unit:
CONTINUES = thai_re(
    r"^(?:สังกัด|ประจำ|ติดตามและประเมินผล|สาขา|กลุ่มสาระ|ประเทศ|สาธารณรัฐ|ราชอาณาจักร|คนที่|รักษาราชการแทน|รักษาราชแทน|รักษาการแทน|รักษาการ|ปฏิบัติราชการแทน|ปฏิบัติหน้าที่|สำนักงาน|สำนัก|โรงเรียน|"
    r"กระทรวง|กรม|จังหวัด|อำเภอ|ตำบล|หมู่ที่|เขต|มหาวิทยาลัย|วิทยาลัย|สถาบัน|สถานเอกอัครราชทูต|สถานกงสุล|ภาค|ฝ่าย|กลุ่มงาน|\d|"
    # Local government, police and hospitals: "ผู้อำนวยการกองการศึกษา เทศบาลนคร…", "ผู้กำกับการ
    # สถานีตำรวจภูธร…", "พยาบาลวิชาชีพชำนาญการ โรงพยาบาล…", "ปลัด องค์การบริหารส่วนตำบล…"; any organisation
    # ("ผู้เชี่ยวชาญด้าน… องค์การยูนิเซฟ ประเทศไทย", "… องค์กรเพื่อเด็ก…") is where the person works.
    r"เทศบาล|องค์การ|องค์กร|สถานีตำรวจ|ตำรวจภูธร|กองบังคับการ|โรงพยาบาล|ที่ว่าการ|"
    r"สาธารณสุข|ศาลากลาง|"
    # Units of the armed forces: "ผู้บังคับกองพัน กองพันทหารราบที่ 2", "หัวหน้ากองฝึกอบรม อู่ทหารเรือ…".
    r"กองพัน|กองพล|กองร้อย|กรมทหาร|มณฑลทหาร|กองทัพ|ทัพเรือ|ทัพภาค|กองบิน|กองบัญชาการ|ฐานทัพ|อู่ทหาร|หน่วยบัญชาการ|"
    # Units of an office and bodies: "รองผู้อำนวยการ กลุ่มบริหารงานบุคคล", "ครูผู้รับผิดชอบ งานแนะแนว",
    # "ผู้จัดการ ธนาคารออมสิน สาขาเลย" (a group after it, "กลุ่มผู้บริหาร…", is not).
    r"กลุ่ม(?!เป้าหมาย|ผู้|ครู|นักเรียน|นักศึกษา|บุคลากร)|งาน(?!นี้|ดังกล่าว|ครั้ง)|ศูนย์|หน่วย|กอง|ชมรม|สมาคม|มูลนิธิ|"
    r"ธนาคาร|สภา|การไฟฟ้า|การประปา|"
    r"แผนก|"  # a college's department: "ครูชำนาญการ แผนกวิชาช่างยนต์"
    # "โรงเรียนราชินีบูรณะ ในพระบรมราชินูปถัมภ์": a school or body under royal patronage; a hotel.
    r"ใน(?:พระ|สมเด็จ)\S*(?:ูปถัมภ์|อุปถัมภ์)|โรงแรม)"
)
AGENCY_HEADS = ("สาธารณสุข|เกษตร|ปศุสัตว์|ประมง|พัฒนาการ|ท้องถิ่น|วัฒนธรรม|แรงงาน|คลัง|พาณิชย์|สหกรณ์|สรรพากร|"
                "ป้องกัน|สถิติ|ยุติธรรม|อุตสาหกรรม|พลังงาน|ขนส่ง|โยธาธิการและผังเมือง|ท่องเที่ยวและกีฬา|"
                "พัฒนาสังคมและความมั่นคงของมนุษย์|ทรัพยากรธรรมชาติและสิ่งแวดล้อม")
ROLE_WORDS = thai_re(r"^(?:ผู้|ผอ\.|รอง|ประธาน|เจ้าคณะ|เจ้าอาวาส|โต๊ะอิหม่าม|อิหม่าม|ศึกษาธิการ|เลขาธิการ|ครู|นัก|บุคลากร|ข้าราชการ|คณะ|หัวหน้า|ปลัด|อธิบดี|"
                     r"ผู้ว่า|นายก|นายอำเภอ|นายแพทย์สาธารณสุข|"
                     # "สาธารณสุขอำเภอเชียงคำ นายวีระ …", "วัฒนธรรมจังหวัดแพร่ นางสาว…": a district or provincial agency's head.
                     rf"(?:{AGENCY_HEADS})(?:อำเภอ|จังหวัด)|รัฐมนตรี|ศึกษานิเทศก์|อาจารย์|เจ้าหน้าที่|เจ้าพนักงาน|พนักงาน|รมว\.|รมช\.|ที่ปรึกษา|อธิการบดี|คณบดี|กรรมการ|สมาชิก|ตัวแทน|ผู้แทน)")
GRADE_END = thai_re(r"(?:ชำนาญการ(?:พิเศษ)?|เชี่ยวชาญ(?:พิเศษ)?|ปฏิบัติการ|ปฏิบัติงาน|ชำนาญงาน|อาวุโส|คศ\.\s?\d)$")
# "กพฐ.", "สพป.ขอนแก่น", and a civil-service grade "คศ.3".
_ABBREVIATION = re.compile(r"^[\u0e01-\u0e4e]{1,6}\.(?:[\u0e01-\u0e4e]{1,6}\.?)*\d{0,2}$")
_PAREN = re.compile(r"\s*\(")
SCHOOL_BRACKETS = re.compile(r"\s?\([^()\n]{2,30}\)")
SCHOOL_NAMED = thai_re(r"โรงเรียน[^\s()]*(?:\s\d{1,3})?$")
SCHOOL_SPACED = thai_re(r"(โรงเรียน[^\s()]*(?:\s\d{1,3})?\s?)(\([^()\n]{2,30}\))")
QUOTED_NAME = re.compile(r"\s*(?P<name>“[^“”\n]{2,30}”)")
PUBLIC_COMPANY = thai_re(r"(?<=\s)จำกัด\s?\(มหาชน\)")
BRACKETED = re.compile(r"\s*\(\s*(?P<position>[^()\n]{3,120}?)\s*\)")


# "ผู้อำนวยการกองการศึกษา ศาสนา และวัฒนธรรม", "หัวหน้างานทะเบียน วัดผลและประเมินผล": a unit is
# often named by a list of its fields written after a space, the last joined by "และ".
# "ประธานคณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา": a committee is named by its fields too.
# "คณะเกษตรศาสตร์ ทรัพยากรธรรมชาติและสิ่งแวดล้อม": a faculty is named by its fields too.
FIELD_UNIT = thai_re(r"(?:กอง|กลุ่ม|สำนัก|ศูนย์|ฝ่าย|งาน|แผนก|สาขา|ภาควิชา|คณะ(?:อนุ)?กรรมการ|คณะ\S*ศาสตร์)[\u0e01-\u0e4e]*$")
FIELD = re.compile(r"^[\u0e01-\u0e4e]{2,40}$")
# Words a field never opens with: a group of people, another title, or a verb (ROLE_WORDS and
# VERB_START are checked too).
# "… มหาวิทยาลัยศิลปากร และการเสวนา": a body's name and the next event; "… สอนการทำขนม ข้าวต้มมัด
# และขนมชั้น": what a speaker teaches.
NOT_FIELD = thai_re(r"^(?:ประชาชน|ชุมชน|กำนัน|ลูกเสือ|อาสาสมัคร|จิตอาสา|แขก|นาย|นาง|ด\.|ดร\.|พระ|ว่าที่|พล|พัน|ร้อย|จ่า|สิบ|"
                    r"มหาวิทยาลัย|วิทยาลัย|โรงเรียน|สำนักงาน|การ(?:เสวนา|บรรยาย|อบรม|ประชุม|แสดง|แข่งขัน|สาธิต)|"
                    r"สอน|สาธิต|ถ่ายทอด|อธิบาย)")


def _field_list(chunks, i):
    """The index of the last chunk of a list of fields starting at chunks[i] ("ศาสนา",
    "และวัฒนธรรม"; "ศาสนาและวัฒนธรรม"), at most three chunks, or -1."""
    for j in range(i, min(i + 3, len(chunks))):
        words = [w for w in re.split(r"และ", chunks[j]) if w]
        if not FIELD.match(chunks[j]) or any(ROLE_WORDS.match(w) or VERB_START.match(w) or NOT_FIELD.match(w)
                                             or w in provinces() for w in words):
            return -1
        if "และ" in chunks[j] and (j > i or not chunks[j].startswith("และ")):
            return j if not chunks[j].endswith("และ") else -1
    return -1


# Official names written with spaces inside: one unit of a position.
SPACED_NAMES = thai_re(r"การอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม|ติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา|กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร")
# A verb right after a name: no position is written there.
VERB_START = thai_re(r"^(?:เข้า|ร่วม|ได้|เป็น|กล่าว|ให้|มอบ|รับ|จัด|ลง|ชี้แจง|นำ|ตรวจ|เยี่ยม|ประชุม|พบ|แสดง|บรรยาย|ดำเนิน|ทำ|"
                     r"เจริญ|สวด|เทศน์|ประพรม|เจิม|"
                     r"รางวัล|เหรียญ)")  # "เด็กชายก ข รางวัลรองชนะเลิศ": the award, not a position


# "คณะผู้แทนบริติช เคานซิล", "ผู้อำนวยการเจแปน ฟาวน์เดชัน": a body named in Thai letters after a
# role word, in words with a space between.
GLUED_BODY = thai_re(r"(?:ผู้แทน|ผู้อำนวยการ|หัวหน้า|ประธาน|ผู้จัดการ|เลขาธิการ)(?P<body>[\u0e01-\u0e4e]{2,20}(?: [\u0e01-\u0e4e]{2,20}){1,2})")


def foreign_bodies(text):
    """A foreign body's name transliterated with spaces ("บริติช เคานซิล", "เกอเธ่ อินสติทิวท์"): two or
    three words, typed against a role word somewhere and written at least twice in the release, whose
    last word is no Thai word (neither in the dictionary nor made of its words) nor a listed name."""
    from .names import _lists, is_compound_of_words  # names.py loads its lists only when asked
    givens, families, words = _lists()
    found = set()
    for match in GLUED_BODY.finditer(text):
        parts = match["body"].split(" ")
        for size in (3, 2):
            body = " ".join(parts[:size])
            last = body.split(" ")[-1]
            if (len(parts) >= size and text.count(body) >= 2 and last not in words and last not in givens
                    and last not in families and not is_compound_of_words(last)
                    and not any(ROLE_WORDS.match(w) or VERB_START.match(w) or w in provinces() for w in parts[:size])):
                found.add(body)
                break
    return sorted(found, key=len, reverse=True)


HOTEL_END = ("รีสอร์ท", "รีสอร์ต", "โฮเทล", "โฮเต็ล", "สปา")


def position_after(text, bodies=()):
    """The position written straight after a name, or '' (and how far it ran); `bodies` are
    foreign bodies' names written with a space (foreign_bodies) kept whole."""
    for body in bodies:
        text = text.replace(body, body.replace(" ", "\ue005"))
    if text.lstrip().startswith(")"):
        return ""  # "ปลัดกระทรวงศึกษาธิการ (นายโชคดี ออสุวรรณ)": the position is before the name
    bracketed = BRACKETED.match(text)
    if bracketed:
        outside = position_after(text[bracketed.end():])
        if outside and ROLE_WORDS.match(outside):
            return outside  # "นางสาวก ข (ครูแนน) ครูผู้ฝึกซ้อม": a nickname in brackets
        if ROLE_WORDS.match(bracketed["position"]):
            return bracketed["position"]  # "นางสาวก ข (ผู้อำนวยการกลุ่ม…)"
    # "นางสาวก ข ตำแหน่ง ครูชำนาญการพิเศษ": the word "position" labels it.
    text = re.sub(r"^\s*ตำแหน่ง\s*:?\s*", " ", text)
    stop = STOPS.search(text)
    # "ครู โรงเรียนแม่สะเรียง “บริพัตรศึกษา”": a school's second name in quotes is part of it.
    quoted = stop and SCHOOL_NAMED.search(text[: stop.start()]) and QUOTED_NAME.match(text, stop.start())
    if quoted:
        text = text[: stop.start()] + " " + quoted["name"].replace(" ", "\ue005") + text[quoted.end():]
        stop = STOPS.search(text, stop.start() + len(quoted["name"]) + 1)
    span = text[: stop.start()] if stop else text
    # "บริษัท … จำกัด (มหาชน)": a public company's name ends in its brackets.
    span = PUBLIC_COMPANY.sub("จำกัด\ue009", span)
    paren = _PAREN.search(span)
    # "ผู้อำนวยการโรงเรียนเทศบาล ๑ (บ้านบางรัก)": the school's name, not an aside.
    school = paren and SCHOOL_BRACKETS.match(span, paren.start())
    if school and SCHOOL_NAMED.search(span[: paren.start()]):
        paren = _PAREN.search(span, school.end())
    if paren:
        span = span[: paren.start()]
    chunks = SPACED_NAMES.sub(lambda m: m.group(0).replace(" ", "\ue005"), span)
    # "โรงเรียนบดินทรเดชา (สิงห์ สิงหเสนี)": a school's name in brackets may have a space inside.
    chunks = SCHOOL_SPACED.sub(lambda m: m.group(1) + m.group(2).replace(" ", "\ue005"), chunks).split()
    if chunks and chunks[0].startswith(("และ", "กับ", "หรือ")):
        return ""  # "… และผู้ตรวจราชการ สมศักดิ์ …": the next person's position, not this one's
    if chunks and VERB_START.match(chunks[0]):
        return ""  # "… นางก ข เข้ารับโล่รางวัล": a verb, no position written after the name
    kept = []
    company_end = -1
    for i, chunk in enumerate(chunks):
        # "ผู้จัดการฝ่ายบริการ บริษัท โตโยต้า มอเตอร์ ประเทศไทย จำกัด": a company's name runs to จำกัด.
        limited = [j for j, c in enumerate(chunks[i:i + 8]) if c in ("จำกัด", "จำกัด\ue009")]
        if i and chunk.startswith("บริษัท") and limited:
            company_end = i + limited[0]
        # "ผู้จัดการทั่วไป โรงแรมเขาหลัก ซีวิว รีสอร์ท": a hotel's name runs to its last word.
        hotel = [j for j in range(i + 1, min(i + 4, len(chunks))) if chunks[j].endswith(HOTEL_END)]
        if i and chunk.startswith("โรงแรม") and hotel:
            company_end = hotel[0]
        if i <= company_end:
            kept.append(chunk)
            continue
        fields_end = _field_list(chunks, i) if i and FIELD_UNIT.search(kept[-1]) else -1
        if fields_end >= 0:
            company_end = fields_end  # the fields are kept like a company's name
            kept.append(chunk)
            continue
        # "รอง ผอ.สพป.…", "ผู้ช่วย ผอ.…", "นายก อบต.…" are written with a space inside one title.
        if i and " ".join(kept) in ("รอง", "ผู้ช่วย", "รักษาการ", "นายก"):
            kept.append(chunk)
            continue
        # A secondary-area office may cover two provinces: "…มัธยมศึกษาตรัง กระบี่".
        # "ผู้อำนวยการโรงเรียนเบญจมราชูทิศ ราชบุรี": a school may be named with its province's word.
        # "ผู้อำนวยการอลิยองซ์ ฟรองแซส เชียงใหม่": a foreign body's branch is named by its city.
        second_province = bool(kept) and chunk in provinces() and (kept[-1].endswith(tuple(provinces())) or "โรงเรียน" in kept[-1]
                                                                   or any(kept[-1].endswith(b.replace(" ", "\ue005")) for b in bodies))
        # "…กิจการนักเรียน นักศึกษา": vocational colleges name their students both ways.
        students = bool(kept) and chunk.startswith("นักศึกษา") and kept[-1].endswith("นักเรียน")
        school = chunk.startswith("(") and chunk.endswith(")") and bool(SCHOOL_NAMED.search(" ".join(kept)))
        # "คณบดีคณะครุศาสตร์ จุฬาลงกรณ์มหาวิทยาลัย": a university named before the word.
        university = chunk.endswith("มหาวิทยาลัย")
        # "ผู้อำนวยการ British Council ประเทศไทย": a body named in English.
        university = university or bool(re.match(r"^[A-Z][A-Za-z&.-]*$", chunk))
        # "รองคณบดี… คณะแพทยศาสตร์ มหาวิทยาลัย…": a faculty, not a group (คณะครู).
        university = university or bool(re.match(r"^คณะ\S*ศาสตร์", chunk))
        # "รองคณบดีฝ่ายวิชาการ คณะผลิตกรรมการเกษตร มหาวิทยาลัยแม่โจ้": a faculty the university follows.
        university = university or (chunk.startswith("คณะ") and i + 1 < len(chunks) and chunks[i + 1].startswith("มหาวิทยาลัย"))
        # "…มหาวิทยาลัยศรีนครินทรวิโรฒ ประสานมิตร ร่วมเสวนา": a campus named last, before the verb.
        campus = i == len(chunks) - 1 and bool(kept) and "มหาวิทยาลัย" in kept[-1]
        university = university or (campus and not ROLE_WORDS.match(chunk) and not VERB_START.match(chunk)
                                    and not chunk.startswith(("และ", "กับ")))
        # "ครูชำนาญการพิเศษ หัวหน้ากลุ่มสาระการเรียนรู้ภาษาไทย": a grade, then the unit the person heads.
        # "ศึกษานิเทศก์ชำนาญการ ผู้รับผิดชอบกลุ่มสาระ…": or the unit the person is responsible for.
        heads = bool(kept) and bool(GRADE_END.search(kept[-1])) and chunk.startswith(("หัวหน้า", "รองหัวหน้า", "ผู้รับผิดชอบ"))
        school = school or (chunk.startswith("“") and bool(SCHOOL_NAMED.search(" ".join(kept))))
        body = any(chunk.endswith(b.replace(" ", "\ue005")) for b in bodies)
        if i and not (CONTINUES.match(chunk) or heads or body or second_province or students or school or university
                      or (_ABBREVIATION.match(chunk) and not ROLE_WORDS.match(chunk))):
            break
        kept.append(chunk)
    while kept and kept[-1] in ("และ", "กับ", "รวมทั้ง"):
        kept.pop()
    if kept and kept[-1].endswith("และ") and len(kept[-1]) > 3:
        kept[-1] = kept[-1][:-3]  # "ผู้อำนวยการโรงเรียนบ้านนาและนายค ง": the joining word of the next person
    # "… ในฐานะกรรมการและเลขานุการ": the part in this meeting, not the post.
    kept = " ".join(kept).replace("\ue005", " ").replace("\ue009", " (มหาชน)")
    return _own_head_dropped(re.sub(r"\s+ในฐานะ.*$", "", kept))


# "รองผู้อำนวยการ สพป.… เขต 3 ปฏิบัติราชการแทนผู้อำนวยการ สพป.… เขต 3": a deputy standing in for the
# head of the same office holds the deputy's post (one acting for another post, "ปลัดจังหวัด…
# ปฏิบัติราชการแทนผู้ว่าราชการจังหวัด…", keeps it).
ACTING_FOR_OWN_HEAD = re.compile(r"^(?P<deputy>(?:รอง|ผู้ช่วย)\s?(?P<post>.+?))\s+ปฏิบัติราชการแทน\s?(?P=post)$")


def _own_head_dropped(position):
    acting = ACTING_FOR_OWN_HEAD.match(position)
    return acting["deputy"] if acting else position


LIST_OPENER = thai_re(r"\s*(?:ได้แก่|ประกอบด้วย|คือ|:)\s*$")
# "คณะกรรมการประกอบด้วย ผู้อำนวยการโรงเรียน… นายก ข": the list word may be typed against the group.
LIST_WORD = thai_re(r"(?:ได้แก่|ประกอบด้วย)\s|(?:^|\s)คือ\s|:\s*")
# Words for many people, never one person's position: "รองศึกษาธิการจังหวัด นายก ข ผู้บริหาร
# สถานศึกษา และครู…" lists a group after the person, whose position is the one before.
# "… นายก ข คณะครูและนักเรียน นักศึกษา กว่า 3,000 คน": more groups may follow the first.
PLURAL_GROUP = thai_re(r"^(?:ผู้บริหาร(?:สถานศึกษา|การศึกษา|โรงเรียน)?|ข้าราชการครู\S*|ข้าราชการ|คณะ\S*|บุคลากร\S*|ผู้ปกครอง\S*)"
                       r"(?:\s(?:นักเรียน|นักศึกษา|ครู|ผู้ปกครอง|บุคลากร)\S*)*(?:\s?(?:ในสังกัด|ทุกคน|ทุกท่าน))?$")


def position_before(text):
    """'ผู้อำนวยการโรงเรียนบ้านนา นายสมชาย …': a role written just before the name."""
    # "… และมีศึกษานิเทศก์ ได้แก่ นางก ข, …": the position introduces a list of names;
    # "ประธานเครือข่าย ได้แก่ ผู้อำนวยการโรงเรียนบ้านนา นายก ข": the words after the list
    # word are this one's position.
    words = LIST_WORD.split(LIST_OPENER.sub("", text))[-1].split()
    for i in range(len(words)):
        # "… และศึกษาธิการจังหวัด นายวิทยา": the joining word is not part of the position.
        candidate = re.sub(r"^(?:และ|กับ)?(?:โดยมี|มี)?(?=[\u0e01-\u0e4e]{3})", "", " ".join(words[i:]))
        # "… และนิติกรชำนาญการพิเศษ นายก ข": a post with its civil-service grade is a position too.
        graded = i == len(words) - 1 and bool(GRADE_END.search(candidate)) and bool(re.fullmatch(r"[\u0e01-\u0e4e]{6,40}", candidate))
        if (ROLE_WORDS.match(candidate) or graded) and len(words) - i <= 4:
            return candidate.rstrip(" ,(")
    return ""


# A position typed against the surname ("ใจดีผู้อำนวยการ…") is cut off the name.
GLUED_POSITION = thai_re(r"(?<=[\u0e01-\u0e4e]{2})(?:ผู้อำนวยการ|ผู้ช่วย|รองผู้|รองเลขาธิการ|เลขาธิการ|ศึกษาธิการ|ผอ\.|"
                         r"ปลัด|รองปลัด|ผู้ว่าราชการ|ศึกษานิเทศก์|หัวหน้า|นักวิชาการ|นักวิเคราะห์)")

