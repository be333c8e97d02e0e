"""Readers on good input: every format, encoding and container yields the right text and metadata."""

from __future__ import annotations

import json
import time
import zipfile
from pathlib import Path

import pytest
from fixtures_readers import make_docx, make_pdf, zip_bytes, zip_with_gbk_names

from zhengce.model import RawDocument, ReadError
from zhengce.readers import (
    SUPPORTED_EXTENSIONS,
    ReadOptions,
    Skipped,
    decode,
    read_bytes,
    read_path,
    read_paths,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"

ZH = "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。\n一、政府工作回顾\n"
ZH_TRAD = "今年發展主要預期目標是：國內生產總值增長百分之五左右；城鎮新增就業一千二百萬人以上。\n"


def only_doc(items: list) -> RawDocument:
    assert len(items) == 1, items
    assert isinstance(items[0], RawDocument), items[0]
    return items[0]


# -- encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (ZH, "utf-8", "utf-8"),
        (ZH, "gbk", "gb18030"),
        (ZH, "gb18030", "gb18030"),
        (ZH_TRAD, "big5", "big5"),
        ("政府工作報告", "big5", "big5"),
        ("你好", "gbk", "gb18030"),
        (ZH, "utf-16", "utf-16"),
        (ZH, "utf-16-le", "utf-16-le"),
        (ZH, "utf-16-be", "utf-16-be"),
        ("Government Work Report\n" + ZH, "utf-16-le", "utf-16-le"),
        ("一二三\n", "utf-16-le", "utf-16-le"),
        (ZH, "utf-8-sig", "utf-8-sig"),
        (ZH, "utf-32", "utf-32"),
        ("A café in the report.\n", "cp1252", "cp1252"),
    ],
)
def test_decode_detects_encoding(text: str, codec: str, expected: str) -> None:
    decoded, name = decode(text.encode(codec), "sample")
    assert decoded == text
    assert name == expected


