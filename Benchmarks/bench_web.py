"""Requests/s and latency of the search page and the search API, measured with wrk on loopback.

Usage: python3 Benchmarks/bench_web.py --bin .build/release/bayyina [--store /tmp/bayyina-bench/store-10000]
       [--queries /tmp/bayyina-bench/corpus-10000/queries.jsonl] [--seconds 20] [--connections 32]
Run Benchmarks/bench.py first: it leaves the store and the corpus's queries behind. Each target is measured twice:
cycling through the corpus's queries, and with one broad query (a word in most documents).
Prints the figures; asserts nothing (speed is measured, never a test).
"""
import argparse
import json
import os
import re
import socket
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

BROAD = "وزارة"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def lua_cycling(paths):
    """A wrk script that sends the paths in turn."""
    quoted = ",\n".join(json.dumps(path) for path in paths)
    return f"local paths = {{\n{quoted}\n}}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n" \
           f"  return wrk.format(\"GET\", paths[i])\nend\n"


def run_wrk(base, paths, seconds, connections):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua_cycling(paths))
    try:
        output = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script.name, base],
                                capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script.name)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)
    latency = {share: re.search(rf"^\s+{share}%\s+(\S+)", output, re.M).group(1) for share in ("50", "90", "99")}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return f"{float(rate):.1f} req/s, p50 {latency['50']}, p90 {latency['90']}, p99 {latency['99']}" + \
        (f", {errors.group(1)} non-2xx" if errors else "")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--store", default="/tmp/bayyina-bench/store-10000")
    parser.add_argument("--queries", default="/tmp/bayyina-bench/corpus-10000/queries.jsonl")
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in Path(args.queries).read_text().splitlines()]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, BAYYINA_STORE=args.store)
    server = subprocess.Popen([str(Path(args.bin).resolve()), "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        for name, template in [("search page", "/search?lang=en&q={}"), ("search API", "/api/v1/search?q={}")]:
            mixed = [template.format(urllib.parse.quote(text)) for text in texts]
            broad = [template.format(urllib.parse.quote(BROAD))]
            print(f"{name}, {len(mixed)} corpus queries, {args.connections} connections: "
                  f"{run_wrk(base, mixed, args.seconds, args.connections)}")
            print(f"{name}, broad query '{BROAD}': {run_wrk(base, broad, args.seconds, args.connections)}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
