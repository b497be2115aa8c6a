#!/usr/bin/env python3
"""A counting webhook for benches/pg_*.sh: keyed on (path, X-Notify-Delivery), as an idempotent receiver.

Usage: pg_receiver.py PORT [--hold]
Every POST is counted by key. While holding (--hold, until GET /answer), a POST is never answered:
its sender keeps the delivery in flight, and its lease. Otherwise it is answered 200 `{}` at once.
GET /stats: {"requests", "held", "answered", "keys" (distinct keys answered), "repeats" (answers to a
key answered before), "first", "last" (epoch seconds of the first and last answer)}.
Listens on 127.0.0.1 only.
"""

import json
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
hold = threading.Event()
if "--hold" in sys.argv[2:]:
    hold.set()
never = threading.Event()
lock = threading.Lock()
stats = {"requests": 0, "held": 0, "answered": 0, "keys": 0, "repeats": 0, "first": None, "last": None}
answered = set()


class Sink(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def reply(self, body):
        data = json.dumps(body).encode()
        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                         + str(len(data)).encode() + b"\r\n\r\n" + data)

    def do_GET(self):
        if self.path == "/answer":
            hold.clear()
        with lock:
            self.reply(dict(stats))

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        key = (self.path, self.headers.get("X-Notify-Delivery", ""))
        with lock:
            stats["requests"] += 1
            held = hold.is_set()
            if held:
                stats["held"] += 1
        if held:
            never.wait()  # the sender gives up, or is killed
            return
        with lock:
            now = time.time()
            stats["answered"] += 1
            stats["first"] = stats["first"] or now
            stats["last"] = now
            if key in answered:
                stats["repeats"] += 1
            else:
                answered.add(key)
                stats["keys"] += 1
        self.reply({})

    def log_message(self, *args):
        pass


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer.request_queue_size = 256
ThreadingHTTPServer(("127.0.0.1", PORT), Sink).serve_forever()
