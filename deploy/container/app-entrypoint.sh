#!/bin/sh
# Container entry of the app image: apply pending migrations, then serve with workerd on 0.0.0.0:PORT.
# `doctor` as the first argument runs npm run doctor's checks instead (podman exec … doctor).
set -eu
cd /app
case "${1:-serve}" in
  doctor) shift; exec node dist/tools/doctor.mjs "$@" ;;
  migrate) exec node dist/tools/migrate.mjs ;;
  serve) ;;
  *) echo "usage: app-entrypoint.sh [serve|migrate|doctor [--json]]" >&2; exit 2 ;;
esac
if [ -z "${DATABASE_URL:-}" ]; then
  echo "DATABASE_URL is required in the container (there is no embedded PostgreSQL here)" >&2
  exit 2
fi
node dist/tools/migrate.mjs
exec node_modules/.bin/workerd serve deploy/workerd.capnp \
  --socket-addr "http=0.0.0.0:${PORT}" \
  --directory-path "assets=/app/dist/web"
