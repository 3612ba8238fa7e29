"""Shareable previews in admin: the article's page of preview links
(/admin/news/article/<id>/preview-links/), where those who may share the draft
(news.permissions.can_share_preview) create a signed, expiring link and revoke it."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext, gettext_lazy as _, ngettext

from . import permissions
from .models import PreviewLink
from .models.previews import LIFETIME_DAYS


class CreatePreviewLinkForm(forms.Form):
    days = forms.TypedChoiceField(label=_("The link works for"), coerce=int, initial=LIFETIME_DAYS[1])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Labels in the language of the request, not of the moment this module loaded.
        self.fields["days"].choices = [
            (days, ngettext("%(days)d day", "%(days)d days", days) % {"days": days}) for days in LIFETIME_DAYS
        ]


class RevokePreviewLinkForm(forms.Form):
    revoke = forms.ModelChoiceField(queryset=PreviewLink.objects.none())

    def __init__(self, *args, article, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revoke"].queryset = article.preview_links.active()


class PreviewLinksMixin:
    """ArticleAdmin's page of preview links, and the way to it from the change page."""

    def get_urls(self):
        links = path(
            "<path:object_id>/preview-links/",
            self.admin_site.admin_view(self.preview_links_view),  # login, staff, CSRF, never cached
            name="news_article_preview_links",
        )
        return [links, *super().get_urls()]

    def may_share_preview(self, request, article):
        return self.has_change_permission(request, article) and permissions.can_share_preview(request.user, article)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and self.may_share_preview(request, obj):
            context["preview_links_url"] = reverse("admin:news_article_preview_links", args=[obj.pk])
        return super().render_change_form(request, context, add, change, form_url, obj)

    def preview_links_view(self, request, object_id):
        article = self.get_object(request, unquote(object_id))  # None when not visible
        if article is None:
            raise Http404
        if not self.may_share_preview(request, article):
            raise PermissionDenied
        create_form = CreatePreviewLinkForm()
        if request.method == "POST" and "revoke" in request.POST:
            revoke_form = RevokePreviewLinkForm(request.POST, article=article)
            if revoke_form.is_valid():
                revoke_form.cleaned_data["revoke"].revoke(request.user)
                messages.success(request, gettext("The preview link was revoked: it no longer opens the news."))
            else:
                messages.error(request, gettext("That link was already revoked or has expired."))
            return redirect(request.path)
        if request.method == "POST":
            create_form = CreatePreviewLinkForm(request.POST)
            if article.is_published():
                messages.error(request, gettext("This news is public: share its address instead."))
                return redirect(request.path)
            if create_form.is_valid():
                PreviewLink.create_for(article, request.user, create_form.cleaned_data["days"])
                messages.success(request, gettext("A new preview link was made: copy it from the list below."))
                return redirect(request.path)
        links = list(article.preview_links.select_related("created_by", "revoked_by"))
        for link in links:
            link.url = request.build_absolute_uri(link.get_absolute_url())
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": _("Preview links"),
            "subtitle": str(article),
            "opts": opts,
            "app_label": opts.app_label,
            "original": article,
            "article_url": reverse("admin:news_article_change", args=[article.pk]),
            "has_view_permission": self.has_view_permission(request, article),
            "links": links,
            "form": None if article.is_published() else create_form,
        }
        return TemplateResponse(request, "admin/news/article/preview_links.html", context)
