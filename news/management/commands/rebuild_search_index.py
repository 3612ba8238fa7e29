import time

from django.core.management.base import BaseCommand

from news import search


class Command(BaseCommand):
    help = "Index every article again for the news search (after a bulk load or a restore with loaddata)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        count = search.rebuild()
        seconds = time.perf_counter() - started
        self.stdout.write(f"Indexed {count} articles in {seconds:.1f} s.")
