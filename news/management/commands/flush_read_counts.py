from django.core.management.base import BaseCommand

from news import reads


class Command(BaseCommand):
    help = "Add the reads counted since the last flush to the articles' read counts (run it from cron, e.g. every minute)."

    def handle(self, *args, **options):
        moved = reads.flush()
        if options["verbosity"]:
            self.stdout.write(f"{moved} reads added")
