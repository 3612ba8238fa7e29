"""Requests refused before any view sees them, and the Content-Security-Policy header."""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.core.exceptions import BadRequest
from django.urls import reverse
from django.views.defaults import bad_request


class RefuseNulBytesMiddleware:
    """Answer 400 to a NUL byte (%00) anywhere in the path, the query string or a cookie.

    No address or filter of the portal ever holds one, and a NUL that reaches the
    database is a 500 on PostgreSQL (text cannot hold it: DataError) while SQLite
    merely finds nothing. One check here covers every view, feed and admin page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A cookie too: Django decodes "\000" in a quoted cookie value to a NUL, and
        # the session cookie is looked up in the database.
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ) or any("\x00" in key or "\x00" in value for key, value in request.COOKIES.items()):
            # templates/400.html. Returned rather than raised: Django logs the 400 in
            # one line ("Bad Request: …"), not with a traceback per hostile request.
            return bad_request(request, BadRequest("NUL byte in the path, query string or a cookie"))
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy (settings.CONTENT_SECURITY_POLICY), loosened for admin styles only.

    The admin's prose editor (Tiptap) and autocomplete boxes (select2) write style
    attributes and a <style> element at run time; blocking them breaks the editor.
    Scripts stay as strict there as on the public site ('self' plus the request's
    nonce, which only the admin asks for). Admin pages are never cached, so a nonce
    never lands in a cached page.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(reverse("admin:index")):
            # Replaced, not added to: next to a hash, browsers ignore 'unsafe-inline'.
            parts.replace = {**(parts.replace or {}), "style-src": [SELF, UNSAFE_INLINE]}
        return parts
