#!/usr/bin/env bash
# Runs the whole Tanchang Grid suite on this machine, no Docker: a real Kafka broker (KRaft), a MongoDB wire
# server and an SMTP sink from the devstack module, then the registry, the five services and the gateway, each as
# its own JVM, started in health-gated order.
#
#   ./run.sh                 build what is missing, start everything, print the URLs, stop all on Ctrl-C
#   ./run.sh start           the same, but leave it running in the background
#   ./run.sh stop [NAME...]  stop everything (or the named processes)
#   ./run.sh status          what is running, with health
#   ./run.sh logs NAME       follow one process's log
#
# Every address is an environment variable (see README), so the services can run against an external Kafka and
# MongoDB instead: set KAFKA_BOOTSTRAP_SERVERS and MONGODB_URI and EXTERNAL_INFRA=1. E-mail goes to the local SMTP
# sink (every message an .eml file in $DATA_DIR/mail) unless SPRING_MAIL_HOST (and SPRING_MAIL_PORT ...) name a
# real server; then no sink is started and notification-service uses that one.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
RUN_DIR="${RUN_DIR:-$ROOT/.run}"
export DATA_DIR="${DATA_DIR:-$ROOT/.data}"
LOG_DIR="$RUN_DIR/logs"
PID_DIR="$RUN_DIR/pids"
APP_DIR="$RUN_DIR/app"
VERSION="0.1.0-SNAPSHOT"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
START_TIMEOUT="${START_TIMEOUT:-180}"

export MONGO_PORT="${MONGO_PORT:-27017}" KAFKA_PORT="${KAFKA_PORT:-9092}" KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
export REGISTRY_PORT="${REGISTRY_PORT:-8761}" GATEWAY_PORT="${GATEWAY_PORT:-8080}"
export GRID_SERVICE_PORT="${GRID_SERVICE_PORT:-8081}" CASE_SERVICE_PORT="${CASE_SERVICE_PORT:-8082}"
export MEDIATION_SERVICE_PORT="${MEDIATION_SERVICE_PORT:-8083}" PETITION_SERVICE_PORT="${PETITION_SERVICE_PORT:-8084}"
export NOTIFICATION_SERVICE_PORT="${NOTIFICATION_SERVICE_PORT:-8085}" AUTH_SERVER_PORT="${AUTH_SERVER_PORT:-9000}"
export SMTP_SINK_PORT="${SMTP_SINK_PORT:-2525}"
# The broker's second client listener (PROXIED, bound on KAFKA_PROXIED_PORT) advertises localhost:KAFKA_PROXY_PORT,
# so an instance given KAFKA_BOOTSTRAP_SERVERS=localhost:$KAFKA_PROXY_PORT talks to Kafka only through whatever TCP
# proxy listens there (the fault command's); nothing else uses it
export KAFKA_PROXIED_PORT="${KAFKA_PROXIED_PORT:-19093}" KAFKA_PROXY_PORT="${KAFKA_PROXY_PORT:-19092}"
# decided before anything is started, so that notification-service is pointed at the sink only when it runs
MAIL_TO_SINK=0; [ -n "${SPRING_MAIL_HOST:-}" ] || MAIL_TO_SINK=1
export KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-localhost:$KAFKA_PORT}"
export MONGODB_URI="${MONGODB_URI:-mongodb://localhost:$MONGO_PORT}"
export EUREKA_URI="${EUREKA_URI:-http://localhost:$REGISTRY_PORT/eureka/}"

# Seven JVMs share two cores: C1 only and the serial collector start fastest and use least memory at this load;
# the class-data archive (created on the first run) saves another ~60% of start-up.
JVM_BASE="${JVM_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -Dfile.encoding=UTF-8}"
# every Spring application after the registry; they start together and each registers with Eureka
SERVICES=(auth-server grid-service case-service mediation-service petition-service notification-service)
INFRA=(mongo kafka smtp)
ALL=("${INFRA[@]}" registry "${SERVICES[@]}" gateway)

port_of() {
  case "$1" in
    mongo) echo "$MONGO_PORT" ;; kafka) echo "$KAFKA_PORT" ;; smtp) echo "$SMTP_SINK_PORT" ;; registry) echo "$REGISTRY_PORT" ;;
    gateway) echo "$GATEWAY_PORT" ;; grid-service) echo "$GRID_SERVICE_PORT" ;; case-service) echo "$CASE_SERVICE_PORT" ;;
    mediation-service) echo "$MEDIATION_SERVICE_PORT" ;; petition-service) echo "$PETITION_SERVICE_PORT" ;;
    notification-service) echo "$NOTIFICATION_SERVICE_PORT" ;; auth-server) echo "$AUTH_SERVER_PORT" ;;
  esac
}

