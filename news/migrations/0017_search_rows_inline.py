# The search rows' text kept in the row itself, compressed (lz4, migration 0012),
# rather than moved out to the TOAST table once a row passes 2 kB (PostgreSQL's
# default target). Each candidate the trigram index hands over is re-checked with
# LIKE once per term over the row's whole text, and ranked with its tsvector: each
# time, every value moved out is fetched from the TOAST table again through its
# index (docs/search.md, "The cost of a candidate"). Rows written before keep their
# layout until re-written (manage.py rebuild_search_index). SQLite: nothing to do.
import importlib

from django.db import migrations

blocks = importlib.import_module("news.migrations.0014_search_blocks")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0016_search_numbers"),
    ]

    operations = [
        migrations.RunPython(
            blocks.run(["ALTER TABLE news_searchdocument SET (toast_tuple_target = 8160)"]),
            blocks.run(["ALTER TABLE news_searchdocument RESET (toast_tuple_target)"]),
        ),
    ]
