-- wrk script: every request is a PUT of a key never written before, through
-- etcd's JSON gateway (POST /v3/kv/put).
-- Arguments after wrk's "--": KEY_PREFIX VALUE_BYTES.
-- Thread t writes KEY_PREFIX .. t .. "/" .. n for n = 0, 1, 2, ...; range.lua
-- reads these keys back.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

function init(args)
  prefix = args[1] .. tid .. "/"
  -- The value is the same for every request, so it is encoded once.
  value = base64(string.rep("v", tonumber(args[2])))
  n = 0
end

function request()
  local body = '{"key":"' .. base64(prefix .. n) .. '","value":"' .. value .. '"}'
  n = n + 1
  return wrk.format("POST", "/v3/kv/put", HEADERS, body)
end

function response(status, headers, body)
  record(status >= 200 and status < 300, status, body)
end
