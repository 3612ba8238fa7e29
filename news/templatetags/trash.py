"""{% trash_days %}: how long a deleted article waits in the trash (admin's delete pages)."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def trash_days():
    return settings.NEWS_TRASH_DAYS
