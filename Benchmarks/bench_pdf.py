"""PDF pages per second: ingest (one job, and every core) next to pdftotext run over the same files one after the
other, for text PDFs and for scanned pages that need OCR.

Usage: python3 Benchmarks/bench_pdf.py --bin .build/release/bayyina [--copies 8] [--runs 3] [--work /tmp/bayyina-bench-pdf]
Text PDFs: every PDF of ../shared/corpus, `copies` times, each copy made distinct by a comment after its end (a PDF
reader ignores it; the store sees new bytes), so ingest reads as many files as pdftotext. Scans: the scanned Arabic
fixture repeated twelve times by qpdf, in one file. Prints medians, the ratio to pdftotext taken within each run, and the
spread of the runs; asserts nothing.
"""
import argparse
import glob
import os
import shutil
import statistics
import subprocess
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "Tests/Fixtures"
CORPUS = HERE.parent.parent / "shared/corpus"


def pages(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def timed(command, env=None):
    started = time.monotonic()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - started


def median_and_spread(values):
    middle = statistics.median(values)
    return middle, (max(values) - min(values)) / middle * 100


def distinct_copies(sources, copies, folder):
    folder.mkdir(parents=True)
    made = []
    for copy in range(copies):
        for source in sources:
            target = folder / f"{copy:02d}-{Path(source).name}"
            target.write_bytes(Path(source).read_bytes() + f"\n% bench copy {copy}\n".encode())
            made.append(target)
    return made


def ingest_seconds(binary, inputs, jobs, store):
    """Seconds of one ingest into a new store; jobs None leaves ingest its default (twice as many as cores)."""
    shutil.rmtree(store, ignore_errors=True)
    store.mkdir(parents=True)
    jobs_arguments = [] if jobs is None else ["--jobs", str(jobs)]
    return timed([binary, "ingest", *map(str, inputs), *jobs_arguments], dict(os.environ, BAYYINA_STORE=str(store)))


def pdftotext_seconds(files):
    """pdftotext over the files one after another, started by one shell loop (no Python start-up per file)."""
    return timed(["sh", "-c", 'for f; do pdftotext -enc UTF-8 "$f" /dev/null; done', "sh", *map(str, files)])


def measure(label, files, binary, runs, work):
    """Each run times pdftotext and then every ingest setting one after another, and a ratio is taken within the run:
    this VM's speed drifts by a fifth or more over minutes, which ratios of medians taken minutes apart pick up."""
    count = sum(pages(pdf) for pdf in files)
    settings = [1, os.cpu_count(), None]
    alone, ingests = [], {jobs: [] for jobs in settings}
    for _ in range(runs):
        alone.append(pdftotext_seconds(files))
        for jobs in settings:
            ingests[jobs].append(ingest_seconds(binary, files, jobs, work / "store"))
    middle, alone_spread = median_and_spread(alone)
    line = f"{label}: {len(files)} files, {count} pages; pdftotext one file after another {count / middle:.1f} pages/s " \
           f"(runs within {alone_spread:.0f}%)"
    for jobs in settings:
        seconds, seconds_spread = median_and_spread(ingests[jobs])
        ratio, ratio_spread = median_and_spread([base / run for base, run in zip(alone, ingests[jobs])])
        setting = "default jobs" if jobs is None else f"--jobs {jobs}"
        line += f"; bayyina ingest {setting}: {count / seconds:.1f} pages/s (within {seconds_spread:.0f}%) = {ratio:.2f}x " \
                f"(ratios within {ratio_spread:.0f}%)"
    print(line)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default="/tmp/bayyina-bench-pdf")
    args = parser.parse_args()
    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    binary = str(Path(args.bin).resolve())
    texts = distinct_copies(sorted(glob.glob(str(CORPUS / "docs/*.pdf"))), args.copies, work / "text")
    scans = work / "scans.pdf"
    subprocess.run(["qpdf", "--empty", "--pages", *([str(FIXTURES / "generated/scanned_arabic.pdf")] * 12), "--", str(scans)],
                   check=True)
    measure("text PDFs", texts, binary, args.runs, work)
    measure("scanned PDF (OCR)", [scans], binary, args.runs, work)


if __name__ == "__main__":
    main()
