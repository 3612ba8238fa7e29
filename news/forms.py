"""Form fields shared by the public filters and the admin, the admin's date widgets and body editor."""

import datetime
import re

from django import forms
from django.contrib.admin.widgets import (
    AdminDateWidget,
    AdminSplitDateTime,
    AdminTimeWidget,
    AutocompleteSelect,
    AutocompleteSelectMultiple,
)
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget

from . import thai
from .sanitize import EDITOR_EXTENSIONS, sanitize_html


class ThaiDateField(forms.DateField):
    """Accepts 2023-05-26 (date pickers) and 26/5/2566 (what Thai readers type)."""

    default_error_messages = {
        "invalid": _("Enter a date such as 26/5/2566 or 2023-05-26."),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, str):
            try:
                return thai.parse_date(value)
            except ValueError:
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        return super().to_python(value)


class ThaiTimeField(forms.TimeField):
    """Accepts 09:00 and the Thai way of writing it, 09.00 or 9.30 น."""

    default_error_messages = {
        "invalid": _("Enter a time such as 09.00 or 13:30."),
    }

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().removesuffix("น.").strip()
            value = _THAI_TIME.sub(lambda match: match.group(0).replace(".", ":"), value)
        return super().to_python(value)


_THAI_TIME = re.compile(r"^\d{1,2}\.\d{2}(\.\d{2})?$")  # 9.30, 09.00, 09.00.30


class ThaiSplitDateTimeField(forms.SplitDateTimeField):
    """Admin's date + time pair, each part taking what Thai editors type."""

    def __init__(self, *, input_date_formats=None, input_time_formats=None, **kwargs):
        localize = kwargs.get("localize", False)
        fields = (ThaiDateField(localize=localize), ThaiTimeField(localize=localize))
        forms.MultiValueField.__init__(self, fields, **kwargs)


class BuddhistEraDateWidget(AdminDateWidget):
    """Admin's date box, showing the year in the Buddhist era: 20/11/2569.

    The value is written in the language's first date input format (what admin's
    calendar writes too) with a B.E. year, so it reads as editors type it and
    goes through ThaiDateField back to the same date. The script makes the
    calendar and its "Today" link read and write B.E. years as well.
    """

    class Media:
        js = ["news/admin/buddhist-era.js"]

    def format_value(self, value):
        if isinstance(value, datetime.date):
            pattern = self.format or formats.get_format("DATE_INPUT_FORMATS")[0]
            return value.strftime(pattern.replace("%Y", str(thai.be_year(value))))
        return super().format_value(value)


class ThaiTimeWidget(AdminTimeWidget):
    """Admin's time box, showing 09.00 (the Thai way), with seconds only when set.

    Takes the first input format of the language that keeps the whole value, so
    saving a form unchanged never drops the seconds of a stored time.
    """

    def format_value(self, value):
        if isinstance(value, datetime.time):
            naive = value.replace(tzinfo=None)
            for pattern in formats.get_format("TIME_INPUT_FORMATS"):
                text = naive.strftime(pattern)
                if datetime.datetime.strptime(text, pattern).time() == naive:
                    return text
        return super().format_value(value)


class ThaiSplitDateTimeWidget(AdminSplitDateTime):
    """Admin's date + time pair: 20/11/2569 and 09.00."""

    def __init__(self, attrs=None):
        forms.MultiWidget.__init__(self, [BuddhistEraDateWidget, ThaiTimeWidget], attrs)


class WellFormedChoicesMixin:
    """An autocomplete box redrawn after a hand-made POST (office=abc) shows no choice
    rather than failing on the value: Django looks the value up in the database."""

    def optgroups(self, name, value, attr=None):
        target = self.field.target_field
        return super().optgroups(name, [item for item in value if self._parses(target, item)], attr)

    @staticmethod
    def _parses(field, value):
        try:
            field.to_python(value)
        except ValidationError:
            return False
        return True


class AutocompleteSelectWellFormed(WellFormedChoicesMixin, AutocompleteSelect):
    pass


class AutocompleteSelectMultipleWellFormed(WellFormedChoicesMixin, AutocompleteSelectMultiple):
    pass


class ThaiProseEditorWidget(AdminProseEditorWidget):
    """The body editor with its toolbar's tooltips in the reader's language: the
    package writes them in English and passes only its dialogs through gettext."""

    @property
    def media(self):
        return super().media + forms.Media(js=["news/admin/prose-editor-i18n.js"])


class RichTextField(ProseEditorFormField):
    """The article body in admin: a WYSIWYG editor offering only what news.sanitize
    keeps, its HTML sanitised by that same policy (Article.save does it again)."""

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)
        kwargs["widget"] = ThaiProseEditorWidget
        super().__init__(config={"extensions": EDITOR_EXTENSIONS}, sanitize=sanitize_html, **kwargs)

    def to_python(self, value):
        # An emptied editor still holds "<p></p>": that is no body (required).
        html = sanitize_html(super().to_python(value))
        return html if thai.plain_text(html).strip() else ""
