#!/usr/bin/env bash
# The performance issue's figures, side by side, from outside the suite (issue 17):
#   1. cold start of the whole suite to all-healthy (a first start trains the class-data/AOT archives, the second is
#      measured) and the resident memory of all its JVMs;
#   2. Kafka's own end-to-end latency on the suite's broker (org.apache.kafka.tools.EndToEndLatency, acks=all);
#   3. the pipeline (benchmarks' PipelineBenchmark): patrol reports with a DISPUTE and an INCIDENT finding posted
#      open-loop through the gateway with a grid member's real token, POST latency, POST -> follow-up visit and
#      incident published (Kafka timestamps), consumer lag after the last report, CPU per report per process
#      (/proc) — at 10 reports/s (latency) and at 100 reports/s (throughput);
#   4. the window: 50 concurrent submissions through the gateway (petition-service's WindowPromiseBenchmark);
#   5. the gateway against nginx with wrk (bench/gateway.sh), when nginx and wrk are installed;
#   6. growth: the stores grown to 100,000 patrol reports and 100,000 open incidents (GrowthSeeder), the suite
#      restarted on them (start time with the indexes rebuilt), the first deadline sweep over them, and 3. again.
# It uses its own run and data folders (bench/.work), so a suite you are running yourself is not touched, but the
# ports must be free. Gateway rate limits are off for the run (GATEWAY_RATE_LIMIT_ENABLED=false). Not part of the
# test command. Environment: SECONDS_PER_RATE (60), HIGH_RATE (100), LOW_RATE (10), GROWTH (100000; 0 skips 6).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export RUN_DIR="$ROOT/bench/.work/run" DATA_DIR="$ROOT/bench/.work/data"
export GATEWAY_RATE_LIMIT_ENABLED=false
DURATION="${SECONDS_PER_RATE:-60}" HIGH="${HIGH_RATE:-100}" LOW="${LOW_RATE:-10}" GROWTH="${GROWTH:-100000}"
GATEWAY="http://localhost:${GATEWAY_PORT:-8080}" BOOTSTRAP="localhost:${KAFKA_PORT:-9092}"
MONGO="mongodb://localhost:${MONGO_PORT:-27017}"
OUT="$ROOT/bench/.work/results.txt"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -DskipTests package -pl benchmarks,devstack,registry,auth-server,gateway,grid-service,case-service,mediation-service,petition-service,notification-service -am
fi
./run.sh stop >/dev/null 2>&1 || true
rm -rf "$ROOT/bench/.work"
mkdir -p "$ROOT/bench/.work"
./mvnw -B -q dependency:build-classpath -pl benchmarks -Dmdep.outputFile="$ROOT/bench/.work/bench-cp.txt"
./mvnw -B -q dependency:build-classpath -pl petition-service -Dmdep.includeScope=test \
  -Dmdep.outputFile="$ROOT/bench/.work/petition-cp.txt"
./mvnw -B -q dependency:build-classpath -pl case-service -Dmdep.includeScope=test \
  -Dmdep.outputFile="$ROOT/bench/.work/case-cp.txt"
BENCH_CP="benchmarks/target/classes:$(cat bench/.work/bench-cp.txt)"
bench_java() { java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$BENCH_CP" "$@"; }
say() { echo "$*" | tee -a "$OUT"; }

start_timed() {
  local t0 t1
  t0=$(date +%s.%N)
  SKIP_BUILD=1 ./run.sh start >/dev/null
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }'
}

