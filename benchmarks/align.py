"""Benchmark the sentence aligner: time and peak memory against document length, encoder speed.

    python benchmarks/align.py            # 1k, 2k, 4k, 8k sentence pairs; 3 runs per encoder
    python benchmarks/align.py --quick    # 1k and 2k pairs; 1 run per encoder, fewer sentences

Documents come from :mod:`zhengce.align.synthetic` (sentence pairs written for it, with some
joined and some untranslated sentences), so the gold alignment is known and strict F1 is
reported beside the cost. Each size runs in a fresh process, so ``ru_maxrss`` is that size's
own peak; ``tracemalloc`` (in a second, untimed run) gives the peak of Python and numpy
allocations during the alignment (the model weights, loaded before it starts, are not in that
figure but are in ru_maxrss). Time includes embedding every sentence. The machine is shared:
compare ms/pair across sizes of the same run, and rerun when the load average is high. Growth is linear when time/pair and memory/pair stay
flat as the size doubles; the last line fits the exponent of time ~ pairs^k.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
if SRC.is_dir():
    sys.path.insert(0, str(SRC))

from zhengce.align import align, get_encoder  # noqa: E402
from zhengce.align.synthetic import synthetic_parallel  # noqa: E402


def strict_f1(gold: list[tuple[list[int], list[int]]], pred: list[tuple[list[int], list[int]]]) -> float:
    """Strict bead F1 as in Vecalign's and Bertalign's scorers (beads with an empty side ignored)."""
    g = {(tuple(a), tuple(b)) for a, b in gold if a and b}
    p = {(tuple(a), tuple(b)) for a, b in pred if a and b}
    tp = len(g & p)
    return 2 * tp / (len(g) + len(p)) if g or p else 1.0


def one_size(n_pairs: int, trace: bool) -> dict[str, float]:
    """Align one synthetic document of ``n_pairs`` pairs in this process and measure it.

    The timed run goes without tracemalloc, which doubles the time of pure-Python code such as
    the encoder's tokenizer; a second, traced run measures the allocation peak.
    """
    zh, en, gold = synthetic_parallel(n_pairs, seed=n_pairs)
    load = os.getloadavg()[0]  # other work on a shared machine skews the timing; say how much
    enc = get_encoder()
    enc.encode(["warm-up"])  # load the model outside the timed region
    t0 = time.perf_counter()
    beads = align(zh, en, enc)
    seconds = time.perf_counter() - t0
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    traced = 0
    if trace:
        tracemalloc.start()
        align(zh, en, enc)
        traced = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return {
        "pairs": n_pairs,
        "zh": len(zh),
        "en": len(en),
        "seconds": seconds,
        "traced_peak_mb": traced / 2**20,
        "maxrss_mb": maxrss,
        "strict_f1": strict_f1(gold, [(b.zh, b.en) for b in beads]),
        "load": load,
    }


def run_size(n_pairs: int, trace: bool) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--one", str(n_pairs)] + (["--trace"] if trace else [])
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"size {n_pairs} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def encoder_speed(name: str, n_sentences: int, runs: int) -> float | None:
    """Median sentences per second of one encoder on synthetic zh and en sentences (model loaded first)."""
    try:
        enc = get_encoder(name)
    except ValueError as exc:
        print(f"  {name}: unavailable ({exc})")
        return None
    zh, en, _ = synthetic_parallel(n_sentences // 2, seed=99)
    batch = zh + en
    enc.encode(batch[:4])
    rates = []
    for _ in range(runs):
        t0 = time.perf_counter()
        enc.encode(batch)
        rates.append(len(batch) / (time.perf_counter() - t0))
    return statistics.median(rates)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="1k and 2k pairs, one run per encoder")
    ap.add_argument(
        "--sizes", type=int, nargs="*", help="sentence pairs per document (default 1000 2000 4000 8000)"
    )
    ap.add_argument("--encoders", nargs="*", default=["use", "e5"], help="encoders to time (default: use e5)")
    ap.add_argument(
        "--no-trace", action="store_true", help="skip tracemalloc (it slows pure-Python code a little)"
    )
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one_size(args.one, args.trace)))
        return 0

    sizes = args.sizes or ([1000, 2000] if args.quick else [1000, 2000, 4000, 8000])
    runs, n_enc = (1, 100) if args.quick else (3, 300)
    report: dict[str, object] = {"sizes": [], "encoders": {}}
    print("alignment, default encoder, embeddings included (each size in a fresh process)")
    print(
        f"{'pairs':>6} {'zh':>6} {'en':>6} {'seconds':>8} {'ms/pair':>8} {'traced MB':>10} {'maxrss MB':>10} {'F1':>7}"
    )
    rows = []
    for n in sizes:
        r = run_size(n, trace=not args.no_trace)
        rows.append(r)
        print(
            f"{r['pairs']:>6} {r['zh']:>6} {r['en']:>6} {r['seconds']:>8.1f} {1000 * r['seconds'] / n:>8.2f} "
            f"{r['traced_peak_mb']:>10.1f} {r['maxrss_mb']:>10.1f} {r['strict_f1']:>7.4f} {r['load']:>5.1f}",
            flush=True,
        )
    report["sizes"] = rows
    if len(rows) >= 2:
        xs = [math.log(r["pairs"]) for r in rows]
        ys = [math.log(r["seconds"]) for r in rows]
        mx, my = statistics.fmean(xs), statistics.fmean(ys)
        k = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
        report["time_exponent"] = k
        print(f"time grows as pairs^{k:.2f} (1.0 = linear)")
    print(f"\nencoder speed, median of {runs} run(s) on {n_enc} sentences (zh and en)")
    for name in args.encoders:
        rate = encoder_speed(name, n_enc, runs)
        if rate is not None:
            report["encoders"][name] = rate  # type: ignore[index]
            print(f"  {name}: {rate:.0f} sentences/s")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
