"""Text processing on the real shared corpora (skipped when ../shared is absent)."""

from __future__ import annotations

import collections
import json
import time
from pathlib import Path

import pytest

from zhengce.text.language import detect_language, line_language
from zhengce.text.normalise import _t2s, normalise
from zhengce.text.sentences import split_sentences

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="module")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared not present")
    return SHARED


@pytest.fixture(scope="module")
def national(shared: Path) -> list[dict[str, str]]:
    path = shared / "corpus" / "national-gwr-1954-2025.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not present")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def test_whole_national_corpus_normalises_fast_and_loses_its_footers(national: list[dict[str, str]]) -> None:
    t = time.perf_counter()
    views = [normalise(r["content"]) for r in national]
    elapsed = time.perf_counter() - t
    assert elapsed < 3.0, f"national corpus took {elapsed:.2f}s"
    footers = 0
    for r, n in zip(national, views, strict=True):
        assert len(n.offsets) == len(n.text) + 1 and n.offsets[-1] == len(r["content"])
        assert "Public domain" not in n.text and "公有领域" not in n.text[-300:], r["title"]
        if "Public domain" in r["content"]:
            footers += 1
            # the view ends where the report ends: its last character lies before the notice
            assert n.offsets[len(n.text) - 1] < r["content"].rfind("本作品"), r["title"]
    assert footers > 50


def test_traditional_reports_become_simplified(national: list[dict[str, str]]) -> None:
    t2s = _t2s()
    old = [r for r in national if r.get("year") == "1954"]
    assert old, "the 1954 report is in the corpus"
    text = normalise(old[0]["content"]).text
    assert sum(c in t2s for c in text) == 0
    assert detect_language(text) == "zh"


def test_seed_002_segmentation_matches_the_gold(shared: Path) -> None:
    """Share of gold sentences reproduced exactly (measured 100% for zh and en)."""
    gold_path = shared / "eval" / "align_gold_002_sentences.json"
    seed = next((shared / "seeds").glob("002_*.txt"), None)
    if seed is None or not gold_path.exists():
        pytest.skip("seed 002 or its gold segmentation not present")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    n = normalise(seed.read_text(encoding="utf-8"))
    assert detect_language(n.text) == "bilingual"
    pred: dict[str, list[str]] = {"zh": [], "en": []}
    pos = 0
    for line in n.text.split("\n"):
        lang = line_language(line)
        if lang:
            pred[lang] += [n.text[s:e] for s, e in split_sentences(n.text, lang, pos, pos + len(line))]
        pos += len(line) + 1
    for lang in ("zh", "en"):
        hits = sum((collections.Counter(gold[lang]) & collections.Counter(pred[lang])).values())
        assert hits / len(gold[lang]) >= 0.95, (lang, hits, len(gold[lang]))
