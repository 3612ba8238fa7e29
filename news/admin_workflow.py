"""The editorial workflow in admin: states, the actions that move an article
between them, the unpublish page, the editor's desk, and the audit log.

Who may do what is asked of news.permissions; what each step does to an article is
the model's (Article.submit/publish/unpublish); this module only wires them to the
admin's doors (form, list actions, buttons) and refuses with 403 what a user may
not do.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import permissions, revisions, thai
from .models import Article, AuditEntry, OfficeMembership

MISSING_ALT_TEXT_TO_PUBLISH = _("“%(title)s” was not published: every photo needs alt text first.")


class WorkflowStateFilter(admin.SimpleListFilter):
    """Draft, in review, scheduled, public, withdrawn, each with how many the user sees."""

    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        counts = model_admin.get_queryset(request).state_counts()
        # The trash is a page of its own (news.admin_trash), never in the list.
        return [
            (state, f"{label} ({counts[state]})") for state, label in Article.State.choices if state in counts
        ]

    def queryset(self, request, queryset):
        if self.value() in Article.State.values and self.value() != Article.State.TRASHED:
            return queryset.in_state(self.value())
        return queryset


class ArticleWorkflowForm(forms.ModelForm):
    """The article form, offering and accepting only the statuses the user may set."""

    user = None  # set per request by ArticleWorkflowMixin.get_form

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status and self.user is not None:
            # self.instance is still the stored article here (the form's values are
            # put on it only after clean()).
            before = self.instance if self.instance.pk else None
            office = cleaned.get("office", self.instance.office if before else None)
            error = permissions.status_error(self.user, before, status, office)
            if error:
                self.add_error("status", error)
        return cleaned


class UnpublishForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for withdrawal"), widget=forms.Textarea(attrs={"rows": 4, "cols": 60}), max_length=2000,
        help_text=_("Readers see it at the article's address, with the date. Write it for them, in Thai."),
    )


class ArticleWorkflowMixin:
    """For ArticleAdmin: the state filter, workflow actions, audit of saves,
    /admin/news/article/<id>/unpublish/ and /admin/news/article/desk/."""

    form = ArticleWorkflowForm
    actions = ["submit_for_review", "publish", "unpublish"]

    # Permissions -------------------------------------------------------------

    def has_publish_permission(self, request):
        """Actions that publish, schedule or unpublish: for publishers of some office."""
        return self.has_change_permission(request) and permissions.publishes_anywhere(request.user)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        if obj is None:
            return permissions.publishes_anywhere(request.user)
        return permissions.can_publish(request.user, obj)

    def response_action(self, request, queryset):
        # Django answers an action the user may not run with "no action selected";
        # a writer's hand-made "publish" is refused outright instead.
        action = request.POST.get("action", "")
        if action in {"delete_selected", *self.actions} and action not in self.get_actions(request):
            raise PermissionDenied
        return super().response_action(request, queryset)

    @staticmethod
    def _only_publishable(request, queryset):
        """The rows, all of which the user may publish; refused (403) otherwise, so
        nothing is half done."""
        allowed = permissions.publishable(request.user)
        if queryset.exclude(pk__in=allowed.values("pk")).exists():
            raise PermissionDenied
        return queryset

    # The form ------------------------------------------------------------------

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.user = request.user
        if "status" in form.base_fields:
            form.base_fields["status"].choices = permissions.status_choices(request.user, obj)
        return form

    def save_model(self, request, obj, form, change):
        before = Article.objects.filter(pk=obj.pk).values("status", "published_at").first() if change else {}
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            obj.record_change(request.user, before.get("status"), before.get("published_at"))

    # Deleting moves to the trash, audited: news.admin_trash.

    # List actions ----------------------------------------------------------------

    @admin.action(description=_("Submit selected articles for review"))
    def submit_for_review(self, request, queryset):
        editable = permissions.editable(request.user, Article)
        if queryset.exclude(pk__in=editable.values("pk")).exists():
            raise PermissionDenied
        drafts = list(queryset.filter(status=Article.Status.DRAFT))
        with revisions.recording(request.user, revisions.Door.ACTION):
            for article in drafts:
                article.submit(request.user)
        self.message_user(request, ngettext(
            "%(count)d article submitted for review.", "%(count)d articles submitted for review.", len(drafts)
        ) % {"count": len(drafts)}, messages.SUCCESS)

    @admin.action(description=_("Publish selected articles (at their time, if it is still to come)"), permissions=["publish"])
    def publish(self, request, queryset):
        queryset = self._only_publishable(request, queryset)
        done = 0
        with revisions.recording(request.user, revisions.Door.ACTION):
            for article in queryset.exclude(status=Article.Status.PUBLISHED):
                if article.photos.filter(alt_text="").exists():  # the inline's rule (admin_photos)
                    self.message_user(request, MISSING_ALT_TEXT_TO_PUBLISH % {"title": article.title}, messages.WARNING)
                    continue
                article.publish(request.user)
                done += 1
        self.message_user(request, ngettext(
            "%(count)d article published or scheduled.", "%(count)d articles published or scheduled.", done
        ) % {"count": done}, messages.SUCCESS)

    @admin.action(description=_("Unpublish selected articles…"), permissions=["publish"])
    def unpublish(self, request, queryset):
        queryset = self._only_publishable(request, queryset).filter(status=Article.Status.PUBLISHED)
        form = UnpublishForm(request.POST if "reason" in request.POST else None)
        if form.is_valid():
            self._unpublish(request, queryset, form.cleaned_data["reason"])
            return None  # back to the list
        return self._unpublish_page(request, list(queryset.select_related("office")), form, bulk=True)

    def _unpublish(self, request, articles, reason):
        with revisions.recording(request.user, revisions.Door.UNPUBLISH):
            for article in articles:
                article.unpublish(request.user, reason)
        count = len(articles)
        self.message_user(request, ngettext(
            "%(count)d article unpublished.", "%(count)d articles unpublished.", count
        ) % {"count": count}, messages.SUCCESS)

    def _unpublish_page(self, request, articles, form, bulk):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Unpublish"),
            "articles": articles,
            "public": [article for article in articles if article.is_published()],
            "form": form,
            "bulk": bulk,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/news/article/unpublish.html", context)

    # Pages of their own --------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("desk/", view(self.desk_view), name="news_article_desk"),
            path("<path:object_id>/unpublish/", view(self.unpublish_view), name="news_article_unpublish"),
            *super().get_urls(),
        ]

    def unpublish_view(self, request, object_id):
        """The change page's "Unpublish" button: asks for the reason, then takes it down."""
        article = self.get_object(request, unquote(object_id))  # None when not visible
        if article is None:
            raise Http404
        if not permissions.can_publish(request.user, article):
            raise PermissionDenied
        change_url = reverse("admin:news_article_change", args=[article.pk])
        if article.status != Article.Status.PUBLISHED:
            self.message_user(request, _("Only published or scheduled news can be unpublished."), messages.WARNING)
            return HttpResponseRedirect(change_url)
        form = UnpublishForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            self._unpublish(request, [article], form.cleaned_data["reason"])
            return HttpResponseRedirect(change_url)
        return self._unpublish_page(request, [article], form, bulk=False)

    def desk_view(self, request):
        """The editor's desk: their offices' drafts, news in review and scheduled news."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        articles = (
            permissions.visible(request.user, Article)
            .select_related("office")
            .defer("body", "summary")
            .order_by("-updated_at", "-pk")
        )
        limit = 50
        sections = [
            (Article.State.IN_REVIEW, _("Waiting for review"), articles.in_state(Article.State.IN_REVIEW)[:limit]),
            (Article.State.SCHEDULED, _("Scheduled"), articles.scheduled().order_by("published_at", "pk")[:limit]),
            (Article.State.DRAFT, _("Drafts"), articles.in_state(Article.State.DRAFT)[:limit]),
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Editor's desk"),
            "sections": sections,
            "limit": limit,
            "publishes": permissions.publishes_anywhere(request.user),
            "changelist_url": reverse("admin:news_article_changelist"),
        }
        return TemplateResponse(request, "admin/news/article/desk.html", context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.status == Article.Status.PUBLISHED and permissions.can_publish(request.user, obj):
            context["unpublish_url"] = reverse("admin:news_article_unpublish", args=[obj.pk])
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description=_("state"))
    def workflow_state(self, obj):
        return obj.state.label


class OfficeMembershipInline(admin.TabularInline):
    """Who works for an office, and as what (superusers only: see OfficeAdmin)."""

    model = OfficeMembership
    extra = 1
    autocomplete_fields = ["user"]


class UserOfficeMembershipInline(OfficeMembershipInline):
    autocomplete_fields = ["office"]


class AuditLogAdminMixin:
    """The audit log's admin (registered in news.admin): read-only, since rows are
    written by the workflow; an editor sees their offices' rows only."""

    list_display = ["when", "username", "action", "article_link", "office", "note"]
    list_filter = ["action"]
    list_select_related = ["office", "article"]
    search_fields = ["article_title", "username"]

    def get_queryset(self, request):
        return permissions.visible(request.user, AuditEntry).select_related("office", "article")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("when"), ordering="at")
    def when(self, obj):
        return thai.format_datetime(obj.at)

    @admin.display(description=_("article"), ordering="article_title")
    def article_link(self, obj):
        if obj.article_id and obj.article.status == Article.Status.TRASHED:
            return format_html('<a href="{}">{}</a>', reverse("admin:news_article_trash"), obj.article_title)
        if obj.article_id:
            return format_html('<a href="{}">{}</a>', reverse("admin:news_article_change", args=[obj.article_id]), obj.article_title)
        return obj.article_title
