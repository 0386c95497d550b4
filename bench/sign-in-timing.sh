#!/usr/bin/env bash
# Measures whether a failed sign-in takes as long for an unknown email as for a wrong password (auth-service checks
# an unknown email against a decoy hash, so that timing does not reveal which emails have accounts), and what one
# sign-in costs. Talks to auth-service directly; each attempt names a different client address in X-Forwarded-For
# and a different account, so the lockout never kicks in. The header is believed because the local stack tells the
# services to trust 127.0.0.1, where the gateway is (SHOPFLOW_WEB_TRUSTED_PROXIES; see ADR 0013): a service started
# on its own trusts no proxy, and then every attempt counts against 127.0.0.1.
# Usage: bench/sign-in-timing.sh [ATTEMPTS]   (default 20; the stack must be running: ./shopflow up -d)
set -euo pipefail
case "${1:-}" in
  -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
[ $# -le 1 ] && [[ "${1:-20}" =~ ^[1-9][0-9]*$ ]] || {
  echo "Usage: bench/sign-in-timing.sh [ATTEMPTS]   (ATTEMPTS: a positive whole number; default 20)" >&2
  exit 2
}
attempts="${1:-20}"
auth="http://127.0.0.1:${SHOPFLOW_AUTH_SERVICE_PORT:-8081}"
run="$(date +%s)-$$"

post() { # path body address -> prints seconds
  curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' \
       -H "X-Forwarded-For: $3" -d "$2" "$auth$1"
}

summary() { # label, then times on stdin
  sort -n | awk -v label="$1" '{ t[NR] = $1 * 1000; sum += t[NR] }
    END { printf "  %-28s n=%d  median %.0f ms  p90 %.0f ms  mean %.0f ms\n", label, NR, t[int((NR + 1) / 2)], t[int(NR * 0.9 + 0.5)], sum / NR }'
}

echo "Registering $attempts accounts …"
for i in $(seq 1 "$attempts"); do
  post /api/auth/register "{\"email\":\"bench-$run-$i@example.com\",\"password\":\"bench passphrase $i\",\"name\":\"Bench\"}" "192.0.2.1" >/dev/null
done

echo "Signing in ($attempts attempts each, alternating):"
: > /tmp/sign-in-wrong.$$ ; : > /tmp/sign-in-unknown.$$ ; : > /tmp/sign-in-right.$$
for i in $(seq 1 "$attempts"); do
  post /api/auth/token "{\"email\":\"bench-$run-$i@example.com\",\"password\":\"not the passphrase\"}" "198.18.1.$i" >> /tmp/sign-in-wrong.$$
  post /api/auth/token "{\"email\":\"nobody-$run-$i@example.com\",\"password\":\"not the passphrase\"}" "198.18.2.$i" >> /tmp/sign-in-unknown.$$
  post /api/auth/token "{\"email\":\"bench-$run-$i@example.com\",\"password\":\"bench passphrase $i\"}" "198.18.3.$i" >> /tmp/sign-in-right.$$
done
summary "wrong password (401)" < /tmp/sign-in-wrong.$$
summary "unknown email (401)" < /tmp/sign-in-unknown.$$
summary "right password (200)" < /tmp/sign-in-right.$$
rm -f /tmp/sign-in-*.$$
