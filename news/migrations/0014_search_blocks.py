# The trigram index gains a first column, the article's block of 1,024 ids
# (btree_gin), so news.search_postgresql.PostgreSQLSearch can ask the index for the matches
# among a window of ids: a word in a few per cent of a large archive is then
# checked only in the newest windows, not in every article holding it
# (docs/search.md, "Windows of ids"). SQLite: nothing to do.
from django.db import migrations

TEXT = "(title || chr(10) || people || chr(10) || summary || chr(10) || body || chr(10) || words)"
BLOCKS = [
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    "DROP INDEX IF EXISTS news_search_trigram",
    f"CREATE INDEX news_search_trigram ON news_searchdocument USING gin ((article_id / 1024), {TEXT} gin_trgm_ops)",
]
TEXT_ONLY = [
    "DROP INDEX IF EXISTS news_search_trigram",
    f"CREATE INDEX news_search_trigram ON news_searchdocument USING gin ({TEXT} gin_trgm_ops)",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)
    return operation


class Migration(migrations.Migration):

    dependencies = [
        ("news", "0012_search_lz4"),
    ]

    operations = [
        migrations.RunPython(run(BLOCKS), run(TEXT_ONLY)),
    ]
