#!/usr/bin/env python3
"""A local HTTP server for the download and library tests (127.0.0.1 only).

Usage: pack_server.py ROOT. Binds a free port, prints it on the first line of stdout,
then serves until killed:

  /files/PATH         ROOT/PATH with an ETag and Last-Modified; If-None-Match -> 304
  /404                HTTP 404
  /big-declared.zip   declares 10 MB, sends a little
  /big-undeclared.zip no Content-Length, 3 MB of body then close
  /stall.zip          headers (Content-Length 1000), 10 bytes, then nothing
  /redirect-http.zip  302 to http://localhost:PORT/files/pack.zip (plain http)
  /corrupt.zip        a zip signature then garbage
  /slow/PATH          ROOT/PATH in 4 KB pieces, 20 ms apart (for cancelling half-way)
  /count              how many requests were answered
"""
import hashlib
import http.server
import os
import sys
import threading
import time

ROOT = os.path.abspath(sys.argv[1])
COUNT = 0
LOCK = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet: the tests read stdout for the port only
        pass

    def send_body(self, status, body, headers=()):
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def local_file(self, relative):
        path = os.path.abspath(os.path.join(ROOT, relative))
        if not path.startswith(ROOT + os.sep) or not os.path.isfile(path):
            return None
        with open(path, "rb") as f:
            return f.read()

    def do_GET(self):
        global COUNT
        with LOCK:
            COUNT += 1
        path = self.path.split("?", 1)[0]
        if path.startswith("/files/"):
            return self.serve_file(path[len("/files/"):])
        if path.startswith("/slow/"):
            return self.serve_slowly(path[len("/slow/"):])
        route = {
            "/404": lambda: self.send_body(404, b"not here"),
            "/big-declared.zip": self.big_declared,
            "/big-undeclared.zip": self.big_undeclared,
            "/stall.zip": self.stall,
            "/redirect-http.zip": lambda: self.redirect(
                "http://localhost:%d/files/pack.zip" % self.server.server_port),
            "/corrupt.zip": lambda: self.send_body(200, b"PK\x03\x04" + b"\xde\xad" * 500),
            "/count": lambda: self.send_body(200, str(COUNT).encode()),
        }.get(path)
        if route:
            return route()
        self.send_body(404, b"no such route")

    def serve_file(self, relative):
        body = self.local_file(relative)
        if body is None:
            return self.send_body(404, b"no such file")
        etag = '"%s"' % hashlib.sha256(body).hexdigest()[:16]
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_body(200, body, [("ETag", etag),
                                   ("Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT")])

    def serve_slowly(self, relative):
        body = self.local_file(relative)
        if body is None:
            return self.send_body(404, b"no such file")
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        for start in range(0, len(body), 4096):
            self.wfile.write(body[start:start + 4096])
            self.wfile.flush()
            time.sleep(0.02)

    def big_declared(self):
        self.send_response(200)
        self.send_header("Content-Length", str(10 * 1000 * 1000))
        self.end_headers()
        self.wfile.write(b"x" * 1000)

    def big_undeclared(self):
        self.send_response(200)
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        for _ in range(3 * 1000):
            self.wfile.write(b"y" * 1000)

    def stall(self):
        self.send_response(200)
        self.send_header("Content-Length", "1000")
        self.end_headers()
        self.wfile.write(b"z" * 10)
        self.wfile.flush()
        time.sleep(60)

    def redirect(self, location):
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True  # a stalled answer must not keep the process alive


def main():
    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_port, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
