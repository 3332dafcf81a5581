#!/usr/bin/env bash
# Runs the whole Tanchang Grid suite on this machine, no Docker: a real Kafka broker (KRaft), a MongoDB wire
# server and a GreenMail mail server from the devstack module, then the registry, the five services and the gateway,
# each as its own JVM, started in health-gated order.
#
#   ./run.sh                 build what is missing, start everything, print the URLs, stop all on Ctrl-C
#   ./run.sh start           the same, but leave it running in the background
#   ./run.sh stop [NAME...]  stop everything (or the named processes)
#   ./run.sh status          what is running, with health
#   ./run.sh logs NAME       follow one process's log
#
# Scale: SCALE=2 ./run.sh start (or ./run.sh --scale 2 start) runs two instances of each of the five services and two
# registry replicas peered with each other; the auth server and the gateway stay single. Instance N of a service is
# named <service>-N (grid-service-2 ...; logs and pid files by that name, so ./run.sh stop grid-service-2 stops one),
# on its own port <SERVICE>_N_PORT (default: the first instance's port + 100*(N-1), so 8181..8185 for the second);
# the second registry is registry-2 on REGISTRY_2_PORT (8861), known to the others as 127.0.0.1 while the first is
# localhost (a replica drops the peer URL whose host is its own name). Every process is given both registries
# (EUREKA_URI); one process can be given others with <NAME>_EUREKA_URI (GATEWAY_EUREKA_URI, GRID_SERVICE_2_EUREKA_URI).
#
# Every address is an environment variable (see README), so the services can run against an external Kafka and
# MongoDB instead: set KAFKA_BOOTSTRAP_SERVERS and MONGODB_URI and EXTERNAL_INFRA=1. E-mail goes to a local
# GreenMail (SMTP on SMTP_SINK_PORT 2525; read it over IMAP on GREENMAIL_IMAP_PORT 3143, any password, or its REST API
# on GREENMAIL_API_PORT 8025; kept in memory) unless SPRING_MAIL_HOST (and SPRING_MAIL_PORT ...) name a real server;
# then none is started and notification-service uses that one. Texts (the auth server's sign-up codes) go to the
# devstack's SMS sink on SMS_SINK_PORT 8026 (read them: GET /messages?to=<mobile>) unless SMS_GATEWAY_URL names a
# real HTTP SMS gateway.
# TRACING=1 also starts a Zipkin server (the devstack's copy of its jar, spans in memory, UI on ZIPKIN_PORT 9411)
# and points every process's spans at it, unless ZIPKIN_ENDPOINT names another trace backend.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
RUN_DIR="${RUN_DIR:-$ROOT/.run}"
export DATA_DIR="${DATA_DIR:-$ROOT/.data}"
LOG_DIR="$RUN_DIR/logs"
PID_DIR="$RUN_DIR/pids"
APP_DIR="${APP_DIR:-$RUN_DIR/app}"   # the unpacked jars and their class-data archives
VERSION="0.1.0-SNAPSHOT"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# ./run.sh --scale N COMMAND (the flag anywhere) is SCALE=N ./run.sh COMMAND
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) [ $# -ge 2 ] || { echo "run.sh: --scale needs a number" >&2; exit 1; }; SCALE="$2"; shift 2 ;;
    --scale=*) SCALE="${1#--scale=}"; shift ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
set -- ${ARGS[@]+"${ARGS[@]}"}
SCALE="${SCALE:-1}"
case "$SCALE" in ''|*[!0-9]*|0) echo "run.sh: SCALE must be a positive number, not '$SCALE'" >&2; exit 1 ;; esac
# twice the JVMs on the same cores take about twice as long to become healthy
START_TIMEOUT="${START_TIMEOUT:-$((180 * SCALE))}"

