"""Upgrading a database an office already runs: the migrations go forward from
version 1 (before the search index, migration 0004) over a database that holds a
published article, and the article is then found. On PostgreSQL, migration 0005
indexes the existing articles with today's code, which also writes migration
0016's list of numbers (a review found this upgrade failing)."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]

UPGRADE = """
import django
django.setup()
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

call_command("migrate", "news", "0004", verbosity=0)
old = MigrationExecutor(connection).loader.project_state(("news", "0004_speed_indexes")).apps
office = old.get_model("news", "Office").objects.create(name="สำนักงานทดสอบ", short_name="สนง.ทส.", slug="t")
old.get_model("news", "Article").objects.create(
    title="แผนปฏิบัติการ ปีงบประมาณ 2562", slug="plan", body="<p>ประจำปีงบประมาณ 2562</p>",
    office=office, status="published", published_at=timezone.now(),
)
call_command("migrate", verbosity=0)
from news.models import Article
print("FOUND", list(Article.objects.published().search("ปีงบประมาณ 2562").values_list("title", flat=True)))
"""


@pytest.mark.skipif(connection.vendor != "postgresql", reason="0005 and 0016 write PostgreSQL's own tables")
def test_a_version_1_database_with_an_article_upgrades_and_finds_it():
    settings = connection.settings_dict
    server = dict(host=settings["HOST"] or "127.0.0.1", port=settings["PORT"] or 5432, user=settings["USER"])
    name = f"test_upgrade_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        url = f"postgres://{server['user']}@{server['host']}:{server['port']}/{name}"
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "portal.settings"}
        done = subprocess.run([sys.executable, "-c", UPGRADE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        assert "FOUND ['แผนปฏิบัติการ ปีงบประมาณ 2562']" in done.stdout
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
