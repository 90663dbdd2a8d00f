-- Mixed traffic for the soak test: mostly reads of the event (API and page), the events
-- list, and now and then a new entry with a unique address (a write, an audit row and an
-- email) every BENCH_WRITE_EVERY requests (100 by default; 0 for reads only). BENCH_SLUG
-- names the event.
local counter = 0

function setup(thread)
   thread:set("id", counter)
   counter = counter + 1
end

function init(args)
   slug = os.getenv("BENCH_SLUG")
   write_every = tonumber(os.getenv("BENCH_WRITE_EVERY") or "100")
   n = 0
end

function request()
   n = n + 1
   local pick = n % 100
   if write_every > 0 and n % write_every == 0 then
      local email = string.format("soak%d-%d@bench.example.org", id, n)
      local body = string.format('{"email":"%s","name":"Soak Person","preference":"either","consent":true}', email)
      return wrk.format("POST", "/api/v1/events/" .. slug .. "/entries",
         {["Content-Type"] = "application/json"}, body)
   elseif pick < 45 then
      return wrk.format("GET", "/api/v1/events/" .. slug)
   elseif pick < 75 then
      return wrk.format("GET", "/events/" .. slug)
   elseif pick < 90 then
      return wrk.format("GET", "/api/v1/events")
   else
      return wrk.format("GET", "/")
   end
end
