"""An article's revisions in admin: the list (/admin/news/article/<id>/revisions/),
one revision against the article now (…/revisions/<revision id>/), and restoring it
(…/restore/, POST). Who may see them is who may see the article; who may restore,
news.permissions.can_restore_revision (news.revision_restore does it). The doors
that save wrap their work in news.revisions.recording(); this module wraps the
article's and the event's forms.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext, gettext_lazy as _
from django.views.decorators.http import require_POST

from . import permissions, revision_diff, revision_restore, revisions
from .admin_edit_lock import VERSION_FIELD

HISTORY_PAGE_SIZE = 20


class RecordsRevisionsMixin:
    """A saved change form (with its inlines) makes a revision of the articles it touched."""

    revision_door = revisions.Door.FORM

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        with revisions.recording(request.user, self.revision_door):
            return super().changeform_view(request, object_id, form_url, extra_context)


class RecordsRevisionsOnDeleteMixin(RecordsRevisionsMixin):
    """Deleting an event unlinks the news reporting it: their history says so."""

    def delete_view(self, request, object_id, extra_context=None):
        if request.method != "POST":
            return super().delete_view(request, object_id, extra_context)
        with revisions.recording(request.user, self.revision_door):
            return super().delete_view(request, object_id, extra_context)

    def delete_queryset(self, request, queryset):
        with revisions.recording(request.user, self.revision_door):
            super().delete_queryset(request, queryset)


class ArticleRevisionsMixin(RecordsRevisionsMixin):
    """ArticleAdmin's revision pages, and the way to them from the change page."""

    def get_urls(self):
        view = self.admin_site.admin_view  # login, staff, CSRF, never cached
        return [
            path("<path:object_id>/revisions/", view(self.revisions_view), name="news_article_revisions"),
            path("<path:object_id>/revisions/<int:revision_id>/", view(self.revision_view), name="news_article_revision"),
            path("<path:object_id>/revisions/<int:revision_id>/restore/", view(self.restore_revision_view),
                 name="news_article_restore_revision"),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["revisions_url"] = reverse("admin:news_article_revisions", args=[obj.pk])
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _visible_article(self, request, object_id):
        article = self.get_object(request, unquote(object_id))  # None when not the user's office's
        if article is None:
            raise Http404
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        return article

    def _context(self, request, article, title):
        opts = self.model._meta
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "subtitle": str(article),
            "opts": opts,
            "original": article,
            "article_url": reverse("admin:news_article_change", args=[article.pk]),
            "revisions_url": reverse("admin:news_article_revisions", args=[article.pk]),
            "has_view_permission": True,
        }

    def revisions_view(self, request, object_id):
        """Who changed the article when, and a few words on what, newest first (paged:
        the same number of queries however many revisions it has)."""
        article = self._visible_article(request, object_id)
        page = Paginator(revisions.history(article), HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
        rows = []
        if page.object_list:
            listed = list(page.object_list)
            older = revisions.history(article).filter(pk__lt=listed[-1].pk).first()
            rows = revisions.history_rows(article, listed, older)
        context = {**self._context(request, article, _("Versions of this news")), "page": page, "rows": rows}
        return TemplateResponse(request, "admin/news/article/revisions.html", context)

    def _revision(self, article, revision_id):
        return get_object_or_404(revisions.history(article), pk=revision_id)

    def revision_view(self, request, object_id, revision_id, error=None, status=200):
        """The revision against the article now, and (for who may) the restore button."""
        article = self._visible_article(request, object_id)
        revision = self._revision(article, revision_id)
        old = revisions.Snapshot.of_revision(revision, article.pk)
        event = old.article.get("event")
        now = revisions.Snapshot.now(article, extra_events=[event] if event else [])
        may_restore = permissions.can_restore_revision(request.user, article)
        plan = revision_restore.RestorePlan(request.user, article, old, now) if may_restore else None
        context = {
            **self._context(request, article, _("Compare a version with the news now")),
            "revision": revision,
            "door": revisions.Door.label(revision.comment),
            "diff": revision_diff.compare(old, now),
            "state_labels": {key: revision_diff.state_label(key) for key in revision_diff.STATE_LABELS},
            "may_restore": may_restore,
            "warnings": plan.warnings() if plan else [],
            "refusal": plan.refusal() if plan else None,
            "restore_url": reverse("admin:news_article_restore_revision", args=[article.pk, revision.pk]),
            "version_field": VERSION_FIELD,
            "loaded_version": article.version,
            "error": error,
        }
        return TemplateResponse(request, "admin/news/article/revision.html", context, status=status)

    def restore_revision_view(self, request, object_id, revision_id):
        return require_POST(self._restore_revision)(request, object_id, revision_id)

    def _restore_revision(self, request, object_id, revision_id):
        article = self._visible_article(request, object_id)
        revision = self._revision(article, revision_id)
        if not permissions.can_restore_revision(request.user, article):
            raise PermissionDenied
        try:
            loaded = int(request.POST.get(VERSION_FIELD, ""))
        except ValueError:
            loaded = None
        try:
            changed, warnings = revision_restore.restore(article, revision, request.user, loaded)
        except revision_restore.RestoreRefused as refused:
            article.refresh_from_db()
            return self.revision_view(request, object_id, revision_id, error=str(refused.args[0]), status=409)
        if changed:
            messages.success(request, gettext("The earlier version was restored. Its status and publication time "
                                              "were left as they were."))
        else:
            messages.info(request, gettext("This version is the same as the news now: nothing was changed."))
        for warning in warnings:
            messages.warning(request, warning)
        return HttpResponseRedirect(reverse("admin:news_article_change", args=[article.pk]))
