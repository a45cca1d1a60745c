#!/usr/bin/env bash
# Builds a pinned Go command from the Go module proxy into .bin/<name>-<version> once and links .bin/<name> to it.
# Usage: go-install.sh <name> <module path of the command>@<version> <binary name go install produces>
set -euo pipefail
NAME="$1"
TARGET="$2"
PRODUCED="$3"
VERSION="${TARGET##*@}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/.bin/$NAME-$VERSION"
if [[ -x "$OUT" ]]; then
  ln -sf "$NAME-$VERSION" "$ROOT/.bin/$NAME"
  echo "$NAME $VERSION already built: $OUT"
  exit 0
fi
command -v go >/dev/null || { echo "Go is required to build $NAME" >&2; exit 1; }
mkdir -p "$ROOT/.bin"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
echo "Building $NAME $VERSION (first time only)…"
GOBIN="$TMP" GOFLAGS=-trimpath go install "$TARGET"
mv "$TMP/$PRODUCED" "$OUT"
ln -sf "$NAME-$VERSION" "$ROOT/.bin/$NAME"
echo "Built $OUT"
