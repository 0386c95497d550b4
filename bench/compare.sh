#!/usr/bin/env bash
# Compares variants of the stack — the same build started with different settings — on the capacity benchmark,
# alternating them in one run, so that a machine whose speed drifts (neighbours, the JIT) weighs on every variant
# alike. Each sitting starts every variant in turn (`./shopflow up -d` with its environment), waits until the machine
# is quiet, and runs bench/capacity.sh at each rate (a warm-up before the first); the end prints each run, the mean
# per variant and its ratio to the first variant. Run `bench/compare.sh --help` for the options.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"

usage() {
  cat <<'USAGE'
Usage: bench/compare.sh [--sittings N] [--rates R1,R2] [--duration D] [--warmup D] NAME=[VAR=value,...] NAME=...

  NAME=[VAR=value,...]  a variant: its name, and the environment ./shopflow up -d runs with (empty: the defaults),
                        for instance  limited=  auto=SPRING_REACTOR_CONTEXT_PROPAGATION=auto
                        or  heap=SHOPFLOW_JVM_OPTS=-Xmx128m,MALLOC_ARENA_MAX=2   (at least two variants)
  --sittings N          how many times each variant is started and measured, alternating (default 2)
  --rates R1,R2         the rates (orders/s) measured in each sitting, in that order (default 20,25)
  --duration D          each measured run (default 40s)
  --warmup D            the unmeasured warm-up before a sitting's first rate, at half that rate: a stack just started
                        spends its first minutes compiling (default 90s)

The stack must be stopped: the script starts and stops it (ending stopped). SHOPFLOW_STATE_DIR and the other
variables that move a stack are honoured, as bench/capacity.sh honours them. Results go to
$SHOPFLOW_STATE_DIR/bench/<time>-compare/ (each capacity run's output, and the summary printed at the end).
Run time: per sitting and variant, a start (~30 s), up to 5 min waiting for quiet, and each capacity run (~1.5–3 min).
Exit status: 0 when every run kept every order; 1 otherwise; 2 for bad usage.
USAGE
}

sittings=2 rates=20,25 duration=40s warmup=90s
variants=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sittings) sittings="$2"; shift 2 ;;
    --rates) rates="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
    *=*) variants+=("$1"); shift ;;
    *) echo "A variant is NAME=[VAR=value,...], not: $1" >&2; exit 2 ;;
  esac
