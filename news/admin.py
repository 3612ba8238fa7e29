from django.apps import apps
from django.contrib import admin
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.views.main import ChangeList
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import BadRequest, FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import Count, Q
from django.db.models.constants import LOOKUP_SEP
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from js_asset import Media

from . import permissions, revisions, search, thai
from .admin_edit_lock import EditLockMixin
from .admin_import import PressReleaseImportMixin
from .admin_photos import BulkPhotoUploadMixin, PhotoInlineFormSet, PhotoThumbnailInput
from .admin_preview import PreviewLinksMixin
from .admin_trash import ArticleTrashMixin
from .admin_revisions import ArticleRevisionsMixin, RecordsRevisionsOnDeleteMixin
from .admin_workflow import (
    ArticleWorkflowMixin,
    AuditLogAdminMixin,
    OfficeMembershipInline,
    UserOfficeMembershipInline,
    WorkflowStateFilter,
)
from .forms import (
    AutocompleteSelectMultipleWellFormed,
    AutocompleteSelectWellFormed,
    BuddhistEraDateWidget,
    RichTextField,
    ThaiDateField,
    ThaiSplitDateTimeField,
    ThaiSplitDateTimeWidget,
    ThaiTimeField,
    ThaiTimeWidget,
)
from .models import (
    Article,
    Attendance,
    AuditEntry,
    Category,
    Event,
    Office,
    Person,
    Photo,
    Province,
    Tag,
    TaggedArticle,
)
from .sanitize import sanitize_html


def spelling_variants_q(word, fields):
    """Q matching one search word, in any spelling it may be stored in, in any field."""
    match = Q()
    for variant in thai.spelling_variants(word):
        for field in fields:
            match |= Q(**{f"{field}__icontains": variant})
    return match


class SpellingVariantSearchMixin:
    """Admin search that finds "อำนวยการ" however the stored text spells it.

    Each search word is looked up in every form it may be stored in (ำ or ํ+า,
    Thai or Arabic digits), so editors never miss a record over a keyboard habit.
    """

    def get_search_results(self, request, queryset, search_term):
        # The public search's reading of the query (news.search); articles use its index.
        query = search.Query(search_term)
        if not query or not self.search_fields:
            return super().get_search_results(request, queryset, search_term)
        if hasattr(queryset, "search"):
            return queryset.search(query), False
        for word in query.terms:
            queryset = queryset.filter(self.search_word_q(request, word))
        may_have_duplicates = any("__" in f for f in self.search_fields)
        return queryset, may_have_duplicates

    def search_word_q(self, request, word):
        return spelling_variants_q(word, [f.lstrip("^=@") for f in self.search_fields])


# What an editor reads when a form is sent with a row they may not use: a hand-made
# POST, or an event that stopped being public since it was linked.
UNAVAILABLE_CHOICE_MESSAGES = {
    Event: _("Link only events of your offices, or events another office has already published news about."),
    Person: _("That person is not available: choose someone from the list."),
    Tag: _("That tag is not available: choose one from the list or type a new one."),
}


