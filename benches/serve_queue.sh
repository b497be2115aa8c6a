#!/usr/bin/env bash
# 100,000 events queued for later: serve's peak memory (VmHWM) while they are taken in and while they
# wait, and a restart's time to its first delivery with all of them queued and some due.
# Events go in through POST /v1/events/batch (1,000 each); the last DUE of them are due five seconds
# later ("in": "5s", after the stop that follows at once), the rest in an hour. Then SIGTERM, a wait
# until those are due, a restart, and the time from starting the process to the receiver's first
# request.
# Usage: benches/serve_queue.sh   (EVENTS=100000 DUE=100; NOTIFY_BIN=path skips the release build)
source "$(dirname "$0")/serve_common.sh"
EVENTS=${EVENTS:-100000}
DUE=${DUE:-100}

receiver=$(free_port)
mkdir -p "$work/seen"
python3 benches/loopback.py "$receiver" "$work/seen" &
children+=($!)
wait_http "http://127.0.0.1:$receiver/ready"
rm -f "$work"/seen/*
store_with_webhook "$receiver"
serve_port=$(free_port)
start_serve

python3 - "$serve_port" "$EVENTS" "$DUE" <<'PY'
import http.client, json, sys, time
port, n, due = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
conn = http.client.HTTPConnection("127.0.0.1", port)
started, queued = time.time(), 0
for first in range(0, n, 1000):
    events = [{"event": "ticket.data-change.pending-approval", "id": f"later-{i}", "approver": ["u1"],
               "task_id": str(i), "message": f"change {i} waits for your approval",
               "in": "5s" if i >= n - due else "1h"} for i in range(first, min(first + 1000, n))]
    conn.request("POST", "/v1/events/batch", json.dumps({"events": events}),
                 {"Content-Type": "application/json"})
    answer = json.loads(conn.getresponse().read())
    queued += sum(1 for e in answer["events"] if e.get("status") == "queued")
print(f"queued {queued} of {n} events in {time.time() - started:.1f} s (batches of 1,000)")
PY
intake_peak=$(vm_hwm_mib "$serve_pid")
kill -TERM "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; serve_pid=
early=$(ls "$work/seen" | grep -c '\.url$' || true)
rm -f "$work"/seen/*
sleep 5

# The restart, timed from the process's start to the receiver's first request.
python3 - "$bin" "$serve_port" "$work/seen" "$work/serve.err" <<'PY' >"$work/restart"
import os, subprocess, sys, time
bin, port, seen, err = sys.argv[1:]
started = time.time()
serve = subprocess.Popen([bin, "serve", "--bind", f"127.0.0.1:{port}"], stderr=open(err, "a"))
while not any(name.endswith(".url") for name in os.listdir(seen)):
    if time.time() - started > 60:
        print(f"none-within-60s {serve.pid}")
        sys.exit()
    time.sleep(0.002)
print(f"{time.time() - started:.3f} {serve.pid}")
PY
read -r first_delivery serve_pid <"$work/restart"
# Let the due ones finish, then read the restarted serve's peak.
for _ in $(seq 200); do
  [[ $(ls "$work/seen" | grep -c '\.url$') -ge "$DUE" ]] && break
  sleep 0.05
done
sleep 1
restart_peak=$(vm_hwm_mib "$serve_pid")
waiting=$(curl -s "http://127.0.0.1:$serve_port/healthz")
kill -TERM "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; serve_pid=

echo "peak RSS (VmHWM) taking in $EVENTS events: ${intake_peak} MiB (goal: under 64)"
echo "restart to first delivery with $EVENTS queued, $DUE due: ${first_delivery} s (goal: under 2)"
echo "peak RSS (VmHWM) of the restarted serve after delivering the due ones: ${restart_peak} MiB"
echo "delivered before the stop (should be 0): $early"
echo "delivered after the restart: $(ls "$work/seen" | grep -c '\.url$'); healthz: $waiting"
