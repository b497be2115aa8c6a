#!/usr/bin/env bash
# Intake into PostgreSQL from one replica (issue 19's goal: >= 2,000 durable events/s on 2 cores, server
# included): a private PostgreSQL 15 cluster with its durable defaults (fsync on, synchronous_commit on)
# in a temporary folder on 127.0.0.1, then benches/serve_intake.sh with `--log postgres://...`.
# Usage: benches/serve_intake_pg.sh   (DURATION=10s; NOTIFY_BIN=path skips the release build;
# NOTIFY_PG_BIN=folder of initdb/pg_ctl, default /usr/lib/postgresql/15/bin). As root the server runs as
# the `postgres` account. Only 127.0.0.1 is contacted.
set -euo pipefail
cd "$(dirname "$0")/.."
pg_bin=${NOTIFY_PG_BIN:-/usr/lib/postgresql/15/bin}
[[ -x "$pg_bin/initdb" ]] || { echo "$0: no PostgreSQL 15 in $pg_bin (apt-get install postgresql-15)" >&2; exit 1; }
pgdir=$(mktemp -d)
as=()
if [[ $(id -u) == 0 ]]; then
  chown postgres:postgres "$pgdir"
  as=(setpriv --reuid=postgres --regid=postgres --clear-groups --)
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
stop() {
  "${as[@]}" "$pg_bin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap stop EXIT
"${as[@]}" "$pg_bin/initdb" -D "$pgdir/data" -U notify --auth=trust -E UTF8 >/dev/null
"${as[@]}" "$pg_bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w \
  -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=100" start >/dev/null
"$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U notify bench
echo "PostgreSQL: $("$pg_bin/postgres" --version), fsync=on, synchronous_commit=on, on 127.0.0.1:$port"
# A serve on PostgreSQL needs the ack link key its replicas share (any value will do here).
NOTIFY_ACK_KEY="bench-ack-key" BENCH_LOG="postgres://notify@127.0.0.1:$port/bench" bash benches/serve_intake.sh
