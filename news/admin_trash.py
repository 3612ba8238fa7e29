"""The trash in admin: deleting an article moves it there (Article.trash), and its
office's publishers restore it (Article.restore) or delete it for good
(Article.purge) at /admin/news/article/trash/; manage.py purge_trash empties what
has waited NEWS_TRASH_DAYS.

Who sees which trashed article is news.permissions.trash(); every door here asks it.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from . import permissions
from .sanitize import sanitize_html
from .models import Article

TRASH_PAGE_SIZE = 50


class ArticleTrashMixin:
    """For ArticleAdmin: deletes move to the trash; the trash page, restore and purge."""

    delete_confirmation_template = "admin/news/article/delete_confirmation.html"
    delete_selected_confirmation_template = "admin/news/article/delete_selected_confirmation.html"

    def get_queryset(self, request):
        # The list, its state counts, change pages and actions never see the trash.
        return super().get_queryset(request).not_trashed()

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # A form opened before the article went to the trash: Django would answer
        # "does not exist" and drop what the editor typed; say who deleted it, and
        # give the text back (409). Others get Django's answer, as for any article.
        if object_id and request.method == "POST":
            trashed = self._trashed_while_editing(request, object_id)
            if trashed is not None:
                return self.trashed_while_editing_view(request, trashed)
        return super().changeform_view(request, object_id, form_url, extra_context)

    @staticmethod
    def _trashed_while_editing(request, object_id):
        try:
            pk = int(object_id)
        except ValueError:
            return None
        return permissions.trashed_while_editing(request.user).select_related("trashed_by").filter(pk=pk).first()

    def trashed_while_editing_view(self, request, article):
        fields = [(self.model._meta.get_field(name).verbose_name, request.POST.get(name, ""))
                  for name in ("title", "summary")]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("This news is in the trash"),
            "article": article,
            "fields": fields,
            "body_label": self.model._meta.get_field("body").verbose_name,
            # As it would be saved (sanitised), shown formatted: copied and pasted
            # into the editor it keeps its headings, lists and links.
            "body": mark_safe(sanitize_html(request.POST.get("body", ""))),
            "trash_url": reverse("admin:news_article_trash") if permissions.publishes_anywhere(request.user) else None,
        }
        return TemplateResponse(request, "admin/news/article/trashed_while_editing.html", context, status=409)

    # Deleting is trashing ----------------------------------------------------------

    def delete_model(self, request, obj):
        obj.trash(request.user)  # writes the DELETED audit row
        self._say_trashed(request, 1)

    def delete_queryset(self, request, queryset):
        # "Delete selected" on rows the user may not delete is refused whole (403).
        allowed = permissions.publishable(request.user)
        if queryset.exclude(pk__in=allowed.values("pk")).exists():
            raise PermissionDenied
        articles = list(queryset)
        with transaction.atomic():
            for article in articles:
                article.trash(request.user)
        self._say_trashed(request, len(articles))
        request._trash_reported = True

    def message_user(self, request, message, *args, **kwargs):
        # Django's "delete selected" adds "Successfully deleted …" after delete_queryset,
        # which has already said where the articles went and how to get them back.
        if getattr(request, "_trash_reported", False):
            return
        super().message_user(request, message, *args, **kwargs)

    def _say_trashed(self, request, count):
        self.message_user(request, format_html(
            '{} <a href="{}">{}</a>',
            ngettext(
                "%(count)d article moved to the trash: its office's publishers can restore it for %(days)d days.",
                "%(count)d articles moved to the trash: their offices' publishers can restore them for %(days)d days.",
                count,
            ) % {"count": count, "days": settings.NEWS_TRASH_DAYS},
            reverse("admin:news_article_trash"), gettext("Open the trash"),
        ), messages.SUCCESS)

    def get_deleted_objects(self, objs, request):
        """The delete summary: only the articles themselves. Nothing else is deleted
        now (photos and search entries wait with them in the trash; the event and
        its attendees are the event's), so Django's list of related rows would lie."""
        objs = list(objs)
        opts = self.model._meta
        summary = [format_html("{}: {}", capfirst(opts.verbose_name), obj) for obj in objs]
        return summary, {opts.verbose_name_plural: len(objs)}, set(), []

    def response_delete(self, request, obj_display, obj_id):
        # delete_model said what happened (Django's "deleted successfully" would not).
        if IS_POPUP_VAR in request.POST:
            return super().response_delete(request, obj_display, obj_id)
        return HttpResponseRedirect(reverse("admin:news_article_changelist"))

    def changelist_view(self, request, extra_context=None):
        extra_context = extra_context or {}
        if permissions.publishes_anywhere(request.user):
            extra_context["trash_url"] = reverse("admin:news_article_trash")
        return super().changelist_view(request, extra_context)

    # The trash page --------------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("trash/", view(self.trash_view), name="news_article_trash"),
            path("trash/<path:object_id>/restore/", view(require_POST(self.restore_view)), name="news_article_restore"),
            path("trash/<path:object_id>/purge/", view(self.purge_view), name="news_article_purge"),
            *super().get_urls(),
        ]

    @staticmethod
    def _trash_of(request):
        """The user's trash; writers (who delete nothing) are refused."""
        if not permissions.publishes_anywhere(request.user):
            raise PermissionDenied
        return permissions.trash(request.user)

    def _trashed_article(self, request, object_id):
        """One article of the user's trash; another office's, or none, is 404."""
        trash = self._trash_of(request)
        try:
            pk = int(object_id)
        except ValueError:
            raise Http404 from None
        article = trash.select_related("office", "trashed_by").filter(pk=pk).first()
        if article is None:
            raise Http404
        return article

    def trash_view(self, request):
        """The deleted articles of the user's offices: who deleted them, when, and
        when they will be purged; each with Restore and Delete permanently."""
        trash = self._trash_of(request).select_related("office", "trashed_by").defer("body", "summary")
        page = Paginator(trash, TRASH_PAGE_SIZE).get_page(request.GET.get("p"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Trash"),
            "page": page,
            "articles": list(page.object_list),
            "days": settings.NEWS_TRASH_DAYS,
            "changelist_url": reverse("admin:news_article_changelist"),
        }
        return TemplateResponse(request, "admin/news/article/trash.html", context)

    def restore_view(self, request, object_id):
        """Restore (POST): the article comes back as it was (Article.restore)."""
        article = self._trashed_article(request, object_id)
        article.restore(request.user)
        self.message_user(request, format_html(
            '{} <a href="{}">{}</a>',
            gettext("“%(title)s” was restored: it is “%(state)s” again.") % {
                "title": article.title, "state": article.state.label,
            },
            reverse("admin:news_article_change", args=[article.pk]), gettext("Open it"),
        ), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:news_article_trash"))

    def purge_view(self, request, object_id):
        """Delete permanently: asks first (GET), deletes on POST; cannot be undone."""
        article = self._trashed_article(request, object_id)
        if request.method == "POST":
            article.purge(request.user)
            self.message_user(request, gettext("“%(title)s” and its photos were deleted permanently.") % {
                "title": article.title,
            }, messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:news_article_trash"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Delete permanently"),
            "article": article,
            "photo_count": article.photos.count(),
            "trash_url": reverse("admin:news_article_trash"),
        }
        return TemplateResponse(request, "admin/news/article/purge.html", context)
