"""The article's photos in admin: the inline's rules and thumbnails, and bulk upload.

Bulk upload sends each file on its own request to one small view (`upload_photo_view`),
so earlier files are saved while later ones are still on their way, and a refused
file costs only itself. Each file goes through the same pipeline as the inline
(news.photos: decoding, clean original, renditions) with the same Thai messages.
"""

from django import forms
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from . import photos, revisions
from .models import Article, Photo

MISSING_ALT_TEXT = _(
    "Published news needs alt text for every photo: say in a few words what the photo shows, "
    "for readers who cannot see it. Or save the news as a draft."
)
# Photos added in bulk have no alt text yet: on published news they would be public at once.
BULK_ONLY_TO_DRAFTS = _(
    "Photos are added many at once only to a draft: published news needs alt text for every "
    "photo. Save the news as a draft first, or add photos one at a time below."
)


def photos_need_alt_text(article):
    """The one place of the rule: news that is (or is being) published may not show
    a photo without alt text; a draft may, while the editor is still working."""
    return article.status == Article.Status.PUBLISHED


ONE_COVER = _("Choose one cover photo: tick “cover” on one photo only.")


class PhotoInlineFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [form for form in self.forms
                if hasattr(form, "cleaned_data") and not self._should_delete_form(form)]
        if sum(1 for form in kept if form.cleaned_data.get("is_cover")) > 1:
            raise forms.ValidationError(ONE_COVER, code="one_cover")
        if not photos_need_alt_text(self.instance):
            return
        for form in kept:
            has_photo = form.cleaned_data.get("image") or (form.instance.pk and form.instance.image)
            if has_photo and not (form.cleaned_data.get("alt_text") or "").strip():
                form.add_error("alt_text", MISSING_ALT_TEXT)


class PhotoThumbnailInput(forms.ClearableFileInput):
    """The stored photo as a small picture (its smallest rendition, a URL built from
    the row: no storage is touched), not its file name."""

    template_name = "news/widgets/photo_thumbnail.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        photo = getattr(value, "instance", None)
        if isinstance(photo, Photo) and self.is_initial(value):
            context["widget"]["thumbnail"] = (
                photo.rendition_url(photo.renditions[0], "jpg") if photo.renditions else value.url
            )
            context["widget"]["alt"] = photo.alt_text or photo.caption
        return context


class PhotoUploadForm(forms.Form):
    image = photos.PhotoFormField()


@transaction.atomic
def append_photo(article, image):
    """A new photo at the end of the article's gallery. The article row is locked
    so two uploads at once never take the same place."""
    Article.objects.select_for_update().filter(pk=article.pk).first()
    last = article.photos.aggregate(last=Max("order"))["last"]
    return Photo.objects.create(article=article, image=image, order=(last or 0) + 1)


class BulkPhotoUploadMixin:
    """ArticleAdmin's URL for bulk upload: /admin/news/article/<id>/photos/upload/."""

    def get_urls(self):
        upload = path(
            "<path:object_id>/photos/upload/",
            self.admin_site.admin_view(self.upload_photo_view),  # login, staff, CSRF
            name="news_article_upload_photo",
        )
        cover = path(
            "<path:object_id>/photos/<int:photo_id>/cover/",
            self.admin_site.admin_view(self.cover_photo_view),
            name="news_article_cover_photo",
        )
        return [upload, cover, *super().get_urls()]

    def changeform_view(self, request, *args, **kwargs):
        # The admin saves the article and its photo rows in one transaction; if it
        # fails after photos were stored, their files go with the rolled-back rows.
        with photos.files_removed_on_failure():
            return super().changeform_view(request, *args, **kwargs)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        """The drop zone's URL (or why bulk upload is closed), for those who may change
        the article (the object change_view already loaded: no second lookup)."""
        if obj is not None and self.has_change_permission(request, obj):
            context["bulk_photos"] = {
                "url": reverse("admin:news_article_upload_photo", args=[obj.pk]),
                "refused": BULK_ONLY_TO_DRAFTS if photos_need_alt_text(obj) else "",
            }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def upload_photo_view(self, request, object_id):
        return require_POST(self._upload_photo)(request, object_id)

    def _changeable_article(self, request, object_id):
        article = self.get_object(request, unquote(object_id))  # None when not visible
        if article is None:
            raise Http404
        if not self.has_change_permission(request, article):  # the office rules included
            raise PermissionDenied
        return article

    def cover_photo_view(self, request, object_id, photo_id):
        """Make one of the article's photos its cover (the bulk-upload list's button)."""
        return require_POST(self._cover_photo)(request, object_id, photo_id)

    def _cover_photo(self, request, object_id, photo_id):
        article = self._changeable_article(request, object_id)
        photo = get_object_or_404(article.photos, pk=photo_id)
        with revisions.recording(request.user, revisions.Door.COVER):
            photo.is_cover = True
            photo.save(update_fields=["is_cover"])
        return JsonResponse({"id": photo.pk, "is_cover": True})

    def _upload_photo(self, request, object_id):
        article = self._changeable_article(request, object_id)
        if photos_need_alt_text(article):
            return JsonResponse({"error": str(BULK_ONLY_TO_DRAFTS)}, status=409)
        form = PhotoUploadForm(files=request.FILES)
        if not form.is_valid():
            return JsonResponse({"error": " ".join(form.errors["image"])}, status=400)
        with photos.files_removed_on_failure(), revisions.recording(request.user, revisions.Door.UPLOAD):
            photo = append_photo(article, form.cleaned_data["image"])
        return JsonResponse({
            "id": photo.pk,
            "order": photo.order,
            "cover_url": reverse("admin:news_article_cover_photo", args=[article.pk, photo.pk]),
            "thumbnail": photo.rendition_url(photo.renditions[0], "jpg") if photo.renditions else photo.image.url,
        }, status=201)
