from django.contrib import admin
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from . import thai
from .forms import (
    BuddhistEraDateWidget,
    ThaiDateField,
    ThaiSplitDateTimeField,
    ThaiSplitDateTimeWidget,
    ThaiTimeField,
    ThaiTimeWidget,
)
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


class OfficeScopedMixin:
    """Editors work for their offices (and the offices under them) only.

    `office_field` names the owning office. A superuser sees everything. With
    `scope_list` on, other offices' rows (drafts included) are not even listed;
    without it they are listed (events are linked from any office's news) but only
    the owning office may change or delete them.
    """

    office_field = "office"
    scope_list = True

    def editable_offices(self, request):
        return Office.objects.editable_by(request.user)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self.scope_list and not request.user.is_superuser:
            queryset = queryset.filter(**{f"{self.office_field}__in": self.editable_offices(request)})
        return queryset

    def owns(self, request, obj):
        if obj is None or request.user.is_superuser:
            return True
        return self.editable_offices(request).filter(pk=getattr(obj, f"{self.office_field}_id")).exists()

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.owns(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.owns(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == self.office_field:
            kwargs["queryset"] = self.editable_offices(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class SearchAdmin(SpellingVariantSearchMixin, admin.ModelAdmin):
    # Editors type dates the Thai way (26/5/2566) as often as they use the picker,
    # and read them back the same way: B.E. years, times as 09.00.
    formfield_overrides = {
        models.DateField: {"form_class": ThaiDateField, "widget": BuddhistEraDateWidget},
        models.TimeField: {"form_class": ThaiTimeField, "widget": ThaiTimeWidget},
        models.DateTimeField: {"form_class": ThaiSplitDateTimeField, "widget": ThaiSplitDateTimeWidget},
    }

    # Read-only timestamps in Thai with B.E. years (Django would write "2026").
    @admin.display(description=_("created"))
    def created(self, obj):
        return thai.format_datetime(obj.created_at)

    @admin.display(description=_("last changed"))
    def updated(self, obj):
        return thai.format_datetime(obj.updated_at)


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
    autocomplete_fields = ["parent", "province", "editors"]
    # Autocomplete boxes that choose the *owning* office offer only the editor's.
    OWNING_FIELDS = {("article", "office"), ("event", "organiser")}

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if (request.GET.get("model_name"), request.GET.get("field_name")) in self.OWNING_FIELDS:
            queryset = queryset & Office.objects.editable_by(request.user)
        return queryset, may_have_duplicates


@admin.register(Category)
class CategoryAdmin(SearchAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]


@admin.register(Tag)
class TagAdmin(SearchAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(num_articles=Count("articles")).order_by("name")

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
        return super().get_queryset(request).annotate(num_appearances=Count("attendances")).order_by("name_key", "pk")

    @admin.display(description=_("appearances"), ordering="num_appearances")
    def appearance_count(self, obj):
        return obj.num_appearances


@admin.register(Event)
class EventAdmin(OfficeScopedMixin, SearchAdmin):
    office_field = "organiser"
    scope_list = False

    list_display = ["title", "dates", "organiser", "province", "mode", "fiscal_year"]
    list_filter = ["kind", "mode", "fiscal_year", "organiser__kind", "start_date"]
    list_select_related = ["organiser", "province"]
    search_fields = ["title", "venue", "attendances__person__name"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["organiser", "province"]
    inlines = [AttendanceInline]
    readonly_fields = ["fiscal_year", "created", "updated"]
    @admin.display(description=_("date"), ordering="start_date")
    def dates(self, obj):
        return thai.format_date_range(obj.start_date, obj.end_date)

    fieldsets = [
        (None, {"fields": ["title", "kind", "organiser"]}),
        (_("When"), {"fields": [("start_date", "end_date"), "start_time", "fiscal_year"]}),
        (_("Where"), {"fields": ["venue", "province", ("mode", "online_platform")]}),
        (_("Who"), {"fields": ["participant_count", "attending_groups"]}),
        (None, {"fields": [("created", "updated")]}),
    ]


class PhotoInline(admin.TabularInline):
    model = Photo
    extra = 3
    fields = ["order", "image", "caption", "alt_text"]


@admin.register(Article)
class ArticleAdmin(OfficeScopedMixin, SearchAdmin):
    list_display = ["title", "office", "category", "status", "publication", "is_published", "read_count"]
    list_filter = ["status", "category", "office__kind", "office", "published_at"]
    list_select_related = ["office", "category"]
    search_fields = ["search_text"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["office", "category", "event", "tags"]
    inlines = [PhotoInline]
    readonly_fields = ["read_count", "created", "updated"]

    @admin.display(description=_("publication time"), ordering="published_at")
    def publication(self, obj):
        return thai.format_datetime(obj.published_at)

    fieldsets = [
        (None, {"fields": ["title", "summary", "body"]}),
        (_("Filing"), {"fields": ["office", "category", "tags", "event"]}),
        (_("Credits"), {"fields": [("writer", "photographer", "author"), "source_url"]}),
        (_("Publishing"), {"fields": ["status", "published_at", "read_count", ("created", "updated")]}),
    ]
