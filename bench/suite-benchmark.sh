#!/usr/bin/env bash
# Measures what the foundation issue asks for and prints the figures:
#  1. cold start of the whole suite to all-healthy (seconds), twice: the very first start (which also trains the
#     class-data archives) and a start with the archives in place;
#  2. the sum of resident memory of all its JVMs once it is up;
#  3. the fan-out latency POST /api/patrol-reports -> dispute and follow-up visit readable, p50/p99 over N reports;
#  4. the one window's promise: 50 concurrent submissions through the gateway, time to the first response and, for
#     an instant item, to completion (petition-service's WindowPromiseBenchmark, signed in as a window clerk).
# It uses its own run and data folders (bench/.work), so a suite you are running yourself is not touched, but the
# ports must be free. Not part of the test command.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
REPORTS="${1:-200}"
export RUN_DIR="$ROOT/bench/.work/run" DATA_DIR="$ROOT/bench/.work/data"

./mvnw -B -q -DskipTests package -pl benchmarks,devstack,registry,auth-server,gateway,grid-service,case-service,mediation-service,petition-service,notification-service -am
rm -rf "$ROOT/bench/.work"
mkdir -p "$ROOT/bench/.work"
./mvnw -B -q dependency:build-classpath -pl petition-service -Dmdep.includeScope=test \
  -Dmdep.outputFile="$ROOT/bench/.work/petition-cp.txt"

start_once() {
  local t0 t1
  rm -rf "$DATA_DIR"
  t0=$(date +%s.%N)
  SKIP_BUILD=1 ./run.sh start >/dev/null
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }'
}

first=$(start_once)
./run.sh stop >/dev/null
second=$(start_once)

rss_kb=0
for pidfile in "$RUN_DIR"/pids/*.pid; do
  pid=$(cat "$pidfile")
  kb=$(ps -o rss= -p "$pid" | tr -d ' ')
  printf '  %-22s %6d MiB\n' "$(basename "$pidfile" .pid)" $((kb / 1024))
  rss_kb=$((rss_kb + kb))
done
echo "cold start to all-healthy: first run ${first}s (trains CDS archives), next runs ${second}s"
echo "resident memory of all JVMs: $((rss_kb / 1024)) MiB (java $(java -version 2>&1 | head -1))"

# a real grid member's token, signed in through the login form as the app does
BENCH_TOKEN=$(auth-server/user-token.sh member.yangjia | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
export BENCH_TOKEN
java -cp benchmarks/target/classes org.tanchang.grid.benchmarks.FanOutBenchmark "http://localhost:${GATEWAY_PORT:-8080}" "$REPORTS" 4 10
CLERK_TOKEN=$(auth-server/user-token.sh clerk.lichuan | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
java -cp "petition-service/target/test-classes:petition-service/target/classes:$(cat bench/.work/petition-cp.txt)" \
  org.tanchang.grid.petition.bench.WindowPromiseBenchmark "http://localhost:${GATEWAY_PORT:-8080}" "$CLERK_TOKEN" \
  | grep -v ' WARN \| INFO '
./run.sh stop >/dev/null
