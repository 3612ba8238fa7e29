# The trigram index gains a first column, the article's block of 1,024 ids
# (btree_gin), so news.search_postgresql.PostgreSQLSearch can ask the index for
# the matches among a window of ids: a word in a few per cent of a large archive
# is then checked only in the newest windows, not in every article holding it
# (docs/search.md, "Windows of ids"). The new index is built CONCURRENTLY beside
# the old one, then takes its name: searches and saves go on meanwhile (minutes
# at a million articles). 1024 is PostgreSQLSearch.BLOCK, frozen here.
# SQLite: nothing to do.
from django.db import migrations

TEXT = "(title || chr(10) || people || chr(10) || summary || chr(10) || body || chr(10) || words)"


def replace_index(columns):
    return [
        "SET maintenance_work_mem = '256MB'",
        "DROP INDEX CONCURRENTLY IF EXISTS news_search_trigram_new",  # left by an interrupted run
        f"CREATE INDEX CONCURRENTLY news_search_trigram_new ON news_searchdocument USING gin ({columns})",
        "DROP INDEX CONCURRENTLY IF EXISTS news_search_trigram",
        "ALTER INDEX news_search_trigram_new RENAME TO news_search_trigram",
        "RESET maintenance_work_mem",
    ]


BLOCKS = ["CREATE EXTENSION IF NOT EXISTS btree_gin", *replace_index(f"(article_id / 1024), {TEXT} gin_trgm_ops")]
TEXT_ONLY = replace_index(f"{TEXT} gin_trgm_ops")


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)
    return operation


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run in a transaction

    dependencies = [
        ("news", "0013_tag_index"),
    ]

    operations = [
        migrations.RunPython(run(BLOCKS), run(TEXT_ONLY)),
    ]
