"""Targets against outcomes over the years, drawn with matplotlib (no network, no CDN).

A ``.png`` or ``.svg`` is written as an image; an ``.html`` file is a standalone page with the chart
inlined as SVG and the scoreboard table beneath it, so it can be mailed or opened offline.

Text in the image is drawn by matplotlib's own fonts, so it never contains a character they cannot
draw (that would come out as a box and warn on stderr): a province is named in English (上海 →
Shanghai), and other Chinese text (an indicator key such as ``zh_技术合同成交额_growth``, a title) is
drawn with an installed CJK font when there is one (Noto Sans CJK, Source Han, WenQuanYi, SimHei …)
and otherwise shortened to what the fonts can draw (``zh_…_growth``). No font is downloaded. The
HTML page's heading and table are text for the browser, so they keep the Chinese as it is.
"""

from __future__ import annotations

import contextlib
import functools
import html
import io
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from .jurisdictions import BY_SHORT, PROVINCES

# Font families known to cover Chinese; a candidate is used only if it really has the glyphs.
_CJK_FAMILY = re.compile(
    r"CJK|Source Han|WenQuanYi|Wen Quan Yi|SimHei|SimSun|NSimSun|KaiTi|FangSong|Microsoft YaHei|"
    r"Microsoft JhengHei|PingFang|Heiti|STHeiti|Hiragino Sans GB|Songti|Droid Sans Fallback|AR PL|"
    r"Noto Sans SC|Noto Serif SC|Noto Sans TC|Noto Sans HK|Sarasa|LXGW|Zen Hei|Micro Hei",
    re.IGNORECASE,
)
_CJK_PROBE = "中国上海增长目标"
_ELISION = "…"


def draw(board: pd.DataFrame, path: str | Path, *, title: str | None = None) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".html", ".htm", ".svg"):
        raise ValueError(f"{path}: the chart must be .png, .svg or .html")
    with _fonts() as drawable:
        fig, _ax = _figure(board, title=title, drawable=drawable)
        try:
            if suffix == ".png":
                fig.savefig(path)
            elif suffix == ".svg":
                fig.savefig(path, format="svg")
            else:
                buf = io.StringIO()
                fig.savefig(buf, format="svg")
                path.write_text(_page(buf.getvalue(), board, _raw_title(board, title)), encoding="utf-8")
        finally:
            plt.close(fig)
    return path


def _raw_title(board: pd.DataFrame, title: str | None) -> str:
    """The title as text (for the HTML page): the jurisdiction as stored, 上海 stays 上海."""
    if title:
        return title
    indicator = board["indicator"].iloc[0] if len(board) else ""
    jurisdiction = board["jurisdiction"].iloc[0] if len(board) else ""
    return f"{indicator} — {jurisdiction}: target vs outcome"


def _figure(
    board: pd.DataFrame, *, title: str | None = None, drawable: frozenset[int] | None = None
) -> tuple[Any, Any]:
    """The chart as a matplotlib (figure, axes); call inside ``_fonts()`` and pass what it yields."""
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    def label(text: object) -> str:
        return _drawable_text(str(text), drawable)

    unit = next((u for u in board["unit"] if isinstance(u, str)), "")
    fig, ax = plt.subplots(figsize=(9, 4.5), dpi=110)
    years = board["year"].astype(int)
    targets = board["value"].astype(float)
    highs = board["value_high"].astype(float).fillna(targets)
    has_range = highs.notna() & (highs != targets)
    ax.vlines(years[has_range], targets[has_range], highs[has_range], colors="#9bb7d4", linewidth=6,
              label="target range")  # fmt: skip
    ax.scatter(years, targets, marker="_", s=110, linewidths=2.5, color="#1f4e79", label="target", zorder=3)
    outcomes = board["outcome"].astype(float)
    ax.plot(years, outcomes, marker="o", color="#c0392b", label="outcome", zorder=4)
    for y, t, o, m in zip(years, targets, outcomes, board["met"], strict=True):
        if pd.notna(o) and pd.notna(t) and m is not None and not pd.isna(m):
            ax.annotate("met" if m else "missed", (y, o), textcoords="offset points", xytext=(0, 8),
                        ha="center", fontsize=7, color="#555")  # fmt: skip
    indicator = board["indicator"].iloc[0] if len(board) else ""
    jurisdiction = board["jurisdiction"].iloc[0] if len(board) else ""
    if title:
        ax.set_title(label(_english_provinces(title)))
    else:
        ax.set_title(f"{label(indicator)} — {label(_jurisdiction_label(jurisdiction))}: target vs outcome")
    ax.set_xlabel("year")
    # Years are whole numbers: no 2024.2 ticks, no "2024.0", no "+2.02e3" offset.
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{x:.0f}"))
    if len(years):
        ax.set_xlim(years.min() - 0.5, years.max() + 0.5)
    ax.set_ylabel(label({"percent": "%", "percentage_point": "percentage points"}.get(unit, unit or "value")))
    ax.grid(alpha=0.3)
    ax.legend(frameon=False)
    fig.tight_layout()
    return fig, ax


