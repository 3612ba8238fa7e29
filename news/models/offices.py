"""Where news comes from: provinces and the tree of education offices."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext_lazy as _

from news import thai
from news.urlcache import cached_reverse


class ProvinceManager(models.Manager):
    def get_by_natural_key(self, code):
        """Lets `loaddata` resolve provinces dumped with --natural-foreign/--natural-primary."""
        return self.get(code=code)


class Province(models.Model):
    class Region(models.TextChoices):
        NORTH = "north", _("Northern")
        NORTHEAST = "northeast", _("Northeastern")
        CENTRAL = "central", _("Central")
        EAST = "east", _("Eastern")
        WEST = "west", _("Western")
        SOUTH = "south", _("Southern")

    BANGKOK = "TH-10"

    code = models.CharField(_("ISO code"), max_length=6, unique=True)
    name_th = models.CharField(_("Thai name"), max_length=100, unique=True)
    name_en = models.CharField(_("English name"), max_length=100)
    region = models.CharField(_("region"), max_length=10, choices=Region.choices, db_index=True)

    objects = ProvinceManager()

    class Meta:
        ordering = ["name_th"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self):
        return self.name_th

    @property
    def local_name(self):
        return self.name_en if get_language() == "en" else self.name_th

    @property
    def display_name(self):
        """'จังหวัดนครพนม' / 'Nakhon Phanom Province'; Bangkok is not a จังหวัด."""
        english = get_language() == "en"
        name = self.name_en if english else self.name_th
        if self.code == self.BANGKOK:
            return name
        return pgettext("province name", "%(name)s Province") % {"name": name}

    def natural_key(self):
        return (self.code,)


class OfficeQuerySet(models.QuerySet):
    def descendants_of(self, office, include_self=True):
        """The office and every office below it in the tree."""
        qs = self.filter(path__startswith=office.path)
        return qs if include_self else qs.exclude(pk=office.pk)


class Office(models.Model):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry")
        COMMISSION = "commission", _("Commission office")
        BUREAU = "bureau", _("Central bureau")
        REGIONAL = "regional", _("Regional education office")
        PROVINCIAL = "provincial", _("Provincial education office")
        PRIMARY_AREA = "primary_area", _("Primary educational service area office")
        SECONDARY_AREA = "secondary_area", _("Secondary educational service area office")
        INSTITUTION = "institution", _("Institution")
        OTHER = "other", _("Other")

    name = models.CharField(_("full name"), max_length=255)
    short_name = models.CharField(
        _("short name"), max_length=100, help_text=_("As written in news, e.g. สพป.นครพนม เขต 1")
    )
    slug = models.CharField(
        _("URL name"), max_length=100, unique=True, validators=[thai.validate_slug],
        help_text=_("Part of the office's web address, e.g. obec"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent office"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )
    province = models.ForeignKey(
        Province, verbose_name=_("province"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="offices",
    )
    website = models.URLField(_("website"), blank=True)
    # Materialised path ("/1/4/17/") so "this office and everything under it" is one
    # indexed prefix query, whatever the depth of the tree.
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")

    # No natural_key() on purpose: `path` holds primary keys, so a dump must keep
    # them (--natural-primary would renumber offices and break every path).
    objects = OfficeQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")

    def __str__(self):
        return self.short_name

    def save(self, *args, **kwargs):
        old_path = self.path
        with transaction.atomic():
            super().save(*args, **kwargs)
            new_path = f"{self.parent.path if self.parent else '/'}{self.pk}/"
            if new_path != old_path:
                if old_path:
                    # A move: the office and its whole subtree in one UPDATE, swapping
                    # the old path prefix for the new one.
                    Office.objects.filter(path__startswith=old_path).update(
                        path=Concat(Value(new_path), Substr("path", len(old_path) + 1), output_field=models.CharField())
                    )
                else:
                    Office.objects.filter(pk=self.pk).update(path=new_path)
                self.path = new_path

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": _("An office cannot be placed under itself.")})
            ancestor = ancestor.parent

    def get_absolute_url(self):
        return cached_reverse("news:office_detail", slug=self.slug)  # on every card

    @property
    def depth(self):
        return max(self.path.count("/") - 2, 0)

    def ancestors(self):
        ids = [int(pk) for pk in self.path.strip("/").split("/")[:-1] if pk]
        by_id = Office.objects.in_bulk(ids)
        return [by_id[pk] for pk in ids if pk in by_id]


class OfficeMembership(models.Model):
    """A user works for an office (and every office under it) with a role.

    Writers draft and submit for review; publishers also publish, schedule,
    unpublish and delete. What each may do is decided in news.permissions.
    """

    class Role(models.TextChoices):
        WRITER = "writer", _("Writer")
        PUBLISHER = "publisher", _("Publisher")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="office_memberships"
    )
    office = models.ForeignKey(Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.WRITER)

    class Meta:
        ordering = ["office__path", "user__username"]
        constraints = [models.UniqueConstraint(fields=["user", "office"], name="one_role_per_office")]
        verbose_name = _("office member")
        verbose_name_plural = _("office members")

    def __str__(self):
        return f"{self.user} · {self.office} · {self.get_role_display()}"
