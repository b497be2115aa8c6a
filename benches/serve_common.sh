# Shared by benches/serve_*.sh (sourced): the binary, a scratch folder, a store with user u1 whose
# webhook is the loopback receiver, and starting/stopping `notify serve`. Only 127.0.0.1 is contacted.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in python3 curl; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is required" >&2; exit 1; }
done
if [[ -z "${NOTIFY_BIN:-}" ]]; then
  [[ -x target/release/notify ]] || cargo build --release --locked --quiet
  NOTIFY_BIN=target/release/notify
fi
bin=$(realpath "$NOTIFY_BIN")
work=$(mktemp -d)
serve_pid=
children=()
cleanup() {
  [[ -n "$serve_pid" ]] && kill -9 "$serve_pid" 2>/dev/null
  for pid in "${children[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export NOTIFY_STORE="$work/store.toml" NOTIFY_LOG="${BENCH_LOG:-$work/log.db}" HOME="$work" XDG_CACHE_HOME="$work/cache"
unset RUST_BACKTRACE

# A free loopback port.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Waits until GET url answers (any status), or fails.
wait_http() {
  for _ in $(seq 200); do curl -s -o /dev/null "$1" && return; sleep 0.05; done
  echo "$0: nothing answers at $1" >&2; exit 1
}

# User u1 with an enabled webhook at the receiver (no signature), as the tests set one up.
store_with_webhook() { # receiver port
  "$bin" user add u1 >/dev/null 2>&1
  "$bin" user modify u1 --set "webhook.url=http://127.0.0.1:$1/u1" \
    --set webhook.signature_method=NONE --enable webhook >/dev/null 2>&1
}

# Starts serve on $serve_port (stderr to $work/serve.err); sets $serve_pid.
start_serve() {
  "$bin" serve --bind "127.0.0.1:$serve_port" "$@" 2>>"$work/serve.err" &
  serve_pid=$!
  wait_http "http://127.0.0.1:$serve_port/healthz"
}

# CPU seconds (user + system) a running process has used so far.
cpu_secs() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }

vm_hwm_mib() { awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
