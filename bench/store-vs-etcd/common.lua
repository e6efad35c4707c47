-- Shared by put.lua and range.lua (each loads it with dofile): base64, thread
-- ids, and the checking of every response, summed up in done() as one line
-- that etcd_peer.sh parses:
--   lua: ok_min_per_thread=N failed=N socket_errors=N

-- etcd's JSON gateway carries keys and values as protobuf `bytes`, which JSON
-- spells as standard base64 with padding (RFC 4648).
local ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

local function digit(index)
  return ALPHABET:sub(index + 1, index + 1)
end

function base64(s)
  local out = {}
  for i = 1, #s, 3 do
    local a, b, c = s:byte(i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    out[#out + 1] = digit(math.floor(n / 262144) % 64)
      .. digit(math.floor(n / 4096) % 64)
      .. (b and digit(math.floor(n / 64) % 64) or "=")
      .. (c and digit(n % 64) or "=")
  end
  return table.concat(out)
end

HEADERS = { ["Content-Type"] = "application/json" }

-- setup() and done() run in wrk's main Lua state; every thread has a state of
-- its own. setup() numbers the threads 1..T (the global `tid` in each thread)
-- and keeps their handles so that done() can read their counters.
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("tid", #threads)
end

-- Per-thread counters, read back by done() through thread:get().
ok, failed, first_failure = 0, 0, nil

-- Called from each script's response(): `good` says whether the response is
-- what the request should have produced.
function record(good, status, body)
  if good then
    ok = ok + 1
    return
  end
  failed = failed + 1
  first_failure = first_failure or (status .. " " .. body:sub(1, 300))
end

function done(summary)
  local ok_min, failed_sum, first = math.huge, 0, nil
  for _, thread in ipairs(threads) do
    ok_min = math.min(ok_min, thread:get("ok"))
    failed_sum = failed_sum + thread:get("failed")
    first = first or thread:get("first_failure")
  end
  local e = summary.errors
  io.write(string.format("lua: ok_min_per_thread=%d failed=%d socket_errors=%d\n",
    ok_min, failed_sum, e.connect + e.read + e.write + e.timeout))
  if first then
    io.write("lua: first failure: ", first, "\n")
  end
end
