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
# read), called from prepare_services. Tests that need a service fail when CI=true and it is
# missing, and skip with a message otherwise (tests/Shared/TestServices.cs).
APT_UPDATED=0
apt_install() {   # apt_install PACKAGE...: installs the packages not installed yet, updating the lists once
  local missing=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  (( ${#missing[@]} == 0 )) && return 0
  if (( APT_UPDATED == 0 )); then apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
}

# PostgreSQL 15: Debian's cluster "15 main" for the store's, the server's and the end-to-end tests
# (ARCSYNTH_TEST_DB), and a second cluster "15 faults" that the cluster's fault tests restart while a
# run goes on (ARCSYNTH_TEST_RESTARTABLE_DB, ARCSYNTH_TEST_RESTARTABLE_CLUSTER), so that no other test
# loses its connections. Each has a role and database "arcsynth_test" owned by it.
prepare_postgres() {
  apt_install postgresql-15 postgresql-client-15
  ARCSYNTH_TEST_DB="$(postgres_cluster main)"
  ARCSYNTH_TEST_RESTARTABLE_DB="$(postgres_cluster faults)"
  export ARCSYNTH_TEST_DB ARCSYNTH_TEST_RESTARTABLE_DB ARCSYNTH_TEST_RESTARTABLE_CLUSTER="15 faults"
}

postgres_cluster() {   # postgres_cluster NAME: creates and starts cluster 15 NAME as needed; prints its connection string
  local name="$1" port password=arcsynth_test i
  if ! pg_lsclusters -h 2>/dev/null | awk -v n="$name" '$1 == "15" && $2 == n' | grep -q .; then
    pg_createcluster 15 "$name" >/dev/null
  fi
  pg_ctlcluster 15 "$name" status >/dev/null 2>&1 || pg_ctlcluster 15 "$name" start >&2
  port=$(pg_lsclusters -h | awk -v n="$name" '$1 == "15" && $2 == n {print $3}')
  for i in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 1; done
  psql_admin() { su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1 -tAc \"$1\"" </dev/null; }
  if [[ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = 'arcsynth_test'")" != 1 ]]; then
    psql_admin "CREATE ROLE arcsynth_test" >&2
  fi
  psql_admin "ALTER ROLE arcsynth_test LOGIN CREATEDB PASSWORD '$password'" >&2   # whatever an earlier setup left
  if [[ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = 'arcsynth_test'")" != 1 ]]; then
    psql_admin "CREATE DATABASE arcsynth_test OWNER arcsynth_test" >&2
  fi
  echo "Host=127.0.0.1;Port=$port;Username=arcsynth_test;Password=$password;Database=arcsynth_test"
}

# Debian's Chromium for the dashboard's browser tests (Playwright never downloads its own browser).
prepare_chromium() {
  apt_install chromium
  export ARCSYNTH_TEST_CHROMIUM="$(command -v chromium)"
}

prepare_services() {
  prepare_postgres
  prepare_chromium
}

# --- Builds the tests run as processes ---------------------------------------------------------
# ./arcsynth publishes dsl check ahead of time (Native AOT) on its first use; building it here
# shows a failure before the tests start, and keeps its 20 to 60 s out of the tests' own time.
prepare_builds() {
  apt_install gcc binutils zlib1g-dev   # Native AOT links with the system's C toolchain (clang is used instead when present)
  ./arcsynth dsl check --help >/dev/null
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
  prepare_builds
  run_tests
}

main "$@"