# -- fonts and text the fonts can draw --------------------------------------------------------
@contextlib.contextmanager
def _fonts() -> Iterator[frozenset[int]]:
    """Use an installed CJK font as a fallback when there is one; yield the code points drawable."""
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    primary = font_manager.findfont(font_manager.FontProperties(), fallback_to_default=True)
    cjk = _cjk_font()
    rc: dict[str, Any] = {}
    paths = [primary]
    if cjk is not None and cjk != primary:
        rc["font.family"] = [_family(primary), _family(cjk)]
        paths.append(cjk)
    with plt.rc_context(rc):
        yield frozenset().union(*(_charmap(p) for p in paths))


@functools.cache
def _cjk_font() -> str | None:
    """Path of an installed font that draws Chinese, or None (nothing is downloaded)."""
    from matplotlib import font_manager

    probe = {ord(c) for c in _CJK_PROBE}
    candidates = sorted(
        {f.fname for f in font_manager.fontManager.ttflist if _CJK_FAMILY.search(f.name)},
        # prefer a sans face (Noto Sans CJK SC, Source Han Sans, WenQuanYi Zen Hei) over serif/Kai
        key=lambda p: (bool(re.search(r"serif|song|ming|kai|fang", Path(p).name, re.I)), p),
    )
    for fname in candidates:
        with contextlib.suppress(Exception):
            if probe <= _charmap(fname):
                return fname
    return None


@functools.cache
def _charmap(fname: str) -> frozenset[int]:
    from matplotlib import font_manager

    try:
        return frozenset(font_manager.get_font(fname).get_charmap())
    except Exception:  # an unreadable font: trust it with ASCII only
        return frozenset(range(0x20, 0x7F))


@functools.cache
def _family(fname: str) -> str:
    from matplotlib import font_manager

    return font_manager.get_font(fname).family_name


def _jurisdiction_label(jurisdiction: object) -> str:
    """A province by its English name (上海 → Shanghai); anything else as it is."""
    j = BY_SHORT.get(jurisdiction) if isinstance(jurisdiction, str) else None
    return j.english if j is not None else str(jurisdiction)


@functools.cache
def _province_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    names = {n: j.english for j in PROVINCES for n in (j.full, j.short)}
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))), names


def _english_provinces(text: str) -> str:
    """上海市 / 上海 → Shanghai inside free text, with a space where it meets a Latin word."""
    pattern, names = _province_pattern()

    def sub(m: re.Match[str]) -> str:
        before = m.string[m.start() - 1] if m.start() else ""
        after = m.string[m.end()] if m.end() < len(m.string) else ""
        pad = " " if before.isascii() and before.isalnum() else ""
        end = " " if after.isascii() and after.isalnum() else ""
        return f"{pad}{names[m.group()]}{end}"

    return pattern.sub(sub, text)


def _drawable_text(text: str, drawable: frozenset[int] | None) -> str:
    """``text`` with what the fonts cannot draw replaced: provinces in English, full-width forms
    folded (：→ :), and any other run of undrawable characters shortened to "…"."""
    if drawable is None or all(ord(c) in drawable or c in "\n\t" for c in text):
        return text
    text = _english_provinces(text)
    elision = _ELISION if ord(_ELISION) in drawable else "..."
    out: list[str] = []
    for c in text:
        if ord(c) in drawable or c in "\n\t":
            out.append(c)
            continue
        folded = unicodedata.normalize("NFKC", c)
        if folded != c and all(ord(f) in drawable for f in folded):
            out.append(folded)
        elif not out or out[-1] != elision:
            out.append(elision)
    s = re.sub(rf"(?:{re.escape(elision)}\s*)+", elision, "".join(out))
    return re.sub(r"[ \t]{2,}", " ", s).strip() or elision


def _page(svg: str, board: pd.DataFrame, title: str) -> str:
    cols = ["year", "target", "outcome", "met", "note", "target_text", "outcome_text"]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
    body = []
    for _, row in board.iterrows():
        cells = []
        for c in cols:
            v = row.get(c)
            cells.append(f"<td>{'' if v is None or (isinstance(v, float) and pd.isna(v)) else html.escape(str(v))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    svg = svg[svg.find("<svg") :]
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>body{{font-family:sans-serif;margin:2em}}"
        "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:4px 6px;"
        "vertical-align:top}</style></head><body>"
        f"<h1>{html.escape(title)}</h1>{svg}<table><tr>{head}</tr>{''.join(body)}</table></body></html>"
    )
