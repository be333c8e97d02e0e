"""Known boilerplate that is not part of a document's content.

Boilerplate is removed from the normalised view only (the original keeps every character), so
that search, sentences and statistics are not polluted by, say, a licence footer repeated on
72 records. Each pattern is a small named regex; add new ones to :data:`PATTERNS`.

Patterns run on text that has already been through the per-character stage of normalisation
(NFKC, simplified characters), so they can be written in simplified Chinese with ASCII
punctuation, but they must tolerate arbitrary whitespace and line breaks: sources such as
Wikisource break lines around every hyperlink.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Boilerplate:
    """A named pattern; ``tail`` limits the search to the last ``tail`` characters.

    Footers are only ever at the end, and searching a 60k-character report from every
    "本作品" start would cost time for nothing.
    """

    name: str
    pattern: re.Pattern[str]
    tail: int | None = None


PATTERNS: list[Boilerplate] = [
    # Chinese Wikisource's public-domain notice for PRC official works, plus the template's
    # machine-readable remnants ("Public domain" / "false") that the scraper kept.
    Boilerplate(
        "wikisource_pd_footer",
        re.compile(
            r"本作品(?:是|来自)[\s\S]{0,1500}?公有领域[\s\S]{0,800}?"
            r"(?:Public\s+domain\s*)+(?:false\s*)*\Z"
        ),
        tail=3000,
    ),
    # The template remnants alone, when the notice text itself was lost.
    Boilerplate(
        "wikisource_template_tail",
        re.compile(r"(?:^|\n)\s*(?:Public\s+domain\s*)+(?:false\s*)+\Z"),
        tail=300,
    ),
]


def find_boilerplate(text: str, patterns: list[Boilerplate] | None = None) -> list[tuple[int, int, str]]:
    """Spans ``(start, end, name)`` of boilerplate in ``text``, sorted and non-overlapping."""
    found: list[tuple[int, int, str]] = []
    for bp in PATTERNS if patterns is None else patterns:
        offset = max(0, len(text) - bp.tail) if bp.tail else 0
        for m in bp.pattern.finditer(text, offset):
            if m.end() > m.start():
                found.append((m.start(), m.end(), bp.name))
    found.sort()
    merged: list[tuple[int, int, str]] = []
    for s, e, name in found:
        if merged and s < merged[-1][1]:
            ps, pe, pname = merged[-1]
            merged[-1] = (ps, max(pe, e), pname)
        else:
            merged.append((s, e, name))
    return merged
