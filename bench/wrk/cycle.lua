-- GetNumber then CancelActivation, repeatedly: wrk -s cycle.lua URL -- CLIENT_ID PASSWORD SERVICE COUNTRY
local creds, getnumber, pending, errors = nil, nil, {}, 0

function init(args)
  creds = string.format('"clientId":"%s","apiPassword":"%s"', args[1], args[2])
  getnumber = string.format('{%s,"service":"%s","detail":{"country":"%s"}}', creds, args[3], args[4])
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
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
  if not string.find(body, '"status":2', 1, true) then
    errors = errors + 1
    if errors <= 3 then io.stderr:write("bad answer: " .. body .. "\n") end
  end
end
