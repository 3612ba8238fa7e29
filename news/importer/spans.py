"""Where each extracted fact was written in the text the editor gave, so the admin
can highlight the words a field came from.

The parser reads a tidied copy of the text (lines trimmed, spaces folded, invisible
characters dropped), so offsets are found again in the original: a fact's words are
looked up with any run of spaces (or invisible characters) allowed where the tidied
copy has one space, from where the facts before it were written.
"""

import re

_SPACE = r"[\s\u00a0\u202f\u2007\u200b\u200c\u200d\u2060\ufeff\u00ad]"
_INVISIBLE = r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]*"


def _pattern(snippet):
    parts = []
    for word in snippet.split():
        parts.append(_INVISIBLE.join(re.escape(ch) for ch in word))
    return re.compile(f"{_SPACE}+".join(parts))


def locate(text, snippet, start=0, end=None):
    """[start, end] of `snippet` in `text` at or after `start`, or None."""
    if not snippet or not snippet.strip():
        return None
    match = _pattern(snippet).search(text, start, len(text) if end is None else end)
    return [match.start(), match.end()] if match else None


def locate_last(text, snippet):
    found = None
    for match in _pattern(snippet).finditer(text) if snippet and snippet.strip() else ():
        found = [match.start(), match.end()]
    return found


def segments(text, spans):
    """The text cut into (piece, labels) runs: labels is the set of fields whose
    span covers the piece (empty for plain text); spans is [(start, end, label)]."""
    cuts = sorted({0, len(text), *(s for s, _e, _l in spans), *(e for _s, e, _l in spans)})
    runs = []
    for left, right in zip(cuts, cuts[1:]):
        labels = [label for s, e, label in spans if s <= left and right <= e]
        if runs and runs[-1][1] == labels:
            runs[-1] = (runs[-1][0] + text[left:right], labels)
        else:
            runs.append((text[left:right], labels))
    return runs
