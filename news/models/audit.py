"""Who did what to which article, and when: written by the workflow steps
(Article.submit/publish/unpublish, admin saves and deletes), never edited."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


# Who a row names when no user did it (a scheduled command).
SYSTEM_USERNAME = "(ระบบ)"


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for review")
        RETURNED = "returned", _("Returned to draft")
        PUBLISHED = "published", _("Published")
        SCHEDULED = "scheduled", _("Scheduled")
        UNPUBLISHED = "unpublished", _("Unpublished")
        DELETED = "deleted", _("Deleted")
        # Version 2's trash and revisions: a deleted article waits in the trash,
        # can be restored from it, is purged after 30 days; an earlier version
        # of an article can be brought back.
        RESTORED = "restored", _("Restored from the trash")
        PURGED = "purged", _("Purged from the trash")
        REVERTED = "reverted", _("Restored an earlier version")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    # The rows outlive the user, the article and (as far as it can) the office:
    # the names are kept as text, the links go empty.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(_("user"), max_length=150)
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    article = models.ForeignKey(
        "news.Article", verbose_name=_("article"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="audit_entries",
    )
    article_title = models.CharField(_("title"), max_length=300)
    office = models.ForeignKey(
        "news.Office", verbose_name=_("office"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("publication time"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["office", "-at"])]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.username}: {self.get_action_display()} · {self.article_title}"

    @classmethod
    def record(cls, user, article, action, note=""):
        """One row; `user` None is the system (manage.py purge_trash run by cron)."""
        return cls.objects.create(
            user=user, username=user.get_username() if user else SYSTEM_USERNAME, action=action, article=article if article.pk else None,
            article_title=article.title, office_id=article.office_id, published_at=article.published_at, note=note,
        )
