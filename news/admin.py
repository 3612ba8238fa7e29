from django.contrib import admin
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import thai
from .forms import ThaiDateField
from .models import (
    Article,
    Attendance,
    Category,
    Event,
    Office,
    Person,
    Photo,
    Province,
    Tag,
)

admin.site.site_header = _("Education Office News: editors")
admin.site.site_title = _("Education Office News")
admin.site.index_title = _("Content")


class SpellingVariantSearchMixin:
    """Admin search that finds "อำนวยการ" however the stored text spells it.

    Each search word is looked up in every form it may be stored in (ำ or ํ+า,
    Thai or Arabic digits), so editors never miss a record over a keyboard habit.
    """

    def get_search_results(self, request, queryset, search_term):
        term = thai.normalize(search_term)
        if not term or not self.search_fields:
            return super().get_search_results(request, queryset, search_term)
        fields = [f.lstrip("^=@") for f in self.search_fields]
        for word in term.split(" "):
            match = Q()
            for variant in thai.spelling_variants(word):
                for field in fields:
                    match |= Q(**{f"{field}__icontains": variant})
            queryset = queryset.filter(match)
        may_have_duplicates = any("__" in f for f in fields)
        return queryset, may_have_duplicates


class SearchAdmin(SpellingVariantSearchMixin, admin.ModelAdmin):
    # Editors type dates the Thai way (26/5/2566) as often as they use the picker.
    formfield_overrides = {models.DateField: {"form_class": ThaiDateField}}


@admin.register(Province)
class ProvinceAdmin(SearchAdmin):
    list_display = ["name_th", "name_en", "code", "region"]
    list_filter = ["region"]
    search_fields = ["name_th", "name_en", "code"]


@admin.register(Office)
class OfficeAdmin(SearchAdmin):
    list_display = ["short_name", "name", "kind", "parent", "province"]
    list_filter = ["kind", "province__region"]
    list_select_related = ["parent", "province"]
    search_fields = ["short_name", "name", "slug"]
    autocomplete_fields = ["parent", "province"]


@admin.register(Category)
class CategoryAdmin(SearchAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]


@admin.register(Tag)
class TagAdmin(SearchAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(num_articles=Count("articles"))

    @admin.display(description=_("articles"), ordering="num_articles")
    def article_count(self, obj):
        return obj.num_articles


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 3
    autocomplete_fields = ["person", "office"]
    fields = ["order", "person", "role", "position", "office"]


@admin.register(Person)
class PersonAdmin(SearchAdmin):
    list_display = ["__str__", "appearance_count"]
    search_fields = ["name", "honorific", "attendances__position"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(num_appearances=Count("attendances"))

    @admin.display(description=_("appearances"), ordering="num_appearances")
    def appearance_count(self, obj):
        return obj.num_appearances


@admin.register(Event)
class EventAdmin(SearchAdmin):
    list_display = ["title", "dates", "organiser", "province", "mode", "fiscal_year"]
    list_filter = ["kind", "mode", "fiscal_year", "organiser__kind", "start_date"]
    list_select_related = ["organiser", "province"]
    search_fields = ["title", "venue", "attendances__person__name"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["organiser", "province"]
    inlines = [AttendanceInline]
    readonly_fields = ["fiscal_year"]
    @admin.display(description=_("date"), ordering="start_date")
    def dates(self, obj):
        return thai.format_date_range(obj.start_date, obj.end_date)

    fieldsets = [
        (None, {"fields": ["title", "kind", "organiser"]}),
        (_("When"), {"fields": [("start_date", "end_date"), "start_time", "fiscal_year"]}),
        (_("Where"), {"fields": ["venue", "province", ("mode", "online_platform")]}),
        (_("Who"), {"fields": ["participant_count", "attending_groups"]}),
    ]


class PhotoInline(admin.TabularInline):
    model = Photo
    extra = 3
    fields = ["order", "image", "caption", "alt_text"]


@admin.register(Article)
class ArticleAdmin(SearchAdmin):
    list_display = ["title", "office", "category", "status", "publication", "is_published", "read_count"]
    list_filter = ["status", "category", "office__kind", "office", "published_at"]
    list_select_related = ["office", "category"]
    search_fields = ["search_text"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["office", "category", "event", "tags"]
    inlines = [PhotoInline]
    readonly_fields = ["read_count", "created_at", "updated_at"]

    @admin.display(description=_("publication time"), ordering="published_at")
    def publication(self, obj):
        return f"{thai.format_date(obj.published_at)} {timezone.localtime(obj.published_at):%H:%M}"

    fieldsets = [
        (None, {"fields": ["title", "summary", "body"]}),
        (_("Filing"), {"fields": ["office", "category", "tags", "event"]}),
        (_("Credits"), {"fields": [("writer", "photographer", "author"), "source_url"]}),
        (_("Publishing"), {"fields": ["status", "published_at", "read_count", ("created_at", "updated_at")]}),
    ]
