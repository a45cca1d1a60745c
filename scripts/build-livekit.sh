#!/usr/bin/env bash
# Builds the pinned LiveKit server from the Go module proxy into .bin/ (reused when present).
# v1.13.5 is pinned: it is the newest release whose go.mod has no replace directives. Releases from
# v1.13.6 on replace pion/webrtc, dtls and ice with LiveKit forks that the module proxy does not serve,
# and dropping those replaces does not compile (the forks add API such as SettingEngine.EnableSped).
set -euo pipefail
VERSION="${LIVEKIT_VERSION:-v1.13.5}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/.bin/livekit-server-$VERSION"
if [[ -x "$OUT" ]]; then
  ln -sf "livekit-server-$VERSION" "$ROOT/.bin/livekit-server"
  echo "LiveKit server $VERSION already built: $OUT"
  exit 0
fi
command -v go >/dev/null || { echo "Go is required to build the LiveKit server" >&2; exit 1; }
mkdir -p "$ROOT/.bin"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
echo "Building LiveKit server $VERSION (first time only, a few minutes)…"
GOBIN="$TMP" GOFLAGS=-trimpath go install "github.com/livekit/livekit-server/cmd/server@$VERSION"
mv "$TMP/server" "$OUT"
ln -sf "livekit-server-$VERSION" "$ROOT/.bin/livekit-server"
echo "Built $OUT"
