"""Banded dynamic programming over sentence beads: the aligner itself.

A path through the (Chinese × English) grid is a sequence of beads 1-1, 1-2, 2-1, 2-2, 1-3,
3-1, 1-0 and 0-1. A bead that pairs sentences costs, as in Vecalign, ``2·a·b·(1-cos)/(nz+ne)``
where ``cos`` compares the embeddings of the two spans and ``nz``/``ne`` say how far each span is
from the other side on average (so generic sentences cannot pair with anything cheaply, and the
``a·b`` factor makes a many-to-many bead earn its place), plus a length term (Chinese characters
against English characters, relative to the document's own ratio), an anchor term (numbers,
years and Latin tokens must agree), a bonus for glossary terms found on both sides, and a charge
on 1-n beads that fit worse than their best single sentence (an untranslated neighbour glued
on). A sentence left unpaired costs a fixed deletion price,
cheaper for a sentence that repeats an earlier one (a duplicated paragraph is the usual reason
for a Chinese sentence without translation).

Time and memory are linear in the document: the grid is searched only in a band around a
guessed path. The guess comes from the same DP run on a coarsened document (blocks of two
sentences merged, recursively, until a full DP is small), whose path is projected back and
widened by ``band`` sentences on every side. Spans of two or three sentences are first
embedded approximately (a weighted sum of sentence embeddings, free); for short documents every
span is then embedded for real, for long ones only the spans around beads the first pass found
doubtful, and the final band is searched again with those.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Bead
from .encoders import Encoder, get_encoder
from .errors import AlignError
from .features import Side, build_sides, embed_spans

BEAD_TYPES: tuple[tuple[int, int], ...] = ((1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (1, 0), (0, 1))
_DEL_EN = BEAD_TYPES.index((0, 1))


@dataclass(frozen=True)
class Params:
    """The aligner's knobs, gathered so tests and the benchmark can state what they change."""

    band: int = 8  # half-width, in sentences, of the band searched around the projected path
    full_dp_cells: int = 250_000  # grids up to this many cells are searched in full
    coarse_factor: int = 2
    del_cost: float = 0.8  # price of one unpaired sentence, in units of the normalised cosine cost
    size_exponent: float = 1.0  # a bead of a×b sentences multiplies its cosine cost by (a·b)**this
    repeat_del_scale: float = 0.5  # a repeated sentence is cheaper to leave unpaired
    len_weight: float = 0.08  # times the squared length deviation (in standard deviations, capped at 4)
    length_ratio: float = 4.0  # typical English characters per Chinese character in these reports
    ratio_prior_weight: float = 10.0  # how many sentences' worth of weight that typical ratio gets
    anchor_weight: float = 0.35  # times the anchor disagreement in [-1, 1]
    term_weight: float = 0.35  # times shared glossary terms / (shared + 1): a bonus only
    exact_span_limit: int = 1000  # up to this many sentences, every span is embedded for real
    recheck_cost: float = 0.75  # 1-1 beads costing more than this are rechecked with real span embeddings
    low_score: float = 0.3  # beads scoring below this are flagged "low_score"
    merge_weight: float = 1.0  # times how much worse a many-to-one span fits than its best single sentence


DEFAULT = Params()


