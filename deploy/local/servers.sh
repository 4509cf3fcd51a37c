#!/usr/bin/env bash
# deploy/local/servers.sh — the two servers the platform needs, on loopback only, without systemd.
#
#   deploy/local/servers.sh [start]   install if missing, start, create the csp role/databases/user
#   deploy/local/servers.sh stop      stop RabbitMQ and PostgreSQL
#   deploy/local/servers.sh status    say whether each one answers
#   deploy/local/servers.sh start|stop postgres|rabbitmq
#                                     start or stop just that server, nothing else (the reliability tests
#                                     restart each one under load this way; TEST_SERVERS_CONTROL in test.sh)
#
# PostgreSQL: cluster 15/main on 127.0.0.1:5432; login role csp/csp (LOGIN CREATEDB) owning the
#             databases governance, meetings, casemanagement and funding.
# RabbitMQ:   node rabbit@localhost; AMQP on 127.0.0.1:5672, Erlang distribution and epmd on
#             loopback too; user csp/csp with full permissions on vhost "/".
#             AMQP URI: amqp://csp:csp@127.0.0.1:5672/
#
# Safe to run any number of times: every step checks first and only changes what is missing.
# Needs root (Debian packages, service users); re-runs itself through sudo when not root.
set -euo pipefail

# ---- settings --------------------------------------------------------------------------------
PG_VERSION=15
PG_CLUSTER=main
PG_PORT=5432
APP_USER=csp
TEST_VHOST=csp-tests
BENCH_VHOST=csp-bench   # tests/Benchmark/run.sh: its load must not flood the test suite's queues
APP_PASSWORD=csp
DATABASES=(governance meetings casemanagement funding)

RABBIT_NODENAME=rabbit@localhost
RABBIT_PORT=5672
# Keeps the Erlang distribution listener (server and CLI tools) on loopback.
RABBIT_DIST_LOOPBACK='-kernel inet_dist_use_interface {127,0,0,1}'
RABBIT_ENV_CONF=/etc/rabbitmq/rabbitmq-env.conf

WAIT_SECONDS=${SERVERS_WAIT_SECONDS:-60}

log() { printf '[servers] %s\n' "$*"; }
die() { printf '[servers] ERROR: %s\n' "$*" >&2; exit 1; }

# ---- root ----------------------------------------------------------------------------------
if [[ $EUID -ne 0 ]]; then
  command -v sudo >/dev/null || die "must run as root (apt-get, the postgres and rabbitmq users); sudo is not installed"
  log "not root: re-running through sudo"
  exec sudo -E bash "${BASH_SOURCE[0]}" "$@"
fi

# ---- RabbitMQ environment ------------------------------------------------------------------
# The same settings are exported here (for the commands this script runs) and written to
# rabbitmq-env.conf (so that a plain `rabbitmqctl ...` typed later reaches the same node and a
# hand-started server also stays on loopback).
export RABBITMQ_NODENAME=$RABBIT_NODENAME
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=$RABBIT_PORT
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=$RABBIT_DIST_LOOPBACK
export RABBITMQ_CTL_ERL_ARGS=$RABBIT_DIST_LOOPBACK
export ERL_EPMD_ADDRESS=127.0.0.1

# ---- helpers -------------------------------------------------------------------------------
# psql as the postgres superuser over the local socket (peer authentication).
psql_admin() {
  (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres "$@")
}

# Single-quote a value for SQL.
sql_quote() { printf "'%s'" "${1//\'/\'\'}"; }

pg_state() {   # prints "online", "down" or nothing when the cluster does not exist
  pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c { print $4 }'
}

pg_ready() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT" -t 2; }

# Under timeout(1) a command runs in a background process group: with a terminal on stdin the
# Erlang VM of the CLI tools would be stopped (SIGTTIN/SIGTTOU) and hang, hence </dev/null.
rabbit_up() { timeout 20 rabbitmq-diagnostics -q ping --timeout 5 </dev/null >/dev/null 2>&1; }

