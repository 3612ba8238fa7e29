"""How news is sorted: categories and tags (the articles: articles.py)."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from news import thai


class WithPublicNewsQuerySet(models.QuerySet):
    """For categories and tags: one that only drafts use is not public yet."""

    article_field = None  # the Article field that points to this model

    def public(self):
        from .articles import Article  # which articles are public is Article's rule

        published = Article.objects.published()
        return self.filter(Exists(published.filter(**{self.article_field: OuterRef("pk")})))


class CategoryQuerySet(WithPublicNewsQuerySet):
    article_field = "category"


class TagQuerySet(WithPublicNewsQuerySet):
    article_field = "tags"


class Category(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.CharField(
        _("URL name"), max_length=100, unique=True, blank=True, validators=[thai.validate_slug],
        help_text=_("Leave empty to make it from the name"),
    )

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Not Django's slugify (nor admin's prepopulate script): both delete Thai marks.
        fallback = "category-" + hashlib.sha1(self.name.encode()).hexdigest()[:8]
        self.slug = self.slug or thai.slugify(self.name, max_length=100, fallback=fallback)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:article_list") + "?" + urlencode({"category": self.slug})


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.CharField(_("URL name"), max_length=100, unique=True, editable=False)

    objects = TagQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name

    @staticmethod
    def slug_for(text):
        """The slug of a tag however it is typed: "#เรียนดี มีความสุข", ํา or ำ, a slug."""
        return thai.slugify(thai.clean_text(text).lstrip("#"), max_length=100)

    def clean(self):
        slug = self.slug_for(self.name)
        if not slug:
            raise ValidationError({"name": _("A tag needs at least one letter or digit.")})
        if Tag.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            raise ValidationError({"name": _(
                "A tag with the same spelling already exists: choose it from the list. If the list does not "
                "offer it, it is used only in news not yet public; a superuser can add it for you."
            )})

    def save(self, *args, **kwargs):
        self.name = thai.clean_text(self.name).lstrip("#")
        self.slug = self.slug_for(self.name) or "tag-" + hashlib.sha1(self.name.encode()).hexdigest()[:8]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:tag_detail", kwargs={"slug": self.slug})
