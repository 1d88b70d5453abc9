"""Ingest throughput and search latency of a built bayyina on a synthetic corpus (make_scale_corpus.py).

Usage: python3 .ci/bench.py --bin .build/release/bayyina [--n 10000] [--queries 300] [--work /tmp/bayyina-bench]
Prints the figures; asserts nothing (speed is measured, never a test).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOOLS = HERE.parent.parent / "shared" / "tools"


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--work", default="/tmp/bayyina-bench")
    args = parser.parse_args()
    work = Path(args.work)
    corpus = work / f"corpus-{args.n}"
    if not (corpus / "stats.json").exists():
        subprocess.run([sys.executable, str(TOOLS / "make_scale_corpus.py"), "--out", str(corpus), "--n", str(args.n)],
                       check=True, stdout=subprocess.DEVNULL)
    store = work / "store"
    shutil.rmtree(store, ignore_errors=True)
    store.mkdir(parents=True)
    env = dict(os.environ, BAYYINA_STORE=str(store))
    binary = str(Path(args.bin).resolve())
    subprocess.run([binary, "plan", "import", str(HERE.parent / "Tests/Fixtures/plan.json")],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    stats = json.loads((corpus / "stats.json").read_text())
    started = time.monotonic()
    result = subprocess.run([binary, "ingest", str(corpus / "docs"), "--json"], env=env, capture_output=True, text=True)
    seconds = time.monotonic() - started
    statuses = [json.loads(line)["status"] for line in result.stdout.splitlines()]
    print(f"ingest: {len(statuses)} files ({statuses.count('ingested')} ingested, {statuses.count('rejected')} rejected), "
          f"{stats['bytes'] / 1e6:.1f} MB in {seconds:.1f} s = {len(statuses) / seconds:.0f} documents/s, "
          f"{stats['bytes'] / 1e6 / seconds:.2f} MB/s")
    database = store / "bayyina.sqlite"
    print(f"store: database {database.stat().st_size / 1e6:.1f} MB")

    queries = [json.loads(line) for line in (corpus / "queries.jsonl").read_text().splitlines()][: args.queries]
    wall, inside, totals = [], [], []
    for query in queries:
        command = [binary, "search", query["text"], "--json", "--limit", "20"]
        filters = query.get("filters") or {}
        if "commitment" in filters:
            command += ["--commitment", f"C{filters['commitment']}"]
        if "milestone" in filters:
            command += ["--milestone", str(filters["milestone"])]
        started = time.monotonic()
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        wall.append((time.monotonic() - started) * 1000)
        if result.returncode == 0:
            response = json.loads(result.stdout)
            inside.append(response["tookMs"])
            totals.append(response["total"])
    print(f"search: {len(queries)} queries, {len(inside)} answered; in-process p50 {statistics.median(inside):.1f} ms, "
          f"p95 {percentile(inside, 0.95):.1f} ms; whole CLI call p50 {statistics.median(wall):.1f} ms, "
          f"p95 {percentile(wall, 0.95):.1f} ms; median hits {statistics.median(totals):.0f}")


if __name__ == "__main__":
    main()
