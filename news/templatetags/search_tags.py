from django import template

from news import search

register = template.Library()


@register.filter
def search_passage(article, query):
    """The part of an article that matched a search, the reader's words in <mark>."""
    return search.highlight(article, query)
