#!/usr/bin/env python3
"""Crash safety: ingest a corpus again and again and SIGKILL the process at random moments. After every kill
`bayyina verify` must find no database problem, no missing or corrupted original; after `verify --repair` the store
must be fully consistent; and every document the CLI reported before the kill must be stored and findable.

    python3 Tests/reliability/crash_harness.py --bin .build/debug/bayyina --trials 50
"""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "Fixtures", "docs")
WORDS = ["وزارة", "التخطيط", "الشفافية", "المشاركة", "محضر", "ورشة", "budget", "open", "data", "minutes", "التزام", "الموازنة"]


def run(binary, store, *arguments, check=True):
    result = subprocess.run([binary, *arguments], env=dict(os.environ, BAYYINA_STORE=store), capture_output=True, text=True, timeout=300)
    if check and result.returncode not in (0, 1):
        raise SystemExit("bayyina %s failed (%d): %s" % (" ".join(arguments), result.returncode, result.stderr[-500:]))
    return result


def make_batch(folder, trial, rng):
    """Unique text and HTML files (each with a marker word), plus real documents that become duplicates after trial 0."""
    os.makedirs(folder)
    markers = {}
    for number in range(rng.randint(20, 60)):
        marker = "marker%dx%d" % (trial, number)
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(50, 4000)))
        name = "t%d-%d.%s" % (trial, number, "html" if number % 3 == 0 else "txt")
        with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
            handle.write("<html><body><h1>%s</h1><p>%s</p></body></html>" % (marker, body) if name.endswith("html") else marker + "\n" + body)
        markers[name] = marker
    for name in rng.sample(sorted(os.listdir(FIXTURES)), 4):
        shutil.copy(os.path.join(FIXTURES, name), os.path.join(folder, name))
    return markers


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument("--seed", type=int, default=20261129)
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    rng = random.Random(args.seed)
    failures, killed, reported_total, checked_markers = [], 0, 0, 0
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="bayyina-crash-") as work:
        store = os.path.join(work, "store")
        reported = {}
        for trial in range(args.trials):
            batch = os.path.join(work, "batch-%d" % trial)
            markers = make_batch(batch, trial, rng)
            process = subprocess.Popen([binary, "ingest", batch, "--json", "--jobs", "2"], env=dict(os.environ, BAYYINA_STORE=store),
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            lines = []
            reader = threading.Thread(target=lambda: lines.extend(process.stdout))
            reader.start()
            time.sleep(rng.uniform(0.01, 0.5))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                killed += 1
            process.wait()
            reader.join()
            for line in lines:
                try:
                    outcome = json.loads(line)
                except ValueError:
                    continue  # a line cut by the kill
                if outcome.get("status") in ("ingested", "duplicate") and outcome.get("sha256"):
                    reported[outcome["sha256"]] = markers.get(os.path.basename(outcome["path"]))
            first = json.loads(run(binary, store, "verify", "--json").stdout or "{}")
            problems = [key for key in ("databaseProblems", "missing", "corrupted") if first.get(key)]
            if problems:
                failures.append("trial %d: verify after the kill found %s: %s" % (trial, problems, {k: first[k] for k in problems}))
            after = None
            if not first.get("ok"):
                run(binary, store, "verify", "--repair", "--json")
                after = run(binary, store, "verify", "--json")
            if after is not None and after.returncode != 0:
                failures.append("trial %d: the store is not consistent after verify --repair: %s" % (trial, after.stdout[:300]))
            stored = {entry["sha256"] for entry in json.loads(run(binary, store, "listing", "--audience", "internal", "--format", "json").stdout)["entries"]}
            missing = sorted(set(reported) - stored)
            if missing:
                failures.append("trial %d: %d reported document(s) are gone, e.g. %s" % (trial, len(missing), missing[0]))
            for sha, marker in rng.sample(sorted((s, m) for s, m in reported.items() if m), min(3, sum(1 for m in reported.values() if m))):
                hits = json.loads(run(binary, store, "search", marker, "--json").stdout)
                checked_markers += 1
                if sha not in {hit["sha256"] for hit in hits.get("results", hits.get("hits", []))}:
                    failures.append("trial %d: %s (%s) is stored but not found by search" % (trial, sha[:12], marker))
            shutil.rmtree(batch)
        reported_total = len(reported)
    print("crash harness: %d trials, %d killed mid-ingest, %d documents reported and all checked present, %d searched, %.0f s"
          % (args.trials, killed, reported_total, checked_markers, time.time() - started))
    for failure in failures:
        print("FAIL " + failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