# Local addresses listening on a TCP port ("127.0.0.1:5672" ...), empty when none.
listeners_on() { ss -Hltn "sport = :$1" 2>/dev/null | awk '{ print $4 }'; }

# Fails when anything listens on the port on a non-loopback address.
only_loopback() {
  local addr bad=""
  for addr in $(listeners_on "$1"); do
    case "$addr" in 127.0.0.1:*|\[::1\]:*) ;; *) bad+=" $addr" ;; esac
  done
  [[ -z $bad ]] || { log "port $1 also listens on:$bad"; return 1; }
}

package_installed() { [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == 'install ok installed' ]]; }

# True when some Erlang node (RabbitMQ or another) is registered with the running epmd.
epmd_has_nodes() { [[ $(epmd -names 2>/dev/null) == *$'\nname '* ]]; }

# ---- install -------------------------------------------------------------------------------
ensure_packages() {
  # The servers, plus curl (run.sh polls /health) and ss from iproute2 (the loopback checks).
  local missing=() pkg
  for pkg in postgresql rabbitmq-server curl iproute2; do
    package_installed "$pkg" || missing+=("$pkg")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    log "packages: postgresql, rabbitmq-server, curl and iproute2 already installed"
    return
  fi
  log "installing: ${missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || die "apt-get update failed"
  apt-get install -y -qq "${missing[@]}" || die "apt-get install ${missing[*]} failed"
}

# ---- PostgreSQL ----------------------------------------------------------------------------
start_postgres() {
  local state restart=no value
  state=$(pg_state)
  if [[ -z $state ]]; then
    log "postgres: cluster $PG_VERSION/$PG_CLUSTER missing, creating it"
    pg_createcluster "$PG_VERSION" "$PG_CLUSTER" --port "$PG_PORT" || die "pg_createcluster failed"
    state=$(pg_state)
  fi

  value=$(pg_conftool -s "$PG_VERSION" "$PG_CLUSTER" show port 2>/dev/null || echo 5432)
  [[ $value == "$PG_PORT" ]] || die "cluster $PG_VERSION/$PG_CLUSTER is configured for port $value, expected $PG_PORT"

  # Unset means PostgreSQL's default, 'localhost'. Anything else that is not loopback gets fixed.
  value=$(pg_conftool -s "$PG_VERSION" "$PG_CLUSTER" show listen_addresses 2>/dev/null || true)
  value=${value//\'/}
  case "$value" in
    ''|localhost|127.0.0.1) ;;
    *)
      log "postgres: listen_addresses was '$value', setting it to 'localhost'"
      pg_conftool "$PG_VERSION" "$PG_CLUSTER" set listen_addresses localhost
      restart=yes ;;
  esac

  if [[ $state == online && $restart == yes ]]; then
    log "postgres: restarting $PG_VERSION/$PG_CLUSTER for the new listen_addresses"
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" restart || die "pg_ctlcluster restart failed (see /var/log/postgresql/)"
  elif [[ $state == online ]]; then
    log "postgres: $PG_VERSION/$PG_CLUSTER already running"
  else
    log "postgres: starting $PG_VERSION/$PG_CLUSTER"
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start \
      || die "pg_ctlcluster $PG_VERSION $PG_CLUSTER start failed; see /var/log/postgresql/postgresql-$PG_VERSION-$PG_CLUSTER.log"
  fi

  local deadline=$((SECONDS + WAIT_SECONDS))
  until pg_ready; do
    ((SECONDS < deadline)) || die "postgres did not accept connections on 127.0.0.1:$PG_PORT within ${WAIT_SECONDS}s"
    sleep 1
  done
  only_loopback "$PG_PORT" || die "postgres listens beyond loopback; check listen_addresses"
  log "postgres: ready on 127.0.0.1:$PG_PORT"
}

