"""Pages of long lists without a COUNT(*) over every matching row on each request.

A list's count is kept in the shared cache for COUNT_SECONDS, one entry per list
and filter set. Saving or deleting an article, event or office (or changing an
article's tags) starts a new count generation, so an editor's change shows at
once. No cron job says when a scheduled article comes out, so each article save
notes the next scheduled time (NEXT_DUE_KEY), and the first list asked after it
starts a new generation too.
`?page=N` links and the Thai 404 for a page past the end work as before. A page's
rows are looked up by id (see `page()`), so deep pages stay cheap.

Keyset links. A list ordered newest first by one column and then the id (news by
`-published_at, -pk`, past events by `-start_date, -pk`) also carries a cursor in
its "Older" and "Newer" links: `?page=N&older_than=<cursor>` is the page whose rows
come after the previous page's last row, `newer_than` the one whose rows come
before the next page's first. Such a page is found by walking the index from the
cursor, with no OFFSET, so a reader paging down a million rows pays what page 1
costs on every page. `page=N` alone (numbered links, old bookmarks) still works by
OFFSET. A cursor that cannot be read, or that finds no row, is ignored (the page
is then found by its number), so no cursor can make an error page.
"""

import datetime
import hashlib
import uuid

from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property

COUNT_SECONDS = 60
GENERATION_KEY = "list-count:generation"
NEXT_DUE_KEY = "list-count:next-due"


KEYSET_PARAMS = ("older_than", "newer_than")
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


class CachedCountPaginator(Paginator):
    def __init__(self, *args, count_key, cursor=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = f"list-count:{count_key}"
        self.cursor = cursor  # (one of KEYSET_PARAMS, its raw value) or None

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
        ids = (self._keyset_ids(top - bottom) if number > 1 else None) or self._page_ids(bottom, top)
        by_id = self.object_list.filter(pk__in=ids).in_bulk()
        page = self._get_page([by_id[pk] for pk in ids if pk in by_id], number, self)
        column = self.keyset_column
        if column and page.object_list:
            page.newer_cursor = self.encode_cursor(getattr(page.object_list[0], column), page.object_list[0].pk)
            page.older_cursor = self.encode_cursor(getattr(page.object_list[-1], column), page.object_list[-1].pk)
        return page

    @cached_property
    def keyset_column(self):
        """The column of an order "newest first, then the id" (e.g. published_at), or None."""
        query = self.object_list.query
        order = list(query.order_by or (self.object_list.model._meta.ordering if query.default_ordering else ()))
        if len(order) != 2 or order[1] not in ("-pk", "-id") or not str(order[0]).startswith("-"):
            return None
        column = order[0][1:]
        try:
            field = self.column_field(column)
        except FieldDoesNotExist:  # e.g. a related row's column: no keyset here
            return None
        return column if isinstance(field, (models.DateTimeField, models.DateField)) else None

    def column_field(self, column):
        """The model field named `column`, or the output field of an annotation of
        that name (e.g. ArticleQuerySet.tagged()'s tagged_at, read on every row)."""
        query = self.object_list.query
        if column in query.annotation_select:
            return query.annotation_select[column].output_field
        return self.object_list.model._meta.get_field(column)

    @staticmethod
    def encode_cursor(value, pk):
        if isinstance(value, datetime.datetime):
            value = (value - EPOCH) // datetime.timedelta(microseconds=1)  # whole microseconds, URL-safe
        else:
            value = value.isoformat()
        return f"{value}_{pk}"

    def decode_cursor(self, raw):
        """(value, pk) from a cursor, or None when it is not one."""
        value, _, pk = raw.partition("_")
        try:
            pk = int(pk)
            if not 0 < pk < 2**63:  # beyond a database integer: no such row
                return None
            field = self.column_field(self.keyset_column)
            if isinstance(field, models.DateTimeField):
                value = EPOCH + datetime.timedelta(microseconds=int(value))
            else:
                value = datetime.date.fromisoformat(value)
        except (ValueError, OverflowError):
            return None
        return value, pk

    def _keyset_ids(self, size):
        """The ids of a page reached through an "Older" or "Newer" link: the `size`
        rows after (or before) the cursor's row, by the ordering index."""
        if not (self.cursor and self.keyset_column):
            return None
        param, raw = self.cursor
        decoded = self.decode_cursor(raw)
        if decoded is None:
            return None
        value, pk = decoded
        column = self.keyset_column
        ids = self.object_list.prefetch_related(None).values_list("pk", flat=True)
        if param == "older_than":
            # column <= value narrows the index range; the OR breaks ties by id.
            after = Q(**{f"{column}__lte": value}) & (Q(**{f"{column}__lt": value}) | Q(pk__lt=pk))
            return list(ids.filter(after)[:size])
        before = Q(**{f"{column}__gte": value}) & (Q(**{f"{column}__gt": value}) | Q(pk__gt=pk))
        return list(ids.filter(before).reverse()[:size])[::-1]

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
        params = sorted(
            (name, value) for name, values in self.request.GET.lists()
            if name != "page" and name not in KEYSET_PARAMS for value in values
        )
        key = hashlib.sha256(repr((self.request.path, params)).encode()).hexdigest()[:32]
        cursor = next(((name, self.request.GET[name]) for name in KEYSET_PARAMS if self.request.GET.get(name)), None)
        return CachedCountPaginator(
            queryset, per_page, orphans=orphans, allow_empty_first_page=allow_empty_first_page, count_key=key,
            cursor=cursor, **kwargs
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