class FollowsRulesMixin:
    """Choice lists (and so autocomplete answers and accepted POSTs) hold only the
    rows news.permissions lets the user see; only rows it lets them change are
    changed or deleted."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kwargs.setdefault("queryset", permissions.visible(request.user, db_field.related_model))
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault("widget", AutocompleteSelectWellFormed(db_field, self.admin_site))
        return self._unavailable_message(db_field, super().formfield_for_foreignkey(db_field, request, **kwargs))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("queryset", permissions.visible(request.user, db_field.related_model))
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault("widget", AutocompleteSelectMultipleWellFormed(db_field, self.admin_site))
        return self._unavailable_message(db_field, super().formfield_for_manytomany(db_field, request, **kwargs))

    @staticmethod
    def _unavailable_message(db_field, field):
        if field is not None and db_field.related_model in UNAVAILABLE_CHOICE_MESSAGES:
            field.error_messages["invalid_choice"] = UNAVAILABLE_CHOICE_MESSAGES[db_field.related_model]
        return field

    # For an inline, `obj` is the object the rows belong to.
    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or permissions.can_change(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or permissions.can_change(request.user, obj)
        )


def keep_showing_current_choice(field, current):
    """A link the object has but the user may no longer choose (another office's
    event that went back to embargo) stays on screen, and saving it is refused with
    the reason, instead of the box showing empty and the link vanishing on save."""
    if current is None or not hasattr(field, "queryset") or field.queryset.filter(pk=current).exists():
        return
    allowed = field.queryset
    field.queryset = allowed | allowed.model._default_manager.filter(pk=current)

    def still_allowed(value):
        if value is not None and not allowed.filter(pk=value.pk).exists():
            raise ValidationError(field.error_messages["invalid_choice"], code="invalid_choice", params={"value": value.pk})

    field.validators = [*field.validators, still_allowed]


class EditorRulesMixin(FollowsRulesMixin):
    """Lists, change pages, form choices and autocomplete answers follow
    news.permissions: an editor sees their offices' work and what is public, and
    changes only their offices' work. `office_field` names the owning office, which
    editors choose among their own offices (pre-filled when they have one)."""

    office_field = None

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(pk__in=permissions.visible(request.user, self.model).values("pk"))

    def delete_queryset(self, request, queryset):
        # "Delete selected" acts on the rows listed, which include read-only ones.
        super().delete_queryset(request, queryset & permissions.editable(request.user, self.model))

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is not None and not request.user.is_superuser:
            for name, field in form.base_fields.items():
                keep_showing_current_choice(field, getattr(obj, f"{name}_id", None))
        return form

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        if self.office_field and self.office_field not in initial:
            offices = list(permissions.editable(request.user, Office)[:2])
            if len(offices) == 1:
                initial[self.office_field] = offices[0].pk
        return initial

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == self.office_field:
            kwargs["queryset"] = permissions.editable(request.user, Office)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class EditorRulesInlineMixin(FollowsRulesMixin):
    """Rows inside an object (photos, attendees) are changed by whoever may change it."""

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and (obj is None or permissions.can_change(request.user, obj))


class DateHierarchyChangeList(ChangeList):
    def get_filters(self, request):
        # Django turns only a ValueError from the typed date-hierarchy year, month
        # and day into its "invalid lookup" answer: ?published_at__year=99999999999999999999
        # (OverflowError) and the year 9999 (whose next year does not exist) were 500s.
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as error:
            raise BadRequest("date out of range") from error


class PortalModelAdmin(SpellingVariantSearchMixin, admin.ModelAdmin):
    # Editors type dates the Thai way (26/5/2566) as often as they use the picker,
    # and read them back the same way: B.E. years, times as 09.00.
    formfield_overrides = {
        models.DateField: {"form_class": ThaiDateField, "widget": BuddhistEraDateWidget},
        models.TimeField: {"form_class": ThaiTimeField, "widget": ThaiTimeWidget},
        models.DateTimeField: {"form_class": ThaiSplitDateTimeField, "widget": ThaiSplitDateTimeWidget},
    }

    def get_changelist(self, request, **kwargs):
        return DateHierarchyChangeList

    def lookup_allowed(self, lookup, value, request=None):
        # Django lets any list filter on a reverse relation (/admin/news/office/?articles=6),
        # which tells whether a row the user may not see exists, and where.
        try:
            field = self.model._meta.get_field(lookup.split(LOOKUP_SEP)[0])
        except FieldDoesNotExist:
            field = None
        if field is not None and field.auto_created and not field.concrete:
            return False
        return super().lookup_allowed(lookup, value, request)

    def response_action(self, request, queryset):
        # Django filters by the ticked ids as sent; "abc" would be a 500.
        for value in request.POST.getlist(ACTION_CHECKBOX_NAME):
            try:
                self.model._meta.pk.to_python(value)
            except ValidationError:
                raise BadRequest("not an id") from None
        return super().response_action(request, queryset)

    def get_deleted_objects(self, objs, request):
        """The delete summary without rows of Django's own link tables: deleting an
        article (or a tag) unlinks them ("Article_tags object (1)"), it deletes neither.
        Nor the tags' list entries (TaggedArticle), copies of those links."""
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        links = [model._meta for model in apps.get_models(include_auto_created=True) if model._meta.auto_created]
        links.append(TaggedArticle._meta)
        prefixes = tuple(f"{capfirst(opts.verbose_name)}: " for opts in links)

        def without_links(items):
            kept = [without_links(item) if isinstance(item, list) else item for item in items]
            return [item for item in kept if item != [] and not str(item).startswith(prefixes)]

        for opts in links:
            model_count.pop(opts.verbose_name_plural, None)
        return without_links(to_delete), model_count, perms_needed, protected

    # Read-only timestamps in Thai with B.E. years (Django would write "2026").
    @admin.display(description=_("created"))
    def created(self, obj):
        return thai.format_datetime(obj.created_at)

    @admin.display(description=_("last changed"))
    def updated(self, obj):
        return thai.format_datetime(obj.updated_at)