done
[ "${#variants[@]}" -ge 2 ] || { echo "Give at least two variants (NAME=[VAR=value,...])" >&2; usage >&2; exit 2; }
[[ "$sittings" =~ ^[1-9][0-9]*$ ]] || { echo "--sittings must be a positive whole number" >&2; exit 2; }
[[ "$rates" =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || { echo "--rates is a list such as 20,25" >&2; exit 2; }
for variant in "${variants[@]}"; do
  name="${variant%%=*}" settings="${variant#*=}"
  [[ "$name" =~ ^[A-Za-z0-9_.-]+$ ]] || { echo "A variant's name is letters, digits, . _ -: $name" >&2; exit 2; }
  if [ -n "$settings" ]; then
    IFS=',' read -r -a pairs <<< "$settings"
    for pair in "${pairs[@]}"; do
      [[ "$pair" =~ ^[A-Za-z_][A-Za-z0-9_]*=.*$ ]] || { echo "Not a VAR=value setting in variant $name: $pair" >&2; exit 2; }
    done
  fi
done

state="${SHOPFLOW_STATE_DIR:-.shopflow}"
case "$state" in /*) ;; *) state="$ROOT/$state" ;; esac
if ./shopflow status 2>/dev/null | grep -q 'launcher  *pid'; then
  echo "A stack is running: stop it first (./shopflow down); this script starts each variant itself." >&2
  exit 2
fi
out="$state/bench/$(date +%Y%m%d-%H%M%S)-compare"
mkdir -p "$out"
IFS=',' read -r -a rate_list <<< "$rates"
echo "Comparing ${#variants[@]} variants, $sittings sittings, rates ${rates} orders/s (results in $out)"

wait_for_quiet() { # up to 5 min for a 1-minute load average below 2.5 (the stack's start-up, the JIT's first burst)
  local i load
  for i in $(seq 1 60); do
    load="$(cut -d' ' -f1 /proc/loadavg)"
    awk -v l="$load" 'BEGIN { exit !(l < 2.5) }' && return 0
    sleep 5
  done
  echo "    (the machine stayed busy: load average $load)"
}

results="$out/results.tsv"   # sitting, variant, rate, confirmed/s, ms per order, p95 ms, RSS after, kept every order
: > "$results"
all_kept=0
trap './shopflow down > /dev/null 2>&1 || true' EXIT
for sitting in $(seq 1 "$sittings"); do
  for variant in "${variants[@]}"; do
    name="${variant%%=*}" settings="${variant#*=}"
    environment=()
    [ -n "$settings" ] && IFS=',' read -r -a environment <<< "$settings"
    echo "  sitting $sitting, $name (${settings:-defaults}): starting the stack …"
    ./shopflow down > /dev/null 2>&1 || true
    if ! env "${environment[@]}" ./shopflow up -d > "$out/$sitting-$name.up.log" 2>&1; then
      echo "    the stack did not start: see $out/$sitting-$name.up.log" >&2
      exit 1
    fi
    wait_for_quiet
    warm="$warmup"
    for rate in "${rate_list[@]}"; do
      log="$out/$sitting-$name-$rate.txt"
      # The capacity script's own verdict also fails a run over its latency threshold, which a saturating rate
      # crosses by design: here a run is judged by its orders (every one placed confirmed, no request failed).
      bench/capacity.sh --rate "$rate" --duration "$duration" --warmup "$warm" > "$log" 2>&1 || true
      warm=0
      placed="$(sed -n 's/.*placed \([0-9]*\), confirmed.*/\1/p' "$log")"
      confirmed="$(sed -n 's/.*placed [0-9]*, confirmed \([0-9]*\),.*/\1/p' "$log")"
      kept=no
      if [ -n "$placed" ] && [ "$placed" = "$confirmed" ] && grep -q 'not final 0; failed requests 0.00 %' "$log"; then
        kept=yes
      fi
      [ "$kept" = yes ] || all_kept=1
      per_s="$(sed -n 's/^Confirmed: *\([0-9.]*\) orders\/s over the load.*/\1/p' "$log")"
      per_order="$(awk '$1 == "total" { print $4 }' "$log")"
      p95="$(sed -n 's/^place→confirmed: p50 [0-9]* ms, p95 \([0-9]*\) ms.*/\1/p' "$log")"
      rss="$(sed -n 's/^Stack RSS.*, \([0-9]*\) MB after/\1/p' "$log")"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$sitting" "$name" "$rate" "${per_s:-0}" "${per_order:-0}" \
        "${p95:-0}" "${rss:-0}" "$kept" >> "$results"
      echo "    $rate/s: ${per_s:-?} confirmed/s, ${per_order:-?} ms CPU per order, p95 ${p95:-?} ms, RSS ${rss:-?} MB, every order kept: $kept"
    done
  done
done
./shopflow down > /dev/null 2>&1 || true
trap - EXIT

{
  echo
  echo "Each run (sitting, variant, rate): confirmed orders/s, ms of CPU per confirmed order (whole stack), place→confirmed p95, RSS after"
  awk -F'\t' '{ printf "  %s  %-12s %3s/s  %6.1f/s  %7.1f ms  p95 %6d ms  %5d MB  %s\n", $1, $2, $3, $4, $5, $6, $7, ($8 == "yes" ? "" : "(orders lost or failed)") }' "$results"
  echo
  echo "Mean per variant and rate, and the ratio to the first variant (${variants[0]%%=*}):"
  awk -F'\t' -v first="${variants[0]%%=*}" '
    { key = $2 SUBSEP $3; n[key]++; s[key] += $4; c[key] += $5; m[key] += $7
      if (!(($2) in seen)) { seen[$2] = 1; order[++count] = $2 }
      if (!(($3) in seenRate)) { seenRate[$3] = 1; rateOrder[++rates] = $3 } }
    END {
      for (r = 1; r <= rates; r++) for (v = 1; v <= count; v++) {
        key = order[v] SUBSEP rateOrder[r]; base = first SUBSEP rateOrder[r]
        printf "  %-12s %3s/s  %6.1f confirmed/s (×%.2f)  %7.1f ms CPU per order (×%.2f)  RSS %5.0f MB\n",
          order[v], rateOrder[r], s[key] / n[key], (s[base] ? (s[key] / n[key]) / (s[base] / n[base]) : 0),
          c[key] / n[key], (c[base] ? (c[key] / n[key]) / (c[base] / n[base]) : 0), m[key] / n[key] }
    }' "$results"
} | tee "$out/summary.txt"
exit "$all_kept"
