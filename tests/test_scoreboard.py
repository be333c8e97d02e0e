"""Scoreboard and compare logic on statement tables written here."""

from __future__ import annotations

import pandas as pd
import pytest

from zhengce.scoreboard import compare_targets, describe, met, scoreboard


def row(kind, year, value, comparator="around", indicator="gdp_growth", unit="percent", high=None,
        jurisdiction="national", text="", confidence=1.0):  # fmt: skip
    return {
        "doc": f"report-{year}.txt", "kind": kind, "year": year, "indicator": indicator, "comparator": comparator,
        "value": value, "value_high": high, "unit": unit, "jurisdiction": jurisdiction, "text": text or f"{kind} {year}",
        "start": 0, "confidence": confidence,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("comparator", "value", "high", "outcome", "unit", "expected"),
    [
        ("around", 5.0, None, 5.2, "percent", True),
        ("around", 5.0, None, 5.5, "percent", True),
        ("around", 5.0, None, 4.4, "percent", False),
        ("at_least", 12e6, None, 12.56e6, "persons", True),
        ("at_least", 12e6, None, 11.9e6, "persons", False),
        ("at_most", 5.5, None, 5.2, "percent", True),
        ("at_most", 3.0, None, 3.1, "percent", False),
        ("range", 6.0, 6.5, 6.1, "percent", True),
        ("range", 6.0, 6.5, 6.7, "percent", False),
        ("around", 1.3e12, None, 1.39e12, "jin", False),  # 7% off: beyond the 5% relative tolerance
        ("around", 1.3e12, None, 1.35e12, "jin", True),
        ("exact", 7.5, None, 7.8, "percent", True),  # a bare figure is judged like "around"
        ("exact", 7.5, None, 8.1, "percent", False),
        ("qualitative", None, None, 5.0, None, None),
        ("around", 5.0, None, None, "percent", None),
    ],
)
def test_met(comparator, value, high, outcome, unit, expected):
    assert met(comparator, value, high, outcome, unit) is expected


def test_met_tolerance_is_configurable():
    assert met("around", 5.0, None, 5.8, "percent") is False
    assert met("around", 5.0, None, 5.8, "percent", tolerance=1.0) is True


def test_describe():
    assert describe("around", 5.0, None, "percent") == "≈5%"
    assert describe("at_least", 12e6, None, "persons") == "≥12 million persons"
    assert describe("range", 6.0, 6.5, "percent") == "6–6.5%"
    assert describe("qualitative", None, None, None) == "qualitative"


def test_scoreboard_pairs_each_target_with_its_outcome():
    df = pd.DataFrame(
        [
            row("target", 2023, 5.0), row("outcome", 2023, 5.2, "exact"),
            row("target", 2024, 5.0), row("outcome", 2024, 4.4, "exact"),
            row("target", 2025, 5.0),
            row("outcome", 2022, 3.0, "exact"),
            row("target", 2024, 3.0, indicator="cpi_growth"),
        ]
    )  # fmt: skip
    board = scoreboard(df, "gdp_growth")
    assert list(board.year) == [2022, 2023, 2024, 2025]
    by_year = board.set_index("year")
    assert by_year.loc[2023, "met"] is True
    assert by_year.loc[2024, "met"] is False
    assert by_year.loc[2025, "note"].startswith("no outcome")
    assert by_year.loc[2022, "note"] == "no target found"


def test_scoreboard_prefers_the_most_confident_statement():
    df = pd.DataFrame([row("target", 2024, 4.0, confidence=0.3), row("target", 2024, 5.0, confidence=0.9)])
    assert scoreboard(df, "gdp_growth").iloc[0]["value"] == 5.0


def test_compare_years():
    df = pd.DataFrame(
        [
            row("target", 2024, 5.0), row("target", 2025, 5.0),
            row("target", 2024, 3.0, indicator="cpi_growth"), row("target", 2025, 2.0, indicator="cpi_growth"),
            row("target", 2024, 1.0, indicator="old_one"),
            row("target", 2025, 4.0, indicator="deficit_ratio"),
            row("target", 2024, float("nan"), "qualitative", indicator="balance", unit=float("nan")),
            row("target", 2025, float("nan"), "qualitative", indicator="balance", unit=float("nan")),
        ]
    )  # fmt: skip
    out = compare_targets(df, ("national", 2024), ("national", 2025)).set_index("indicator")
    assert out.loc["gdp_growth", "change"] == "same"
    assert out.loc["cpi_growth", "change"] == "changed"
    assert (out.loc["cpi_growth", "left"], out.loc["cpi_growth", "right"]) == ("≈3%", "≈2%")
    assert out.loc["old_one", "change"] == "dropped"
    assert out.loc["deficit_ratio", "change"] == "added"
    assert out.loc["balance", "change"] == "same"  # missing units and values (NaN) compare equal


def test_compare_jurisdictions():
    df = pd.DataFrame([row("target", 2025, 5.0), row("target", 2025, 5.5, jurisdiction="上海")])
    out = compare_targets(df, ("national", 2025), ("上海", 2025))
    assert out.iloc[0]["change"] == "changed" and out.iloc[0]["right"] == "≈5.5%"


def test_chart_png_and_standalone_html(tmp_path):
    from zhengce.chart import draw

    df = pd.DataFrame([row("target", 2023, 5.0), row("outcome", 2023, 5.2, "exact"),
                       row("target", 2024, 5.0), row("outcome", 2024, 4.4, "exact")])  # fmt: skip
    board = scoreboard(df, "gdp_growth")
    png = draw(board, tmp_path / "c.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page = draw(board, tmp_path / "c.html").read_text(encoding="utf-8")
    assert "<svg" in page and "target 2023" in page and "src=\"http" not in page
    with pytest.raises(ValueError, match="must be"):
        draw(board, tmp_path / "c.gif")
