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
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
# wasm-bindgen-test-runner picks the first driver variable it finds (*_REMOTE, GECKODRIVER,
# SAFARIDRIVER, CHROMEDRIVER), so each engine's step sets only its own, and none is exported.
unset CHROMEDRIVER GECKODRIVER SAFARIDRIVER CHROMEDRIVER_REMOTE GECKODRIVER_REMOTE SAFARIDRIVER_REMOTE
component_tests=(cargo test --locked --no-default-features --target wasm32-unknown-unknown --lib --test web)

step "format" cargo fmt --check
step "clippy (native)" cargo clippy --all-targets --locked -- -D warnings
step "clippy (wasm32)" cargo clippy --lib --test web --no-default-features --locked --target wasm32-unknown-unknown -- -D warnings
step "engine tests and fuzzing, CI-sized (native)" cargo test --locked
step "classifier evaluation (CV, held-out phrases, retraining)" cargo run --release --locked --quiet --bin cardhelp-eval
# Debian's Chromium through chromedriver, headless and unsandboxed (root).
step "component tests (headless Chromium)" env CHROMEDRIVER=/usr/bin/chromedriver \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$root/scripts/webdriver.json" "${component_tests[@]}"
# Firefox ESR through geckodriver; the runner adds -headless, the JSON names the ESR binary.
step "component tests (headless Firefox ESR)" env GECKODRIVER="$(command -v geckodriver)" \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$root/scripts/webdriver-firefox.json" "${component_tests[@]}"
# WebKitGTK through WebKitWebDriver, which has no headless mode: on a virtual X display.
step "component tests (WebKitGTK under Xvfb)" env SAFARIDRIVER=/usr/bin/WebKitWebDriver \
  xvfb-run -a "${component_tests[@]}"
step "release build (trunk)" trunk build --release
step "end-to-end (Playwright + axe-core, Chromium)" node --test --test-concurrency=1 scripts/e2e/
# The cardholder paths and example pages of scripts/e2e/paths.mjs, one description run over W3C
# WebDriver by each engine's own driver, in a 390 px frame (and checked at 320 px).
for engine in chromium firefox webkit; do
  step "end-to-end paths over WebDriver ($engine)" env CARDHELP_ENGINE="$engine" \
    node --test --test-reporter=spec scripts/e2e/engines.mjs
done
step "size report" node scripts/size-report.mjs
step "start-up benchmark (report)" node scripts/bench-startup.mjs
step "engine benchmark (report)" cargo run --release --locked --quiet --bin cardhelp-bench

printf '\nall checks passed in %d s\n' "$(($(date +%s) - started))"
