#!/usr/bin/env python3
"""Static file server for the browser tests: python's http.server on 127.0.0.1, plus a
"dead network" switch. While the file named by --hang-file exists, every connection is
accepted and never answered (as a captive portal or a saturated link does); the
connection is closed, unanswered, once the file is gone or after 60 s.

    serve.py --directory DIST --port PORT --hang-file PATH
"""
import argparse
import functools
import http.server
import os
import time


class Handler(http.server.SimpleHTTPRequestHandler):
    hang_file = None

    def handle(self):
        if self.hang_file and os.path.exists(self.hang_file):
            deadline = time.monotonic() + 60
            while os.path.exists(self.hang_file) and time.monotonic() < deadline:
                time.sleep(0.1)
            return  # closed without a word
        super().handle()

    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--directory", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--hang-file", default=None)
    options = parser.parse_args()
    Handler.hang_file = options.hang_file
    handler = functools.partial(Handler, directory=options.directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", options.port), handler)
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
