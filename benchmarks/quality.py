"""Measure zhengce against the development gold sets in ../shared/eval, end to end.

Ingests the national corpus, the 31 provincial reports and the seeds into a temporary database
(or uses --db), exports what the scorers read through the same code as `zhengce targets/facts/
export --format jsonl`, and runs each scorer, printing its figures.

    python benchmarks/quality.py [--db FILE] [--keep DIR]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EVAL = SHARED / "eval"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="an already ingested database (default: ingest into a temporary one)")
    ap.add_argument("--keep", help="write the exported JSONL files here")
    args = ap.parse_args()
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} not found (the gold sets live in ../shared)")
        return 0

    from zhengce.bilingual import export_bilingual
    from zhengce.corpus import Corpus
    from zhengce.output import write_rows

    tmp = tempfile.TemporaryDirectory()
    out = Path(args.keep or tmp.name)
    out.mkdir(parents=True, exist_ok=True)
    with Corpus(args.db or out / "quality.duckdb") as c:
        if not args.db:
            report = c.ingest([SHARED / "corpus" / "national-gwr-1954-2025.jsonl",
                               SHARED / "corpus" / "provincial-gwr-2025-docx.zip", SHARED / "seeds"])  # fmt: skip
            print(f"ingest: {report.summary()}")
        write_rows(c.statements(kind="target"), "jsonl", out / "targets.jsonl")
        write_rows(c.statements(kind="outcome"), "jsonl", out / "outcomes.jsonl")
        facts = c.statements()
        write_rows(facts[facts["doc"].str.contains("seeds")], "jsonl", out / "facts.jsonl")
        export_bilingual(c, "002_27d4e54997f69abc.txt", "jsonl", out / "align_002.jsonl")

    runs = [
        ("targets", ["score_targets.py", out / "targets.jsonl", "--gold", EVAL / "targets_gold_dev.jsonl",
                     "--scope", EVAL / "targets_scope_dev.jsonl"]),
        ("outcomes", ["score_targets.py", out / "outcomes.jsonl", "--gold", EVAL / "outcomes_gold_dev.jsonl"]),
        ("seed facts", ["score_facts.py", out / "facts.jsonl", "--gold", EVAL / "seed_facts_gold.jsonl"]),
        ("alignment of seed 002", ["score_align.py", "--gold-beads", EVAL / "align_gold_002.jsonl",
                                   "--gold-sents", EVAL / "align_gold_002_sentences.json", out / "align_002.jsonl"]),
    ]  # fmt: skip
    for name, cmd in runs:
        script, *rest = cmd
        res = subprocess.run([sys.executable, str(EVAL / script), *map(str, rest)], capture_output=True, text=True)
        lines = [ln for ln in res.stdout.splitlines() if ln.strip()]
        summary = [ln for ln in lines if "=" in ln or ":" in ln][-12:]
        print(f"\n== {name}")
        print("\n".join(summary) if summary else res.stderr.strip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
