"""reverse() for the addresses every card and feed item repeats (an article's, an
office's): the same answer for the same arguments, so each process keeps it.

reverse() walks the URL patterns and percent-encodes the Thai slug on each call;
a list page asked it about 50 times. The key holds everything the answer depends
on: the URLconf (settings or a per-thread override), the script prefix and the
active language (i18n_patterns put /en/ in front), so a cached address is always
the one reverse() would give.
"""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


def cached_reverse(viewname, **kwargs):
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _reverse(urlconf, get_script_prefix(), get_language(), viewname, tuple(sorted(kwargs.items())))


@functools.lru_cache(maxsize=8192)
def _reverse(urlconf, prefix, language, viewname, kwargs):
    return reverse(viewname, urlconf=urlconf, kwargs=dict(kwargs))