# --------------------------------------------------------------------------------------------- costs
class _Costs:
    """Bead costs for one row of the grid, vectorised over the English positions of the band."""

    def __init__(self, z: Side, e: Side, p: Params) -> None:
        self.z, self.e, self.p = z, e, p
        total_z, total_e = float(z.lengths.sum()), float(e.lengths.sum())
        # English characters per Chinese one: the document's own ratio, pulled towards a typical
        # value when there are too few sentences to trust it (and an orphan could skew it)
        n_eff = float(min(z.n, e.n))
        own = math.log(max(total_e, 1.0) / max(total_z, 1.0))
        prior = math.log(p.length_ratio)
        self.ratio = math.exp((n_eff * own + p.ratio_prior_weight * prior) / (n_eff + p.ratio_prior_weight))
        self.del_z = p.del_cost * z.del_scale
        self.del_e = p.del_cost * e.del_scale

    def unit(self, a: int, iz: int, b: int, je: np.ndarray) -> np.ndarray:
        """Cost of pairing zh span (iz, a) with each en span (je, b), without the bead-size factor."""
        return self.semantic(a, iz, b, je) + self.evidence(a, iz, b, je)

    def bead(self, a: int, iz: int, b: int, je: np.ndarray) -> np.ndarray:
        """The cost the DP adds: the semantic part grows with the bead's size, the evidence does not.

        Only the cosine part is scaled: a shared number or a fitting length is one piece of
        evidence however many sentences the bead holds, and scaling a bonus would reward merging.
        """
        sem = self.semantic(a, iz, b, je)
        cost = (a * b) ** self.p.size_exponent * sem + self.evidence(a, iz, b, je)
        if (a == 1) != (b == 1) and self.p.merge_weight:
            cost = cost + self.p.merge_weight * np.maximum(0.0, sem - self._best_part(a, iz, b, je))
        return cost

    def _best_part(self, a: int, iz: int, b: int, je: np.ndarray) -> np.ndarray:
        """The semantic cost of the best single sentence on the longer side of a 1-n or n-1 bead.

        A true 1-2 bead fits better merged than either half does alone; an untranslated
        neighbour glued on makes the merge fit worse than the sentence that is the translation.
        Penalising that gap lets the neighbour stay unpaired, which a deletion price alone does
        not manage with an encoder whose good pairs cost little (USE): without it, the benchmark
        story with three omissions per side drops from strict F1 0.96 to 0.93.
        """
        if b > 1:
            parts = [self.semantic(a, iz, 1, je + k) for k in range(b)]
        else:
            parts = [self.semantic(1, iz + k, b, je) for k in range(a)]
        return np.minimum.reduce(parts)

    def semantic(self, a: int, iz: int, b: int, je: np.ndarray) -> np.ndarray:
        z, e = self.z, self.e
        sims = e.vecs[b - 1, je] @ z.vecs[a - 1, iz]
        return 2.0 * (1.0 - sims) / (z.norms[a - 1, iz] + e.norms[b - 1, je])

    def evidence(self, a: int, iz: int, b: int, je: np.ndarray) -> np.ndarray:
        """Length and anchor terms.

        Length follows Gale and Church: the log of the English/Chinese length ratio, against the
        document's own ratio, measured in standard deviations that shrink as the Chinese span
        grows (a four-character idiom may become a whole English clause; a long sentence keeps
        its proportion), capped so one odd pair cannot outweigh a clear semantic match.
        """
        z, e, p = self.z, self.e, self.p
        zl = float(z.span_lengths(a, np.array([iz]))[0])
        el = e.span_lengths(b, je)
        r = np.log((el + 10.0) / (self.ratio * zl + 10.0))
        sd = 0.1 + 1.0 / math.sqrt(zl + 1.0)
        cost = p.len_weight * np.minimum((r / sd) ** 2, 16.0)
        na = float(z.span_anchor_totals(a, np.array([iz]))[0])
        ne = e.span_anchor_totals(b, je)
        if na:  # only then can anything match; the 128-wide comparison is the costly part
            matched = np.minimum(e.span_anchors(b, je), z.span_anchors(a, iz)[None, :]).sum(1)
            unmatched = na + ne - 2.0 * matched
            cost = cost + p.anchor_weight * (unmatched - matched) / (unmatched + matched + 1.0)
        elif ne.any():
            cost = cost + p.anchor_weight * ne / (ne + 1.0)
        if p.term_weight and z.span_terms(a, iz).any():
            shared = np.minimum(e.span_terms(b, je), z.span_terms(a, iz)[None, :]).sum(1)
            cost = cost - p.term_weight * shared / (shared + 1.0)
        return cost


