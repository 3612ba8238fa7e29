"""Shareable previews: signed, expiring links that show a draft to someone without
an account (the director quoted, a colleague in another office)."""

import datetime
import uuid

from django.conf import settings
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .articles import Article

# What an editor may choose; the longest bounds how long a leaked link can work.
LIFETIME_DAYS = [1, 3, 7]
SIGNING_SALT = "news.preview-link"


class PreviewLinkQuerySet(models.QuerySet):
    def active(self):
        """Links that still open their draft: not revoked and not expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PreviewLink(models.Model):
    """One link handed out. The row (not the token) decides whether it still works,
    so revoking or expiring it takes effect on every app server at once; the token
    is the row's random key signed with SECRET_KEY, so a copy of the database alone
    cannot be turned into working links, and a changed key is refused before any query."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="preview_links"
    )
    # Random, never a sequence: ids are reused by SQLite after a delete, keys never.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("revoked by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")

    def __str__(self):
        return f"{self.article} ({self.expires_at:%Y-%m-%d %H:%M})"

    def get_absolute_url(self):
        return reverse("news:preview_link", kwargs={"token": self.token})

    @classmethod
    def create_for(cls, article, user, days):
        now = timezone.now()
        return cls.objects.create(
            article=article, created_by=user, created_at=now, expires_at=now + datetime.timedelta(days=days)
        )

    @classmethod
    def from_token(cls, token):
        """The link a token names; None when the token was not made
        by us (tampered, cut short) or its row is gone."""
        try:
            key = uuid.UUID(signing.Signer(salt=SIGNING_SALT).unsign(token))
        except (signing.BadSignature, ValueError):
            return None
        return cls.objects.filter(key=key).first()

    @property
    def token(self):
        return signing.Signer(salt=SIGNING_SALT).sign(self.key.hex)

    def is_active(self):
        return self.revoked_at is None and self.expires_at > timezone.now()

    def revoke(self, user):
        self.revoked_at, self.revoked_by = timezone.now(), user
        self.save(update_fields=["revoked_at", "revoked_by"])
