#!/usr/bin/env bash
# Times one `notify send` to a loopback webhook against `curl` doing the same POST, in the same run.
# Usage: benches/send.sh [RUNS]   (default 50; only 127.0.0.1 is contacted)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
cargo build --release --quiet
bin=target/release/notify
port=18787
work=$(mktemp -d)
trap 'kill $listener 2>/dev/null || true; rm -rf "$work"' EXIT
export NOTIFY_STORE="$work/store.toml"
"$bin" listen --addr 127.0.0.1:$port >/dev/null 2>&1 &
listener=$!
sleep 0.5

body='{"messageEvent":{"id":"x","submitterUid":"","submitterName":"","category":"","module":"","event":"Bench","taskId":"","taskName":"","eventTime":'$(date +%s%3N)',"message":"bench","targetUsers":[],"receivers":[]},"signatureMethod":"NONE"}'
now_ns() { date +%s%N; }
time_runs() {
  local start end
  start=$(now_ns)
  for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1 || true; done
  end=$(now_ns)
  echo $(( (end - start) / runs / 1000 ))
}
curl_us=$(time_runs curl -s -o /dev/null -X POST -H 'Content-Type: application/json' --data "$body" "http://127.0.0.1:$port/dms")
notify_us=$(time_runs "$bin" send --webhook "http://127.0.0.1:$port/dms" --message bench)
dry_us=$(time_runs "$bin" send --webhook "http://127.0.0.1:$port/dms" --message bench --dry-run)
help_us=$(time_runs "$bin" --version)
printf '%-44s %10s\n' "command ($runs runs each)" "mean (us)"
printf '%-44s %10d\n' "curl POST (baseline)" "$curl_us"
printf '%-44s %10d\n' "notify send --webhook (delivered)" "$notify_us"
printf '%-44s %10d\n' "notify send --dry-run (no connection)" "$dry_us"
printf '%-44s %10d\n' "notify --version (process start)" "$help_us"