heap_of() {
  case "$1" in
    kafka) echo 384m ;; mongo) echo 256m ;; smtp) echo 48m ;; registry) echo 160m ;; gateway) echo 192m ;; *) echo 224m ;;
  esac
}

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
die() {
  printf 'run.sh: %s\n' "$*" >&2
  # a failed start leaves nothing behind: no half-started suite holding the ports
  if [ "${STOP_ON_FAILURE:-0}" = 1 ]; then STOP_ON_FAILURE=0; stop_all; fi
  exit 1
}

pid_of() { [ -f "$PID_DIR/$1.pid" ] && cat "$PID_DIR/$1.pid" || true; }
alive() { local pid; pid="$(pid_of "$1")"; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---- build ---------------------------------------------------------------------------------------------------
boot_jar() { echo "$ROOT/$1/target/$1-$VERSION.jar"; }

needs_build() {
  local module jar shared
  for module in devstack registry gateway "${SERVICES[@]}"; do
    jar="$(boot_jar "$module")"
    [ -f "$jar" ] || return 0
    # a service's jar is also stale when what every service shares changed
    shared=()
    case "$module" in *-service) shared=("$ROOT/platform/src/main" "$ROOT/contracts/src/main") ;; esac
    if [ -n "$(find "$ROOT/$module/src/main" "$ROOT/$module/pom.xml" "${shared[@]}" "$ROOT/pom.xml" \
        -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
      return 0
    fi
  done
  [ -d "$ROOT/devstack/target/lib" ] || return 0
  return 1
}

build() {
  if [ "${SKIP_BUILD:-0}" = 1 ]; then
    # the caller (the Maven reactor, a benchmark) has just built: trust it, but refuse to start without the jars
    local module
    for module in devstack registry gateway "${SERVICES[@]}"; do
      [ -f "$(boot_jar "$module")" ] || die "$(boot_jar "$module") is missing and SKIP_BUILD=1; run ./mvnw -DskipTests package"
    done
    return 0
  fi
  if needs_build; then
    log "Building (./mvnw -DskipTests package) ..."
    "$ROOT/mvnw" -B -q -DskipTests package -pl devstack,registry,gateway,$(IFS=,; echo "${SERVICES[*]}") -am \
      || die "build failed"
  fi
}

# A Boot jar unpacked to plain jars can use a class-data-sharing archive; the first start of each version trains it.
prepare_app() {
  local name="$1" jar dir
  jar="$(boot_jar "$name")"
  dir="$APP_DIR/$name"
  if [ ! -f "$dir/$name-$VERSION.jar" ] || [ "$jar" -nt "$dir/$name-$VERSION.jar" ]; then
    rm -rf "$dir"
    "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
  fi
}

cds_flags() {
  local name="$1" archive="$APP_DIR/$1/app.jsa"
  [ "${CDS:-1}" = 1 ] || return 0
  if [ -f "$archive" ]; then
    echo "-XX:SharedArchiveFile=$archive -Xshare:auto -Xlog:cds*=error"
  else
    echo "-XX:ArchiveClassesAtExit=$archive -Xlog:cds*=error"
  fi
}

# ---- start ---------------------------------------------------------------------------------------------------
launch() {
  local name="$1" port cmd
  port="$(port_of "$name")"
  if alive "$name"; then log "$name already running (pid $(pid_of "$name"))"; return 0; fi
  port_busy "$port" && die "port $port for $name is in use by another process; stop it or set the port variable"
  mkdir -p "$LOG_DIR" "$PID_DIR"
  case "$name" in
    mongo|kafka|smtp)
      local main
      case "$name" in mongo) main=LocalMongo ;; kafka) main=LocalKafka ;; smtp) main=LocalSmtp ;; esac
      cmd=("$JAVA" -Xmx"$(heap_of "$name")" $JVM_BASE -cp "$ROOT/devstack/target/devstack-$VERSION.jar:$ROOT/devstack/target/lib/*"
        "org.tanchang.grid.devstack.$main") ;;
    *)
      prepare_app "$name"
      cmd=(env $(service_env "$name") "$JAVA" -Xmx"$(heap_of "$name")" $JVM_BASE $(cds_flags "$name")
        -jar "$APP_DIR/$name/$name-$VERSION.jar") ;;
  esac
  nohup "${cmd[@]}" >"$LOG_DIR/$name.log" 2>&1 &
  echo $! >"$PID_DIR/$name.pid"
  log "started $name (pid $!, port $port, log $LOG_DIR/$name.log)"
}

