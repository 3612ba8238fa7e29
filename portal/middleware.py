"""Requests refused before any view sees them."""

from django.core.exceptions import BadRequest
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
