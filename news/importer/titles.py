"""How a person's name is written in a release: the honorifics, ranks and monastic
titles that say a name follows, and the shapes of the name after them (also a bare
name with no title). What the person holds is positions.py's; who they were, people.py's.
"""

import re

from news.thaitext import HONORIFICS

from .patterns import alternatives, provinces, thai_re

# Words that begin like a title but are not one (นายกรัฐมนตรี is a position).
NOT_NAMES = (
    "นายกรัฐมนตรี", "นายกเทศมนตรี", "นายกสมาคม", "นายกองค์การ", "นายกสภา", "นายกอบต", "นายกอบจ", "นายกสโมสร",
    "นายกชมรม", "นายกเหล่า", "นายอำเภอ", "นายทะเบียน", "นายช่าง", "นายจ้าง", "นายหน้า", "นายทหาร", "นายตำรวจ",
    "นายสิบ", "นายสถานี", "นายด่านศุลกากร", "นางพยาบาล", "นางแบบ",
    "นายแพทย์สาธารณสุข", "นายแพทย์ใหญ่", "นายแพทย์เชี่ยวชาญ", "นายแพทย์ชำนาญการ",
)
# Thai is written without spaces between words: a title may follow these directly.
GLUE = ("และ", "จาก", "โดยมี", "โดย", "กับ", "ให้", "มี", "คือ", "แก่", "ได้แก่", "ด้วย", "อาทิ", "ถึง", "ของ", "ว่า", "พร้อม", "ต่อ", "แด่",
        "ซึ่ง")  # "ซึ่งนางสาวอรุณี …" (round 35)

# A police or military rank is written "พ.ต.อ.หญิง" for a woman, also typed against her
# given name ("ว่าที่ร้อยตรีหญิงนภาพร"); after a civil title "หญิง" may open a given name.
CIVIL_TITLES = ("นาย", "นาง", "นางสาว", "น.ส.", "น.ส", "เด็กชาย", "เด็กหญิง", "ด.ช.", "ด.ญ.", "ดร.", "ผศ.", "รศ.", "ศ.",
                "ผู้ช่วยศาสตราจารย์", "รองศาสตราจารย์", "ศาสตราจารย์", "นายแพทย์", "แพทย์หญิง", "นพ.", "พญ.", "ทพ.",
                "ทพญ.", "ซิสเตอร์", "บราเดอร์", "ภราดา", "บาทหลวง", "หม่อมราชวงศ์", "หม่อมหลวง", "ม.ร.ว.", "ม.ล.",
                "คุณหญิง", "ท่านผู้หญิง")
# Non-commissioned ranks of every service the portal's list does not have (the importer's own).
NCO_RANKS = ("พันจ่าเอก", "พันจ่าโท", "พันจ่าตรี", "พันจ่าอากาศเอก", "พันจ่าอากาศโท", "พันจ่าอากาศตรี", "จ่าเอก",
             "จ่าโท", "จ่าตรี", "จ่าอากาศเอก", "จ่าอากาศโท", "จ่าอากาศตรี", "จ่าสิบโท", "จ่าสิบตรี", "จ่าสิบตำรวจ",
             "สิบเอก", "สิบโท", "สิบตรี", "สิบตำรวจเอก", "สิบตำรวจโท", "สิบตำรวจตรี", "พ.จ.อ.", "พ.จ.ท.", "พ.จ.ต.",
             "พ.อ.อ.", "พ.อ.ท.", "พ.อ.ต.", "จ.อ.", "จ.ท.", "จ.ต.", "จ.ส.ท.", "จ.ส.ต.", "ส.อ.", "ส.ท.", "ส.ต.",
             "ส.ต.อ.", "ส.ต.ท.", "ส.ต.ต.")
