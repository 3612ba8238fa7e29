"""The news list's long drop-downs (343 offices, 77 provinces) without a query,
model instances or a template per option on every request.

Rendering them through Django's select widget cost about two thirds of an
uncached list page (docs/performance.md, "Rendering"). Two parts:

- `memo_choices(model, to_field)`: the (value, label) pairs of every office or
  province, kept in this process's memory under a *version* read from the shared
  cache (one `get` per request). Saving or deleting an office or a province sets a
  new version at once and again when the transaction commits (`bump_version`),
  so every process of every app server rebuilds its pairs on its next request,
  never keeps rows read before the commit, and sees an uncommitted change in its
  own transaction (tests, admin previews).
- `FastSelect`: a `forms.Select` that writes its HTML in Python, byte for byte
  what Django's `select.html`/`select_option.html` templates write
  (tests/test_choices.py compares the two).
"""

import threading
import uuid

from django import forms
from django.core.cache import cache
from django.db import transaction
from django.utils.choices import BaseChoiceIterator
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

VERSION_KEY = "filter-choices:version"

_memo = {}
_memo_lock = threading.Lock()


def current_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        # First request after a cache flush (or ever): any version will do, as long
        # as every process reads the same one.
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def bump_version(using=None, **kwargs):
    """Signal receiver (an office or province saved or deleted): every process's pairs are old."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    # Again after the commit: a process that read the first new version before the
    # commit may have stored the rows as they were.
    transaction.on_commit(lambda: cache.set(VERSION_KEY, uuid.uuid4().hex, None), using=using)


def memo_choices(queryset, to_field, version, empty_label):
    """The choices of every row of `queryset` as a ModelChoiceField with
    `to_field_name=to_field` offers them, after `empty_label`; the rows' options
    come from this process's memory when it holds them for `version`."""
    key = (queryset.model._meta.label, to_field)
    found = _memo.get(key)
    if version is None or found is None or found[0] != version:
        found = (version, [option_pieces(getattr(obj, to_field), str(obj)) for obj in queryset])
        if version is not None:  # a cache that keeps nothing (DummyCache): no memo either
            with _memo_lock:
                _memo[key] = found
    return MemoChoices(option_pieces("", empty_label), found[1])


def option_pieces(value, label):
    """(value, label, what comes before ` selected`, what comes after) of one <option>, escaped."""
    value = "" if value is None else str(value)
    return value, label, f'\n  <option value="{conditional_escape(value)}"', f">{conditional_escape(label)}</option>\n"


class MemoChoices(BaseChoiceIterator):
    """Choices already escaped into option pieces. A BaseChoiceIterator, so Django
    does not walk (normalize) the list again when it is set on a widget."""

    def __init__(self, first, pieces):
        self.first = first
        self.pieces = pieces

    def option_pieces(self):
        yield self.first
        yield from self.pieces

    def __iter__(self):
        for value, label, _head, _tail in self.option_pieces():
            yield value, label


class FastSelect(forms.Select):
    """Django's Select, rendered without a template per option (same bytes)."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        values = self.format_value(value)
        if isinstance(self.choices, MemoChoices):
            pieces = self.choices.option_pieces()
        else:
            pieces = (option_pieces(v, label) for v, label in self.choices if not group(label))
        parts = [f'<select name="{conditional_escape(name)}"{attributes(attrs)}>']
        has_selected = False
        for option_value, _label, head, tail in pieces:
            selected = not has_selected and option_value in values
            has_selected = has_selected or selected
            parts.append(f"{head} selected{tail}" if selected else head + tail)
        parts.append("\n</select>")
        return mark_safe("".join(parts))


def group(label):
    if isinstance(label, (list, tuple)):
        raise NotImplementedError("FastSelect has no option groups")
    return False


def attributes(attrs):
    """As attrs.html writes them: ` name="value"`, a bare ` name` for True, nothing for False."""
    out = []
    for name, value in attrs.items():
        if value is False:
            continue
        out.append(f" {name}" if value is True else f' {name}="{conditional_escape(str(value))}"')
    return "".join(out)
