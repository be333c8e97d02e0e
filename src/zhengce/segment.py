"""Sentences of a whole document: split each line in its language and hang it on its block.

The splitting rules live in :mod:`zhengce.text.sentences`; this module only walks the document,
so that the language of each line (an interleaved bilingual report switches every few lines)
decides which rules apply.
"""

from __future__ import annotations

import bisect
import re

from .model import Block, Document, Sentence
from .text.language import line_language
from .text.sentences import split_sentences
from .text.tokens import tokenize

_LINE = re.compile(r"[^\n]+")


def segment(doc: Document, *, with_tokens: bool = True) -> list[Sentence]:
    assert doc.norm is not None, "normalise before segmenting"
    norm = doc.norm
    text = norm.text
    finder = _BlockFinder(doc.blocks)
    out: list[Sentence] = []
    for line in _LINE.finditer(text):
        ls, le = line.span()
        lang = line_language(line.group()) or finder.lang_at(ls) or "zh"
        for s, e in split_sentences(text, lang, ls, le):
            if s >= e:
                continue
            seg = text[s:e]
            start, end = norm.to_original(s, e)
            out.append(
                Sentence(
                    id=len(out),
                    block=finder.block_at(s),
                    lang=lang,
                    start=start,
                    end=end,
                    text=seg,
                    tokens=tokenize(seg, lang) if with_tokens else [],
                    norm_start=s,
                    norm_end=e,
                )
            )
    return out


class _BlockFinder:
    """Innermost block containing a normalised position (blocks come in document order, nested)."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = sorted(blocks, key=lambda b: (b.norm_start, -b.norm_end))
        self.starts = [b.norm_start for b in self.blocks]

    def _find(self, pos: int) -> Block | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        while i >= 0:
            b = self.blocks[i]
            if b.norm_start <= pos < b.norm_end:
                return b
            i -= 1
        return None

    def block_at(self, pos: int) -> int | None:
        b = self._find(pos)
        return b.id if b else None

    def lang_at(self, pos: int) -> str | None:
        b = self._find(pos)
        return b.lang if b else None
