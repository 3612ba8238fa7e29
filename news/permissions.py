"""Who may see and change what: the one place for editors' rules.

An editor works for the offices they are an editor of (`Office.editors`) and every
office under them. Of those offices' work they see and change everything, drafts
included. Of other offices they see only what is already public, and change nothing:

- articles: their offices' only (another office's published news is on the site);
- events: their offices' and public ones (an event is public once published news
  reports it); only those may be linked from news, so a published article can
  never make another office's embargoed meeting public;
- people and tags: the public ones, those their offices' work uses, and unused
  ones (just added). People and tags are shared between offices, so an editor
  changes one only while nothing outside their offices uses it: renaming a person
  or tag changes every page that shows it. Shared ones are changed by a superuser.

Superusers see and change everything. Every admin door (lists, change pages,
autocomplete, form choices, search, view-on-site) and the logged-in preview of the
public site ask `visible()` or `editable()`; nothing else decides.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from django.utils import timezone

from .models import Article, Attendance, Event, Office, Person, Photo, Tag

EDITORS_GROUP = "บรรณาธิการหน่วยงาน"  # data: admins see the group under this name

# Django model permissions the editors group holds; which rows they apply to is
# decided by visible() and editable() below.
EDITOR_PERMISSIONS = [
    f"{action}_{model}"
    for model in ["article", "photo", "event", "attendance", "person", "tag"]
    for action in ["add", "change", "view"]
] + ["delete_article", "delete_photo", "delete_attendance", "view_office", "view_category", "view_province"]


def offices_of(user):
    """The offices a user works for: those they edit for, and all below them."""
    if user.is_superuser:
        return Office.objects.all()
    # One subquery, no list of paths in Python: an office is theirs when its path
    # starts with the path of an office they edit for.
    above = Office.objects.filter(StartsWith(OuterRef("path"), F("path")), editors=user.pk)
    return Office.objects.filter(Exists(above))


def _public_events():
    return Event.objects.filter(
        Exists(Article.objects.published().filter(event=OuterRef("pk")))
    )


def editable(user, model):
    """The rows of `model` this user may change (and delete, given the permission)."""
    queryset = model._default_manager.all()
    if user.is_superuser:
        return queryset
    offices = offices_of(user)
    if model is Office:
        return offices
    if model is Article:
        return queryset.filter(office__in=offices)
    if model is Photo:
        return queryset.filter(article__office__in=offices)
    if model is Event:
        return queryset.filter(organiser__in=offices)
    if model is Attendance:
        return queryset.filter(event__organiser__in=offices)
    if model is Person:
        used_elsewhere = Attendance.objects.filter(person=OuterRef("pk")).exclude(event__organiser__in=offices)
        return queryset.filter(~Exists(used_elsewhere))
    if model is Tag:
        used_elsewhere = Article.objects.filter(tags=OuterRef("pk")).exclude(office__in=offices)
        return queryset.filter(~Exists(used_elsewhere))
    return queryset.none()


def visible(user, model):
    """The rows of `model` this user may see in admin and choose in its forms."""
    queryset = model._default_manager.all()
    if user.is_superuser:
        return queryset
    if model is Event:
        return queryset.filter(Q(organiser__in=offices_of(user)) | Q(pk__in=_public_events()))
    if model is Attendance:
        return queryset.filter(event__in=visible(user, Event))
    if model is Person:
        attendances = Attendance.objects.filter(person=OuterRef("pk"))
        return queryset.filter(
            Exists(attendances.filter(event__in=visible(user, Event))) | ~Exists(attendances)
        )
    if model is Tag:
        articles = Article.objects.filter(tags=OuterRef("pk"))
        return queryset.filter(
            Exists(articles.filter(visible_articles_q(user))) | ~Exists(articles)
        )
    if model in (Article, Photo):
        return editable(user, model)
    # Offices, provinces and categories are public reference data.
    return queryset


def visible_articles_q(user, prefix=""):
    """Q for articles the user may know of: published ones and their offices' own."""
    return Q(**{f"{prefix}status": Article.Status.PUBLISHED, f"{prefix}published_at__lte": timezone.now()}) | Q(
        **{f"{prefix}office__in": offices_of(user)}
    )


def can_change(user, obj):
    return editable(user, type(obj)).filter(pk=obj.pk).exists()


def can_see(user, obj):
    return visible(user, type(obj)).filter(pk=obj.pk).exists()


def can_share_preview(user, article):
    """Who may hand out (and revoke) signed preview links of an unpublished article
    to people without an account: for now whoever may change it."""
    return can_change(user, article)


def ensure_editors_group(**kwargs):
    """Create or update the editors group (run after every migrate)."""
    group, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label="news", codename__in=EDITOR_PERMISSIONS))
    return group
