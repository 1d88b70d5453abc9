"""Measures link suggestions and version groups against a corpus with ground truth (../shared/corpus by default).

A fresh store imports the plan and ingests docs/ and seed/ with no links; `bayyina suggestions --json` at the
threshold is then compared with the links of manifest.json, at commitment level (a milestone suggestion implies its
commitment) and at milestone level. Version groups: the seed minutes (.txt, .docx, .pdf) must form one group that
no other document joins. With --check, fails unless commitment precision >= 0.9 at recall >= 0.8, milestone
precision >= 0.75 at recall >= 0.6, and the seed group holds. --sweep prints the figures over thresholds.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def run(binary, store, *args):
    env = dict(os.environ, BAYYINA_STORE=store, BAYYINA_LANG="en")
    result = subprocess.run([binary, *args], env=env, capture_output=True, text=True, timeout=600)
    if result.returncode not in (0, 1):
        sys.exit(f"bayyina {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result.stdout


def figures(suggestions, truth, level, threshold):
    predicted = set()
    for s in suggestions:
        if s["confidence"] < threshold:
            continue
        target = s["target"]
        if level == "commitment":
            predicted.add((s["sha256"], target.split(".")[0]))
        elif "." in target:
            predicted.add((s["sha256"], target))
    hits = len(predicted & truth)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(truth) if truth else 1.0
    return precision, recall, predicted


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=".build/debug/bayyina")
    parser.add_argument("--corpus", default=str(Path(__file__).resolve().parents[3] / "shared" / "corpus"))
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    manifest = json.loads((corpus / "manifest.json").read_text())["documents"]
    with tempfile.TemporaryDirectory(prefix="bayyina-links-") as store:
        run(args.bin, store, "plan", "import", str(corpus / "plan.json"))
        run(args.bin, store, "ingest", str(corpus / "docs"), str(corpus / "seed"), "--json")
        suggestions = json.loads(run(args.bin, store, "suggestions", "--min-confidence", "0", "--json"))["suggestions"]
        groups = {}
        for doc in manifest:
            shown = json.loads(run(args.bin, store, "show", doc["sha256"], "--json", "--versions"))
            groups[doc["path"]] = sorted(v["sha256"] for v in shown.get("versions", []))
    commitments = {(d["sha256"], f"C{n}") for d in manifest for n in d["commitments"]}
    milestones = {(d["sha256"], m) for d in manifest for m in d["milestones"]}
    paths = {d["sha256"]: d["path"] for d in manifest}
    thresholds = [t / 20 for t in range(1, 20)] if args.sweep else [args.threshold]
    for threshold in thresholds:
        cp, cr, _ = figures(suggestions, commitments, "commitment", threshold)
        mp, mr, _ = figures(suggestions, milestones, "milestone", threshold)
        print(f"threshold {threshold:.2f}: commitments precision {cp:.3f} recall {cr:.3f}; milestones precision {mp:.3f} recall {mr:.3f}")
    cp, cr, cpred = figures(suggestions, commitments, "commitment", args.threshold)
    mp, mr, mpred = figures(suggestions, milestones, "milestone", args.threshold)
    if args.verbose:
        for label, predicted, truth in (("commitment", cpred, commitments), ("milestone", mpred, milestones)):
            for sha, target in sorted(predicted - truth):
                print(f"  false {label}: {paths.get(sha, sha)[:60]} -> {target}")
            for sha, target in sorted(truth - predicted):
                print(f"  missed {label}: {paths.get(sha, sha)[:60]} -> {target}")
    seed = [d for d in manifest if d["path"].startswith("seed/")]
    seed_hashes = sorted(d["sha256"] for d in seed)
    seed_ok = all(sorted(groups[d["path"]] + [d["sha256"]]) == seed_hashes for d in seed)
    grouped = sorted(p for p, g in groups.items() if g and not p.startswith("seed/"))
    print(f"versions: seed minutes in one group: {'yes' if seed_ok else 'no'}; other documents in groups: {grouped or 'none'}")
    print(f"links: commitments precision={cp:.3f} recall={cr:.3f} milestones precision={mp:.3f} recall={mr:.3f} "
          f"(threshold {args.threshold}, {len(suggestions)} suggestions)")
    if args.check:
        failures = []
        if cp < 0.9 or cr < 0.8:
            failures.append("commitment precision >= 0.9 at recall >= 0.8")
        if mp < 0.75 or mr < 0.6:
            failures.append("milestone precision >= 0.75 at recall >= 0.6")
        if not seed_ok or grouped:
            failures.append("the seed minutes alone in one version group")
        if failures:
            sys.exit("not met: " + "; ".join(failures))


if __name__ == "__main__":
    main()
