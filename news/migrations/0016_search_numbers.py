# news_searchnumber (PostgreSQL): each number of 3–18 digits an article's words
# hold, with a primary key (number, article_id), so that the articles holding a
# number are read newest first (news.search_postgresql.PostgreSQLSearch.
# newest_holding). A year crowded into some older articles ("ปีงบประมาณ 2562")
# otherwise costs every match in the window that reaches them: 1.1 s at 1M
# (docs/search.md, "Numbers"). Written with the search rows (write()); filled
# here from the rows already indexed. No foreign key: a row of a deleted article
# joins nothing, and the search checks every row it reads. SQLite: FTS5 reads a
# number's matches newest first by itself; nothing to do.
import importlib

from django.db import migrations

blocks = importlib.import_module("news.migrations.0014_search_blocks")

CREATE_TABLE = [
    "CREATE TABLE IF NOT EXISTS news_searchnumber ("
    "number bigint NOT NULL, article_id bigint NOT NULL, PRIMARY KEY (number, article_id))",
    "CREATE INDEX IF NOT EXISTS news_searchnumber_article ON news_searchnumber (article_id)",
]
# Also the repair of a list out of step (docs/search.md, "Numbers"): it adds what is missing.
FILL = (
    "INSERT INTO news_searchnumber (number, article_id) "
    "SELECT DISTINCT found[1]::bigint, article_id FROM news_searchdocument, "
    "regexp_matches(words, ' ([1-9][0-9]{2,17})(?= )', 'g') AS found "
    "ON CONFLICT DO NOTHING"
)
CREATE = [*CREATE_TABLE, FILL, "ANALYZE news_searchnumber"]
DROP = ["DROP TABLE IF EXISTS news_searchnumber"]


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0015_search_window_entries"),
    ]

    operations = [
        migrations.RunPython(blocks.run(CREATE), blocks.run(DROP)),
    ]
