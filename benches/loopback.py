#!/usr/bin/env python3
"""A loopback HTTP sink for benches/fanout.sh: answers every POST with 200 `{}` over keep-alive.

Usage: loopback.py PORT [CAPTURE_DIR]
With CAPTURE_DIR, each request is saved as NNNNNN.url, NNNNNN.headers and NNNNNN.body (in arrival
order) so that curl can replay the same bytes. Listens on 127.0.0.1 only.
"""

import itertools
import os
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
CAPTURE = sys.argv[2] if len(sys.argv) > 2 else None
SKIP = {"host", "content-length", "connection", "accept", "accept-encoding", "expect"}
counter = itertools.count(1)
lock = threading.Lock()


class Sink(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        # One answer is one small write: without this, Nagle and delayed ACKs add 40 ms per request.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        if CAPTURE:
            with lock:
                n = next(counter)
            stem = os.path.join(CAPTURE, f"{n:06d}")
            with open(stem + ".url", "w") as f:
                f.write(self.path)
            with open(stem + ".headers", "w") as f:
                for key, value in self.headers.items():
                    if key.lower() not in SKIP:
                        f.write(f"{key}: {value}\n")
            with open(stem + ".body", "wb") as f:
                f.write(body)
        self.wfile.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
        )

    def log_message(self, *args):
        pass


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer.request_queue_size = 128
ThreadingHTTPServer(("127.0.0.1", PORT), Sink).serve_forever()
