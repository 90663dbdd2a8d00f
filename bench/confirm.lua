-- The rush: every pending entry confirms its address at once. Tokens come from the file
-- BENCH_TOKENS (one per line); thread i takes every n-th one. Once a thread has sent its
-- share it repeats its last confirmation (idempotent) until its answers are all in.
local counter = 0

function setup(thread)
   thread:set("id", counter)
   counter = counter + 1
end

function init(args)
   local threads = tonumber(os.getenv("BENCH_THREADS"))
   tokens = {}
   local i = 0
   for line in io.lines(os.getenv("BENCH_TOKENS")) do
      if i % threads == id then
         table.insert(tokens, line)
      end
      i = i + 1
   end
   sent = 0
   answered = 0
end

function request()
   sent = sent + 1
   local token = tokens[math.min(sent, #tokens)]
   return wrk.format("POST", "/api/v1/me/" .. token .. "/confirm-email",
      {["Content-Type"] = "application/json"}, "{}")
end

function response(status, headers, body)
   answered = answered + 1
   if answered >= #tokens then
      wrk.thread:stop()
   end
end
