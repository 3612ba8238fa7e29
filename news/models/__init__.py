"""Content model: who publishes (offices), what happened (events, people, attendances)
and the news items about it (articles, photos, categories, tags)."""

from .articles import (
    Article,
    ArticleQuerySet,
    Category,
    Photo,
    Tag,
    photo_upload_to,
    validate_photo_size,
)
from .events import (
    HONORIFICS,
    Attendance,
    Event,
    EventQuerySet,
    Person,
    PersonQuerySet,
    strip_honorific,
)
from .offices import Office, OfficeQuerySet, Province
from .previews import PreviewLink
from .reads import PendingRead

__all__ = [
    "Article", "ArticleQuerySet", "Attendance", "Category", "Event", "EventQuerySet", "HONORIFICS",
    "Office", "OfficeQuerySet", "PendingRead", "Person", "PersonQuerySet", "Photo", "Province", "Tag",
    "photo_upload_to", "strip_honorific", "validate_photo_size",
    "PreviewLink",
]
