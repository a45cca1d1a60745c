#!/usr/bin/env bash
# Builds the pinned vegeta load generator (open-loop, fixed request rate) from the Go module proxy into .bin/ for `npm run bench`.
set -euo pipefail
exec bash "$(dirname "$0")/lib/go-install.sh" vegeta "github.com/tsenart/vegeta/v12@${VEGETA_VERSION:-v12.12.0}" vegeta
