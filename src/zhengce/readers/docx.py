"""Word .docx files: paragraphs and tables in the order they appear in the body.

Provincial reports put their target tables between paragraphs; reading tables separately
(or not at all) would move the figures away from the text that introduces them.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from ..model import RawDocument
from .base import ReaderError, require_text

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import Table


def read_docx(data: bytes, source: str, name: str) -> RawDocument:
    """One document: a line per paragraph, a tab-separated line per table row."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not data.startswith(b"PK"):
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise ReaderError("old binary Word (.doc) file named .docx; save it as .docx and try again")
        raise ReaderError("not a DOCX file (not a zip archive)")
    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_body_lines(document))
        title = (document.core_properties.title or "").strip()
    except (zipfile.BadZipFile, PackageNotFoundError) as exc:
        raise ReaderError(f"corrupt DOCX ({exc})") from None
    except KeyError:  # zipfile: a required part such as [Content_Types].xml is missing
        raise ReaderError("not a Word document (a zip archive without the parts of a DOCX)") from None
    except ValueError as exc:  # python-docx: "file is not a Word file, content type is …"
        raise ReaderError(f"not a Word document ({exc})") from None
    except Exception as exc:  # lxml errors and the like from a damaged package
        raise ReaderError(f"corrupt DOCX ({type(exc).__name__}: {exc})") from None
    text = "\n".join(lines)
    require_text(text, "no text in the DOCX")
    meta: dict[str, object] = {"file_name": PurePosixPath(name).name, "format": "docx"}
    if title:
        meta["title"] = title
    return RawDocument(source=source, text=text, encoding=None, meta=meta)


def _body_lines(document: DocxDocument) -> Iterator[str]:
    from docx.table import Table

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            yield from _table_lines(block)
        else:
            yield block.text


def _table_lines(table: Table) -> Iterator[str]:
    """Rows as tab-separated cells; a merged cell (repeated by python-docx) is written once."""
    for row in table.rows:
        cells: list[str] = []
        kept: list[object] = []  # the cell elements themselves: holding them keeps identity meaningful
        for cell in row.cells:
            if any(cell._tc is tc for tc in kept):
                continue
            kept.append(cell._tc)
            cells.append(" ".join(cell.text.split()).strip())
        if any(cells):
            yield "\t".join(cells)