def test_undeclared_gbk_text_file(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(ZH.encode("gbk"))
    doc = only_doc(list(read_paths([path])))
    assert doc.text == ZH
    assert doc.encoding == "gb18030"
    assert doc.source == str(path)
    assert doc.meta["file_name"] == "report.txt"


def test_big5_text_file(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(ZH_TRAD.encode("big5"))
    doc = only_doc(list(read_paths([path])))
    assert doc.text == ZH_TRAD
    assert doc.encoding == "big5"


def test_utf16_text_file_with_and_without_bom(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(ZH.encode("utf-16"))
    (tmp_path / "b.txt").write_bytes(ZH.encode("utf-16-be"))
    a, b = (only_doc(list(read_path(tmp_path / name))) for name in ("a.txt", "b.txt"))
    assert a.text == ZH and a.encoding == "utf-16"
    assert b.text == ZH and b.encoding == "utf-16-be"


def test_utf8_bom_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes(ZH.encode("utf-8-sig"))
    doc = only_doc(list(read_path(path)))
    assert doc.text == ZH
    assert not doc.text.startswith("\ufeff")
    assert doc.encoding == "utf-8-sig"


def test_text_is_kept_exactly_as_decoded(tmp_path: Path) -> None:
    """Spans point into the original, so the reader must not touch line endings or indents."""
    raw = "\u3000\u3000一、回顾\r\n\r\n\u3000\u3000过去一年。\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw.encode("utf-8"))
    assert only_doc(list(read_path(path))).text == raw


def test_single_large_line_is_read_quickly(tmp_path: Path) -> None:
    unit = ("国内生产总值增长5%左右，" * 100).encode("utf-8")
    path = tmp_path / "one-line.txt"
    with path.open("wb") as f:
        f.write(unit * (50 * 1024 * 1024 // len(unit)))
    started = time.perf_counter()
    doc = only_doc(list(read_path(path)))
    elapsed = time.perf_counter() - started
    assert "\n" not in doc.text
    assert len(doc.text.encode("utf-8")) == path.stat().st_size
    assert elapsed < 10, f"reading a 50 MB line took {elapsed:.1f}s"


def test_large_gbk_file_decodes_beyond_the_sample(tmp_path: Path) -> None:
    """Only the start is scored, but the whole file must decode, including text after the sample."""
    text = ZH * 5000 + "结尾：城乡居民收入增长。"
    path = tmp_path / "long.txt"
    path.write_bytes(text.encode("gbk"))
    doc = only_doc(list(read_path(path)))
    assert doc.text == text


# -- HTML ------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><meta charset="gbk"><title>  政府工作报告 —— 新闻网 </title>
<style>p {{ color: red }}</style><script>var secret = "脚本内容不应出现";</script></head>
<body><nav><a href="/">首页</a><a>要闻</a></nav><header>网站页眉</header>
<div class="article"><h1>政府工作报告</h1><p>各位代表：</p><p>现在，我代表<b>国务院</b>，向大会报告政府工作。<br>请予审议。</p>
<table><tr><th>指标</th><th>目标</th></tr><tr><td>国内生产总值增长</td> <td>5%左右</td></tr></table>
<ul><li>稳就业</li><li>促消费</li></ul><!-- 注释不应出现 --></div>
<aside>相关阅读</aside><form>搜索</form><footer>版权所有</footer><script>document.write("又一段脚本")</script></body></html>"""


def test_html_main_text_without_scripts_or_chrome(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.encode("gbk"))
    doc = only_doc(list(read_path(path)))
    for junk in (
        "脚本内容",
        "又一段脚本",
        "首页",
        "网站页眉",
        "相关阅读",
        "搜索",
        "版权所有",
        "注释",
        "color",
    ):
        assert junk not in doc.text
    assert doc.text.splitlines() == [
        "政府工作报告",
        "各位代表：",
        "现在，我代表国务院，向大会报告政府工作。",
        "请予审议。",
        "指标\t目标",
        "国内生产总值增长\t5%左右",
        "稳就业",
        "促消费",
    ]
    assert doc.meta["title"] == "政府工作报告 —— 新闻网"
    assert doc.encoding == "gb18030"
    assert doc.meta["format"] == "html"


def test_html_without_declared_charset_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(f"<html><body><p>{ZH_TRAD}</p></body></html>".encode("big5"))
    doc = only_doc(list(read_path(path)))
    assert doc.text == ZH_TRAD.strip()
    assert "title" not in doc.meta


def test_html_prefers_main_element(tmp_path: Path) -> None:
    path = tmp_path / "main.html"
    path.write_text(
        "<body><div>侧栏链接</div><main><p>正文第一段</p><p>正文第二段</p></main></body>", encoding="utf-8"
    )
    assert only_doc(list(read_path(path))).text == "正文第一段\n正文第二段"


# -- PDF -------------------------------------------------------------------------------------


def test_pdf_pages_joined_with_newlines(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(
        make_pdf([["GDP growth around 5 percent", "second line"], ["Page two"]], title="Work Report")
    )
    doc = only_doc(list(read_path(path)))
    assert doc.text.splitlines() == ["GDP growth around 5 percent", "second line", "Page two"]
    assert doc.meta["pages"] == 2
    assert doc.meta["title"] == "Work Report"
    assert doc.encoding is None


def test_pdf_encrypted_with_empty_user_password_is_readable(tmp_path: Path) -> None:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["Open to all"]]))))
    writer.encrypt("", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    doc = only_doc(list(read_bytes(buffer.getvalue(), "restricted.pdf", "restricted.pdf")))
    assert doc.text == "Open to all"


# -- DOCX ------------------------------------------------------------------------------------


def test_docx_paragraphs_and_tables_in_body_order(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "report.docx",
        ["2025年政府工作报告", "主要预期目标如下："],
        table=[["指标", "目标"], ["地区生产总值增长", "5%左右"]],
        after=["二、2025年工作安排"],
        title="省政府工作报告",
    )
    doc = only_doc(list(read_path(path)))
    assert doc.text.splitlines() == [
        "2025年政府工作报告",
        "主要预期目标如下：",
        "指标\t目标",
        "地区生产总值增长\t5%左右",
        "二、2025年工作安排",
    ]
    assert doc.meta["title"] == "省政府工作报告"
    assert doc.meta["format"] == "docx"


def test_docx_merged_cell_is_written_once(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "主要指标"
    for c, value in enumerate(["增长", "5%", "左右"]):
        table.cell(1, c).text = value
    path = tmp_path / "merged.docx"
    document.save(str(path))
    assert only_doc(list(read_path(path))).text.splitlines() == ["主要指标", "增长\t5%\t左右"]


# -- JSONL / CSV -----------------------------------------------------------------------------


def test_jsonl_rows_with_default_fields(tmp_path: Path) -> None:
    rows = [
        {
            "title": "2024年政府工作报告",
            "url": "https://example.org/2024",
            "content": "国内生产总值增长5%左右。",
            "year": "2024",
        },
        {
            "title": "关于政府工作报告的决议",
            "url": "https://example.org/r",
            "content": "会议批准这个报告。",
            "year": None,
        },
        {"title": "旧文", "text": "回退到 text 字段。", "year": 1954},
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n", encoding="utf-8")
    items = list(read_path(path))
    assert [type(i) for i in items] == [RawDocument] * 3
    first, second, third = items
    assert first.source == f"{path}#L1" and third.source == f"{path}#L3"
    assert first.text == "国内生产总值增长5%左右。"
    assert first.meta == {
        "file_name": "corpus.jsonl",
        "format": "jsonl",
        "title": "2024年政府工作报告",
        "year": 2024,
        "url": "https://example.org/2024",
    }
    assert "year" not in second.meta
    assert third.text == "回退到 text 字段。" and third.meta["year"] == 1954


@pytest.mark.parametrize(("value", "year"), [("二〇二〇", 2020), ("二零二四年", 2024), ("２０２４", 2024), ("十年", None)])
def test_a_year_field_written_in_chinese_or_full_width_digits(tmp_path: Path, value: str, year: int | None) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"content": "正文。", "year": value}, ensure_ascii=False) + "\n", encoding="utf-8")
    [item] = read_path(path)
    assert item.meta.get("year") == year


def test_jsonl_line_separator_inside_a_string_does_not_split_the_row(tmp_path: Path) -> None:
    path = tmp_path / "ls.ndjson"
    path.write_text('{"content": "第一句\u2028第二句"}\n', encoding="utf-8")
    assert only_doc(list(read_path(path))).text == "第一句\u2028第二句"


def test_jsonl_custom_fields(tmp_path: Path) -> None:
    path = tmp_path / "custom.jsonl"
    row = {
        "headline": "上海报告",
        "body_zh": "上海生产总值增长5%左右。",
        "yr": "2025年",
        "prov": "上海",
        "link": "u",
    }
    path.write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
    options = ReadOptions(
        text_field="body_zh",
        title_field="headline",
        year_field="yr",
        jurisdiction_field="prov",
        url_field="link",
    )
    doc = only_doc(list(read_path(path, options)))
    assert doc.text == "上海生产总值增长5%左右。"
    assert doc.meta["title"] == "上海报告"
    assert doc.meta["year"] == 2025
    assert doc.meta["jurisdiction"] == "上海"
    assert doc.meta["url"] == "u"


def test_csv_with_custom_field_names(tmp_path: Path) -> None:
    path = tmp_path / "reports.csv"
    path.write_text(
        "名称,正文,年份,发布日期,地区\n"
        '北京报告,"北京地区生产总值增长5%左右。\n第二段，含逗号",2025,2025-01-14,北京\n'
        "天津报告,天津目标。,2025,,天津\n",
        encoding="gbk",
    )
    options = ReadOptions(
        text_field="正文",
        title_field="名称",
        year_field="年份",
        date_field="发布日期",
        jurisdiction_field="地区",
    )
    items = list(read_path(path, options))
    assert [type(i) for i in items] == [RawDocument, RawDocument]
    beijing, tianjin = items
    assert beijing.source == f"{path}#L2"
    assert tianjin.source == f"{path}#L4"  # the quoted field spans two lines
    assert beijing.text == "北京地区生产总值增长5%左右。\n第二段，含逗号"
    assert beijing.meta["title"] == "北京报告"
    assert beijing.meta["year"] == 2025
    assert beijing.meta["date"] == "2025-01-14"
    assert beijing.meta["jurisdiction"] == "北京"
    assert "date" not in tianjin.meta
    assert beijing.encoding == "gb18030"


def test_tsv_is_tab_separated(tmp_path: Path) -> None:
    path = tmp_path / "reports.tsv"
    path.write_text("title\ttext\n报告, 含逗号\t正文内容\n", encoding="utf-8")
    doc = only_doc(list(read_path(path)))
    assert doc.text == "正文内容"
    assert doc.meta["title"] == "报告, 含逗号"


# -- folders and archives --------------------------------------------------------------------


def test_directory_is_read_recursively_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "z.txt").write_text("最后。", encoding="utf-8")
    (tmp_path / "a" / "deep" / "x.md").write_text("深层。", encoding="utf-8")
    (tmp_path / "a" / "1.txt").write_text("第一。", encoding="utf-8")
    (tmp_path / "b" / "page.html").write_text("<p>网页。</p>", encoding="utf-8")
    (tmp_path / "b" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / ".hidden.txt").write_text("隐藏。", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text("隐藏目录。", encoding="utf-8")
    items = list(read_paths([tmp_path]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert [d.text for d in docs] == ["第一。", "深层。", "网页。", "最后。"]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [(s.source, s.reason) for s in skipped] == [
        (str(tmp_path / "b" / "photo.png"), "unsupported file type .png")
    ]
    assert not any(isinstance(i, ReadError) for i in items)


def test_folder_walk_passes_over_readme_and_licence_but_reads_them_when_named(tmp_path: Path) -> None:
    (tmp_path / "报告.txt").write_text("正文。", encoding="utf-8")
    (tmp_path / "README.md").write_text("# 这个文件夹\n说明。", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "LICENSE").write_text("许可。", encoding="utf-8")
    (tmp_path / "sub" / "readme.txt").write_text("小写的说明。", encoding="utf-8")
    items = list(read_paths([tmp_path]))
    assert [i.text for i in items if isinstance(i, RawDocument)] == ["正文。"]
    skipped = sorted(i.source for i in items if isinstance(i, Skipped))
    assert skipped == sorted(str(tmp_path / p) for p in ("README.md", "sub/LICENSE", "sub/readme.txt"))
    assert all("not a document" in i.reason for i in items if isinstance(i, Skipped))
    named = list(read_paths([tmp_path / "README.md"]))
    assert [type(i) for i in named] == [RawDocument]


def test_explicit_file_with_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "download").write_bytes(make_pdf([["Sniffed as PDF"]]))
    (tmp_path / "notes.log").write_text("按文本读取。", encoding="utf-8")
    docs = list(read_paths([tmp_path / "download", str(tmp_path / "notes.log")]))
    assert [d.text for d in docs] == ["Sniffed as PDF", "按文本读取。"]
    assert docs[0].meta["format"] == "pdf"


def test_zip_of_docx_with_gbk_member_names(tmp_path: Path) -> None:
    provinces = ["上海", "广西", "内蒙古自治区"]
    members = {}
    for name in provinces:
        path = make_docx(tmp_path / "src.docx", [f"2025年{name}政府工作报告", "地区生产总值增长5%左右。"])
        members[f"报告/2025年{name}政府工作报告.docx"] = path.read_bytes()
    members["报告/说明.txt"] = "三个省份的报告。".encode("gbk")
    archive = tmp_path / "provinces.zip"
    archive.write_bytes(zip_with_gbk_names(members))
    with zipfile.ZipFile(archive) as z:  # the fixture really is GBK without the UTF-8 flag
        assert all(not info.flag_bits & 0x800 for info in z.infolist())
    items = list(read_path(archive))
    assert all(isinstance(i, RawDocument) for i in items), items
    sources = [i.source for i in items]
    assert sources == sorted(f"{archive}::{name}" for name in members)
    docx_docs = [i for i in items if i.meta["format"] == "docx"]
    assert len(docx_docs) == 3
    for doc in docx_docs:
        assert doc.text.startswith("2025年")
        assert doc.meta["file_name"] in {f"2025年{p}政府工作报告.docx" for p in provinces}


def test_zip_with_utf8_names_junk_nested_zip_and_unsupported(tmp_path: Path) -> None:
    inner = zip_bytes({"内层/深处.txt": "嵌套两层的文本。".encode()})
    middle = zip_bytes({"中层.txt": "嵌套一层的文本。".encode(), "inner.zip": inner})
    outer = zip_bytes(
        {
            "目录/报告.txt": "外层的文本。".encode(),
            "__MACOSX/目录/._报告.txt": b"\x00\x05\x16\x07",
            "目录/.DS_Store": b"\x00\x00\x00\x01Bud1",
            "目录/~$报告.docx": b"lock",
            "middle.zip": middle,
            "图片.jpg": b"\xff\xd8\xff\xe0",
        }
    )
    path = tmp_path / "outer.zip"
    path.write_bytes(outer)
    items = list(read_path(path))
    docs = {i.source: i.text for i in items if isinstance(i, RawDocument)}
    assert docs == {
        f"{path}::middle.zip::中层.txt": "嵌套一层的文本。",
        f"{path}::middle.zip::inner.zip::内层/深处.txt": "嵌套两层的文本。",
        f"{path}::目录/报告.txt": "外层的文本。",
    }
    assert [(i.source, i.reason) for i in items if isinstance(i, Skipped)] == [
        (f"{path}::图片.jpg", "unsupported file type .jpg")
    ]
    assert not any(isinstance(i, ReadError) for i in items)


def test_jsonl_inside_a_zip_names_member_and_line(tmp_path: Path) -> None:
    path = tmp_path / "corpus.zip"
    path.write_bytes(zip_bytes({"data/rows.jsonl": '{"content": "甲"}\n{"content": "乙"}\n'.encode()}))
    assert [i.source for i in read_path(path)] == [
        f"{path}::data/rows.jsonl#L1",
        f"{path}::data/rows.jsonl#L2",
    ]


def test_supported_extensions_cover_every_reader() -> None:
    assert {
        ".txt",
        ".md",
        ".html",
        ".htm",
        ".pdf",
        ".docx",
        ".jsonl",
        ".ndjson",
        ".csv",
        ".zip",
    } <= SUPPORTED_EXTENSIONS


# -- the shared corpora (skipped when ../shared is absent) -------------------------------------


@pytest.fixture
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared not present")
    return SHARED


def test_national_jsonl_yields_72_reports(shared: Path) -> None:
    items = list(read_path(shared / "corpus" / "national-gwr-1954-2025.jsonl"))
    assert len(items) == 72
    assert all(isinstance(i, RawDocument) for i in items)
    with_year = [i for i in items if "year" in i.meta]
    assert len(with_year) == 52  # 20 records are resolutions with a null year
    assert all(
        isinstance(i.meta["year"], int) and i.meta.get("title") and i.meta.get("url") for i in with_year
    )
    assert {i.meta["year"] for i in with_year} >= {1954, 2024, 2025}


def test_provincial_zip_yields_31_docx_with_province_names(shared: Path) -> None:
    items = list(read_path(shared / "corpus" / "provincial-gwr-2025-docx.zip"))
    assert len(items) == 31
    assert all(isinstance(i, RawDocument) and i.meta["format"] == "docx" for i in items)
    names = [i.source.split("::", 1)[1] for i in items]
    assert all(name.startswith("2025年") and name.endswith("政府工作报告.docx") for name in names)
    for province in ("上海", "北京", "广西", "内蒙古", "黑龙江", "新疆"):
        assert sum(province in name for name in names) == 1, province
    assert all(len(i.text) > 5000 for i in items)
