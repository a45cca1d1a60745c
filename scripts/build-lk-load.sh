#!/usr/bin/env bash
# Builds bench/lk-load (the LiveKit load client on server-sdk-go from the Go module proxy) into .bin/lk-load;
# rebuilt only when its sources change. livekit-cli's `lk` is not served by the module proxy here.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SRC="$ROOT/bench/lk-load"
STAMP="$(cat "$SRC/go.mod" "$SRC/go.sum" "$SRC"/*.go | sha256sum | cut -c1-16)"
OUT="$ROOT/.bin/lk-load-$STAMP"
mkdir -p "$ROOT/.bin"
if [[ ! -x "$OUT" ]]; then
  command -v go >/dev/null || { echo "Go is required to build lk-load" >&2; exit 1; }
  echo "Building lk-load (first time only, several minutes)…"
  (cd "$SRC" && GOFLAGS=-trimpath go build -o "$OUT" .)
fi
ln -sf "lk-load-$STAMP" "$ROOT/.bin/lk-load"
echo "lk-load: $OUT"
