import news.models.photos
from django.db import migrations
from django.db.models import Q


def fill_photo_sizes(apps, schema_editor):
    """Store the width and height of photos saved without them (the demo photos of
    version 1), reading each file once, here, so no page ever has to. A row whose
    file is missing keeps empty sizes; pages leave it out, check_media lists it."""
    Photo = apps.get_model("news", "Photo")
    field = Photo._meta.get_field("image")
    for photo in Photo.objects.filter(Q(width__isnull=True) | Q(height__isnull=True)).exclude(image=""):
        try:
            field.read_dimensions(photo)
        except OSError:
            continue
        photo.save(update_fields=["width", "height"])


class Migration(migrations.Migration):

    dependencies = [
        ("news", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="photo",
            name="image",
            field=news.models.photos.SizedImageField(
                height_field="height", upload_to=news.models.photos.photo_upload_to,
                validators=[news.models.photos.validate_photo_size], verbose_name="image", width_field="width",
            ),
        ),
        migrations.RunPython(fill_photo_sizes, migrations.RunPython.noop),
    ]
