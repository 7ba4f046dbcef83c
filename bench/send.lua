-- wrk script for the send benchmark: one wrk thread is one client (run with -t N -c N), so each
-- client sends, closed loop, into its own ten conversations with its own patient's token, as
-- src/test/java/io/bedside/benchmark/SendLoadBenchmark.java does.
-- Usage: wrk -t N -c N -d 30s -s send.lua http://host:port -- clients.lua
-- clients.lua (written by send-benchmark.sh) returns { {token = "...", conversations = {"id", ...}}, ... }.

local threads = {}

function setup(thread)
   thread:set("client", #threads)
   table.insert(threads, thread)
end

function init(args)
   local me = dofile(args[1])[client + 1]
   conversations = me.conversations
   headers = { ["Authorization"] = "Bearer " .. me.token, ["Content-Type"] = "application/json" }
   sent, ok, bad = 0, 0, 0
end

function request()
   sent = sent + 1
   local conversation = conversations[(sent % #conversations) + 1]
   return wrk.format("POST", "/api/v1/conversations/" .. conversation .. "/messages", headers,
      '{"body":"Benchmark message ' .. client .. "-" .. sent .. '"}')
end

-- Counted here rather than taken from wrk's summary so that "acknowledged" means exactly 2xx.
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
