from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def translated_url(context, language):
    """This page's address in another language (/news/?q=x ↔ /en/news/?q=x).

    A plain link rather than Django's set_language form: the form would give every
    anonymous reader a CSRF cookie and make pages uncacheable (Vary: Cookie).
    """
    return translate_url(context["request"].get_full_path(), language)
