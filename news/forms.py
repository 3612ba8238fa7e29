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
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)
