-- load.lua -- the wrk script of bench/load.sh: mixed public reads.
--
-- Each connection's requests rotate over the public pages below, or the
-- paths given after wrk's "--" (the rotation starts at a different page
-- in each thread).  Every response's
-- status is counted per thread; done() adds them up and prints, after
-- wrk's own report, lines that bench/load.sh parses:
--   LOAD requests N
--   LOAD status CODE N          (one line per status seen)
--   LOAD errors connect N read N write N timeout N status N

local paths = {
	"/",
	"/nyheter",
	"/nyheter?sida=2",
	"/nyheter/fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid",
	"/amnen/jamstalldhet",
	"/kontakt",
	"/sok?q=j%C3%A4mst%C3%A4lldhet",
	"/nyheter.atom",
}

local threads = {}
local next_id = 0

function setup(thread)
	thread:set("id", next_id)
	next_id = next_id + 1
	table.insert(threads, thread)
end

function init(args)
	if args ~= nil and #args > 0 then
		paths = args
	end
	n = id or 0
	statuses = {}
end

function request()
	n = n + 1
	return wrk.format("GET", paths[(n % #paths) + 1])
end

function response(status, headers, body)
	local k = tostring(status)
	statuses[k] = (statuses[k] or 0) + 1
end

function done(summary, latency, requests)
	local total = {}
	for _, t in ipairs(threads) do
		local s = t:get("statuses")
		if s ~= nil then
			for code, count in pairs(s) do
				total[code] = (total[code] or 0) + count
			end
		end
	end
	io.write(string.format("LOAD requests %d\n", summary.requests))
	local codes = {}
	for code in pairs(total) do
		table.insert(codes, code)
	end
	table.sort(codes)
	for _, code in ipairs(codes) do
		io.write(string.format("LOAD status %s %d\n", code, total[code]))
	end
	local e = summary.errors
	io.write(string.format(
	    "LOAD errors connect %d read %d write %d timeout %d status %d\n",
	    e.connect, e.read, e.write, e.timeout, e.status))
	io.write(string.format("LOAD latency p50 %.1f p99 %.1f max %.1f ms\n",
	    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
	    latency.max / 1000))
end
