"""Compares the last line of score.py with the committed floor; fails when a figure fell below it."""
import sys


def figures(line):
    values = {}
    for item in line.replace("score:", "").split():
        key, _, value = item.partition("=")
        if "/" in value:
            done, total = value.split("/")
            values[key] = float(done) / float(total) if float(total) else 1.0
        else:
            values[key] = float(value) if value != "n/a" else 0.0
    return values


def main():
    floor_file, line = sys.argv[1], sys.argv[2]
    floor = figures(open(floor_file, encoding="utf-8").read().strip())
    now = figures(line)
    failures = []
    for key in ("leaks", "crashes"):
        if now.get(key, 1) != 0:
            failures.append(f"{key}={now.get(key)} must be 0")
    for key, minimum in floor.items():
        if key in ("leaks", "crashes"):
            continue
        if now.get(key, 0.0) + 1e-9 < minimum:
            failures.append(f"{key}={now.get(key, 0.0):.3f} fell below the floor {minimum:.3f}")
    if failures:
        print("score below floor: " + "; ".join(failures), file=sys.stderr)
        sys.exit(1)
    print("score at or above the floor")


if __name__ == "__main__":
    main()
