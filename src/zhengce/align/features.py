"""What the aligner knows about each side of a document: span embeddings, lengths, anchors.

A bead joins up to three consecutive sentences on a side, so every quantity is kept for spans:
``vecs[k-1, i]`` embeds sentences ``i .. i+k-1`` (Vecalign's "overlaps"), and lengths and anchor
counts are prefix sums so any span costs one subtraction. Span embeddings come either from the
encoder itself (exact: the concatenated text is embedded) or from a length-weighted sum of the
sentence embeddings (approximate: free, and close enough to find the path, see :mod:`.dp`).

The same structure describes coarse levels of the multi-resolution search, where each unit is
a block of consecutive sentences; :meth:`Side.coarsen` builds them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .anchors import TERM_DIM, sentence_anchor_counts, term_counts
from .encoders import Encoder, normalise_rows

MAX_SPAN = 3
SMALL_SIDE = 64  # below this many sentences the normaliser leaves out each span's nearest partners


def text_length(text: str, lang: str) -> int:
    """Characters that carry content: Chinese without spaces, English with single spaces."""
    return len("".join(text.split())) if lang == "zh" else len(" ".join(text.split()))


def joiner(lang: str) -> str:
    return "" if lang == "zh" else " "


@dataclass
class Side:
    """One language's side of an alignment problem, at one resolution."""

    lang: str
    vecs: np.ndarray  # (MAX_SPAN, n, d) float32, L2-normalised span embeddings
    lengths: np.ndarray  # (n,) float64 content characters per unit
    anchors: np.ndarray  # (n, ANCHOR_DIM) float32 hashed anchor counts per unit
    del_scale: np.ndarray  # (n,) multiplier on the deletion cost (below 1: a likely 1-0 unit)
    weights: np.ndarray  # (n,) weight of a unit's embedding when spans are approximated
    exact: np.ndarray | None = None  # (MAX_SPAN, n) bool: span embedding came from the encoder
    terms: np.ndarray | None = None  # (n, TERM_DIM) float32 hashed glossary-term counts per unit

    def __post_init__(self) -> None:
        if self.terms is None:
            self.terms = np.zeros((self.lengths.shape[0], TERM_DIM), dtype=np.float32)
        self._terms_cum = np.vstack([np.zeros((1, TERM_DIM), np.float32), np.cumsum(self.terms, 0)])
        self._len_cum = np.concatenate([[0.0], np.cumsum(self.lengths)])
        self._anc_cum = np.vstack(
            [np.zeros((1, self.anchors.shape[1]), np.float32), np.cumsum(self.anchors, 0)]
        )
        self._tot_cum = np.concatenate([[0.0], np.cumsum(self.anchors.sum(1))])
        self.norms = np.ones((MAX_SPAN, self.n), dtype=np.float32)

    @property
    def n(self) -> int:
        return int(self.vecs.shape[1])

    def span_lengths(self, k: int, starts: np.ndarray) -> np.ndarray:
        ends = np.minimum(starts + k, self.n)
        return self._len_cum[ends] - self._len_cum[starts]

    def span_anchor_totals(self, k: int, starts: np.ndarray) -> np.ndarray:
        ends = np.minimum(starts + k, self.n)
        return self._tot_cum[ends] - self._tot_cum[starts]

    def span_anchors(self, k: int, starts: np.ndarray | int) -> np.ndarray:
        ends = np.minimum(np.asarray(starts) + k, self.n)
        return self._anc_cum[ends] - self._anc_cum[starts]

    def span_terms(self, k: int, starts: np.ndarray | int) -> np.ndarray:
        ends = np.minimum(np.asarray(starts) + k, self.n)
        return self._terms_cum[ends] - self._terms_cum[starts]

    def set_norms(self, other: np.ndarray) -> None:
        """Vecalign's normaliser: how dissimilar each span is to the other side's sentences on average.

        Spans that resemble everything (short, generic, "hub" sentences) get a small normaliser
        and therefore a larger cost, which keeps them from attracting wrong partners. The mean
        of ``1 - cos(v, s)`` over the other side is linear in ``v``, so for a long document it
        is ``1 - v·mean(s)``: exact, linear in time, no sampling. In a short document the true
        partner would dominate that mean, so there the few most similar sentences are left out.
        """
        n_other = other.shape[0]
        if n_other >= SMALL_SIDE:
            norms = 1.0 - self.vecs @ other.mean(0)
        elif n_other <= 1:
            norms = np.ones(self.vecs.shape[:2], dtype=np.float32)
        else:
            drop = min(3, n_other - 1)
            sims = np.sort(self.vecs @ other.T, axis=-1)[..., : n_other - drop]
            norms = 1.0 - sims.mean(-1)
        self.norms = np.clip(norms, 0.05, None).astype(np.float32)

    def coarsen(self, factor: int) -> Side:
        """The same side with each block of ``factor`` consecutive units merged into one."""
        groups = np.arange(self.n) // factor
        g = int(groups[-1]) + 1
        w = self.weights[:, None]
        summed = np.zeros((g, self.vecs.shape[2]), dtype=np.float32)
        np.add.at(summed, groups, self.vecs[0] * w)
        lengths = np.bincount(groups, weights=self.lengths, minlength=g)
        anchors = np.zeros((g, self.anchors.shape[1]), dtype=np.float32)
        np.add.at(anchors, groups, self.anchors)
        counts = np.bincount(groups, minlength=g)
        terms = np.zeros((g, TERM_DIM), dtype=np.float32)
        np.add.at(terms, groups, self.terms)
        del_scale = np.bincount(groups, weights=self.del_scale, minlength=g) / counts
        weights = np.sqrt(np.maximum(lengths, 1.0))
        return Side(
            self.lang,
            approximate_spans(normalise_rows(summed), weights),
            lengths,
            anchors,
            del_scale,
            weights,
            terms=terms,
        )


