"""What an earlier revision of an article has that differs from it now, as an
editor reads it: texts with the words added and removed marked, dates with B.E.
years, photos and attendees row by row.

Words are ICU's (news.search.segments): Thai has no spaces between words, so a
diff by characters (diff-match-patch) or by spaces would mark pieces of words or
whole sentences. difflib's SequenceMatcher then lines up those words, and the
body's paragraphs first, so a changed paragraph shows only its changed words.
"""

import difflib
import re

from django.utils.dateparse import parse_date, parse_datetime, parse_time
from django.utils.html import strip_tags
from django.utils.translation import gettext, gettext_lazy as _

from . import search, thai
from .models import Article, Attendance, Category, Event, Office, Province, Tag

SAME, ADDED, REMOVED = "same", "added", "removed"

_PARAGRAPH_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|td|th|figcaption|tr|div)>|<br\s*/?>", re.I)


# Below this share of words in common, a text reads better as replaced whole than
# as a patchwork of kept syllables ("ผู้|เข้า|ร่วม" against "ผู้|บริหาร").
WHOLE_REPLACEMENT_BELOW = 0.5


def word_diff(old, new):
    """[(op, text)]: the words of `old` and `new` lined up, runs kept whole."""
    old, new = old or "", new or ""
    a, b = search.segments(old), search.segments(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if old and new and old != new and matcher.ratio() < WHOLE_REPLACEMENT_BELOW:
        return [(REMOVED, old), (ADDED, new)]
    pieces = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append((SAME, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append((REMOVED, "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append((ADDED, "".join(b[j1:j2])))
    return pieces


def paragraphs(html):
    """The body as the reader reads it: one text per paragraph, list item or cell."""
    texts = (thai.clean_text(strip_tags(part)) for part in _PARAGRAPH_END.split(html or ""))
    return [text for text in texts if text]


def body_diff(old_html, new_html):
    """[{"op", "pieces"}] a paragraph each: unchanged, added, removed, or changed
    (then with its words marked)."""
    a, b = paragraphs(old_html), paragraphs(new_html)
    rows = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            rows += [{"op": SAME, "pieces": [(SAME, text)]} for text in a[i1:i2]]
            continue
        old_part, new_part = a[i1:i2], b[j1:j2]
        for index in range(max(len(old_part), len(new_part))):
            old_text = old_part[index] if index < len(old_part) else None
            new_text = new_part[index] if index < len(new_part) else None
            if old_text is None:
                rows.append({"op": ADDED, "pieces": [(ADDED, new_text)]})
            elif new_text is None:
                rows.append({"op": REMOVED, "pieces": [(REMOVED, old_text)]})
            else:
                rows.append({"op": "changed", "pieces": word_diff(old_text, new_text)})
    return rows


def _datetime(raw):
    return thai.format_datetime(parse_datetime(raw)) if raw else ""


def _choice(model, name, raw):
    return str(dict(model._meta.get_field(name).flatchoices).get(raw, raw or ""))


def _names(model, pks):
    return {obj.pk: str(obj) for obj in model.objects.filter(pk__in=[pk for pk in pks if pk is not None])}


def _label(model, name):
    return str(model._meta.get_field(name).verbose_name)


def compare(old, now):
    """Everything the revision page shows: `old` (Snapshot of the revision) against
    `now` (Snapshot.now of the article, with the old event's current state)."""
    a, b = old.article, now.article
    texts = [
        {"label": _label(Article, name), "changed": a.get(name) != b.get(name), "pieces": word_diff(a.get(name), b.get(name))}
        for name in ("title", "summary")
    ]
    body_changed = a.get("body") != b.get("body")
    return {
        "texts": texts,
        "body_changed": body_changed,
        "body": body_diff(a.get("body"), b.get("body")) if body_changed else [],
        "fields": _field_rows(old, now),
        "photos": _photo_rows(old, now),
        "event": _event_rows(old, now),
        "attendees": _attendee_rows(old, now),
    }


def _field_rows(old, now):
    a, b = old.article, now.article
    categories = _names(Category, [a.get("category"), b.get("category")])
    offices = _names(Office, [a.get("office"), b.get("office")])
    tags = _names(Tag, [*a.get("tags", []), *b.get("tags", [])])
    events = {pk: e["title"] for pk, e in {**now.events, **old.events}.items()}

    def tag_list(pks):
        return ", ".join(sorted(tags.get(pk, "–") for pk in pks))

    shown = {
        "status": lambda s: _choice(Article, "status", s.get("status")),
        "published_at": lambda s: _datetime(s.get("published_at")),
        "office": lambda s: offices.get(s.get("office"), ""),
        "category": lambda s: categories.get(s.get("category"), ""),
        "tags": lambda s: tag_list(s.get("tags", [])),
        "event": lambda s: events.get(s.get("event"), "") if s.get("event") else "",
        "writer": lambda s: s.get("writer", ""),
        "photographer": lambda s: s.get("photographer", ""),
        "author": lambda s: s.get("author", ""),
        "source_url": lambda s: s.get("source_url", ""),
    }
    rows = []
    for name, show in shown.items():
        before, after = show(a), show(b)
        if before != after:
            rows.append({"label": _label(Article, name), "old": before or "–", "new": after or "–"})
    return rows


def _photo_rows(old, now):
    current = {photo.pk: photo for photo in now.instance.photos.all()}
    new_rows = {p["pk"]: (number, p) for number, p in enumerate(now.photos, 1)}
    rows = []
    for number, photo in enumerate(old.photos, 1):
        if photo["pk"] not in new_rows:
            rows.append({"state": REMOVED, "old_number": number, "new_number": None, "thumbnail": None,
                         "caption": [(REMOVED, photo["caption"])], "alt_text": [(REMOVED, photo["alt_text"])],
                         "cover": (photo["is_cover"], None)})
            continue
        new_number, new = new_rows[photo["pk"]]
        changed = number != new_number or any(photo[f] != new[f] for f in ("caption", "alt_text", "is_cover", "image"))
        rows.append({"state": "changed" if changed else SAME, "old_number": number, "new_number": new_number,
                     "thumbnail": _thumbnail(current.get(photo["pk"])),
                     "caption": word_diff(photo["caption"], new["caption"]),
                     "alt_text": word_diff(photo["alt_text"], new["alt_text"]),
                     "cover": (photo["is_cover"], new["is_cover"]), "file_changed": photo["image"] != new["image"]})
    old_pks = {p["pk"] for p in old.photos}
    for number, new in enumerate(now.photos, 1):
        if new["pk"] not in old_pks:
            rows.append({"state": ADDED, "old_number": None, "new_number": number,
                         "thumbnail": _thumbnail(current.get(new["pk"])),
                         "caption": [(ADDED, new["caption"])], "alt_text": [(ADDED, new["alt_text"])],
                         "cover": (None, new["is_cover"])})
    return rows


def _thumbnail(photo):
    if photo is None or not photo.image:
        return None
    return photo.rendition_url(photo.renditions[0], "jpg") if photo.renditions else photo.image.url


def _event_rows(old, now):
    """Rows where the old event's details differ from that event now."""
    pk = old.article.get("event")
    before, after = old.events.get(pk), now.events.get(pk)
    if before is None or after is None:
        return []
    provinces = _names(Province, [before.get("province"), after.get("province")])
    rows = []
    for name in ("title", "kind", "start_date", "end_date", "start_time", "venue", "province", "mode",
                 "online_platform", "participant_count", "attending_groups"):
        x, y = before.get(name), after.get(name)
        if x == y:
            continue
        if name in ("kind", "mode"):
            x, y = _choice(Event, name, x), _choice(Event, name, y)
        elif name == "province":
            x, y = provinces.get(x, ""), provinces.get(y, "")
        elif name in ("start_date", "end_date"):  # stored as ISO text: shown with B.E. years
            x, y = (thai.format_date(parse_date(v)) if v else "" for v in (x, y))
        elif name == "start_time":
            x, y = (thai.format_time(parse_time(v)) if v else "" for v in (x, y))
        rows.append({"label": _label(Event, name), "old": x if x not in (None, "") else "–",
                     "new": y if y not in (None, "") else "–"})
    return rows


def _attendee_rows(old, now):
    pk = old.article.get("event")
    before = old.attendances_of(pk) if pk else []
    after = now.attendances_of(pk) if pk in now.events else []
    current = {a["pk"]: a for a in after}
    offices = _names(Office, [a["office"] for a in before + after])

    def shown(snapshot, row):
        return {"name": snapshot.person_name(row["person"]), "position": row["position"],
                "role": _choice(Attendance, "role", row["role"]), "office": offices.get(row["office"], "")}

    rows = []
    for row in before:
        then = shown(old, row)
        if row["pk"] not in current:
            rows.append({"state": REMOVED, "old": then, "new": None})
            continue
        new = shown(now, current[row["pk"]])
        changed = then != new or row["order"] != current[row["pk"]]["order"]
        rows.append({"state": "changed" if changed else SAME, "old": then, "new": new})
    before_pks = {row["pk"] for row in before}
    rows += [{"state": ADDED, "old": None, "new": shown(now, row)} for row in after if row["pk"] not in before_pks]
    return rows


STATE_LABELS = {
    SAME: _("unchanged"),
    "changed": _("changed since"),
    ADDED: _("added since"),
    REMOVED: _("removed since"),
}


def state_label(state):
    return gettext(str(STATE_LABELS[state]))
