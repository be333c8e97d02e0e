"""Bad input: each problem becomes one clear ReadError naming the input, and the batch goes on."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from fixtures_readers import make_docx, make_pdf, zip_bytes

from zhengce.model import RawDocument, ReadError
from zhengce.readers import ReaderError, ReadOptions, decode, read_path, read_paths

MB = 1024 * 1024


def only_error(items: list) -> ReadError:
    assert len(items) == 1, items
    assert isinstance(items[0], ReadError), items[0]
    return items[0]


def error_for(path: Path, options: ReadOptions | None = None) -> ReadError:
    err = only_error(list(read_path(path, options)))
    assert err.source == str(path)
    assert str(err).startswith(f"{path}: ")
    return err


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert error_for(path).message == "empty file"


@pytest.mark.parametrize("name", ["blank.txt", "blank.jsonl", "blank.docx", "blank.pdf", "blank.zip"])
def test_whitespace_only_file_in_any_format(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"  \r\n\t\n   ")
    assert error_for(path).message == "empty file"


def test_utf16_whitespace_only_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank16.txt"
    path.write_bytes(" \u3000\n".encode("utf-16"))
    assert error_for(path).message == "empty file"


def test_binary_garbage_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(bytes(range(256)) * 40)
    assert "looks like binary data, not text" in error_for(path).message


def test_binary_without_nul_bytes_is_still_binary() -> None:
    data = bytes(b for b in range(1, 32) if b not in (9, 10, 13)) * 50 + b"abc"
    with pytest.raises(ReaderError, match="looks like binary data, not text"):
        decode(data, "controls.txt")


def test_png_named_explicitly_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    assert "looks like binary data" in error_for(path).message


def test_truncated_pdf(tmp_path: Path) -> None:
    data = make_pdf([["Some text on page one"], ["and page two"]])
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) * 2 // 3])
    assert error_for(path).message.startswith("truncated PDF")


def test_pdf_with_damaged_cross_reference(tmp_path: Path) -> None:
    data = make_pdf([["Some text"]])
    path = tmp_path / "damaged.pdf"
    path.write_bytes(data[:-40] + b"\n%%EOF\n")
    message = error_for(path).message
    assert message.startswith(("damaged PDF", "empty file")), message


def test_encrypted_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["Secret figures"]]))))
    writer.encrypt("secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "locked.pdf"
    path.write_bytes(buffer.getvalue())
    assert error_for(path).message == "encrypted PDF: a password is needed to read it"


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[]]))
    message = error_for(path).message
    assert message.startswith("empty file") and "OCR" in message


def test_not_a_pdf_named_pdf(tmp_path: Path) -> None:
    path = tmp_path / "page.pdf"
    path.write_text("<html>saved web page</html>", encoding="utf-8")
    assert error_for(path).message == "not a PDF file (no %PDF- header)"


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_text("这其实是纯文本。", encoding="utf-8")
    assert error_for(path).message == "not a DOCX file (not a zip archive)"


def test_old_word_doc_named_docx(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    assert "old binary Word (.doc)" in error_for(path).message


def test_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_bytes(zip_bytes({"readme.txt": b"not a word document"}))
    message = error_for(path).message
    assert message.startswith(("corrupt DOCX", "not a Word document")), message


def test_truncated_docx(tmp_path: Path) -> None:
    source = make_docx(tmp_path / "whole.docx", ["第一段。"] * 50)
    path = tmp_path / "cut.docx"
    path.write_bytes(source.read_bytes()[:2000])
    assert error_for(path).message.startswith("corrupt DOCX")


def test_doc_named_explicitly_gets_advice(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(100))
    assert error_for(path).message == "unsupported file type .doc (old Word format; save it as .docx)"


def test_zip_bomb_over_the_archive_cap(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("zeros.txt", "w") as member,
    ):
        for _ in range(3):
            member.write(bytes(MB))
    (tmp_path / "small.txt").write_text("正常文本。", encoding="utf-8")
    assert path.stat().st_size < 50_000
    items = list(read_paths([path, tmp_path / "small.txt"], ReadOptions(max_archive_bytes=2 * MB)))
    assert len(items) == 2
    err, ok = items
    assert isinstance(err, ReadError) and err.source == str(path)
    assert err.message == "refusing: archive expands to more than 2 MB (zip bomb?)"
    assert isinstance(ok, RawDocument)


def test_zip_bomb_by_compression_ratio(tmp_path: Path) -> None:
    path = tmp_path / "ratio.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", "正常。".encode())
        archive.writestr("zeros.txt", bytes(2 * MB))
    message = error_for(path).message
    assert message.startswith("refusing: member zeros.txt expands") and message.endswith("(zip bomb?)")


def test_nested_zips_count_against_one_budget(tmp_path: Path) -> None:
    inner = zip_bytes(
        {f"{i}.txt": os.urandom(300_000).hex().encode() for i in range(2)}
    )  # ~1.2 MB, incompressible-ish
    path = tmp_path / "nested.zip"
    path.write_bytes(zip_bytes({"a.zip": inner, "b.zip": inner}))
    items = list(read_path(path, ReadOptions(max_archive_bytes=3 * MB)))
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [e.source for e in errors] == [f"{path}::b.zip"]
    assert "refusing: archive expands" in errors[0].message
    assert sum(isinstance(i, RawDocument) for i in items) == 2


def test_zip_nested_too_deep(tmp_path: Path) -> None:
    data = zip_bytes({"core.txt": "最深处。".encode()})
    for level in range(3):
        data = zip_bytes({f"level{level}.zip": data})
    path = tmp_path / "deep.zip"
    path.write_bytes(data)
    err = only_error(list(read_path(path)))
    assert err.source == f"{path}::level2.zip::level1.zip::level0.zip"
    assert "nested more than 2 levels" in err.message


def test_damaged_zip_member_does_not_stop_the_others(tmp_path: Path) -> None:
    data = bytearray(
        zip_bytes({"a.txt": os.urandom(3000).hex().encode(), "b.txt": os.urandom(3000).hex().encode()})
    )
    start = data.index(b"PK\x03\x04", 4)  # second local header: corrupt the compressed data after it
    data[start + 100 : start + 120] = bytes(20)
    path = tmp_path / "damaged.zip"
    path.write_bytes(bytes(data))
    items = list(read_path(path))
    assert isinstance(items[0], RawDocument) and items[0].source == f"{path}::a.txt"
    assert isinstance(items[1], ReadError) and items[1].source == f"{path}::b.txt"


def test_not_a_zip_named_zip(tmp_path: Path) -> None:
    path = tmp_path / "archive.zip"
    path.write_text("plain text", encoding="utf-8")
    assert error_for(path).message.startswith("not a zip archive")


def test_file_over_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (MB + MB // 2))
    assert (
        error_for(path, ReadOptions(max_bytes=MB)).message == "file is 1.5 MB; the limit is 1 MB (--max-mb)"
    )


def test_missing_path() -> None:
    path = Path("/nonexistent/zhengce/report.txt")
    assert error_for(path).message == "no such file or directory"


def test_path_through_a_file(tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    path = tmp_path / "file.txt" / "inner.txt"
    assert error_for(path).message.startswith(("cannot read", "no such file"))


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("内容。", encoding="utf-8")
    if os.geteuid() != 0:  # root reads anything, so simulate the denial instead
        path.chmod(0)
    else:

        def deny(self: Path) -> bytes:
            raise PermissionError(13, "Permission denied", str(self))

        monkeypatch.setattr(Path, "read_bytes", deny)
    try:
        assert error_for(path).message == "permission denied"
    finally:
        path.chmod(0o644)


def test_jsonl_with_one_broken_line(tmp_path: Path) -> None:
    lines = [json.dumps({"content": f"第{i}行。", "year": "2024"}, ensure_ascii=False) for i in range(1, 7)]
    lines[4] = '{"content": "坏行", "year": '  # line 5
    lines[2] = "[1, 2, 3]"  # line 3: valid JSON, not an object
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_path(path))
    assert [type(i) for i in items] == [
        RawDocument,
        RawDocument,
        ReadError,
        RawDocument,
        ReadError,
        RawDocument,
    ]
    broken = items[4]
    assert str(broken).startswith(f"{path}#L5: invalid JSON (")
    assert items[2].source == f"{path}#L3" and "expected a JSON object" in items[2].message
    assert [i.text for i in items if isinstance(i, RawDocument)] == [
        "第1行。",
        "第2行。",
        "第4行。",
        "第6行。",
    ]


def test_jsonl_rows_without_text(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(
        '{"title": "无正文", "summary": "摘要"}\n{"content": "   "}\n{"content": 42}\n{"content": "好。"}\n',
        encoding="utf-8",
    )
    items = list(read_path(path))
    assert [type(i) for i in items] == [ReadError, ReadError, ReadError, RawDocument]
    assert "no text field" in items[0].message and "title, summary" in items[0].message
    assert items[1].message == "empty text"
    assert "holds int" in items[2].message


def test_jsonl_user_named_text_field_missing(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text('{"content": "有 content 但没有 body。"}\n', encoding="utf-8")
    err = only_error(list(read_path(path, ReadOptions(text_field="body"))))
    assert err.source == f"{path}#L1"
    assert err.message.startswith("no field 'body' (fields: content")


def test_csv_row_with_too_many_values(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("title,content\n好,正文。\n坏,正文,多余\n", encoding="utf-8")
    items = list(read_path(path))
    assert isinstance(items[0], RawDocument)
    assert isinstance(items[1], ReadError) and items[1].source == f"{path}#L3"


def test_html_with_only_scripts_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "app.html"
    path.write_text(
        "<html><head><title>应用</title></head><body><script>render()</script></body></html>",
        encoding="utf-8",
    )
    assert error_for(path).message.startswith("empty file")


def test_batch_of_bad_inputs_never_raises(tmp_path: Path) -> None:
    """One pass over every kind of bad input: each becomes a ReadError, the good file still comes out."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "garbage.txt").write_bytes(os.urandom(4096))
    (tmp_path / "fake.docx").write_bytes(b"not a zip")
    (tmp_path / "fake.pdf").write_bytes(b"%PDF-1.4\n garbage \n%%EOF")
    (tmp_path / "fake.zip").write_bytes(b"PK\x03\x04 broken")
    (tmp_path / "rows.csv").write_bytes(b"")
    (tmp_path / "good.txt").write_text("好的文本。", encoding="utf-8")
    items = list(read_paths([tmp_path, tmp_path / "missing.txt"]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [d.text for d in docs] == ["好的文本。"]
    assert len(errors) == 7
    assert all(e.message and "Traceback" not in e.message for e in errors)
    assert errors[-1].source.endswith("missing.txt")
