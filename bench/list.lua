-- wrk script for the list benchmark: one wrk thread is one client (run with -t N -c N), each
-- listing its patient's conversations (GET /api/v1/conversations, first page) in a closed loop.
-- Usage: wrk -t N -c N -d 30s -s list.lua http://host:port -- clients.lua (see send.lua).

local threads = {}

function setup(thread)
   thread:set("client", #threads)
   table.insert(threads, thread)
end

function init(args)
   local me = dofile(args[1])[client + 1]
   headers = { ["Authorization"] = "Bearer " .. me.token }
   sent, ok, bad = 0, 0, 0
end

function request()
   sent = sent + 1
   return wrk.format("GET", "/api/v1/conversations", headers)
end

function response(status, headers, body)
   if status >= 200 and status < 300 then ok = ok + 1 else bad = bad + 1 end
end

function done(summary, latency, requests)
   local s, o, b = 0, 0, 0
   for _, t in ipairs(threads) do
      s, o, b = s + t:get("sent"), o + t:get("ok"), b + t:get("bad")
   end
   local e = summary.errors
   io.write(string.format(
      "BENCH sent=%d ok=%d bad=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d " ..
      "socket_errors=%d\n", s, o, b, summary.duration, latency:percentile(50), latency:percentile(90),
      latency:percentile(99), latency.max, e.connect + e.read + e.write + e.timeout))
end
