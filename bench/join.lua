-- POST /api/v1/events/{slug}/entries (or the HTML form with BENCH_FORM=1) with unique
-- addresses: BENCH_LIMIT in all, spread over the threads; each thread stops when its
-- share is answered.
function init(args)
   slug = os.getenv("BENCH_SLUG")
   share = math.floor(tonumber(os.getenv("BENCH_LIMIT")) / tonumber(os.getenv("BENCH_THREADS")))
   form = os.getenv("BENCH_FORM") == "1"
   prefix = os.getenv("BENCH_PREFIX") or "p"
   sent = 0
   answered = 0
   -- Formatted before the timed part, so that wrk's own work per request is no more than
   -- it must be: it shares the two cores with the server.
   requests = {}
   for n = 1, share do
      requests[n] = format_request(n)
   end
   -- wrk calls thread 0's request() once before the run to inspect it, without sending.
   inspected = id ~= 0
end

function request()
   if not inspected then
      inspected = true
      return next_request(1)
   end
   started()
   -- Connections still open after a thread's share is sent repeat its last address (an
   -- idempotent join), so no more than BENCH_LIMIT people join.
   sent = math.min(sent + 1, share)
   return next_request(sent)
end

function next_request(n)
   return requests[n]
end

function format_request(n)
   local email = string.format("%s%d-%d@bench.example.org", prefix, id, n)
   if form then
      local body = "name=Bench+Person&email=" .. email:gsub("@", "%%40")
         .. "&affiliation=&preference=in_person&consent=yes&website="
      return wrk.format("POST", "/events/" .. slug .. "/join",
         {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
   end
   local body = string.format(
      '{"email":"%s","name":"Bench Person","preference":"in_person","consent":true}', email)
   return wrk.format("POST", "/api/v1/events/" .. slug .. "/entries",
      {["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
   answered = answered + 1
   answered_now()
   if answered == share then
      finished()
   end
end
