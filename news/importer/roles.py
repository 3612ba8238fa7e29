"""The words around a name that say what part a person played in the event: chaired or
opened it, spoke, sat on a panel, took part, or was only cited (people.py applies them)."""

import re

from .patterns import thai_re
from .positions import position_before

# Who chaired, and how: "เป็นประธานเปิด…" / "ประธานในพิธีเปิด…" is an opening chair.
CHAIRED = thai_re(r"(?:เป็น|ร่วมเป็น)?ประธาน(?P<opening>ในพิธีเปิด|พิธีเปิด|กล่าวเปิด|ในการเปิด|เปิด)?(?:ในพิธี|การ|ใน|ฝ่าย)?")
# "กล่าวเปิดการอบรม", "ทำพิธีเปิด…": whoever opens the event is its opening chair.
# "มอบหมายให้ X … เป็นผู้แทนในการเปิดงาน": X opens it on the other's behalf.
# "… เป็นประธานคณะกรรมการตัดสิน": chairing the judges' panel is a part in the event, not its chair.
CHAIR_VERB = thai_re(r"เป็นประธาน(?!(?:คณะ)?กรรมการ\s?ตัดสิน)|ทำหน้าที่(?:เป็น)?ประธาน|ประธานเปิด|ประธานในพิธี|(?:เป็นผู้)?กล่าวเปิด|ทำพิธีเปิด|เป็นผู้เปิด"
                     r"|เป็นผู้แทน(?:ใน)?(?:การ|พิธี)?(?:เปิด|เป็นประธาน)"
                     # "… รองเลขาธิการ กพฐ. เปิดการประชุม…": the opening as the verb itself.
                     r"|เปิด(?=การ|งาน|โครงการ|กิจกรรม|ค่าย|ศูนย์|อาคาร|นิทรรศการ|สัปดาห์|ตลาด)")
# "ในพิธีเปิดเมื่อวันที่ … ได้รับเกียรติจาก นางสาวก ข … เป็นประธาน": the chair of the opening.
OPENING_BEFORE = thai_re(r"พิธีเปิด(?:(?!ประธาน)[^\n“”\"]){0,80}?(?:ได้รับเกียรติจาก|โดยมี|โดย)?\s*$")
# "ก ข, ค ง และ จ ฉ", also with a comma before the last "และ" ("ค ง, และ จ ฉ").
SHARED = re.compile(r"^\s*(?:,\s*)?(?:และ|,)\s*$")
JOINT = thai_re(r"ร่วม(?:กัน)?\s*$")  # "ร่วมเป็นประธาน": chaired together with the one named before
ASSIGNED = thai_re(r"ม?อบหมายให้|หมอบหมายให้")
HONOURED = thai_re(r"(?:ซึ่ง|ได้|จะ)?\s*(?:(?:ได้)?รับเกียรติ(?:ให้)?|ให้เกียรติ)?\s*(?:มา)?\s*")
# "ประธานในพิธี ได้แก่ นายก ข": the chair named after the word;
# "ประธานเปิดงาน: ศ.ดร.ก ข" (a labelled line): the chair of the opening.
CHAIR_NAMED_AFTER = thai_re(r"ประธาน(?P<what>ในพิธี|การประชุม|ของงาน|(?:ใน(?:การ|พิธี)?)?เปิด\S{0,15}?|ใน(?:การ|พิธี)?\S{2,20}?)?(?:\s?ครั้งนี้)?\s*(?:ได้แก่|คือ|:)\s*$")
RECEIVED = thai_re(r"(?:ได้)?รับมอบหมาย(?:จาก[^\n“”\"]{0,80}?)?\s*ให้\s*(?=(?:เป็น|ร่วมเป็น)?ประธาน)")
ASSIGNED_BY = thai_re(r"(?:ได้)?รับมอบหมายจาก\s*$")
PANEL = thai_re(r"เสวนา|อภิปราย")
# "จากนั้นเป็นการปาฐกถาพิเศษ โดย …": a keynote is a talk too.
SPEAKER = thai_re(r"วิทยากร|บรรยาย|ปาฐกถา")
# "… เป็นประธานเปิดการประชุมและบรรยายพิเศษ": "และ" glued before the verb.
SPEAKER_AFTER = thai_re(r"(?:^|\s|และ)(?:ได้)?(?:ร่วม)?(?:เป็นวิทยากร|บรรยาย|(?:แสดง|กล่าว)?ปาฐกถา)")
# "… หัวหน้าอุทยานแห่งชาติ… ให้ความรู้เรื่อง…": one whose own verb, right after the position, is teaching
# the audience speaks ("… ออกตรวจสภาพรถ และให้ความรู้แก่ผู้ขับรถ", a second verb, does not make one).
TEACHES = thai_re(r"^ให้ความรู้")
PANEL_AFTER = thai_re(r"(?:^|\s)(?:ได้)?(?:ร่วมเสวนา|เป็นผู้ร่วมเสวนา|ร่วมอภิปราย)")
# "นายก ข รองผู้ว่าราชการจังหวัด ประธานกรรมการ กศจ. ดำเนินการประชุม": chairing written as
# the person's title, then the verb of running (or opening) the meeting.
CHAIR_TITLE = thai_re(r"^\s*(?:ในฐานะ\s*)?ประธาน\S*(?:\s+\S+){0,3}?\s+(?:ดำเนินการประชุม|ดำเนินการ|นำการประชุม|"
                      r"(?P<opening>กล่าวเปิด|เปิดการประชุม|เปิดประชุม|เปิดงาน|เปิดการอบรม|เปิดการสัมมนา))")