export MONGO_PORT="${MONGO_PORT:-27017}" KAFKA_PORT="${KAFKA_PORT:-9092}" KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
export REGISTRY_PORT="${REGISTRY_PORT:-8761}" GATEWAY_PORT="${GATEWAY_PORT:-8080}"
export GRID_SERVICE_PORT="${GRID_SERVICE_PORT:-8081}" CASE_SERVICE_PORT="${CASE_SERVICE_PORT:-8082}"
export MEDIATION_SERVICE_PORT="${MEDIATION_SERVICE_PORT:-8083}" PETITION_SERVICE_PORT="${PETITION_SERVICE_PORT:-8084}"
export NOTIFICATION_SERVICE_PORT="${NOTIFICATION_SERVICE_PORT:-8085}" AUTH_SERVER_PORT="${AUTH_SERVER_PORT:-9000}"
export SMTP_SINK_PORT="${SMTP_SINK_PORT:-2525}" ZIPKIN_PORT="${ZIPKIN_PORT:-9411}"
export SMS_SINK_PORT="${SMS_SINK_PORT:-8026}" CONSOLE_PORT="${CONSOLE_PORT:-8086}"
export GREENMAIL_IMAP_PORT="${GREENMAIL_IMAP_PORT:-3143}" GREENMAIL_API_PORT="${GREENMAIL_API_PORT:-8025}"
# a local trace backend only on request, and only when no other one is named
TRACE_LOCALLY=0; [ "${TRACING:-0}" = 1 ] && [ -z "${ZIPKIN_ENDPOINT:-}" ] && TRACE_LOCALLY=1
[ "$TRACE_LOCALLY" = 1 ] && export ZIPKIN_ENDPOINT="http://localhost:$ZIPKIN_PORT/api/v2/spans"
# The broker's second client listener (PROXIED, bound on KAFKA_PROXIED_PORT) advertises localhost:KAFKA_PROXY_PORT,
# so an instance given KAFKA_BOOTSTRAP_SERVERS=localhost:$KAFKA_PROXY_PORT talks to Kafka only through whatever TCP
# proxy listens there (the fault command's); nothing else uses it
export KAFKA_PROXIED_PORT="${KAFKA_PROXIED_PORT:-19093}" KAFKA_PROXY_PORT="${KAFKA_PROXY_PORT:-19092}"
# decided before anything is started, so that notification-service is pointed at the sink only when it runs
MAIL_TO_SINK=0; [ -n "${SPRING_MAIL_HOST:-}" ] || MAIL_TO_SINK=1
# the auth server's SMS adapter defaults to http://localhost:$SMS_SINK_PORT/messages (its application.yml)
SMS_TO_SINK=0; [ -n "${SMS_GATEWAY_URL:-}" ] || SMS_TO_SINK=1
export KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-localhost:$KAFKA_PORT}"
export MONGODB_URI="${MONGODB_URI:-mongodb://localhost:$MONGO_PORT}"
# the second registry replica (from scale 2): its own port and a host name other than the first one's
export REGISTRY_2_PORT="${REGISTRY_2_PORT:-$((REGISTRY_PORT + 100))}"
REGISTRY_HOSTNAME="${REGISTRY_HOSTNAME:-localhost}" REGISTRY_2_HOSTNAME="${REGISTRY_2_HOSTNAME:-127.0.0.1}"
REGISTRY_URLS="http://$REGISTRY_HOSTNAME:$REGISTRY_PORT/eureka/"
[ "$SCALE" -ge 2 ] && REGISTRY_URLS="$REGISTRY_URLS,http://$REGISTRY_2_HOSTNAME:$REGISTRY_2_PORT/eureka/"
export EUREKA_URI="${EUREKA_URI:-$REGISTRY_URLS}"

# Seven JVMs share two cores: C1 only and the serial collector start fastest and use least memory at this load;
# the class-data archive (created on the first run) saves another ~60% of start-up.
JVM_BASE="${JVM_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -Dfile.encoding=UTF-8}"
# The processes every report passes through many times get full tiered JIT (C2), a later flag overriding the C1 limit
# above: the Kafka broker (its per-request metrics spent most of its CPU in C1 code), the Mongo wire server and the
# gateway (issue 17: bench/performance.sh, bench/gateway.sh; figures in the README). HOT_JVM_OPTS replaces the flags.
HOT_JVM_OPTS="${HOT_JVM_OPTS:--XX:TieredStopAtLevel=4 -XX:ReservedCodeCacheSize=96m}"
hot_flags() { case "$(module_of "$1")" in kafka|mongo|gateway) echo "$HOT_JVM_OPTS" ;; esac; }
# the modules that run as Spring applications after the registry; they start together and each registers with Eureka
# (console: the browser pages and their live feed, reached through the gateway at /console/)
MODULES=(auth-server grid-service case-service mediation-service petition-service notification-service console)
# those that run SCALE instances each
SCALED=(grid-service case-service mediation-service petition-service notification-service)
INFRA=(mongo kafka smtp sms zipkin)

