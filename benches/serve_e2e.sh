#!/usr/bin/env bash
# End to end: 10,000 events, each to one personal webhook (user u1, on a loopback receiver answering 200),
# from the first POST to the last delivery recorded, beside curl posting the same 10,000 bodies straight to
# the receiver. Both sides post with one curl process, 8 transfers in parallel over keep-alive
# (`curl --parallel --parallel-max 8 -K config`), in the same run. A third line shows the intake alone
# for scale: the same POSTs with every event due in an hour (durable 202s, no delivery meanwhile).
# Usage: benches/serve_e2e.sh   (EVENTS=10000; NOTIFY_BIN=path skips the release build; SERVE_ARGS adds
# flags to serve, e.g. SERVE_ARGS="--workers 8")
source "$(dirname "$0")/serve_common.sh"
EVENTS=${EVENTS:-10000}
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

receiver=$(free_port)
python3 benches/loopback.py "$receiver" &
receiver_pid=$!
children+=($!)
wait_http "http://127.0.0.1:$receiver/ready"
store_with_webhook "$receiver"
serve_port=$(free_port)

# One curl config per target: the same bodies (an event for u1, unique id), one transfer each.
python3 - "$EVENTS" "$work" "$receiver" "$serve_port" <<'PY'
import json, sys
n, work, receiver, serve = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
quote = lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
targets = (("curl", f"http://127.0.0.1:{receiver}/u1", "e2e", {}),
           ("serve", f"http://127.0.0.1:{serve}/v1/events", "e2e", {}),
           ("later", f"http://127.0.0.1:{serve}/v1/events", "later", {"in": "1h"}))
for name, url, prefix, extra in targets:
    with open(f"{work}/{name}.cfg", "w") as f:
        for i in range(n):
            body = json.dumps({"event": "ticket.data-change.pending-approval", "id": f"{prefix}-{i}",
                               "approver": ["u1"], "task_id": str(i),
                               "message": f"change {i} waits for your approval", **extra})
            f.write(f"url = {quote(url)}\ndata-binary = {quote(body)}\n"
                    'header = "Content-Type: application/json"\nheader = "Expect:"\n'
                    f"output = /dev/null\nwrite-out = \"%{{http_code}}\\n\"\n")
            if i + 1 < n:
                f.write("next\n")
PY
# Posts one config's transfers; prints the answers by status, and keeps curl's CPU seconds in $1.cpu.
post() {
  local TIMEFORMAT='%U %S'
  { time curl -s --parallel --parallel-max 8 -K "$1" 2>/dev/null >"$1.out"; } 2>"$1.time"
  awk '{ printf "%.2f", $1 + $2 }' "$1.time" >"$1.cpu"
  sort "$1.out" | uniq -c | awk '{ printf "%s=%s ", $2, $1 }'
}

start=$(now)
curl_codes=$(post "$work/curl.cfg")
curl_secs=$(elapsed "$start" "$(now)")
receiver_cpu_curl=$(cpu_secs "$receiver_pid")

start_serve ${SERVE_ARGS:-}
start=$(now)
serve_codes=$(post "$work/serve.cfg")
posted=$(elapsed "$start" "$(now)")
# The last delivery: nothing due and nothing in flight any more.
python3 - "$serve_port" <<'PY'
import json, sys, time, urllib.request
url = f"http://127.0.0.1:{sys.argv[1]}/healthz"
deadline = time.time() + 600
while time.time() < deadline:
    queue = json.load(urllib.request.urlopen(url))["queue"]
    if queue["due"] == 0 and queue["in_flight"] == 0:
        break
    time.sleep(0.02)
PY
serve_secs=$(elapsed "$start" "$(now)")
peak=$(vm_hwm_mib "$serve_pid")
serve_cpu=$(cpu_secs "$serve_pid")
receiver_cpu=$(awk -v a="$receiver_cpu_curl" -v b="$(cpu_secs "$receiver_pid")" 'BEGIN { printf "%.2f", b - a }')
# Intake alone, for scale: the same POSTs to the same serve, each event due in an hour (committed and
# answered 202, nothing delivered meanwhile).
cpu_before=$(cpu_secs "$serve_pid")
start=$(now)
later_codes=$(post "$work/later.cfg")
later_secs=$(elapsed "$start" "$(now)")
later_cpu=$(awk -v a="$cpu_before" -v b="$(cpu_secs "$serve_pid")" 'BEGIN { printf "%.2f", b - a }')
delivered=$(python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT count(DISTINCT event_id) FROM deliveries WHERE outcome = ?", ("delivered",)).fetchone()[0])' "$NOTIFY_LOG")
kill -TERM "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; serve_pid=

printf '%-58s %8s  %s\n' "" "seconds" "answers"
printf '%-58s %8s  %s\n' "curl: $EVENTS POSTs to the receiver, 8 in parallel" "$curl_secs" "$curl_codes"
printf '%-58s %8s  %s\n' "notify serve: first POST to last delivery" "$serve_secs" "$serve_codes(posting took ${posted} s)"
printf '%-58s %8s  %s\n' "notify serve: intake alone (the same POSTs, due in an hour)" "$later_secs" \
  "$later_codes(serve CPU ${later_cpu} s)"
echo "ratio serve/curl: $(awk -v a="$serve_secs" -v b="$curl_secs" 'BEGIN { printf "%.2f", a / b }') (goal: at most 1.5)"
echo "delivered (log): $delivered of $EVENTS events; serve peak RSS ${peak} MiB"
echo "CPU seconds: serve $serve_cpu; the receiver $receiver_cpu_curl for curl's posts, $receiver_cpu for serve's;" \
  "curl $(cat "$work/curl.cfg.cpu") posting to the receiver, $(cat "$work/serve.cfg.cpu") to serve"
