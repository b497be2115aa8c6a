-- wrk script for benches/serve_intake.sh: POSTs a fresh JSON body per request over keep-alive and
-- counts the answers by status. BENCH_TARGET=notify posts an event to notify serve (a unique id each,
-- due in an hour, so the figure is intake alone); BENCH_TARGET=alertmanager posts one alert (unique
-- label) to Alertmanager's /api/v2/alerts.
local target = os.getenv("BENCH_TARGET") or "notify"
local run = os.getenv("BENCH_RUN") or "0"
local threads = {}
-- Globals: setup() gives each thread its `tid`, done() reads each thread's `statuses`.
counter = 0
tid = 0
statuses = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local key = string.format("%s-%d-%d", run, tid, counter)
  local body
  if target == "alertmanager" then
    body = string.format('[{"labels":{"alertname":"BenchAlert","severity":"warning","key":"%s"},'
      .. '"annotations":{"summary":"disk almost full on db-%s"}}]', key, key)
  else
    body = string.format('{"event":"ticket.data-change.pending-approval","id":"bench-%s",'
      .. '"approver":["u1"],"task_id":"42","message":"disk almost full on db-%s","in":"1h"}', key, key)
  end
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for status, n in pairs(counts or {}) do
      total[status] = (total[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(total) do
    table.insert(parts, string.format("%d=%d", status, n))
  end
  table.sort(parts)
  io.write(string.format("statuses %s\n", table.concat(parts, " ")))
  io.write(string.format("p50_ms %.2f p99_ms %.2f max_ms %.2f requests %d errors %d secs %.2f\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout, summary.duration / 1e6))
end