# every instance name of a module: grid-service, grid-service-2, ... (the first keeps the module's name)
instances_of() {
  local module="$1" n count=1
  case " ${SCALED[*]} registry " in *" $module "*) count="$SCALE" ;; esac
  [ "$module" = registry ] && [ "$count" -gt 2 ] && count=2   # two host names for two replicas on one machine
  echo "$module"
  for ((n = 2; n <= count; n++)); do echo "$module-$n"; done
}
module_of() { case "$1" in *-[0-9]*) echo "${1%-*}" ;; *) echo "$1" ;; esac; }
ordinal_of() { case "$1" in *-[0-9]*) echo "${1##*-}" ;; *) echo 1 ;; esac; }
# grid-service-2 -> GRID_SERVICE_2 (the prefix of its variables)
var_of() { echo "$1" | tr 'a-z-' 'A-Z_'; }

REGISTRIES=($(instances_of registry))
SERVICES=()
for module in "${MODULES[@]}"; do SERVICES+=($(instances_of "$module")); done
ALL=("${INFRA[@]}" "${REGISTRIES[@]}" "${SERVICES[@]}" gateway)

port_of() {
  local n var
  n="$(ordinal_of "$1")"
  if [ "$n" -gt 1 ]; then
    # <SERVICE>_<N>_PORT, else the first instance's port + 100 per instance
    var="$(var_of "$1")_PORT"
    echo "${!var:-$(($(port_of "$(module_of "$1")") + 100 * (n - 1)))}"
    return
  fi
  case "$1" in
    mongo) echo "$MONGO_PORT" ;; kafka) echo "$KAFKA_PORT" ;; smtp) echo "$SMTP_SINK_PORT" ;; sms) echo "$SMS_SINK_PORT" ;; registry) echo "$REGISTRY_PORT" ;;
    zipkin) echo "$ZIPKIN_PORT" ;;
    gateway) echo "$GATEWAY_PORT" ;; grid-service) echo "$GRID_SERVICE_PORT" ;; case-service) echo "$CASE_SERVICE_PORT" ;;
    mediation-service) echo "$MEDIATION_SERVICE_PORT" ;; petition-service) echo "$PETITION_SERVICE_PORT" ;;
    notification-service) echo "$NOTIFICATION_SERVICE_PORT" ;; auth-server) echo "$AUTH_SERVER_PORT" ;;
    console) echo "$CONSOLE_PORT" ;;
  esac
}

heap_of() {
  case "$(module_of "$1")" in
    kafka) echo 384m ;; mongo) echo 256m ;; smtp) echo 64m ;; sms) echo 32m ;; registry) echo 160m ;; gateway) echo 192m ;; console) echo 128m ;; zipkin) echo 256m ;;
    *) echo 224m ;;
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
  for module in devstack registry gateway "${MODULES[@]}"; do
    jar="$(boot_jar "$module")"
    [ -f "$jar" ] || return 0
    # a service's jar is also stale when what every service shares changed
    shared=()
    case "$module" in
      *-service) shared=("$ROOT/platform/src/main" "$ROOT/platform-web/src/main" "$ROOT/platform-messaging/src/main"
                         "$ROOT/platform-core/src/main" "$ROOT/contracts/src/main") ;;
      gateway|auth-server) shared=("$ROOT/platform-core/src/main") ;;
      console) shared=("$ROOT/platform-web/src/main" "$ROOT/platform-core/src/main" "$ROOT/contracts/src/main") ;;
    esac
    if [ -n "$(find "$ROOT/$module/src/main" "$ROOT/$module/pom.xml" "${shared[@]}" "$ROOT/pom.xml" \
        -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
      return 0
    fi
  done
  [ -d "$ROOT/devstack/target/lib" ] || return 0
  [ "$TRACE_LOCALLY" = 1 ] && [ ! -f "$ROOT/devstack/target/zipkin/zipkin-server-exec.jar" ] && return 0
  [ "$MAIL_TO_SINK" = 1 ] && [ ! -f "$ROOT/devstack/target/greenmail/greenmail-standalone.jar" ] && return 0
  return 1
}

