-- POST /api/v1/events/{slug}/entries (or the HTML form with BENCH_FORM=1) with unique
-- addresses: LIMIT in all, spread over the threads; each thread stops when its share is in.
local threads = {}
local counter = 0

function setup(thread)
   thread:set("id", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

function init(args)
   slug = os.getenv("BENCH_SLUG")
   limit = tonumber(os.getenv("BENCH_LIMIT")) / tonumber(os.getenv("BENCH_THREADS"))
   form = os.getenv("BENCH_FORM") == "1"
   prefix = os.getenv("BENCH_PREFIX") or "p"
   sent = 0
   answered = 0
end

function request()
   -- Connections still open after a thread's share is sent repeat its last address (an
   -- idempotent join), so exactly LIMIT people join in all.
   sent = math.min(sent + 1, limit)
   local email = string.format("%s%d-%d@bench.example.org", prefix, id, sent)
   if form then
      local body = "name=Bench+Person&email=" .. email:gsub("@", "%%40") .. "&affiliation=&preference=in_person&consent=yes&website="
      return wrk.format("POST", "/events/" .. slug .. "/join",
         {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
   end
   local body = string.format('{"email":"%s","name":"Bench Person","preference":"in_person","consent":true}', email)
   return wrk.format("POST", "/api/v1/events/" .. slug .. "/entries",
      {["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
   answered = answered + 1
   if answered >= limit then
      wrk.thread:stop()
   end
end
