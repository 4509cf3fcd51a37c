#!/usr/bin/env bash
# deploy/local/test.sh — build once, run every test project against local PostgreSQL and RabbitMQ.
#
#   deploy/local/test.sh [extra dotnet test arguments, e.g. --filter "FullyQualifiedName~Quorum"]
#
# Starts the servers (servers.sh), builds CommunitySafety.sln (the AppHost included), then runs `dotnet test --no-build`
# on each tests/*/*.csproj that is a test project, one after the other (two cores: parallel projects
# only compete), each writing a TRX file to .test-results/. The counts are summed from the TRX files;
# a project that crashed, timed out or wrote no TRX counts as one failure.
# The last line printed is "N passed, N failed" (then ", N skipped" when some were skipped), also when
# the servers or the build fail (every test project then counts as one failure); not after Ctrl-C.
# Exit code: 0 only when everything ran and nothing failed.
#
# Environment (all optional):
#   TEST_POSTGRES   Npgsql connection string without a database (tests create their own)
#   TEST_RABBITMQ   amqp:// URI of the broker
#   TEST_SERVERS_CONTROL  script taking "stop|start postgres|rabbitmq" (deploy/local/servers.sh)
#   CONFIGURATION (Debug)  TEST_PROJECT_TIMEOUT per project, as for timeout(1) (30m)
#   TEST_SKIP_SERVERS=1    do not run servers.sh (TEST_POSTGRES/TEST_RABBITMQ point elsewhere)
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO_ROOT"

SOLUTION=CommunitySafety.sln
CONFIGURATION=${CONFIGURATION:-Debug}
RESULTS_DIR=$REPO_ROOT/.test-results
PROJECT_TIMEOUT=${TEST_PROJECT_TIMEOUT:-30m}

# What the test fixtures read; a value already in the environment wins.
export TEST_POSTGRES=${TEST_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=csp;Password=csp"}
# The tests' own vhost (servers.sh creates it), apart from a system that run.sh may have running.
export TEST_RABBITMQ=${TEST_RABBITMQ:-"amqp://csp:csp@127.0.0.1:5672/csp-tests"}
# How the reliability tests stop and start those servers (stop|start postgres|rabbitmq).
export TEST_SERVERS_CONTROL=${TEST_SERVERS_CONTROL:-$REPO_ROOT/deploy/local/servers.sh}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '[test] %s\n' "$*"; }

PASSED=0
FAILED=0
SKIPPED=0
PROBLEMS=()    # one line per project that did not finish cleanly

summary() {
  local line="$PASSED passed, $FAILED failed"
  ((SKIPPED == 0)) || line+=", $SKIPPED skipped"
  printf '%s\n' "$line"
}

