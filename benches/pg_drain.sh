#!/usr/bin/env bash
# Three replicas drain 10,000 queued deliveries from one PostgreSQL to a loopback webhook (issue 19's
# goal: no delivery claimed twice while leased). The events go in through POST /v1/events/batch with
# "at" a moment T0 far enough ahead for the intake to end first; from T0 the three replicas share
# the queue. The receiver counts requests by (path, X-Notify-Delivery): a second request for a key
# would mean two replicas held it at once (no replica is killed here, and the lease is far longer
# than any attempt). Also counted: each replica's share, and the log's delivered attempts.
# Usage: benches/pg_drain.sh   (EVENTS=10000 AT=15 seconds ahead; NOTIFY_BIN=path skips the release build)
source "$(dirname "$0")/serve_common.sh"
source "$(dirname "$0")/pg_common.sh"
EVENTS=${EVENTS:-10000}
AT=${AT:-15}

start_receiver
store_with_webhook "$receiver"
for n in 0 1 2; do start_replica "$n"; done
t0=$(python3 - "${replica_port[0]}" "$EVENTS" "$AT" <<'PY'
import datetime, http.client, json, sys, time
port, n, ahead = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
t0 = int(time.time()) + ahead
at = datetime.datetime.fromtimestamp(t0, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
conn = http.client.HTTPConnection("127.0.0.1", port)
started, queued = time.time(), 0
for first in range(0, n, 1000):
    events = [{"event": "ticket.data-change.pending-approval", "id": f"drain-{i}", "approver": ["u1"],
               "task_id": str(i), "at": at} for i in range(first, min(first + 1000, n))]
    conn.request("POST", "/v1/events/batch", json.dumps({"events": events}),
                 {"Content-Type": "application/json"})
    queued += sum(1 for e in json.loads(conn.getresponse().read())["events"] if e["status"] == "queued")
took = time.time() - started
assert queued == n, f"{queued} of {n} queued"
assert time.time() < t0, f"the intake took {took:.1f} s: raise AT"
print(t0)
print(f"queued {queued} events for {at} in {took:.1f} s", file=sys.stderr)
PY
)
echo "load before: $(uptime | sed 's/.*load/load/')"
while [[ $(receiver_stat keys) -lt $EVENTS ]]; do
  (( $(date +%s) - t0 < 300 )) || { echo "$0: not drained within 300 s of T0: $(receiver_stat keys) keys" >&2; exit 1; }
  sleep 0.1
done
sleep 1
read -r requests keys repeats first last < <(curl -s "http://127.0.0.1:$receiver/stats" |
  python3 -c 'import json, sys; s = json.load(sys.stdin); print(s["requests"], s["keys"], s["repeats"], s["first"], s["last"])')
logged=$("$bin" log --json --all-attempts --outcome delivered --limit 1000000 |
  python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')
leased=$(pg_sql "SELECT count(*) FROM queue_events WHERE lease_owner IS NOT NULL OR state <> 'done'")
shares=$(for n in 0 1 2; do grep -c 'delivered' "$work/replica-$n.err" || true; done | paste -sd/)
echo "load after: $(uptime | sed 's/.*load/load/')"
awk -v n="$EVENTS" -v t0="$t0" -v first="$first" -v last="$last" 'BEGIN {
  printf "drained %d deliveries with 3 replicas in %.1f s from T0 (%.1f s first to last answer): %.0f/s\n",
    n, last - t0, last - first, n / (last - t0) }'
echo "receiver: $requests requests, $keys distinct (path, X-Notify-Delivery), $repeats repeated (goal: 0)"
echo "log: $logged delivered attempts; replicas' shares (delivered lines): $shares; left queued or leased: $leased"
[[ "$repeats" == 0 && "$requests" == "$EVENTS" && "$logged" == "$EVENTS" ]] || { echo "CLAIMED TWICE or lost" >&2; exit 1; }
