# Shared by benches/pg_*.sh (sourced after serve_common.sh): a private PostgreSQL 15 cluster with its
# durable defaults (fsync on, synchronous_commit on) in a temporary folder on 127.0.0.1, stopped and
# removed on exit; NOTIFY_LOG names its database. As root the server runs as the `postgres` account.
# NOTIFY_PG_BIN=folder of initdb/pg_ctl (default /usr/lib/postgresql/15/bin); PG_OPTS=more server flags
# (e.g. "-c log_min_duration_statement=0" to see each statement and its time in the server log).
pg_bin=${NOTIFY_PG_BIN:-/usr/lib/postgresql/15/bin}
[[ -x "$pg_bin/initdb" ]] || { echo "$0: no PostgreSQL 15 in $pg_bin (apt-get install postgresql-15)" >&2; exit 1; }
# Outside $work: the server's account must reach its folder.
pgdir=$(mktemp -d)
pg_as=()
if [[ $(id -u) == 0 ]]; then
  chown postgres:postgres "$pgdir"
  pg_as=(setpriv --reuid=postgres --regid=postgres --clear-groups --)
fi
pg_stop() {
  [[ -n "${PG_KEEP_LOG:-}" ]] && cp "$pgdir/server.log" "$PG_KEEP_LOG"
  "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap 'pg_stop; cleanup' EXIT
pg_port=$(free_port)
"${pg_as[@]}" "$pg_bin/initdb" -D "$pgdir/data" -U notify --auth=trust -E UTF8 >/dev/null
"${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w \
  -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=100 ${PG_OPTS:-}" start >/dev/null
"$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U notify bench
export NOTIFY_LOG="postgres://notify@127.0.0.1:$pg_port/bench"
# Replicas sign ack links with one shared key (a serve on PostgreSQL refuses to start without one).
export NOTIFY_ACK_KEY="bench-ack-key"
echo "PostgreSQL: $("$pg_bin/postgres" --version), fsync=on, synchronous_commit=on, on 127.0.0.1:$pg_port"

# One statement's rows, unaligned.
pg_sql() { "$pg_bin/psql" -X -A -t -d "$NOTIFY_LOG" -c "$1"; }

# Starts replica N (0, 1, ...) of serve on a free port with extra flags; sets replica_pid[N], replica_port[N].
replica_pid=()
replica_port=()
start_replica() { # n, flags...
  local n=$1 port
  shift
  port=$(free_port)
  "$bin" serve --bind "127.0.0.1:$port" "$@" 2>>"$work/replica-$n.err" &
  replica_pid[n]=$!
  replica_port[n]=$port
  children+=("$!")
  wait_http "http://127.0.0.1:$port/healthz"
}

# The counting receiver (benches/pg_receiver.py) on a free port, its flags passed on; sets $receiver.
start_receiver() {
  receiver=$(free_port)
  python3 benches/pg_receiver.py "$receiver" "$@" &
  children+=($!)
  wait_http "http://127.0.0.1:$receiver/stats"
}
receiver_stat() { curl -s "http://127.0.0.1:$receiver/stats" | python3 -c "import json, sys; print(json.load(sys.stdin)['$1'])"; }
