-- wrk script of the HiringPlatform benchmark (one scenario per wrk run).
-- The harness writes a config file (a Lua table) and passes its path in BENCH_WRK_CONFIG:
--   method, path, headers, body (may be nil), success (status codes that count as success),
--   ids (file of ids, one a line, substituted for BENCHID), unique (run prefix, substituted for BENCHUNIQUE).
-- Each request gets its own BENCHUNIQUE (unique email, résumé name) and its own BENCHID (pool item), so no
-- POST repeats another. Statuses are counted per thread and added up in done(), which prints one line:
--   BENCH_RESULT {json}

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
  table.insert(threads, thread)
end

local cfg, parts_path, parts_body, ids, counter, stride
-- Globals, not locals: done() reads them from each thread with thread:get(), which sees only globals.
statuses, successes, others = {}, 0, 0

-- Splits a template into literal pieces and placeholder names, once, so request() only concatenates.
local function compile(template)
  if template == nil then return nil end
  local parts, pos = {}, 1
  while true do
    -- The first of the placeholders that comes next.
    local s, e, name
    for token, short in pairs({ BENCHUNIQUE = "u", BENCHID = "i", BENCHKEY = "k" }) do
      local s1, e1 = string.find(template, token, pos, true)
      if s1 and (not s or s1 < s) then s, e, name = s1, e1, short end
    end
    if not s then
      table.insert(parts, string.sub(template, pos))
      return parts
    end
    table.insert(parts, string.sub(template, pos, s - 1))
    table.insert(parts, { name })
    pos = e + 1
  end
end

local function render(parts, unique, id, key)
  if parts == nil then return nil end
  local out = {}
  for _, p in ipairs(parts) do
    if type(p) == "table" then
      if p[1] == "u" then table.insert(out, unique)
      elseif p[1] == "k" then table.insert(out, key)
      else table.insert(out, id) end
    else
      table.insert(out, p)
    end
  end
  return table.concat(out)
end

function init(args)
  cfg = dofile(os.getenv("BENCH_WRK_CONFIG"))
  math.randomseed(os.time())
  runkey = string.format("%08x", math.random(0, 2147483647))
  parts_path = compile(cfg.path)
  parts_body = compile(cfg.body)
  counter = 0
  statuses = {}
  successes = 0
  others = 0
  stride = cfg.threads or 1
  ids = nil
  if cfg.ids then
    ids = {}
    for line in io.lines(cfg.ids) do
      if #line > 0 then table.insert(ids, line) end
    end
  end
  for k, v in pairs(cfg.headers) do wrk.headers[k] = v end
  wrk.method = cfg.method
end

function request()
  counter = counter + 1
  local unique = cfg.unique .. "t" .. thread_id .. "n" .. counter
  local id = ""
  if ids then
    -- Thread t takes items t, t + T, t + 2T, ...: every request its own pool item.
    local i = (counter - 1) * stride + thread_id
    id = ids[i] or ids[#ids]
  end
  -- A GUID of its own per request (the form's idempotency key): this run, this thread, this request.
  local key = string.format("%s-%04x-4000-8000-%012x", runkey, thread_id % 65536, counter)
  return wrk.format(nil, render(parts_path, unique, id, key), nil, render(parts_body, unique, id, key))
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if cfg.success[status] then successes = successes + 1 else others = others + 1 end
end

local function json_escape(s)
  return (string.gsub(s, '[%c"\\]', function(c) return string.format("\\u%04x", string.byte(c)) end))
end

function done(summary, latency, requests)
  -- done() runs in wrk's main Lua state, where init() never ran.
  local name = dofile(os.getenv("BENCH_WRK_CONFIG")).name or ""
  local codes, ok, bad = {}, 0, 0
  for _, t in ipairs(threads) do
    local s = t:get("statuses") or {}
    for code, n in pairs(s) do codes[code] = (codes[code] or 0) + n end
    ok = ok + (t:get("successes") or 0)
    bad = bad + (t:get("others") or 0)
  end
  local code_list = {}
  for code, n in pairs(codes) do table.insert(code_list, string.format('"%d":%d', code, n)) end
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"duration_us":%d,"bytes":%d,"successes":%d,"unexpected":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"mean":%.1f,"max":%d,"p50":%d,"p90":%d,"p95":%d,"p99":%d},"statuses":{%s},"name":"%s"}\n',
    summary.requests, summary.duration, summary.bytes, ok, bad,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency.max, latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99),
    table.concat(code_list, ","), json_escape(name)))
end