@admin.register(Province)
class ProvinceAdmin(PortalModelAdmin):
    list_display = ["name_th", "name_en", "code", "region"]
    list_filter = ["region"]
    search_fields = ["name_th", "name_en", "code"]


@admin.register(Office)
class OfficeAdmin(PortalModelAdmin):
    list_display = ["short_name", "name", "kind", "parent", "province"]
    list_filter = ["kind", "province__region"]
    list_select_related = ["parent", "province"]
    search_fields = ["short_name", "name", "slug"]
    autocomplete_fields = ["parent", "province"]

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        # An autocomplete box that chooses the *owning* office offers only the editor's.
        try:
            source = self.admin_site.get_model_admin(apps.get_model("news", request.GET.get("model_name", "")))
        except (LookupError, NotRegistered):
            source = None
        if request.GET.get("field_name") == getattr(source, "office_field", None):
            queryset = queryset & permissions.editable(request.user, Office)
        return queryset, may_have_duplicates

    def get_inlines(self, request, obj):
        # Who works for which office, and as what, is for superusers to know and set.
        return [OfficeMembershipInline] if request.user.is_superuser else []


@admin.register(Category)
class CategoryAdmin(PortalModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]


@admin.register(Tag)
class TagAdmin(EditorRulesMixin, PortalModelAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]

    def get_queryset(self, request):
        # Count only the news this user may know of (another office's drafts stay
        # unseen) and that is not in the trash, on its way out.
        known = permissions.visible_articles_q(request.user, prefix="articles__") & ~Q(articles__status=Article.Status.TRASHED)
        return super().get_queryset(request).annotate(num_articles=Count("articles", filter=known)).order_by("name")

    @admin.display(description=_("articles"), ordering="num_articles")
    def article_count(self, obj):
        return obj.num_articles


class AttendanceInline(EditorRulesInlineMixin, admin.TabularInline):
    model = Attendance
    extra = 3
    autocomplete_fields = ["person", "office"]
    fields = ["order", "person", "role", "position", "office"]


@admin.register(Person)
class PersonAdmin(EditorRulesMixin, PortalModelAdmin):
    list_display = ["__str__", "appearance_count"]
    search_fields = ["name", "honorific"]

    def get_queryset(self, request):
        seen = Q(attendances__in=permissions.visible(request.user, Attendance))
        return (
            super().get_queryset(request)
            .annotate(num_appearances=Count("attendances", filter=seen))
            .order_by("name_key", "pk")
        )

    def search_word_q(self, request, word):
        """Also find people by a position they held, at events the user may see."""
        held = permissions.visible(request.user, Attendance).filter(spelling_variants_q(word, ["position"]))
        return super().search_word_q(request, word) | Q(pk__in=held.values("person"))

    @admin.display(description=_("appearances"), ordering="num_appearances")
    def appearance_count(self, obj):
        return obj.num_appearances


