#!/usr/bin/env bash
# The gateway against nginx (issue 17, target 3), measured with wrk in one run against a RUNNING suite:
#  1. starts Debian's nginx (nginx-light, /usr/sbin/nginx) as a plain reverse proxy to the SAME service instances the
#     gateway routes to (the first instance of petition-service and grid-service): a config generated in a temp
#     folder, HTTP/1.1 keep-alive to the upstream, its own prefix, pid and logs, not a daemon; stopped at the end;
#  2. for (a) the public catalogue GET /api/service-items (petition-service, no token) and (b) the authenticated
#     GET /api/areas (grid-service, a real member's token from auth-server/user-token.sh; nginx only forwards the
#     Authorization header, the gateway checks it): the maximum throughput with wrk (WRK_CONNECTIONS 32, 2 threads,
#     DURATION s after a WARMUP s warm-up) direct to the service, via nginx and via the gateway;
#  3. the latency at half of nginx's maximum rate on each path: Debian's wrk has no -R, so a Lua script paces each
#     connection with wrk's delay() (a mean per-connection gap, randomised between whole milliseconds); a short
#     calibration run first corrects the gap for the path's own latency, and the table shows the rate achieved;
#  4. prints a table: direct / nginx / gateway req/s, gateway/nginx, p50 of each path at the paced rate, and the p50
#     the gateway adds over direct.
# Start the suite with the gateway's rate limits off, or the gateway answers 429s: GATEWAY_RATE_LIMIT_ENABLED=false
# ./run.sh start (the script refuses to measure when a path answers anything but 200). Ports come from the same
# variables as run.sh (GATEWAY_PORT, PETITION_SERVICE_PORT, GRID_SERVICE_PORT, AUTH_SERVER_PORT); NGINX_PORT (default
# GATEWAY_PORT + 10) must be free. nginx keeps its access log (to the temp folder), as the gateway keeps its own.
# Needs wrk and nginx-light (apt-get install wrk nginx-light). Not part of the test command; takes about
# 2 x 3 x (WARMUP + DURATION + CALIBRATE + DURATION) seconds.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

GATEWAY_PORT="${GATEWAY_PORT:-8080}"
PETITION_SERVICE_PORT="${PETITION_SERVICE_PORT:-8084}"
GRID_SERVICE_PORT="${GRID_SERVICE_PORT:-8081}"
AUTH_SERVER_PORT="${AUTH_SERVER_PORT:-9000}"
NGINX_PORT="${NGINX_PORT:-$((GATEWAY_PORT + 10))}"
NGINX="${NGINX:-/usr/sbin/nginx}"
CONNECTIONS="${WRK_CONNECTIONS:-32}"
THREADS="${WRK_THREADS:-2}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-5}"
CALIBRATE="${CALIBRATE:-5}"
BENCH_USER="${BENCH_USER:-member.yangjia}"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -x "$NGINX" ] || { echo "$NGINX is missing: apt-get install nginx-light" >&2; exit 1; }

WORK="$(mktemp -d)"
NGINX_PID=""
cleanup() {
  if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
    kill -QUIT "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# ---- nginx: a plain reverse proxy, one location per service, keep-alive connections to the upstream --------------
mkdir -p "$WORK/logs"
cat >"$WORK/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log $WORK/logs/access.log;
  upstream petition { server 127.0.0.1:$PETITION_SERVICE_PORT; keepalive 64; }
  upstream grid { server 127.0.0.1:$GRID_SERVICE_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host \$host;
    location /api/service-items { proxy_pass http://petition; }
    location /api/areas { proxy_pass http://grid; }
  }
}
EOF
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/" && break; sleep 0.1; done

# ---- a real member's token, signed in through the login form as the app does -------------------------------------
TOKEN=$(AUTH="http://localhost:$AUTH_SERVER_PORT" auth-server/user-token.sh "$BENCH_USER" \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p') || true
[ -n "$TOKEN" ] || { echo "no token for $BENCH_USER from the auth server on port $AUTH_SERVER_PORT" >&2; exit 1; }

# ---- wrk scripts: one result line per run (requests, duration, latency percentiles in us, non-2xx and errors) ----
cat >"$WORK/report.lua" <<'EOF'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
EOF
# Paced: each connection waits GAP_MS (mean, a fraction made of whole milliseconds at random) after each answer.
cat >"$WORK/paced.lua" <<'EOF'
local gap = tonumber(os.getenv("GAP_MS"))
local low = math.floor(gap)
local frac = gap - low
init = function(args) math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16)) end
delay = function() if math.random() < frac then return low + 1 end return low end
EOF
cat "$WORK/report.lua" >>"$WORK/paced.lua"

# run_wrk URL SECONDS CONNECTIONS SCRIPT [header]: "req/s p50_us p99_us non2xx errors"
run_wrk() {
  local url="$1" seconds="$2" connections="$3" script="$4" header="${5:-}" out
  local args=(-t"$THREADS" -c"$connections" -d"${seconds}s" -s "$script")
  [ -n "$header" ] && args+=(-H "$header")
  out=$(wrk "${args[@]}" "$url" | awk '/^RESULT/ {print}')
  awk -v line="$out" 'BEGIN { split(line, f, " ");
    printf "%.0f %d %d %d %d\n", f[2] / (f[3] / 1e6), f[4], f[5], f[6], f[7] }'
}

