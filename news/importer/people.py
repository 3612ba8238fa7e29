"""Named people in a release: honorific, name, the position written with the
name, and the part they played (chair, panelist, participant).

A person is a name the text writes after a title (titles.py), or a bare name with a
position written beside it (names.py decides what may be a name); groups
("ผู้บริหารระดับสูง", "ศึกษาธิการจังหวัด") are never people (groups.py).
"""

import re

from .names import (is_compound_of_words, is_family_name, is_given_name, looks_like_name, looks_like_titled_name,
                    looks_like_unlisted_name)
from .patterns import thai_re
from .positions import (GLUED_POSITION, LIST_OPENER, LIST_WORD, PLURAL_GROUP, ROLE_WORDS, STOPS, VERB_START, foreign_bodies,
                        position_after, position_before)
from .presence import lead_size, list_intro, took_part  # noqa: F401 (parser.py imports lead_size from here)
from .roles import (ACT_AFTER_SPACE, ASIDE, ASSIGNED, ASSIGNED_BY, CAPACITY, CHAIR_LABEL, CHAIR_NAMED_AFTER,
                    CHAIR_TITLE, CHAIR_VERB, CHAIRED, HONOURED, JOINT, MANY, OPENING_BEFORE, OWN_ACT, PANEL,
                    PANEL_AFTER, RECEIVED, SHARED, SPEAKER, SPEAKER_AFTER, TEACHES, THEN_CHAIRS,
                    VIDEO_ONLY, is_cited)
from .sharing import share_listed_positions, share_positions, share_respective_positions
from .titles import (BARE_NAME, JOINED_NEXT, KHUN, LATIN_MENTION, MENTION, MONK, MONK_ACTING, NOT_FAMILY, NOT_NAMES,
                     NOT_TITLED_FAMILY, is_title_start, split_woman_rank)

ROLE_RANK = {"participant": 0, "speaker": 1, "panelist": 1, "chair": 2, "opening_chair": 2}


# "ผู้เข้ารับการอบรมเป็นประธาน…": the trainees, a new subject after a person's position.
TRAINEES = thai_re(r"^(?:ผู้เข้ารับ|ผู้เข้าร่วม|ผู้รับการ|ผู้ร่วม|ผู้เข้า)")
# "… กล่าวต้อนรับ", "… ให้การต้อนรับ", "… กล่าวรายงาน": a part of one's own, written after the position.
OWN_PART = thai_re(r"^(?:ได้)?(?:กล่าวต้อนรับ|ให้การต้อนรับ|กล่าวรายงาน)")


class Mention:
    def __init__(self, paragraph, index, start, end, honorific, given, family, family_start):
        self.start, self.end = start, end
        self.honorific = re.sub(r"\s+", " ", honorific).strip()
        # "ใจดีผู้อำนวยการ…" (a position) and "ใจดีและนายค ง" (the next person) typed against it.
        glued = GLUED_POSITION.search(family) or JOINED_NEXT.search(family)
        if glued:
            family = family[: glued.start()]
            self.end = family_start + glued.start()
        self.name = f"{given} {family}".strip()  # a monk has one name
        self.paragraph = paragraph
        self.index = index
        self.position = ""
        self.role = "participant"
        self.assigner = False

    def gap_to_previous(self, previous):
        gap = self.paragraph[previous.end:self.start]
        return gap.replace(previous.position, "", 1) if previous.position else gap

    @classmethod
    def from_match(cls, match, paragraph, index):
        honorific, given = split_woman_rank(match["honorific"], match["given"])
        return cls(paragraph, index, *match.span(), honorific, given, match["family"], match.start("family"))


# "บาทหลวงยอห์น สมชาย ใจดี", "ซิสเตอร์มารีอา วันดี มีสุข": a Catholic's baptismal name comes first.
CATHOLIC_TITLES = ("บาทหลวง", "ซิสเตอร์", "บราเดอร์", "ภราดา")
NEXT_WORD = re.compile(r" ([\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]{2,})(?=[\s,]|$)")


def _christian_name(mention, match):
    """Extend `mention` by one word when its title is a Catholic's and its "family name" and the
    next word are a given and a family name (no role word, verb or place)."""
    following = NEXT_WORD.match(mention.paragraph, mention.end)
    if (following and mention.honorific.endswith(CATHOLIC_TITLES) and looks_like_name(match["family"], following[1])
            and not ROLE_WORDS.match(following[1]) and not NOT_TITLED_FAMILY.match(following[1])
            and not VERB_START.match(following[1])):
        mention.name, mention.end = f"{mention.name} {following[1]}", following.end()


