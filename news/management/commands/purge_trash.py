from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from news import thai
from news.models import Article


class Command(BaseCommand):
    help = (
        "Delete for good the articles that have been in the trash longer than NEWS_TRASH_DAYS, "
        "with their photos' files, writing a PURGED audit row for each (run it daily: docs/deploy.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List what would be purged; delete nothing.")

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        # A list, not a cursor, since rows go as we walk them (one day's worth at most).
        due = list(Article.objects.due_for_purge().select_related("office").defer("body", "summary"))
        purged = 0
        # One transaction per article: a failure leaves the others done and its own
        # row (and files: they go only after the commit) as they were.
        for article in due:
            if verbosity:
                self.stdout.write(
                    f"{'would purge' if dry_run else 'purged'}: {article.pk} {article.title} "
                    f"({article.office.short_name}, deleted {thai.format_datetime(article.trashed_at)})"
                )
            if not dry_run:
                with transaction.atomic():
                    article.purge()
            purged += 1
        if verbosity:
            verb = "would be purged" if dry_run else "purged"
            self.stdout.write(f"{purged} articles {verb} (in the trash over {settings.NEWS_TRASH_DAYS} days)")
