# The trigram index's first column becomes the list of the article's windows of
# ids: its block of 1,024 ids, of 16 blocks and of 256 blocks, each level 2^40
# apart (news.search_postgresql.PostgreSQLSearch.blocks_sql, frozen here). With
# 0014's single block (btree_gin) a window could be bounded on one side only, as
# each bound is read from it to the end of the index, so every window checked
# again the candidates of the newer ones; `&&` on a short list of entries reads
# exactly the window (docs/search.md, "Windows of ids"). Built CONCURRENTLY
# beside the old index, then given its name, as in 0014. SQLite: nothing to do.
import importlib

from django.db import migrations

blocks = importlib.import_module("news.migrations.0014_search_blocks")

ENTRIES = "ARRAY[article_id / 1024, 1099511627776 + article_id / 16384, 2199023255552 + article_id / 262144]"
WINDOW_ENTRIES = blocks.replace_index(f"({ENTRIES}), {blocks.TEXT} gin_trgm_ops")
SINGLE_BLOCK = blocks.replace_index(f"(article_id / 1024), {blocks.TEXT} gin_trgm_ops")


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run in a transaction

    dependencies = [
        ("news", "0014_search_blocks"),
    ]

    operations = [
        migrations.RunPython(blocks.run(WINDOW_ENTRIES), blocks.run(SINGLE_BLOCK)),
    ]