provision_postgres() {
  local pw attrs owner db
  pw=$(sql_quote "$APP_PASSWORD")

  attrs=$(psql_admin -tAc "select rolcanlogin::int::text || rolcreatedb::int::text from pg_roles where rolname = '$APP_USER'")
  if [[ -z $attrs ]]; then
    psql_admin -c "create role \"$APP_USER\" login createdb password $pw"
    log "postgres: created role $APP_USER (LOGIN CREATEDB)"
  elif [[ $attrs != 11 ]]; then
    psql_admin -c "alter role \"$APP_USER\" login createdb"
    log "postgres: role $APP_USER given LOGIN CREATEDB"
  else
    log "postgres: role $APP_USER exists"
  fi
  # Dropping a test database WITH (FORCE) must also end an autovacuum worker busy in it (after a large seeding).
  if [[ $(psql_admin -tAc "select pg_has_role('$APP_USER', 'pg_signal_backend', 'member')") != t ]]; then
    psql_admin -c "grant pg_signal_backend to \"$APP_USER\""
    log "postgres: role $APP_USER may end other sessions in its databases (pg_signal_backend)"
  fi

  # The password is checked by logging in the way the services do: over TCP on 127.0.0.1.
  if ! PGPASSWORD=$APP_PASSWORD PGCONNECT_TIMEOUT=5 psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$APP_USER" -d postgres \
       -tAc 'select 1' >/dev/null 2>&1; then
    psql_admin -c "alter role \"$APP_USER\" password $pw"
    log "postgres: password of $APP_USER reset"
  fi

  for db in "${DATABASES[@]}"; do
    owner=$(psql_admin -tAc "select pg_get_userbyid(datdba) from pg_database where datname = '$db'")
    if [[ -z $owner ]]; then
      psql_admin -c "create database \"$db\" owner \"$APP_USER\""
      log "postgres: created database $db"
    elif [[ $owner != "$APP_USER" ]]; then
      psql_admin -c "alter database \"$db\" owner to \"$APP_USER\""
      log "postgres: database $db now owned by $APP_USER (was $owner)"
    else
      log "postgres: database $db exists"
    fi
  done

  PGPASSWORD=$APP_PASSWORD PGCONNECT_TIMEOUT=5 psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$APP_USER" -d "${DATABASES[0]}" \
    -tAc 'select 1' >/dev/null || die "cannot log in as $APP_USER over 127.0.0.1 with its password"
}

# ---- RabbitMQ ------------------------------------------------------------------------------
write_rabbit_env_conf() {
  local begin='# >>> community-safety deploy/local/servers.sh: loopback only >>>'
  local end='# <<< community-safety deploy/local/servers.sh <<<'
  local block
  block=$(cat <<EOF
$begin
NODENAME=$RABBIT_NODENAME
NODE_IP_ADDRESS=127.0.0.1
NODE_PORT=$RABBIT_PORT
SERVER_ADDITIONAL_ERL_ARGS="$RABBIT_DIST_LOOPBACK"
CTL_ERL_ARGS="$RABBIT_DIST_LOOPBACK"
export ERL_EPMD_ADDRESS=127.0.0.1
$end
EOF
)
  mkdir -p "$(dirname "$RABBIT_ENV_CONF")"
  touch "$RABBIT_ENV_CONF"
  local current
  current=$(sed -n "\\|^$begin\$|,\\|^$end\$|p" "$RABBIT_ENV_CONF")
  [[ $current == "$block" ]] && return
  # Replace an older copy of the block, keep everything else in the file.
  local tmp
  tmp=$(mktemp)
  sed "\\|^$begin\$|,\\|^$end\$|d" "$RABBIT_ENV_CONF" > "$tmp"
  printf '%s\n' "$block" >> "$tmp"
  cat "$tmp" > "$RABBIT_ENV_CONF"
  rm -f "$tmp"
  log "rabbitmq: wrote loopback settings to $RABBIT_ENV_CONF"
}

