"""{% article_share_meta %} and {% event_share_meta %}: hand news.seo's Open Graph
values and JSON-LD to the meta partials without changing the detail views."""

from django import template

from news import seo

register = template.Library()


@register.simple_tag(takes_context=True)
def article_share_meta(context, article):
    """{% article_share_meta article as share %}"""
    return seo.article_meta(article, context["request"])


@register.simple_tag(takes_context=True)
def event_share_meta(context, event, articles=()):
    """{% event_share_meta event articles as share %}"""
    return seo.event_meta(event, articles, context["request"])
