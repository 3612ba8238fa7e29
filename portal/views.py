import logging
import math

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404
from django.shortcuts import render
from django.templatetags.static import static
from django.views.generic import RedirectView
from django.views.static import serve

# Where Django itself reports a path that climbs out of its folder.
security_logger = logging.getLogger("django.security.SuspiciousFileOperation")


def media(request, path):
    """Uploaded photos, served by the app for a one-server install (DJANGO_SERVE_MEDIA).

    Django's serve() keeps to MEDIA_ROOT (safe_join) and answers If-Modified-Since;
    an address that climbs out of it (/media/..%2F..%2Fdb.sqlite3) is, for the
    reader, a missing photo like any other: the Thai 404 page, never the file.
    """
    try:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    except SuspiciousFileOperation as error:
        security_logger.warning("Media path outside MEDIA_ROOT refused: %s", error)
        raise Http404(path) from None


def login_locked_out(request, original_response=None, credentials=None):
    """django-axes' answer once an account and address are locked out (429):
    the admin's login page, saying in Thai for how long, without the form."""
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    context = {**admin.site.each_context(request), "minutes": minutes}
    return render(request, "admin/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


class FaviconView(RedirectView):
    """Browsers ask for /favicon.ico on pages that name no icon (the admin's): our icon."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static("img/favicon-32.png")
