"""Which paragraphs of a release name the people who took part: the lead (with the short lines
before its first sentence), a later paragraph saying someone took part, and the list such a
paragraph introduces (people.py reads the people from them)."""

import re

from .page import opens_with_date
from .patterns import thai_re
from .roles import TOOK_PART
from .titles import MENTION

# "… โดยมีคณะทำงานเข้าร่วม ดังนี้" followed by a numbered list: the list names them.
LIST_INTRO = thai_re(r"(?:ดังนี้|ได้แก่|ประกอบด้วย|ดังรายชื่อต่อไปนี้|:)\s*$")
# Bullets: numbers, dashes and dots, and the emoji school pages use ("✅ เด็กหญิง…").
LIST_BLOCK = re.compile(r"^\s*(?:\d{1,2}[.)]\s|[-•▪●*◆◇○◦►▶➡➤✅✔☑⭐🔹🔸🔶🔷👉]\ufe0f?\s*)")
# "ผู้เข้าร่วมประชุม" alone on a line: a heading naming the list below it.
LIST_HEADING = 40
# "… ลงพื้นที่ประเมิน ณ โรงเรียน… คณะกรรมการประกอบด้วย", "คณะนิเทศ ได้แก่", "คณะทำงาน :": the list
# names the members of a committee or team, which went as a body (a faculty, คณะครุศาสตร์, is no body
# of people).
MEMBERS = thai_re(r"(?:^|\s)คณะ(?!\S*(?:ศาสตร์|ศิลป์))[^\n]{0,80}$")


# Short lines before the first sentence ("วันที่ 5 มีนาคม 2568", "โรงเรียนบ้านนา สพป.เลย เขต 1",
# "… ณ ห้องประชุม…") open the release with that sentence: together they are the lead.
LEAD_LINE = 80


def lead_size(paragraphs):
    """How many paragraphs the lead is: 1, or the short lines naming no one before the first
    sentence and that sentence."""
    for i, paragraph in enumerate(paragraphs[:4]):
        if len(paragraph) > LEAD_LINE or MENTION.search(paragraph):
            # "📌 ผอ.สพป.… ลงพื้นที่ติดตาม… ปีการศึกษา 2568" over "🗓 วันพุธที่ 11 มีนาคม 2569 นาย…": a
            # post's long headline naming no one, then the sentence opening with its day.
            after = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
            if not MENTION.search(paragraph) and not opens_with_date(paragraph) and opens_with_date(after):
                return i + 2
            return i + 1
    return 1


def took_part(paragraphs, index):
    """A paragraph past the lead names attendees if it says they took part, or if it
    is the list a paragraph saying so, or naming a committee's members, introduces."""
    if index < lead_size(paragraphs):
        return True
    paragraph = paragraphs[index]
    if TOOK_PART.search(paragraph):
        return True
    before = list_intro(paragraphs, index)
    return bool(before and (LIST_INTRO.search(before) or len(before) <= LIST_HEADING)
                and (TOOK_PART.search(before) or MEMBERS.search(before)))


def list_intro(paragraphs, index):
    """The paragraph introducing the list item `index` ("… ดังนี้"), past the items
    before it ("- นายก ข …" one a line), or '' when it is not a list item."""
    if not LIST_BLOCK.match(paragraphs[index]):
        return ""
    while index > 0 and LIST_BLOCK.match(paragraphs[index - 1]):
        index -= 1
    return paragraphs[index - 1] if index > 0 else ""
