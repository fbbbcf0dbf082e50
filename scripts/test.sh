#!/usr/bin/env bash
# Runs every Smarketing test: unit, integration, component and end-to-end (browser) tests.
#
#   ./scripts/test.sh            # everything
#   ./scripts/test.sh --filter "FullyQualifiedName~EndToEnd"   # extra arguments go to `dotnet test`
#
# First installs what the tests need when it is missing: Debian's chromium (the browser tests drive it
# through Playwright; Playwright's own browser download does not work here) and the dotnet local tools.
# Works without a terminal or standard input (CI runs it). Ends with one line "N passed, N failed, N skipped"
# counted from the test results, and exits non-zero if anything failed or nothing ran.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild node or build server outlives the run (a CI step must not wait on them).
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

say() { echo "test.sh: $*"; }
die() { echo "test.sh: $*" >&2; exit 1; }

install_chromium() {
  if command -v chromium >/dev/null 2>&1 && [ -x /usr/bin/chromium ]; then
    return
  fi

  say "Debian's chromium is missing; installing it for the browser tests (apt-get)..."
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "chromium is missing and this user cannot install it (not root, no sudo). Install it: apt-get install chromium"
    sudo=(sudo -n)
  fi
  "${sudo[@]}" apt-get update -q </dev/null \
    || die "apt-get update failed, so chromium cannot be installed; the browser tests cannot run."
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends chromium </dev/null \
    || die "apt-get install chromium failed; the browser tests cannot run."
  { command -v chromium >/dev/null 2>&1 && [ -x /usr/bin/chromium ]; } \
    || die "chromium was installed but /usr/bin/chromium is not there; the browser tests cannot run."
  say "installed $(chromium --version 2>/dev/null | head -n 1)"
}

restore_tools() {
  if [ -f .config/dotnet-tools.json ]; then
    dotnet tool restore </dev/null >/dev/null || die "dotnet tool restore failed (.config/dotnet-tools.json)."
  fi
}

# Sums one counter attribute (e.g. passed="12") over every TRX file of this run.
count() {
  local name=$1 total=0 value file
  for file in "$results"/*.trx; do
    [ -e "$file" ] || continue
    value=$(grep -o "<Counters [^>]*" "$file" | grep -o " $name=\"[0-9]*\"" | grep -o "[0-9]*" | head -n 1 || true)
    total=$((total + ${value:-0}))
  done
  echo "$total"
}

install_chromium
restore_tools

results="$PWD/TestResults/test.sh"
rm -rf "$results"
mkdir -p "$results"

say "dotnet test Smarketing.sln"
status=0
dotnet test Smarketing.sln --logger trx --results-directory "$results" "$@" </dev/null || status=$?

trx_files=$(find "$results" -maxdepth 1 -name '*.trx' | wc -l)
passed=$(count passed)
failed=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
skipped=$(count notExecuted)
total=$((passed + failed + skipped))

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  say "dotnet test exited with $status outside any test result (a build error, or a test host that crashed); see above."
fi
if [ "$status" -eq 0 ] && [ "$total" -eq 0 ]; then
  say "no test ran ($trx_files result files in $results)."
  status=1
fi

say "results: $results ($trx_files test projects)"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