# Settings for one service only (on top of the exported ones every process gets); VAR=value words, no spaces.
service_env() {
  case "$1" in
    # the EMAIL channel is on exactly when spring.mail.host is set (see its application.yml)
    notification-service) [ "$MAIL_TO_SINK" = 1 ] && echo "SPRING_MAIL_HOST=localhost SPRING_MAIL_PORT=$SMTP_SINK_PORT" ;;
  esac
  instance_env "$1"
  return 0
}

# One instance's own Kafka and MongoDB addresses, e.g. MEDIATION_SERVICE_2_KAFKA_BOOTSTRAP_SERVERS or
# GRID_SERVICE_MONGODB_URI (the instance's name in capitals, '-' as '_'): the fault command routes one instance
# through a TCP proxy this way while every other instance talks to Kafka and MongoDB directly.
instance_env() {
  local prefix var value
  prefix="$(printf '%s' "$1" | tr 'a-z-' 'A-Z_')"
  for var in KAFKA_BOOTSTRAP_SERVERS MONGODB_URI; do
    value="$(printenv "${prefix}_$var" || true)"
    [ -z "$value" ] || echo "$var=$value"
  done
  return 0
}

healthy() {
  local name="$1" port
  port="$(port_of "$name")"
  case "$name" in
    mongo) grep -q "Mongo wire server ready" "$LOG_DIR/mongo.log" 2>/dev/null ;;
    kafka) grep -q "Kafka broker ready" "$LOG_DIR/kafka.log" 2>/dev/null ;;
    smtp) grep -q "SMTP sink ready" "$LOG_DIR/smtp.log" 2>/dev/null ;;
    *) curl -fsS --max-time 2 "http://localhost:$port/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"' ;;
  esac
}

registered() {
  local apps
  apps="$(curl -fsS --max-time 2 -H 'Accept: application/json' "http://localhost:$REGISTRY_PORT/eureka/apps" 2>/dev/null)" || return 1
  local s
  for s in "${SERVICES[@]}" gateway; do
    echo "$apps" | grep -qi "\"name\":\"$s\"" || return 1
  done
}

