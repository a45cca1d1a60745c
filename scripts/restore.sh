#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into an empty database (or, with --clean, over an existing one).
# Usage: DATABASE_URL=postgres://…/beratungsraum scripts/restore.sh [--clean] FILE.dump
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/pg-tools.sh

clean=no
if [[ ${1:-} == --clean ]]; then
  clean=yes
  shift
fi
file=${1:-}
if [[ -z $file || ! -f $file ]]; then
  echo "usage: DATABASE_URL=postgres://… scripts/restore.sh [--clean] FILE.dump" >&2
  exit 2
fi
url=${RESTORE_DATABASE_URL:-${DATABASE_URL:-}}
if [[ -z $url ]]; then
  echo "error: set RESTORE_DATABASE_URL or DATABASE_URL to the target database on the PostgreSQL server (not PgBouncer)" >&2
  exit 2
fi
pg_restore=$(find_pg_tool pg_restore)
psql=$(find_pg_tool psql)

if [[ -f $file.sha256 ]]; then
  (cd "$(dirname "$file")" && sha256sum --check --quiet "$(basename "$file").sha256") \
    || { echo "error: $file does not match its checksum: damaged or changed" >&2; exit 1; }
fi
"$pg_restore" --list "$file" >/dev/null

tables=$("$psql" --no-psqlrc --tuples-only --no-align --dbname="$url" \
  -c "select count(*) from pg_tables where schemaname = 'public'")
if [[ $tables != 0 && $clean != yes ]]; then
  echo "error: the target database already has $tables tables. Restore into an empty database" >&2
  echo "       (createdb), or pass --clean to replace its contents. Stop the app first." >&2
  exit 1
fi

args=(--exit-on-error --single-transaction --no-owner --no-privileges --dbname="$url")
[[ $clean == yes ]] && args+=(--clean --if-exists)
"$pg_restore" "${args[@]}" "$file"
# Planner statistics are not in the archive.
"$psql" --no-psqlrc --quiet --dbname="$url" -c 'analyze' >/dev/null
echo "restored $file"
echo "next: start the app (it applies newer migrations on start), then run: npm run doctor"
