#!/usr/bin/env bash
# What the delivery log costs a send of 1,000 destinations (issue 9: under 5% more than --no-log).
# 1,000 stored users, each with a webhook on `notify listen` (loopback), are sent one message with
# the log and with --no-log, alternating, RUNS times each; prints every run and the medians side by side.
# Usage: benches/log_send.sh [RUNS]   (default 7; USERS=N changes the 1,000; BIN=path skips the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
users=${USERS:-1000}
if [[ -z "${BIN:-}" ]]; then
  cargo build --release --quiet
  BIN=target/release/notify
fi
bin=$(realpath "$BIN")
port=${PORT:-18788}
work=$(mktemp -d)
trap 'kill $listener 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -m 700 "$work/notify"
export NOTIFY_STORE="$work/notify/store.toml" NOTIFY_LOG="$work/notify/deliveries.db"
export XDG_CACHE_HOME="$work/cache"
{
  printf 'version = 1\n\n[notice]\ndisabled = []\n'
  for i in $(seq -w 1 "$users"); do
    # One URL per user: users sharing a webhook would get one message between them.
    printf '\n[users.u%s]\nroles = []\n\n[users.u%s.channels.webhook]\n' "$i" "$i"
    printf 'url = "http://127.0.0.1:%s/dms/%s"\nsignature_method = "NONE"\nenabled = true\n' "$port" "$i"
  done
} >"$NOTIFY_STORE"
chmod 600 "$NOTIFY_STORE"
"$bin" listen --addr "127.0.0.1:$port" >/dev/null 2>&1 &
listener=$!
sleep 0.5

now_ns() { date +%s%N; }
# One send to every user; prints its wall time in milliseconds. A failed delivery fails the benchmark.
timed_send() {
  local start end
  start=$(now_ns)
  "$bin" send --all-users --message "bench" "$@" >/dev/null
  end=$(now_ns)
  echo $(((end - start) / 1000000))
}
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2)}'; }

timed_send >/dev/null # warm-up: the log's creation, the page cache, the listener's first connections
timed_send --no-log >/dev/null
with=() without=()
printf '%-6s %14s %14s\n' "run" "log (ms)" "--no-log (ms)"
for r in $(seq "$runs"); do
  # Alternate which goes first, so that neither always runs on a warmer machine.
  if ((r % 2)); then
    a=$(timed_send); b=$(timed_send --no-log)
  else
    b=$(timed_send --no-log); a=$(timed_send)
  fi
  with+=("$a") without+=("$b")
  printf '%-6s %14s %14s\n' "$r" "$a" "$b"
done
mw=$(printf '%s\n' "${with[@]}" | median)
mo=$(printf '%s\n' "${without[@]}" | median)
rows=$("$bin" log --json --limit 1000000 | grep -o '"outcome"' | wc -l)
printf '%-6s %14s %14s\n' "median" "$mw" "$mo"
awk -v a="$mw" -v b="$mo" -v n="$users" 'BEGIN {printf "%d destinations: the log adds %.1f%% (%d ms)\n", n, (a-b)*100/b, a-b}'
echo "rows in the log: $rows (expected $(((runs + 1) * users)))"
