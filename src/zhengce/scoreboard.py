"""Targets beside outcomes, and targets beside targets.

Pure functions over DataFrames of statements (the columns of ``Corpus.statements``), so that
the same logic serves the CLI, the REST API and a notebook.

Whether a target was met:
- ``at_least``: outcome ≥ value; ``at_most``: outcome ≤ value; ``range``: value ≤ outcome ≤ value_high;
- ``around``: |outcome − value| ≤ tolerance. The tolerance is in the target's unit for percentages
  (0.5 percentage points by default: "around 5%" is met by 4.5–5.5%) and relative for other units
  (``relative_tolerance``, 5% by default: "around 1.4 trillion jin" is met by 1.33–1.47 trillion);
- ``exact`` (a target stated with no qualifier, "GDP growth 7.5%"): judged like ``around``, since a
  plan's bare figure is a goal to come close to, not a value that must be hit to the decimal;
- qualitative targets, or a missing target or outcome, are not judged: ``met`` is empty and
  ``note`` says why.
Values are magnitudes in the direction the text states ("energy intensity down 3%" has value 3),
so a decrease target and its outcome compare the same way as an increase.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

DEFAULT_TOLERANCE = 0.5
DEFAULT_RELATIVE_TOLERANCE = 0.05

SCOREBOARD_COLUMNS = [
    "year", "jurisdiction", "indicator", "target", "comparator", "value", "value_high", "unit",
    "outcome", "met", "note", "target_text", "outcome_text", "target_doc", "outcome_doc",
]  # fmt: skip


def met(
    comparator: str,
    value: float | None,
    value_high: float | None,
    outcome: float | None,
    unit: str | None,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    relative_tolerance: float = DEFAULT_RELATIVE_TOLERANCE,
) -> bool | None:
    """Whether an outcome meets a target; None when it cannot be judged."""
    if outcome is None or value is None or _nan(outcome) or _nan(value) or comparator == "qualitative":
        return None
    eps = 1e-9 * max(1.0, abs(value))
    if comparator == "at_least":
        return outcome >= value - eps
    if comparator == "at_most":
        return outcome <= value + eps
    if comparator == "range":
        high = value if value_high is None or _nan(value_high) else value_high
        return value - eps <= outcome <= high + eps
    if comparator in ("around", "exact"):
        tol = tolerance if unit in ("percent", "percentage_point") else abs(value) * relative_tolerance
        return abs(outcome - value) <= tol + eps
    return None


def describe(comparator: str, value: float | None, value_high: float | None, unit: str | None) -> str:
    """A compact human form of a target: ≈5%, ≥12 million persons, 4.5–5%, qualitative."""
    if comparator == "qualitative" or value is None or _nan(value):
        return "qualitative"
    sym = {"around": "≈", "at_least": "≥", "at_most": "≤", "exact": "", "range": ""}.get(comparator, "")
    v = format_value(value, unit)
    if comparator == "range" and value_high is not None and not _nan(value_high):
        return f"{format_value(value, unit, with_unit=False)}–{format_value(value_high, unit)}"
    return f"{sym}{v}"


def format_value(value: float | None, unit: str | None, *, with_unit: bool = True) -> str:
    if value is None or _nan(value):
        return ""
    if unit in ("percent",):
        return f"{value:g}%" if with_unit else f"{value:g}"
    if unit == "percentage_point":
        return f"{value:g} pp" if with_unit else f"{value:g}"
    for scale, name in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")):
        if abs(value) >= scale:
            text = f"{value / scale:g}{name}"
            break
    else:
        text = f"{value:g}"
    return f"{text} {unit}" if with_unit and unit else text


def scoreboard(
    statements: pd.DataFrame,
    indicator: str,
    jurisdiction: str = "national",
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    relative_tolerance: float = DEFAULT_RELATIVE_TOLERANCE,
) -> pd.DataFrame:
    """One row per year: the target set for that year beside the outcome reported for it."""
    s = statements[(statements.indicator == indicator) & (statements.jurisdiction == jurisdiction)]
    targets = _first_per_year(s[s.kind == "target"])
    outcomes = _first_per_year(s[s.kind == "outcome"])
    rows = []
    for year in sorted(set(targets) | set(outcomes)):
        t, o = targets.get(year), outcomes.get(year)
        row: dict[str, Any] = {"year": year, "jurisdiction": jurisdiction, "indicator": indicator}
        if t is not None:
            row.update(
                target=describe(t["comparator"], t["value"], t["value_high"], t["unit"]),
                comparator=t["comparator"], value=t["value"], value_high=t["value_high"], unit=t["unit"],
                target_text=t["text"], target_doc=t["doc"],
            )  # fmt: skip
        if o is not None:
            row.update(outcome=o["value"], outcome_text=o["text"], outcome_doc=o["doc"])
            row.setdefault("unit", o["unit"])
        if t is None:
            row["note"] = "no target found"
        elif o is None:
            row["note"] = "no outcome reported (yet)"
        elif t["comparator"] == "qualitative":
            row["note"] = "qualitative target"
        elif o["unit"] != t["unit"]:
            row["note"] = f"units differ ({t['unit']} vs {o['unit']})"
        else:
            row["met"] = met(
                t["comparator"], t["value"], t["value_high"], o["value"], t["unit"],
                tolerance=tolerance, relative_tolerance=relative_tolerance,
            )  # fmt: skip
        rows.append(row)
    return pd.DataFrame(rows, columns=SCOREBOARD_COLUMNS)


def compare_targets(
    statements: pd.DataFrame, left: tuple[str, int], right: tuple[str, int]
) -> pd.DataFrame:
    """Targets of two (jurisdiction, year) pairs side by side, by indicator, with what changed.

    ``change`` is one of added (only on the right), dropped (only on the left), changed, same.
    """
    t = statements[statements.kind == "target"]
    a = _first_per_indicator(t[(t.jurisdiction == left[0]) & (t.year == left[1])])
    b = _first_per_indicator(t[(t.jurisdiction == right[0]) & (t.year == right[1])])
    rows = []
    for ind in sorted(set(a) | set(b), key=lambda k: (k not in a, k not in b, k)):
        x, y = a.get(ind), b.get(ind)
        if x is None:
            change = "added"
        elif y is None:
            change = "dropped"
        elif _same_target(x, y):
            change = "same"
        else:
            change = "changed"
        rows.append(
            {
                "indicator": ind,
                "change": change,
                "left": describe(x["comparator"], x["value"], x["value_high"], x["unit"]) if x is not None else "",
                "right": describe(y["comparator"], y["value"], y["value_high"], y["unit"]) if y is not None else "",
                "left_text": x["text"] if x is not None else "",
                "right_text": y["text"] if y is not None else "",
            }
        )
    return pd.DataFrame(rows, columns=["indicator", "change", "left", "right", "left_text", "right_text"])


def _same_target(x: Any, y: Any) -> bool:
    return (
        x["comparator"] == y["comparator"]
        and (x["unit"] == y["unit"] or (_missing(x["unit"]) and _missing(y["unit"])))
        and _eq(x["value"], y["value"])
        and _eq(x["value_high"], y["value_high"])
    )


def _eq(a: Any, b: Any) -> bool:
    if a is None or _nan(a):
        return b is None or _nan(b)
    return b is not None and not _nan(b) and math.isclose(a, b, rel_tol=1e-9)


def _ranked(df: pd.DataFrame, first: list[str], first_ascending: list[bool]) -> pd.DataFrame:
    """Statements best first: the most confident, then (when the caller gave ``doc_weight``) from
    the fullest report, so an excerpt or a sample never outranks the official report; then the
    earliest in its document."""
    keys, ascending = [*first, "confidence"], [*first_ascending, False]
    if "doc_weight" in df.columns:
        keys, ascending = [*keys, "doc_weight"], [*ascending, False]
    return df.sort_values([*keys, "doc", "start"], ascending=[*ascending, True, True])


def _first_per_year(df: pd.DataFrame) -> dict[int, Any]:
    """The best statement for each year (see :func:`_ranked`)."""
    out: dict[int, Any] = {}
    ordered = _ranked(df, ["year"], [True])
    for _, row in ordered.iterrows():
        if pd.notna(row["year"]):
            out.setdefault(int(row["year"]), row)
    return out


def _first_per_indicator(df: pd.DataFrame) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for _, row in _ranked(df, [], []).iterrows():
        out.setdefault(row["indicator"], row)
    return out


def _missing(v: Any) -> bool:
    return v is None or _nan(v)


def _nan(v: Any) -> bool:
    return isinstance(v, float) and math.isnan(v)
