"""Builders for reader test inputs, made fresh in each test rather than stored as binary files.

Building them keeps the repository free of opaque blobs and shows exactly what each input is.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

import docx


def make_pdf(pages: list[list[str]], title: str | None = None) -> bytes:
    """A minimal valid PDF whose pages carry the given ASCII lines in a text layer."""
    objects: list[str] = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    kids: list[int] = []
    for lines in pages:
        content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
        objects.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
        contents_id = len(objects)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {contents_id} 0 R "
            "/Resources << /Font << /F1 3 0 R >> >> >>"
        )
        kids.append(len(objects))
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    info = ""
    if title is not None:
        objects.append(f"<< /Title ({title}) >>")
        info = f" /Info {len(objects)} 0 R"
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def make_docx(
    path: Path,
    paragraphs: Sequence[str],
    table: Sequence[Sequence[str]] = (),
    after: Sequence[str] = (),
    title: str = "",
) -> Path:
    """A .docx with paragraphs, then an optional table, then more paragraphs."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    for text in after:
        document.add_paragraph(text)
    if title:
        document.core_properties.title = title
    document.save(str(path))
    return path


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """A zip (deflated) holding ``members``; non-ASCII names get zipfile's UTF-8 flag."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_with_gbk_names(members: dict[str, bytes]) -> bytes:
    """A zip whose member names are GBK bytes without the UTF-8 flag, as Chinese Windows writes them.

    zipfile always flags non-ASCII names as UTF-8, so the archive is written with ASCII
    placeholders of the same byte length and the name bytes are swapped in afterwards (names are
    not covered by any checksum).
    """
    placeholders: dict[bytes, bytes] = {}
    renamed: dict[str, bytes] = {}
    for i, (name, data) in enumerate(members.items()):
        raw = name.encode("gbk")
        stem = f"@{i:03d}"
        placeholder = (stem + "_" * (len(raw) - len(stem))).encode("ascii")
        assert len(placeholder) == len(raw), "name too short for a placeholder"
        placeholders[placeholder] = raw
        renamed[placeholder.decode("ascii")] = data
    archive = zip_bytes(renamed)
    for placeholder, raw in placeholders.items():
        archive = archive.replace(placeholder, raw)
    return archive
