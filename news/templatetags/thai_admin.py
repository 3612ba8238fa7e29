"""Admin templates in Thai: yes/no icons with Thai alt text."""

import re

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()

_BOOLEAN_ALT = re.compile(r'(<img src="[^"]*/admin/img/icon-(?:yes|no|unknown)\.svg" alt=")(True|False|None)(")')


@register.filter
def thai_boolean_alt(cell):
    """A result-list cell whose yes/no icon says ใช่/ไม่ใช่ to screen readers, not True/False."""
    words = {"True": gettext("Yes"), "False": gettext("No"), "None": gettext("Unknown")}
    return mark_safe(_BOOLEAN_ALT.sub(lambda m: m.group(1) + words[m.group(2)] + m.group(3), str(cell)))
