#!/usr/bin/env bash
# What tracing costs (issue 15): the fan-out benchmark (bench/suite-benchmark.sh's part 3) twice on the same build,
#   A. every request traced and sent to the local Zipkin (TRACING=1, sampling 1.0: the default),
#   B. nothing recorded or sent (TRACING_SAMPLING_PROBABILITY=0, TRACING_EXPORT_ENABLED=false; trace ids are still
#      made and propagated, so this is the floor the instrumentation itself costs, not the code before issue 15),
# and for each the p50/p90/p99 it prints plus the CPU seconds all suite JVMs spent during the reports (utime+stime
# from /proc, Zipkin's own included in A). Uses its own run and data folders; the ports must be free.
#   bench/tracing-cost.sh [reports]     (default 200; build first: ./mvnw -B -q -DskipTests package)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
REPORTS="${1:-200}"
export RUN_DIR="$ROOT/bench/.work/tracing/run" DATA_DIR="$ROOT/bench/.work/tracing/data" SKIP_BUILD=1
TICKS=$(getconf CLK_TCK)
trap './run.sh stop >/dev/null 2>&1 || true' EXIT   # never leave a suite holding the ports

cpu_ticks() {
  local total=0 pidfile pid
  for pidfile in "$RUN_DIR"/pids/*.pid; do
    pid=$(cat "$pidfile")
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}

measure() {
  local label="$1" before after
  rm -rf "$DATA_DIR"
  ./run.sh start >/dev/null
  BENCH_TOKEN=$(auth-server/user-token.sh member.yangjia | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  export BENCH_TOKEN
  # a short warm-up, so both runs measure warm JVMs
  java -cp benchmarks/target/classes org.tanchang.grid.benchmarks.FanOutBenchmark \
    "http://localhost:${GATEWAY_PORT:-8080}" 20 4 10 >/dev/null
  before=$(cpu_ticks)
  echo "== $label"
  java -cp benchmarks/target/classes org.tanchang.grid.benchmarks.FanOutBenchmark \
    "http://localhost:${GATEWAY_PORT:-8080}" "$REPORTS" 4 10
  after=$(cpu_ticks)
  awk -v t=$((after - before)) -v hz="$TICKS" -v n="$REPORTS" \
    'BEGIN { printf "CPU of all suite JVMs during the reports: %.1f s (%.0f ms per report)\n", t / hz, 1000 * t / hz / n }'
  ./run.sh stop >/dev/null
}

TRACING=1 measure "A: traced, sampling 1.0, sent to the local Zipkin"
TRACING=0 TRACING_SAMPLING_PROBABILITY=0 TRACING_EXPORT_ENABLED=false measure "B: not recorded, not sent"
