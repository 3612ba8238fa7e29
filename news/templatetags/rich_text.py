from django import template
from django.utils.safestring import mark_safe

from news.sanitize import sanitize_html

register = template.Library()


@register.filter
def rich_text(html):
    """Article HTML, sanitised again at output: rows written around save() stay safe too."""
    return mark_safe(sanitize_html(html))
