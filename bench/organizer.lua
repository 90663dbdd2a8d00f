-- The dashboard, signed in: the session cookie comes from bench/run.
function init(args)
   wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
end
