#!/usr/bin/env bash
# `notify listen` under load: a 300-connection burst of signed POSTs on fresh connections, 50 slowloris
# heads (with a second burst while they hang), six 100 MiB bodies (chunked and with Content-Length),
# and a last burst; prints what was answered and the listener's peak memory (VmHWM).
# Usage: benches/listen.sh   (release build; only 127.0.0.1 is contacted; about 30 s)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/notify
work=$(mktemp -d)
listener=
trap '[ -n "$listener" ] && kill "$listener" 2>/dev/null; rm -rf "$work"' EXIT
export NOTIFY_STORE="$work/store.toml"
export KEY=bench-key-not-a-secret
"$bin" listen --addr 127.0.0.1:0 --signature-method HMAC_SHA256 --signature-key-env KEY \
  >"$work/events" 2>"$work/stderr" &
listener=$!
for _ in $(seq 100); do
  port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$work/stderr")
  [ -n "$port" ] && break
  sleep 0.05
done
[ -n "$port" ] || { cat "$work/stderr"; exit 1; }
python3 benches/listen_load.py "$port" "$listener" "$KEY"
kill -INT "$listener"
wait "$listener" 2>/dev/null || true
listener=
echo "events printed: $(wc -l <"$work/events"); refusals on stderr by status:"
grep -o 'rejected .*: [0-9][0-9][0-9] ' "$work/stderr" | grep -o ': [0-9]* $' | sort | uniq -c | sed 's/^/  /'
