"""Score statement extraction against the gold sets in ../shared/eval.

Runs the pipeline over the national reports (2013-2025), the 31 provincial 2025 reports and the
seed documents, writes the JSONL files the scorers read, runs the scorers and prints their
figures, then times extraction alone on the whole national corpus.

    python benchmarks/extract_eval.py [--out DIR] [--show N] [--minimal]

``--minimal`` skips the pipeline's structure/metadata stages and builds each Document directly
(identity offsets, year and province from the corpus), to tell extraction problems apart from
metadata ones.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EVAL = SHARED / "eval"
NATIONAL = SHARED / "corpus" / "national-gwr-1954-2025.jsonl"
PROVINCIAL = SHARED / "corpus" / "provincial-gwr-2025-docx.zip"
SEEDS = SHARED / "seeds"

def national_raws(years: range | None = None):
    from zhengce.model import RawDocument

    with NATIONAL.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            row = json.loads(line)
            if not row.get("year"):
                continue
            year = int(row["year"])
            if years is not None and year not in years:
                continue
            meta = {"title": row.get("title"), "year": year}
            yield RawDocument(f"{NATIONAL}#L{n}", row["content"], meta=meta), {
                "year": year,
                "jurisdiction": "national",
                "kind": "government_work_report",
            }


def provincial_raws():
    import docx

    from zhengce.model import RawDocument

    with zipfile.ZipFile(PROVINCIAL) as z:
        for info in z.infolist():
            if not info.filename.endswith(".docx"):
                continue
            name = info.filename
            if not info.flag_bits & 0x800:
                name = name.encode("cp437").decode("gbk", errors="replace")
            m = re.search(r"(\d{4})年(.+?)(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)?政府工作报告", name)
            year, province = (int(m.group(1)), m.group(2)) if m else (None, None)
            text = "\n".join(p.text for p in docx.Document(io.BytesIO(z.read(info))).paragraphs)
            yield RawDocument(f"{PROVINCIAL}::{name}", text), {
                "year": year,
                "jurisdiction": province,
                "kind": "government_work_report",
            }


def seed_raws():
    from zhengce.model import RawDocument

    for path in sorted(SEEDS.glob("*.txt")):
        yield RawDocument(str(path), path.read_text(encoding="utf-8")), {"kind": "news"}


def build(raw, known: dict, minimal: bool):
    """A processed Document: the real pipeline, or (``minimal``) just enough for extraction."""
    from zhengce.model import Document
    from zhengce.pipeline import content_id, process

    if not minimal:
        doc = process(raw, extract=False, align=False)
        return doc
    from zhengce.text.normalise import normalise

    doc = Document(id=content_id(raw.text), source=raw.source, text=raw.text, **known)
    doc.norm = normalise(raw.text)
    return doc


def extract_all(items, minimal: bool):
    from zhengce.extract.statements import extract_statements

    docs, seconds = [], 0.0
    for raw, known in items:
        doc = build(raw, known, minimal)
        t0 = time.perf_counter()
        doc.statements = extract_statements(doc)
        seconds += time.perf_counter() - t0
        docs.append((doc, known))
    return docs, seconds


def write_kinds(docs, path: Path) -> None:
    from zhengce.extract.statements import export_unit

    with path.open("w", encoding="utf-8") as f:
        for doc, _known in docs:
            for st in doc.statements:
                if st.kind not in ("target", "outcome"):
                    continue
                f.write(
                    json.dumps(
                        {
                            "jurisdiction": st.jurisdiction,
                            "year": st.year,
                            "kind": st.kind,
                            "indicator": st.indicator,
                            "comparator": st.comparator,
                            "value": st.value,
                            "value_high": st.value_high,
                            "unit": export_unit(st.unit),
                            "text": st.text,
                            "source": doc.source,
                        },
                        ensure_ascii=False,
                    )
                    + "\n"
                )


def write_facts(docs, path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for doc, _known in docs:
            for st in doc.statements:
                if st.comparator == "qualitative":
                    continue
                f.write(
                    json.dumps(
                        {
                            "doc": Path(doc.source).name,
                            "text": st.text,
                            "value": st.value,
                            "unit": st.unit,
                            "comparator": st.comparator,
                            "indicator": st.indicator,
                            "suspect": st.suspect,
                            "suggested_value": st.suggested_value,
                            "reason": st.suspect_reason,
                        },
                        ensure_ascii=False,
                    )
                    + "\n"
                )


def score(script: str, *args: str) -> None:
    out = subprocess.run([sys.executable, str(EVAL / script), *args], capture_output=True, text=True)
    print(out.stdout.rstrip())
    if out.returncode:
        print(out.stderr.rstrip())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=None, help="directory for the JSONL files (default: a temp dir)")
    ap.add_argument("--show", type=int, default=15)
    ap.add_argument("--minimal", action="store_true", help="build Documents without the pipeline's metadata stages")
    args = ap.parse_args()
    if not SHARED.exists():
        print(f"{SHARED} is not present: nothing to score", file=sys.stderr)
        return 1
    out = args.out or Path(tempfile.mkdtemp(prefix="zhengce-extract-"))
    out.mkdir(parents=True, exist_ok=True)

    reports, t_reports = extract_all(
        [*national_raws(range(2013, 2026)), *provincial_raws()], args.minimal
    )
    for doc, known in reports:
        if (doc.year, doc.jurisdiction) != (known["year"], known["jurisdiction"]) or doc.kind != known["kind"]:
            print(f"metadata: {doc.source}: year={doc.year} jurisdiction={doc.jurisdiction} kind={doc.kind}"
                  f" (expected {known['year']} {known['jurisdiction']} {known['kind']})")
    write_kinds(reports, out / "targets_outcomes.jsonl")
    seeds, _ = extract_all(seed_raws(), args.minimal)
    write_facts(seeds, out / "facts.jsonl")

    show = ["--show", str(args.show)]
    print("== targets ==")
    score("score_targets.py", str(out / "targets_outcomes.jsonl"), "--gold", str(EVAL / "targets_gold_dev.jsonl"),
          "--scope", str(EVAL / "targets_scope_dev.jsonl"), *show)
    print("== outcomes ==")
    score("score_targets.py", str(out / "targets_outcomes.jsonl"), "--gold", str(EVAL / "outcomes_gold_dev.jsonl"), *show)
    print("== seed facts ==")
    score("score_facts.py", str(out / "facts.jsonl"), "--gold", str(EVAL / "seed_facts_gold.jsonl"), *show)

    everything, t_all = extract_all(national_raws(), args.minimal)
    chars = sum(len(d.text) for d, _ in everything)
    n = sum(len(d.statements) for d, _ in everything)
    print(f"== speed ==\nextract_statements on the national corpus: {t_all:.2f} s for {len(everything)} reports, "
          f"{chars / 1e6:.2f} M chars, {n} statements (reports+provinces above: {t_reports:.2f} s)")
    print(f"JSONL written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
