"""Aligning documents rather than sentence lists: structure narrows the search, ids come back.

An interleaved bilingual report alternates runs of Chinese and English paragraphs; the English
run that follows (or precedes) a Chinese run translates it. So a Chinese sentence in the k-th
Chinese run may pair only with English sentences of runs k-1 .. k+1: one run of slack lets a
title without translation, or a document that opens in English, shift the pairing by one
without breaking it. Blocks marked ``duplicate_of`` (a paragraph printed twice) are likely
1-0 beads and get the cheaper deletion price of repeated sentences.

Two separate documents (a report and its translation) are split where both agree: when both
have the same sequence of numbered parts (一、二、三 / I. II. III.), each part is aligned on its
own. Either way the beads carry :class:`~zhengce.model.Sentence` ids, not list positions.
"""

from __future__ import annotations

import numpy as np

from ..model import Bead, Block, Document, Sentence
from .dp import DEFAULT, align, repeats
from .encoders import Encoder


def _in_duplicate(sentences: list[Sentence], blocks: list[Block]) -> np.ndarray:
    """True for sentences whose block, or an ancestor of it, duplicates an earlier block."""
    by_id = {b.id: b for b in blocks}
    dup: dict[int, bool] = {}

    def is_dup(block_id: int | None) -> bool:
        seen = set()
        while block_id is not None and block_id in by_id and block_id not in seen:
            if block_id in dup:
                return dup[block_id]
            seen.add(block_id)
            block = by_id[block_id]
            if block.duplicate_of is not None:
                return True
            block_id = block.parent
        return False

    out = np.zeros(len(sentences), dtype=bool)
    for k, s in enumerate(sentences):
        if s.block not in dup:
            dup[s.block] = is_dup(s.block)  # type: ignore[index]
        out[k] = dup[s.block]  # type: ignore[index]
    return out


def _runs(sentences: list[Sentence]) -> tuple[list[int], list[int]]:
    """Run number of each zh sentence and each en sentence (runs counted per language)."""
    zh_runs: list[int] = []
    en_runs: list[int] = []
    runs = {"zh": -1, "en": -1}
    last = None
    for s in sentences:
        if s.lang not in runs:
            continue
        if s.lang != last:
            runs[s.lang] += 1
            last = s.lang
        (zh_runs if s.lang == "zh" else en_runs).append(runs[s.lang])
    return zh_runs, en_runs


def run_limits(zh_runs: list[int], en_runs: list[int], slack: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Grid limits that let zh run k pair only with en runs k-slack .. k+slack."""
    n, m = len(zh_runs), len(en_runs)
    n_en_runs = (en_runs[-1] + 1) if en_runs else 0
    first = np.full(n_en_runs + 1, m, dtype=np.int64)  # first en position of each run
    end = np.zeros(n_en_runs + 1, dtype=np.int64)  # one past the last en position of each run
    for j, r in enumerate(en_runs):
        first[r] = min(first[r], j)
        end[r] = j + 1
    lo = np.zeros(n + 1, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for i in range(n + 1):
        touching = [zh_runs[k] for k in (i - 1, i) if 0 <= k < n]
        rmin = max(min(touching) - slack, 0)
        rmax = min(max(touching) + slack, n_en_runs - 1)
        lo[i] = first[rmin] if rmin < n_en_runs else m
        hi[i] = end[rmax] if rmax >= 0 else 0
    lo[0], hi[n] = 0, m
    hi = np.maximum.accumulate(hi)
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    lo = np.minimum(lo, hi)
    lo[1:] = np.minimum(lo[1:], hi[:-1])  # keep neighbouring rows connected
    return lo, hi


def align_document(doc: Document, encoder: Encoder | str | None = None) -> list[Bead]:
    """Align the Chinese and English sentences of one interleaved bilingual document."""
    zh = [s for s in doc.sentences if s.lang == "zh"]
    en = [s for s in doc.sentences if s.lang == "en"]
    zh_text, en_text = [s.text for s in zh], [s.text for s in en]
    zh_rep = _in_duplicate(zh, doc.blocks) | repeats(zh_text)
    en_rep = _in_duplicate(en, doc.blocks) | repeats(en_text)
    limits = None
    zh_runs, en_runs = _runs(doc.sentences)
    if zh and en and zh_runs[-1] >= 1 and en_runs[-1] >= 1:
        lo, hi = run_limits(zh_runs, en_runs)
        # a band of whole runs is cheap unless runs are huge; then the generic search is better
        if int((hi - lo + 1).sum()) <= max(DEFAULT.full_dp_cells, 60 * (len(zh) + len(en))):
            limits = (lo, hi)
    beads = align(zh_text, en_text, encoder, zh_repeats=zh_rep, en_repeats=en_rep, limits=limits)
    return _to_ids(beads, zh, en)


def _part_starts(doc: Document, sentences: list[Sentence]) -> list[tuple[int, int]] | None:
    """(ordinal, index of the first sentence) for each top-level part, or None if there are none."""
    parts = sorted(
        (b for b in doc.blocks if b.kind == "part" and b.ordinal is not None), key=lambda b: b.start
    )
    if len(parts) < 2:
        return None
    out: list[tuple[int, int]] = []
    k = 0
    for part in parts:
        while k < len(sentences) and sentences[k].start < part.start:
            k += 1
        if k < len(sentences) and sentences[k].start < part.end:
            out.append((int(part.ordinal), k))  # type: ignore[arg-type]
    return out


def align_pair(doc_zh: Document, doc_en: Document, encoder: Encoder | str | None = None) -> list[Bead]:
    """Align a Chinese document with its English translation (beads hold each one's sentence ids)."""
    zh = sorted(doc_zh.sentences, key=lambda s: s.start)
    en = sorted(doc_en.sentences, key=lambda s: s.start)
    zh_rep = _in_duplicate(zh, doc_zh.blocks) | repeats([s.text for s in zh])
    en_rep = _in_duplicate(en, doc_en.blocks) | repeats([s.text for s in en])
    zp, ep = _part_starts(doc_zh, zh), _part_starts(doc_en, en)
    cuts: list[tuple[int, int]] = [(0, 0)]
    if zp and ep and [o for o, _ in zp] == [o for o, _ in ep]:
        cuts += [(zi, ei) for (_, zi), (_, ei) in zip(zp, ep, strict=True) if (zi, ei) != (0, 0)]
    cuts.append((len(zh), len(en)))
    out: list[Bead] = []
    for (z0, e0), (z1, e1) in zip(cuts, cuts[1:], strict=False):
        chunk = align(
            [s.text for s in zh[z0:z1]],
            [s.text for s in en[e0:e1]],
            encoder,
            zh_repeats=zh_rep[z0:z1],
            en_repeats=en_rep[e0:e1],
        )
        out += _to_ids(chunk, zh[z0:z1], en[e0:e1])
    return out


def _to_ids(beads: list[Bead], zh: list[Sentence], en: list[Sentence]) -> list[Bead]:
    return [Bead([zh[i].id for i in b.zh], [en[j].id for j in b.en], b.score, b.flag) for b in beads]
