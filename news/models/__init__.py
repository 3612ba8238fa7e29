"""Content model: who publishes (offices), what happened (events, people, attendances)
and the news items about it (articles, photos, categories, tags)."""

from .audit import AuditEntry
from .articles import Article, ArticleQuerySet
from .events import (
    HONORIFICS,
    Attendance,
    Event,
    EventQuerySet,
    Person,
    PersonQuerySet,
    strip_honorific,
)
from .offices import Office, OfficeMembership, OfficeQuerySet, Province
from .photos import Photo, photo_upload_to, validate_photo_size
from .previews import PreviewLink
from .reads import FlushedReadBatch, PendingRead
from .search import SearchDocument
from .tag_index import TaggedArticle
from .taxonomy import Category, Tag

__all__ = [
    "Article", "ArticleQuerySet", "Attendance", "AuditEntry", "Category", "Event", "EventQuerySet", "HONORIFICS",
    "FlushedReadBatch", "Office", "OfficeMembership", "OfficeQuerySet", "PendingRead", "Person", "PersonQuerySet", "Photo", "Province",
    "SearchDocument", "Tag", "TaggedArticle",
    "photo_upload_to", "strip_honorific", "validate_photo_size",
    "PreviewLink",
]
