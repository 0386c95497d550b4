#!/usr/bin/env bash
# Capacity of the checkout saga on a running stack (./shopflow up -d): buy-now orders (or whole checkout funnels)
# arriving at one constant rate, driven by k6 with the load suite's capacity scenario (load-tests/capacity.js,
# STEPS=1). Prints confirmed orders/s, place→confirmed p50/p95/p99, the CPU seconds each process of the stack spent
# per confirmed order (read from /proc: the launcher with its in-process Kafka broker, every service, and the
# PostgreSQL backends serving the stack's databases) and the stack's resident memory.
#
# It measures a WARM stack: a warm-up run at half the rate comes first (--warmup 0 skips it), then the script waits
# until the stack is quiet again before the measured run. Run `bench/capacity.sh --help` for the options.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"

usage() {
  cat <<'USAGE'
Usage: bench/capacity.sh [--rate N] [--duration D] [--warmup D] [--vus N] [--checkout buy-now|funnel] [--profile]

  --rate N          orders arriving per second, constant (default 20)
  --duration D      how long the measured load lasts, k6 style: 60s, 2m (default 60s)
  --warmup D        an unmeasured run at half the rate first, so the JVMs have compiled the hot path (default 30s;
                    0 skips it: then the figures are those of whatever state the stack is in)
  --vus N           k6's virtual users at most, one signed-up customer each (default 100)
  --checkout MODE   buy-now: POST /api/orders with one product, then follow the order (default);
                    funnel: catalog list, search, product pages, cart, then checkout (about 9 requests an order)
  --profile         record a JFR profile of every service during the measured run and write a text summary (hot
                    methods, allocations, GC) per service beside the results

The stack must be running (./shopflow up -d) with the same environment: SHOPFLOW_STATE_DIR, SHOPFLOW_GATEWAY_PORT
and SHOPFLOW_DATABASE_SUFFIX are honoured. k6 is taken from $K6, else the PATH, else ../shared/bin/k6.
Results go to $SHOPFLOW_STATE_DIR/bench/<time>-capacity/ (k6's log and summary, the CPU samples, profiles).
Run time: setup (signing up the customers, ~10-30 s) twice, the warm-up, at most 60 s waiting for quiet, the
duration, and at most 40 s for the last orders to finish; each k6 run is cut after its duration + 3 minutes.
Exit status: 0 when every order placed was confirmed, without a failed request; 1 otherwise; 2 for bad usage.
USAGE
}

rate=20 duration=60s warmup=30s vus=100 checkout=buy-now profile=false
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --vus) vus="$2"; shift 2 ;;
    --checkout) checkout="$2"; shift 2 ;;
    --profile) profile=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$rate" =~ ^[1-9][0-9]*$ ]] || { echo "--rate must be a positive whole number" >&2; exit 2; }
[[ "$vus" =~ ^[1-9][0-9]*$ ]] || { echo "--vus must be a positive whole number" >&2; exit 2; }
[[ "$checkout" == buy-now || "$checkout" == funnel ]] || { echo "--checkout is buy-now or funnel" >&2; exit 2; }

seconds_of() { # a k6 duration (90s, 2m, 1m30s, 0) in whole seconds
  local rest="$1" total=0 number unit
  [ "$rest" = 0 ] && { echo 0; return; }
  while [[ "$rest" =~ ^([0-9]+)(s|m|h)(.*)$ ]]; do
    number="${BASH_REMATCH[1]}" unit="${BASH_REMATCH[2]}" rest="${BASH_REMATCH[3]}"
    case "$unit" in s) total=$((total + number)) ;; m) total=$((total + number * 60)) ;; h) total=$((total + number * 3600)) ;; esac
  done
  [ -z "$rest" ] && [ "$total" -gt 0 ] || { echo "not a duration: $1 (use 60s, 2m, 1m30s)" >&2; exit 2; }
  echo "$total"
}
duration_s="$(seconds_of "$duration")"
warmup_s="$(seconds_of "$warmup")"

