"""Thai formats: Django's, except that times are written the Thai way, 09.00.

The first input format is also what admin's "Now" shortcut and clock write, so an
editor reads 09.00, never 09:00:00. Dates keep Django's 20/11/2026 pattern; the
admin widgets and calendar write its year in the Buddhist era (news/forms.py).
"""

from django.conf.locale.th.formats import *  # noqa: F401,F403

TIME_INPUT_FORMATS = [
    "%H.%M",  # 09.00
    "%H.%M.%S",  # 09.00.30
    "%H:%M",  # 09:00
    "%H:%M:%S",  # 09:00:30
    "%H:%M:%S.%f",  # 09:00:30.000200
]
