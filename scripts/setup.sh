#!/usr/bin/env bash
# Installs whatever cardhelp's build needs and is missing, at pinned versions, from crates.io,
# npm, rustup and Debian only (nothing downloads a prebuilt binary from a project website).
# Tools already present at the right version are skipped, so a second run takes seconds.
#
#   scripts/setup.sh serve   # Rust wasm target, wasm-bindgen-cli, trunk, wasm-opt (npm binaryen)
#   scripts/setup.sh test    # all of the above, plus the browsers the tests drive: Debian chromium +
#                            # chromium-driver, webkit2gtk-driver + xvfb, firefox-esr, and
#                            # geckodriver (crates.io)
#
# Meant to be sourced by scripts/serve.sh and scripts/test.sh, which then find every tool on PATH.
set -euo pipefail

mode="${1:-serve}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# Trunk 0.21.14 is the newest release that builds with this project's Rust (1.95); 0.22 needs
# 1.96.1. Both produce the same output for cardhelp.
TRUNK_VERSION="0.21.14"
# Firefox's WebDriver server, for the Firefox component and end-to-end tests.
GECKODRIVER_VERSION="0.37.1"
# The CLI must equal the wasm-bindgen library in Cargo.lock, or Trunk refuses to build.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[" ]/, "", $0); sub(/version=/, "", $0); print; exit }' Cargo.lock)"

setup_started=$(date +%s)
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes on 2 cores)"
  # Its own lockfile pins a crate version the registry no longer serves; fall back to unlocked.
  cargo install --locked wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" ||
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 12 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# wasm-opt (npm binaryen) and the browser-test libraries are pinned in package-lock.json; a
# stamp of the lockfile's hash tells whether node_modules matches it.
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat node_modules/.cardhelp-lock 2>/dev/null)" != "$lock_hash" ]; then
  say "installing npm packages (binaryen's wasm-opt, terser, playwright-core, axe-core, typescript)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" >node_modules/.cardhelp-lock
fi

if [ "$mode" = "test" ]; then
  # The three engines the tests drive, from Debian: Chromium (Blink) with chromedriver, WebKitGTK's
  # WebKitWebDriver (it has no headless mode, so it runs under Xvfb: xvfb-run needs xauth), and
  # Firefox ESR (Gecko). Each package is installed only when its program is missing.
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  [ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
  [ -x /usr/bin/xvfb-run ] || missing+=(xvfb)
  [ -x /usr/bin/xauth ] || missing+=(xauth)
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" = "0" ]; then
      say "installing Debian ${missing[*]} (under a minute)"
      apt-get update -qq
      # Wait for another apt run (a second setup, unattended upgrades) instead of failing.
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
    else
      say "Browsers are missing. Run this once, then try again:"
      say "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
      exit 1
    fi
  fi

  # geckodriver (Firefox's WebDriver server) is not packaged in Debian 12 and npm's geckodriver
  # downloads a binary from the web: compile it from crates.io, pinned like trunk.
  if [ "$(geckodriver --version 2>/dev/null | head -n1 | awk '{print $2}')" != "$GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION (about 6 minutes on 2 cores)"
    cargo install --locked geckodriver --version "$GECKODRIVER_VERSION"
  fi
fi

# Trunk runs offline (Trunk.toml), which also makes cargo offline: fetch crates now.
cargo fetch --quiet

say "tools ready in $(($(date +%s) - setup_started)) s: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}')"
