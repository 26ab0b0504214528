#!/usr/bin/env bash
# The one test command (README; .ci/run calls exactly this). Idempotent: it makes the ARC data
# available, installs and starts what the tests use, builds, runs every test project of
# ArcSynth.sln (Release), and ends with one summary line "N passed, N failed". Exits non-zero when
# anything fails (a step, the build, or a test) or when no test ran.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# --- Data --------------------------------------------------------------------------------------
prepare_data() {
  arc-data/fetch.sh
}

# --- Services the tests use --------------------------------------------------------------------
# Each service gets its own function (install if missing, start if stopped, export what the tests
# read, e.g. a connection string or a browser path), called from prepare_services. Planned:
# PostgreSQL for the server's store and Quartz's job store; Chromium for the dashboard's browser tests.
prepare_services() {
  :   # nothing yet
}

# --- Tests -------------------------------------------------------------------------------------
run_tests() {
  local log status=0 passed failed
  log="$(mktemp)"
  dotnet test ArcSynth.sln -c Release 2>&1 | tee "$log" || status=$?
  passed=$( (grep -oE 'Passed: +[0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
  failed=$( (grep -oE 'Failed: +[0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
  rm -f "$log"
  echo "$passed passed, $failed failed"
  if (( status != 0 || failed > 0 || passed == 0 )); then return 1; fi
}

main() {
  prepare_data
  prepare_services
  run_tests
}

main "$@"
