#!/usr/bin/env bash
# Sets up whatever is missing, then runs every cardhelp check in order; stops at the first failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh" test
cd "$root"

started=$(date +%s)
step() {
  local name="$1"
  shift
  printf '\n\033[1m== %s\033[0m\n' "$name"
  local t0=$(date +%s)
  "$@"
  printf '\033[1m== %s: ok (%d s)\033[0m\n' "$name" "$(($(date +%s) - t0))"
}

export TRUNK_SKIP_VERSION_CHECK=true
# wasm-bindgen-test drives Debian's Chromium through chromedriver, headless and unsandboxed (root).
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$root/scripts/webdriver.json"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner

step "format" cargo fmt --check
step "clippy (native)" cargo clippy --all-targets --locked -- -D warnings
step "clippy (wasm32)" cargo clippy --lib --test web --no-default-features --locked --target wasm32-unknown-unknown -- -D warnings
step "engine tests and fuzzing, CI-sized (native)" cargo test --locked
step "classifier evaluation (CV, held-out phrases, retraining)" cargo run --release --locked --quiet --bin cardhelp-eval
step "component tests (headless Chromium)" cargo test --locked --no-default-features --target wasm32-unknown-unknown --lib --test web
step "release build (trunk)" trunk build --release
step "end-to-end (Playwright + axe-core, Chromium)" node --test --test-concurrency=1 scripts/e2e/
step "size report" node scripts/size-report.mjs
step "start-up benchmark (report)" node scripts/bench-startup.mjs
step "engine benchmark (report)" cargo run --release --locked --quiet --bin cardhelp-bench

printf '\nall checks passed in %d s\n' "$(($(date +%s) - started))"
