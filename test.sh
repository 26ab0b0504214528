#!/usr/bin/env bash
# The one test command (README; .ci/run calls exactly this). Idempotent: it makes the ARC data
# available, installs and starts what the tests use, builds, runs every test project, and ends
# with one summary line "N passed, N failed".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

prepare_data() {
  arc-data/fetch.sh
}

run_tests() {
  local log
  log="$(mktemp)"
  local status=0
  dotnet test ArcSynth.sln -c Release 2>&1 | tee "$log" || status=$?
  local passed failed
  passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
  failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
  rm -f "$log"
  echo "$passed passed, $failed failed"
  if (( status != 0 || failed > 0 || passed == 0 )); then return 1; fi
}

prepare_data
run_tests
