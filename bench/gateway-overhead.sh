#!/usr/bin/env bash
# What the gateway costs: in one run, the same k6 load (VUS users sending back to back) against the gateway and
# against nginx proxying to the same upstream services with keep-alive, for the catalog's product list and the JWKS
# document, in alternating rounds; prints each throughput, p95 and the ratio gateway / nginx. The stack must be running
# (./shopflow up -d); this script starts nginx on a free port and stops it at the end.
#
# Prerequisite: nginx (Debian/Ubuntu: sudo apt-get install nginx, or nginx-light). Run as root without it, the script
# installs it with apt-get.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"

usage() {
  cat <<'USAGE'
Usage: bench/gateway-overhead.sh [--duration D] [--vus N] [--rounds N] [--warmup D]

  --duration D   each measurement, k6 style (default 15s)
  --vus N        concurrent users, each sending its next request when the answer came (default 16)
  --rounds N     gateway and nginx measured alternately N times per route, so that noise on the machine shows as the
                 spread between rounds (default 2)
  --warmup D     unmeasured load on both first, so that the JVMs have compiled the path (default 10s; 0 skips it)

Routes: GET /api/catalog/products?size=20 (catalog-service) and GET /.well-known/jwks.json (auth-service), anonymous.
Honours SHOPFLOW_GATEWAY_PORT, SHOPFLOW_CATALOG_SERVICE_PORT and SHOPFLOW_AUTH_SERVICE_PORT as ./shopflow does.
k6 is taken from $K6, else the PATH, else ../shared/bin/k6.
Run time: about 2 × (warm-up) + rounds × 2 routes × 2 targets × duration (default ≈ 2 min 20 s).
The gateway rate-limits anonymous requests per client address (1000/s, burst 2000 by default): a 429 fails the run;
start the stack with GATEWAY_RATE_LIMIT_REQUESTS=100000 GATEWAY_RATE_LIMIT_BURST=200000 to measure beyond it.
USAGE
}

duration=15s vus=16 rounds=2 warmup=10s
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --vus) vus="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$vus" =~ ^[1-9][0-9]*$ && "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "--vus and --rounds are positive whole numbers" >&2; exit 2; }

gateway="http://127.0.0.1:${SHOPFLOW_GATEWAY_PORT:-8080}"
catalog="127.0.0.1:${SHOPFLOW_CATALOG_SERVICE_PORT:-8082}"
auth="127.0.0.1:${SHOPFLOW_AUTH_SERVICE_PORT:-8081}"

if [ -n "${K6:-}" ]; then k6="$K6"
elif command -v k6 >/dev/null 2>&1; then k6="$(command -v k6)"
elif [ -x "$ROOT/../shared/bin/k6" ]; then k6="$(cd "$ROOT/../shared/bin" && pwd)/k6"
else echo "k6 not found (\$K6, the PATH, ../shared/bin/k6): see load-tests/README.md#installing-k6" >&2; exit 2
fi

