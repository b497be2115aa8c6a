#!/usr/bin/env bash
# Failover on one PostgreSQL (issue 19's goal: a killed replica's leased deliveries are delivered by
# another within the lease time + 2 s). Replica A alone takes HELD events and sends them to a receiver
# that does not answer yet, so A holds all of their leases with the attempts in flight. Replica B
# starts, the receiver starts answering (new requests only), A is SIGKILLed; timed from the kill until
# B has delivered every one of them. Also shown: the time from the end of A's leases (read from the
# queue table before the kill) to B's last delivery.
# Usage: benches/pg_failover.sh   (LEASE=10 seconds, HELD=20; NOTIFY_BIN=path skips the release build)
# The attempt deadline is half the lease: A is killed well before its held requests time out.
source "$(dirname "$0")/serve_common.sh"
source "$(dirname "$0")/pg_common.sh"
LEASE=${LEASE:-10}
HELD=${HELD:-20}

start_receiver --hold
store_with_webhook "$receiver"
start_replica 0 --lease "${LEASE}s"
python3 - "${replica_port[0]}" "$HELD" <<'PY'
import http.client, json, sys
port, n = int(sys.argv[1]), int(sys.argv[2])
events = [{"event": "ticket.data-change.pending-approval", "id": f"failover-{i}", "approver": ["u1"],
           "task_id": str(i)} for i in range(n)]
conn = http.client.HTTPConnection("127.0.0.1", port)
conn.request("POST", "/v1/events/batch", json.dumps({"events": events}), {"Content-Type": "application/json"})
answers = json.loads(conn.getresponse().read())["events"]
assert all(a["status"] == "queued" for a in answers), answers
PY
for _ in $(seq 200); do [[ $(receiver_stat held) -ge $HELD ]] && break; sleep 0.05; done
[[ $(receiver_stat held) -ge $HELD ]] || { echo "$0: replica A sent $(receiver_stat held) of $HELD" >&2; exit 1; }
start_replica 1 --lease "${LEASE}s"
curl -s -o /dev/null "http://127.0.0.1:$receiver/answer"
leases=$(pg_sql "SELECT count(*), max(lease_until_ms) FROM queue_events WHERE lease_owner IS NOT NULL AND state = 'queued'")
IFS='|' read -r leased lease_end <<<"$leases"
killed=$(date +%s.%N)
kill -9 "${replica_pid[0]}"
{ wait "${replica_pid[0]}"; } 2>/dev/null || true
while [[ $(receiver_stat keys) -lt $HELD ]]; do
  (( $(date +%s) - ${killed%.*} < LEASE + 60 )) || { echo "$0: only $(receiver_stat keys) of $HELD delivered" >&2; exit 1; }
  sleep 0.02
done
done_at=$(date +%s.%N)
requests=$(receiver_stat requests)
echo "load: $(uptime | sed 's/.*load/load/')"
awk -v k="$killed" -v d="$done_at" -v e="$lease_end" -v l="$LEASE" -v n="$HELD" -v leased="$leased" 'BEGIN {
  printf "replica A held %d leases (of %d events); SIGKILL at A, then B delivered all %d in %.2f s (goal: under the lease %d s + 2 s = %d s)\n",
    leased, n, n, d - k, l, l + 2
  printf "  A'\''s leases ended %.2f s after the kill; B'\''s last delivery came %.2f s after they ended\n", e / 1000 - k, d - e / 1000 }'
echo "  receiver: $requests requests ($HELD held unanswered by A, the rest B's; $(receiver_stat repeats) repeated an answered key)"
