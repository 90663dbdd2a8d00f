-- GET with the organizer's API token.
function init(args)
   wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
end