nginx_binary="$(command -v nginx || true)"
[ -z "$nginx_binary" ] && [ -x /usr/sbin/nginx ] && nginx_binary=/usr/sbin/nginx
if [ -z "$nginx_binary" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing nginx (apt-get) …"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx > /dev/null
    nginx_binary=/usr/sbin/nginx
  else
    echo "nginx is needed: sudo apt-get install nginx (Debian/Ubuntu), brew install nginx (macOS)" >&2
    exit 2
  fi
fi

if ! curl -sf -o /dev/null "$gateway/.well-known/jwks.json" || ! curl -sf -o /dev/null "http://$catalog/api/catalog/products?size=1" \
    || ! curl -sf -o /dev/null "http://$auth/.well-known/jwks.json"; then
  echo "The stack is not answering at $gateway, $catalog and $auth: start it first (./shopflow up -d, same environment)." >&2
  exit 2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/shopflow-gateway-overhead.XXXXXX")"
nginx_pid=""
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo 28999)"
mkdir -p "$work/logs"
# As close to the gateway's job as a plain proxy gets: HTTP/1.1 to the services over kept-alive connections, the
# client address forwarded, no caching, no access log (the gateway writes none either).
cat > "$work/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/body;
  proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi;
  scgi_temp_path $work/scgi;
  upstream catalog { server $catalog; keepalive 32; }
  upstream auth { server $auth; keepalive 32; }
  server {
    listen 127.0.0.1:$port;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host \$host;
    proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    proxy_buffering off;
    location /api/catalog/ { proxy_pass http://catalog; }
    location = /.well-known/jwks.json { proxy_pass http://auth; }
  }
}
NGINX
"$nginx_binary" -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 1 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/.well-known/jwks.json" && break; sleep 0.1; done
curl -sf -o /dev/null "http://127.0.0.1:$port/.well-known/jwks.json" || { echo "nginx did not start:" >&2; cat "$work/logs/error.log" >&2; exit 1; }
nginx="http://127.0.0.1:$port"

state="${SHOPFLOW_STATE_DIR:-.shopflow}"
case "$state" in /*) ;; *) state="$ROOT/$state" ;; esac
gateway_pid="$(cut -d' ' -f1 "$state/run/gateway.pid" 2>/dev/null || true)"
[ -n "$gateway_pid" ] && [ -r "/proc/$gateway_pid/stat" ] || gateway_pid=""

cpu_ticks() { # pids... -> their CPU time (user + system) in clock ticks, summed
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat")))
  done
  echo "$total"
}

proxy_pids() { # target -> the processes doing its work: the gateway's JVM, or nginx's master and workers
  if [ "$1" = "$gateway" ]; then echo "$gateway_pid"; else echo "$nginx_pid $(pgrep -P "$nginx_pid" | tr '\n' ' ')"; fi
}

measure() { # target route duration -> "requests/s p95_ms failed_share proxy_cpu_ms_per_request"
  local summary="$work/summary.json" pids before after
  pids="$(proxy_pids "$1")"
  # shellcheck disable=SC2086  # a list of pids
  before="$(cpu_ticks $pids)"
  "$k6" run --quiet --no-color --address "" --summary-export "$summary" --summary-trend-stats "med,p(95)" \
    -e TARGET="$1" -e ROUTE="$2" -e VUS="$vus" -e DURATION="$3" "$ROOT/bench/gateway-overhead.js" > "$work/k6.log" 2>&1 || true
  # shellcheck disable=SC2086
  after="$(cpu_ticks $pids)"
  jq -r --argjson ticks "$((after - before))" --argjson hz "$(getconf CLK_TCK)" \
    '"\(.metrics.http_reqs.rate) \(.metrics.http_req_duration["p(95)"]) \(.metrics.http_req_failed.value) \(if .metrics.http_reqs.count > 0 then $ticks * 1000 / $hz / .metrics.http_reqs.count else 0 end)"' "$summary"
}

routes=("/api/catalog/products?size=20" "/.well-known/jwks.json")
names=("catalog list" "JWKS")
echo "Gateway overhead: $gateway vs nginx $($nginx_binary -v 2>&1 | sed 's/.*\///') at $nginx, $vus VUs, $duration per measurement, $rounds rounds"
echo "  k6: $k6"
if [ "$warmup" != 0 ]; then
  echo "  warming up ($warmup per route and target, unmeasured) …"
  for route in "${routes[@]}"; do measure "$gateway" "$route" "$warmup" > /dev/null; measure "$nginx" "$route" "$warmup" > /dev/null; done
fi

failed=0
printf '\n  %-13s %5s %14s %8s %8s %14s %8s %8s %7s\n' route round "gateway req/s" "p95 ms" "CPU ms" "nginx req/s" "p95 ms" \
  "CPU ms" ratio
for i in "${!routes[@]}"; do
  ratios=()
  for round in $(seq 1 "$rounds"); do
    read -r g_rate g_p95 g_failed g_cpu < <(measure "$gateway" "${routes[$i]}" "$duration")
    read -r n_rate n_p95 n_failed n_cpu < <(measure "$nginx" "${routes[$i]}" "$duration")
    ratio="$(awk -v g="$g_rate" -v n="$n_rate" 'BEGIN { printf "%.2f", (n > 0 ? g / n : 0) }')"
    ratios+=("$ratio")
    printf '  %-13s %5d %14.0f %8.1f %8.3f %14.0f %8.1f %8.3f %7s\n' "${names[$i]}" "$round" "$g_rate" "$g_p95" "$g_cpu" \
      "$n_rate" "$n_p95" "$n_cpu" "$ratio"
    if awk -v a="$g_failed" -v b="$n_failed" 'BEGIN { exit !(a > 0 || b > 0) }'; then
      echo "    failed requests: gateway $(awk -v a="$g_failed" 'BEGIN { print a * 100 }') %, nginx $(awk -v b="$n_failed" 'BEGIN { print b * 100 }') % (a 429 is the rate limit: see --help)"
      failed=1
    fi
  done
  printf '  %-13s ratio gateway / nginx: %s (target ≥ 0.80)\n' "${names[$i]}" "$(printf '%s ' "${ratios[@]}")"
done
echo "CPU ms: the proxy's own CPU time (user + system, from /proc) per request answered — the gateway's JVM$( \
  [ -z "$gateway_pid" ] && echo " (not found under $state/run: 0)"), nginx's master and workers; a busy machine inflates the"
echo "  ratio of throughputs far more than this figure, which is what the proxy itself costs."
echo "Load average: $(cut -d' ' -f1-3 /proc/loadavg) (k6, nginx and the stack share the machine's cores)"
exit "$failed"
