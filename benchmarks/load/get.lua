-- wrk script: GET one path (TK_PATH) with the Circle bearer key (TK_API_KEY); counts the statuses.
local path = os.getenv("TK_PATH")
local headers = { ["Authorization"] = "Bearer " .. os.getenv("TK_API_KEY") }
statuses = {} -- global: done() reads it from each thread with thread:get
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function request()
  return wrk.format("GET", path, headers, nil)
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
