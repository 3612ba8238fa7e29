"""python manage.py import_press_release FILE... [--dry-run] [--format json] [--office SLUG]"""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from news import revisions
from news.importer import parse
from news.importer.drafts import DraftError, create_draft
from news.importer.files import MAX_FILE_BYTES, read_release
from news.models import Category, Office

# The JSON of a dry run, key for key and in this order (issue 18, docs/importer.md).
SCHEMA = ["file", "title", "published_date", "event_start", "event_end", "time", "venue", "province",
          "online_platform", "chair", "attendees", "participant_count", "fiscal_year_be", "tags", "credits",
          "read_count", "office", "body"]


class Command(BaseCommand):
    help = "Read Thai press releases (.txt or .docx) and create a draft article, event and attendees for each."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--dry-run", action="store_true", help="Create nothing; show what would be extracted.")
        parser.add_argument("--format", choices=["text", "json"], default="text",
                            help="json: one JSON object per file per line.")
        parser.add_argument("--office", help="Slug of the office to file a release under when it names none.")

    def handle(self, *args, files, dry_run, format, office, **options):
        fallback = None
        if office:
            fallback = Office.objects.filter(slug=office).first()
            if fallback is None:
                raise CommandError(f"No office with the slug {office!r}.")
        categories = self._categories()
        failed = 0
        for name in files:
            # A bad file is reported and skipped: the others are still read.
            try:
                text = self._read(name)
            except (OSError, ValidationError) as error:
                failed += 1
                self.stderr.write(f"{name}: {self._reason(error)}")
                continue
            facts = parse(text, categories=categories)
            if dry_run:
                self._show(name, facts, format)
                continue
            try:
                with revisions.recording(None, revisions.Door.IMPORT):  # no user: the revision says so
                    article = create_draft(facts, office=fallback)
            except DraftError as error:
                failed += 1
                self.stderr.write(f"{name}: not imported: {error}")
                continue
            if format == "json":
                self._show(name, facts, format, article=article.pk, event=article.event_id)
            else:
                self.stdout.write(f"{name}: draft article {article.pk} “{article.title}”"
                                  + (f", event {article.event_id}" if article.event_id else ""))
        if failed:
            raise CommandError(f"{failed} of {len(files)} file(s) not {'read' if dry_run else 'imported'}.")

    @staticmethod
    def _categories():
        """The portal's category names; a dry run needs no database, so without one
        the parser's defaults (the portal's two) are used."""
        try:
            return list(Category.objects.values_list("name", flat=True))
        except DatabaseError:
            return None

    @staticmethod
    def _read(name):
        path = Path(name)
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ValidationError(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB: not a press release")
        return read_release(path.name, path.read_bytes())

    @staticmethod
    def _reason(error):
        if isinstance(error, ValidationError):
            return " ".join(str(message) for message in error.messages)
        return f"cannot read it ({error.strerror or error})"

    def _show(self, name, facts, format, **created):
        row = {key: name if key == "file" else facts[key] for key in SCHEMA}
        if format == "json":
            self.stdout.write(json.dumps({**row, **created}, ensure_ascii=False))
            return
        self.stdout.write(f"{name}:")
        for key, value in list(row.items())[1:]:
            if key != "body":
                self.stdout.write(f"  {key}: {json.dumps(value, ensure_ascii=False)}")
        for key in ("category", "attending_groups"):
            self.stdout.write(f"  {key}: {json.dumps(facts[key], ensure_ascii=False)}")
