"""Backups as an operator runs them: `manage.py` in subprocesses with no standard input.

Each database is a fresh one of the engine the suite runs on (an SQLite file, or a
throwaway database on the same PostgreSQL server), so the session's test database is
never touched. The demo data, photos included, is what gets backed up.
"""

import hashlib
import json
import os
import re
import stat
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings

MANAGE = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]

# Run by `manage.py shell -c` inside the site under test: every row of every table.
SNAPSHOT = """
import json, os
from django.db import connection
tables = {}
with connection.cursor() as cursor:
    for table in connection.introspection.table_names():
        cursor.execute("SELECT * FROM " + connection.ops.quote_name(table))
        tables[table] = sorted(json.dumps(row, default=str, ensure_ascii=False) for row in cursor.fetchall())
with open(os.environ["SNAPSHOT_TO"], "w", encoding="utf-8") as out:
    json.dump(tables, out, ensure_ascii=False)
"""


class Site:
    """One portal install: its database, media folder and backup folder."""

    def __init__(self, root, database_url, backup_dir):
        self.root = root
        self.media = root / "media"
        self.backups = backup_dir
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(self.media),
            "DJANGO_BACKUP_DIR": str(backup_dir),
        }

    def manage(self, *args, check=True, **env):
        result = subprocess.run(
            MANAGE + list(args), env={**self.env, **env}, cwd=settings.BASE_DIR,
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
        )
        if check:
            assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
        return result

    def rows(self):
        target = self.root / f"snapshot-{uuid.uuid4().hex}.json"
        self.manage("shell", "-c", SNAPSHOT, SNAPSHOT_TO=str(target))
        return json.loads(target.read_text(encoding="utf-8"))

    def files(self):
        return {
            path.relative_to(self.media).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in self.media.rglob("*") if path.is_file()
        }


def _postgres(db):
    """An autocommit connection to the maintenance database of the server under test."""
    import psycopg

    params = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"], "password": db["PASSWORD"]}
    return psycopg.connect(dbname="postgres", autocommit=True, **{k: v for k, v in params.items() if v})


@pytest.fixture(scope="module")
def new_site(tmp_path_factory):
    """Makes sites with an empty database of the engine under test, sharing one backup folder."""
    db = settings.DATABASES["default"]
    postgres = db["ENGINE"] == "django.db.backends.postgresql"
    backups = tmp_path_factory.mktemp("backups")
    created = []

    def make(name):
        root = tmp_path_factory.mktemp(name)
        if not postgres:
            return Site(root, f"sqlite:///{root / 'db.sqlite3'}", backups)
        database = f"portal_backup_{name}_{uuid.uuid4().hex[:8]}"
        with _postgres(db) as server:
            server.execute(f'CREATE DATABASE "{database}"')
        created.append(database)
        login = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
        host = f"{db['HOST']}:{db['PORT']}" if db["PORT"] else db["HOST"]
        return Site(root, f"postgres://{login}@{host}/{database}", backups)

    yield make
    if created:
        with _postgres(db) as server:
            for database in created:
                server.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


@pytest.fixture(scope="module")
def demo_site(new_site):
    site = new_site("source")
    site.manage("migrate", "--noinput", "-v0")
    site.manage("load_demo")
    return site


def test_backup_restores_every_row_and_file_into_an_empty_database_and_media_folder(demo_site, new_site):
    """dbbackup + mediabackup, restored with --noinput into nothing, give back every row and file."""
    demo_site.manage("dbbackup")
    demo_site.manage("mediabackup")
    made = list(demo_site.backups.iterdir())
    assert len(made) == 3  # the database, its .metadata, the photos' .tar
    assert {stat.S_IMODE(path.stat().st_mode) for path in made} == {0o600}  # password hashes inside
    restored = new_site("restored")
    restored.media.mkdir()

    # With nobody to answer "Are you sure?", dbrestore refuses unless told --noinput.
    assert restored.manage("dbrestore", check=False).returncode != 0
    assert restored.rows() == {}

    restored.manage("dbrestore", "--noinput")
    restored.manage("mediarestore", "--noinput")

    rows = demo_site.rows()
    assert len(rows["news_article"]) == 5 and len(rows["news_photo"]) > 0
    assert restored.rows() == rows
    files = demo_site.files()
    assert len(files) >= len(rows["news_photo"])
    assert restored.files() == files
    restored.manage("migrate", "--check")  # the copy knows which migrations it has


def test_dump_with_natural_keys_loads_into_an_empty_database(demo_site, new_site, tmp_path):
    """`dumpdata --natural-foreign --natural-primary` (provinces by ISO code) loads back."""

    def objects(path):
        dumped = json.loads(path.read_text(encoding="utf-8"))
        text = (json.dumps(item, sort_keys=True, ensure_ascii=False) for item in dumped)
        # Django writes a time's milliseconds only when its microseconds are not zero,
        # so 12:00:00.000400 dumps as "12:00:00.000Z" and, loaded back, as "12:00:00Z".
        return sorted(re.sub(r'(T\d\d:\d\d:\d\d)\.000(Z|[+-]\d\d:\d\d)"', r'\1\2"', item) for item in text)

    dump, dump_again = tmp_path / "portal.json", tmp_path / "copy.json"
    demo_site.manage("dumpdata", "--natural-foreign", "--natural-primary", "-o", str(dump))
    copy = new_site("natural")
    copy.manage("migrate", "--noinput", "-v0")
    copy.manage("loaddata", str(dump))
    copy.manage("dumpdata", "--natural-foreign", "--natural-primary", "-o", str(dump_again))

    original = objects(dump)
    assert sum('"model": "news.province"' in item for item in original) == 77
    assert sum('"model": "news.article"' in item for item in original) == 5
    assert objects(dump_again) == original