def approximate_spans(singles: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Span embeddings as the normalised, length-weighted sum of their sentences' embeddings.

    On seed 002 such a sum agrees with the embedding of the concatenated text at cosine
    0.86-1.0; weighting by the square root of the length tracks it a little better than a plain
    sum, because the encoder averages over tokens and a longer sentence contributes more tokens.
    """
    n, d = singles.shape
    out = np.zeros((MAX_SPAN, n, d), dtype=np.float32)
    weighted = singles * weights[:, None].astype(np.float32)
    acc = np.zeros_like(weighted)
    for k in range(MAX_SPAN):
        if k < n:
            acc[: n - k] += weighted[k:]
        out[k] = normalise_rows(acc)
        if k >= 1 and n - k > 0:  # spans running past the end are never used; keep them defined
            out[k, n - k :] = out[k - 1, n - k :]
    return out


def build_sides(
    zh: list[str],
    en: list[str],
    encoder: Encoder,
    *,
    exact_spans: bool,
    zh_del_scale: np.ndarray | None = None,
    en_del_scale: np.ndarray | None = None,
) -> tuple[Side, Side]:
    """Embed both sides once; with ``exact_spans`` also embed every 2- and 3-sentence concatenation."""
    za, ea = sentence_anchor_counts(zh, en)
    zt, et = term_counts(zh, en)
    sides = []
    for texts, lang, anchors, scale, terms in (
        (zh, "zh", za, zh_del_scale, zt),
        (en, "en", ea, en_del_scale, et),
    ):
        singles = encoder.encode(list(texts)) if texts else np.zeros((0, 1), np.float32)
        singles = normalise_rows(singles) if len(texts) else singles
        lengths = np.array([max(text_length(t, lang), 1) for t in texts], dtype=np.float64)
        weights = np.sqrt(lengths)
        vecs = approximate_spans(singles, weights)
        exact = np.zeros((MAX_SPAN, len(texts)), dtype=bool)
        exact[0] = True
        side = Side(
            lang,
            vecs,
            lengths,
            anchors,
            np.ones(len(texts)) if scale is None else np.asarray(scale, dtype=np.float64),
            weights,
            exact,
            terms,
        )
        if exact_spans:
            embed_spans(side, texts, encoder, np.arange(len(texts)))
        sides.append(side)
    return sides[0], sides[1]


def embed_spans(side: Side, texts: list[str], encoder: Encoder, starts: np.ndarray) -> int:
    """Replace approximate span embeddings starting at ``starts`` by real ones; returns how many.

    Only spans that exist (do not run past the end) and are not exact yet are embedded, so the
    call is cheap to repeat on overlapping regions.
    """
    assert side.exact is not None
    todo: list[tuple[int, int]] = []
    for k in range(2, MAX_SPAN + 1):
        for i in np.unique(starts):
            i = int(i)
            if i >= 0 and i + k <= side.n and not side.exact[k - 1, i]:
                todo.append((k, i))
    if not todo:
        return 0
    glue = joiner(side.lang)
    vecs = normalise_rows(encoder.encode([glue.join(texts[i : i + k]) for k, i in todo]))
    for (k, i), v in zip(todo, vecs, strict=True):
        side.vecs[k - 1, i] = v
        side.exact[k - 1, i] = True
    return len(todo)
