-- POST a fixed JSON body: wrk -s post.lua URL -- '<json body>'
function init(args)
  wrk.method = "POST"
  wrk.body = args[1]
  wrk.headers["Content-Type"] = "application/json"
end

local errors = 0
function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"status":2', 1, true) then
    errors = errors + 1
    if errors <= 3 then io.stderr:write("bad answer: " .. body .. "\n") end
  end
end
