from django import template
from django.utils.safestring import mark_safe

from news.sanitize import sanitize_html
from news.thai import compose_sara_am

register = template.Library()


@register.filter
def rich_text(html):
    """Article HTML, sanitised again at output: rows written around save() stay safe too."""
    return mark_safe(compose_sara_am(sanitize_html(html)))


@register.filter
def display_text(text):
    """Plain text (titles) as it should be laid out: see thai.compose_sara_am."""
    return compose_sara_am(text)
