-- wrk script for the redemption benchmark: each request hands one card's blanket over at one of
-- fifty points, as a distribution officer's signed-in session.
--   wrk ... -s redeem_load.lua URL -- POOL MODE PLAN POINTS SESSION CSRF PAUSE_MS LIMIT SPREAD
--     THREADS
-- MODE unique: every request a different card (the throughput runs).
-- MODE race: SPREAD consecutive requests of a thread send the same card, so the thread's
--   connections (and the other threads, walking the same list) race on each card.
-- PAUSE_MS: think time of each connection before its next request (0: none).
-- LIMIT: responses after which a thread stops (0: run for the duration).
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  pool, mode, plan = {}, args[2], args[3]
  points = {}
  for p in string.gmatch(args[4], "[^,]+") do table.insert(points, p) end
  pause, limit, spread = tonumber(args[7]), tonumber(args[8]), tonumber(args[9])
  nthreads = tonumber(args[10])
  for line in io.lines(args[1]) do
    local token, entitlement = line:match("(%S+) (%d+)")
    if token then table.insert(pool, {token, entitlement}) end
  end
  headers = {
    ["Content-Type"] = "application/json",
    ["Cookie"] = "sessionid=" .. args[5] .. "; csrftoken=" .. args[6],
    ["X-CSRFToken"] = args[6],
  }
  sent, received = 0, 0
  s201, s200, s422, other = 0, 0, 0, 0
end

function request()
  local index
  if mode == "race" then
    index = math.floor(sent / spread) % #pool + 1
  else
    index = (id - 1 + sent * nthreads) % #pool + 1
  end
  local card = pool[index]
  local body = string.format(
    '{"token":"%s","plan":"%s","point":%s,"lines":[{"entitlement":%s,"quantity":1}],' ..
    '"idempotency_key":"t%d-%d"}',
    card[1], plan, points[sent % #points + 1], card[2], id, sent)
  sent = sent + 1
  return wrk.format("POST", nil, headers, body)
end

function response(status, headers, body)
  received = received + 1
  if status == 201 then s201 = s201 + 1
  elseif status == 200 then s200 = s200 + 1
  elseif status == 422 then s422 = s422 + 1
  else other = other + 1 end
  if limit > 0 and received >= limit then wrk.thread:stop() end
end

function delay()
  return pause
end

function done(summary, latency, requests)
  local t = {s201 = 0, s200 = 0, s422 = 0, other = 0}
  for _, thread in ipairs(threads) do
    for key, _ in pairs(t) do t[key] = t[key] + thread:get(key) end
  end
  io.write(string.format(
    'RESULT {"created":%d,"replayed":%d,"refused":%d,"other":%d,"requests":%d,' ..
    '"errors":%d,"seconds":%.3f,"p50_ms":%.2f,"p90_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f}\n',
    t.s201, t.s200, t.s422, t.other, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write +
      summary.errors.status + summary.errors.timeout,
    summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(90) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3))
end
