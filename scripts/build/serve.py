"""`make serve`: www/ as a plain static host serves it, but index.html and embed.html as the
build filled them with their first results (www/pkg/, written by scripts/build/prerender.mjs).
`make dist` puts them in place instead."""

import functools
import http.server
import os
import sys

WWW = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "www")
WWW = os.path.normpath(WWW)
PAGES = {"index.html", "embed.html"}


class Handler(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path):
        local = super().translate_path(path)
        relative = os.path.relpath(local, WWW)
        if relative == ".":
            relative = "index.html"
        if relative in PAGES:
            return os.path.join(WWW, "pkg", relative)
        return local


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
    handler = functools.partial(Handler, directory=WWW)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        server.serve_forever()