@admin.register(Event)
class EventAdmin(RecordsRevisionsOnDeleteMixin, EditorRulesMixin, PortalModelAdmin):
    office_field = "organiser"
    revision_door = revisions.Door.EVENT  # a revision of each article reporting the event

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


class PhotoInline(EditorRulesInlineMixin, admin.TabularInline):
    model = Photo
    formset = PhotoInlineFormSet  # alt text before publishing
    extra = 3
    fields = ["order", "image", "is_cover", "caption", "alt_text"]
    formfield_overrides = {
        models.ImageField: {"widget": PhotoThumbnailInput(attrs={"accept": "image/*,.heic,.heif,.avif"})},
    }
    template = "admin/news/photo/tabular.html"  # no file names; rows as cards on phones

    def get_fields(self, request, obj=None):
        if obj is not None and not self.has_change_permission(request, obj):
            # Read only (a writer on published news): the picture, not its file name.
            return ["order", "thumbnail", "cover_mark", "caption", "alt_text"]
        return super().get_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not self.has_change_permission(request, obj):
            return ["thumbnail", "cover_mark"]
        return super().get_readonly_fields(request, obj)

    @admin.display(description=_("image"))
    def thumbnail(self, photo):
        url = photo.rendition_url(photo.renditions[0], "jpg") if photo.renditions else photo.image.url
        return format_html('<img src="{}" alt="{}" width="96" loading="lazy">', url, photo.alt)

    @admin.display(description=_("cover"))
    def cover_mark(self, photo):
        return _("Cover") if photo.is_cover else ""

    class Media:
        css = {"all": ["news/admin/photos.css"]}
        js = ["news/admin/photo-order.js"]  # drag to reorder


@admin.register(Article)
class ArticleAdmin(
    ArticleTrashMixin, ArticleWorkflowMixin, PressReleaseImportMixin, PreviewLinksMixin, EditLockMixin, BulkPhotoUploadMixin,
    ArticleRevisionsMixin, EditorRulesMixin, PortalModelAdmin,
):
    office_field = "office"
    list_display = ["title", "office", "category", "workflow_state", "publication", "read_count"]
    list_filter = [WorkflowStateFilter, "category", "office__kind", "office", "published_at"]
    list_select_related = ["office", "category"]
    search_fields = ["title"]  # searched through news.search's index (SpellingVariantSearchMixin)
    date_hierarchy = "published_at"
    autocomplete_fields = ["office", "category", "event", "tags"]
    inlines = [PhotoInline]
    readonly_fields = ["read_count", "created", "updated"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "body":
            return db_field.formfield(form_class=RichTextField)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def render_change_form(self, request, context, *args, **kwargs):
        # The body editor's import map is an inline script: it carries this
        # request's CSP nonce (admin pages are never cached).
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, *args, **kwargs)

    @admin.display(description=_("publication time"), ordering="published_at")
    def publication(self, obj):
        return thai.format_datetime(obj.published_at)

    @admin.display(description=_("body"))
    def body_as_shown(self, obj):
        return mark_safe(sanitize_html(obj.body))  # the one HTML policy, as on the public page

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Read only (a writer on published news): the body as readers see it, B.E. times.
        shown = {"body": "body_as_shown", "published_at": "publication"}
        return [
            (name, {**options, "fields": [shown.get(field, field) if isinstance(field, str) else field for field in options["fields"]]})
            for name, options in fieldsets
        ]

    fieldsets = [
        (None, {"fields": ["title", "summary", "body"]}),
        (_("Filing"), {"fields": ["office", "category", "tags", "event"]}),
        (_("Credits"), {"fields": [("writer", "photographer", "author"), "source_url"]}),
        (_("Publishing"), {"fields": ["status", "published_at", "read_count", ("created", "updated")]}),
    ]


@admin.register(AuditEntry)
class AuditEntryAdmin(AuditLogAdminMixin, PortalModelAdmin):
    pass


# Offices and roles are also set on the user's page (django.contrib.auth registers it first).
admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class PortalUserAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, UserOfficeMembershipInline]