wait_for() {
  local deadline=$((SECONDS + START_TIMEOUT)) name pending
  while :; do
    pending=()
    for name in "$@"; do
      alive "$name" || die "$name exited during start-up; see $LOG_DIR/$name.log"
      healthy "$name" || pending+=("$name")
    done
    [ ${#pending[@]} -eq 0 ] && return 0
    [ $SECONDS -ge $deadline ] && die "not healthy after ${START_TIMEOUT}s: ${pending[*]}; see $LOG_DIR/"
    sleep 0.5
  done
}

start_all() {
  local t0=$SECONDS name
  build
  mkdir -p "$DATA_DIR" "$LOG_DIR" "$PID_DIR"
  local infra=()
  [ "${EXTERNAL_INFRA:-0}" = 1 ] || infra+=(mongo kafka)
  [ "$MAIL_TO_SINK" = 1 ] && infra+=(smtp)
  if [ ${#infra[@]} -gt 0 ]; then
    for name in "${infra[@]}"; do launch "$name"; done
    wait_for "${infra[@]}"
    log "local stack healthy"
  fi
  launch registry
  wait_for registry
  for name in "${SERVICES[@]}" gateway; do launch "$name"; done
  wait_for "${SERVICES[@]}" gateway
  local deadline=$((SECONDS + 60))
  until registered; do
    [ $SECONDS -ge $deadline ] && die "services are healthy but not all registered with Eureka"
    sleep 0.5
  done
  # the gateway refreshes its view of the registry every few seconds; wait until it routes to every service
  # (through the public OpenAPI documents: every /api route needs a token)
  local service
  for service in grid-service case-service mediation-service petition-service notification-service; do
    until curl -fsS --max-time 2 "http://localhost:$GATEWAY_PORT/v3/api-docs/$service" >/dev/null 2>&1; do
      [ $SECONDS -ge $deadline ] && die "gateway does not route to $service yet"
      sleep 0.5
    done
  done
  log "all healthy in $((SECONDS - t0))s"
  print_urls
}

print_urls() {
  local mail="smtp://localhost:$SMTP_SINK_PORT (sink; every message in ${SMTP_SINK_DIR:-$DATA_DIR/mail})"
  [ "$MAIL_TO_SINK" = 1 ] || mail="${SPRING_MAIL_HOST}:${SPRING_MAIL_PORT:-25} (SPRING_MAIL_HOST)"
  cat <<EOF

  Tanchang Grid is running
  | what                  | URL                                                  |
  |-----------------------|------------------------------------------------------|
  | Gateway (API)         | http://localhost:$GATEWAY_PORT/api/...                         |
  | Swagger UI (all APIs) | http://localhost:$GATEWAY_PORT/swagger-ui.html                 |
  | Eureka dashboard      | http://localhost:$REGISTRY_PORT/                               |
  | Gateway metrics       | http://localhost:$GATEWAY_PORT/actuator/prometheus             |
  | grid-service          | http://localhost:$GRID_SERVICE_PORT/actuator/health                  |
  | case-service          | http://localhost:$CASE_SERVICE_PORT/actuator/health                  |
  | mediation-service     | http://localhost:$MEDIATION_SERVICE_PORT/actuator/health                  |
  | petition-service      | http://localhost:$PETITION_SERVICE_PORT/actuator/health                  |
  | notification-service  | http://localhost:$NOTIFICATION_SERVICE_PORT/actuator/health                  |
  | auth-server (OIDC)    | http://localhost:$AUTH_SERVER_PORT/.well-known/openid-configuration |
  | Kafka bootstrap       | localhost:$KAFKA_PORT                                       |
  | MongoDB (wire server) | mongodb://localhost:$MONGO_PORT                             |
  | E-mail (SMTP)         | $mail |
  Logs: $LOG_DIR/<name>.log   Stop: ./run.sh stop

EOF
}

# ---- stop ----------------------------------------------------------------------------------------------------
# Sends SIGTERM to the named processes together, waits up to 30 s for all of them, then kills what is left.
stop_group() {
  local name pid i waiting
  local -a pids=() names=()
  for name in "$@"; do
    pid="$(pid_of "$name")"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid"); names+=("$name")
    fi
  done
  for i in $(seq 1 150); do
    waiting=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && waiting=1; done
    [ $waiting = 0 ] && break
    sleep 0.2
  done
  for i in "${!pids[@]}"; do
    if kill -0 "${pids[$i]}" 2>/dev/null; then
      log "${names[$i]} did not stop in 30s, killing"
      kill -KILL "${pids[$i]}" 2>/dev/null || true
    fi
  done
  for name in "$@"; do rm -f "$PID_DIR/$name.pid"; done
  [ ${#names[@]} -eq 0 ] || log "stopped ${names[*]}"
}

stop_all() {
  # the gateway first, then the services together (each flushes its outbox on the way down), the local stack last
  stop_group gateway
  stop_group "${SERVICES[@]}"
  stop_group registry
  stop_group "${INFRA[@]}"
}

status() {
  local name state
  printf '%-22s %-8s %-6s %s\n' PROCESS PID PORT STATE
  for name in "${ALL[@]}"; do
    if alive "$name"; then
      healthy "$name" && state=healthy || state=starting
      printf '%-22s %-8s %-6s %s\n' "$name" "$(pid_of "$name")" "$(port_of "$name")" "$state"
    else
      printf '%-22s %-8s %-6s %s\n' "$name" - "$(port_of "$name")" stopped
    fi
  done
}

case "${1:-run}" in
  run)
    trap 'echo; log "stopping ..."; stop_all; exit 0' INT TERM
    STOP_ON_FAILURE=1 start_all
    log "press Ctrl-C to stop everything"
    while :; do sleep 3600 & wait $!; done ;;
  start)
    STOP_ON_FAILURE=1 start_all ;;
  stop)
    shift
    if [ $# -eq 0 ]; then stop_all; else stop_group "$@"; fi ;;
  status) status ;;
  logs)
    [ -n "${2:-}" ] || die "usage: ./run.sh logs NAME"
    exec tail -F "$LOG_DIR/$2.log" ;;
  *) die "usage: ./run.sh [run|start|stop [NAME...]|status|logs NAME]" ;;
esac
