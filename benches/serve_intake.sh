#!/usr/bin/env bash
# Intake under load: `POST /v1/events` from 32 keep-alive clients (wrk, 2 threads) against `notify serve`,
# then the same load against Prometheus Alertmanager's `/api/v2/alerts`, in the same run. Each notify
# event is unique and due in an hour, so the figure is intake alone (parse, check, commit, answer);
# every 202 is committed before it is sent, which the bench checks by kill -9 and counting the queue.
# Usage: benches/serve_intake.sh   (DURATION=10s; NOTIFY_BIN=path skips the release build)
# Needs: wrk (installed with apt-get when missing), /usr/bin/prometheus-alertmanager for the baseline.
source "$(dirname "$0")/serve_common.sh"
DURATION=${DURATION:-10s}
if ! command -v wrk >/dev/null; then
  echo "serve_intake.sh: wrk is missing; installing the Debian package wrk with apt-get" >&2
  apt-get install -y -qq wrk >/dev/null || sudo apt-get install -y -qq wrk >/dev/null
fi
load() { # url target -> the script's two summary lines
  BENCH_TARGET=$2 BENCH_RUN=$RANDOM wrk -t2 -c32 -d"$DURATION" --timeout 5s \
    -s benches/serve_post.lua "$1" | grep -E '^(statuses|p50_ms)'
}
row() { printf '%-34s %10s %8s %8s %8s  %s\n' "$@"; }
summarize() { # name, the two lines
  local statuses line
  statuses=$(sed -n 's/^statuses //p' <<<"$2")
  line=$(grep '^p50_ms' <<<"$2")
  read -r _ p50 _ p99 _ max _ requests _ errors _ secs <<<"$line"
  row "$1" "$(awk -v r="$requests" -v s="$secs" 'BEGIN { printf "%.0f", r / s }')" "$p50" "$p99" "$max" \
    "$statuses${errors:+ socket/status errors=$errors}"
}

echo "load: wrk -t2 -c32 -d$DURATION (keep-alive), a fresh body per request; $(nproc) cores; $(uptime | sed 's/.*load/load/')"
receiver=$(free_port)
store_with_webhook "$receiver"
serve_port=$(free_port)
start_serve
notify_out=$(load "http://127.0.0.1:$serve_port/v1/events" notify)
peak=$(vm_hwm_mib "$serve_pid")
kill -9 "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; serve_pid=
accepted=$(sed -n 's/^statuses .*202=\([0-9]*\).*/\1/p' <<<"$notify_out")
queued=$("$bin" queue --json | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')

am_port=$(free_port)
if [[ -x /usr/bin/prometheus-alertmanager ]]; then
  mkdir -p "$work/am"
  printf 'route:\n  receiver: "null"\nreceivers:\n  - name: "null"\n' >"$work/am.yml"
  /usr/bin/prometheus-alertmanager --config.file="$work/am.yml" --storage.path="$work/am" \
    --web.listen-address="127.0.0.1:$am_port" --cluster.listen-address= --log.level=warn \
    2>"$work/am.err" &
  am_pid=$!
  children+=("$am_pid")
  wait_http "http://127.0.0.1:$am_port/-/ready"
  am_out=$(load "http://127.0.0.1:$am_port/api/v2/alerts" alertmanager)
  am_peak=$(vm_hwm_mib "$am_pid")
fi

echo
row "" "req/s" "p50 ms" "p99 ms" "max ms" "answers"
summarize "notify serve POST /v1/events" "$notify_out"
[[ -n "${am_out:-}" ]] && summarize "alertmanager POST /api/v2/alerts" "$am_out"
echo
echo "notify serve: peak RSS ${peak} MiB; after kill -9: ${queued} events in the queue for ${accepted:-0} answers 202"
echo "  (requests still in flight when wrk stopped may be committed without their answer being counted)"
[[ -n "${am_out:-}" ]] && echo "alertmanager: peak RSS ${am_peak} MiB (alerts are held in memory; not written before the answer)"
[[ "$queued" -ge "${accepted:-0}" ]] || { echo "LOST: a 202'd event is not in the queue" >&2; exit 1; }
