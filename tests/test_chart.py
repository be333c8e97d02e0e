"""Charts: only characters the installed fonts can draw, provinces in English, whole-number years."""

from __future__ import annotations

import re
import warnings

import pandas as pd
import pytest

from zhengce import chart
from zhengce.chart import draw
from zhengce.scoreboard import scoreboard

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


def row(kind, year, value, comparator="around", indicator="gdp_growth", jurisdiction="上海"):
    return {
        "doc": f"上海-{year}.txt", "kind": kind, "year": year, "indicator": indicator, "comparator": comparator,
        "value": value, "value_high": None, "unit": "percent", "jurisdiction": jurisdiction,
        "text": f"全市生产总值增长{value}%", "start": 0, "confidence": 1.0,
    }  # fmt: skip


def board(indicator="gdp_growth", years=(2023, 2024)):
    rows = []
    for y in years:
        rows += [
            row("target", y, 5.0, indicator=indicator),
            row("outcome", y, 5.2, "exact", indicator=indicator),
        ]
    return scoreboard(pd.DataFrame(rows), indicator, "上海")


def svg_texts(svg: str) -> list[str]:
    """matplotlib writes each text it draws as a comment before its glyph paths."""
    return re.findall(r"<!-- (.*?) -->", svg)


@pytest.fixture(params=["installed fonts", "no CJK font"])
def fonts(request, monkeypatch):
    """Run with whatever is installed, and as on a machine without any CJK font."""
    if request.param == "no CJK font":
        monkeypatch.setattr(chart, "_cjk_font", lambda: None)
    return request.param


@pytest.mark.parametrize("suffix", ["png", "svg", "html"])
def test_province_chart_draws_without_glyph_warnings(tmp_path, fonts, suffix):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        draw(board(), tmp_path / f"sh.{suffix}")
        draw(board("zh_技术合同成交额_growth"), tmp_path / f"tech.{suffix}")
        draw(board(), tmp_path / f"t.{suffix}", title="2025年上海市：GDP增长")
    assert [str(w.message) for w in caught] == []


def test_svg_title_names_the_province_in_english(tmp_path, fonts):
    svg = draw(board(), tmp_path / "sh.svg").read_text(encoding="utf-8")
    assert "gdp_growth — Shanghai: target vs outcome" in svg_texts(svg)
    if fonts == "no CJK font" or chart._cjk_font() is None:
        assert not CJK.search(svg)


def test_cjk_indicator_key_without_a_cjk_font(tmp_path, monkeypatch):
    monkeypatch.setattr(chart, "_cjk_font", lambda: None)
    svg = draw(board("zh_技术合同成交额_growth"), tmp_path / "tech.svg").read_text(encoding="utf-8")
    assert "zh_…_growth — Shanghai: target vs outcome" in svg_texts(svg)
    assert not CJK.search(svg)


def test_fallback_font_path_is_used_when_a_cjk_font_is_found(tmp_path, monkeypatch):
    # Any second font exercises the fallback wiring; it does not cover Chinese, so that is still shortened.
    from matplotlib import font_manager

    other = font_manager.findfont(font_manager.FontProperties(family="DejaVu Serif"))
    monkeypatch.setattr(chart, "_cjk_font", lambda: other)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        svg = draw(board("zh_技术合同成交额_growth"), tmp_path / "tech.svg").read_text(encoding="utf-8")
    assert caught == [] and not CJK.search(svg)


def test_html_page_keeps_the_chinese_for_the_browser(tmp_path, fonts):
    page = draw(board(), tmp_path / "sh.html").read_text(encoding="utf-8")
    assert "<h1>gdp_growth — 上海: target vs outcome</h1>" in page and "全市生产总值增长" in page
    svg = page[page.find("<svg") : page.find("</svg>")]
    assert "gdp_growth — Shanghai: target vs outcome" in svg_texts(svg)
    if fonts == "no CJK font" or chart._cjk_font() is None:
        assert not CJK.search(svg)


@pytest.mark.parametrize("years", [(2024,), (2023, 2024), (2022, 2023, 2024, 2025), tuple(range(1990, 2026))])
def test_year_ticks_are_whole_numbers(years):
    with chart._fonts() as drawable:
        fig, ax = chart._figure(board(years=years), drawable=drawable)
        fig.canvas.draw()
        lo, hi = ax.get_xlim()
        ticks = [t for t in ax.get_xticks() if lo <= t <= hi]
        labels = [t.get_text() for t in ax.get_xticklabels() if lo <= t.get_position()[0] <= hi]
        offset = ax.xaxis.get_major_formatter().get_offset()
    import matplotlib.pyplot as plt

    plt.close(fig)
    assert ticks and all(float(t).is_integer() for t in ticks)
    assert labels and all(re.fullmatch(r"\d{4}", s) for s in labels), labels
    assert not offset
    if len(years) <= 4:
        assert labels == [str(y) for y in years]


def test_drawable_text():
    ascii_only = frozenset(range(0x20, 0x7F)) | {ord("…")}
    assert chart._drawable_text("gdp_growth", ascii_only) == "gdp_growth"
    assert chart._drawable_text("上海市GDP增长", ascii_only) == "Shanghai GDP…"
    assert chart._drawable_text("zh_技术合同成交额_growth", ascii_only) == "zh_…_growth"
    assert chart._drawable_text("上海：增长", ascii_only) == "Shanghai:…"
    everything = ascii_only | {ord(c) for c in "上海增长"}
    assert chart._drawable_text("上海增长", everything) == "上海增长"