build() {
  if [ "${SKIP_BUILD:-0}" = 1 ]; then
    # the caller (the Maven reactor, a benchmark) has just built: trust it, but refuse to start without the jars
    local module
    for module in devstack registry gateway "${MODULES[@]}"; do
      [ -f "$(boot_jar "$module")" ] || die "$(boot_jar "$module") is missing and SKIP_BUILD=1; run ./mvnw -DskipTests package"
    done
    [ "$MAIL_TO_SINK" = 0 ] || [ -f "$ROOT/devstack/target/greenmail/greenmail-standalone.jar" ] \
      || die "devstack/target/greenmail/greenmail-standalone.jar is missing and SKIP_BUILD=1; run ./mvnw -DskipTests package"
    return 0
  fi
  if needs_build; then
    log "Building (./mvnw -DskipTests package) ..."
    "$ROOT/mvnw" -B -q -DskipTests package -pl devstack,registry,gateway,$(IFS=,; echo "${MODULES[*]}") -am \
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
  local name="$1" archive="$APP_DIR/$(module_of "$1")/app.jsa"
  [ "${CDS:-1}" = 1 ] || return 0
  if [ -f "$archive" ]; then
    echo "-XX:SharedArchiveFile=$archive -Xshare:auto -Xlog:cds*=error"
  elif [ "$(ordinal_of "$name")" = 1 ]; then
    # only the first instance trains the module's archive: two JVMs must not write one file. The marker tells stop to
    # wait for the dump: on 2 cores six JVMs writing archives together take longer than a plain stop's 30 s, and a
    # JVM killed mid-dump leaves no archive, so every later start stayed cold (94.8 s instead of 24-30 s)
    touch "$PID_DIR/$name.training"
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
    mongo|kafka|sms)
      local main
      case "$name" in mongo) main=LocalMongo ;; kafka) main=LocalKafka ;; sms) main=LocalSmsSink ;; esac
      cmd=("$JAVA" -Xmx"$(heap_of "$name")" $JVM_BASE $(hot_flags "$name") -cp "$ROOT/devstack/target/devstack-$VERSION.jar:$ROOT/devstack/target/lib/*"
        "org.tanchang.grid.devstack.$main") ;;
    zipkin)
      # in-memory storage (the default), bounded so a long run cannot exhaust the heap; Zipkin does not trace itself.
      # Without KAFKA_BOOTSTRAP_SERVERS, which Zipkin would take as its cue to collect spans from the suite's broker.
      cmd=(env -u KAFKA_BOOTSTRAP_SERVERS STORAGE_TYPE=mem MEM_MAX_SPANS="${ZIPKIN_MAX_SPANS:-200000}"
        "$JAVA" -Xmx"$(heap_of "$name")" $JVM_BASE
        -jar "$ROOT/devstack/target/zipkin/zipkin-server-exec.jar" --server.port="$ZIPKIN_PORT") ;;
    smtp)
      # GreenMail standalone: every recipient gets a mailbox on first delivery (no users, no AUTH); loopback only
      local bind="${SMTP_SINK_BIND:-127.0.0.1}"
      cmd=("$JAVA" -Xmx"$(heap_of "$name")" $JVM_BASE -Dgreenmail.auth.disabled
        -Dgreenmail.smtp.hostname="$bind" -Dgreenmail.smtp.port="$SMTP_SINK_PORT"
        -Dgreenmail.imap.hostname="$bind" -Dgreenmail.imap.port="$GREENMAIL_IMAP_PORT"
        -Dgreenmail.api.hostname="$bind" -Dgreenmail.api.port="$GREENMAIL_API_PORT"
        -jar "$ROOT/devstack/target/greenmail/greenmail-standalone.jar") ;;
    *)
      local module
      module="$(module_of "$name")"
      prepare_app "$module"
      cmd=(env $(service_env "$name") "$JAVA" -Xmx"$(heap_of "$name")" $JVM_BASE
        $(hot_flags "$name") $(cds_flags "$name")
        -jar "$APP_DIR/$module/$module-$VERSION.jar") ;;
  esac
  nohup "${cmd[@]}" >"$LOG_DIR/$name.log" 2>&1 &
  echo $! >"$PID_DIR/$name.pid"
  log "started $name (pid $!, port $port, log $LOG_DIR/$name.log)"
}

