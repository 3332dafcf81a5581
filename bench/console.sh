#!/usr/bin/env bash
# The console in a real browser (issue 19's performance target), with Debian's chromium + chromedriver, headless:
#  1. signs in as supervisor.county through the real login (console → auth server's form → back), and reads the
#     first contentful paint and the screen's mark console:map-ready (the grids and their figures drawn), after the
#     sign-in and after a reload;
#  2. adds 1,000 grids (GRIDS) in a township of their own (621223199 基准测试镇, BENCH_TOWNSHIP), through the API
#     as supervisor.county, only those still missing, so a second run writes nothing and the demo stays as it was;
#  3. reloads and drags the map with the mouse for PAN_SECONDS while the page counts frame intervals with
#     requestAnimationFrame; prints FCP, map-ready, grids drawn, frames, p50/p95/max interval and frames over 50 ms.
# Runs against the suite on GATEWAY_PORT when it answers; otherwise starts one in its own run and data folders
# (bench/.work/console, the ports must be free) and stops it at the end. Prints figures, asserts none.
# Not part of the test command. Needs chromium and chromium-driver (apt-get install chromium chromium-driver).
# BENCH_SCREENSHOT=/tmp/map.png keeps a screenshot of the map with the benchmark's grids.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
GATEWAY_PORT="${GATEWAY_PORT:-8080}"
AUTH_SERVER_PORT="${AUTH_SERVER_PORT:-9000}"
GRIDS="${GRIDS:-1000}"
PAN_SECONDS="${PAN_SECONDS:-5}"
GATEWAY="http://localhost:$GATEWAY_PORT"
WORK="$ROOT/bench/.work/console"

for tool in "${CHROME_BIN:-/usr/bin/chromium}" "${CHROMEDRIVER:-/usr/bin/chromedriver}"; do
  [ -x "$tool" ] || { echo "$tool is missing: apt-get install chromium chromium-driver" >&2; exit 1; }
done

mkdir -p "$WORK"
STARTED=""
if [ "$(curl -s -o /dev/null -w '%{http_code}' "$GATEWAY/console/" || true)" != 200 ]; then
  echo "no console at $GATEWAY/console/: starting a suite of our own (run and data in $WORK)"
  export RUN_DIR="$WORK/run" DATA_DIR="$WORK/data"
  ./run.sh start >/dev/null
  STARTED=1
fi
stop_suite() { [ -z "$STARTED" ] || ./run.sh stop >/dev/null; }
trap stop_suite EXIT

./mvnw -B -q -DskipTests compile -pl benchmarks -am
./mvnw -B -q dependency:build-classpath -pl benchmarks -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null

# supervisor.county's token for the API calls (the browser signs in by itself through the login form)
BENCH_TOKEN=$(AUTH="http://localhost:$AUTH_SERVER_PORT" auth-server/user-token.sh supervisor.county \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p') || true
[ -n "$BENCH_TOKEN" ] || { echo "no token for supervisor.county from the auth server on port $AUTH_SERVER_PORT" >&2; exit 1; }
export BENCH_TOKEN
java -cp "benchmarks/target/classes:$(cat "$WORK/classpath.txt")" \
  org.tanchang.grid.benchmarks.console.ConsoleMapBenchmark "$GATEWAY" "$GRIDS" "$PAN_SECONDS" 2>&1 \
  | grep -v ' WARN \| INFO \|^WARNING: \|^SLF4J'
