from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _


class PortalAdminSite(admin.AdminSite):
    site_header = _("Education Office News: editors")
    site_title = _("Education Office News")
    index_title = _("Content")

    def get_urls(self):
        # Django's "view on site" redirects to any object's public address; ours only
        # to objects the user may see in admin (another office's draft would show its
        # title in the slug).
        urls = [url for url in super().get_urls() if getattr(url, "name", None) != "view_on_site"]
        view_on_site = path(
            "r/<int:content_type_id>/<path:object_id>/", self.admin_view(self.view_on_site), name="view_on_site"
        )
        return [view_on_site, *urls]

    def view_on_site(self, request, content_type_id, object_id):
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except ContentType.DoesNotExist:
            raise Http404 from None
        model_admin = self._registry.get(model)
        try:
            allowed = model_admin is not None and model_admin.get_queryset(request).filter(pk=object_id).exists()
        except (ValueError, ValidationError):
            allowed = False
        if not allowed:
            raise Http404
        return shortcut(request, content_type_id, object_id)