# "๑) ศ.ดร.ก ข ปลัดกระทรวง… ประธานการประชุม": a list item labelling its chair.
CHAIR_LABEL = thai_re(r"^\s*(?:ในฐานะ\s*)?ประธาน(?:การประชุม|ในที่ประชุม|ในพิธี|(?P<opening>ในพิธีเปิด|พิธีเปิด))[ \t]*(?:\n|$)")
# A paragraph past the lead names attendees only if it says they took part.
# Handing out awards, joining the ceremony and visiting also say so ("… มอบประกาศนียบัตรแก่นักเรียน").
TOOK_PART = thai_re(r"เข้าร่วม|แสดงความยินดี|กล่าวขอบคุณ|ร่วม(?:พิธี|กิจกรรม|เป็นเกียรติ|งาน|มอบ)|"
                    r"มอบ(?:เกียรติบัตร|รางวัล|ทุน|โล่|ประกาศนียบัตร|วุฒิบัตร)|ตรวจเยี่ยม|ให้โอวาท|กล่าวรายงาน|กล่าวเปิด|ประธานในพิธี|กล่าวต้อนรับ|รับรางวัล|รับมอบ|รับเกียรติบัตร|ร่วมประชุม|เสวนา|อภิปราย|วิทยากร|บรรยาย|ปาฐกถา|ได้รับเกียรติ|พร้อมด้วย|โดยมี|เป็นประธาน|ประธานเปิด|ให้การต้อนรับ")
# "นายก ข ผู้อำนวยการโรงเรียน… กล่าวว่า …", "รองผู้อำนวยการฝ่ายวิชาการ อาจารย์ก ข ชี้แจง…", "ด.ญ.ก ข
# ประธานนักเรียน เป็นตัวแทนนักเรียน…": a person's own act at the event, written right after the name
# and position, says they were there, in a paragraph that says no one took part.
# Not after "ได้" ("… ได้นำมาเป็นกรอบ…" tells what someone did elsewhere), nor "นำมา/นำไป" (took up),
# unless the report is made to the meeting ("ได้รายงานผลการดำเนินงานต่อที่ประชุม").
_ACTS = r"(?:กล่าว|ชี้แจง|เป็นตัวแทน|ให้ความรู้|นำ(?!มา|ไป)|รายงาน|สาธิต|ตอบข้อซักถาม|ได้(?:รายงาน|ชี้แจง)\S*ต่อที่ประชุม)"
OWN_ACT = thai_re(_ACTS)
ACT_AFTER_SPACE = thai_re(r"\s" + _ACTS)
ASIDE = re.compile(  # "(ผอ.สศศ.)", "(ครูแนน)": an aside in brackets may come before the verb
    r"^\([^()\n]{1,40}\)\s*")
# "ตามนโยบายของ …", "ตามข้อสั่งการของ …", "ตามดำริของ …": the person whose policy or order the event
# follows is cited, not present.
_CITING = r"(?:ตามนโยบาย(?:ของ)?|นโยบายของ|(?:คำ|ข้อ)สั่ง(?:การ)?ของ|ดำริของ|ตามที่|แถลง)"
CITED = thai_re(_CITING + r"\s*$")
CITING = thai_re(_CITING)


def is_cited(before):
    """The name after `before` is cited: the citing words are written right before it, or before
    the position written before it ("ตามนโยบายของรัฐมนตรีว่าการกระทรวงศึกษาธิการ พลตำรวจเอก ก ข")."""
    if CITED.search(before):
        return True
    last = None
    for last in CITING.finditer(before, max(0, len(before) - 120)):
        pass
    between = before[last.end():].strip() if last else ""
    return bool(between) and position_before(between) == between

# "ศึกษาธิการจังหวัดลพบุรี นางสาวก ข ในฐานะกรรมการและเลขานุการ": the capacity in this
# meeting, after the name, gives way to the position written before it.
CAPACITY = thai_re(r"^ในฐานะ")
# "… ได้แก่ นายก ข และนางสาวค ง ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาทั้ง 5 เขต และ…": the
# holders of a post in every office are a group written after the list, not one person's post.
MANY = thai_re(r"(?:ทั้ง\s?\d{1,3}\s?|ทุก\s?)(?:เขต|แห่ง|จังหวัด|อำเภอ|โรงเรียน|สถานศึกษา|หน่วยงาน|สำนัก|ภาค)\S*$")


# "… ซึ่งติดภารกิจ ได้ส่งวีดิทัศน์กล่าวให้กำลังใจ", "… กล่าวแสดงความยินดีผ่านวิดีทัศน์": one who only sent
# a video message was not there (one who joined "ผ่านระบบวีดิทัศน์ทางไกล", a video conference, was).
VIDEO_ONLY = thai_re(r"(?:ส่ง|ผ่าน)(?:คลิป)?(?:วีดิทัศน์|วิดีทัศน์|วีดีทัศน์|วิดีโอ|วีดีโอ)(?!\s?ทางไกล)")
# "… รัฐมนตรีว่าการกระทรวงศึกษาธิการ ลงพื้นที่ติดตาม… และเป็นประธานมอบนโยบาย…": a second verb of the
# same person's clause, joined by "และ".
THEN_CHAIRS = thai_re(r"\sและ(?:ได้)?(?=เป็นประธาน)")
