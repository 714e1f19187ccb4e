-- wrk script: POST a Circle create account transfer with a fresh idempotency key on every request.
-- Environment: TK_PATH (e.g. /circle/v1/accounts/transfers), TK_API_KEY.
-- Keys are unique without randomness: <run nonce>-<thread>-<counter> laid out as a version-4 UUID.
local counter = 0
-- thread_id and nonce are globals: setup() sets them per thread with thread:set (a local would shadow them, and
-- every thread would then send the same keys, i.e. idempotent replays instead of new transfers).
thread_id = 0
nonce = 0
local path = os.getenv("TK_PATH")
local headers = {
  ["Authorization"] = "Bearer " .. os.getenv("TK_API_KEY"),
  ["Content-Type"] = "application/json",
}
statuses = {} -- global: done() reads it from each thread with thread:get

local threads = {}
function setup(thread)
  thread:set("thread_id", #threads + 1)
  thread:set("nonce", os.time() % 4294967296)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  local key = string.format("%08x-%04x-4%03x-8%03x-%012x", nonce, thread_id % 65536,
    math.floor(counter / 4096) % 4096, counter % 4096, counter)
  local body = '{"idempotencyKey":"' .. key .. '",'
    .. '"source":{"type":"account","id":"1017381855"},'
    .. '"destination":{"type":"account","id":"1000661542"},'
    .. '"amount":{"amount":"0.01","currency":"USD"}}'
  return wrk.format("POST", path, headers, body)
end

function response(status, hdrs, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local merged = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    if s then
      for k, v in pairs(s) do merged[k] = (merged[k] or 0) + v end
    end
  end
  local parts = {}
  for k, v in pairs(merged) do table.insert(parts, k .. "=" .. v) end
  table.sort(parts)
  io.write("STATUSES " .. table.concat(parts, " ") .. "\n")
end
