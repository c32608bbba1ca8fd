-- wrk script for bench/intake.sh: each thread streams its own file of signed deliveries
-- (PREFIX.<thread>, lines "salt<TAB>signature<TAB>body" from gen_bodies.py) and sends each line once.
-- Usage: wrk -t2 -c64 -d10s --latency -s deliveries.lua http://127.0.0.1:5301/webhooks/pluvo -- PREFIX
--
-- done() prints one line that intake.sh reads:
--   RESULT requests=.. answered_2xx=.. answered_other=.. socket_errors=.. reused=.. seconds=.. p50_ms=.. p99_ms=..
-- A thread that runs out of lines starts its file again; `reused` counts the bodies sent a second time.

local threads = {}

function setup(thread)
   thread:set("index", #threads)
   table.insert(threads, thread)
end

-- Globals, not locals: done() reads them from each thread's state with thread:get().
answered_2xx = 0
answered_other = 0
reused = 0

local file
local wrapped = false
local headers = { ["Content-Type"] = "application/json" }

function init(args)
   local prefix = assert(args[1], "usage: ... -s deliveries.lua URL -- BODIES_PREFIX")
   local path = prefix .. "." .. wrk.thread:get("index")
   file = assert(io.open(path, "r"))
end

function request()
   local line = file:read("*l")
   if not line then
      file:seek("set")
      wrapped = true
      line = assert(file:read("*l"), "no deliveries in the file")
   end

   if wrapped then
      reused = reused + 1
   end

   local first = line:find("\t", 1, true)
   local second = line:find("\t", first + 1, true)
   headers["X-Signature-Salt"] = line:sub(1, first - 1)
   headers["X-Signature"] = line:sub(first + 1, second - 1)
   return wrk.format("POST", nil, headers, line:sub(second + 1))
end

function response(status, response_headers, body)
   if status >= 200 and status < 300 then
      answered_2xx = answered_2xx + 1
   else
      answered_other = answered_other + 1
   end
end

function done(summary, latency, requests)
   local ok, other, again = 0, 0, 0
   for _, thread in ipairs(threads) do
      ok = ok + thread:get("answered_2xx")
      other = other + thread:get("answered_other")
      again = again + thread:get("reused")
   end

   local e = summary.errors
   io.write(string.format(
      "RESULT requests=%d answered_2xx=%d answered_other=%d socket_errors=%d reused=%d seconds=%.3f "
         .. "p50_ms=%.3f p99_ms=%.3f\n",
      summary.requests, ok, other, e.connect + e.read + e.write + e.timeout, again,
      summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
