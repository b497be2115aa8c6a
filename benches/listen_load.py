#!/usr/bin/env python3
"""Load for benches/listen.sh: fires bursts, slowloris heads and 100 MiB bodies at a running
`notify listen` on 127.0.0.1 and samples its memory (/proc/PID/status) all along.

Usage: listen_load.py PORT PID KEY   (the listener checks HMAC_SHA256 with KEY)
Prints one line per phase and the listener's peak RSS (VmHWM). Only 127.0.0.1 is contacted.
"""

import asyncio
import hashlib
import hmac
import json
import sys
import time

PORT, PID, KEY = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3].encode()
HOST = "127.0.0.1"
BURST = 300
SLOWLORIS = 50
BIG = 100 * 1024 * 1024
WAIT = 60  # seconds any one exchange may take before it counts as unanswered


def kib(field):
    with open(f"/proc/{PID}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


class Memory:
    """The listener's resident memory, sampled every 10 ms."""

    def __init__(self):
        self.peak_kib = 0

    async def sample(self):
        while True:
            self.peak_kib = max(self.peak_kib, kib("VmRSS"))
            await asyncio.sleep(0.01)

    def phase(self):
        peak, self.peak_kib = self.peak_kib, kib("VmRSS")
        return peak


def signed_post(n, path="/hooks/dms"):
    delivery = f"bench-{n}-{time.time_ns()}"
    body = json.dumps({
        "messageEvent": {"id": delivery, "event": "bench", "eventTime": int(time.time() * 1000),
                         "message": f"burst {n}", "receivers": [{"uid": "alice"}]},
        "signatureMethod": "HMAC_SHA256",
    }).encode()
    sig = hmac.new(KEY, body, hashlib.sha256).hexdigest()
    head = (f"POST {path} HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/json\r\n"
            f"X-Notify-Delivery: {delivery}\r\nX-Notify-Signature: sha256={sig}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()
    return head + body


async def status_of(reader):
    """The status of the answer, or None when the connection closes without one."""
    try:
        line = await asyncio.wait_for(reader.readline(), WAIT)
    except (ConnectionError, asyncio.TimeoutError):
        return None
    parts = line.split()
    return int(parts[1]) if len(parts) > 1 else None


async def burst(n):
    """n fresh connections, all open before any request is sent; then every request; then answers."""
    started = time.monotonic()
    conns = await asyncio.gather(*(asyncio.open_connection(HOST, PORT) for _ in range(n)))
    for i, (_, writer) in enumerate(conns):
        writer.write(signed_post(i))
    statuses = await asyncio.gather(*(status_of(reader) for reader, _ in conns))
    for _, writer in conns:
        writer.close()
    elapsed = time.monotonic() - started
    answered = sum(s is not None for s in statuses)
    accepted = sum(s == 204 for s in statuses)
    return answered, accepted, elapsed


async def slowloris(stop):
    """A head trickled a byte every 200 ms; returns (status or None, seconds until the end)."""
    started = time.monotonic()
    reader, writer = await asyncio.open_connection(HOST, PORT)
    writer.write(b"POST /hooks/dms HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")

    async def trickle():
        while not stop.is_set():
            try:
                writer.write(b"a")
                await writer.drain()
            except ConnectionError:
                return
            await asyncio.sleep(0.2)

    trickling = asyncio.create_task(trickle())
    status = await status_of(reader)
    trickling.cancel()
    writer.close()
    return status, time.monotonic() - started


async def big_body(chunked):
    """Sends a 100 MiB body as fast as the listener takes it; returns (status, MiB sent, seconds)."""
    started = time.monotonic()
    reader, writer = await asyncio.open_connection(HOST, PORT)
    framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {BIG}"
    writer.write(f"POST /hooks/dms HTTP/1.1\r\nHost: {HOST}\r\n{framing}\r\n\r\n".encode())
    chunk = b"x" * (64 * 1024)
    frame = (b"10000\r\n" + chunk + b"\r\n") if chunked else chunk
    sent = 0

    async def send():
        nonlocal sent
        try:
            while sent < BIG:
                writer.write(frame)
                await writer.drain()
                sent += len(chunk)
            if chunked:
                writer.write(b"0\r\n\r\n")
                await writer.drain()
        except ConnectionError:
            pass

    sending = asyncio.create_task(send())
    status = await status_of(reader)
    sending.cancel()
    writer.close()
    return status, sent / (1024 * 1024), time.monotonic() - started


async def main():
    memory = Memory()
    sampler = asyncio.create_task(memory.sample())
    print(f"listener at start: {kib('VmRSS') / 1024:.1f} MiB resident")

    answered, accepted, elapsed = await burst(BURST)
    print(f"burst: {BURST} connections at once: {answered} answered, {accepted} accepted (204), "
          f"{BURST - answered} unanswered, {elapsed:.2f} s; peak RSS {memory.phase() / 1024:.1f} MiB")

    stop = asyncio.Event()
    lorises = [asyncio.create_task(slowloris(stop)) for _ in range(SLOWLORIS)]
    await asyncio.sleep(1)
    answered, accepted, elapsed = await burst(BURST)
    print(f"burst during {SLOWLORIS} slowloris heads: {answered}/{BURST} answered, {accepted} accepted, "
          f"{elapsed:.2f} s")
    results = await asyncio.gather(*lorises)
    stop.set()
    got = {}
    for status, _ in results:
        got[status] = got.get(status, 0) + 1
    longest = max(seconds for _, seconds in results)
    print(f"slowloris: {SLOWLORIS} heads trickled a byte per 200 ms: answers {got}, "
          f"all ended within {longest:.1f} s; peak RSS {memory.phase() / 1024:.1f} MiB")

    bodies = await asyncio.gather(*(big_body(chunked) for chunked in (True, True, True, False, False, False)))
    for (status, mib, seconds), chunked in zip(bodies, (True,) * 3 + (False,) * 3):
        kind = "chunked" if chunked else "Content-Length"
        print(f"100 MiB body ({kind}): answered {status} after {mib:.1f} MiB sent, {seconds:.2f} s")
    print(f"big bodies: peak RSS {memory.phase() / 1024:.1f} MiB")

    answered, accepted, elapsed = await burst(BURST)
    print(f"burst after all that: {answered}/{BURST} answered, {accepted} accepted, {elapsed:.2f} s")
    sampler.cancel()
    print(f"listener peak RSS over the whole run (VmHWM): {kib('VmHWM') / 1024:.1f} MiB")


asyncio.run(main())
