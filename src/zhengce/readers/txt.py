"""Plain text (.txt, .md and any other text file): decode and hand over unchanged.

The text is kept exactly as decoded — no whitespace clean-up — because every span the pipeline
reports points into it; normalisation happens later on a separate view with an offset map.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from ..model import RawDocument
from .base import require_text
from .encoding import decode


def read_text(data: bytes, source: str, name: str) -> RawDocument:
    """One document from the bytes of a text file; ``name`` is its file name (for meta)."""
    text, encoding = decode(data, source)
    require_text(text)
    return RawDocument(
        source=source,
        text=text,
        encoding=encoding,
        meta={"file_name": PurePosixPath(name).name, "format": "text"},
    )
