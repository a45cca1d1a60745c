#!/usr/bin/env bash
# Builds the pinned vegeta load generator (open-loop, fixed request rate) from the Go module proxy into .bin/ for `npm run bench`.
set -euo pipefail
VERSION="${VEGETA_VERSION:-v12.12.0}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/.bin/vegeta-$VERSION"
if [[ -x "$OUT" ]]; then
  ln -sf "vegeta-$VERSION" "$ROOT/.bin/vegeta"
  exit 0
fi
command -v go >/dev/null || { echo "Go is required to build vegeta" >&2; exit 1; }
mkdir -p "$ROOT/.bin"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
echo "Building vegeta $VERSION (first time only)…"
GOBIN="$TMP" GOFLAGS=-trimpath go install "github.com/tsenart/vegeta/v12@$VERSION"
mv "$TMP/vegeta" "$OUT"
ln -sf "vegeta-$VERSION" "$ROOT/.bin/vegeta"
echo "Built $OUT"
