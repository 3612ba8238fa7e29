"""Pure-Python Thai text rules (no Django), shared by `news.thai` and the importer.

The importer must run and be tested on plain text without Django, so the rules
both need live here once; `news.thai` re-exports them for the rest of the portal.
"""

import re
import unicodedata

BE_OFFSET = 543

SARA_AM = "\u0e33"
NIKHAHIT_SARA_AA = "\u0e4d\u0e32"  # how many Thai keyboards and PDFs write ำ
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
INVISIBLES = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")

# Month names as Thai releases write them: full, and the abbreviations (ม.ค. …).
THAI_MONTHS = [
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
]
THAI_MONTH_ABBREVIATIONS = [
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
]

# Titles and ranks written before a name, as releases write them: one list for
# the importer and for Person (strip_honorific), longest first.
HONORIFICS = sorted([
    "นาย", "นาง", "นางสาว", "น.ส.", "น.ส", "เด็กชาย", "เด็กหญิง", "ด.ช.", "ด.ญ.",
    "ดร.", "ผศ.", "รศ.", "ศ.", "ผู้ช่วยศาสตราจารย์", "รองศาสตราจารย์", "ศาสตราจารย์",
    "นายแพทย์", "แพทย์หญิง", "นพ.", "พญ.", "ทพ.", "ทพญ.",
    "ว่าที่ร้อยตรี", "ว่าที่ร้อยโท", "ว่าที่ร้อยเอก", "ว่าที่ ร.ต.", "ว่าที่ ร.ท.", "ว่าที่ ร.อ.",
    "ว่าที่ร.ต.", "ว่าที่ร.ท.", "ว่าที่ร.อ.",
    "พลเอก", "พลโท", "พลตรี", "พันเอก", "พันโท", "พันตรี", "ร้อยเอก", "ร้อยโท", "ร้อยตรี",
    "พล.อ.", "พล.ท.", "พล.ต.", "พ.อ.", "พ.ท.", "พ.ต.", "ร.อ.", "ร.ท.", "ร.ต.",
    "พลตำรวจเอก", "พลตำรวจโท", "พลตำรวจตรี", "พันตำรวจเอก", "พันตำรวจโท", "พันตำรวจตรี",
    "ร้อยตำรวจเอก", "ร้อยตำรวจโท", "ร้อยตำรวจตรี",
    "พล.ต.อ.", "พล.ต.ท.", "พล.ต.ต.", "พ.ต.อ.", "พ.ต.ท.", "พ.ต.ต.", "ร.ต.อ.", "ร.ต.ท.", "ร.ต.ต.",
    "พลเรือเอก", "พลเรือโท", "พลเรือตรี", "พลอากาศเอก", "พลอากาศโท", "พลอากาศตรี",
    "นาวาเอก", "นาวาโท", "นาวาตรี", "นาวาอากาศเอก", "นาวาอากาศโท", "นาวาอากาศตรี",
    "เรือเอก", "เรือโท", "เรือตรี", "เรืออากาศเอก", "เรืออากาศโท", "เรืออากาศตรี",
    "พล.ร.อ.", "พล.ร.ท.", "พล.ร.ต.", "พล.อ.อ.", "พล.อ.ท.", "พล.อ.ต.", "น.อ.", "น.ท.", "น.ต.",
    "จ่าสิบเอก", "จ.ส.อ.", "ดาบตำรวจ", "ด.ต.",
    "ซิสเตอร์", "บราเดอร์", "ภราดา", "บาทหลวง",
    "หม่อมราชวงศ์", "หม่อมหลวง", "ม.ร.ว.", "ม.ล.", "คุณหญิง", "ท่านผู้หญิง",
], key=len, reverse=True)


def normalize(text):
    """Canonical form of Thai text for comparing and searching.

    Writes ำ one way, drops zero-width characters and soft hyphens, turns Thai
    digits into Arabic ones, folds runs of whitespace (including NBSP) into one
    space and lower-cases Latin letters.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    text = INVISIBLES.sub("", text)
    text = text.replace(NIKHAHIT_SARA_AA, SARA_AM)
    text = text.translate(THAI_DIGITS)
    text = SPACES.sub(" ", text).strip()
    return text.lower()


def clean_text(text):
    """Tidy text typed or pasted by an editor without changing its spelling."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    text = INVISIBLES.sub("", text)
    return SPACES.sub(" ", text).strip()
