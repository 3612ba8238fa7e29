"""Thai given names and family names, for people written without an honorific.

The lists are PyThaiNLP's corpus files (person_names_*_th.txt, family_names_th.txt,
and its dictionary words_th.txt), read straight from the installed package: importing
pythainlp itself costs about 0.3 s and nothing else of it is needed.
"""

import importlib.util
from functools import lru_cache
from pathlib import Path

from .patterns import provinces, thai_re

# Given names that are also words releases use around people ("ประชุม", "พร้อม").
NOT_GIVEN_NAMES = {"ประชุม", "พร้อม", "ศึกษา", "พัฒนา", "ร่วม", "สมาน", "ชัย", "บุญ", "มงคล", "ประสาน", "ชาญ"}


def _corpus(name):
    spec = importlib.util.find_spec("pythainlp")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("pythainlp is not installed (requirements.txt)")
    folder = Path(next(iter(spec.submodule_search_locations))) / "corpus"
    return frozenset((folder / name).read_text(encoding="utf-8").split())


@lru_cache(maxsize=1)
def _lists():
    given = _corpus("person_names_male_th.txt") | _corpus("person_names_female_th.txt")
    return given - NOT_GIVEN_NAMES, _corpus("family_names_th.txt"), _corpus("words_th.txt")


def looks_like_name(given, family):
    """A known given name and a family name: a known one, or a word the dictionary
    does not have ("ประชุม ประจำเดือน" is two words, "อัมพร พินะสา" a person)."""
    givens, families, words = _lists()
    return given in givens and (family in families or family not in words)


def is_given_name(word):
    """A given name PyThaiNLP knows."""
    return word in _lists()[0]


def looks_like_titled_name(given, family):
    """After a title that is also the start of words ("คุณ"): a name as looks_like_name
    says, or a given name the dictionary lacks with a known family name."""
    _givens, families, words = _lists()
    if _PLACE.match(family):
        return False  # "อาจารย์ใหญ่ โรงเรียนบ้านนา": a place, not a family name (มีสุข is one)
    return looks_like_name(given, family) or (given not in words and family in families)


# Words that open the names of places and bodies, verbs, joining words and role words: not a
# person's name.
_PLACE_START = thai_re(r"^(?:และ|กับ|ท่าน|โดย|ได้|เป็น|ร่วม|ให้|มี|ของ|จาก|ที่|ซึ่ง|เพื่อ|ใน|การ|ความ|ประชุม|จัด|ลง|"
                       r"มอบ|หมอบ|นำ|กล่าว|เมื่อ|ระดับ|นาย|นาง|ดร|คุณ|เปิด|แสดง|ชี้แจง|รายงาน|เน้น|ตรวจ|เยี่ยม|ดำเนิน|บรรยาย|กิจกรรม|"
                       r"ผู้|รอง|ครู|นัก|บ้าน|วัด|หนอง|โรงเรียน|โรงแรม|ห้อง|หอ|อาคาร|ตำบล|อำเภอ|จังหวัด|สำนัก|กลุ่ม|ศูนย์|สถาน|"
                       r"มหาวิทยาลัย|วิทยาลัย|กระทรวง|กรม|เขต|ถนน|ซอย|หมู่|ชุมชน|โครงการ|ค่าย|สนาม|พระ)")


# Words that open the name of a place or body, never a family name.
_PLACE = thai_re(r"^(?:โรงเรียน|โรงแรม|ห้อง|หอประชุม|อาคาร|ตำบล|อำเภอ|จังหวัด|สำนัก|ศูนย์|มหาวิทยาลัย|วิทยาลัย|กระทรวง|ถนน|"
                 r"ชุมชน|โครงการ|บ้าน|วัด)")


def is_family_name(word):
    """A family name PyThaiNLP knows."""
    return word in _lists()[1]


def looks_like_unlisted_name(given, family):
    """Two words that may be a person whose given name is not in the list: neither is a
    dictionary word, a province or the start of a place's name. Weaker than
    looks_like_name, so people.py asks for more around it."""
    _givens, families, words = _lists()
    places = set(provinces())
    if not (3 <= len(given) <= 12 and 3 <= len(family) <= 18):
        return False
    if given in words or given in places or _PLACE_START.match(given):
        return False
    return family in families or not (family in words or family in places or _PLACE_START.match(family))


@lru_cache(maxsize=4096)
def is_compound_of_words(word):
    """Whether `word` is two dictionary words or more written together ("ครั้งที่", "ผ่านระบบ",
    "ลานกิจกรรม"): what releases write between spaces is mostly that, rare spellings of given
    names ("ณัฏฐ์ชวัล") are not."""
    words = _lists()[2]
    reach = [0] + [None] * len(word)  # reach[i]: fewest words spelling word[:i]
    for end in range(2, len(word) + 1):
        for start in range(max(0, end - 20), end - 1):
            if reach[start] is not None and word[start:end] in words:
                reach[end] = reach[start] + 1
                break
    return reach[-1] is not None and reach[-1] >= 2
