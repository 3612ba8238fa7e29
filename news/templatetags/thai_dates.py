"""Template filters that show dates in Thai with Buddhist-era years."""

from django import template

from news import thai

register = template.Library()


@register.filter
def be_date(value):
    """{{ article.published_at|be_date }} → 26 พฤษภาคม 2566"""
    return thai.format_date(value)


@register.simple_tag
def be_date_range(start, end=None):
    """{% be_date_range event.start_date event.end_date %} → 25–28 พฤษภาคม 2566"""
    return thai.format_date_range(start, end)


@register.filter
def be_year(value):
    return thai.be_year(value) if value else ""


@register.filter
def thai_time(value):
    return thai.format_time(value)


@register.filter
def be_datetime(value):
    """{{ action.action_time|be_datetime }} → 29 พฤศจิกายน 2569 09.00 น."""
    return thai.format_datetime(value)
