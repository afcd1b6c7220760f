-- GetNumber then CancelActivation, repeatedly:
--   wrk -s cycle.lua URL -- CLIENT_ID PASSWORD SERVICE COUNTRY
-- Each connection alternates: a GetNumber, then the cancel of the lease it got.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  creds = string.format('"clientId":"%s","apiPassword":"%s"', args[1], args[2])
  getnumber = string.format('{%s,"service":"%s","detail":{"country":"%s"}}', creds, args[3], args[4])
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
