"""Pages of long lists without a COUNT(*) over every matching row on each request.

A list's count is kept in the shared cache for COUNT_SECONDS, one entry per list
and filter set. Saving or deleting an article, event or office (or changing an
article's tags) starts a new count generation, so an editor's change shows at
once. No cron job says when a scheduled article comes out, so each article save
notes the next scheduled time (NEXT_DUE_KEY), and the first list asked after it
starts a new generation too.
`?page=N` links and the Thai 404 for a page past the end work as before. A page's
rows are looked up by id (see `page()`), so deep pages stay cheap.
"""

import hashlib
import uuid

from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.functional import cached_property

COUNT_SECONDS = 60
GENERATION_KEY = "list-count:generation"
NEXT_DUE_KEY = "list-count:next-due"


class CachedCountPaginator(Paginator):
    def __init__(self, *args, count_key, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = f"list-count:{count_key}"

    @cached_property
    def count(self):
        # One cache round trip for the generation and the count together.
        found = cache.get_many([GENERATION_KEY, NEXT_DUE_KEY, self.count_key])
        generation = found.get(GENERATION_KEY)
        due = found.get(NEXT_DUE_KEY)
        if due is not None and due <= timezone.now():
            # A scheduled article has come out since these counts were made.
            generation = forget_counts()
            note_next_due()
        if self.count_key in found:
            cached_generation, count = found[self.count_key]
            if cached_generation == generation:
                return count
        count = super().count
        cache.set(self.count_key, (generation, count), COUNT_SECONDS)
        return count

    def page(self, number):
        """The page's rows found by id first: a deep page's OFFSET then skips entries
        of the (status, -published_at, -id) index only, not whole rows, and the
        database cannot choose to sort the whole table instead."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = self._page_ids(bottom, top)
        by_id = self.object_list.filter(pk__in=ids).in_bulk()
        return self._get_page([by_id[pk] for pk in ids if pk in by_id], number, self)

    def _page_ids(self, bottom, top):
        """The ids of rows bottom..top, walking the index from whichever end is nearer:
        the last pages of a million-row list cost what the first pages cost, and no
        page skips more than half of the rows."""
        ids = self.object_list.prefetch_related(None).values_list("pk", flat=True)
        if bottom <= self.count - top or not self.object_list.ordered:
            return list(ids[bottom:top])
        return list(ids.reverse()[self.count - top:self.count - bottom])[::-1]


class CachedCountMixin:
    """For a ListView/FilterView: its paginator caches the count per path and filters."""

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        params = sorted((name, value) for name, values in self.request.GET.lists() if name != "page" for value in values)
        key = hashlib.sha256(repr((self.request.path, params)).encode()).hexdigest()[:32]
        return CachedCountPaginator(
            queryset, per_page, orphans=orphans, allow_empty_first_page=allow_empty_first_page, count_key=key, **kwargs
        )


def forget_counts(**kwargs):
    """Signal receiver: every cached list count is out of date."""
    generation = uuid.uuid4().hex
    cache.set(GENERATION_KEY, generation, None)
    return generation


def note_next_due(**kwargs):
    """Signal receiver (an article saved): when the next scheduled article comes out."""
    from news.models import Article

    cache.set(NEXT_DUE_KEY, Article.objects.next_publication_time(), None)