# "นส.วรรณภา": นางสาว abbreviated without its first dot; pharmacists', dentists' and vets' titles
# (the men's "ทันตแพทย์", "เภสัชกร" open positions too: "ทันตแพทย์ชำนาญการ", so only the short forms).
MEDICAL_TITLES = ("ภก.", "ภญ.", "เภสัชกรหญิง", "ทันตแพทย์หญิง", "สัตวแพทย์หญิง", "น.สพ.", "สพ.ญ.", "พ.ญ.", "น.พ.", "ทพ.ญ.")
# Muslim titles of the southern provinces: "ฮัจยีมะรอนิง สาและ", "อุสตาซอิสมาแอ ดอเลาะ".
MUSLIM_TITLES = ("ฮัจยี", "หะยี", "ฮัจญี", "ฮัจยะห์", "ฮัจญะฮ์", "อุสตาซะห์", "อุสตาซ")
TITLES = (*HONORIFICS, *NCO_RANKS, "นส.", *MEDICAL_TITLES, *MUSLIM_TITLES)
RANKS = frozenset(h for h in TITLES if h not in CIVIL_TITLES + MEDICAL_TITLES + MUSLIM_TITLES + ("นส.",))
# One alternation (two cost four times as long on every character): "หญิง" typed against the
# given name is checked in Python (split_woman_rank), where it may open a civil title's name.
_HONORIFIC = rf"(?:{alternatives(TITLES)})(?:\s?หญิง(?=\s)|หญิง(?=[\u0e01-\u0e2e\u0e40-\u0e44]))?"
# "อาจารย์ ดร.ก ข", "อ.ดร.ก ข", "อ.นพ.ก ข": อาจารย์ (or its "อ.") is a title only before another one;
# alone it is a position (and "อ." a district, "อ.เมือง").
_HONORIFIC_CHAIN = rf"(?=[{''.join(sorted({t[0] for t in TITLES} | {'อ'}))}])(?:(?:อาจารย์|อ\.)\s?(?={_HONORIFIC}))?{_HONORIFIC}(?:\s?{_HONORIFIC})*"
_WOMEN_TITLES = tuple(t for t in TITLES if t.endswith("หญิง"))  # เด็กหญิง, แพทย์หญิง: titles of their own


def split_woman_rank(honorific, given):
    """(honorific, given): "ว่าที่ร้อยตรีหญิงนภาพร" is a woman's rank and นภาพร; after a civil
    title ("นางสาวหญิงใจ") หญิง opens the given name. Titles ending in หญิง (เด็กหญิง) are kept."""
    if honorific.endswith("หญิง") and not honorific[:-4].endswith((" ", "\t")) and not honorific.endswith(_WOMEN_TITLES):
        base = honorific[:-4]
        if max((t for t in TITLES if base.endswith(t)), key=len, default="") not in RANKS:
            return base, "หญิง" + given
    return honorific, given


_WORD = r"[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]+"  # Thai letters and marks, no digits or ฯ
# Family names of the ณ lineages, written with a space: "ณ ระนอง", "สนิทวงศ์ ณ อยุธยา".
# Lineages of a town's old rulers take its name ("พรหมสาขา ณ สกลนคร"): any province, and the
# old names that are not one.
_NA_FAMILY = rf"(?:{alternatives(provinces())}|อยุธยา|นคร|ป้อมเพชร|ถลาง|บางช้าง|มหาชัย|ตะกั่วทุ่ง|พิศณุโลก|อุบล|ศีรษะเกษ|จัมปาศักดิ์)"
# A given name starts with a consonant or a leading vowel ("นางสาวิตรี" is นาง สาวิตรี) and
# has two letters at least ("นายก อบต.…" is a position).
MENTION = thai_re(rf"(?P<honorific>{_HONORIFIC_CHAIN})\s?(?P<given>[\u0e01-\u0e2e\u0e40-\u0e44][\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]+)[ \t]{{1,3}}(?P<family>(?:{_WORD} )?ณ {_NA_FAMILY}(?![\u0e01-\u0e4e])|{_WORD})")

