#!/usr/bin/env bash
# Planned PostgreSQL switchover behind PgBouncer: pause, stop the old primary, promote the standby, repoint, resume.
#
# Nothing acknowledged is lost: the standby is synchronous (synchronous_standby_names), so every COMMIT
# the app answered 201 for is already on it, and PAUSE lets running transactions finish first. While
# paused, the app's queries wait in PgBouncer until the request budget runs out and it answers
# 503 with Retry-After; after RESUME it recovers by itself (docs/operations.md, "Switchover").
#
# Settings (environment):
#   PGBOUNCER_ADMIN       libpq URL of PgBouncer's admin console, e.g. postgres://pgbouncer@127.0.0.1:6432/pgbouncer
#   PGBOUNCER_DATABASES   the file with the [databases] entries (deploy/pgbouncer-databases.ini)
#   NEW_PRIMARY_HOST      host of the standby that becomes primary
#   NEW_PRIMARY_PORT      its port (default 5432)
#   STOP_OLD_PRIMARY      command that stops the old primary with a fast shutdown,
#                         e.g. "ssh db1 pg_ctlcluster 15 main stop -m fast"
#   PROMOTE_NEW_PRIMARY   command that promotes the standby and waits, e.g. "ssh db2 pg_ctlcluster 15 main promote"
#   DATABASE              the transaction-pooled entry to pause (default beratungsraum)
#   PAUSE_TIMEOUT         seconds PAUSE may wait for running transactions (default 20)
set -euo pipefail

: "${PGBOUNCER_ADMIN:?}" "${PGBOUNCER_DATABASES:?}" "${NEW_PRIMARY_HOST:?}" "${STOP_OLD_PRIMARY:?}" "${PROMOTE_NEW_PRIMARY:?}"
NEW_PRIMARY_PORT="${NEW_PRIMARY_PORT:-5432}"
DATABASE="${DATABASE:-beratungsraum}"
PAUSE_TIMEOUT="${PAUSE_TIMEOUT:-20}"
PSQL="${PSQL:-psql}"

admin() { "$PSQL" "$PGBOUNCER_ADMIN" -X -q -v ON_ERROR_STOP=1 -c "$1"; }
say() { printf '%s pg-switchover: %s\n' "$(date -u +%H:%M:%S.%3N)" "$1"; }

resumed=0
resume() {
  if [ "$resumed" = 0 ]; then
    resumed=1
    admin "RESUME $DATABASE" || true
  fi
}
# Whatever fails below, PgBouncer must not stay paused.
trap resume EXIT

say "PAUSE $DATABASE (waits for running transactions)"
timeout "$PAUSE_TIMEOUT" "$PSQL" "$PGBOUNCER_ADMIN" -X -q -v ON_ERROR_STOP=1 -c "PAUSE $DATABASE"
say "stopping the old primary"
bash -c "$STOP_OLD_PRIMARY"
say "promoting the standby"
bash -c "$PROMOTE_NEW_PRIMARY"
say "pointing PgBouncer at $NEW_PRIMARY_HOST:$NEW_PRIMARY_PORT"
tmp="$(mktemp "$PGBOUNCER_DATABASES.XXXXXX")"
sed -E "s/host=[^ ]+/host=$NEW_PRIMARY_HOST/; s/port=[0-9]+/port=$NEW_PRIMARY_PORT/" "$PGBOUNCER_DATABASES" >"$tmp"
chmod 0644 "$tmp"
mv "$tmp" "$PGBOUNCER_DATABASES"
admin "RELOAD"
# The session-pooled LISTEN entry still holds connections to the old server: end them so the app's
# listeners reconnect (to the new primary) and drop their caches.
admin "KILL ${DATABASE}_listen" || true
admin "RESUME ${DATABASE}_listen" || true
resume
say "done: $DATABASE now on $NEW_PRIMARY_HOST:$NEW_PRIMARY_PORT"
