#!/usr/bin/env bash
# Set up and start the portal with its demo data at http://127.0.0.1:8000/ as readers
# see it: DEBUG off (Thai error pages, never a traceback), static files hashed and
# served by whitenoise, photos served by the app, gunicorn as in production, over
# plain HTTP (DJANGO_HTTPS=0). Admin: http://127.0.0.1:8000/admin/ (admin / admin,
# or the office editor editor / editor). PORT=host:port picks another address.
# For development with Django's debug pages use runserver instead (README).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
ADDRESS="${PORT:-127.0.0.1:8000}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt

# DEBUG off needs a secret key: one of this checkout's own, made once and kept in a
# git-ignored file so that logins survive a restart.
if [ ! -s .demo-secret-key ]; then
  (umask 077 && .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))' > .demo-secret-key)
fi
export DJANGO_DEBUG=0 DJANGO_HTTPS=0 DJANGO_SERVE_MEDIA=1
export DJANGO_SECRET_KEY="$(cat .demo-secret-key)"
export DJANGO_ALLOWED_HOSTS="${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost,[::1],${ADDRESS%:*}}"

.venv/bin/python manage.py migrate --noinput
.venv/bin/python manage.py collectstatic --noinput --verbosity 0
.venv/bin/python manage.py load_demo --admin-password admin --editor-password editor --writer-password writer --publisher-password publisher
echo "Portal: http://$ADDRESS/   Admin: http://$ADDRESS/admin/ (admin / admin; office logins writer / writer, publisher / publisher, editor / editor)"
exec .venv/bin/gunicorn portal.wsgi --bind "$ADDRESS" --workers 2 --access-logfile -
