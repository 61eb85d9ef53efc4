#!/usr/bin/env bash
# Sets up whatever is missing, then serves the demo page on http://127.0.0.1:8080 (Ctrl-C stops).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh" serve
cd "$root"
export TRUNK_SKIP_VERSION_CHECK=true
exec trunk serve --release "$@"
