"""Who may see and change what: the one place for editors' rules.

An editor works, with a role, for the offices they are members of
(`OfficeMembership`) and every office under them: a publisher of สป.ศธ. is a
publisher of ศธจ.เพชรบูรณ์ too (a chief editor acts for the offices below). Writers
see all their offices' articles and change the drafts and those in review; they
submit for review, and never publish, schedule, unpublish or delete. Publishers do
all of that for their offices. Of other offices an editor sees only what is
already public, and changes nothing:

- articles: their offices' only (another office's published news is on the site);
- events: their offices' and public ones (an event is public once published news
  reports it); only those may be linked from news, so a published article can
  never make another office's embargoed meeting public;
- people and tags: the public ones, those their offices' work uses, and unused
  ones (just added). People and tags are shared between offices, so an editor
  changes one only while nothing outside their offices uses it: renaming a person
  or tag changes every page that shows it. Shared ones are changed by a superuser.

Superusers see and change everything. Every admin door (lists, change pages,
autocomplete, form choices, search, view-on-site, actions) and the logged-in
preview of the public site ask `visible()`, `editable()`, `publishable()` or
`status_error()`; nothing else decides.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from django.utils import timezone

from django.utils.translation import gettext_lazy as _

from .models import Article, Attendance, AuditEntry, Event, Office, OfficeMembership, Person, Photo, Tag

Role = OfficeMembership.Role

EDITORS_GROUP = "บรรณาธิการหน่วยงาน"  # data: admins see the group under this name

# Django model permissions the editors group holds; which rows they apply to is
# decided by visible() and editable() below.
EDITOR_PERMISSIONS = [
    f"{action}_{model}"
    for model in ["article", "photo", "event", "attendance", "person", "tag"]
    for action in ["add", "change", "view"]
] + [
    "delete_article", "delete_photo", "delete_attendance", "view_office", "view_category", "view_province",
    "view_auditentry",
]

# What a writer may still change: work nobody has published yet.
WRITERS_STATUSES = [Article.Status.DRAFT, Article.Status.IN_REVIEW]


def offices_of(user, role=None):
    """The offices a user works for (with `role`, if given): those they are a member
    of, and all below them."""
    if user.is_superuser:
        return Office.objects.all()
    # One subquery, no list of paths in Python: an office is theirs when its path
    # starts with the path of an office they are a member of.
    membership = {"memberships__user": user.pk}
    if role:
        membership["memberships__role"] = role
    above = Office.objects.filter(StartsWith(OuterRef("path"), F("path")), **membership)
    return Office.objects.filter(Exists(above))


def publishable(user, model=Article):
    """The articles this user may publish, schedule, unpublish and delete (or, for
    Office, the offices they publish for); the trash: trash()."""
    offices = offices_of(user, Role.PUBLISHER)
    if model is Office:
        return offices
    return Article.objects.filter(office__in=offices)


def publishes_anywhere(user):
    return user.is_superuser or offices_of(user, Role.PUBLISHER).exists()


def can_publish(user, article):
    return publishable(user).filter(pk=article.pk).exists()


def status_error(user, before, status, office):
    """Why this user may not save an article with `status` for `office`, or None.

    `before` is the article as stored (None for a new one). Only publishers of the
    office publish or schedule; a public article is taken down only by Unpublish
    (with a reason, so readers get a notice), and a withdrawn one only comes back
    by being published again.
    """
    old_status = before.status if before else None
    if status == Article.Status.WITHDRAWN and old_status != Article.Status.WITHDRAWN:
        return _("To withdraw an article use “Unpublish”, which asks for the reason readers will see.")
    if before is not None and before.is_published() and status != Article.Status.PUBLISHED:
        return _("This article is public: take it down with “Unpublish”, which asks for the reason readers will see.")
    if old_status == Article.Status.WITHDRAWN and status not in (Article.Status.WITHDRAWN, Article.Status.PUBLISHED):
        return _("A withdrawn article stays withdrawn until it is published again.")
    publishing = status in (Article.Status.PUBLISHED, Article.Status.WITHDRAWN)
    if publishing and office is not None and not offices_of(user, Role.PUBLISHER).filter(pk=office.pk).exists():
        return _("Only a publisher of this office may publish or schedule news: save it as a draft or submit it for review.")
    return None


def status_choices(user, article):
    """The statuses the article form offers this user (status_error() has the last word)."""
    statuses = list(WRITERS_STATUSES)
    if publishes_anywhere(user):
        statuses.append(Article.Status.PUBLISHED)
    if article is not None and article.status not in statuses:
        statuses.append(article.status)  # shown as it is, e.g. withdrawn
    return [(value, label) for value, label in Article.Status.choices if value in statuses]


def trash(user):
    """The deleted articles this user may see in the trash, restore and purge: those
    of the offices they publish for (only publishers delete), all for superusers."""
    trashed = Article.objects.trashed()
    return trashed if user.is_superuser else trashed.filter(office__in=offices_of(user, Role.PUBLISHER))


def trashed_while_editing(user):
    """Deleted articles of the offices the user works for (writers too): only to tell
    an editor whose open form was for one that it went to the trash meanwhile, and
    give back what they typed. Restoring and purging are trash()'s."""
    trashed = Article.objects.trashed()
    return trashed if user.is_superuser else trashed.filter(office__in=offices_of(user))


def _everything_but_the_trash(model):
    """Admin's rows: a deleted article (and its photos) is seen only in the trash."""
    if model is Article:
        return Article.objects.not_trashed()
    if model is Photo:
        return Photo.objects.exclude(article__status=Article.Status.TRASHED)
    return model._default_manager.all()


def _public_events():
    return Event.objects.filter(
        Exists(Article.objects.published().filter(event=OuterRef("pk")))
    )


def editable(user, model):
    """The rows of `model` this user may change (and delete, given the permission)."""
    queryset = _everything_but_the_trash(model)
    if user.is_superuser:
        return queryset
    offices = offices_of(user)
    if model is Office:
        return offices
    if model is Article:
        return queryset.filter(
            Q(office__in=offices_of(user, Role.PUBLISHER)) | Q(office__in=offices, status__in=WRITERS_STATUSES)
        )
    if model is Photo:
        return queryset.filter(article__in=editable(user, Article))
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
    queryset = _everything_but_the_trash(model)
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
    if model is Article:
        return queryset.filter(office__in=offices_of(user))
    if model is Photo:
        return queryset.filter(article__office__in=offices_of(user))
    if model is AuditEntry:
        return queryset.filter(office__in=offices_of(user))
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


def can_restore_revision(user, article):
    """Who may bring back an earlier version of an article: whoever may change it as
    it stands (a writer only drafts and news in review), and save its status. A
    restore never changes the status or publication time, so it cannot publish."""
    return can_change(user, article) and status_error(user, article, article.status, article.office) is None


def can_share_preview(user, article):
    """Who may hand out (and revoke) signed preview links of an unpublished article
    to people without an account: the office's publishers (a writer asks one)."""
    return can_publish(user, article)


def ensure_editors_group(**kwargs):
    """Create or update the editors group (run after every migrate)."""
    group, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label="news", codename__in=EDITOR_PERMISSIONS))
    return group