# Prints "passed failed skipped" from the <Counters .../> element of a TRX file; fails without one.
# Errors, timeouts and aborted tests count as failed; tests that did not execute count as skipped.
trx_counts() {
  local counters
  counters=$(grep -o -m 1 '<Counters [^>]*>' "$1" 2>/dev/null) || return 1
  [[ -n $counters ]] || return 1
  attr() { if [[ $counters =~ [[:space:]]$1=\"([0-9]+)\" ]]; then echo "${BASH_REMATCH[1]}"; else echo 0; fi; }
  local total executed passed failed
  total=$(attr total)
  executed=$(attr executed)
  passed=$(attr passed)
  failed=$(( $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted) ))
  echo "$passed $failed $((total - executed))"
}

# ---- stop the running dotnet test (and its test host) on Ctrl-C -------------------------------
TEST_PID=""
on_signal() {
  trap - INT TERM
  if [[ -n $TEST_PID ]]; then
    kill -TERM "$TEST_PID" 2>/dev/null || true
    wait "$TEST_PID" 2>/dev/null || true
  fi
  log "interrupted"
  exit 130
}
trap on_signal INT TERM

# Runs a command under timeout(1) in the background and waits, so that a signal reaches this script
# at once; timeout(1) runs it in its own process group and signals the whole group (test host too).
# Being outside the terminal's foreground group, it must not touch the terminal: stdin is /dev/null.
run_bounded() {
  timeout --kill-after=30s "$PROJECT_TIMEOUT" "$@" </dev/null &
  TEST_PID=$!
  local rc=0
  wait "$TEST_PID" || rc=$?
  TEST_PID=""
  return "$rc"
}

# ---- what to test ------------------------------------------------------------------------------
shopt -s nullglob
PROJECTS=(tests/*/*.csproj)
shopt -u nullglob

fail_setup() {   # the suite cannot run: every test project counts as one failure
  log "ERROR: $1"
  FAILED=$(( ${#PROJECTS[@]} > 0 ? ${#PROJECTS[@]} : 1 ))
  summary
  exit 1
}

command -v dotnet >/dev/null || fail_setup "dotnet is not installed (the .NET 10 SDK is needed)"
[[ ${#PROJECTS[@]} -gt 0 ]] || fail_setup "no test project found (tests/*/*.csproj)"

if [[ ${TEST_SKIP_SERVERS:-} == 1 ]]; then
  log "TEST_SKIP_SERVERS=1: not starting local servers"
else
  bash "$REPO_ROOT/deploy/local/servers.sh" || fail_setup "the servers did not start (see above)"
fi
# The dashboard's browser check drives Debian's Chromium through Playwright (PLAYWRIGHT_CHROMIUM names another).
browser=${PLAYWRIGHT_CHROMIUM:-/usr/bin/chromium}
if [[ ! -x $browser ]]; then
  if [[ $browser == /usr/bin/chromium && $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    log "installing chromium (the dashboard's browser check)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null || fail_setup "apt-get install chromium failed"
  else
    log "WARNING: no browser at $browser: the dashboard's browser check will fail (apt-get install chromium)"
  fi
fi
log "TEST_POSTGRES=$TEST_POSTGRES"
log "TEST_RABBITMQ=$TEST_RABBITMQ"

[[ -f $SOLUTION ]] || fail_setup "$SOLUTION does not exist"
log "building $SOLUTION ($CONFIGURATION)"
dotnet build "$SOLUTION" -c "$CONFIGURATION" -nologo || fail_setup "the build failed; no test ran"

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

# ---- run each test project in turn -------------------------------------------------------------
for project in "${PROJECTS[@]}"; do
  name=$(basename "$project" .csproj)

  # Libraries under tests/ (shared fixtures) are not test projects and are skipped. IsTestProject
  # comes from a package (Microsoft.NET.Test.Sdk), so it is only known once the project is restored:
  # a project that was neither restored nor built (missing from the solution filter?) is a failure.
  props=$(dotnet msbuild "$project" -nologo -p:Configuration="$CONFIGURATION" \
            -getProperty:IsTestProject -getProperty:TargetPath -getProperty:ProjectAssetsFile 2>/dev/null) || props=""
  if [[ -z $props ]]; then
    FAILED=$((FAILED + 1)); PROBLEMS+=("$name: MSBuild could not evaluate $project")
    continue
  fi
  target=$(sed -n 's/.*"TargetPath": "\(.*\)".*/\1/p' <<<"$props")
  assets=$(sed -n 's/.*"ProjectAssetsFile": "\(.*\)".*/\1/p' <<<"$props")
  if [[ ! -f $assets || ! -f $target ]]; then
    FAILED=$((FAILED + 1)); PROBLEMS+=("$name: not built (is $project in $SOLUTION?)")
    continue
  fi
  if [[ $props != *'"IsTestProject": "true"'* ]]; then
    log "skipping $project (not a test project)"
    continue
  fi

  log "running $project"
  rc=0
  run_bounded dotnet test "$project" -c "$CONFIGURATION" --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS_DIR" "$@" || rc=$?

  trx=$RESULTS_DIR/$name.trx
  if counts=$(trx_counts "$trx"); then
    read -r passed failed skipped <<<"$counts"
    log "$name: $passed passed, $failed failed, $skipped skipped (exit code $rc)"
    PASSED=$((PASSED + passed)); FAILED=$((FAILED + failed)); SKIPPED=$((SKIPPED + skipped))
    if ((rc != 0 && failed == 0)); then
      FAILED=$((FAILED + 1))
      if ((rc == 124 || rc == 137)); then
        PROBLEMS+=("$name: timed out after $PROJECT_TIMEOUT")
      else
        PROBLEMS+=("$name: dotnet test exited with $rc although no test failed (crash or aborted run?)")
      fi
    elif ((rc != 0)); then
      PROBLEMS+=("$name: $failed failed test(s)")
    fi
  else
    FAILED=$((FAILED + 1))
    if ((rc == 124 || rc == 137)); then
      PROBLEMS+=("$name: timed out after $PROJECT_TIMEOUT, no TRX written")
    else
      PROBLEMS+=("$name: no TRX written (dotnet test exit code $rc): the run crashed or never started")
    fi
  fi
done

# ---- report ------------------------------------------------------------------------------------
echo
log "TRX files: ${RESULTS_DIR#"$REPO_ROOT"/}/"
for problem in "${PROBLEMS[@]}"; do log "FAILED $problem"; done
summary
[[ $FAILED -eq 0 && ${#PROBLEMS[@]} -eq 0 ]]
