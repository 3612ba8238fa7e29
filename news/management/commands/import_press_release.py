"""python manage.py import_press_release FILE... [--dry-run] [--format json] [--office SLUG]"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from news import revisions
from news.importer import parse
from news.importer.drafts import DraftError, create_draft
from news.models import Office


class Command(BaseCommand):
    help = "Read Thai press releases (.txt) and create a draft article, event and attendees for each."

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
        failed = 0
        for name in files:
            path = Path(name)
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as error:
                raise CommandError(f"{name}: cannot read it as UTF-8 text ({error}).") from None
            facts = parse(text)
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
            raise CommandError(f"{failed} of {len(files)} file(s) not imported.")

    def _show(self, name, facts, format, **created):
        if format == "json":
            self.stdout.write(json.dumps({"file": name, **facts, **created}, ensure_ascii=False))
            return
        self.stdout.write(f"{name}:")
        for key, value in facts.items():
            if key != "body":
                self.stdout.write(f"  {key}: {json.dumps(value, ensure_ascii=False)}")
