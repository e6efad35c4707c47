-- wrk script: every request is a linearizable read (etcd's default for
-- POST /v3/kv/range) of a random key that put.lua wrote.
-- Arguments after wrk's "--": KEY_PREFIX PUT_THREADS KEYS_PER_THREAD, where
-- KEY_PREFIX and PUT_THREADS are those of the put run, and keys 1..KEYS_PER_THREAD
-- of each of its threads are known to be written. Key 0 is never read: wrk
-- calls request() once on thread 1 to validate the script and drops that
-- request, so put thread 1's key 0 was never sent.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

function init(args)
  prefix, put_threads, keys = args[1], tonumber(args[2]), tonumber(args[3])
  math.randomseed(tid)
end

function request()
  local key = prefix .. math.random(put_threads) .. "/" .. math.random(keys)
  return wrk.format("POST", "/v3/kv/range", HEADERS, '{"key":"' .. base64(key) .. '"}')
end

-- A 200 without "kvs" means the key was not found: a failed read too.
function response(status, headers, body)
  record(status >= 200 and status < 300 and body:find('"kvs"', 1, true) ~= nil, status, body)
end
