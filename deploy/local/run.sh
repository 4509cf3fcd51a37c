#!/usr/bin/env bash
# deploy/local/run.sh — build the platform and run it on this machine, without containers.
#
#   deploy/local/run.sh              servers, build, then Governance, Meetings and the Gateway
#   deploy/local/run.sh --no-build   the same with the binaries already built
#
# Starts PostgreSQL and RabbitMQ (servers.sh), builds CommunitySafety.Local.slnf, starts each service
# and the gateway in the background with Aspire's configuration keys, waits for each /health, prints
# the URLs and stays in the foreground. Ctrl-C stops exactly the processes it started.
#
# Environment (all optional):
#   GATEWAY_PORT (5000)  GOVERNANCE_PORT (5101)  MEETINGS_PORT (5102)  CASEMANAGEMENT_PORT (5103)
#   CONFIGURATION (Debug)  HEALTH_TIMEOUT seconds per process (120)
#   ASPNETCORE_ENVIRONMENT (Development)
# Logs: .run/logs/<name>.log
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO_ROOT"

SOLUTION=CommunitySafety.Local.slnf
CONFIGURATION=${CONFIGURATION:-Debug}
GATEWAY_PORT=${GATEWAY_PORT:-5000}
GOVERNANCE_PORT=${GOVERNANCE_PORT:-5101}
MEETINGS_PORT=${MEETINGS_PORT:-5102}
CASEMANAGEMENT_PORT=${CASEMANAGEMENT_PORT:-5103}
FUNDING_PORT=${FUNDING_PORT:-5104}
HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-120}
ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
LOG_DIR=$REPO_ROOT/.run/logs

# Npgsql connection string of a service's own database: postgres_for NAME.
postgres_for() { printf 'Host=127.0.0.1;Port=5432;Database=%s;Username=csp;Password=csp' "$1"; }
MESSAGING=amqp://csp:csp@127.0.0.1:5672/

# The services: name (= its database and its Aspire service name) | project | port.
SERVICES=(
  "governance|services/Governance/Governance.csproj|$GOVERNANCE_PORT"
  "meetings|services/Meetings/Meetings.csproj|$MEETINGS_PORT"
  "casemanagement|services/CaseManagement/CaseManagement.csproj|$CASEMANAGEMENT_PORT"
  "funding|services/Funding/Funding.csproj|$FUNDING_PORT"
)
GATEWAY_PROJECT=gateway/Gateway.csproj

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '[run] %s\n' "$*"; }
die() { printf '[run] ERROR: %s\n' "$*" >&2; exit 1; }

BUILD=yes
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=no ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $arg (try --help)" ;;
  esac
done

# ---- the processes this script started (and only those) -------------------------------------
NAMES=()
PIDS=()
PORTS=()

# A child that has exited stays a zombie until waited for, and `kill -0` still succeeds on it.
alive() { [[ -e /proc/$1 ]] && [[ $(ps -o stat= -p "$1" 2>/dev/null) != Z* ]]; }

