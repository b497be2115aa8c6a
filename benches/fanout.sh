#!/usr/bin/env bash
# Fan-out and store benchmark: time and peak memory of `notify` beside public tools doing the same work.
#
# Usage: benches/fanout.sh            (builds release; NOTIFY_BIN=path uses that binary instead)
# Sizes: SEND_SIZES="1000 10000"  STORE_SIZES="1000 10000 50000"  IMPORT_BIG=80000  (empty skips a part)
# Safety: only 127.0.0.1 is contacted; every run of notify is limited to MEM_LIMIT_MIB (default 4096) of
# address space, so a run that would need more ends as "over limit" instead of exhausting the machine
# (the output size shown for such a dry run is what it wrote before it ended).
# Needs: python3 (the loopback server, benches/loopback.py), curl, GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
SEND_SIZES=${SEND_SIZES-1000 10000}
STORE_SIZES=${STORE_SIZES-1000 10000 50000}
IMPORT_BIG=${IMPORT_BIG-80000}
MEM_LIMIT_MIB=${MEM_LIMIT_MIB:-4096}
port=${PORT:-18790}

for tool in python3 curl /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "fanout.sh: $tool is required" >&2; exit 1; }
done
if [[ -z "${NOTIFY_BIN:-}" ]]; then
  cargo build --release --locked --quiet
  NOTIFY_BIN=target/release/notify
fi
bin=$(realpath "$NOTIFY_BIN")
work=$(mktemp -d)
server=
stop_server() { if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=; fi; }
trap 'stop_server; rm -rf "$work"' EXIT
export NOTIFY_STORE="$work/store.toml" HOME="$work" XDG_CACHE_HOME="$work/cache" USER=u0000001
unset RUST_BACKTRACE

start_server() { # [capture dir]
  stop_server
  python3 benches/loopback.py "$port" "$@" &
  server=$!
  for _ in $(seq 100); do curl -s -o /dev/null -X POST "http://127.0.0.1:$port/ready" && return; sleep 0.05; done
  echo "fanout.sh: the loopback server did not start" >&2; exit 1
}

# measure CMD...: runs CMD (its stdout to /dev/null unless redirected inside) and sets $secs and $mib.
measure() {
  local limit=$((MEM_LIMIT_MIB * 1024)) status=0
  ( ulimit -v "$limit"; exec /usr/bin/time -f '%e %M' -o "$work/time" "$@" ) >/dev/null 2>"$work/stderr" || status=$?
  read -r secs kib < <(tail -n 1 "$work/time")
  mib=$((kib / 1024))
  if [[ $status -ne 0 ]]; then
    if grep -q "memory allocation\|out of memory" "$work/stderr"; then mib=">$MEM_LIMIT_MIB (over limit)"; fi
    secs="$secs (exit $status)"
  fi
}
row() { printf '%-58s %8s %10s %12s\n' "$@"; }

users_csv() { # N -> $work/users-N.csv, every user with an enabled personal webhook on the server
  local file="$work/users-$1.csv"
  [[ -f "$file" ]] || awk -v n="$1" -v port="$port" 'BEGIN {
    print "name,display_name,webhook.url,enable";
    for (i = 1; i <= n; i++) printf "u%07d,User %d,http://127.0.0.1:%d/u%07d,webhook\n", i, i, port, i }' >"$file"
  echo "$file"
}

fresh_store() { rm -f "$NOTIFY_STORE" "$NOTIFY_STORE.lock"; "$bin" user import "$(users_csv "$1")" -q; }

# curl's config for replaying the captured requests in order, one process, one connection.
curl_config() { # capture dir -> stdout
  python3 - "$1" "$port" <<'EOF'
import glob, os, sys
folder, port = sys.argv[1], sys.argv[2]
quote = lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
for i, stem in enumerate(sorted(p[:-4] for p in glob.glob(os.path.join(folder, "*.url")))):
    if i:
        print("next")
    print("url = " + quote("http://127.0.0.1:" + port + open(stem + ".url").read()))
    print("output = /dev/null")
    print('header = "Expect:"')
    for line in open(stem + ".headers").read().splitlines():
        print("header = " + quote(line))
    # upload-file streams the body at transfer time (data-binary @file would load every body up front).
    print('request = "POST"')
    print("upload-file = " + quote(stem + ".body"))
EOF
}

echo "notify: $bin"
echo "machine: $(nproc) cores, $(uname -sr); figures are one run each (seconds, peak RSS)"
row "work" "n" "seconds" "peak MiB"

for n in $SEND_SIZES; do
  fresh_store "$n"
  start_server
  measure "$bin" send --all-users --message "fan-out bench" --deadline 600
  row "notify send --all-users" "$n" "$secs" "$mib"
  # The same bytes again: capture notify's requests, then replay them with one curl process.
  mkdir -p "$work/capture"
  start_server "$work/capture"
  "$bin" send --all-users --message "fan-out bench" --deadline 600 >/dev/null 2>&1
  curl_config "$work/capture" >"$work/curl.conf"
  start_server
  measure curl -s --fail --config "$work/curl.conf"
  row "curl, same bytes, one process, sequential" "$n" "$secs" "$mib"
  measure curl -s --fail --parallel --parallel-max 8 --config "$work/curl.conf"
  row "curl, same bytes, one process, --parallel-max 8" "$n" "$secs" "$mib"
  stop_server
  rm -rf "$work/capture" "$work/curl.conf"

  measure "$bin" send --all-users --message "fan-out bench" --dry-run
  row "notify send --all-users --dry-run >/dev/null" "$n" "$secs" "$mib"
  bytes=$( ( ulimit -v $((MEM_LIMIT_MIB * 1024)); "$bin" send --all-users --message "fan-out bench" --dry-run 2>/dev/null || true ) | wc -c)
  measure sh -c "head -c $bytes /dev/zero | cat"
  row "writing its output ($((bytes / 1048576)) MiB) through a pipe" "$n" "$secs" "$mib"
done

for n in $STORE_SIZES; do
  rm -f "$NOTIFY_STORE" "$NOTIFY_STORE.lock"
  measure "$bin" user import "$(users_csv "$n")"
  row "notify user import (empty store)" "$n" "$secs" "$mib"
  row "  (the store file it wrote, MiB)" "$n" "" "$(awk -v b="$(stat -c %s "$NOTIFY_STORE")" 'BEGIN { printf "%.1f", b / 1048576 }')"
  measure "$bin" user modify u0000002 --display-name "Renamed"
  row "notify user modify" "$n" "$secs" "$mib"
  measure "$bin" user list
  row "notify user list" "$n" "$secs" "$mib"
  measure "$bin" channel list
  row "notify channel list" "$n" "$secs" "$mib"
done

if [[ -n "$IMPORT_BIG" ]]; then
  rm -f "$NOTIFY_STORE" "$NOTIFY_STORE.lock"
  measure "$bin" user import "$(users_csv "$IMPORT_BIG")"
  row "notify user import (empty store)" "$IMPORT_BIG" "$secs" "$mib"
fi
