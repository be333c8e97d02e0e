"""Pre-split sentence files and the ``[0,1]:[0]`` bead lines of Vecalign and Bertalign."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from test_align_fake import FakeEncoder, pair

from zhengce.align import AlignError, align_files, format_beads, parse_beads, read_presplit
from zhengce.model import Bead


def test_format_uses_the_standard_bead_lines() -> None:
    beads = [
        Bead([0, 1], [0], 0.9),
        Bead([2], [], 0.0, "unaligned"),
        Bead([], [1], 0.0),
        Bead([3], [2, 3], 0.7),
    ]
    assert format_beads(beads) == "[0,1]:[0]\n[2]:[]\n[]:[1]\n[3]:[2,3]\n"


def test_format_parse_round_trip() -> None:
    beads = [Bead([0], [0], 0.5), Bead([1, 2], [1], 0.4), Bead([3], [], 0.0), Bead([], [2], 0.0)]
    back = parse_beads(format_beads(beads))
    assert [(b.zh, b.en) for b in back] == [(b.zh, b.en) for b in beads]
    assert parse_beads("[0, 1] : [0]\n\n[2]:[]\n") == [Bead([0, 1], [0], 0.0), Bead([2], [], 0.0)]


def test_parse_names_the_bad_line() -> None:
    with pytest.raises(AlignError, match="beads.txt line 2"):
        parse_beads("[0]:[0]\n0-1\n", "beads.txt")


def test_read_presplit_keeps_line_numbers(tmp_path: Path) -> None:
    f = tmp_path / "zh.txt"
    f.write_bytes("\ufeff第一句。\n\n第三句。  \n".encode())
    assert read_presplit(f) == ["第一句。", "", "第三句。"]


def test_read_presplit_ends_lines_only_at_line_breaks(tmp_path: Path) -> None:
    f = tmp_path / "en.txt"
    f.write_bytes("One\u2028sentence\x0cstill one.\r\nSecond.\rThird.\x85 the same line.\n".encode())
    assert read_presplit(f) == ["One\u2028sentence\x0cstill one.", "Second.", "Third.\x85 the same line."]


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "file not found"), (b"\xff\xfe\x00bad", "not UTF-8"), (b"\n  \n", "no sentences")],
)
def test_read_presplit_errors_name_the_file(tmp_path: Path, content: bytes | None, message: str) -> None:
    f = tmp_path / "input.txt"
    if content is not None:
        f.write_bytes(content)
    with pytest.raises(AlignError, match=message) as err:
        read_presplit(f)
    assert "input.txt" in str(err.value)


def test_align_files_writes_bead_lines(tmp_path: Path) -> None:
    pairs = [pair(0, 1), pair(2, 3), pair(4, 5), pair(6, 7)]
    (tmp_path / "zh.txt").write_text("\n".join(z for z, _ in pairs) + "\n", encoding="utf-8")
    en = [e for _, e in pairs]
    en[1:2] = ["We will advance work on education.", "We also mean the school."]  # 1-2
    (tmp_path / "en.txt").write_text("\n".join(en) + "\n", encoding="utf-8")
    out = tmp_path / "out.align"
    beads = align_files(tmp_path / "zh.txt", tmp_path / "en.txt", out, FakeEncoder())
    assert out.read_text(encoding="utf-8") == "[0]:[0]\n[1]:[1,2]\n[2]:[3]\n[3]:[4]\n"
    assert len(beads) == 4
    stream = io.StringIO()
    align_files(tmp_path / "zh.txt", tmp_path / "en.txt", stream, FakeEncoder())
    assert stream.getvalue() == out.read_text(encoding="utf-8")


def test_align_files_reports_unwritable_output(tmp_path: Path) -> None:
    (tmp_path / "zh.txt").write_text(pair(0)[0], encoding="utf-8")
    (tmp_path / "en.txt").write_text(pair(0)[1], encoding="utf-8")
    with pytest.raises(AlignError, match="cannot write"):
        align_files(
            tmp_path / "zh.txt", tmp_path / "en.txt", tmp_path / "missing" / "out.align", FakeEncoder()
        )
