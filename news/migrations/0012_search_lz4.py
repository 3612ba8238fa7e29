# The search rows' text is read row by row when the newest articles are checked
# for a word (news.search.PostgreSQLSearch.newest): pglz, PostgreSQL's default,
# made un-compressing the text most of that cost; lz4 un-compresses several
# times faster. Rows written before keep their compression until re-written
# (manage.py rebuild_search_index). SQLite: nothing to do.
from django.db import migrations

COLUMNS = ["title", "people", "summary", "body", "words", "vector"]


def compression(method):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for column in COLUMNS:
                schema_editor.execute(f"ALTER TABLE news_searchdocument ALTER COLUMN {column} SET COMPRESSION {method}")
    return operation


class Migration(migrations.Migration):

    dependencies = [
        ("news", "0009_audit_trash_revisions"),
    ]

    operations = [
        migrations.RunPython(compression("lz4"), compression("pglz")),
    ]