# --------------------------------------------------------------------------------------------- DP
def _banded_dp(
    z: Side, e: Side, lo: np.ndarray, hi: np.ndarray, p: Params
) -> list[tuple[int, int, int, int]]:
    """Best path within ``lo[i] <= j <= hi[i]``; beads as (zh start, zh count, en start, en count)."""
    n, m = z.n, e.n
    costs = _Costs(z, e, p)
    width = int((hi - lo).max()) + 1
    acc = np.full((n + 1, width), np.inf)
    back = np.full((n + 1, width), -1, dtype=np.int8)
    cum_del_e = np.concatenate([[0.0], np.cumsum(costs.del_e)])
    for i in range(n + 1):
        js = np.arange(lo[i], hi[i] + 1)
        row = np.full(js.size, np.inf)
        bp = np.full(js.size, -1, dtype=np.int8)
        if i == 0:
            row[js == 0] = 0.0
        for t, (a, b) in enumerate(BEAD_TYPES):
            if a == 0 or a > i:
                continue
            prev = i - a
            jp = js - b
            ok = (jp >= lo[prev]) & (jp <= hi[prev]) & (jp >= 0)
            if b > 0:
                ok &= jp + b <= m
            if not ok.any():
                continue
            idx = np.nonzero(ok)[0]
            base = acc[prev, jp[idx] - lo[prev]]
            if b == 0:
                cand = base + costs.del_z[prev]
            else:
                live = np.isfinite(base)
                if not live.any():
                    continue
                idx, base = idx[live], base[live]
                cand = base + costs.bead(a, prev, b, jp[idx])
            better = cand < row[idx]
            row[idx[better]] = cand[better]
            bp[idx[better]] = t
        # 0-1 beads move along the row: best[t] = min(row[t], best[t-1] + del_e[j_t - 1])
        # (a prefix-minimum; the backpointer compares against the step itself, because the
        # prefix-minimum's rounding must not turn an untouched cell into a spurious 0-1 bead)
        pre = cum_del_e[js]
        best = pre + np.minimum.accumulate(row - pre)
        step = np.full(js.size, np.inf)
        step[1:] = best[:-1] + costs.del_e[js[1:] - 1]
        moved = step < row
        bp[moved] = _DEL_EN
        acc[i, : js.size] = np.where(moved, step, row)
        back[i, : js.size] = bp
    if not np.isfinite(acc[n, m - lo[n]]):  # pragma: no cover - the band always holds (n, m)
        raise AssertionError("banded DP found no path; the band does not connect (0,0) to (n,m)")
    path = []
    i, j = n, m
    while i > 0 or j > 0:
        t = int(back[i, j - lo[i]])
        a, b = BEAD_TYPES[t]
        path.append((i - a, a, j - b, b))
        i, j = i - a, j - b
    path.reverse()
    return path


def _full_band(n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    return np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64)


def project_band(
    path: Sequence[tuple[int, int, int, int]], factor: int, n: int, m: int, width: int
) -> tuple[np.ndarray, np.ndarray]:
    """Turn a coarse path into a fine band: every cell a coarse bead covers, widened by ``width``."""
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for i0, a, j0, b in path:
        ia, ib = min(i0 * factor, n), min((i0 + a) * factor, n)
        ja, jb = min(j0 * factor, m), min((j0 + b) * factor, m)
        lo[ia : ib + 1] = np.minimum(lo[ia : ib + 1], ja)
        hi[ia : ib + 1] = np.maximum(hi[ia : ib + 1], jb)
    wlo, whi = lo.copy(), hi.copy()
    for s in range(1, width + 1):  # widen along i as well, so a bead may start a few rows early or late
        wlo[:-s] = np.minimum(wlo[:-s], lo[s:])
        wlo[s:] = np.minimum(wlo[s:], lo[:-s])
        whi[:-s] = np.maximum(whi[:-s], hi[s:])
        whi[s:] = np.maximum(whi[s:], hi[:-s])
    lo = np.clip(wlo - width, 0, m)
    hi = np.clip(whi + width, 0, m)
    lo[0], hi[n] = 0, m
    return lo, hi


