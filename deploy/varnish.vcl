#
# varnish.vcl -- Varnish 7 (Debian 12) in front of Pressrum's nginx.
#
# The edge keeps public pages, feeds, the sitemap, images and static
# files; Pressrum purges it on every change (pressrum serve --purge
# http://127.0.0.1:6081/, src/cli/edges.c), so a page is never older
# here than at the origin.  Pressrum marks a public page with
# "Surrogate-Control: max-age=60" (src/web/resp.h), which this file
# turns into the edge's TTL, and "Cache-Control: max-age=0,
# must-revalidate" for browsers, which revalidate through the edge
# (ETag / Last-Modified; the edge answers 304 itself).  An edge that
# misses purges is at most 60 s behind: grace is 0 for those pages.
#
# Never kept: a request with a staff session cookie, /admin,
# /forhandsvisning (embargo links), a search with a query, POSTs, and
# any answer but 2xx, except a 404 for 10 s.  Cookies are removed
# from every other request, so readers share one copy.
#
# Purges (PURGE of one URL, BAN of everything under a path) are taken
# from the addresses in acl purgers only.  Edit the backend (nginx of
# deploy/nginx-site.conf, or a plain-HTTP listener of it) and the ACL
# (the Pressrum host) for your site.
#
vcl 4.1;

import std;

backend pressrum {
	.host = "127.0.0.1";
	.port = "8080";
	.connect_timeout = 2s;
	.first_byte_timeout = 30s;
	.between_bytes_timeout = 10s;
}

# Who may purge: the machine Pressrum's master runs on.
acl purgers {
	"127.0.0.1";
	"::1";
}

sub vcl_recv {
	if (req.method == "PURGE" || req.method == "BAN") {
		if (client.ip !~ purgers) {
			return (synth(403, "Forbidden"));
		}
		if (req.method == "PURGE") {
			return (purge);
		}
		# BAN /: every object whose URL starts with the path sent.
		ban("obj.http.x-url ~ ^" + regsuball(req.url, "([^A-Za-z0-9/_-])", "\\\1"));
		return (synth(200, "Banned"));
	}
	if (req.method != "GET" && req.method != "HEAD") {
		return (pass);
	}
	if (req.http.Authorization ||
	    req.url ~ "^/admin(/|\?|$)" ||
	    req.url ~ "(?i)^/forhandsvisning(/|\?|$)" ||
	    req.url ~ "^/sok\?" ||
	    req.http.Cookie ~ "(^|;\s*)(__Host-)?pressrum_session=") {
		return (pass);
	}
	unset req.http.Cookie;
	return (hash);
}

sub vcl_backend_response {
	# For BAN: the URL an object was stored under.
	set beresp.http.x-url = bereq.url;
	if (beresp.status == 404) {
		set beresp.ttl = 10s;
		set beresp.grace = 0s;
		unset beresp.http.Set-Cookie;
		return (deliver);
	}
	if (beresp.status < 200 || beresp.status > 299 ||
	    beresp.http.Set-Cookie || beresp.http.Vary == "*" ||
	    beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
		set beresp.uncacheable = true;
		set beresp.ttl = 10s;
		return (deliver);
	}
	if (beresp.http.Surrogate-Control ~ "max-age=[0-9]+") {
		set beresp.ttl = std.duration(regsub(beresp.http.Surrogate-Control,
		    "^.*max-age=([0-9]+).*$", "\1s"), 0s);
		set beresp.grace = 0s;
		unset beresp.http.Surrogate-Control;
	}
	return (deliver);
}

sub vcl_deliver {
	unset resp.http.x-url;
	unset resp.http.Via;
	unset resp.http.X-Varnish;
	if (obj.hits > 0) {
		set resp.http.X-Cache = "HIT";
	} else {
		set resp.http.X-Cache = "MISS";
	}
}