# ---- the stack, k6 -------------------------------------------------------------------------------------------
state="${SHOPFLOW_STATE_DIR:-.shopflow}"
case "$state" in /*) ;; *) state="$ROOT/$state" ;; esac
gateway="http://127.0.0.1:${SHOPFLOW_GATEWAY_PORT:-8080}"
suffix="${SHOPFLOW_DATABASE_SUFFIX:-}"

find_k6() {
  if [ -n "${K6:-}" ]; then
    [ -x "$K6" ] || { echo "K6=$K6 is not a runnable k6 binary" >&2; exit 2; }
    echo "$K6"
  elif command -v k6 >/dev/null 2>&1; then
    command -v k6
  elif [ -x "$ROOT/../shared/bin/k6" ]; then
    echo "$(cd "$ROOT/../shared/bin" && pwd)/k6"
  else
    echo "k6 not found (\$K6, the PATH, ../shared/bin/k6): see load-tests/README.md#installing-k6" >&2
    exit 2
  fi
}
k6="$(find_k6)"

stack_processes() { # "name pid" for every live process the launcher recorded
  local file name pid
  for file in "$state"/run/*.pid; do
    [ -f "$file" ] || continue
    name="$(basename "$file" .pid)"
    pid="$(cut -d' ' -f1 "$file")"
    [ -d "/proc/$pid" ] && echo "$name $pid"
  done
}
if [ -z "$(stack_processes)" ] || ! curl -sf -o /dev/null "$gateway/api/catalog/categories"; then
  echo "No running stack at $gateway with its state in $state: start it first (./shopflow up -d, same environment)." >&2
  exit 2
fi

out="$state/bench/$(date -u +%Y%m%d-%H%M%S)-capacity"
mkdir -p "$out"
ticks="$(getconf CLK_TCK)"

# ---- CPU and memory from /proc -----------------------------------------------------------------------------------
# One sample: "name pid cpu_ticks" for every stack process, and "postgres pid cpu_ticks" for every PostgreSQL backend
# connected to one of the stack's databases (titled "postgres: [CLUSTER:] USER DATABASE HOST(PORT) STATE").
cpu_sample() {
  local name pid
  while read -r name pid; do
    [ -r "/proc/$pid/stat" ] || continue
    echo "$name $pid $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat")"
  done < <(stack_processes)
  ps -eo pid=,args= | awk -v suffix="$suffix" '
    $2 == "postgres:" { # Debian names the cluster first: "postgres: 15/main: USER DATABASE ..."
      for (i = 4; i <= 5; i++) if ($i == "auth" suffix || $i == "catalog" suffix || $i == "orders" suffix || $i == "payments" suffix) { print $1; break } }' |
    while read -r pid; do
      [ -r "/proc/$pid/stat" ] && echo "postgres $pid $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat")"
    done
}

cpu_by_process() { # before-file after-file -> "name seconds", a process missing from "before" counted from 0
  awk -v ticks="$ticks" 'NR == FNR { before[$2] = $3; next }
    { used[$1] += $3 - (($2 in before) ? before[$2] : 0) }
    END { for (name in used) printf "%s %.3f\n", name, used[name] / ticks }' "$1" "$2" | sort
}

rss_mb() { # the stack's resident memory: launcher (with Kafka) and every service
  local total=0 name pid rss
  while read -r name pid; do
    rss="$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)"
    total=$((total + ${rss:-0}))
  done < <(stack_processes)
  echo $((total / 1024))
}

wait_for_quiet() { # until the stack used under a quarter of a core over 2 s (a warm-up's queue has drained), 60 s at most
  local waited=0 before after busy
  while [ "$waited" -lt 60 ]; do
    cpu_sample > "$out/quiet-before"
    sleep 2
    cpu_sample > "$out/quiet-after"
    busy="$(cpu_by_process "$out/quiet-before" "$out/quiet-after" | awk '{ s += $2 } END { printf "%d", s * 100 / 2 }')"
    waited=$((waited + 2))
    [ "$busy" -lt 25 ] && { rm -f "$out"/quiet-*; return; }
  done
  rm -f "$out"/quiet-*
  echo "  (the stack was still busy after 60 s: ${busy} % of a core)"
}

# ---- k6 ------------------------------------------------------------------------------------------------------------
run_k6() { # label rate duration -> k6's exit status; files under $out/label.*
  local label="$1" run_rate="$2" run_duration="$3" status=0
  timeout "$(( $(seconds_of "$run_duration") + 180 ))" "$k6" run --quiet --no-color --address "" \
    --console-output "$out/$label.console.log" \
    --summary-export "$out/$label.summary.json" \
    --summary-trend-stats "avg,min,med,max,p(90),p(95),p(99),count" \
    -e SHOPFLOW_URL="$gateway" -e RATE="$run_rate" -e STEPS=1 -e DURATION="$run_duration" -e VUS="$vus" \
    -e CHECKOUT="$checkout" -e CAPACITY_P95_MS=300 \
    "$ROOT/load-tests/capacity.js" > "$out/$label.k6.log" 2>&1 || status=$?
  return "$status"
}

echo "Capacity: $checkout orders at $rate/s for $duration against $gateway (results in $out)"
echo "  k6: $k6"

if [ "$warmup_s" -gt 0 ]; then
  warm_rate=$(( rate / 2 > 0 ? rate / 2 : 1 ))
  echo "  warming up: $warmup at $warm_rate/s (unmeasured) …"
  run_k6 warm-up "$warm_rate" "$warmup" || echo "  (the warm-up's thresholds failed: see $out/warm-up.k6.log)"
  wait_for_quiet
fi

# The stack's own background work (outbox relays, sweeps, Kafka, health checks) over 5 s of no load.
cpu_sample > "$out/idle-before"; sleep 5; cpu_sample > "$out/idle-after"
cpu_by_process "$out/idle-before" "$out/idle-after" > "$out/idle-cpu.txt"
rss_before="$(rss_mb)"

echo "  measured run: signing up $vus customers, then $rate orders/s for $duration …"
run_k6 measured "$rate" "$duration" &
k6_job=$!
# The CPU is counted from the end of k6's setup (its console line) to k6's end, which includes following the last
# orders to CONFIRMED (the saga's work for orders placed during the load).
until grep -q 'the load starts' "$out/measured.console.log" 2>/dev/null; do
  kill -0 "$k6_job" 2>/dev/null || break
  sleep 0.2
done
cpu_sample > "$out/cpu-before"
started=$(date +%s%N)
if [ "$profile" = true ]; then
  while read -r name pid; do
    jcmd="$(dirname "$(readlink -f "/proc/$pid/exe")")/jcmd"
    [ -x "$jcmd" ] && "$jcmd" "$pid" JFR.start name=capacity settings=profile \
      filename="$out/$name.jfr" > /dev/null 2>&1 || true
  done < <(stack_processes)
fi
stop_recordings() { # JFR.stop writes each recording to its file; without it they would run as long as the JVMs
  local name pid jcmd
  while read -r name pid; do
    jcmd="$(dirname "$(readlink -f "/proc/$pid/exe")")/jcmd"
    [ -x "$jcmd" ] && "$jcmd" "$pid" JFR.stop name=capacity > /dev/null 2>&1 || true
  done < <(stack_processes)
}
[ "$profile" = true ] && trap stop_recordings EXIT
k6_status=0
wait "$k6_job" || k6_status=$?
cpu_sample > "$out/cpu-after"
ended=$(date +%s%N)
if [ "$profile" = true ]; then
  stop_recordings
  trap - EXIT
  while read -r name pid; do
    jfr="$(dirname "$(readlink -f "/proc/$pid/exe")")/jfr"
    if [ -f "$out/$name.jfr" ]; then
      for view in hot-methods allocation-by-class gc cpu-load; do
        echo "=== jfr view $view ($name, measured run)"; "$jfr" view --width 200 "$view" "$out/$name.jfr" 2>&1 || true
      done > "$out/$name.jfr.txt"
    fi
  done < <(stack_processes)
fi
rss_after="$(rss_mb)"
window_s="$(awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')"

# ---- the report -----------------------------------------------------------------------------------------------------
summary="$out/measured.summary.json"
[ -f "$summary" ] || { echo "k6 wrote no summary: see $out/measured.k6.log" >&2; exit 1; }
metric() { jq -r "(.metrics[\"$1\"][\"$2\"] // 0)" "$summary"; }
placed="$(metric orders_placed count)"
confirmed="$(metric orders_confirmed count)"
unfinished="$(metric orders_unfinished count)"
failed_rate="$(metric http_req_failed value)"
requests="$(metric http_reqs count)"
cpu_by_process "$out/cpu-before" "$out/cpu-after" > "$out/cpu.txt"

echo
printf 'Offered:    %d orders/s for %d s (%s)   placed %d, confirmed %d, not final %d; failed requests %.2f %% of %d\n' \
  "$rate" "$duration_s" "$checkout" "$placed" "$confirmed" "$unfinished" "$(awk -v r="$failed_rate" 'BEGIN { print r * 100 }')" "$requests"
awk -v c="$confirmed" -v d="$duration_s" -v w="$window_s" 'BEGIN {
  printf "Confirmed:  %.1f orders/s over the load (%d s); %.1f orders/s over the whole measured window (%.1f s, with the last orders followed to the end)\n", c / d, d, c / w, w }'
printf 'place→confirmed: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms   (order_place p95 %.0f ms)\n' \
  "$(metric place_to_confirmed med)" "$(metric place_to_confirmed 'p(95)')" "$(metric place_to_confirmed 'p(99)')" \
  "$(metric place_to_confirmed max)" "$(jq -r '(.metrics["http_req_duration{endpoint:order_place}"]["p(95)"] // .metrics["http_req_duration"]["p(95)"] // 0)' "$summary")"
echo
echo "CPU over the measured window ($window_s s; idle = the same processes with no load, before the run):"
printf '  %-16s %10s %12s %14s %12s\n' process "CPU s" "cores used" "ms per order" "idle ms/s"
join -a 1 -e 0 -o '0,1.2,2.2' "$out/cpu.txt" "$out/idle-cpu.txt" |
  awk -v c="$confirmed" -v w="$window_s" '{
      printf "  %-16s %10.2f %12.2f %14.1f %12.1f\n", $1, $2, $2 / w, (c > 0 ? $2 * 1000 / c : 0), $3 * 1000 / 5
      cpu += $2; idle += $3 }
    END { printf "  %-16s %10.2f %12.2f %14.1f %12.1f\n", "total", cpu, cpu / w, (c > 0 ? cpu * 1000 / c : 0), idle * 1000 / 5 }'
echo "  (postgres: only the backends serving the stack's databases, not PostgreSQL's own writer and checkpointer)"
echo "Stack RSS (launcher with Kafka + services): ${rss_before} MB before the measured run, ${rss_after} MB after"
[ "$profile" = true ] && echo "Profiles: $out/*.jfr and their summaries $out/*.jfr.txt"
echo "Load average: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews every figure above)"

if [ "$k6_status" -ne 0 ] || [ "$confirmed" -lt "$placed" ] || [ "$unfinished" -gt 0 ]; then
  echo "Verdict: the stack did NOT keep up (k6 exit $k6_status; thresholds: p95 < 300 ms, ≥ 90 % confirmed, < 1 % failed)"
  exit 1
fi
echo "Verdict: kept up (every order confirmed, k6's thresholds met: place→confirmed p95 < 300 ms)"
