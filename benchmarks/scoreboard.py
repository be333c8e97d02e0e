"""How fast `zhengce scoreboard` answers on the full corpus.

Ingests the national corpus, the provincial reports and the seeds into a temporary database
(or uses --db), then times the scoreboard two ways, median of --runs:
- the API call `Corpus.scoreboard(indicator)` in a warm process (the query and the pairing);
- the whole command `zhengce scoreboard INDICATOR --format csv` as a user runs it (start-up included).

    python benchmarks/scoreboard.py [--db FILE] [--runs 5] [INDICATOR ...]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("indicators", nargs="*", default=["gdp_growth", "cpi_growth", "urban_new_jobs"])
    ap.add_argument("--db")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    from zhengce.corpus import Corpus

    tmp = tempfile.TemporaryDirectory()
    db = args.db or str(Path(tmp.name) / "scoreboard.duckdb")
    if not args.db:
        if not (SHARED / "corpus").is_dir():
            print(f"skipped: {SHARED / 'corpus'} not found (the corpus lives in ../shared)")
            return 0
        with Corpus(db) as c:
            c.ingest([SHARED / "corpus" / "national-gwr-1954-2025.jsonl",
                      SHARED / "corpus" / "provincial-gwr-2025-docx.zip", SHARED / "seeds"])  # fmt: skip
    with Corpus(db, read_only=True) as c:
        print(f"database: {c.stats()}")
        for ind in args.indicators:
            times = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                board = c.scoreboard(ind)
                times.append(time.perf_counter() - t0)
            print(f"api  {ind:<16} {len(board):>3} years  median {statistics.median(times) * 1000:7.1f} ms")
    exe = Path(sys.executable).with_name("zhengce")
    for ind in args.indicators:
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            subprocess.run([str(exe), "scoreboard", ind, "--db", db, "--format", "csv"], check=True,
                           capture_output=True)  # fmt: skip
            times.append(time.perf_counter() - t0)
        print(f"cli  {ind:<16} median {statistics.median(times):.2f} s (whole command, Python start-up included)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
