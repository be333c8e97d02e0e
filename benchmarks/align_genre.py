"""How the aligner does outside the genre it was set up on: a short story instead of a report.

    python benchmarks/align_genre.py [--encoders use e5] [--deletions 3] [--trials 5]

The story in ``benchmarks/data/story-{zh,en}.txt`` was written for this benchmark (one sentence
per line, with its gold beads in ``story-gold.txt``). It has no numbers, years or Latin names,
so anchors cannot help; it has 1-2 and 2-1 beads as a literary translation does. Each trial
then drops ``--deletions`` random lines from each side (a translator's omissions, an added
sentence), adjusts the gold, and aligns again: the first figure is the text as written, the
second the median strict F1 over the trials with omissions.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
if SRC.is_dir():
    sys.path.insert(0, str(SRC))

from zhengce.align import align, get_encoder  # noqa: E402
from zhengce.align.presplit import parse_beads, read_presplit  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"


def strict_f1(gold: list[tuple[tuple[int, ...], tuple[int, ...]]], pred: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> float:
    g = {b for b in gold if b[0] and b[1]}
    p = {b for b in pred if b[0] and b[1]}
    return 2 * len(g & p) / (len(g) + len(p)) if g or p else 1.0


def drop(zh: list[str], en: list[str], gold, k: int, rng: random.Random):
    """Remove k lines on each side; a bead that loses a side keeps the other as a deletion."""
    gone_zh = set(rng.sample(range(len(zh)), k))
    gone_en = set(rng.sample(range(len(en)), k))
    new_zh = {old: new for new, old in enumerate(i for i in range(len(zh)) if i not in gone_zh)}
    new_en = {old: new for new, old in enumerate(j for j in range(len(en)) if j not in gone_en)}
    beads = []
    for a, b in gold:
        za = tuple(new_zh[i] for i in a if i in new_zh)
        eb = tuple(new_en[j] for j in b if j in new_en)
        if za or eb:
            beads.append((za, eb))
    return [s for i, s in enumerate(zh) if i not in gone_zh], [s for j, s in enumerate(en) if j not in gone_en], beads


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--encoders", nargs="*", default=["use", "e5"])
    ap.add_argument("--deletions", type=int, default=3, help="lines dropped from each side per trial")
    ap.add_argument("--trials", type=int, default=5)
    args = ap.parse_args()
    zh, en = read_presplit(DATA / "story-zh.txt"), read_presplit(DATA / "story-en.txt")
    gold = [(tuple(b.zh), tuple(b.en)) for b in parse_beads((DATA / "story-gold.txt").read_text(encoding="utf-8"))]
    print(f"story: {len(zh)} zh / {len(en)} en sentences, {len(gold)} gold beads")
    for name in args.encoders:
        try:
            enc = get_encoder(name)
        except (ValueError, ImportError) as exc:
            print(f"  {name}: unavailable ({exc})")
            continue
        clean = strict_f1(gold, [(tuple(b.zh), tuple(b.en)) for b in align(zh, en, enc)])
        scores = []
        for t in range(args.trials):
            dz, de, dg = drop(zh, en, gold, args.deletions, random.Random(t))
            scores.append(strict_f1(dg, [(tuple(b.zh), tuple(b.en)) for b in align(dz, de, enc)]))
        print(f"  {name}: strict F1 {clean:.3f} as written; {statistics.median(scores):.3f} median with "
              f"{args.deletions} omissions per side ({args.trials} trials, min {min(scores):.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
