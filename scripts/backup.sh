#!/usr/bin/env bash
# Backs up the database with pg_dump (custom format) into BACKUP_DIR, checks the archive, keeps the newest BACKUP_KEEP.
# Usage: DATABASE_URL=postgres://… scripts/backup.sh   (prints the archive's path on success)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/pg-tools.sh

# pg_dump needs a session of its own (snapshot, SET commands): connect to PostgreSQL directly, not via PgBouncer.
url=${BACKUP_DATABASE_URL:-${DATABASE_URL:-}}
if [[ -z $url ]]; then
  echo "error: set BACKUP_DATABASE_URL or DATABASE_URL to the PostgreSQL server itself (not PgBouncer)" >&2
  exit 2
fi
dir=${BACKUP_DIR:-/var/backups/beratungsraum}
keep=${BACKUP_KEEP:-14}
[[ $keep =~ ^[1-9][0-9]*$ ]] || { echo "error: BACKUP_KEEP must be a whole number >= 1" >&2; exit 2; }
pg_dump=$(find_pg_tool pg_dump)
pg_restore=$(find_pg_tool pg_restore)

# Backups hold personal data: only the owner may read them.
umask 077
mkdir -p "$dir"
file="$dir/beratungsraum-$(date -u +%Y%m%dT%H%M%SZ).dump"
tmp="$file.partial"
trap 'rm -f "$tmp"' EXIT

"$pg_dump" --format=custom --compress=6 --no-owner --no-privileges --file="$tmp" --dbname="$url"
# An archive pg_restore cannot list is no backup.
listing=$("$pg_restore" --list "$tmp")
[[ $listing == *"TABLE DATA public bookings "* ]] \
  || { echo "error: the archive has no bookings table: is DATABASE_URL the right database?" >&2; exit 1; }
mv "$tmp" "$file"
(cd "$dir" && sha256sum "$(basename "$file")" >"$(basename "$file").sha256")

# Rotation: the newest $keep archives stay.
mapfile -t old < <(ls -1t "$dir"/beratungsraum-*.dump | tail -n +"$((keep + 1))")
for f in "${old[@]}"; do rm -f "$f" "$f.sha256"; done
echo "$file"
