"""Anchors: the parts of a sentence that a translation keeps verbatim, so a pair must agree on them.

Numbers (after multiplying out 万/亿 and million/billion, so "1.2万亿" meets "1.2 trillion"),
percentages, years, dates and Latin tokens written inside Chinese text ("AI", "5G") survive
translation almost unchanged. Sentence embeddings, on the other hand, barely notice a changed
number, so anchors are what separates two neighbouring sentences that say similar things about
different figures. The rules stay deliberately simple: a missed anchor only weakens a bead's
score a little, while a wrong one would push the aligner off a correct pair.

For speed the anchors of each sentence are hashed into a small count vector; the agreement of a
bead is then a vectorised min-sum over the band instead of a Python set operation per cell.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter

import numpy as np

ANCHOR_DIM = 128

_ZH_SCALE = {
    "万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8,
    "千万": 1e7, "百万": 1e6, "十万": 1e5, "万": 1e4,
}  # fmt: skip
_EN_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")  # fmt: skip
_MONTHS = {m: i + 1 for i, m in enumerate(_MONTH_NAMES)}

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_ZH_NUMBER = re.compile(rf"({_NUM})\s*(?:多|余)?\s*({'|'.join(_ZH_SCALE)})?")
_EN_NUMBER = re.compile(rf"(?<![\w.])({_NUM})(?:\s*({'|'.join(_EN_SCALE)}))?(st|nd|rd|th)?\b", re.IGNORECASE)
_EN_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b", re.IGNORECASE)
# A Latin token inside Chinese text: letters, possibly with digits or joiners ("AI", "5G", "R&D").
_LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9&+\-]*[A-Za-z][A-Za-z0-9&+\-]*|[A-Za-z]")
# List labels carry no content and are written differently in each language ("(一)" vs "1.").
_ZH_LABEL = re.compile(r"^\s*(?:[(（]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[.、．](?!\d))\s*")
_EN_LABEL = re.compile(r"^\s*(?:\(?\d{1,2}\)|\d{1,2}\.(?!\d)|\(?[IVXLC]{1,6}[.)])\s+")


def _value(number: str, scale: float = 1.0) -> str:
    """A canonical key for a number, so 1.2e12 written two ways compares equal."""
    v = float(number.replace(",", "")) * scale
    return f"{v:.6g}"


def zh_anchors(text: str) -> list[str]:
    """Numbers (scale multiplied out) and Latin tokens of a Chinese sentence."""
    text = _ZH_LABEL.sub("", text)
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _LATIN.finditer(text):
        out.append("w:" + m.group(0).lower())
        spans.append(m.span())
    for m in _ZH_NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in spans):  # the "5" of "5G" is part of a token
            continue
        out.append(_value(m.group(1), _ZH_SCALE.get(m.group(2) or "", 1.0)))
    return out


def en_anchors(text: str, latin_vocab: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Numbers (scale multiplied out), month numbers, and those words that Chinese text keeps in Latin.

    Every English word is Latin, so only words found in ``latin_vocab`` (the Latin tokens of the
    Chinese side) count: otherwise "the" would be an anchor the Chinese can never match.
    """
    text = _EN_LABEL.sub("", text)
    out: list[str] = []
    for m in _EN_NUMBER.finditer(text):
        if m.group(3):  # "14th Five-Year Plan": Chinese writes ordinals in characters (十四五)
            continue
        out.append(_value(m.group(1), _EN_SCALE.get((m.group(2) or "").lower(), 1.0)))
    for m in _EN_MONTH.finditer(text):
        word = m.group(1)
        if word.lower() == "may" and word[0].islower():  # the verb, not the month
            continue
        out.append(_value(str(_MONTHS[word.lower()])))
    if latin_vocab:
        for m in _LATIN.finditer(text):
            tok = "w:" + m.group(0).lower()
            if tok in latin_vocab:
                out.append(tok)
    return out


def latin_vocabulary(zh_sentences: list[str]) -> set[str]:
    """The Latin tokens that occur in the Chinese side (keys as produced by :func:`zh_anchors`)."""
    return {a for s in zh_sentences for a in zh_anchors(s) if a.startswith("w:")}


def anchor_agreement(zh: list[str], en: list[str]) -> float:
    """How well two anchor lists agree, in [-1, 1]: -1 all match, +1 none match, 0 neither has any.

    This is the per-bead quantity the aligner adds (times a weight) to a bead's cost; the
    "+1" in the denominator keeps a single shared number from counting as much as five.
    """
    cz, ce = Counter(zh), Counter(en)
    matched = sum((cz & ce).values())
    unmatched = sum(cz.values()) + sum(ce.values()) - 2 * matched
    return (unmatched - matched) / (unmatched + matched + 1)


def _bucket(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) % ANCHOR_DIM


def hashed_counts(anchor_lists: list[list[str]]) -> np.ndarray:
    """Anchor count vectors (one row per sentence) for the vectorised agreement in the aligner."""
    out = np.zeros((len(anchor_lists), ANCHOR_DIM), dtype=np.float32)
    for i, anchors in enumerate(anchor_lists):
        for key in anchors:
            out[i, _bucket(key)] += 1.0
    return out


def sentence_anchor_counts(zh: list[str], en: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Hashed anchor counts for both sides of a document, sharing the Latin vocabulary of the Chinese."""
    zh_lists = [zh_anchors(s) for s in zh]
    vocab = {a for lst in zh_lists for a in lst if a.startswith("w:")}
    en_lists = [en_anchors(s, vocab) for s in en]
    return hashed_counts(zh_lists), hashed_counts(en_lists)


TERM_DIM = 64


def term_counts(zh: list[str], en: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Hashed counts of glossary terms per sentence, for the aligner's term bonus.

    Terms are kept apart from the anchors above because their absence proves nothing: a
    translator may render "高质量发展" freely, while a number that is missing on one side is a
    real sign of a wrong pair. So a shared term lowers a bead's cost, and a lone one costs nothing.
    """
    from ..glossary import load_glossary

    gloss = load_glossary()
    out = []
    for sentences, lang in ((zh, "zh"), (en, "en")):
        counts = np.zeros((len(sentences), TERM_DIM), dtype=np.float32)
        for i, s in enumerate(sentences):
            for key in gloss.find(s, lang):
                counts[i, zlib.crc32(key.encode("utf-8")) % TERM_DIM] += 1.0
        out.append(counts)
    return out[0], out[1]
