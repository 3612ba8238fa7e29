#!/usr/bin/env bash
# Set up and start the portal with its demo data at http://127.0.0.1:8000/
# (admin: http://127.0.0.1:8000/admin/, user admin, password admin).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
.venv/bin/python manage.py migrate --noinput
.venv/bin/python manage.py load_demo
echo "Portal: http://127.0.0.1:8000/   Admin: http://127.0.0.1:8000/admin/ (admin / admin, or editor / editor)"
exec .venv/bin/python manage.py runserver "${PORT:-127.0.0.1:8000}"
