"""Groups named as taking part without names ("ผู้บริหารระดับสูง", "คณะครู")."""

from .patterns import thai_re
from .presence import took_part

# Groups that took part without names ("ผู้บริหารระดับสูง", "ศึกษาธิการจังหวัด", "คณะครู"):
# words that open a group, in a clause that says who took part.
GROUP_HEAD = (r"(?:รอง\s?|ผู้ช่วย\s?)?(?:ผอ\.|ปลัด|ผู้บริหาร|ผู้อำนวยการ|ศึกษาธิการ|ศึกษานิเทศก์|ผู้ตรวจราชการ|ผู้ทรงคุณวุฒิ|ผู้แทน|ผู้ปกครอง|"
              r"ผู้ได้รับ|ผู้ผ่าน|ผู้สนใจ|ผู้ร่วม|ผู้นำ|ผู้มีเกียรติ|แขกผู้มีเกียรติ|ผู้ประกอบการ|ผู้สำเร็จ|ผู้ใหญ่บ้าน|กำนัน|ประชาชน|"
              r"อาสาสมัคร|จิตอาสา|ผู้กำกับ|ผู้เกี่ยวข้อง|ผู้ที่มีส่วนเกี่ยวข้อง|ผู้ที่เกี่ยวข้อง|ผู้เข้า|ผู้ประสานงาน|หัวหน้า|ประธาน|คณะ|ครู|"
              r"บุคลากร|ข้าราชการ|เจ้าหน้าที่|นักเรียน|นักศึกษา|ลูกเสือ|ตัวแทน|สมาชิก|เครือข่าย)")
# From "โดยมี / พร้อมด้วย / มี / ให้กับ / ได้แก่ …" up to the verb or the end of the clause.
GROUP_CLAUSE = thai_re(
    r"(?:โดยมี|พร้อมด้วย|(?:^|(?<=\s))มี|ให้กับ|ได้แก่|ประกอบด้วย|ร่วมกับ)(?P<items>.+?)"
    r"(?=\s*(?:เข้าร่วม|ร่วม|ให้การต้อนรับ|(?<=\s)(?:ผ่าน|ลงพื้นที่|ได้(?!แก่)|เข้ารับ|เดินทาง)|จำนวน|รวม(?!ทั้ง|ถึง)|กว่า|ทั้งสิ้น|(?<![\u0e01-\u0e4e])ณ\s|เพื่อ|ซึ่ง|โดย(?!มี)|[“\"]|\n)|$)"
)
# "ผู้บริหารและครู": two groups, "และ" typed against the first; "ข้าราชการครูและบุคลากรทาง
# การศึกษา" is one (the legal name of the profession).
GROUP_ITEM_SPLIT = thai_re(rf"\s*,\s*(?:และ)?\s*(?=(?:และ)?{GROUP_HEAD})|\s+(?:และ|รวมทั้ง|รวมถึง)\s*|(?<=[\u0e01-\u0e4e]{{2}})และ(?!บุคลากรทางการศึกษา)(?={GROUP_HEAD})|\s*(?:โดยมี|พร้อมด้วย|พร้อมทั้ง)\s*|(?<!รอง)(?<!ผู้ช่วย)\s+(?={GROUP_HEAD})")
GROUP_TAIL = thai_re(r"\s*(?:อีก)?(?:มากมาย|จำนวนมาก|หลายท่าน|ทุกท่าน)$")
GROUP_ITEM = thai_re(rf"^(?:และ)?(?P<group>{GROUP_HEAD}.*)$")


def find_groups(paragraphs, claimed):
    """Groups named as taking part, as written, in text order; `claimed` is find_people's
    (paragraph index, start, end) of every name with its position, which are not groups."""
    groups = []
    for index, paragraph in enumerate(paragraphs):
        if index and not took_part(paragraphs, index):
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
                # A long group may be a comma list of units without a group word ("…ประจำเขตตรวจ
                # ราชการ (Cluster) 1 – 18 ,เขตตรวจราชการส่วนกลาง,…"): each part is held to the length.
                if group and group not in groups and len(group) <= 240 and max(map(len, group.split(","))) <= 120:
                    groups.append(group)
    return groups


# What follows a list of those who took part: the verb, a count, or the place.
# "ณ" ends a family name ("สารบรรณ"): only a free-standing one is the place.
TOOK_PART_CLAUSE = thai_re(r"\s*(?:เข้าร่วม|ร่วม|ให้การต้อนรับ|(?<=\s)(?:ผ่าน|ลงพื้นที่|เข้ารับ|เดินทาง)|จำนวน|รวม|กว่า|ทั้งสิ้น|(?<![\u0e01-\u0e4e])ณ\s)")
