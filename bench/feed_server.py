#!/usr/bin/env python3
"""The feed source of the "render frames while a sync runs" benchmark (bench/run, issue 8): a
JSON feed over HTTP on 127.0.0.1, as an intranet server would serve it, with ETags.

    bench/feed_server.py FEED.json

It prints its port on the first line of standard output, then serves until it is stopped,
logging one line per request on standard error ("TIME PATH STATUS BYTES"):

  /same.json       always the feed, ETag "a"; a request with If-None-Match "a" gets 304 Not
                   Modified: every sync after the first is an unchanged one (no download, no
                   parse, no write)
  /alternate.json  two versions that differ in one figure, "a" and "b": each request gets the
                   one the client does not have ("b" when it names none), so every sync
                   downloads, parses, validates and applies the whole feed and the player gets a
                   new snapshot each time

The feed is served compact (no indentation): podium's player takes bodies up to 64 MiB
(sync/http_client.hpp), and 10,000 champions x 24 months pretty-printed is 77 MiB, compact
49 MiB. Both versions are made once at start and kept as bytes.
"""
import http.server
import json
import sys
import time


def versions(path):
    with open(path, encoding="utf-8") as f:
        feed = json.load(f)
    a = json.dumps(feed, ensure_ascii=False, separators=(",", ":")).encode()
    feed["monthly"][0]["interactions"] += 1  # a figure corrected at the source
    b = json.dumps(feed, ensure_ascii=False, separators=(",", ":")).encode()
    return {'"a"': a, '"b"': b}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        have = self.headers.get("If-None-Match")
        if self.path == "/same.json":
            etag = '"a"'
            if have == etag:
                return self.reply(304, b"", etag)
        elif self.path == "/alternate.json":
            etag = '"a"' if have == '"b"' else '"b"'
        else:
            return self.reply(404, b"", None)
        self.reply(200, FEEDS[etag], etag)

    def reply(self, status, body, etag):
        self.send_response(status)
        if etag:
            self.send_header("ETag", etag)
        if status == 200:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        sys.stderr.write(f"{time.time():.3f} {self.path} {status} {len(body)}\n")
        sys.stderr.flush()

    def log_message(self, *args):  # one line per request, written by reply()
        pass


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[1])
    FEEDS = versions(sys.argv[1])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()
