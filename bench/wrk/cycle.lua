-- GetNumber then CancelActivation, repeatedly; each wrk thread is one client:
--   wrk -t4 -s cycle.lua URL -- "ID1:PW1,ID2:PW2,..." SERVICE COUNTRY
-- (a thread's connections share its client; every lease is cancelled by its owner).
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
  table.insert(threads, thread)
end

function init(args)
  local clients = {}
  for pair in string.gmatch(args[1], "[^,]+") do
    local id, pw = string.match(pair, "([^:]+):(.+)")
    table.insert(clients, string.format('"clientId":"%s","apiPassword":"%s"', id, pw))
  end
  creds = clients[(index - 1) % #clients + 1]
  getnumber = string.format('{%s,"service":"%s","detail":{"country":"%s"}}', creds, args[2], args[3])
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  pending = {}
  bad = 0
  sample = ""
end

function request()
  local id = table.remove(pending)
  if id then
    return wrk.format(nil, "/native/CancelActivation", nil, string.format('{%s,"activationId":"%s"}', creds, id))
  end
  return wrk.format(nil, "/native/GetNumber", nil, getnumber)
end

function response(status, headers, body)
  local id = string.match(body, '"activationId":"([%x%-]+)"')
  if id then table.insert(pending, id) end
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
