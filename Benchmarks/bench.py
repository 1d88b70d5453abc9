"""Ingest, hashing and storing, and search on synthetic corpora (../shared/tools/make_scale_corpus.py), each next to
what the hardware allows: the sqlite3 shell loading the same text into a plain FTS5 table in one transaction, and
sha256sum over the same files.

Usage: python3 Benchmarks/bench.py --bin .build/release/bayyina --bench-bin .build/release/bayyina-bench
           [--sizes 10000,100000] [--runs 3] [--large-runs 1] [--work /tmp/bayyina-bench] [--json report.json]
Prints a table per corpus size and the machine noise (the spread of the repeated runs); asserts nothing.
"""
import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOOLS = HERE.parent.parent / "shared" / "tools"
PLAN = HERE.parent / "Tests/Fixtures/plan.json"


def timed(command, env=None, stdin=None):
    """Runs a command; returns (seconds, peak resident set in MB, stdout)."""
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{command[0]} failed: {os.waitstatus_to_exitcode(status)}")
    return seconds, usage.ru_maxrss / 1024, output


def spread(values):
    """The median and how far the runs strayed from it, in percent."""
    middle = statistics.median(values)
    return middle, (max(values) - min(values)) / middle * 100 if middle else 0


def paired_ratio(baselines, ours):
    """The median of each run's ratio of the baseline's seconds to ours (our speed as a share of the baseline's)."""
    return statistics.median(baseline / own for baseline, own in zip(baselines, ours))


def corpus(work, size):
    folder = work / f"corpus-{size}"
    if not (folder / "stats.json").exists():
        subprocess.run([sys.executable, str(TOOLS / "make_scale_corpus.py"), "--out", str(folder), "--n", str(size)],
                       check=True, stdout=subprocess.DEVNULL)
    return folder


def ingest(binary, folder, store):
    store.mkdir(parents=True)
    env = dict(os.environ, BAYYINA_STORE=str(store))
    subprocess.run([binary, "plan", "import", str(PLAN)], env=env, check=True, stdout=subprocess.DEVNULL)
    seconds, peak, output = timed([binary, "ingest", str(folder / "docs"), "--json"], env)
    statuses = [json.loads(line)["status"] for line in output.decode().splitlines()]
    return seconds, peak, statuses


def sqlite_sql(database, query):
    return subprocess.run(["sqlite3", str(database), query], capture_output=True, text=True, check=True).stdout.strip()


def export_texts(store, target):
    """Writes each stored document's title and extracted text to a file of its own, for the sqlite3 baseline."""
    if (target / "paths.txt").exists():
        return
    target.mkdir(parents=True, exist_ok=True)
    database = sqlite3.connect(f"file:{store / 'bayyina.sqlite'}?mode=ro", uri=True)
    with open(target / "paths.txt", "w") as paths:
        for identifier, title, body in database.execute("SELECT id, title, body FROM documents"):
            path = target / f"{identifier}.txt"
            path.write_text(title + "\n" + body)
            paths.write(f"{path}\n")
    database.close()