rss_total() {
  local kb=0 pid
  for pidfile in "$RUN_DIR"/pids/*.pid; do
    pid=$(cat "$pidfile")
    kb=$((kb + $(ps -o rss= -p "$pid" | tr -d ' ')))
  done
  echo $((kb / 1024))
}

token() { auth-server/user-token.sh "$1" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'; }

pipeline() {   # rate seconds label
  BENCH_TOKEN="$(token member.yangjia)" bench_java org.tanchang.grid.benchmarks.PipelineBenchmark "$GATEWAY" "$BOOTSTRAP" \
    "$1" "$2" 15 "$RUN_DIR/pids" "$3" | tee -a "$OUT"
}

say "== Tanchang Grid performance, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1) =="
say "run.sh JVM: $(sed -n 's/^JVM_BASE=.*:-\(.*\)}"$/\1/p' run.sh | head -1)"

# ---- 1. start and memory -----------------------------------------------------------------------------------------
first=$(start_timed)
./run.sh stop >/dev/null
second=$(start_timed)
say "cold start to all-healthy: ${second} s (first start, which trains the archives: ${first} s)"
say "resident memory of all JVMs after start: $(rss_total) MiB"

# ---- 2. Kafka's own end-to-end latency ---------------------------------------------------------------------------
bench_java org.apache.kafka.tools.EndToEndLatency "$BOOTSTRAP" bench.e2e-latency 2000 all 512 2>/dev/null \
  | grep -i "avg\|percentile" | sed 's/^/kafka EndToEndLatency: /' | tee -a "$OUT"

# ---- 3. the pipeline ------------------------------------------------------------------------------------------------
pipeline "$LOW" "$DURATION" "empty-${LOW}/s"
pipeline "$HIGH" "$DURATION" "empty-${HIGH}/s"
say "resident memory of all JVMs after the throughput run: $(rss_total) MiB"

# ---- 4. the window ----------------------------------------------------------------------------------------------------
java -cp "petition-service/target/test-classes:petition-service/target/classes:$(cat bench/.work/petition-cp.txt)" \
  org.tanchang.grid.petition.bench.WindowPromiseBenchmark "$GATEWAY" "$(token clerk.lichuan)" 2>&1 \
  | grep -v ' WARN \| INFO \|DEBUG' | sed 's/^/window: /' | tee -a "$OUT"

# ---- 5. the gateway against nginx ------------------------------------------------------------------------------------
if [ -x bench/gateway.sh ] && command -v wrk >/dev/null && command -v nginx >/dev/null; then
  bench/gateway.sh 2>&1 | tee -a "$OUT"
else
  say "gateway vs nginx: skipped (needs bench/gateway.sh, wrk and nginx-light)"
fi

# ---- 6. growth --------------------------------------------------------------------------------------------------------
if [ "$GROWTH" -gt 0 ]; then
  bench_java org.tanchang.grid.benchmarks.GrowthSeeder "$MONGO" grid.patrol_reports "$GROWTH" 365 \
    case.incidents "$GROWTH" 3 | tee -a "$OUT"
  ./run.sh stop >/dev/null
  grown=$(start_timed)
  say "start to all-healthy on the grown stores (indexes rebuilt): ${grown} s"
  # the first sweep runs after its initial delay; wait for its line in case-service's log
  for _ in $(seq 1 120); do grep -q "Deadline sweep raised" "$RUN_DIR/logs/case-service.log" && break; sleep 1; done
  grep "Deadline sweep raised" "$RUN_DIR/logs/case-service.log" | head -1 | sed 's/.*Deadline/first deadline sweep over the grown store: Deadline/' | tee -a "$OUT"
  BENCH_MONGODB_URI="$MONGO" java -cp "case-service/target/test-classes:case-service/target/classes:$(cat bench/.work/case-cp.txt)" \
    org.tanchang.grid.cases.incident.DeadlineSweepBenchmark 100000 2>&1 | grep -v ' WARN \| INFO \|DEBUG' \
    | sed 's/^/sweep benchmark: /' | tee -a "$OUT"
  pipeline "$LOW" "$DURATION" "grown-${LOW}/s"
  pipeline "$HIGH" "$DURATION" "grown-${HIGH}/s"
fi
./run.sh stop >/dev/null

echo
echo "== summary ($OUT) =="
grep "^RESULT\|cold start\|resident\|kafka EndToEnd\|window: first\|window:.*p50\|grown stores\|sweep" "$OUT" || true
