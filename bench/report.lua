-- Shared by every scenario (appended to its script): thread ids, a microsecond clock, and
-- one JSON line with the figures bench/run reads.
local ffi = require("ffi")
ffi.cdef [[
   typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
   int clock_gettime(int clock, bench_timespec *ts);
]]
local timespec = ffi.new("bench_timespec")

function now_us()
   ffi.C.clock_gettime(1, timespec) -- CLOCK_MONOTONIC
   return tonumber(timespec.tv_sec) * 1e6 + tonumber(timespec.tv_nsec) / 1e3
end

local threads = {}
local counter = 0

function setup(thread)
   thread:set("id", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

-- Scenarios that stop after a fixed number of requests note when they sent their first
-- and got their last answer: wrk's own duration includes the wait for the last thread
-- to notice it is done.
function started()
   if not first_us then
      first_us = now_us()
   end
end

function answered_now()
   last_us = now_us()
end

-- A thread that has its share of answers stops, and says so in a file so bench/run can
-- end wrk's fixed-length run at once (wrk waits out its duration otherwise).
function finished()
   local dir = os.getenv("BENCH_DONE_DIR")
   if dir then
      local file = io.open(string.format("%s/thread-%d", dir, id), "w")
      file:close()
   end
   wrk.thread:stop()
end

function done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local first, last
   for _, thread in ipairs(threads) do
      local f, l = thread:get("first_us"), thread:get("last_us")
      if f and l then
         first = first and math.min(first, f) or f
         last = last and math.max(last, l) or l
      end
   end
   if os.getenv("BENCH_DEBUG") then
      for _, thread in ipairs(threads) do
         io.stderr:write(string.format("thread %s sent %s answered %s\n", tostring(thread:get("id")), tostring(thread:get("sent")), tostring(thread:get("answered"))))
      end
   end
   if first and last and last > first then
      seconds = (last - first) / 1e6
   end
   local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
   io.write(string.format(
      '{"requests": %d, "seconds": %.3f, "rps": %.1f, "p50_ms": %.3f, "p99_ms": %.3f, "errors": %d, "non_2xx": %d}\n',
      summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, summary.errors.status))
end