start_rabbit() {
  write_rabbit_env_conf

  # Something on the port that does not answer a ping may be our node, busy booting or shutting down: give it time.
  local deadline=$((SECONDS + WAIT_SECONDS))
  while [[ -n $(listeners_on "$RABBIT_PORT") ]] && ! rabbit_up && ((SECONDS < deadline)); do sleep 1; done
  # (nothing on the port: not running, and no need for a ping, which takes seconds on a busy machine)
  if [[ -n $(listeners_on "$RABBIT_PORT") ]] && rabbit_up; then
    log "rabbitmq: node $RABBIT_NODENAME already running"
  else
    if [[ -n $(listeners_on "$RABBIT_PORT") ]]; then
      die "port $RABBIT_PORT is taken by a process that is not node $RABBIT_NODENAME:
$(ss -Hltnp "sport = :$RABBIT_PORT")
If it is a RabbitMQ node started with the default name, stop it with: rabbitmqctl -n rabbit@$(hostname -s) shutdown"
    fi
    # An epmd started earlier by a tool without ERL_EPMD_ADDRESS listens on every interface; when no
    # node is registered with it, it is safe to stop so that the server starts one on loopback.
    if ! only_loopback 4369 >/dev/null && ! epmd_has_nodes; then
      log "rabbitmq: stopping an idle epmd that listened beyond loopback"
      epmd -kill >/dev/null 2>&1 || true
      sleep 1
    fi
    log "rabbitmq: starting node $RABBIT_NODENAME"
    (cd / && rabbitmq-server -detached) || die "rabbitmq-server -detached failed; see /var/log/rabbitmq/"
    # The AMQP listener opens once the node has booted; await_startup below then checks it is ours and ready.
    deadline=$((SECONDS + WAIT_SECONDS))
    until [[ -n $(listeners_on "$RABBIT_PORT") ]]; do
      ((SECONDS < deadline)) || die "rabbitmq did not listen on port $RABBIT_PORT within ${WAIT_SECONDS}s; see /var/log/rabbitmq/$RABBIT_NODENAME.log"
      sleep 0.5
    done
  fi

  # A ping answers as soon as the Erlang node is up; the broker itself may still be booting.
  timeout $((WAIT_SECONDS + 10)) rabbitmqctl -q await_startup --timeout "$WAIT_SECONDS" </dev/null >/dev/null \
    || die "rabbitmq did not finish booting within ${WAIT_SECONDS}s; see /var/log/rabbitmq/$RABBIT_NODENAME.log"
  [[ -n $(listeners_on "$RABBIT_PORT") ]] || die "rabbitmq is up but nothing listens on port $RABBIT_PORT"

  local port
  for port in "$RABBIT_PORT" $((RABBIT_PORT + 20000)) 4369; do
    only_loopback "$port" || die "rabbitmq listens beyond loopback on port $port; stop it (servers.sh stop) and run this script again"
  done
  log "rabbitmq: ready on 127.0.0.1:$RABBIT_PORT"
}

