from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """Django's admin, with the portal's own admin site (portal/admin.py)."""

    default_site = "portal.admin.PortalAdminSite"