declare -A URL
URL[public,direct]="http://127.0.0.1:$PETITION_SERVICE_PORT/api/service-items"
URL[public,nginx]="http://127.0.0.1:$NGINX_PORT/api/service-items"
URL[public,gateway]="http://127.0.0.1:$GATEWAY_PORT/api/service-items"
URL[auth,direct]="http://127.0.0.1:$GRID_SERVICE_PORT/api/areas"
URL[auth,nginx]="http://127.0.0.1:$NGINX_PORT/api/areas"
URL[auth,gateway]="http://127.0.0.1:$GATEWAY_PORT/api/areas"
declare -A NAME=([public]="GET /api/service-items (public)" [auth]="GET /api/areas (token)")
PATHS=(direct nginx gateway)

header_of() { [ "$1" = auth ] && echo "Authorization: Bearer $TOKEN" || echo ""; }

for endpoint in public auth; do
  for path in "${PATHS[@]}"; do
    auth=(); [ "$endpoint" = auth ] && auth=(-H "$(header_of auth)")
    code=$(curl -s -o /dev/null -w '%{http_code}' ${auth[@]+"${auth[@]}"} "${URL[$endpoint,$path]}" || true)
    [ "$code" = 200 ] || { echo "${URL[$endpoint,$path]} answers $code, not 200: is the suite up (rate limits off)?" >&2; exit 1; }
  done
done

echo "gateway.sh: $CONNECTIONS connections, $THREADS threads, ${WARMUP}s warm-up + ${DURATION}s per run; nginx $("$NGINX" -v 2>&1 | sed 's/.*\///'), $(wrk -v 2>&1 | head -1 | cut -d' ' -f2), $(nproc) cores, $(date -u +%FT%TZ)"
declare -A RPS P50 P99 RATE BAD
for endpoint in public auth; do
  header="$(header_of "$endpoint")"
  for path in "${PATHS[@]}"; do
    run_wrk "${URL[$endpoint,$path]}" "$WARMUP" "$CONNECTIONS" "$WORK/report.lua" "$header" >/dev/null
    read -r rps _ _ non2xx errors < <(run_wrk "${URL[$endpoint,$path]}" "$DURATION" "$CONNECTIONS" "$WORK/report.lua" "$header")
    RPS[$endpoint,$path]=$rps; BAD[$endpoint,$path]=$((non2xx + errors))
    echo "  max  $endpoint $path: $rps req/s (non-2xx $non2xx, errors $errors)"
  done
  # half of nginx's maximum, paced: gap per connection = connections / rate, less the path's own latency
  # wrk's timers tick in whole milliseconds: enough connections that each waits >= 10 ms between its requests
  target=$(( RPS[$endpoint,nginx] / 2 ))
  paced=$(( target / 100 > CONNECTIONS ? target / 100 : CONNECTIONS )); [ "$paced" -le 1000 ] || paced=1000
  for path in "${PATHS[@]}"; do
    gap=$(awk -v c="$paced" -v r="$target" 'BEGIN { printf "%.3f", c * 1000 / r }')
    read -r rate p50 _ _ _ < <(GAP_MS=$gap run_wrk "${URL[$endpoint,$path]}" "$CALIBRATE" "$paced" "$WORK/paced.lua" "$header")
    gap=$(awk -v c="$paced" -v r="$target" -v got="$rate" -v g="$gap" \
      'BEGIN { l = c * 1000 / got - g; if (l < 0) l = 0; g2 = c * 1000 / r - l; if (g2 < 0) g2 = 0; printf "%.3f", g2 }')
    read -r rate p50 p99 non2xx errors < <(GAP_MS=$gap run_wrk "${URL[$endpoint,$path]}" "$DURATION" "$paced" "$WORK/paced.lua" "$header")
    RATE[$endpoint,$path]=$rate; P50[$endpoint,$path]=$p50; P99[$endpoint,$path]=$p99
    BAD[$endpoint,$path]=$((BAD[$endpoint,$path] + non2xx + errors))
    echo "  paced $endpoint $path ($paced connections): target $target/s, achieved $rate/s, p50 ${p50} us, p99 ${p99} us"
  done
done

echo
printf '| %-31s | %13s | %12s | %14s | %15s | %-26s | %-29s | %11s |\n' endpoint "direct req/s" "nginx req/s" \
  "gateway req/s" "gateway / nginx" "paced rate (d/n/g req/s)" "p50 direct / nginx / gateway" "added p50"
printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$(printf -- '-%.0s' {1..31})" "$(printf -- '-%.0s' {1..13})" \
  "$(printf -- '-%.0s' {1..12})" "$(printf -- '-%.0s' {1..14})" "$(printf -- '-%.0s' {1..15})" \
  "$(printf -- '-%.0s' {1..26})" "$(printf -- '-%.0s' {1..29})" "$(printf -- '-%.0s' {1..11})"
for endpoint in public auth; do
  awk -v name="${NAME[$endpoint]}" -v d="${RPS[$endpoint,direct]}" -v n="${RPS[$endpoint,nginx]}" -v g="${RPS[$endpoint,gateway]}" \
    -v rd="${RATE[$endpoint,direct]}" -v rn="${RATE[$endpoint,nginx]}" -v rg="${RATE[$endpoint,gateway]}" \
    -v pd="${P50[$endpoint,direct]}" -v pn="${P50[$endpoint,nginx]}" -v pg="${P50[$endpoint,gateway]}" 'BEGIN {
      printf "| %-31s | %13d | %12d | %14d | %14.2fx | %-26s | %-29s | %8.2f ms |\n", name, d, n, g, g / n,
        sprintf("%d / %d / %d", rd, rn, rg), sprintf("%.2f / %.2f / %.2f ms", pd / 1000, pn / 1000, pg / 1000),
        (pg - pd) / 1000 }'
done
bad=0; for v in "${BAD[@]}"; do bad=$((bad + v)); done
[ "$bad" = 0 ] || echo "WARNING: $bad answers were not 2xx or failed (see the lines above); the figures above count them"
