-- The rush: every pending entry confirms its address at once. Tokens come from the file
-- BENCH_TOKENS (one per line); thread i takes every n-th one. Once a thread has sent its
-- share it repeats its last confirmation (idempotent) until its answers are all in.
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
   share = #tokens
   -- Formatted before the timed part, so that wrk's own work per request is no more than
   -- it must be: it shares the two cores with the server.
   requests = {}
   for n, token in ipairs(tokens) do
      requests[n] = wrk.format("POST", "/api/v1/me/" .. token .. "/confirm-email",
         {["Content-Type"] = "application/json"}, "{}")
   end
   sent = 0
   answered = 0
   -- wrk calls thread 0's request() once before the run to inspect it, without sending.
   inspected = id ~= 0
end

function request()
   if not inspected then
      inspected = true
      return next_request(1)
   end
   started()
   sent = sent + 1
   return next_request(math.min(sent, #tokens))
end

function next_request(n)
   return requests[n]
end

function response(status, headers, body)
   answered = answered + 1
   answered_now()
   if answered == share then
      finished()
   end
end
