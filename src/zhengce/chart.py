"""Targets against outcomes over the years, drawn with matplotlib (no network, no CDN).

A ``.png`` is written as an image; an ``.html`` file is a standalone page with the chart inlined
as SVG and the scoreboard table beneath it, so it can be mailed or opened offline.
"""

from __future__ import annotations

import html
import io
from pathlib import Path

import pandas as pd


def draw(board: pd.DataFrame, path: str | Path, *, title: str | None = None) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".html", ".htm", ".svg"):
        raise ValueError(f"{path}: the chart must be .png, .svg or .html")
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
    ax.set_title(title or f"{indicator} — {jurisdiction}: target vs outcome")
    ax.set_xlabel("year")
    ax.set_ylabel({"percent": "%", "percentage_point": "percentage points"}.get(unit, unit or "value"))
    ax.grid(alpha=0.3)
    ax.legend(frameon=False)
    fig.tight_layout()
    if suffix == ".png":
        fig.savefig(path)
    elif suffix == ".svg":
        fig.savefig(path, format="svg")
    else:
        buf = io.StringIO()
        fig.savefig(buf, format="svg")
        path.write_text(_page(buf.getvalue(), board, ax.get_title()), encoding="utf-8")
    plt.close(fig)
    return path


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
