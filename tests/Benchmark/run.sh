#!/usr/bin/env bash
# tests/Benchmark/run.sh — the benchmark command (issue 6). See README, "Benchmark".
#
#   tests/Benchmark/run.sh [--concurrency 16] [--duration 10] [--warmup 3] [--json .benchmark/results.json]
#                          [--skip-scale] [--scale-events 1000000] [--skip-coldstart] [--coldstart-runs 3] [--development]
#
# Makes sure PostgreSQL and RabbitMQ run (deploy/local/servers.sh), copies the sources to .benchmark/src, pre-generates
# each service's Wolverine code there (`codegen write`, into the copy's Internal/Generated/ — never committed), builds
# Release, and runs the benchmark, which starts the four services and the gateway itself (Production, TypeLoadMode
# Static) against fresh databases, prints the table and writes the JSON.
# Environment: TEST_POSTGRES (as for deploy/local/test.sh), BENCH_RABBITMQ (default vhost csp-bench), BENCH_SKIP_SERVERS=1.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO_ROOT"
export TEST_POSTGRES=${TEST_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=csp;Password=csp"}
# its own vhost (servers.sh creates it): the load must not flood the queues of a test run
export TEST_RABBITMQ=${BENCH_RABBITMQ:-"amqp://csp:csp@127.0.0.1:5672/csp-bench"}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
COPY=$REPO_ROOT/.benchmark/src
log() { printf '[bench] %s\n' "$*" >&2; }

[[ ${BENCH_SKIP_SERVERS:-} == 1 ]] || bash deploy/local/servers.sh >&2

log "copying the sources to ${COPY#"$REPO_ROOT"/}"
mkdir -p "$COPY"
# the sources afresh (stale generated code included), keeping bin/ and obj/ so that the builds below are incremental
find "$COPY" -type f -not -path '*/bin/*' -not -path '*/obj/*' -delete
tar -C "$REPO_ROOT" --exclude=./.git --exclude=./.benchmark --exclude=./.run --exclude=./.test-results \
    --exclude='bin' --exclude='obj' --exclude='Internal' -cf - . | tar -C "$COPY" -xf -

build() { dotnet build "$COPY/tests/Benchmark/Benchmark.csproj" -c Release -nologo -v q -clp:ErrorsOnly >&2; }
log "building Release"
build
for service in Governance:governance Meetings:meetings CaseManagement:casemanagement Funding:funding; do
  project=${service%%:*} database=${service##*:}
  log "codegen write: $project"
  # the host is built (not run) to generate the code; Development spares the secrets Production requires, and the
  # code generated is the same (it depends on the endpoints and handlers only)
  (cd "$COPY/services/$project" &&
    env ASPNETCORE_ENVIRONMENT=Development "ConnectionStrings__$database=$TEST_POSTGRES" "ConnectionStrings__messaging=$TEST_RABBITMQ" \
      dotnet "bin/Release/net10.0/CommunitySafety.$project.dll" codegen write >"$COPY/codegen-$project.log" 2>&1) \
    || { log "codegen write failed for $project: see ${COPY#"$REPO_ROOT"/}/codegen-$project.log"; exit 1; }
done
log "building Release with the pre-generated code"
build

exec dotnet "$COPY/tests/Benchmark/bin/Release/net10.0/CommunitySafety.Benchmark.dll" "$@"
