"""Values that cannot be right as written, and what they probably were.

Scraped and machine-translated pages lose decimal points: "66.2%" turns into "662%", and
"9.1%" can come apart into "9% year-on-year1%", the fraction glued to the next word. Such a
value is not silently repaired: the statement keeps the number as written and is flagged
``suspect`` with a reason, plus a ``suggested_value`` where the pattern says what the number
must have been. The rules are about how numbers break, not about any one document:

* a share, rate or proportion above 100% is impossible -> put the decimal point back so the
  value falls in 0-100 (662 -> 66.2, 533 -> 53.3); ratios of an outcome to a plan or budget
  (完成率, 占预算数的) are the exception, they may exceed 100%;
* digits glued straight onto a Latin word, followed by a unit ("year-on-year1%", "rate5
  percentage points"), are the fraction of the nearest number before them (9 and 1 -> 9.1);
* a change verb followed straight by a unit ("raised by yuan", "提高元") lost its number
  altogether; such a statement is kept with no value, flagged, so that a reader can look it up;
* once a sentence shows a lost decimal point, its other whole percentages of two or more digits
  have very likely lost theirs too (61% -> 6.1 beside 533%); they are flagged with the reading
  that restores the point before the last digit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


class ValueSpan(Protocol):
    """What the checks need from a quantity (``zhengce.extract.quantities.Quantity`` fits)."""

    value: float
    value_high: float | None
    unit: str | None
    number_start: int
    number_end: int


@dataclass(frozen=True)
class Suspicion:
    """Why a value cannot be right, and what it probably was.

    ``absorbs`` is the span of a glued fragment ("1%" in "9% year-on-year1%") that belongs to
    this value, so the caller can leave it out instead of reporting it as a value of its own.
    """

    reason: str
    suggested_value: float | None = None
    absorbs: tuple[int, int] | None = None
    lost_decimal: bool = False
    fragment: bool = False  # this "value" is the glued tail of another one: not a value of its own


PERCENTISH = ("percent", "percentage_point")

_SHARE_WORDS = re.compile(
    r"(?:\brates?\b|\bratios?\b|\bshares?\b|\bproportions?\b|\baccount(?:ing|s|ed)?\s+for\b|"
    r"\bpercentage\s+of\b|\bcoverage\b|\burbani[sz]ation\b|率|比重|占比|比例|份额|占|覆盖)",
    re.I,
)
_GROWTH_WORDS = re.compile(
    r"(?:\bgrowth\b|\bgr[eo]w[sn]?\b|\bincrease[sd]?\b|\brose\b|\brisen?\b|\bup\s+by\b|\bjump(?:ed|s)?\b|"
    r"\bsurge[sd]?\b|\bexpan(?:d|ded|sion)\b|增长|增速|增幅|涨幅|上涨|增加|提高|扩大)",
    re.I,
)
# ratios of an outcome to a plan or budget may well exceed 100% ("投资完成率129.6%", "占预算数的106%")
_MAY_EXCEED = re.compile(r"完成|预算|计划|目标|执行|超额|\bcomplet|\bbudget|\bplan|\btarget|\bfulfil", re.I)
# digits glued onto a Latin letter and followed by a percent-like unit: "year-on-year1%", "rate5 percentage points"
_GLUED = re.compile(r"(?<=[A-Za-z])(\d{1,2})(?=\s*(?:%|percent\b|percentage\s+points?\b|个百分点|百分点))")
_CLAUSE_BREAK = re.compile(r"[,;，；。!?！？]")
_WINDOW = 48  # characters before a number searched for share / growth words


def suggest_decimal(value: float, high: float = 100.0) -> float | None:
    """The largest reading of a whole number with a decimal point put back that is <= ``high``.

    662 -> 66.2, 533 -> 53.3, 1050 -> 10.5 (105.0 would still exceed 100). None when the value
    already has a fraction (the point was not lost) or no reading fits.
    """
    if value != int(value) or value < 0:
        return None
    digits = str(int(value))
    for cut in range(len(digits) - 1, 0, -1):
        candidate = float(f"{digits[:cut]}.{digits[cut:]}")
        if candidate <= high:
            return candidate
    return None


def _share_context(text: str, number_start: int) -> bool:
    """Is the number the level of a share or rate (not a growth rate, which may exceed 100%)?"""
    window = text[max(0, number_start - _WINDOW) : number_start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    shares = list(_SHARE_WORDS.finditer(window))
    if not shares or _MAY_EXCEED.search(window):
        return False
    growth = list(_GROWTH_WORDS.finditer(window))
    if not growth:
        return True
    # "growth rate" names a growth; "rate ... increased to" still ends in a level
    last_share, last_growth = shares[-1], growth[-1]
    if re.match(r"\s*rate", window[last_growth.end() :], re.I) or window[last_growth.end() : last_growth.end() + 1] == "率":
        return False
    return last_share.start() > last_growth.start() or bool(re.search(r"\bto\b|到|至", window[last_growth.end() :]))


def check_share(text: str, q: ValueSpan) -> Suspicion | None:
    """A share or rate above 100% cannot be right; suggest the reading with the point put back."""
    if q.unit != "percent" or q.value is None or q.value <= 100 or q.value_high is not None:
        return None
    after = _CLAUSE_BREAK.split(text[q.number_end : q.number_end + 30], 1)[0]
    if not _share_context(text, q.number_start) or _MAY_EXCEED.search(after):
        return None
    suggestion = suggest_decimal(q.value)
    why = f"a share or rate of {_fmt(q.value)}% is above 100%"
    if suggestion is not None:
        why += f"; probably {_fmt(suggestion)}% with its decimal point lost"
    return Suspicion(why, suggestion, lost_decimal=suggestion is not None)


def check_glued(text: str, q: ValueSpan) -> Suspicion | None:
    """Digits glued onto a word after this number, before any other number, are its fraction."""
    if q.value is None or q.value != int(q.value) or q.unit not in PERCENTISH:
        return None
    tail = text[q.number_end : q.number_end + 100]
    brk = _CLAUSE_BREAK.search(tail)
    if brk:
        tail = tail[: brk.start()]
    m = _GLUED.search(tail)
    if not m:
        return None
    start = q.number_end + m.start(1)
    if re.search(r"\d", tail[: m.start(1)]):
        return None  # the glued digits must be the very next number after q
    suggestion = float(f"{int(q.value)}.{m.group(1)}")
    return Suspicion(
        f"number split by a lost decimal point: {_fmt(q.value)} … {m.group(1)} reads as {_fmt(suggestion)}",
        suggestion,
        absorbs=(start, q.number_end + m.end(1)),
        lost_decimal=True,
    )


def review(text: str, quantities: Sequence[ValueSpan]) -> list[Suspicion | None]:
    """One verdict per quantity of ``text`` (a sentence): None, or why it cannot be right.

    Quantities whose number lies in a span absorbed by an earlier one are returned with a
    Suspicion whose reason says so; the caller should drop them as values of their own.
    """
    verdicts: list[Suspicion | None] = [None] * len(quantities)
    absorbed: list[tuple[int, int]] = []
    for i, q in enumerate(quantities):
        if any(s <= q.number_start < e for s, e in absorbed):
            verdicts[i] = Suspicion("fraction of a number split by a lost decimal point", fragment=True)
            continue
        verdict = check_glued(text, q) or check_share(text, q)
        if verdict is not None:
            verdicts[i] = verdict
            if verdict.absorbs:
                absorbed.append(verdict.absorbs)
    if any(v is not None and v.lost_decimal for v in verdicts):
        for i, q in enumerate(quantities):
            if verdicts[i] is not None or q.unit not in PERCENTISH or q.value_high is not None:
                continue
            if q.value is None or q.value != int(q.value) or q.value < 10:
                continue
            digits = str(int(q.value))
            suggestion = float(f"{digits[:-1]}.{digits[-1]}")
            verdicts[i] = Suspicion(
                f"{_fmt(q.value)} is a whole number in a sentence whose other figures lost their decimal "
                f"points; probably {_fmt(suggestion)}",
                suggestion,
                lost_decimal=True,
            )
    return verdicts


def _fmt(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:g}"


_MISSING_EN = re.compile(
    r"\b(?:raised|increased|cut|reduced|lowered|rose|grew|fell|up|down|reach(?:ed)?)\s+(?:by|to)\s+"
    r"(yuan|percent|per cent|percentage points?)\b",
    re.I,
)
_MISSING_ZH = re.compile(r"(?:提高|增加|增长|降低|下降|减少|达到|上调|下调)(?:到|至)?(元|%|个百分点)")
_MISSING_UNITS = {"yuan": "yuan", "元": "yuan", "percent": "percent", "per cent": "percent", "%": "percent"}


def find_missing_numbers(text: str) -> list[tuple[int, int, str]]:
    """Spans where a number was dropped between a change verb and its unit, with that unit.

    "will be raised by yuan" and "再提高元" state an amount without one; the statement is worth
    keeping (a reader can find the figure elsewhere) but never as a value.
    """
    out = []
    # Most sentences cannot match at all: the English pattern needs the y of "by" or the o of "to"
    # (no other character folds to those), the Chinese one its unit. Testing for those characters
    # costs a fraction of running the patterns over every sentence of a report.
    english = "y" in text or "o" in text or "Y" in text or "O" in text
    chinese = "元" in text or "%" in text or "个百分点" in text
    if not (english or chinese):
        return []
    for pattern, may_match in ((_MISSING_EN, english), (_MISSING_ZH, chinese)):
        if not may_match:
            continue
        for m in pattern.finditer(text):
            unit = m.group(1).lower()
            out.append((m.start(), m.end(), _MISSING_UNITS.get(unit, "percentage_point")))
    return sorted(out)
