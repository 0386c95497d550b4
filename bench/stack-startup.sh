#!/usr/bin/env bash
# Measures what the README promises about the local stack, on this machine:
#   - the wall-clock time of `./shopflow up -d` until every service is ready (jars already built):
#     once as the first start after a build (jars not yet extracted, no start-up caches), then RUNS times as
#     every later start (with the start-up caches recorded in the background during the first one, on JDK 25+);
#   - the resident memory (RSS) of every JVM of the stack once all are ready, and after a short warm-up of
#     requests through the gateway.
# Usage: bench/stack-startup.sh [RUNS]   (default 3; the stack must not be running)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
case "${1:-}" in
  -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
[ $# -le 1 ] && [[ "${1:-3}" =~ ^[1-9][0-9]*$ ]] || {
  echo "Usage: bench/stack-startup.sh [RUNS]   (RUNS: how many later starts to time, a positive whole number; default 3)" >&2
  exit 2
}
runs="${1:-3}"
state="${SHOPFLOW_STATE_DIR:-.shopflow}"

if ./shopflow status 2>/dev/null | grep -q 'launcher  *pid'; then
  echo "Stop the running stack first (./shopflow down)." >&2
  exit 1
fi
./shopflow status >/dev/null   # builds the launcher if needed

rss_table() { # prints one line per process and the total, in MB
  local total=0 name pid rss
  for file in "$state"/run/*.pid; do
    name="$(basename "$file" .pid)"
    pid="$(cut -d' ' -f1 "$file")"
    rss="$(ps -o rss= -p "$pid" 2>/dev/null | tr -d ' ')"
    [ -n "$rss" ] || continue
    total=$((total + rss))
    printf '    %-16s %5d MB\n' "$name" $((rss / 1024))
  done
  printf '    %-16s %5d MB\n' "total" $((total / 1024))
}

timed_up() { # label
  local began ended output
  began=$(date +%s%N)
  output="$(./shopflow up -d)"
  ended=$(date +%s%N)
  echo "$1: ./shopflow up -d returned after $(( (ended - began) / 1000000 )) ms;" \
    "launcher: $(grep -o 'Shopflow is ready in [0-9.]* s' <<<"$output")"
}

# As after a build: the launcher extracts each jar again and has no start-up cache for it (both live in the state
# folder's app/, ServiceImages).
rm -rf "$state/app"
timed_up "first start after a build"
if grep -q 'recording start-up caches' "$state/logs/launcher.log"; then
  echo "  waiting for the start-up caches to be recorded …"
  until grep -qE 'caches recorded|could not record|no start-up cache' "$state/logs/launcher.log"; do sleep 2; done
  grep -E 'caches recorded|no start-up cache' "$state/logs/launcher.log" | sed 's/^ */  /'
fi
./shopflow down >/dev/null

for run in $(seq 1 "$runs"); do
  timed_up "later start $run"
  echo "  RSS when ready:"
  rss_table
  for _ in $(seq 1 100); do
    for path in /.well-known/jwks.json /api/catalog/products /api/orders /api/payments /api/auth/me /api/cart; do
      curl -s -o /dev/null "http://localhost:${SHOPFLOW_GATEWAY_PORT:-8080}$path"
    done
  done
  echo "  RSS after 600 requests through the gateway:"
  rss_table
  ./shopflow down >/dev/null
done
