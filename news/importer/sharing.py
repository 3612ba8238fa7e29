"""Positions written once for several people: after two names joined by "และ", after a list
of names with "ตามลำดับ", or before a list ("ศึกษานิเทศก์ ได้แก่ …")."""

from .patterns import thai_re
from .positions import ROLE_WORDS
from .roles import SHARED

def share_positions(mentions):
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


# "คือ นายก ข และนางสาวค ง ผู้อำนวยการโรงเรียน… และครูชำนาญการพิเศษ … ตามลำดับ": the positions
# after a list of names are given to them in order.
RESPECTIVELY = thai_re(r"\s*ตามลำดับ")
POSITION_LIST_SPLIT = thai_re(r"\s*,\s*(?:และ\s*)?|\s+และ\s*")


def share_respective_positions(mentions):
    """Names joined by "และ"/commas, then as many positions joined the same way and "ตามลำดับ"."""
    for i, last in enumerate(mentions):
        text = last.paragraph
        end = mentions[i + 1].start if i + 1 < len(mentions) and mentions[i + 1].paragraph is text else len(text)
        after = text[last.end:end]
        closing = RESPECTIVELY.search(after)
        if not closing:
            continue
        run = [last]
        while i - len(run) >= 0:
            previous = mentions[i - len(run)]
            if previous.paragraph is not text or not SHARED.match(text[previous.end:run[0].start]):
                break
            run.insert(0, previous)
        parts = [part.strip() for part in POSITION_LIST_SPLIT.split(after[: closing.start()].strip(" ,"))]
        if len(run) > 1 and len(parts) == len(run) and all(ROLE_WORDS.match(part) for part in parts):
            for mention, part in zip(run, parts):
                mention.position = part


def share_listed_positions(mentions):
    """"ศึกษานิเทศก์ ได้แก่ นางก ข, นายค ง และนางจ ฉ": the position before the list is each one's."""
    for previous, mention in zip(mentions, mentions[1:]):
        if (previous.list_position and not mention.position and mention.paragraph is previous.paragraph
                and SHARED.match(previous.gap_to_next)):
            mention.position, mention.list_position = previous.position, True
