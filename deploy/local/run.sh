#!/usr/bin/env bash
# deploy/local/run.sh — run the platform on this machine through its Aspire AppHost (apphost/).
#
#   deploy/local/run.sh              make sure of the servers when needed, build, run the AppHost
#   deploy/local/run.sh --no-build   the same with the binaries already built
#
# Infrastructure (Platform__Infrastructure, as the AppHost reads it): auto (default) uses containers when a
# container runtime answers `docker info` (ASPIRE_CONTAINER_RUNTIME names another), otherwise the Debian-packaged
# PostgreSQL and RabbitMQ, which servers.sh installs, starts and provisions first; containers or servers force one.
# The AppHost prints the dashboard's login URL, then the gateway URL once every service is healthy.
# Ctrl-C stops everything the AppHost started (the services, the gateway, containers); servers.sh's servers stay up.
#
# Environment (all optional): Platform__Infrastructure (auto)  Platform__GatewayPort (5000)  CONFIGURATION (Debug)
#   Parameters__postgres-server / Parameters__rabbitmq-server: the servers' connection strings in servers mode
#   (defaults: what servers.sh sets up). ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true: a dashboard without login.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO_ROOT"

CONFIGURATION=${CONFIGURATION:-Debug}
INFRASTRUCTURE=${Platform__Infrastructure:-auto}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '[run] %s\n' "$*"; }
die() { printf '[run] ERROR: %s\n' "$*" >&2; exit 1; }

BUILD=yes
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=no ;;
    -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $arg (try --help)" ;;
  esac
done

command -v dotnet >/dev/null || die "dotnet is not installed (the .NET 10 SDK is needed)"

runtime_answers() { timeout 10 "${ASPIRE_CONTAINER_RUNTIME:-docker}" info --format '{{.ServerVersion}}' >/dev/null 2>&1; }
case "$INFRASTRUCTURE" in
  auto) if runtime_answers; then INFRASTRUCTURE=containers; else INFRASTRUCTURE=servers; fi ;;
  containers|servers) ;;
  *) die "Platform__Infrastructure is '$INFRASTRUCTURE': it must be auto, containers or servers" ;;
esac
log "infrastructure: $INFRASTRUCTURE"
if [[ $INFRASTRUCTURE == servers ]]; then
  bash "$REPO_ROOT/deploy/local/servers.sh" || die "the servers did not start (see above)"
fi

# Everything the AppHost and the services listen on must be free: the AppHost would only log a bind failure and
# wait. The ports are those of the launch profiles (the AppHost's http profile, each service's, the web client's and the
# gateway's public and internal ones).
port_user() { ss -Hltnp "sport = :$1" 2>/dev/null | head -n 1; }
ports=$(awk '/"http": \{/ { on = 1 } /"https": \{/ { on = 0 } on' apphost/Properties/launchSettings.json \
          | grep -o 'localhost:[0-9]*' | cut -d: -f2)
ports+=" $(cat services/*/Properties/launchSettings.json gateway/WebApp/Properties/launchSettings.json | grep -o 'localhost:[0-9]*' | cut -d: -f2)"
ports+=" ${Platform__GatewayPort:-5000} ${Platform__GatewayInternalPort:-5001}"
for port in $ports; do
  user=$(port_user "$port")
  [[ -z $user ]] || die "port $port is already in use (is the platform running already?): $user"
done

if [[ $BUILD == yes ]]; then
  log "building apphost ($CONFIGURATION)"
  dotnet build apphost/AppHost.csproj -c "$CONFIGURATION" -nologo -v q || die "the build failed"
fi

# Ctrl-C reaches the AppHost, which exits at once; its orchestrator (in a session of its own) then stops the
# services it started, some seconds later. Wait for this checkout's services before giving the prompt back.
trap : INT   # a handler, not '' (which children would inherit as "ignore")
rc=0
env Platform__Infrastructure="$INFRASTRUCTURE" \
  dotnet run --project apphost/AppHost.csproj -c "$CONFIGURATION" --no-build --launch-profile http || rc=$?
left() { pgrep -f "^$REPO_ROOT/(services|gateway)/[^ ]*/bin/" || true; }
log "stopping"
for ((i = 0; i < 60; i++)); do
  [[ -z $(left) ]] && { log "stopped"; exit "$rc"; }
  sleep 1
done
log "still running after 60 s: $(left | tr '\n' ' ')"
exit "$rc"
