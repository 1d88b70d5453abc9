#!/usr/bin/env python3
"""Concurrency: one writer, many readers. 8 uploaders post new files to the staff API while 32 searchers query the
public API, for a bounded time, on loopback. No 5xx, no SQLITE_BUSY reaching a user, and every upload the server
acknowledged is stored afterwards. Prints throughput and latency percentiles.

    python3 Tests/reliability/load_test.py --bin .build/debug/bayyina --seconds 60
"""
import argparse
import http.client
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

from seeded_server import SeededServer

WORDS = ["وزارة", "التخطيط", "الشفافية", "المشاركة", "محضر", "ورشة", "budget", "open", "data", "minutes", "التزام", "الموازنة", "الحكومة"]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


class Worker(threading.Thread):
    def __init__(self, port, deadline, action):
        super().__init__(daemon=True)
        self.port, self.deadline, self.action = port, deadline, action
        self.latencies, self.statuses, self.busy, self.uploaded = [], {}, 0, []

    def run(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        rng = random.Random(id(self))
        while time.time() < self.deadline:
            method, path, body, headers = self.action(rng)
            started = time.perf_counter()
            try:
                connection.request(method, path, body, headers)
                response = connection.getresponse()
                payload = response.read()
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                self.statuses["connection-error"] = self.statuses.get("connection-error", 0) + 1
                continue
            self.latencies.append((time.perf_counter() - started) * 1000)
            self.statuses[response.status] = self.statuses.get(response.status, 0) + 1
            text = payload.decode("utf-8", "replace")
            if "SQLITE_BUSY" in text or "database is locked" in text:
                self.busy += 1
            if method == "POST" and response.status == 200:
                self.uploaded += [line["sha256"] for line in json.loads(text) if line.get("status") in ("ingested", "duplicate")]


def upload_action(token):
    boundary = "bayyina-load"

    def action(rng):
        marker = "load%d" % rng.getrandbits(48)
        text = marker + "\n" + " ".join(rng.choice(WORDS) for _ in range(rng.randint(50, 2000)))
        body = ("--%s\r\nContent-Disposition: form-data; name=\"files\"; filename=\"%s.txt\"\r\nContent-Type: text/plain\r\n\r\n%s\r\n--%s--\r\n"
                % (boundary, marker, text, boundary)).encode("utf-8")
        return "POST", "/api/v1/documents", body, {"Authorization": "Bearer " + token,
                                                  "Content-Type": "multipart/form-data; boundary=" + boundary}
    return action


def search_action(rng):
    query = " ".join(rng.sample(WORDS, rng.randint(1, 2)))
    return "GET", "/api/v1/search?" + urllib.parse.urlencode({"q": query}), None, {}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--uploaders", type=int, default=8)
    parser.add_argument("--searchers", type=int, default=32)
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    failures = []
    with tempfile.TemporaryDirectory(prefix="bayyina-load-") as store:
        with SeededServer(binary, store) as server:
            deadline = time.time() + args.seconds
            uploaders = [Worker(server.port, deadline, upload_action(server.token)) for _ in range(args.uploaders)]
            searchers = [Worker(server.port, deadline, search_action) for _ in range(args.searchers)]
            for worker in uploaders + searchers:
                worker.start()
            for worker in uploaders + searchers:
                worker.join(args.seconds + 120)
        env, log = server.env, server.log
        for name, workers in (("uploads", uploaders), ("searches", searchers)):
            latencies = [value for worker in workers for value in worker.latencies]
            statuses = {}
            for worker in workers:
                for status, count in worker.statuses.items():
                    statuses[status] = statuses.get(status, 0) + count
            print("%s: %d in %.0f s (%.1f/s), p50 %.0f ms, p99 %.0f ms, statuses %s"
                  % (name, len(latencies), args.seconds, len(latencies) / args.seconds, percentile(latencies, 0.5),
                     percentile(latencies, 0.99), dict(sorted(statuses.items(), key=str))))
            errors = {status: count for status, count in statuses.items() if status == "connection-error" or int(status) >= 500}
            if errors:
                failures.append("%s answered %s" % (name, errors))
            if sum(worker.busy for worker in workers):
                failures.append("%s: SQLITE_BUSY reached a caller %d times" % (name, sum(worker.busy for worker in workers)))
        if "SQLITE_BUSY" in log or "database is locked" in log:
            failures.append("the server log mentions SQLITE_BUSY")
        acknowledged = {sha for worker in uploaders for sha in worker.uploaded}
        listing = json.loads(subprocess.run([binary, "listing", "--audience", "internal", "--format", "json"], env=env, check=True,
                                            capture_output=True, text=True).stdout)
        missing = acknowledged - {entry["sha256"] for entry in listing["entries"]}
        print("uploads acknowledged: %d, all stored: %s" % (len(acknowledged), not missing))
        if missing:
            failures.append("%d acknowledged uploads are not stored" % len(missing))
        verify = subprocess.run([binary, "verify"], env=env, capture_output=True, text=True)
        if verify.returncode != 0:
            failures.append("verify after the load: " + verify.stdout[-300:])
    for failure in failures:
        print("FAIL " + failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
