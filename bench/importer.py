"""Extraction time of the press-release parser per seed (goal: under 200 ms each).

    python bench/importer.py [SEED_DIR]     (default: ../shared/seeds beside the repo)

Pure Python: no Django settings or database needed. Prints the median of 20 runs
per file and the first (cold) run, which includes compiling the patterns once.
"""

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from news.importer import parse  # noqa: E402

GOAL_MS = 200


def main():
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "seeds"
    files = sorted(folder.glob("*.txt"))
    if not files:
        sys.exit(f"no .txt releases in {folder}")
    worst = 0.0
    for path in files:
        text = path.read_text(encoding="utf-8")
        timings = []
        for _ in range(20):
            start = time.perf_counter()
            parse(text)
            timings.append((time.perf_counter() - start) * 1000)
        median = statistics.median(timings)
        worst = max(worst, timings[0], median)
        print(f"{path.name:32} {len(text):6} chars  first {timings[0]:7.2f} ms  median {median:6.2f} ms")
    print(f"slowest: {worst:.2f} ms (goal < {GOAL_MS} ms): {'OK' if worst < GOAL_MS else 'TOO SLOW'}")
    return 0 if worst < GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
