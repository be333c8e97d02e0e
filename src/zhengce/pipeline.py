"""The pipeline, stage by stage, in the order a document goes through it.

read → normalise → metadata → structure → sentences → align (bilingual) → statements → store.

Each stage is a function from one module that knows nothing of the CLI or the database; this
file only strings them together, so the whole path of a document can be read here top to bottom.
A document either passes every stage and is stored in one transaction, or it is reported as failed.
"""

from __future__ import annotations

import hashlib
from typing import Any

from .model import Document, RawDocument

# Bump when a stage changes what it derives: stored documents made by an older pipeline are
# then processed again on the next ingest instead of being reported "unchanged".
PIPELINE_VERSION = "1"


def content_id(text: str) -> str:
    """Documents are keyed by their content, so the same text read twice is stored once."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def process(
    raw: RawDocument,
    overrides: dict[str, Any] | None = None,
    *,
    align: bool = True,
    extract: bool = True,
    encoder: Any = None,
) -> Document:
    from .metadata import infer_metadata
    from .segment import segment
    from .structure import build_blocks
    from .text.normalise import normalise

    doc = Document(
        id=content_id(raw.text), source=raw.source, text=raw.text, encoding=raw.encoding, meta=dict(raw.meta)
    )
    doc.norm = normalise(raw.text)  # 1. a normalised view with an offset map back to the original
    infer_metadata(doc, overrides)  # 2. title, date, year, jurisdiction, kind, languages
    doc.blocks = build_blocks(doc.norm, doc.title)  # 3. parts, tasks, items, headings, paragraphs
    doc.sentences = segment(doc)  # 4. sentences in each line's language, with tokens
    doc.languages = languages_of(doc) or doc.languages
    if align and set(doc.languages) == {"zh", "en"}:  # 5. interleaved bilingual text
        from .align import align_document

        doc.beads = align_document(doc, encoder)
    if extract:  # 6. targets, outcomes and other quantitative statements
        from .extract.statements import extract_statements

        doc.statements = extract_statements(doc)
    return doc


def languages_of(doc: Document, min_share: float = 0.15) -> list[str]:
    """The languages that make up a real share of the text, so that an English title or a stray
    quotation does not turn a Chinese report into a "bilingual" one that needs aligning."""
    chars = {"zh": 0, "en": 0}
    for s in doc.sentences:
        if s.lang in chars:
            # a Chinese character carries about as much as three English letters
            chars[s.lang] += len(s.text) * (3 if s.lang == "zh" else 1)
    total = sum(chars.values())
    if not total:
        return []
    return sorted(lang for lang, n in chars.items() if n / total >= min_share)
