from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .permissions import ensure_editors_group

        # Every install (not only the demo) gets the editors group, kept in step
        # with news.permissions.EDITOR_PERMISSIONS by each migrate.
        post_migrate.connect(ensure_editors_group, sender=self, dispatch_uid="news.ensure_editors_group")