def _search(
    z: Side, e: Side, p: Params, limits: tuple[np.ndarray, np.ndarray] | None = None
) -> tuple[list[tuple[int, int, int, int]], np.ndarray, np.ndarray]:
    """Multi-resolution search: solve a coarsened copy, then the band around its projected path.

    ``limits`` (from the document's structure) replaces the search for a band when given.
    """
    n, m = z.n, e.n
    if limits is not None:
        lo, hi = limits
    elif (n + 1) * (m + 1) <= p.full_dp_cells or min(n, m) < 4 * p.coarse_factor:
        lo, hi = _full_band(n, m)
    else:
        cz, ce = z.coarsen(p.coarse_factor), e.coarsen(p.coarse_factor)
        _set_norms(cz, ce)
        coarse, _, _ = _search(cz, ce, p)
        lo, hi = project_band(coarse, p.coarse_factor, n, m, p.band)
    return _banded_dp(z, e, lo, hi, p), lo, hi


def _set_norms(z: Side, e: Side) -> None:
    z.set_norms(e.vecs[0])
    e.set_norms(z.vecs[0])


# --------------------------------------------------------------------------------------------- API
_SPACE = re.compile(r"\s+")


def repeats(sentences: Sequence[str], min_chars: int = 6) -> np.ndarray:
    """True for each sentence whose text already occurred earlier on the same side.

    A repeated sentence is the usual sign of a duplicated paragraph, whose second copy has no
    translation of its own; very short lines ("一、", "Notes") repeat legitimately and are ignored.
    """
    seen: set[str] = set()
    out = np.zeros(len(sentences), dtype=bool)
    for i, s in enumerate(sentences):
        key = _SPACE.sub("", s)
        if len(key) >= min_chars and key in seen:
            out[i] = True
        seen.add(key)
    return out


def align(
    zh: list[str],
    en: list[str],
    encoder: Encoder | str | None = None,
    *,
    band: int | None = None,
    exact_spans: bool | None = None,
    zh_repeats: Sequence[bool] | None = None,
    en_repeats: Sequence[bool] | None = None,
    params: Params | None = None,
    limits: tuple[Sequence[int], Sequence[int]] | None = None,
) -> list[Bead]:
    """Align Chinese sentences with English ones; beads hold indices into ``zh`` and ``en``.

    ``encoder`` is an :class:`Encoder`, an encoder name for :func:`get_encoder`, or None (default).

    ``band`` is the half-width of the searched band (default 8 sentences); ``exact_spans``
    forces (True) or forbids (False) embedding every 2- and 3-sentence span for real (default:
    for documents up to ``params.exact_span_limit`` sentences, otherwise only around doubtful
    beads). ``zh_repeats``/``en_repeats`` mark sentences likely to stay unpaired (default:
    sentences repeating an earlier one). ``limits = (lo, hi)`` restricts the search to grid nodes
    ``lo[i] <= j <= hi[i]`` (``i`` Chinese and ``j`` English sentences consumed; both arrays of
    length ``len(zh) + 1``, non-decreasing, ``lo[0] == 0`` and ``hi[-1] == len(en)``), which is
    how document structure narrows the search. Beads come in document order and cover every
    sentence.
    """
    p = params or DEFAULT
    if band is not None:
        if band < 1:
            raise AlignError(f"band must be at least 1 sentence, got {band}")
        p = Params(**{**p.__dict__, "band": int(band)})
    for name, side in (("zh", zh), ("en", en)):
        if not all(isinstance(s, str) for s in side):
            raise AlignError(f"align: every {name} sentence must be a string")
    if not zh or not en:
        return [Bead([i], [], 0.0, "unaligned") for i in range(len(zh))] + [
            Bead([], [j], 0.0, "unaligned") for j in range(len(en))
        ]
    enc = get_encoder(encoder or "default") if encoder is None or isinstance(encoder, str) else encoder
    exact = (len(zh) + len(en) <= p.exact_span_limit) if exact_spans is None else exact_spans
    zr = repeats(zh) if zh_repeats is None else np.asarray(zh_repeats, dtype=bool)
    er = repeats(en) if en_repeats is None else np.asarray(en_repeats, dtype=bool)
    if zr.size != len(zh) or er.size != len(en):
        raise AlignError("align: zh_repeats/en_repeats must have one entry per sentence")
    z, e = build_sides(
        zh, en, enc, exact_spans=exact, zh_del_scale=_del_scale(zh, zr, p), en_del_scale=_del_scale(en, er, p)
    )
    _set_norms(z, e)
    path, lo, hi = _search(z, e, p, _check_limits(limits, len(zh), len(en)))
    if exact_spans is None and not exact and _recheck(path, z, e, zh, en, enc, p):
        _set_norms(z, e)  # the rechecked spans changed; then search the same band again
        path = _banded_dp(z, e, lo, hi, p)
    return _to_beads(path, z, e, p)


