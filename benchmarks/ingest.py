"""Time a full ingest: the national corpus, the 31 provincial reports and the seeds.

Each run is a fresh process writing a fresh database, so peak RSS is that of one ingest alone.
Prints every run, then the median seconds, MB/s of input text and the peak RSS.

    python benchmarks/ingest.py [--runs 3] [--no-extract] [PATHS...]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT_PATHS = [
    SHARED / "corpus" / "national-gwr-1954-2025.jsonl",
    SHARED / "corpus" / "provincial-gwr-2025-docx.zip",
    SHARED / "seeds",
]

CHILD = r"""
import json, os, resource, sys, threading, time
from zhengce.corpus import Corpus

def tree_rss_mb():
    # resident memory of this process and all its descendants (the pipeline's worker processes)
    parent, rss = {}, {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            parent[int(pid)], rss[int(pid)] = int(fields[1]), int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            pass
    mine, total = {os.getpid()}, 0
    for _ in range(4):
        mine |= {p for p, pp in parent.items() if pp in mine}
    return sum(rss.get(p, 0) for p in mine) / 2**20

peak = [0.0]
done = threading.Event()
def watch():
    while not done.wait(0.1):
        peak[0] = max(peak[0], tree_rss_mb())
threading.Thread(target=watch, daemon=True).start()
db, extract, paths = sys.argv[1], sys.argv[2] == "1", sys.argv[3:]
t0 = time.perf_counter()
with Corpus(db, extract=extract) as c:
    report = c.ingest(paths)
    mb = c.store.con.execute("SELECT sum(strlen(text)) FROM documents").fetchone()[0] / 1e6
    counts = c.stats()
seconds = time.perf_counter() - t0
done.set()
print(json.dumps({"seconds": seconds, "mb": mb, "summary": report.summary(), "counts": counts,
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "tree_rss_mb": peak[0]}))
"""


def run_once(paths: list[str], extract: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.duckdb")
        out = subprocess.run(
            [sys.executable, "-c", CHILD, db, "1" if extract else "0", *paths],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-extract", action="store_true", help="skip statement extraction (to see its cost)")
    args = ap.parse_args()
    paths = args.paths or [str(p) for p in DEFAULT_PATHS]
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        print(f"skipped: {', '.join(missing)} not found (the corpus lives in ../shared)")
        return 0
    runs = []
    for i in range(args.runs):
        r = run_once(paths, not args.no_extract)
        runs.append(r)
        print(f"run {i + 1}: {r['seconds']:.2f} s, {r['mb'] / r['seconds']:.2f} MB/s, peak RSS {r['maxrss_mb']:.0f} MB "
              f"(with workers {r['tree_rss_mb']:.0f} MB), {r['summary']}")  # fmt: skip
    med = statistics.median(r["seconds"] for r in runs)
    mb = runs[0]["mb"]
    print(f"documents: {runs[0]['counts']}")
    print(f"input: {mb:.2f} MB of UTF-8 text")
    print(f"median: {med:.2f} s ({mb / med:.2f} MB/s) over {len(runs)} runs; "
          f"peak RSS {max(r['maxrss_mb'] for r in runs):.0f} MB (with workers {max(r['tree_rss_mb'] for r in runs):.0f} MB); "
          f"extraction {'off' if args.no_extract else 'on'}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
