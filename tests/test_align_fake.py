"""A tiny deterministic bilingual encoder for the aligner's tests, and checks that it behaves.

Loading the real model in every DP test would make the suite slow, so most tests use this
stand-in: a sentence embeds as the normalised count vector of the concepts it mentions, found
through a small Chinese/English lexicon. Translations therefore embed alike, a concatenation
embeds as the sum of its parts (as with a real encoder, roughly), and digits are invisible to
it, which is exactly what lets tests show that anchors, not embeddings, tell numbers apart.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

LEXICON: tuple[tuple[str, str], ...] = (
    ("经济", "economy"), ("改革", "reform"), ("教育", "education"), ("学校", "school"),
    ("农村", "rural"), ("城市", "city"), ("就业", "jobs"), ("收入", "income"),
    ("医疗", "medical"), ("养老", "elderly"), ("环境", "environment"), ("能源", "energy"),
    ("科技", "technology"), ("企业", "business"), ("税", "tax"), ("粮食", "grain"),
    ("铁路", "railway"), ("住房", "housing"), ("文化", "culture"), ("安全", "safety"),
    ("开放", "opening"), ("贸易", "trade"), ("金融", "finance"), ("数字", "digital"),
    ("水利", "water"), ("森林", "forest"), ("旅游", "tourism"), ("汽车", "vehicles"),
    ("青年", "youth"), ("法治", "law"),
)  # fmt: skip


NOISE_DIM = 16


class FakeEncoder:
    """Bag of bilingual concepts plus a little sentence-specific noise.

    The noise (seeded by the text, so deterministic) keeps a translation from embedding
    *identically* to its source: a correct pair lands near cosine 0.7 and a sentence joined
    with an unrelated one near 0.5, about where the real encoder puts them. Without it every
    correct pair would cost exactly nothing and merged beads would tie with the right ones.
    """

    name = "fake"

    def __init__(self, noise: float = 0.6) -> None:
        self.calls = 0
        self.noise = noise

    def encode(self, sentences: list[str]) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(sentences), len(LEXICON) + NOISE_DIM), dtype=np.float32)
        for i, s in enumerate(sentences):
            for piece in re.split(r"(?<=[。.!?])\s*", s):  # a concatenation embeds as the sum of its parts
                if piece.strip():
                    out[i] += self._piece(piece)
            if not out[i].any():
                out[i, -1] = 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    def _piece(self, s: str) -> np.ndarray:
        v = np.zeros(len(LEXICON) + NOISE_DIM, dtype=np.float32)
        words = set(re.findall(r"[a-z]+", s.lower()))
        for k, (zh, en) in enumerate(LEXICON):
            v[k] = s.count(zh) + (1.0 if en in words else 0.0)
        v[: len(LEXICON)] /= max(1.0, float(np.linalg.norm(v[: len(LEXICON)])))
        noise = np.random.default_rng(zlib.crc32(s.encode("utf-8"))).standard_normal(NOISE_DIM)
        v[len(LEXICON) :] = self.noise * noise / np.linalg.norm(noise)
        return v


def pair(*concepts: int) -> tuple[str, str]:
    """A Chinese sentence and its English translation mentioning the given lexicon concepts."""
    zh = "我们要推进" + "和".join(LEXICON[k][0] for k in concepts) + "工作。"
    en = "We will advance work on " + " and ".join(LEXICON[k][1] for k in concepts) + "."
    return zh, en


def test_fake_encoder_rows_are_unit_length_and_translations_match() -> None:
    enc = FakeEncoder()
    zh, en = pair(0, 1)
    other_zh, _ = pair(5, 6)
    v = enc.encode([zh, en, other_zh])
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0)
    assert 0.5 < v[0] @ v[1] < 0.97  # alike, as real translations are, but never identical
    assert v[0] @ v[2] < 0.45


def test_fake_encoder_ignores_digits() -> None:
    v = FakeEncoder(noise=0.0).encode(["经济增长5%。", "经济增长8%。"])
    assert v[0] @ v[1] > 0.999