# Monks, highest titles first: "สมเด็จพระ…", "พระราชครู…", "พระเทพ…", "พระครู…", and a plain
# "พระ" before a monastic name, with the ฉายา (Pali name, "อุตฺตมปญฺโญ") when it is written and
# the lay name and ฉายา in brackets ("พระครูก (ข ค)"). The same words open royal names and
# common nouns (พระราชทาน, พระเทพรัตนราชสุดา), so a monk is only one whose monastic post
# follows the name.
MONK_TITLES = ("สมเด็จพระ", "พระราชครู", "พระครู", "พระมหา", "พระอธิการ", "พระปลัด", "พระใบฎีกา", "พระสมุห์",
               "พระเทพ", "พระราช", "พระธรรม", "พระพรหม", "พระอาจารย์", "หลวงพ่อ", "หลวงปู่", "หลวงตา", "พระ")
MONK_POST = r"(?:รอง|ผู้ช่วย)?(?:เจ้าคณะ|เจ้าอาวาส|เจ้าสำนัก)|ที่ปรึกษาเจ้าคณะ|กรรมการมหาเถรสมาคม|ประธานสงฆ์"
# "พระเดชพระคุณพระราชวิมลโมลี": the honour before the title is not the name; a doctorate after
# the name ("พระครูสุนทรธรรมโกศล, ดร.") is not the next person.
MONK_HONOUR = "(?:พระเดชพระคุณ\\s?)?"
MONK = thai_re(rf"{MONK_HONOUR}(?P<honorific>{alternatives(MONK_TITLES)})\s?(?P<given>[\u0e01-\u0e4e]{{3,30}})"
               rf"(?:\s(?!{MONK_POST}|รอง|ผู้ช่วย)(?P<family>{_WORD}))?(?:\s?\([^()\n]{{3,40}}\))?(?:\s?,?\s?ดร\.)?"
               rf"(?=\s+(?:{MONK_POST}))")
# A monk without a monastic post ("พระครูสุนทรธรรมโกศล เป็นประธานฝ่ายสงฆ์", "พระมหาอนันต์
# อนนฺตปญฺโญ ให้โอวาท"): only titles no royal word or common noun opens, before a monk's own
# act; a ฉายา after the name is a Pali word (with ฺ or ํ, or ending in โ-).
MONK_ONLY_TITLES = ("พระราชครู", "พระครู", "พระมหา", "พระอธิการ", "พระปลัด", "พระใบฎีกา", "พระสมุห์")
MONK_ACT = (r"(?:ร่วม)?(?:เป็นประธาน(?:ฝ่ายสงฆ์|สงฆ์)?|ให้โอวาท|ให้ศีล|ให้พร|นำสวด|สวดมนต์|เจริญ(?:พระ)?พุทธมนต์|"
            r"แสดง(?:พระ)?ธรรม|บรรยายธรรม|เทศน์|ประพรม|เจิม)")
MONK_ACTING = thai_re(
    rf"{MONK_HONOUR}(?P<honorific>{alternatives(MONK_ONLY_TITLES)})(?!กษัตริย์|กรุณา|ชนก|ธาตุ|เจดีย์|บารมี|ราชวัง)"
    rf"\s?(?P<given>[\u0e01-\u0e4e]{{3,30}})"
    r"(?:\s(?P<family>[\u0e01-\u0e4e]*[\u0e3a\u0e4d][\u0e01-\u0e4e]*|[\u0e01-\u0e4e]+โ[\u0e01-\u0e2e]))?"
    rf"(?=\s+{MONK_ACT})")
# "คุณ" is a courtesy title ("คุณธนกฤต วรรณประเสริฐ", "คุณครูสมศรี ใจดี"), but it also opens
# words (คุณภาพ, คุณธรรม): people.py takes it only before what names.py calls a name.
# "ครูสุดารัตน์ แก้วมณี", "อาจารย์ปิยะพงษ์ สุขเจริญ": school pages write the calling as a title,
# under the same check (ครูประจำชั้น, อาจารย์ประจำ… are positions).
KHUN = thai_re(rf"(?P<honorific>คุณครู|คุณ(?!ภาพ|ธรรม|ค่า|วุฒิ|ลักษณะ|สมบัติ|ประโยชน์|ความดี|งาม)|(?<!คุณ)ครู(?!ผู้|ประจำ|ชำนาญ|อัตรา|พี่เลี้ยง|ใหญ่)"
               rf"|อาจารย์(?!ประจำ|พิเศษ|ที่ปรึกษา|ผู้|ใหญ่))\s?(?P<given>[\u0e01-\u0e2e\u0e40-\u0e44][\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]+)"
               rf"[ \t]{{1,3}}(?P<family>[\u0e01-\u0e2e\u0e40-\u0e44]{_WORD})")
