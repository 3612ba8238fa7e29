"""Admin templates in Thai: the date hierarchy in Buddhist-era years, yes/no icons with Thai alt text."""

import re

from django import template
from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from news import thai

register = template.Library()

# Django titles the links "2023", "พฤศจิกายน 2023" (year-month) and "9 พฤศจิกายน";
# a four-digit number in them can only be a year.
_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")


def _buddhist_era(title):
    return _YEAR.sub(lambda match: str(int(match.group(1)) + thai.BE_OFFSET), str(title))


@register.inclusion_tag("admin/date_hierarchy.html")
def be_date_hierarchy(cl):
    """Django's {% date_hierarchy cl %}, every year written in the Buddhist era."""
    context = date_hierarchy(cl) or {"show": False}
    if context.get("back"):
        context["back"] = {**context["back"], "title": _buddhist_era(context["back"]["title"])}
    context["choices"] = [{**choice, "title": _buddhist_era(choice["title"])} for choice in context.get("choices", [])]
    return context


_BOOLEAN_ALT = re.compile(r'(<img src="[^"]*/admin/img/icon-(?:yes|no|unknown)\.svg" alt=")(True|False|None)(")')


@register.filter
def thai_boolean_alt(cell):
    """A result-list cell whose yes/no icon says ใช่/ไม่ใช่ to screen readers, not True/False."""
    words = {"True": gettext("Yes"), "False": gettext("No"), "None": gettext("Unknown")}
    return mark_safe(_BOOLEAN_ALT.sub(lambda m: m.group(1) + words[m.group(2)] + m.group(3), str(cell)))
