-- POST a fixed JSON body: wrk -s post.lua URL -- '<json body>'
-- Counts answers that are not HTTP 200 with "status":2 and prints them at the end.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.body = args[1]
  wrk.headers["Content-Type"] = "application/json"
  bad = 0
  sample = ""
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"status":2', 1, true) then
    bad = bad + 1
    if sample == "" then sample = tostring(status) .. " " .. body end
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do
    total = total + (t:get("bad") or 0)
    local s = t:get("sample")
    if s and s ~= "" then io.write("SAMPLE " .. s .. "\n") end
  end
  io.write(string.format("BAD %d\n", total))
  io.write(string.format("P50 %d\nP99 %d\n", latency:percentile(50), latency:percentile(99)))
end
