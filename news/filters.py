"""The news-list filters: what readers can narrow the list by, and how bad input is told."""

import datetime

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from . import choices, search, thai
from .forms import ThaiDateField
from .models import Article, Category, Office, Province, Tag


class ThaiDateFilter(django_filters.Filter):
    field_class = ThaiDateField


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class TagField(django_filters.fields.ModelChoiceField):
    """A tag as readers type it: "#เรียนดีมีความสุข", "เรียนดี มีความสุข" or its slug."""

    def to_python(self, value):
        if isinstance(value, str) and value:
            value = Tag.slug_for(value)
        return super().to_python(value)


class TagFilter(django_filters.ModelChoiceFilter):
    field_class = TagField

    def filter(self, queryset, value):
        # The tag's range of its index, newest first (ArticleQuerySet.tagged); a
        # search that follows orders by its own ranking.
        return queryset.tagged(value) if value else queryset


# Called per request: public() compares with the time now, which a queryset made
# when this module loads would keep (a tag first used by news published since the
# server started was refused as "not one of the choices").
def public_categories(request):
    return Category.objects.public()


def public_tags(request):
    return Tag.objects.public()


class ArticleFilter(django_filters.FilterSet):
    # No max_length: a long query is cut by news.search and the reader told (200, not 400).
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    office = django_filters.ModelChoiceFilter(
        label=_("Office"), queryset=Office.objects.all(), to_field_name="slug",
        method="filter_office", empty_label=_("All offices"), widget=choices.FastSelect,
    )
    province = django_filters.ModelChoiceFilter(
        label=_("Province"), queryset=Province.objects.all(), to_field_name="code",
        method="filter_province", empty_label=_("All provinces"), widget=choices.FastSelect,
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Category"), queryset=public_categories, to_field_name="slug",
        empty_label=_("All categories"), widget=choices.FastSelect,
    )
    tag = TagFilter(
        label=_("Tag"), queryset=public_tags, to_field_name="slug",
        empty_label=_("All tags"), widget=forms.TextInput,
    )
    date_from = ThaiDateFilter(label=_("From date"), method="filter_date_from")
    date_to = ThaiDateFilter(label=_("To date"), method="filter_date_to")
    fiscal_year = IntegerFilter(
        label=_("Fiscal year (B.E.)"), method="filter_fiscal_year", min_value=2480, max_value=2800,
    )

    class Meta:
        model = Article
        fields = ["q", "office", "province", "category", "tag", "date_from", "date_to", "fiscal_year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        invalid_choice = _("“%(value)s” is not one of the choices; pick one from the list.")
        for name in ["office", "province", "category", "tag"]:
            self.form.fields[name].error_messages["invalid_choice"] = invalid_choice
        self.form.fields["fiscal_year"].error_messages["invalid"] = _(
            "Enter the fiscal year in the Buddhist era, e.g. 2567."
        )
        # Every office and province, from this process's memory while no office or
        # province changed (news.choices); the fields still validate against the table.
        version = choices.current_version()
        for name in ["office", "province"]:
            field = self.form.fields[name]
            field.widget.choices = choices.memo_choices(field.queryset, field.to_field_name, version, field.empty_label)

    def filter_queryset(self, queryset):
        # The search ranks what the other filters leave (news.search.search), so it comes last.
        data = self.form.cleaned_data
        for name, value in data.items():
            if name != "q":
                queryset = self.filters[name].filter(queryset, value)
        return self.filters["q"].filter(queryset, data.get("q"))

    @property
    def search_query(self):
        """The reader's search as news.search reads it, or None when `q` was not sent."""
        if "q" not in self.data:
            return None
        if not hasattr(self, "_search_query"):
            self._search_query = search.Query(self.data.get("q", "").strip())
        return self._search_query

    def filter_text(self, queryset, name, value):
        # Nothing searchable (only punctuation): the list stays whole, with a notice.
        return queryset.search(self.search_query) if self.search_query else queryset

    def filter_office(self, queryset, name, office):
        return queryset.by_office_tree(office)

    def filter_province(self, queryset, name, province):
        return queryset.in_province(province)

    def filter_date_from(self, queryset, name, value):
        return queryset.filter(published_at__gte=thai.local_midnight(value))

    def filter_date_to(self, queryset, name, value):
        return queryset.filter(published_at__lt=thai.local_midnight(value + datetime.timedelta(days=1)))

    def filter_fiscal_year(self, queryset, name, value):
        first, last = thai.fiscal_year_bounds(int(value))
        return queryset.filter(
            published_at__gte=thai.local_midnight(first),
            published_at__lt=thai.local_midnight(last + datetime.timedelta(days=1)),
        )
