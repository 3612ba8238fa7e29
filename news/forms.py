"""Form fields shared by the public filters and the admin."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import thai


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
            value = value.strip().removesuffix("น.").strip().replace(".", ":")
        return super().to_python(value)


class ThaiSplitDateTimeField(forms.SplitDateTimeField):
    """Admin's date + time pair, each part taking what Thai editors type."""

    def __init__(self, *, input_date_formats=None, input_time_formats=None, **kwargs):
        localize = kwargs.get("localize", False)
        fields = (ThaiDateField(localize=localize), ThaiTimeField(localize=localize))
        forms.MultiValueField.__init__(self, fields, **kwargs)
