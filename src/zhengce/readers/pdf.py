"""PDF files: the text layer, page after page.

Scanned reports have no text layer and damaged downloads are common, so both are reported
as such instead of yielding an empty or half document.
"""

from __future__ import annotations

import io
import logging
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from ..model import RawDocument
from .base import ReaderError, require_text

if TYPE_CHECKING:
    from pypdf import PdfReader


def read_pdf(data: bytes, source: str, name: str) -> RawDocument:
    """One document: the text of every page, pages joined by newlines."""
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    if b"%PDF-" not in data[:1024]:
        raise ReaderError("not a PDF file (no %PDF- header)")
    if b"%%EOF" not in data[-2048:]:
        raise ReaderError("truncated PDF (no %%EOF marker at the end; was the download interrupted?)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every small defect
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _open_with_empty_password(reader):
            raise ReaderError("encrypted PDF: a password is needed to read it")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = _title(reader)
    except ReaderError:
        raise
    except FileNotDecryptedError:
        raise ReaderError("encrypted PDF: a password is needed to read it") from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        raise ReaderError(f"damaged PDF ({type(exc).__name__}: {exc})") from None
    except NotImplementedError as exc:
        raise ReaderError(f"PDF uses a feature that cannot be read ({exc})") from None
    text = "\n".join(p.rstrip("\n") for p in pages)
    require_text(text, "the PDF has no text layer; is it a scan? run OCR on it first")
    meta: dict[str, object] = {"file_name": PurePosixPath(name).name, "format": "pdf", "pages": len(pages)}
    if title:
        meta["title"] = title
    return RawDocument(source=source, text=text, encoding=None, meta=meta)


def _open_with_empty_password(reader: PdfReader) -> bool:
    """Many "encrypted" PDFs only restrict printing and open with an empty password."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # noqa: BLE001 - any failure here just means "needs a password"
        return False


def _title(reader: PdfReader) -> str | None:
    try:
        info = reader.metadata
        title = (info.title or "").strip() if info else ""
    except Exception:  # noqa: BLE001 - broken metadata must not lose the text
        return None
    return title or None