def _del_scale(sentences: list[str], repeated: np.ndarray, p: Params) -> np.ndarray:
    """Deletion price per sentence: cheaper for repeats, free for blank lines (nothing to pair)."""
    scale = np.where(repeated, p.repeat_del_scale, 1.0)
    scale[[not s.strip() for s in sentences]] = 0.0
    return scale


def _check_limits(
    limits: tuple[Sequence[int], Sequence[int]] | None, n: int, m: int
) -> tuple[np.ndarray, np.ndarray] | None:
    if limits is None:
        return None
    lo, hi = (np.asarray(x, dtype=np.int64) for x in limits)
    if lo.shape != (n + 1,) or hi.shape != (n + 1,):
        raise AlignError(f"align: limits must hold {n + 1} entries each (one per Chinese position)")
    if lo[0] != 0 or hi[-1] != m or (lo > hi).any() or (np.diff(lo) < 0).any() or (np.diff(hi) < 0).any():
        raise AlignError("align: limits must be non-decreasing, start at 0 and end at the English length")
    if (lo[1:] > hi[:-1]).any():
        raise AlignError("align: limits leave a gap between neighbouring rows, so no path can cross it")
    return lo, np.minimum(hi, m)


def _recheck(
    path: list[tuple[int, int, int, int]],
    z: Side,
    e: Side,
    zh: list[str],
    en: list[str],
    enc: Encoder,
    p: Params,
) -> int:
    """Embed real spans around the beads the approximate pass found doubtful; returns how many."""
    costs = _Costs(z, e, p)
    zs: list[int] = []
    es: list[int] = []
    for i0, a, j0, b in path:
        doubtful = (a, b) != (1, 1) or costs.unit(1, i0, 1, np.array([j0]))[0] > p.recheck_cost
        if doubtful:
            zs.extend(range(i0 - 1, i0 + max(a, 1)))
            es.extend(range(j0 - 1, j0 + max(b, 1)))
    return embed_spans(z, zh, enc, np.array(zs, dtype=np.int64)) + embed_spans(
        e, en, enc, np.array(es, dtype=np.int64)
    )


def bead_score(unit_cost: float) -> float:
    """A bead's cost mapped to 0..1: 1 for identical meaning, 0 for the cost of unrelated sentences."""
    return float(min(1.0, max(0.0, 1.0 - unit_cost)))


def _to_beads(path: list[tuple[int, int, int, int]], z: Side, e: Side, p: Params) -> list[Bead]:
    costs = _Costs(z, e, p)
    out = []
    for i0, a, j0, b in path:
        zi, ej = list(range(i0, i0 + a)), list(range(j0, j0 + b))
        if a == 0 or b == 0:
            out.append(Bead(zi, ej, 0.0, "unaligned"))
            continue
        score = bead_score(float(costs.unit(a, i0, b, np.array([j0]))[0]))
        out.append(Bead(zi, ej, round(score, 4), "low_score" if score < p.low_score else None))
    return out
