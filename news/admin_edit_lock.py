"""The edit lock on an article's admin page: who else has it open (presence), and
no save over a version saved after the form was opened (optimistic concurrency).

Presence is a courtesy kept in the shared cache (Redis or the cache table, so
every app server sees it) for PRESENCE_SECONDS, refreshed whenever the change page
is shown and, while it stays open, by a small heartbeat script. It may miss an
editor who opened the page in the same instant (one cache entry per article,
read then written); the version check below is what keeps work from being lost.

Every save of an article bumps `Article.version`. The change form carries the
version it was opened on; its clean() locks the article's row (PostgreSQL: held
until the article and its photos are saved and committed; SQLite serialises
writing transactions anyway) and refuses the save when the stored version is
newer. The refused form comes back with the editor's input intact, lists what
the newer version has that differs from it, and carries the newer version's
number, so saving again (after merging) is a conscious choice, never a silent one.
Photos added by bulk upload do not bump the version: they only append rows, and
the editor who dropped them saves the same open form afterwards.
"""

import datetime

from django import forms
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import unquote
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy as _
from django.views.decorators.http import require_POST

from . import thai
from .models import Article, Photo

PRESENCE_SECONDS = 180
HEARTBEAT_SECONDS = 60  # well under PRESENCE_SECONDS: a late beat does not drop anyone
VERSION_FIELD = "loaded_version"

EDIT_CONFLICT = _(
    "Someone saved this news after you opened it, so your changes were not saved and nothing was "
    "overwritten. Your text is still in the form below; what the newer version has is listed under this "
    "message. Check it, copy what you need, then save again to make your version the newest."
)


# Presence ------------------------------------------------------------------------

def _presence_key(article_pk):
    return f"editing:article:{article_pk}"


def _display_name(user):
    return user.get_full_name() or user.get_username()


def record_presence(article_pk, user):
    """Note that `user` has the article open; return the others who have, earliest first."""
    now = timezone.now().timestamp()
    key = _presence_key(article_pk)
    present = {uid: entry for uid, entry in (cache.get(key) or {}).items() if entry["seen"] > now - PRESENCE_SECONDS}
    since = present.get(user.pk, {}).get("since", now)
    present[user.pk] = {"name": _display_name(user), "since": since, "seen": now}
    cache.set(key, present, PRESENCE_SECONDS)
    others = [entry for uid, entry in present.items() if uid != user.pk]
    return [
        {"name": entry["name"], "since": timezone.localtime(datetime.datetime.fromtimestamp(entry["since"], tz=datetime.timezone.utc))}
        for entry in sorted(others, key=lambda entry: entry["since"])
    ]


def forget_presence(article_pk, user):
    """The user left the page by saving it."""
    key = _presence_key(article_pk)
    present = cache.get(key) or {}
    if present.pop(user.pk, None) is not None:
        cache.set(key, present, PRESENCE_SECONDS)


# Version check -------------------------------------------------------------------