stop_all() {
  trap - INT TERM EXIT
  [[ ${#PIDS[@]} -gt 0 ]] || return 0
  log "stopping: ${NAMES[*]}"
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  # ASP.NET Core shuts down gracefully on SIGTERM; give it 15 s, then insist.
  local deadline=$((SECONDS + 15))
  for pid in "${PIDS[@]}"; do
    while alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
    if alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
  done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
  log "stopped"
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'rc=$?; stop_all; exit $rc' EXIT

# ---- helpers ----------------------------------------------------------------------------------
port_in_use() { [[ -n $(ss -Hltn "sport = :$1" 2>/dev/null) ]]; }

# The built assembly of a project, as MSBuild computes it (the assembly names are not the folder names).
target_path() {
  local path
  path=$(dotnet msbuild "$1" -nologo -getProperty:TargetPath -p:Configuration="$CONFIGURATION" 2>/dev/null | tail -n 1) \
    || die "cannot evaluate $1"
  [[ -f $path ]] || die "$1 is not built ($path is missing); run without --no-build"
  printf '%s\n' "$path"
}

# start NAME PROJECT PORT [VAR=value ...]: runs the built dll from the project folder (its content
# root, as `dotnet run` would) with the given environment, logging to .run/logs/NAME.log.
start() {
  local name=$1 project=$2 port=$3 dll
  shift 3
  dll=$(target_path "$project")
  (
    cd "$(dirname "$project")"
    exec env ASPNETCORE_ENVIRONMENT="$ENVIRONMENT" ASPNETCORE_URLS="http://127.0.0.1:$port" "$@" \
      dotnet "$dll"
  ) >"$LOG_DIR/$name.log" 2>&1 &
  NAMES+=("$name")
  PIDS+=("$!")
  PORTS+=("$port")
  log "started $name (pid $!) on http://127.0.0.1:$port, log .run/logs/$name.log"
}

# wait_healthy INDEX: polls /health until 200, the process dies, or HEALTH_TIMEOUT passes.
wait_healthy() {
  local name=${NAMES[$1]} pid=${PIDS[$1]} port=${PORTS[$1]}
  local url="http://127.0.0.1:$port/health" body code=000
  local started=$SECONDS deadline=$((SECONDS + HEALTH_TIMEOUT))
  body=$(mktemp)
  printf '[run] waiting for %s at %s ' "$name" "$url"
  while :; do
    code=$(curl -s -o "$body" -w '%{http_code}' --max-time 5 "$url" 2>/dev/null) || code=000
    [[ $code == 200 ]] && break
    if ! alive "$pid"; then
      printf ' exited\n'
      log "$name exited before it was healthy; last lines of .run/logs/$name.log:"
      tail -n 40 "$LOG_DIR/$name.log" >&2
      rm -f "$body"
      return 1
    fi
    if ((SECONDS >= deadline)); then
      printf ' timeout\n'
      log "$name was not healthy after ${HEALTH_TIMEOUT}s (last answer: HTTP $code $(head -c 400 "$body"))"
      log "last lines of .run/logs/$name.log:"
      tail -n 40 "$LOG_DIR/$name.log" >&2
      rm -f "$body"
      return 1
    fi
    printf '.'
    sleep 2
  done
  rm -f "$body"
  printf ' healthy after %ss\n' "$((SECONDS - started))"
}

# ---- servers and build ------------------------------------------------------------------------
command -v dotnet >/dev/null || die "dotnet is not installed (the .NET 10 SDK is needed)"
bash "$REPO_ROOT/deploy/local/servers.sh" || die "the servers did not start (see above)"
command -v curl >/dev/null || die "curl is needed to wait for /health (apt-get install -y curl)"

# Everything must be in place before anything starts.
for entry in "${SERVICES[@]}" "gateway|$GATEWAY_PROJECT|$GATEWAY_PORT"; do
  IFS='|' read -r name project port <<<"$entry"
  [[ -f $project ]] || die "$project does not exist"
  if port_in_use "$port"; then
    die "port $port (for $name) is already in use: $(ss -Hltnp "sport = :$port" | head -n 1)"
  fi
done

if [[ $BUILD == yes ]]; then
  [[ -f $SOLUTION ]] || die "$SOLUTION does not exist"
  log "building $SOLUTION ($CONFIGURATION)"
  dotnet build "$SOLUTION" -c "$CONFIGURATION" -nologo || die "the build failed"
fi

# ---- start ------------------------------------------------------------------------------------
mkdir -p "$LOG_DIR"
gateway_env=()
for entry in "${SERVICES[@]}"; do
  IFS='|' read -r name project port <<<"$entry"
  start "$name" "$project" "$port" \
    "ConnectionStrings__${name}=$(postgres_for "$name")" \
    "ConnectionStrings__messaging=${MESSAGING}"
  gateway_env+=("services__${name}__http__0=http://127.0.0.1:${port}")
done
start gateway "$GATEWAY_PROJECT" "$GATEWAY_PORT" "${gateway_env[@]}"

for i in "${!NAMES[@]}"; do
  wait_healthy "$i" || die "${NAMES[$i]} did not start; stopping everything"
done

# ---- running ----------------------------------------------------------------------------------
gateway=http://127.0.0.1:$GATEWAY_PORT
cat <<EOF

  Community Safety Partnership platform is running ($ENVIRONMENT, $CONFIGURATION build)

  Gateway          $gateway
  API reference    $gateway/scalar
$(for i in "${!NAMES[@]}"; do
    [[ ${NAMES[$i]} == gateway ]] || printf '  %-16s http://127.0.0.1:%s\n' "${NAMES[$i]}" "${PORTS[$i]}"
  done)
  Logs             .run/logs/{$(IFS=,; echo "${NAMES[*]}")}.log

  Mint a development token (Development only):
    curl -s -X POST $gateway/api/dev/token -H 'Content-Type: application/json' \\
      -d '{"subject":"alice","name":"Alice","organisationId":null,"roles":[]}'
  then call the API with:  -H "Authorization: Bearer <access_token>"

  Ctrl-C stops everything this script started.

EOF

# Stay in the foreground until Ctrl-C, or until one of the processes exits on its own.
exited=""
wait -n -p exited "${PIDS[@]}" || true
for i in "${!PIDS[@]}"; do
  if [[ ${PIDS[$i]} == "$exited" ]]; then
    log "${NAMES[$i]} exited on its own; last lines of .run/logs/${NAMES[$i]}.log:"
    tail -n 40 "$LOG_DIR/${NAMES[$i]}.log" >&2
  fi
done
exit 1
