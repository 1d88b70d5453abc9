"""Pages per second for text PDFs and for OCR'd pages, one job and all cores, next to pdftotext alone.

Usage: python3 .ci/bench_pdf.py --bin .build/release/bayyina [--work /tmp/bayyina-bench-pdf]
Builds its inputs with qpdf from the test fixtures and ../shared/corpus: every corpus PDF concatenated five
times (text pages), and the scanned Arabic fixture repeated twelve times (OCR pages). Prints; asserts nothing.
"""
import argparse
import glob
import os
import shutil
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--work", default="/tmp/bayyina-bench-pdf")
    args = parser.parse_args()
    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    sources = sorted(glob.glob(str(CORPUS / "docs/*.pdf")))
    text_pdf, scan_pdf = work / "text.pdf", work / "scans.pdf"
    subprocess.run(["qpdf", "--empty", "--pages", *(sources * 5), "--", str(text_pdf)], check=True)
    subprocess.run(["qpdf", "--empty", "--pages", *([str(FIXTURES / "generated/scanned_arabic.pdf")] * 12), "--", str(scan_pdf)],
                   check=True)
    binary = str(Path(args.bin).resolve())
    for label, pdf in [("text", text_pdf), ("OCR", scan_pdf)]:
        count = pages(pdf)
        alone = timed(["pdftotext", "-enc", "UTF-8", str(pdf), "/dev/null"])
        line = f"{label} PDF, {count} pages: pdftotext alone {count / alone:.0f} pages/s"
        for jobs in [1, os.cpu_count()]:
            store = work / f"store-{label}-{jobs}"
            env = dict(os.environ, BAYYINA_STORE=str(store))
            seconds = timed([binary, "ingest", str(pdf), "--jobs", str(jobs)], env)
            line += f"; bayyina --jobs {jobs}: {count / seconds:.1f} pages/s"
        print(line)


if __name__ == "__main__":
    main()
