import time

from django.core.management.base import BaseCommand

from news import tag_index


class Command(BaseCommand):
    help = (
        "Write every tag list entry again from the articles' tags, status and publication time "
        "(after rows were changed behind the signals' back, e.g. SQL by hand or a bulk load)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="only count entries out of step; exit 1 if any")

    def handle(self, *args, check=False, **options):
        missing, stale = tag_index.drift()
        self.stdout.write(f"Out of step: {missing} links without their entry, {stale} entries wrong or left over.")
        if check:
            if missing or stale:
                raise SystemExit(1)
            return
        started = time.perf_counter()
        count = tag_index.rebuild()
        self.stdout.write(f"Wrote {count} entries in {time.perf_counter() - started:.1f} s.")
