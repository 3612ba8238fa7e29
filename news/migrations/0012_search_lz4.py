# The search rows' text is read row by row when the newest articles are checked
# for a word (news.search_postgresql.PostgreSQLSearch.newest): pglz, PostgreSQL's default,
# made un-compressing the text most of that cost; lz4 un-compresses several
# times faster. Rows written before keep their compression until re-written
# (manage.py rebuild_search_index). SQLite: nothing to do.
from django.db import DatabaseError, migrations, transaction

COLUMNS = ["title", "people", "summary", "body", "words", "vector"]


def compression(method):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        try:
            with transaction.atomic(using=schema_editor.connection.alias):
                for column in COLUMNS:
                    schema_editor.execute(f"ALTER TABLE news_searchdocument ALTER COLUMN {column} SET COMPRESSION {method}")
        except DatabaseError:
            pass  # a PostgreSQL built without lz4 keeps pglz: slower to read, the same answers
    return operation


class Migration(migrations.Migration):

    dependencies = [
        ("news", "0011_flushed_read_batch"),
    ]

    operations = [
        migrations.RunPython(compression("lz4"), compression("pglz")),
    ]