provision_rabbit() {
  local users permissions
  users=$(rabbitmqctl -q list_users --no-table-headers) || die "rabbitmqctl list_users failed"
  if awk -v u="$APP_USER" '$1 == u { found = 1 } END { exit !found }' <<<"$users"; then
    if rabbitmqctl -q authenticate_user "$APP_USER" "$APP_PASSWORD" >/dev/null 2>&1; then
      log "rabbitmq: user $APP_USER exists"
    else
      rabbitmqctl -q change_password "$APP_USER" "$APP_PASSWORD" >/dev/null
      log "rabbitmq: password of $APP_USER reset"
    fi
  else
    rabbitmqctl -q add_user "$APP_USER" "$APP_PASSWORD" >/dev/null
    log "rabbitmq: created user $APP_USER"
  fi

  # vhost "/" for the running system, "csp-tests" for the test suite, so that a system left running by
  # run.sh never consumes the messages of a test run (they would share queue names otherwise).
  # "csp-bench" for the benchmark, whose thousands of messages must not reach a test run's consumers.
  local vhost
  for vhost in "$TEST_VHOST" "$BENCH_VHOST"; do
    if ! rabbitmqctl -q list_vhosts --no-table-headers | grep -qx "$vhost"; then
      rabbitmqctl -q add_vhost "$vhost" >/dev/null
      log "rabbitmq: created vhost $vhost"
    fi
  done
  permissions=$(rabbitmqctl -q list_user_permissions "$APP_USER" --no-table-headers) \
    || die "rabbitmqctl list_user_permissions failed"
  for vhost in / "$TEST_VHOST" "$BENCH_VHOST"; do
    if awk -F'\t' -v v="$vhost" '$1 == v && $2 == ".*" && $3 == ".*" && $4 == ".*" { found = 1 } END { exit !found }' <<<"$permissions"; then
      log "rabbitmq: user $APP_USER has full permissions on vhost $vhost"
    else
      rabbitmqctl -q set_permissions -p "$vhost" "$APP_USER" '.*' '.*' '.*' >/dev/null
      log "rabbitmq: gave $APP_USER full permissions on vhost $vhost"
    fi
  done
}

# ---- commands ------------------------------------------------------------------------------
cmd_start() {
  ensure_packages
  start_postgres
  provision_postgres
  start_rabbit
  provision_rabbit
  log "PostgreSQL: Host=127.0.0.1;Port=$PG_PORT;Username=$APP_USER;Password=$APP_PASSWORD (databases: ${DATABASES[*]})"
  log "RabbitMQ:   amqp://$APP_USER:$APP_PASSWORD@127.0.0.1:$RABBIT_PORT/ (tests: vhost $TEST_VHOST)"
}

stop_rabbit() {
  # A listener on the port counts as running even when a ping fails: on a busy machine the CLI's ping can time out.
  if ! command -v rabbitmqctl >/dev/null || { [[ -z $(listeners_on "$RABBIT_PORT") ]] && ! rabbit_up; }; then
    log "rabbitmq: not running"
    return
  fi
  log "rabbitmq: stopping node $RABBIT_NODENAME"
  timeout $((WAIT_SECONDS + 10)) rabbitmqctl -q shutdown </dev/null >/dev/null || die "rabbitmqctl shutdown failed"
  local deadline=$((SECONDS + WAIT_SECONDS))
  while [[ -n $(listeners_on "$RABBIT_PORT") ]]; do
    ((SECONDS < deadline)) || die "rabbitmq still listens on port $RABBIT_PORT ${WAIT_SECONDS}s after shutdown"
    sleep 0.5
  done
  # epmd (Erlang's port mapper, on loopback) stays: every rabbitmqctl call would start it again.
}

stop_postgres() {
  if [[ $(pg_state) == online ]]; then
    log "postgres: stopping $PG_VERSION/$PG_CLUSTER"
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop -m fast || die "pg_ctlcluster stop failed"
  else
    log "postgres: not running"
  fi
}

cmd_stop() {
  stop_rabbit
  stop_postgres
}

cmd_status() {
  local rc=0
  if pg_ready; then log "postgres: up on 127.0.0.1:$PG_PORT"; else log "postgres: down"; rc=1; fi
  if rabbit_up; then log "rabbitmq: up on 127.0.0.1:$RABBIT_PORT ($RABBIT_NODENAME)"; else log "rabbitmq: down"; rc=1; fi
  return "$rc"
}

case "${1:-start} ${2:-}" in
  "start ")         cmd_start ;;
  "stop ")          cmd_stop ;;
  "status ")        cmd_status ;;
  "start postgres") start_postgres ;;
  "stop postgres")  stop_postgres ;;
  "start rabbitmq") start_rabbit ;;
  "stop rabbitmq")  stop_rabbit ;;
  *) die "usage: $0 [start|stop|status] | start|stop postgres|rabbitmq" ;;
esac