class VersionCheckMixin:
    """For the article's change form: refuses a save over a newer saved version."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[VERSION_FIELD] = forms.IntegerField(
            widget=forms.HiddenInput, required=False, initial=self.instance.version
        )
        self.newer_version = None

    def clean(self):
        cleaned_data = super().clean()
        # Locked until this request's transaction ends (ModelAdmin's change view runs
        # in one): a second save of the same article waits here, then sees this one.
        current = Article.objects.select_for_update().filter(pk=self.instance.pk).first()
        if current is None:
            return cleaned_data
        if cleaned_data.get(VERSION_FIELD) != current.version:
            self.newer_version = current
            # The form shown again carries the newer number: saving it again is a choice.
            self.data = self.data.copy()
            self.data[self.add_prefix(VERSION_FIELD)] = current.version
            raise ValidationError(EDIT_CONFLICT, code="edit_conflict")
        self.instance.version = current.version
        return cleaned_data


def _same(saved, sent):
    if isinstance(saved, str) and isinstance(sent, str):
        # Browsers send a textarea's lines ending in \r\n.
        return saved.replace("\r\n", "\n").strip() == sent.replace("\r\n", "\n").strip()
    if isinstance(saved, datetime.datetime) and isinstance(sent, datetime.datetime):
        # The time box shows whole seconds at most; a stored time may have microseconds.
        return saved.replace(microsecond=0) == sent.replace(microsecond=0)
    return saved == sent


def _shown(article, name, value):
    if isinstance(value, datetime.datetime):
        return thai.format_datetime(value)
    if name == "body":
        return thai.plain_text(value)
    field = article._meta.get_field(name)
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    return "" if value is None else str(value)


def newer_differences(form, formsets):
    """[(label, what the newer version has)] where it differs from what the editor sent."""
    newer = form.newer_version
    model_fields = {field.name for field in newer._meta.get_fields()}
    rows = []
    for name, field in form.fields.items():
        if name not in form.cleaned_data or name not in model_fields:
            continue
        sent = form.cleaned_data[name]
        if isinstance(field, forms.ModelMultipleChoiceField):
            saved_items = sorted(getattr(newer, name).all(), key=str)
            if {item.pk for item in saved_items} != {item.pk for item in sent}:
                rows.append((field.label, ", ".join(map(str, saved_items)) or "–"))
            continue
        saved = getattr(newer, name)
        if not _same(saved, sent):
            rows.append((field.label, _shown(newer, name, saved) or "–"))
    for formset in formsets:
        if formset.model is not Photo:
            continue
        rows += _photo_differences(newer, formset)
    return rows


def _photo_differences(newer, formset):
    saved = {photo.pk: photo for photo in newer.photos.order_by("order", "pk")}
    sent = {}
    for photo_form in formset.initial_forms:
        pk = photo_form.instance.pk
        if pk is not None:
            sent[pk] = getattr(photo_form, "cleaned_data", None) or {}
    rows = []
    for number, (pk, photo) in enumerate(saved.items(), start=1):
        label = gettext("Photo %(number)d") % {"number": number}
        if pk not in sent:
            rows.append((label, gettext("added in the newer version: %(photo)s") % {"photo": photo}))
            continue
        changed = [
            f"{Photo._meta.get_field(name).verbose_name}: {getattr(photo, name) or '–'}"
            for name in ("order", "caption", "alt_text")
            if name in sent[pk] and not _same(getattr(photo, name), sent[pk][name])
        ]
        if changed:
            rows.append((label, "; ".join(changed)))
    if set(sent) - set(saved):
        rows.append((gettext("Photos"), gettext("a photo in your form was deleted in the newer version")))
    return rows


def last_saved_by(article):
    """Who made the newest admin change of the article, if admin logged one."""
    entry = (
        LogEntry.objects.filter(content_type__app_label="news", content_type__model="article", object_id=str(article.pk))
        .select_related("user")
        .order_by("-action_time", "-pk")
        .first()
    )
    return _display_name(entry.user) if entry else ""


# The admin's side -----------------------------------------------------------------

class EditLockMixin:
    """ArticleAdmin: the version check on its change form, presence on its change page,
    and the heartbeat URL /admin/news/article/<id>/presence/."""

    def get_urls(self):
        heartbeat = path(
            "<path:object_id>/presence/",
            self.admin_site.admin_view(self.presence_view),  # login, staff, CSRF
            name="news_article_presence",
        )
        return [heartbeat, *super().get_urls()]

    def get_form(self, request, obj=None, **kwargs):
        if obj is not None:
            kwargs["form"] = type(self.form.__name__, (VersionCheckMixin, self.form), {})
        return super().get_form(request, obj, **kwargs)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and self.has_change_permission(request, obj):
            context["edit_presence"] = self._presence_context(request, obj)
        form = context["adminform"].form
        if getattr(form, "newer_version", None) is not None:
            newer = form.newer_version
            context["edit_conflict"] = {
                "differences": newer_differences(form, [f.formset for f in context["inline_admin_formsets"]]),
                "saved_at": newer.updated_at,
                "saved_by": last_saved_by(newer),
            }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_change(self, request, obj):
        forget_presence(obj.pk, request.user)  # "Save and continue" comes back and is noted again
        return super().response_change(request, obj)

    def _presence_context(self, request, obj):
        return {
            "others": record_presence(obj.pk, request.user),
            "url": reverse("admin:news_article_presence", args=[obj.pk]),
            "interval": HEARTBEAT_SECONDS,
        }

    def presence_view(self, request, object_id):
        return require_POST(self._presence)(request, object_id)

    def _presence(self, request, object_id):
        article = self.get_object(request, unquote(object_id))  # None when not visible
        if article is None:
            raise Http404
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        presence = self._presence_context(request, article)
        html = render_to_string("admin/news/article/_edit_presence.html", {"edit_presence": presence}, request)
        return JsonResponse({"html": html})
