#!/usr/bin/env python3
"""Property-based fuzzing of the HTTP API from its OpenAPI document with schemathesis, against a seeded server on
loopback: bounded examples per operation; no 5xx, and every response must conform to its documented schema.

    python3 Tests/reliability/api_fuzz.py --bin .build/debug/bayyina --examples 30
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

from seeded_server import SeededServer

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--examples", type=int, default=30)
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    with tempfile.TemporaryDirectory(prefix="bayyina-apifuzz-") as store, SeededServer(binary, store, role="reviewer") as server:
        started = time.time()
        result = subprocess.run(
            [sys.executable, "-m", "schemathesis.cli", "run", os.path.join(ROOT, "Schemas", "openapi.yaml"),
             "--url", "http://127.0.0.1:%d" % server.port, "--header", "Authorization: Bearer " + server.token,
             "--checks", "not_a_server_error,response_schema_conformance,status_code_conformance",
             "--max-examples", str(args.examples), "--generation-deterministic", "--request-timeout", "30", "--phases", "examples,fuzzing"],
            capture_output=True, text=True, timeout=1200)
        print(result.stdout[-3000:])
        print("api fuzz: schemathesis exit %d in %.0f s" % (result.returncode, time.time() - started))
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