# Settings for one service only (on top of the exported ones every process gets); VAR=value words, no spaces.
service_env() {
  local name="$1" module var
  module="$(module_of "$name")"
  # another instance of a module: the module's port variable says this instance's port
  [ "$name" != "$module" ] && echo "$(var_of "$module")_PORT=$(port_of "$name")"
  case "$module" in
    # the EMAIL channel is on exactly when spring.mail.host is set (see its application.yml)
    notification-service)
      [ "$MAIL_TO_SINK" = 1 ] && echo "SPRING_MAIL_HOST=localhost SPRING_MAIL_PORT=$SMTP_SINK_PORT"
      # It runs one consumer per partition (concurrency 3 for 3 partitions). At scale the instances share the
      # partitions: more consumers than partitions sit idle, and the range assignment could hand every partition of
      # a topic to one instance's consumers. partitions / instances each (at least one) keeps both instances busy.
      if [ "$SCALE" -gt 1 ]; then
        local partitions="${TANCHANG_EVENTS_PARTITIONS:-3}" concurrency
        concurrency=$((partitions / SCALE)); [ "$concurrency" -ge 1 ] || concurrency=1
        echo "SPRING_KAFKA_LISTENER_CONCURRENCY=$concurrency"
      fi ;;
    registry)
      if [ ${#REGISTRIES[@]} -gt 1 ]; then
        # each replica lists every replica (PeerEnvironment) and drops the one with its own host name
        local host="$REGISTRY_HOSTNAME"
        [ "$name" = registry-2 ] && host="$REGISTRY_2_HOSTNAME"
        echo "EUREKA_INSTANCE_HOSTNAME=$host EUREKA_PEERS=$REGISTRY_URLS"
      fi ;;
  esac
  # one process may be given its own registries, Kafka or MongoDB: GATEWAY_EUREKA_URI, GRID_SERVICE_2_EUREKA_URI, and
  # (the fault command puts one instance behind a TCP proxy this way) GRID_SERVICE_2_KAFKA_BOOTSTRAP_SERVERS,
  # GRID_SERVICE_2_MONGODB_URI; every other process keeps the shared addresses
  local setting
  for setting in EUREKA_URI KAFKA_BOOTSTRAP_SERVERS MONGODB_URI; do
    var="$(var_of "$name")_$setting"
    [ -z "${!var:-}" ] || echo "$setting=${!var}"
  done
  return 0
}

healthy() {
  local name="$1" port
  port="$(port_of "$name")"
  case "$name" in
    mongo) grep -q "Mongo wire server ready" "$LOG_DIR/mongo.log" 2>/dev/null ;;
    kafka) grep -q "Kafka broker ready" "$LOG_DIR/kafka.log" 2>/dev/null ;;
    smtp) curl -fsS --max-time 2 "http://localhost:$GREENMAIL_API_PORT/api/service/readiness" >/dev/null 2>&1 ;;
    sms) grep -q "SMS sink ready" "$LOG_DIR/sms.log" 2>/dev/null ;;
    zipkin) curl -fsS --max-time 2 "http://localhost:$port/health" 2>/dev/null | grep -q '"status" *: *"UP"' ;;
    *) curl -fsS --max-time 2 "http://localhost:$port/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"' ;;
  esac
}

registered() {
  local apps registry s
  for registry in "${REGISTRIES[@]}"; do
    apps="$(curl -fsS --max-time 2 -H 'Accept: application/json' "http://localhost:$(port_of "$registry")/eureka/apps" 2>/dev/null)" || return 1
    for s in "${SERVICES[@]}" gateway; do
      # every instance, by the port in its instance id (<application>:<host>:<port>), on every replica
      echo "$apps" | grep -qi "\"instanceId\":\"$(module_of "$s"):[^\"]*:$(port_of "$s")\"" || return 1
    done
  done
}