# "นางก ขและนายค ง": the next person's title typed against a family name ends the name.
JOINED_NEXT = thai_re(rf"(?<=[\u0e01-\u0e4e]{{2}})(?:และ|กับ)(?=(?:{_HONORIFIC_CHAIN}|คุณ)\s?[\u0e01-\u0e2e\u0e40-\u0e44])")
# "Ms. Tan Mei Ling รองปลัด…": a name of three words (a Chinese one) when Thai follows the third.
LATIN_MENTION = re.compile(r"(?<![A-Za-z])(?P<honorific>Mr\.|Mrs\.|Ms\.|Miss|Dr\.|Prof\.)\s?(?P<given>[A-Z][a-z]+)"
                           r" (?P<family>[A-Z][A-Za-z'-]+(?: [A-Z][a-z]+(?=\s*[\u0e01-\u0e4e,(]|\s*$))?)")


# "อ.ก.ค.ศ.เขตพื้นที่…": letters each with its dot spell one abbreviation, whose last
# letter ("ศ.") is no professor's title.
_DOTTED_LETTERS = re.compile(r"(?<![\u0e01-\u0e4e])(?:[\u0e01-\u0e2e]\.){2,}$")


def is_title_start(text, start):
    """A title starts a word: after a non-Thai character or a joining word, not inside a
    dotted abbreviation."""
    if start > 0 and text[start - 1] == "." and _DOTTED_LETTERS.search(text, 0, start):
        return False
    if start == 0 or not ("\u0e01" <= text[start - 1] <= "\u0e4e"):
        return True
    return text[:start].endswith(GLUE)


# Two words written as a name (each a word of its own), for people without an honorific.
# "ท่านสมพงษ์ ศรีสุวรรณ" (a courtesy word, not a title) and "…และสุดา แก้วใส" are written
# against the word before.
# "สมศรี ใจดีและวันดี มีสุข": a name may also follow "และ" typed against the name before it
# (people.py checks that a name ends there).
BARE_NAME = re.compile(rf"(?:(?<![\u0e01-\u0e4e.])|(?<=(?<![\u0e01-\u0e4e])ท่าน)|(?<=และ))"
                       rf"(?P<given>{_WORD}) (?P<family>{_WORD})(?=[\s,]|$)")
# A verb is not a family name ("…มัธยมศึกษาสุราษฎร์ธานี ชุมพร เป็นประธาน…").
NOT_FAMILY = thai_re(r"^(?:เป็น|ร่วม|ได้|กล่าว|ให้|เข้า|ลง|มอบ|จัด|พร้อม|โดย)")
# After a title too, a verb, a joining word, another title or a place never opens the family name
# ("นางศิริพร อำเภอโพนทอง", "ดร. ครูใหญ่ เป็นวิทยากร"); narrower than NOT_FAMILY, since family names
# may open with พร้อม, มี, ร่วม… (พร้อมมูล, มีสุข).
NOT_TITLED_FAMILY = thai_re(r"^(?:เป็น|กล่าว|เข้าร่วม|ได้(?:รับ|ร่วม|เป็น)|และ|กับ|นาย|นาง|ดร\.|โรงเรียน|โรงแรม|ห้อง|อาคาร|"
                            r"ตำบล|อำเภอ|จังหวัด|สำนักงาน|มหาวิทยาลัย|วิทยาลัย|กระทรวง|ถนน|ชุมชน|โครงการ)")
