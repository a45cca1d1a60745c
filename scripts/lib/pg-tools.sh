# Sourced by backup.sh and restore.sh: finds the PostgreSQL client tools (PG_BIN, PATH, or Debian's newest version).
find_pg_tool() {
  local tool=$1
  if [[ -n ${PG_BIN:-} ]]; then
    [[ -x $PG_BIN/$tool ]] || { echo "error: $tool not found in PG_BIN=$PG_BIN" >&2; return 1; }
    echo "$PG_BIN/$tool"
    return
  fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [[ -n $newest && -x $newest/$tool ]]; then
    echo "$newest/$tool"
  elif command -v "$tool" >/dev/null; then
    command -v "$tool"
  else
    echo "error: $tool not found; install postgresql-client (Debian) or set PG_BIN" >&2
    return 1
  fi
}