def _mentions(paragraph, index, bare=True):
    found, cited = [], []
    position = 0
    while match := MENTION.search(paragraph, position):
        # A match inside a word (the "ศ. และนางสาวก ข" of "กอศ. และนางสาวก ข": ศ. is a
        # title) is searched again one character on, so it does not hide the real one.
        if not is_title_start(paragraph, match.start()):
            position = match.start() + 1
            continue
        # A rejected match is searched again from its last word: "นายอำเภอท่าอุเทน นายสมชาย ใจดี"
        # first matches "นายอำเภอท่าอุเทน นายสมชาย" (a position), which must not hide the person.
        position = match.start("family")
        if (match["honorific"] + match["given"]).startswith(NOT_NAMES):
            continue
        if ROLE_WORDS.match(match["family"]) or ROLE_WORDS.match(match["given"]) or NOT_TITLED_FAMILY.match(match["family"]):
            continue  # "นายสมชาย ผู้อำนวยการ…": no surname written, so not a full name; nor a verb
        if is_cited(paragraph[: match.start()]):
            cited.append(Mention.from_match(match, paragraph, index))  # its words are no bare name either
            continue
        found.append(Mention.from_match(match, paragraph, index))
        _christian_name(found[-1], match)
        position = found[-1].end  # "นางก ขและนายค ง": the next one starts inside the match
    # Monks: "พระครูวิมลธรรมโสภณ เจ้าคณะอำเภอเมืองแพร่", "พระมหาสุริยา อุตฺตมปญฺโญ เจ้าอาวาส…",
    # known by the monastic post after the name.
    for match in [*_overlapping(MONK, paragraph), *_overlapping(MONK_ACTING, paragraph)]:
        if (is_title_start(paragraph, match.start()) and not is_cited(paragraph[: match.start()])
                and not any(m.start <= match.start() < m.end for m in found)):
            family = match["family"] or ""
            found.append(Mention(paragraph, index, match.start(), match.end(), match["honorific"],
                                 match["given"], family, match.start("family") if family else match.end()))
    # "คุณธนกฤต วรรณประเสริฐ": คุณ is a title only before a name (not คุณภาพ, คุณธรรม).
    for match in KHUN.finditer(paragraph):
        if (is_title_start(paragraph, match.start()) and looks_like_titled_name(match["given"], match["family"])
                and not ROLE_WORDS.match(match["family"]) and not is_cited(paragraph[: match.start()])
                and not any(m.start <= match.start() < m.end or match.start() <= m.start < match.end() for m in found)):
            found.append(Mention.from_match(match, paragraph, index))
    # Foreign teachers and guests: "Mr.John Smith ครูชาวต่างชาติ".
    for match in LATIN_MENTION.finditer(paragraph):
        if not is_cited(paragraph[: match.start()]):
            found.append(Mention.from_match(match, paragraph, index))
    if bare:
        found.extend(_bare_mentions(paragraph, index, found + cited))
    return sorted(found, key=lambda mention: mention.start)



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
        # "…และวันดี มีสุข" typed against a word: only the next name of a pair ("สมศรี ใจดีและ").
        if paragraph[:start].endswith("และ") and "\u0e01" <= paragraph[start - 4:start - 3] <= "\u0e4e" and not any(
                m.end == start - 3 for m in taken + found):
            continue
        # "สมศรี ใจดีและวันดี มีสุข": the next name typed against the family name ends it.
        joined_next = re.search(r"(?<=[\u0e01-\u0e4e]{2})และ(?=[\u0e01-\u0e4e]{2})", family)
        if joined_next and is_given_name(family[joined_next.end():]):
            family = family[: joined_next.start()]
            end = match.start("family") + len(family)
        if ROLE_WORDS.match(given) or ROLE_WORDS.match(family) or NOT_FAMILY.match(family):
            continue
        listed_name = looks_like_name(given, family)
        if not listed_name and not looks_like_unlisted_name(given, family):
            continue
        after, before = paragraph[end:], paragraph[:start]
        # "Ms. ก ข ผู้อำนวยการบริติช เคานซิล ประจำประเทศไทย": words right after another person's name and
        # position (no verb, comma or "และ" between) are more of that position, not a person.
        previous = max((m for m in taken + found if m.end <= start), key=lambda m: m.end, default=None)
        between = paragraph[previous.end:start] if previous else ""
        if (between and ROLE_WORDS.match(between.lstrip()) and STOPS.search(between.strip()).start() == len(between.strip())
                and not re.search(r"(?:^|\s)(?:และ|กับ)|,", between)):
            continue
        # "นำโดย สุนทร แก้วประเสริฐ": a listed name starting at the second word beats an unlisted one.
        following = re.match(r" ([\u0e01-\u0e4e]+)(?=[\s,]|$)", after)
        if not listed_name and following and looks_like_name(family, following[1]):
            continue
        # The position is written right after the name (no comma between) or right before it.
        role_after = ROLE_WORDS.match(after.lstrip(" "))
        tail = [part for part in STOPS.split(before) if part.strip()]
        held = position_before(tail[-1]) if tail else ""
        listed = bool(held) and bool(LIST_OPENER.search(tail[-1]))  # "ศึกษานิเทศก์ … ได้แก่ สมศรี ใจดี"
        # "… ได้แก่ สมศรี ใจดี และวันดี มีสุข": the next name of the same list.
        joined = bool(found) and SHARED.match(paragraph[found[-1].end:start]) is not None and found[-1].listed
        written_before = bool(held) and tail[-1].rstrip().endswith(held)
        if not role_after and not written_before and not listed and not joined:
            continue
        # "ผู้อำนวยการ สพป.ลำปาง เขต 2 ณัฏฐ์ชวัล อินต๊ะวงศ์ ลงพื้นที่": a given name the list lacks
        # needs a known family name, or the position just before it and the sentence going on
        # after it (a verb, a comma, "และ").
        if not listed_name and not is_family_name(family) and not (
                (written_before or listed or joined) and (STOPS.match(after) or re.match(r"\s*(?:และ|,)", after)
                                                          or VERB_START.match(after.lstrip()))) and not (
                role_after and CLAUSE_OPENER.search(before) and _held_then_verb(after) and _rare_spelling(given, family)):
            continue
        if is_cited(before) or _in_quote(paragraph, start):
            continue
        mention = Mention(paragraph, index, start, end, "", given, family, match.start("family"))
        mention.listed = listed or joined
        found.append(mention)
    return found


