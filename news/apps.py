from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import caching, photos, revisions, search_sync, tag_index
        from .choices import bump_version
        from .models import Article, Event, Office, Photo, Province
        from .pagination import forget_counts, note_next_due
        from .permissions import ensure_editors_group

        photos.limit_pixels()
        post_delete.connect(delete_photo_files, sender=Photo, dispatch_uid="news.delete_photo_files")

        # Every install (not only the demo) gets the editors group, kept in step
        # with news.permissions.EDITOR_PERMISSIONS by each migrate.
        post_migrate.connect(ensure_editors_group, sender=self, dispatch_uid="news.ensure_editors_group")
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="news.create_cache_table")
        # What the lists count changes: cached list counts start again.
        for model in (Article, Event, Office):
            post_save.connect(forget_counts, sender=model, dispatch_uid=f"news.forget_counts.save.{model.__name__}")
            post_delete.connect(forget_counts, sender=model, dispatch_uid=f"news.forget_counts.delete.{model.__name__}")
        m2m_changed.connect(forget_counts, sender=Article.tags.through, dispatch_uid="news.forget_counts.tags")
        # What cached pages show changes: they start again (news.caching).
        caching.connect_signals()
        search_sync.connect_signals()  # the search index changes with what it holds
        tag_index.connect_signals()  # a tag's list (TaggedArticle) changes with its articles
        revisions.connect_signals()  # inside a door's recording(), saves note their article
        # A scheduled article comes out with no save: the counts learn when (pagination).
        post_save.connect(note_next_due, sender=Article, dispatch_uid="news.note_next_due")
        # The news list's office and province drop-downs are kept per process (news.choices).
        for model in (Office, Province):
            post_save.connect(bump_version, sender=model, dispatch_uid=f"news.choices.save.{model.__name__}")
            post_delete.connect(bump_version, sender=model, dispatch_uid=f"news.choices.delete.{model.__name__}")


def create_cache_table(using="default", **kwargs):
    """The database cache's table (settings.CACHES), whichever cache is configured now."""
    call_command("createcachetable", database=using, verbosity=0)


def delete_photo_files(sender, instance, **kwargs):
    """A deleted photo (or one deleted with its article) takes its original and
    renditions with it, once the deletion commits."""
    from . import photos

    photos.delete_after_commit(instance.image.storage, instance.files())
