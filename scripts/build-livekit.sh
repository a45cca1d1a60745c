#!/usr/bin/env bash
# Builds the pinned LiveKit server from the Go module proxy into .bin/ (reused when present).
# v1.13.5 is pinned: it is the newest release whose go.mod has no replace directives. Releases from
# v1.13.6 on replace pion/webrtc, dtls and ice with LiveKit forks that the module proxy does not serve,
# and dropping those replaces does not compile (the forks add API such as SettingEngine.EnableSped).
set -euo pipefail
VERSION="${LIVEKIT_VERSION:-v1.13.5}"
exec bash "$(dirname "$0")/lib/go-install.sh" livekit-server "github.com/livekit/livekit-server/cmd/server@$VERSION" server