# Where a sentence or a list item begins: the paragraph's start, a date or time, a joining word.
CLAUSE_OPENER = thai_re(r"(?:^|\d|น\.|(?<![\u0e01-\u0e4e])(?:โดยมี|พร้อมด้วย|และ|นำโดย|โดย|ในการนี้|ทั้งนี้|ได้แก่|คือ)|,)\s*$")


def _rare_spelling(given, family):
    """"ณัฏฐ์ชวัล อินต๊ะวงศ์": a given name that is no run of dictionary words, and a known family
    name or another such word (phrases between spaces, "ผ่านระบบ สาขาตรัง", are runs of words)."""
    return not is_compound_of_words(given) and (is_family_name(family) or not is_compound_of_words(family))


def _held_then_verb(after):
    """"ณัฏฐ์ชวัล อินต๊ะวงศ์ ผู้อำนวยการ สพป.… เขต 2 เป็นประธาน…": a one person's position written
    after the name, then the verb, a comma, "และ" or the end (not a group, not more words)."""
    held = position_after(after)
    if not held or PLURAL_GROUP.match(held):
        return False
    rest = after.lstrip()[len(held):] if after.lstrip().startswith(held) else None
    return rest is not None and bool(not rest.strip() or STOPS.match(rest) or re.match(r"\s*(?:และ|,)", rest)
                                     or VERB_START.match(rest.lstrip()))


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


def _describe(mentions, bodies=()):
    """Fill in each mention's position, role and whether it assigned the chair."""
    for i, mention in enumerate(mentions):
        mention.joint = False
        text = mention.paragraph
        mention.gap_to_next = ""
        if i + 1 < len(mentions) and mentions[i + 1].paragraph is text:
            mention.gap_to_next = text[mention.end:mentions[i + 1].start]
        nxt = mentions[i + 1].start if i + 1 < len(mentions) and mentions[i + 1].paragraph is text else len(text)
        mention.position = position_after(text[mention.end:nxt], bodies)
        mention.list_position = False
        # "… ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาทั้ง 5 เขต": a post in every office is a group's.
        many = bool(mention.position) and MANY.search(mention.position) is not None
        if not mention.position or PLURAL_GROUP.match(mention.position) or CAPACITY.match(mention.position) or many:
            prev_end = mentions[i - 1].end if i and mentions[i - 1].paragraph is text else 0
            gap = text[prev_end:mention.start]
            if i and mentions[i - 1].paragraph is text:
                used = position_after(gap)
                gap = gap.split(used, 1)[1] if used and used in gap else gap
            tail = [part for part in STOPS.split(gap) if part.strip()]
            before = position_before(tail[-1]) if tail else ""
            if before or not mention.position or many:
                mention.position = before
                # "ศึกษานิเทศก์ ได้แก่ …" and "ศึกษานิเทศก์ก ข และค ง": a position written once
                # before names joined by "และ" or commas is each one's.
                mention.list_position = bool(before)
        after = text[mention.end:nxt]
        verb = _chair_verb(after)
        if verb and TRAINEES.match(_past_position(after, mention.position)):
            verb = None  # "… ศึกษานิเทศก์ ผู้เข้ารับการอบรมเป็นประธาน…กรรมการ": the trainees' post
        mention.blocked = False
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
        elif SPEAKER_AFTER.search(after) or TEACHES.match(_past_position(after, mention.position)):
            mention.role = "speaker"
        elif PANEL_AFTER.search(after):
            mention.role = "panelist"
        elif _verb_of_previous(mentions, i):
            # "ทพญ.ก ข … เป็นวิทยากร… และ นส.ค ง … ตรวจ…": that word was the one before's.
            mention.blocked = True
        elif i and mentions[i - 1].paragraph is text and mentions[i - 1].blocked and SHARED.match(
                mention.gap_to_previous(mentions[i - 1])):
            # "… บรรยาย… พร้อมด้วย นางก ข … และนายค ง … เข้าร่วม": the one joined to them by "และ" too.
            mention.blocked = True
        elif OWN_PART.match(_past_position(after, mention.position)):
            pass  # "… ผู้อำนวยการ สพป.… กล่าวต้อนรับ": welcoming is this one's part, not the event's panel
        else:
            before = getattr(mention, "intro", "") + "\n" + text[:mention.start]
            if PANEL.search(before):
                mention.role = "panelist"
            elif SPEAKER.search(before):
                mention.role = "speaker"