def sqlite_load(texts, database):
    """The plain FTS5 load of the same texts by the sqlite3 shell, in one transaction; its seconds."""
    database.unlink(missing_ok=True)
    script = (f"CREATE TABLE paths(path TEXT);\n.import {texts / 'paths.txt'} paths\n"
              "CREATE VIRTUAL TABLE fts USING fts5(body, tokenize = 'unicode61');\n"
              "BEGIN;\nINSERT INTO fts(body) SELECT readfile(path) FROM paths;\nCOMMIT;\n")
    started = time.monotonic()
    subprocess.run(["sqlite3", str(database)], input=script, text=True, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def sha256sum(folder):
    files = sorted(str(path) for path in (folder / "docs").rglob("*") if path.is_file())
    started = time.monotonic()
    subprocess.run(["xargs", "-0", "sha256sum"], input="\0".join(files).encode(), check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def copy_and_sync(folder, target):
    """`cp -r` of the same files and one `sync`: what writing every byte durably costs, which sha256sum (reading only)
    does not; its seconds."""
    subprocess.run(["sync"], check=True)
    started = time.monotonic()
    subprocess.run(["cp", "-r", str(folder / "docs"), str(target)], check=True)
    subprocess.run(["sync"], check=True)
    return time.monotonic() - started


def cli_search(binary, store, queries, count):
    """The whole `bayyina search` process per query (start, open, search, print), in ms."""
    env = dict(os.environ, BAYYINA_STORE=str(store))
    times = []
    for query in queries[:count]:
        command = [binary, "search", query["text"], "--json"]
        filters = query.get("filters") or {}
        if "commitment" in filters:
            command += ["--commitment", f"C{filters['commitment']}"]
        if "milestone" in filters:
            command += ["--milestone", str(filters["milestone"])]
        started = time.monotonic()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.monotonic() - started) * 1000)
    times.sort()
    return {"p50Ms": times[len(times) // 2], "p99Ms": times[min(len(times) - 1, int(len(times) * 0.99))]}


def measure(args, size):
    work = Path(args.work)
    folder = corpus(work, size)
    stats = json.loads((folder / "stats.json").read_text())
    runs = args.runs if size <= 10000 else args.large_runs
    store = work / f"store-{size}"
    binary, bench = str(Path(args.bin).resolve()), str(Path(args.bench_bin).resolve())
    # Every timed run writes into a folder of its own, and the folders go only after the last timed run: writing
    # thousands of files just after deleting as many made ext4 skip past every recently freed inode (the store and
    # the copy then ran up to 3x slower, and their runs strayed by 60-150%).
    for leftover in work.glob(f"*-{size}.run*"):
        shutil.rmtree(leftover)
    run_folder = lambda name, run: work / f"{name}-{size}.run{run}"
    texts = work / f"texts-{size}"
    # Each ingest is followed by the sqlite3 load it is compared with, and each store run by sha256sum and the copy,
    # and each ratio is the median of its runs' ratios: this VM's speed drifts from minute to minute, and runs of
    # one kind after another compared the two sides at different speeds.
    ingests, loads, hashes, stores, copies = [], [], [], [], []
    for run in range(runs):
        ingests.append(ingest(binary, folder, run_folder("store", run)))
        export_texts(run_folder("store", 0), texts)
        loads.append(sqlite_load(texts, work / "sqlite-baseline.db"))
    for run in range(runs):
        hashes.append(sha256sum(folder))
        subprocess.run(["sync"], check=True)
        stores.append(json.loads(subprocess.run([bench, "store", str(folder / "docs"), "--into", str(run_folder("blobs", run))],
                                                capture_output=True, text=True, check=True).stdout)["seconds"])
        copies.append(copy_and_sync(folder, run_folder("copy", run)))
    reviewed = run_folder("store", runs - 1)
    statuses = ingests[-1][2]
    # Ingest only suggests links: confirm the manifest's, as a reviewer would, so filtered searches find documents.
    review = json.loads(subprocess.run([bench, "review", "--store", str(reviewed), "--corpus", str(folder)],
                                       capture_output=True, text=True, check=True).stdout)
    text_bytes = sum(path.stat().st_size for path in texts.glob("*.txt"))
    # The reviewed store stays for the searches below and for bench_web.py; the other runs' folders go.
    shutil.rmtree(store, ignore_errors=True)
    reviewed.rename(store)
    for leftover in work.glob(f"*-{size}.run*"):
        shutil.rmtree(leftover)
    database = store / "bayyina.sqlite"
    index_bytes = int(sqlite_sql(database, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'documents_fts%'") or 0)
    search = json.loads(subprocess.run([bench, "search", "--store", str(store), "--queries", str(folder / "queries.jsonl")],
                                       capture_output=True, text=True, check=True).stdout)
    queries = [json.loads(line) for line in (folder / "queries.jsonl").read_text().splitlines()]
    ingest_seconds, ingest_noise = spread([run[0] for run in ingests])
    load_seconds, load_noise = spread(loads)
    hash_seconds, hash_noise = spread(hashes)
    store_seconds, store_noise = spread(stores)
    copy_seconds, copy_noise = spread(copies)
    return {
        "documents": size, "inputMB": stats["bytes"] / 1e6, "textMB": text_bytes / 1e6, "runs": runs,
        "ingested": statuses.count("ingested"), "rejected": statuses.count("rejected"),
        "ingestSeconds": ingest_seconds, "ingestNoisePercent": ingest_noise,
        "documentsPerSecond": size / ingest_seconds, "textMBPerSecond": text_bytes / 1e6 / ingest_seconds,
        "peakMemoryMB": max(run[1] for run in ingests),
        "sqlite3Seconds": load_seconds, "sqlite3NoisePercent": load_noise,
        "ingestVsSqlite3": paired_ratio(loads, [run[0] for run in ingests]),
        "sha256sumMBPerSecond": stats["bytes"] / 1e6 / hash_seconds, "sha256sumNoisePercent": hash_noise,
        "storeMBPerSecond": stats["bytes"] / 1e6 / store_seconds, "storeNoisePercent": store_noise,
        "storeVsSha256sum": paired_ratio(hashes, stores),
        "copyMBPerSecond": stats["bytes"] / 1e6 / copy_seconds, "copyNoisePercent": copy_noise,
        "storeVsCopy": paired_ratio(copies, stores),
        "databaseMB": database.stat().st_size / 1e6, "indexMB": index_bytes / 1e6, "indexToText": index_bytes / text_bytes,
        "review": review, "searchLibrary": search, "searchCLI": cli_search(binary, store, queries, args.cli_queries),
    }


def report(figures):
    print(f"\n== {figures['documents']:,} documents ({figures['inputMB']:.1f} MB of files, {figures['textMB']:.1f} MB of text; "
          f"median of {figures['runs']} run(s)) ==")
    print(f"ingest:        {figures['ingestSeconds']:.1f} s = {figures['documentsPerSecond']:.0f} documents/s, "
          f"{figures['textMBPerSecond']:.2f} MB/s of text ({figures['ingested']} ingested, {figures['rejected']} rejected), "
          f"peak memory {figures['peakMemoryMB']:.0f} MB, runs within {figures['ingestNoisePercent']:.0f}%")
    print(f"sqlite3 FTS5:  {figures['sqlite3Seconds']:.2f} s for the same text in one transaction "
          f"(runs within {figures['sqlite3NoisePercent']:.0f}%); ingest at {figures['ingestVsSqlite3']:.2f}x of it")
    print(f"hash + store:  {figures['storeMBPerSecond']:.0f} MB/s (runs within {figures['storeNoisePercent']:.0f}%); sha256sum "
          f"{figures['sha256sumMBPerSecond']:.0f} MB/s (within {figures['sha256sumNoisePercent']:.0f}%); "
          f"{figures['storeVsSha256sum']:.2f}x of it; cp -r + sync {figures['copyMBPerSecond']:.0f} MB/s "
          f"(within {figures['copyNoisePercent']:.0f}%), store at {figures['storeVsCopy']:.2f}x of it")
    print(f"index:         {figures['indexMB']:.1f} MB full-text index = {figures['indexToText']:.2f}x the text; database "
          f"{figures['databaseMB']:.1f} MB (text, metadata, suggestions, audit trail)")
    review = figures["review"]
    print(f"review:        {review['linked']:,} documents linked to their commitment and milestone, {review['withheld']:,} "
          f"withheld, one call each: {review['linksPerSecond']:.0f} links/s; the searches below run on this store")
    library, cli = figures["searchLibrary"], figures["searchCLI"]
    print(f"search:        library call p50 {library['p50Ms']:.1f} ms, p95 {library['p95Ms']:.1f} ms, p99 {library['p99Ms']:.1f} ms, "
          f"max {library['maxMs']:.0f} ms over {library['calls']} calls (each query's first run: p50 "
          f"{library['firstRunP50Ms']:.1f} ms, p99 {library['firstRunP99Ms']:.1f} ms); whole CLI process p50 {cli['p50Ms']:.0f} ms, "
          f"p99 {cli['p99Ms']:.0f} ms")
    print(f"               slowest: {'; '.join(library['slowest'])}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--bench-bin", required=True)
    parser.add_argument("--sizes", default="10000")
    parser.add_argument("--runs", type=int, default=3, help="runs of each timing at 10,000 documents or fewer")
    parser.add_argument("--large-runs", type=int, default=1, help="runs of each timing above 10,000 documents")
    parser.add_argument("--cli-queries", type=int, default=200)
    parser.add_argument("--work", default="/tmp/bayyina-bench")
    parser.add_argument("--json")
    args = parser.parse_args()
    results = []
    for size in [int(value) for value in args.sizes.split(",")]:
        results.append(measure(args, size))
        report(results[-1])
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
