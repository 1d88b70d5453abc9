#!/usr/bin/env python3
"""Property-based fuzzing of the HTTP API from its OpenAPI document with schemathesis, against a seeded server on
loopback: bounded examples per operation; no 5xx, and every response must conform to its documented schema.

    python3 Tests/reliability/api_fuzz.py --bin .build/debug/bayyina --examples 30
"""
import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--examples", type=int, default=30)
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    with tempfile.TemporaryDirectory(prefix="bayyina-apifuzz-") as store:
        env = dict(os.environ, BAYYINA_STORE=store)
        subprocess.run([binary, "seed"], env=env, check=True, capture_output=True)
        token = subprocess.run([binary, "token", "create", "--name", "fuzz", "--role", "reviewer", "--json"], env=env, check=True,
                               capture_output=True, text=True).stdout.split('"secret":"')[1].split('"')[0]
        port = free_port()
        log = open(os.path.join(store, "server.log"), "w")
        server = subprocess.Popen([binary, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=log)
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            started = time.time()
            result = subprocess.run(
                [sys.executable, "-m", "schemathesis.cli", "run", os.path.join(ROOT, "Schemas", "openapi.yaml"),
                 "--url", "http://127.0.0.1:%d" % port, "--header", "Authorization: Bearer " + token, "--checks", "not_a_server_error,response_schema_conformance,status_code_conformance",
                 "--max-examples", str(args.examples), "--generation-deterministic", "--request-timeout", "30", "--phases", "examples,fuzzing"],
                capture_output=True, text=True, timeout=1200)
            print(result.stdout[-3000:])
            print("api fuzz: schemathesis exit %d in %.0f s" % (result.returncode, time.time() - started))
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