def _past_position(after, position):
    """The words after a person's name and the position written there (all of them if none is)."""
    after = after.lstrip()
    return after[len(position):].lstrip() if position and after.startswith(position) else after


def _verb_of_previous(mentions, i):
    """A "เป็นวิทยากร/ร่วมเสวนา…" written as the verb of the person named just before in the
    paragraph (not a word introducing a list) is that person's part, not this one's."""
    if not i or mentions[i - 1].paragraph is not mentions[i].paragraph:
        return False
    gap = mentions[i].paragraph[mentions[i - 1].end:mentions[i].start]
    verb = SPEAKER_AFTER.search(gap) or PANEL_AFTER.search(gap)
    return bool(verb) and not LIST_WORD.search(gap[verb.end():]) and not SHARED.match(gap)


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
    verb = CHAIR_VERB.match(after, first.start() + offset)
    then = not verb and THEN_CHAIRS.search(after, first.start())
    return CHAIR_VERB.match(after, then.end()) if then else verb


def _acting_there(found):
    """The mentions of a later paragraph whose own verb is an act at the event, or shared with the next
    by "และ"; one only named there (thanked, cited, "ได้มอบนโยบาย", "เคยกล่าวไว้") is not kept."""
    _describe(found)
    acting = []
    for i in range(len(found) - 1, -1, -1):
        mention = found[i]
        after = ASIDE.sub("", mention.paragraph[mention.end:].lstrip())
        if mention.position and after.startswith(mention.position):
            after = ASIDE.sub("", after[len(mention.position):].lstrip())
        nxt = acting[0] if acting and acting[0] is found[min(i + 1, len(found) - 1)] else None
        gap = mention.paragraph[mention.end:nxt.start].replace(mention.position or "\0", "", 1) if nxt else ""
        if OWN_ACT.match(after) or (nxt and SHARED.match(gap)):
            acting.insert(0, mention)
    return acting


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


def _video_only(mention):
    """One whose own clause says they only sent a video message, and who plays no part there."""
    own = mention.gap_to_next or mention.paragraph[mention.end:]
    return mention.role == "participant" and not mention.assigner and bool(VIDEO_ONLY.search(own))


def find_people(paragraphs, where=None, claimed=None):
    """(chair, attendees) from the body paragraphs, attendees in text order.

    The lead names who took part; a later paragraph counts only if it says so
    (a minister whose policy is quoted did not attend). A person named twice is
    listed once, at the first place, with the more specific role. When `where` is
    a list, it gets (paragraph index, start, end) of each attendee's first mention.
    """
    mentions = []
    for index, paragraph in enumerate(paragraphs):
        present = not index or took_part(paragraphs, index)
        if not present and not ACT_AFTER_SPACE.search(paragraph):  # cheap: no "ดังกล่าว"
            continue
        # Past the lead, a person acting in a paragraph that says no one took part is a titled one
        # (a bare name there needs more words around it than a verb: see "Not done").
        found = [m for m in _mentions(paragraph, index, bare=present) if not _in_quote(paragraph, m.start)]
        if not present:
            found = _acting_there(found)
        intro = list_intro(paragraphs, index) if index else ""
        for mention in found:
            mention.intro = intro  # "วิทยากร ดังนี้" before a list makes its people speakers
        mentions.extend(found)
    _describe(mentions, foreign_bodies("\n".join(paragraphs)))
    mentions = [m for m in mentions if not _video_only(m)]
    share_positions(mentions)
    share_listed_positions(mentions)
    share_respective_positions(mentions)
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