# Requests one instance has served on this path so far (its http.server.requests timer)
served() {
  curl -fsS --max-time 2 "http://localhost:$(port_of "$1")/actuator/prometheus" 2>/dev/null \
    | awk -v uri="uri=\"$2\"" '/^http_server_requests_seconds_count\{/ && index($0, uri) { n += $NF } END { print n + 0 }'
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
  [ "$SMS_TO_SINK" = 1 ] && infra+=(sms)
  [ "$TRACE_LOCALLY" = 1 ] && infra+=(zipkin)
  if [ ${#infra[@]} -gt 0 ]; then
    for name in "${infra[@]}"; do launch "$name"; done
    wait_for "${infra[@]}"
    log "local stack healthy"
  fi
  for name in "${REGISTRIES[@]}"; do launch "$name"; done
  wait_for "${REGISTRIES[@]}"
  local first=() more=()
  for name in "${SERVICES[@]}"; do
    if [ "$(ordinal_of "$name")" = 1 ]; then first+=("$name"); else more+=("$name"); fi
  done
  for name in "${first[@]}" gateway; do launch "$name"; done
  wait_for "${first[@]}" gateway
  if [ ${#more[@]} -gt 0 ]; then
    # Only after the first instances are ready: they load the demo data on an empty database by check-then-insert,
    # and two instances doing that at once collide (grid-service-2 failed its start on "member.yangjia is
    # registered already") or load some twice.
    for name in "${more[@]}"; do launch "$name"; done
    wait_for "${more[@]}"
  fi
  local deadline=$((SECONDS + 60 * SCALE))
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
  # and the console's pages (public, like the documents)
  until curl -fsS --max-time 2 "http://localhost:$GATEWAY_PORT/console/settings.json" >/dev/null 2>&1; do
    [ $SECONDS -ge $deadline ] && die "gateway does not route to the console yet"
    sleep 0.5
  done
  # at scale, until the gateway has sent one of those requests to every instance of every service
  if [ "$SCALE" -gt 1 ]; then
    local instance
    for service in "${SCALED[@]}"; do
      for instance in $(instances_of "$service"); do
        until [ "$(served "$instance" /v3/api-docs)" -gt 0 ]; do
          [ $SECONDS -ge $deadline ] && die "gateway does not route to $instance yet"
          curl -fsS --max-time 5 "http://localhost:$GATEWAY_PORT/v3/api-docs/$service" >/dev/null 2>&1 || sleep 0.5
        done
      done
    done
  fi
  log "all healthy in $((SECONDS - t0))s"
  print_urls
}

print_urls() {
  local mail="smtp://localhost:$SMTP_SINK_PORT (GreenMail; IMAP localhost:$GREENMAIL_IMAP_PORT, REST API below)"
  [ "$MAIL_TO_SINK" = 1 ] || mail="${SPRING_MAIL_HOST}:${SPRING_MAIL_PORT:-25} (SPRING_MAIL_HOST)"
  cat <<EOF

  Tanchang Grid is running
  | what                  | URL                                                  |
  |-----------------------|------------------------------------------------------|
  | Console (browser)     | http://localhost:$GATEWAY_PORT/console/  (phone: /console/phone) |
  | Gateway (API)         | http://localhost:$GATEWAY_PORT/api/...                         |
  | Swagger UI (all APIs) | http://localhost:$GATEWAY_PORT/swagger-ui.html                 |
  | Eureka dashboard      | http://localhost:$REGISTRY_PORT/                               |
EOF
  local name
  for name in "${REGISTRIES[@]:1}"; do
    printf '  | %-21s | %-52s |\n' "Eureka ($name)" "http://localhost:$(port_of "$name")/"
  done
  cat <<EOF
  | Gateway metrics       | http://localhost:$GATEWAY_PORT/actuator/prometheus             |
  | grid-service          | http://localhost:$GRID_SERVICE_PORT/actuator/health                  |
  | case-service          | http://localhost:$CASE_SERVICE_PORT/actuator/health                  |
  | mediation-service     | http://localhost:$MEDIATION_SERVICE_PORT/actuator/health                  |
  | petition-service      | http://localhost:$PETITION_SERVICE_PORT/actuator/health                  |
  | notification-service  | http://localhost:$NOTIFICATION_SERVICE_PORT/actuator/health                  |
EOF
  for name in "${SERVICES[@]}"; do
    [ "$(ordinal_of "$name")" -gt 1 ] || continue
    printf '  | %-21s | %-52s |\n' "$name" "http://localhost:$(port_of "$name")/actuator/health"
  done
  cat <<EOF
  | auth-server (OIDC)    | http://localhost:$AUTH_SERVER_PORT/.well-known/openid-configuration |
  | Kafka bootstrap       | localhost:$KAFKA_PORT                                       |
  | MongoDB (wire server) | mongodb://localhost:$MONGO_PORT                             |
  | E-mail (SMTP)         | $mail |$( [ "$MAIL_TO_SINK" = 1 ] && printf '\n  | %-21s | %-52s |' "E-mails (REST API)" "http://localhost:$GREENMAIL_API_PORT/api/user/<address>/messages/INBOX")
  SMS: ${SMS_GATEWAY_URL:-http://localhost:$SMS_SINK_PORT/messages (devstack SMS sink; GET /messages?to=<mobile> reads them)}
  Traces: ${ZIPKIN_ENDPOINT:-http://localhost:9411/api/v2/spans (no local Zipkin: TRACING=1 starts one)}$( [ "$TRACE_LOCALLY" = 1 ] && printf '\n  Zipkin UI (traces): http://localhost:%s/zipkin/' "$ZIPKIN_PORT")
  Logs: $LOG_DIR/<name>.log   Stop: ./run.sh stop

EOF
}

# ---- stop ----------------------------------------------------------------------------------------------------
# Sends SIGTERM to the named processes together, waits up to STOP_TIMEOUT (30 s; TRAINING_STOP_TIMEOUT, 180 s, when
# one of them is writing its class-data archive at exit) for all of them, then kills what is left.
stop_group() {
  local name pid i waiting timeout="${STOP_TIMEOUT:-30}"
  local -a pids=() names=()
  for name in "$@"; do
    pid="$(pid_of "$name")"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid"); names+=("$name")
      [ ! -f "$PID_DIR/$name.training" ] || timeout="${TRAINING_STOP_TIMEOUT:-180}"
    fi
  done
  for i in $(seq 1 $((timeout * 5))); do
    waiting=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && waiting=1; done
    [ $waiting = 0 ] && break
    sleep 0.2
  done
  for i in "${!pids[@]}"; do
    if kill -0 "${pids[$i]}" 2>/dev/null; then
      log "${names[$i]} did not stop in ${timeout}s, killing"
      kill -KILL "${pids[$i]}" 2>/dev/null || true
    fi
  done
  for name in "$@"; do rm -f "$PID_DIR/$name.pid" "$PID_DIR/$name.training"; done
  [ ${#names[@]} -eq 0 ] || log "stopped ${names[*]}"
}

# ALL and every other instance that has a pid file (started at another scale than this command's)
known() {
  local file name
  printf '%s\n' "${ALL[@]}"
  for file in "$PID_DIR"/*.pid; do
    [ -f "$file" ] || continue
    name="$(basename "$file" .pid)"
    case " ${ALL[*]} " in *" $name "*) ;; *) echo "$name" ;; esac
  done
}

stop_all() {
  # the gateway first, then the services together (each flushes its outbox on the way down), then the registries,
  # the local stack last; whatever scale they were started at
  local name services=() registries=()
  for name in $(known); do
    case "$name" in
      gateway|mongo|kafka|smtp|sms) ;;
      registry|registry-[0-9]*) registries+=("$name") ;;
      *) services+=("$name") ;;
    esac
  done
  stop_group gateway
  stop_group "${services[@]}"
  stop_group "${registries[@]}"
  stop_group "${INFRA[@]}"
}

status() {
  local name state
  printf '%-22s %-8s %-6s %s\n' PROCESS PID PORT STATE
  for name in $(known); do
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
