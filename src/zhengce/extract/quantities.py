"""Quantities in running text: number + scale + unit, with qualifiers and ranges.

A target such as ``城镇新增就业1200万人以上`` or ``grow by around 5 percent`` is a number whose
meaning depends on what stands around it: the scale (万), the unit (人), and qualifiers that
turn an exact figure into a floor, a ceiling or an estimate (以上, around). This module finds
those pieces and returns them as :class:`Quantity` objects with spans into the caller's text,
so that the statement layer can decide *what* the number is about and show where it came from.

How it works, and why:

* The text is mapped to half-width ASCII digits/signs with a length-preserving table, so that
  NFKC-normalised and raw input behave the same and every span is valid in the caller's text.
* One compiled regex finds *atoms* (optional prefix, number, scale, unit). Everything else is
  decided by looking at a few characters around each atom: leading and trailing qualifiers,
  years and dates, labels like ``(1)`` or ``第十四届``, glued text like ``G20``.
* Adjacent atoms joined by a range separator (``－``, ``至``, ``to``, ``between … and``) are
  merged into one range quantity; an 、-list sharing a trailing qualifier shares its comparator.
* Nothing raises on odd text: a candidate that fails to parse is skipped.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass

from zhengce.extract.numerals import CN_DIGITS, parse_number, scale_multiplier, to_halfwidth

__all__ = ["COMPARATORS", "UNITS", "Quantity", "parse_number", "parse_quantities"]

COMPARATORS = ("around", "at_least", "at_most", "range", "exact")


@dataclass
class Quantity:
    """One number as written, with its scale multiplied out and its meaning pinned down.

    ``number_start:number_end`` covers the digits only (for a range, from the first digit of the
    low end to the last digit of the high end). ``char_before``/``char_after`` are the
    characters just outside that span
    in the caller's text ("" at the edges). Scraped English often glues text to numbers
    (``year-on-year1%``); the statement layer uses them to flag such garbles.
    """

    value: float
    value_high: float | None
    unit: str | None
    comparator: str
    start: int
    end: int
    number_start: int
    number_end: int
    raw: str
    currency: str | None = None
    qualifiers: tuple[str, ...] = ()
    char_before: str = ""
    char_after: str = ""
    per: str | None = None  # denominator of a rate: 16.8万元/人 -> unit "yuan", per "persons"


# --------------------------------------------------------------------------------------------
# Units. Each entry: written form -> (unit, currency, factor). Longest forms are tried first.

_ZH_UNITS: dict[str, tuple[str, str | None, float]] = {
    "个百分点": ("percentage_point", None, 1),
    "百分点": ("percentage_point", None, 1),
    "元人民币": ("yuan", "CNY", 1),
    "人民币": ("yuan", "CNY", 1),
    "元": ("yuan", "CNY", 1),  # see _ZH_UNIT_RE: not 二元结构, 多元化
    "美元": ("usd", "USD", 1),
    "欧元": ("eur", "EUR", 1),
    "港元": ("hkd", "HKD", 1),
    "港币": ("hkd", "HKD", 1),
    "日元": ("jpy", "JPY", 1),
    "人次": ("person_times", None, 1),
    "人": ("persons", None, 1),
    "名": ("persons", None, 1),
    "千瓦时": ("kwh", None, 1),
    "千瓦": ("kw", None, 1),
    "平方公里": ("square_km", None, 1),
    "平方米": ("square_meters", None, 1),
    "立方米": ("cubic_meters", None, 1),
    "公里": ("km", None, 1),
    "千米": ("km", None, 1),
    "公斤": ("kg", None, 1),
    "千克": ("kg", None, 1),
    "斤": ("jin", None, 1),
    "吨": ("tonnes", None, 1),
    "公顷": ("hectares", None, 1),
    "亩": ("mu", None, 1),
    "户": ("households", None, 1),
    "倍": ("times", None, 1),
    "个月": ("months", None, 1),
    "周年": ("years", None, 1),
    "年": ("years", None, 1),
    "周岁": ("years_of_age", None, 1),
    "岁": ("years_of_age", None, 1),
    "天": ("days", None, 1),
    "小时": ("hours", None, 1),
    "分钟": ("minutes", None, 1),
    "周": ("weeks", None, 1),
    "标准箱": ("teu", None, 1),
    "标箱": ("teu", None, 1),
    "微克/立方米": ("ug_per_m3", None, 1),
    "摄氏度": ("celsius", None, 1),
    "℃": ("celsius", None, 1),
    "兆瓦": ("kw", None, 1000),
    "千伏": ("kv", None, 1),
    "纳米": ("nm", None, 1),
    "米": ("meters", None, 1),
    "个": ("units", None, 1),
    "家": ("units", None, 1),
    "所": ("units", None, 1),
    "项": ("units", None, 1),
    "座": ("units", None, 1),
    "条": ("units", None, 1),
    "批": ("units", None, 1),
    "台": ("units", None, 1),
    "套": ("units", None, 1),
    "辆": ("units", None, 1),
    "艘": ("units", None, 1),
    "架": ("units", None, 1),
    "处": ("units", None, 1),
    "件": ("units", None, 1),
    "种": ("units", None, 1),
    "类": ("units", None, 1),
    "支": ("units", None, 1),
    "部": ("units", None, 1),
    "款": ("units", None, 1),
    "张": ("units", None, 1),
    "场次": ("units", None, 1),
    "场": ("units", None, 1),
    "班次": ("units", None, 1),
    "轮": ("units", None, 1),
    "次": ("units", None, 1),  # see _ZH_UNIT_RE: not 三次产业
    "起": ("units", None, 1),
    "例": ("units", None, 1),
    "宗": ("units", None, 1),
    "篇": ("units", None, 1),
    "株": ("units", None, 1),
    "棵": ("units", None, 1),
    "%": ("percent", None, 1),
    "‰": ("permille", None, 1),
    "成": ("percent", None, 10),  # 三成 = 30%; see _ZH_UNIT_RE: not 成本, 成立, 成果
}

# English units: regex source -> (unit, currency, factor); matched case-insensitively.
_EN_UNITS: list[tuple[str, tuple[str, str | None, float]]] = [
    (r"percentage[ -]points?", ("percentage_point", None, 1)),
    (r"per ?cent", ("percent", None, 1)),
    (r"pct", ("percent", None, 1)),
    (r"yuan", ("yuan", "CNY", 1)),
    (r"renminbi", ("yuan", "CNY", 1)),
    (r"rmb", ("yuan", "CNY", 1)),
    (r"(?:u\.?s\.? )?dollars", ("usd", "USD", 1)),
    (r"usd", ("usd", "USD", 1)),
    (r"euros?", ("eur", "EUR", 1)),
    (r"jin", ("jin", None, 1)),
    (r"(?:metric )?(?:tonnes?|tons?)", ("tonnes", None, 1)),
    (r"mu", ("mu", None, 1)),
    (r"hectares?", ("hectares", None, 1)),
    (r"(?:(?:new|additional|more|urban|rural) ){0,3}jobs", ("persons", None, 1)),
    (r"persons", ("persons", None, 1)),
    (r"(?:(?:more|additional) )?people", ("persons", None, 1)),
    (r"person-times", ("person_times", None, 1)),
    (r"households", ("households", None, 1)),
    (r"kilowatt[- ]hours|kwh", ("kwh", None, 1)),
    (r"kilowatts|kw", ("kw", None, 1)),
    (r"gigawatts|gw", ("kw", None, 1e6)),
    (r"square (?:kilometers|kilometres)|sq km", ("square_km", None, 1)),
    (r"square (?:meters|metres)|sq m", ("square_meters", None, 1)),
    (r"cubic (?:meters|metres)", ("cubic_meters", None, 1)),
    (r"(?:kilometers|kilometres|km)", ("km", None, 1)),
    (r"times", ("times", None, 1)),
    (r"years?", ("years", None, 1)),
    (r"months?", ("months", None, 1)),
    (r"days?", ("days", None, 1)),
]

_PREFIX_UNITS: dict[str, tuple[str, str | None, float]] = {
    "us$": ("usd", "USD", 1),
    "$": ("usd", "USD", 1),
    "¥": ("yuan", "CNY", 1),
    "￥": ("yuan", "CNY", 1),
    "rmb": ("yuan", "CNY", 1),
}

#: Every unit name parse_quantities can return (besides None).
UNITS: frozenset[str] = frozenset(
    [u for u, _, _ in _ZH_UNITS.values()]
    + [u for _, (u, _, _) in _EN_UNITS]
    + [u for u, _, _ in _PREFIX_UNITS.values()]
    + ["percent", "permille", "fraction"]
)


# Denominators of rates such as 16.8万元/人 or 300 yuan per capita.
_PER_ZH: dict[str, str] = {
    "人": "persons",
    "户": "households",
    "吨": "tonnes",
    "亩": "mu",
    "年": "years",
    "月": "months",
    "天": "days",
    "公斤": "kg",
    "斤": "jin",
    "千瓦时": "kwh",
    "平方米": "square_meters",
}
_PER_EN: dict[str, str] = {
    "person": "persons",
    "capita": "persons",
    "head": "persons",
    "household": "households",
    "tonne": "tonnes",
    "ton": "tonnes",
    "mu": "mu",
    "year": "years",
    "month": "months",
    "day": "days",
}


def _alternation(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


# --------------------------------------------------------------------------------------------
# The atom regex (run on the half-width text).

_SP = r"[ \t\u00a0]"
# Arabic numbers, most specific first: digits spaced out by old typesetting (1 9 9 8), digits mixed
# with Chinese scales (1亿3千万, the trailing scale is matched by <scale>), thousands separators
# (1,200 and the older full-width 3，500), a middle dot as decimal point before % (4·3％), plain.
_ARABIC = (
    r"[0-9](?:[ \u00a0][0-9](?![0-9]))+"
    r"|[0-9]+(?:\.[0-9]+)?(?:[十百千万亿]+[0-9]+(?:\.[0-9]+)?)+(?=[十百千万亿])"
    r"|[0-9]{1,3}(?:[,，][0-9]{3})+(?![0-9])(?:\.[0-9]+)?"
    r"|[0-9]+·[0-9]+(?=[ ]*%)"
    r"|[0-9]+[ \u00a0]+\.[ \u00a0]*[0-9]+(?=[ \u00a0]*%)|[0-9]+\.[ \u00a0]+[0-9]+(?=[ \u00a0]*%)"
    r"|[0-9]+(?:\.[0-9]+)?"
)
# 千 is a unit prefix in 千瓦/千米/千克, and 百 starts 百分点/百分之: keep them out of the numeral.
_CN_NUM = (
    r"(?:[零〇○一二两三四五六七八九十万亿]|千(?![瓦米克])|百(?!分))+"
    r"(?:点[零〇○一二三四五六七八九]+)?"
)
_FRACTION = (
    r"(?:" + _CN_NUM + r"|[0-9]+)分之(?:" + _CN_NUM + r"|[0-9]+(?:\.[0-9]+)?)"
    r"|[0-9]+/[0-9]+(?![0-9/])"
)
_EN_WORD = (
    r"\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen)\b"
)
_ZH_SCALE = r"万亿|千万|百万|十万|千亿|百亿|十亿|亿|万|千(?![瓦米克])|百(?![分万亿])"
_EN_SCALE = r"(?:hundred|thousand|million|billion|trillion)(?:" + _SP + r"+(?:million|billion))?\b"
# 二元结构 / 多元化 / 一元论 are words, not money; 个 must not swallow the 个 of 个百分点 (listed longer).
_ZH_UNIT_RE = (
    _alternation(list(_ZH_UNITS))
    .replace("|元|", "|元(?![化论素首结])|")
    .replace("|次|", "|次(?!产业)|")
    .replace("|成|", "|成(?![本立员果效绩功熟长交群年型品])|")
)
_EN_UNIT_RE = "|".join(f"(?:{src})" for src, _ in _EN_UNITS)

_ATOM = re.compile(
    r"(?P<prefix>百分之|千分之|US\$|\$|¥|￥|(?i:rmb)" + _SP + r"*)?"
    r"(?P<num>" + _FRACTION + r"|" + _ARABIC + r"|" + _CN_NUM + r"|(?i:" + _EN_WORD + r"))"
    r"(?P<more1>多|余)?"
    r"(?P<scale>" + _SP + r"*(?:" + _ZH_SCALE + r")|" + _SP + r"*(?i:" + _EN_SCALE + r"))?"
    r"(?P<more2>多|余)?"
    r"(?P<unit>" + _SP + r"*(?:" + _ZH_UNIT_RE + r")"
    r"|" + _SP + r"*(?i:(?:" + _EN_UNIT_RE + r"))(?![\w-]))?"  # not the "year" of year-on-year
    r"(?P<per>/(?:" + _alternation(list(_PER_ZH)) + r")"
    r"|" + _SP + r"+(?i:per" + _SP + r"+(?:" + "|".join(_PER_EN) + r"))\b)?"
)

_EN_UNIT_COMPILED = [(re.compile(src, re.IGNORECASE), info) for src, info in _EN_UNITS]

# Every character an _ATOM match can start with: the prefixes (百分之, 千分之, US$, $, ¥, ￥, rmb),
# Arabic digits, Chinese numerals, and the first letters of the English number words. Trying
# _ATOM only where one of these stands is three times faster than letting finditer try it at
# every position (most characters of a report cannot start a number), and finds the same
# matches. The class is case-insensitive like the parts of _ATOM it stands for, so it folds
# letters the same way (ſ is an s). Keep it in step with _ATOM: test_quantities checks both
# agree on random text.
_ATOM_START = re.compile(r"(?i:[0-9零〇○一二两三四五六七八九十百千万亿U$¥￥rtfsenzo])")


def _atom_matches(t: str) -> list[re.Match[str]]:
    """The matches ``_ATOM.finditer(t)`` yields, found by trying _ATOM only at candidate starts."""
    out: list[re.Match[str]] = []
    find, match = _ATOM_START.search, _ATOM.match
    pos = 0
    while (c := find(t, pos)) is not None:
        p = c.start()
        m = match(t, p)
        if m is None:
            pos = p + 1
        else:
            out.append(m)
            pos = m.end()  # _ATOM never matches the empty string, so this always moves on
    return out


# --------------------------------------------------------------------------------------------
# Qualifiers: leading ones are matched against the text just before an atom (anchored at its
# end), trailing ones against the text just after it (anchored at its start).

_LEAD_ZH: dict[str, str | None] = {
    "大约": "around",
    "约为": "around",
    "约": "around",
    "大概": "around",
    "将近": "around",
    "接近": "around",
    "近": "around",
    "超过": "at_least",
    "不低于": "at_least",
    "不少于": "at_least",
    "高于": "at_least",
    "多于": "at_least",
    "突破": "at_least",
    "超": "at_least",  # 超3000亿元: short for 超过
    "不超过": "at_most",
    "不高于": "at_most",
    "不多于": "at_most",
    "低于": "at_most",
    "少于": "at_most",
    "控制在": "at_most",
    "力争": None,
}
_LEAD_EN: dict[str, str | None] = {
    "around": "around",
    "about": "around",
    "approximately": "around",
    "roughly": "around",
    "some": "around",
    "nearly": "around",
    "almost": "around",
    "close to": "around",
    "over": "at_least",
    "more than": "at_least",
    "at least": "at_least",
    "no less than": "at_least",
    "not less than": "at_least",
    "above": "at_least",
    "in excess of": "at_least",
    "exceeding": "at_least",
    "within": "at_most",
    "below": "at_most",
    "under": "at_most",
    "up to": "at_most",
    "no more than": "at_most",
    "not more than": "at_most",
    "not exceeding": "at_most",
    "less than": "at_most",
    "fewer than": "at_most",
    "between": None,
}
_TRAIL: dict[str, str] = {
    "左右": "around",
    "上下": "around",
    "以上": "at_least",
    "以下": "at_most",
    "以内": "at_most",
    "之内": "at_most",
    "or so": "around",
    "or more": "at_least",
    "or above": "at_least",
    "and above": "at_least",
    "or higher": "at_least",
    "or less": "at_most",
    "or below": "at_most",
    "or lower": "at_most",
}

# 节约/制约/预约 and 最近/附近 end in a qualifier character but are not qualifiers.
_LEAD_ZH_RE = (
    _alternation(list(_LEAD_ZH))
    .replace("|约|", "|(?<![节制简公契违预签])约|")
    .replace("|近|", "|(?<![最附靠贴])近|")
)
_LEAD_RE = re.compile(
    r"(?:(?P<zh>" + _LEAD_ZH_RE + r")"
    r"|(?<![A-Za-z])(?P<en>(?i:"
    + "|".join(re.escape(w).replace(r"\ ", " +") for w in sorted(_LEAD_EN, key=len, reverse=True))
    + r")))"
    + _SP
    + r"*$"
)
_TRAIL_RE = re.compile(
    r"^" + _SP + r"*(?:(?P<zh>左右|上下(?![游级])|以上|以下|以内|之内)"
    r"|(?P<en>(?i:or +so|or +more|or +above|and +above|or +higher|or +less|or +below|or +lower))\b)"
)
_LEAD_WINDOW = 24

# Range separators between two atoms (whole gap must match).
_RANGE_SEP = re.compile(_SP + r"*(?:-{1,2}|—{1,2}|–|~|至|到|(?i:to))" + _SP + r"*")
_RANGE_AND = re.compile(_SP + r"*(?i:and)" + _SP + r"*")
_FROM_RE = re.compile(r"(?:从|由|(?<![A-Za-z])(?i:from))" + _SP + r"*$")
# Items of an 、-list (or "A、B和C").
_LIST_SEP = re.compile(_SP + r"*(?:、|和|及|与)" + _SP + r"*")

# Negative contexts.
_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_MONTH_BEFORE = re.compile(r"(?<![A-Za-z])(?:" + _MONTHS + r")\.?" + _SP + r"+$")
_MONTH_AFTER = re.compile(r"^" + _SP + r"+(?:" + _MONTHS + r")\b")
_LABEL_WORDS_EN = (
    "no.", "nos.", "article", "chapter", "section", "item", "phase", "round", "number", "grade", "level",
    "class", "version", "aspect", "keyword", "part", "step", "stage", "tier", "batch", "figure", "table",
)  # fmt: skip
_LABEL_BEFORE = re.compile(
    r"(?:第|(?<![A-Za-z])(?i:" + "|".join(re.escape(w) for w in _LABEL_WORDS_EN) + r"))" + _SP + r"*$"
)
_DATE_SUFFIX = re.compile(
    _SP + r"*(?:月|日|号|届|季度|时|点(?![0-9零〇一二三四五六七八九])|时期|世纪|代|版|】)"
)
_DATE_SPAN = re.compile(r"(?:19|20)[0-9]{2}[-/.][0-9]{1,2}(?:[-/.][0-9]{1,2})?(?![0-9])|[0-9]{1,2}:[0-9]{2}")
_PLAN_AFTER = re.compile(r"(?:行动)?(?:计划|规划|纲要)")
_LINE_START = re.compile(r"(?:^|\n)[ \t\u3000]*$")
_LABEL_AFTER = re.compile(r"^(?:\.(?![0-9])|、|\)|）|．)")
_ORDINAL_AFTER = re.compile(r"(?i:st|nd|rd|th)\b")
_IDIOMS = ("千家万户", "千千万万", "成千上万", "一家一户", "万众一心", "千方百计", "一带一路", "一国两制", "一成不变", "三五成群")
_IDIOM_RE = re.compile("|".join(_IDIOMS))


def _finals(words: object) -> frozenset[str]:
    """The last characters of ``words``, in both cases: what a ``word<spaces>$`` match ends on."""
    return frozenset(ch for w in words for ch in (w[-1], w[-1].upper(), w[-1].lower()))  # type: ignore[attr-defined]


# _LEAD_RE and _LABEL_BEFORE look for a word ending a window of text; running them costs far more
# than a glance at the window's last character, which rules most atoms out (增长5%, 达到3万亿元).
_LEAD_FINALS = _finals(_LEAD_ZH) | _finals(_LEAD_EN)
_LABEL_FINALS = _finals(("第", *_LABEL_WORDS_EN))


def _may_end_with(t: str, lo: int, hi: int, finals: frozenset[str]) -> bool:
    """False when no word ending in one of ``finals`` can close ``t[lo:hi]`` (spaces aside).

    Only ASCII and CJK characters are ruled out: they fold case simply, so ``finals`` lists every
    one that can match. Anything else (ſ matches s case-insensitively), and a final newline (which
    ``$`` may stand before), leave the decision to the regex.
    """
    i = hi - 1
    while i >= lo and t[i] in " \t\u00a0":
        i -= 1
    if i < lo:
        return False  # spaces only: no word at all
    ch = t[i]
    if ch in finals or ch == "\n":
        return True
    return not (ch.isascii() or "\u4e00" <= ch <= "\u9fff")


_LANGS = (None, "zh", "en", "bilingual")
# Characters after which a hyphen joins a range rather than starting a negative number.
_NOT_BEFORE_MINUS = frozenset("".join(_ZH_UNITS)) | frozenset(CN_DIGITS) | frozenset("十百千万亿多余")
# A number glued to a Latin letter is an identifier (G20, PM2.5) unless a percent-like unit follows:
# then it is scraped text that lost a space or a decimal point ("year-on-year1%", "rate5 percentage points").
_PERCENTISH = ("percent", "percentage_point", "permille")


@dataclass
class _Atom:
    """A number with its scale and unit before context is considered."""

    start: int  # includes a currency/百分之 prefix
    end: int  # after the unit
    num_start: int
    num_end: int
    value: float
    scale_factor: float
    has_scale: bool
    unit: str | None
    currency: str | None
    unit_from_prefix: bool
    kind: str  # "arabic" | "cn" | "en"
    more: str  # 多/余 inside the number ("1100多万"), else ""
    unit_text: str
    per: str | None = None
    prefixed: bool = False  # a currency or 百分之 prefix stands before the number
    drop: str | None = None  # reason to drop (year, date, label, glued, bare word numeral)
    settled: bool = False  # drop has been decided (see _settle)


@functools.lru_cache(maxsize=1024)
def _unit_info(unit_text: str) -> tuple[str, str | None, float] | None:
    u = unit_text.strip(" \t\u00a0")
    if not u:
        return None
    if u in _ZH_UNITS:
        return _ZH_UNITS[u]
    for rx, info in _EN_UNIT_COMPILED:
        if rx.fullmatch(re.sub(r"\s+", " ", u)):
            return info
    return None


@functools.lru_cache(maxsize=8192)
def _value_and_factor(num_text: str, scale_text: str) -> tuple[float, float] | None:
    """The value of a number with its scale, and the scale's factor; None when it is no number.

    Cached: a report repeats the same few hundred numbers (5%, 1万亿元), and parsing one costs
    more than finding it.
    """
    try:
        # parse number and scale together: 3.9万亿 is exactly 3.9e12, 3.9 × 1e12 is not
        sep = " " if scale_text[:1].isascii() else ""
        return parse_number(num_text + sep + scale_text), float(scale_multiplier(scale_text))
    except ValueError:
        return None


def _make_atom(m: re.Match[str], t: str, lang: str | None) -> _Atom | None:
    prefix_text, num_text, more1, scale_group, more2, unit_group, per_group = m.group(
        "prefix", "num", "more1", "scale", "more2", "unit", "per"
    )
    kind = "arabic" if num_text[0].isdigit() else ("en" if num_text[0].isascii() else "cn")
    if "分之" in num_text:
        kind = "arabic"  # 三分之一 is unambiguous even without a unit
    if kind == "cn" and lang == "en":
        return None
    if kind == "en" and lang == "zh":
        return None
    if kind == "cn" and not _cn_plausible(num_text):
        return None
    scale_text = (scale_group or "").strip(" \t\u00a0")
    parsed = _value_and_factor(num_text, scale_text)
    if parsed is None:
        return None
    value, factor = parsed
    prefix = (prefix_text or "").strip(" \t\u00a0")
    unit_text = unit_group or ""
    info = _unit_info(unit_text)
    unit: str | None = None
    currency: str | None = None
    unit_factor = 1.0
    from_prefix = False
    if prefix in ("百分之", "千分之"):
        if info is not None:
            # 百分之五十人 makes no sense; keep the percent and give back the unit text
            unit_text = ""
        unit = "percent" if prefix == "百分之" else "permille"
    elif "分之" in num_text or "/" in num_text:
        unit = "fraction"
        if info is not None:
            unit_text = ""
    elif prefix:
        unit, currency, unit_factor = _PREFIX_UNITS[prefix.lower()]
        from_prefix = True
        if info is not None and info[0] != unit:
            unit_text = ""
    elif info is not None:
        if unit_text.strip() == "成" and num_text == "一" and m.start("num") and t[m.start("num") - 1] in _YI_WORDS:
            return None  # 统一成, 唯一成: the 一 belongs to the word before, not a tenth
        unit, currency, unit_factor = info
    end = m.end("unit") if unit_text else (m.end("scale") if scale_group else m.end("num"))
    if more2 and not unit_text:
        end = m.end("more2")
    elif more1 and not unit_text and not scale_group:
        end = m.end("more1")
    per: str | None = None
    if unit_text and per_group:
        end = m.end("per")
        per_word = per_group.lstrip("/").split()[-1].lower()
        per = _PER_ZH.get(per_word) or _PER_EN.get(per_word)
    if unit_factor != 1:
        value *= unit_factor
    if not math.isfinite(value):
        return None
    start = m.start()
    if (
        kind == "arabic"
        and not prefix
        and start
        and t[start - 1] == "-"
        and unit in _PERCENTISH
        and _minus_context(t, start - 1)
    ):
        value, start = -value, start - 1  # 增长-0.5%, CPI -0.3%
    return _Atom(
        start=start,
        end=end,
        num_start=m.start("num"),
        num_end=m.end("num"),
        value=value,
        scale_factor=factor,
        has_scale=bool(scale_text),
        unit=unit,
        currency=currency,
        unit_from_prefix=from_prefix,
        kind=kind,
        more=more1 or more2 or "",
        unit_text=unit_text.strip(" \t\u00a0"),
        per=per,
        prefixed=bool(prefix),
    )


def _minus_context(t: str, i: int) -> bool:
    """Is the hyphen at ``i`` a minus sign? Not after a number or unit (5%-7%, 2024年-2025年, 5-year)."""
    p = t[i - 1] if i > 0 else ""
    if not p or p.isspace() or p in "(:,;、=：，；（":
        return True
    return "\u4e00" <= p <= "\u9fff" and p not in _NOT_BEFORE_MINUS


@functools.lru_cache(maxsize=4096)
def _cn_plausible(s: str) -> bool:
    """Chinese numerals need a digit (or a leading 十): 万人, 千家, 亿万 are words, not numbers.

    Two bare digits (三五, 一两) are colloquial approximations ("three to five"), not 35.
    """
    core = s.split("点")[0]
    if not any(ch in CN_DIGITS for ch in core) and not core.startswith("十"):
        return False
    if all(ch in "零〇○" for ch in core):
        return False  # 零部件, 零售: a lone 零 is a word
    return not (len(core) == 2 and all(ch in CN_DIGITS for ch in core) and not set(core) & {"零", "〇", "○"})


def _classify(a: _Atom, t: str) -> None:
    """Mark atoms that are years, dates, labels or glued identifiers rather than quantities."""
    before = t[max(0, a.start - _LEAD_WINDOW) : a.start]
    after = t[a.end : a.end + 12]
    prev_ch = t[a.num_start - 1] if a.num_start > 0 else ""
    next_ch = t[a.num_end] if a.num_end < len(t) else ""
    is_int = a.value == int(a.value) and "." not in t[a.num_start : a.num_end]
    if a.kind == "arabic" and not a.prefixed:  # a prefix (RMB1 trillion, US$3) is not glue
        if prev_ch.isascii() and (prev_ch.isalpha() or prev_ch == "_") and a.unit not in _PERCENTISH:
            a.drop = "glued"  # G20, PM2.5, H1N1
            return
        if (
            prev_ch == "-"
            and a.value > 0
            and a.num_start >= 2
            and t[a.num_start - 2].isalpha()
            and not a.unit_text
        ):
            a.drop = "glued"  # COVID-19, 歼-20
            return
        if prev_ch in ".," and a.num_start >= 2 and t[a.num_start - 2].isdigit():
            a.drop = "glued"  # tail of a malformed number like 1,20
            return
        if (
            not a.unit_text
            and not a.has_scale
            and next_ch.isascii()
            and next_ch.isalpha()
            and (_ORDINAL_AFTER.match(t, a.num_end) or not _unit_info(t[a.num_end : a.num_end + 3]))
        ):
            a.drop = "label"  # 14th, 5G, 3D
            return
        if (
            not a.unit_text
            and not a.has_scale
            and next_ch == "-"
            and t[a.num_end + 1 : a.num_end + 2].isalpha()
        ):
            a.drop = "label"  # 5-year plan, 3-day
            return
    if _IDIOM_RE.search(t, max(0, a.start - 3), a.end + 3):
        a.drop = "idiom"
        return
    if a.kind == "cn" and a.unit in (None, "units") and prev_ch in '“"「『‘':
        a.drop = "label"  # “两个确立”, “四个全面”: slogans open with a count
        return
    if _may_end_with(t, a.start - len(before), a.start, _LABEL_FINALS) and _LABEL_BEFORE.search(before):
        a.drop = "label"
        return
    if (
        is_int
        and not a.has_scale
        and 1000 <= a.value <= 2999
        and (a.unit == "years" or (a.unit is None and a.kind == "arabic"))
        and not a.more
    ):
        a.drop = "year"
        return
    if is_int and a.unit == "years" and a.kind == "cn" and a.value >= 1000:
        a.drop = "year"
        return
    if a.unit == "years" and after[:1] == "代":
        a.drop = "date"  # 90年代: a decade
        return
    if a.unit == "years" and _PLAN_AFTER.match(after):
        a.drop = "label"  # 五年计划, 三年行动计划: the name of a plan, not a duration claim
        return
    if a.unit is None and not a.has_scale:
        if is_int and a.num_end - a.num_start >= 9 and a.kind == "arabic":
            a.drop = "label"  # registration numbers, IDs: nobody writes a quantity as 110102005860
            return
        if _DATE_SUFFIX.match(t, a.num_end, a.num_end + 6):
            a.drop = "date"
            return
        if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
            a.drop = "date"
            return
        if (prev_ch, next_ch) in (("(", ")"), ("[", "]"), ("【", "】"), ("〔", "〕")):
            a.drop = "label"  # (1), [20] footnote markers
            return
        if "+" in (prev_ch, next_ch) or "·" in (prev_ch, next_ch):
            a.drop = "label"  # "1+1+N" policy names, “1·24” event names
            return
        if _LINE_START.search(t, max(0, a.start - 8), a.start) and _LABEL_AFTER.match(
            t[a.num_end : a.num_end + 2]
        ):
            a.drop = "label"
            return


def _lead_qualifiers(t: str, pos: int) -> tuple[list[str], list[str | None], int]:
    """Qualifier words right before ``pos`` (possibly several: 力争控制在), outermost first."""
    words: list[str] = []
    comps: list[str | None] = []
    start = pos
    for _ in range(3):
        lo = max(0, start - _LEAD_WINDOW)
        m = _LEAD_RE.search(t, lo, start) if _may_end_with(t, lo, start, _LEAD_FINALS) else None
        if not m:
            break
        w = m.group("zh") or m.group("en")
        key = re.sub(r"\s+", " ", w.lower()) if m.group("en") else w
        comps.insert(0, _LEAD_ZH[key] if m.group("zh") else _LEAD_EN[key])
        words.insert(0, w)
        start = m.start()
    return words, comps, start


def _trail_qualifier(t: str, pos: int) -> tuple[str, str, int] | None:
    m = _TRAIL_RE.match(t[pos : pos + 16])
    if not m:
        return None
    w = m.group("zh") or m.group("en")
    key = re.sub(r"\s+", " ", w.lower())
    return w, _TRAIL[key], pos + m.end()


def _merge_range(lo: _Atom, hi: _Atom, t: str) -> tuple[_Atom, _Atom] | None:
    """Return the two atoms adjusted to a common unit and scale if they form a range."""
    if (lo.drop and lo.drop != "year") or hi.drop:
        return None
    if lo.unit and hi.unit and lo.unit != hi.unit:
        return None
    if lo.unit_text and hi.unit is None:
        return None  # "5% to 2024" or "6%-7" — not a range
    lo_value = lo.value
    if not lo.has_scale and hi.has_scale and (lo.unit is None or lo.unit_from_prefix):
        lo_value = lo.value * hi.scale_factor
    if lo_value > hi.value:
        return None
    return lo, hi


def _quantity(text: str, start: int, end: int, a: _Atom, **kw: object) -> Quantity:
    return Quantity(
        value=kw.pop("value", a.value),  # type: ignore[arg-type]
        value_high=kw.pop("value_high", None),  # type: ignore[arg-type]
        unit=kw.pop("unit", a.unit),  # type: ignore[arg-type]
        comparator=kw.pop("comparator", "exact"),  # type: ignore[arg-type]
        start=start,
        end=end,
        number_start=a.num_start,
        number_end=kw.pop("number_end", a.num_end),  # type: ignore[arg-type]
        raw=text[start:end],
        currency=kw.pop("currency", a.currency),  # type: ignore[arg-type]
        qualifiers=kw.pop("qualifiers", ()),  # type: ignore[arg-type]
        char_before=text[a.num_start - 1] if a.num_start > 0 else "",
        char_after=kw.pop("char_after", text[a.num_end] if a.num_end < len(text) else ""),  # type: ignore[arg-type]
        per=kw.pop("per", a.per),  # type: ignore[arg-type]
    )


def _resolve(lead: list[str | None], trail: str | None, more: bool) -> str:
    """Comparator from the qualifiers: a trailing word (左右/以上/以内) wins over a leading one."""
    if trail:
        return trail
    for c in reversed(lead):
        if c:
            return c
    if more:
        return "at_least"
    return "exact"


def parse_quantities(text: str, lang: str | None = None) -> list[Quantity]:
    """All quantities in ``text``, in text order and non-overlapping.

    ``lang`` narrows what counts as a numeral: ``"zh"`` ignores English number words, ``"en"``
    ignores Chinese numerals; ``None`` and ``"bilingual"`` accept both. Spans are offsets into
    ``text`` itself (full-width input is handled without normalising it first).
    """
    if lang not in _LANGS:
        raise ValueError(
            f"parse_quantities: unknown lang {lang!r}; expected one of zh, en, bilingual or None"
        )
    if not isinstance(text, str) or not text:
        return []
    t = to_halfwidth(text)
    dates = [(m.start(), m.end()) for m in _DATE_SPAN.finditer(t)]
    date_starts = [s for s, _ in dates]
    atoms = [a for a in (_make_atom(m, t, lang) for m in _atom_matches(t)) if a is not None]

    def settle(a: _Atom) -> None:
        """Decide whether ``a`` is a date, year or label; done only for atoms that need it."""
        if a.settled:
            return
        a.settled = True
        k = bisect.bisect_right(date_starts, a.num_start) - 1
        if k >= 0 and a.num_start < dates[k][1]:
            a.drop = "date"
        else:
            _classify(a, t)

    out: list[Quantity] = []
    list_group: list[tuple[int, Quantity]] = []  # (index in out, q) of the current 、-list
    i = 0
    prev_end = -1
    while i < len(atoms):
        a = atoms[i]
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        gap_sep = gap_and = False
        if nxt is not None:
            gap = t[a.end : nxt.start]
            gap_sep = bool(_RANGE_SEP.fullmatch(gap))
            gap_and = not gap_sep and bool(_RANGE_AND.fullmatch(gap))
        # a bare 三 or 一个 is never a quantity of its own (see below), only the low end of a range
        bare = not a.has_scale and (
            (a.kind != "arabic" and a.unit is None) or (a.kind == "cn" and a.value == 1 and a.unit == "units")
        )
        if bare and not (gap_sep or gap_and):
            i += 1
            continue
        settle(a)
        lead_words, lead_comps, lead_start = _lead_qualifiers(t, a.start)
        # a range?
        if nxt is not None and (gap_sep or gap_and):
            settle(nxt)
            # a bare 1000-2999 was provisionally taken for a year; 1000-1200万人 proves it was not
            lo_ok = not a.drop or (
                a.drop == "year" and a.unit is None and not nxt.drop and nxt.unit != "years"
            )
            between = bool(lead_words) and lead_words[-1].lower() == "between"
            sep_ok = lo_ok and (gap_sep or (between and gap_and))
            if sep_ok and not _FROM_RE.search(t, max(0, a.start - 8), lead_start):
                if nxt.drop in ("year", "date") and a.unit is None:
                    i += 2  # 2021-2025年, 1-2月
                    continue
                merged = _merge_range(a, nxt, t)
                if merged is not None:
                    lo, hi = merged
                    lo_value = (
                        lo.value * hi.scale_factor
                        if (not lo.has_scale and hi.has_scale and (lo.unit is None or lo.unit_from_prefix))
                        else lo.value
                    )
                    end = hi.end
                    words = [w for w in lead_words]
                    tr = _trail_qualifier(t, end)
                    if tr:
                        words.append(tr[0])
                        end = tr[2]
                    start = lead_start if lead_words else lo.start
                    q = _quantity(
                        text,
                        start,
                        end,
                        lo,
                        value=lo_value,
                        value_high=hi.value,
                        unit=hi.unit or lo.unit,
                        currency=hi.currency or lo.currency,
                        comparator="range",
                        number_end=hi.num_end,
                        qualifiers=tuple(words),
                        char_after=text[hi.num_end] if hi.num_end < len(text) else "",
                    )
                    if q.start >= prev_end:
                        out.append(q)
                        prev_end = q.end
                    list_group = []
                    i += 2
                    continue
        if a.drop or (a.kind != "arabic" and a.unit is None and not a.has_scale):
            i += 1
            continue
        if a.kind == "cn" and a.value == 1 and a.unit == "units" and not a.has_scale:
            i += 1  # 一个/一批/一项 are articles far more often than counts
            continue
        tr = _trail_qualifier(t, a.end)
        words = list(lead_words)
        end = a.end
        trail_comp: str | None = None
        if tr:
            words.append(tr[0])
            trail_comp = tr[1]
            end = tr[2]
        if a.more:
            words.append(a.more)
        # 近5年 / 近十年 means "the past five years", not "nearly five years"
        if lead_words and lead_words[-1] == "近" and a.unit == "years":
            lead_comps = lead_comps[:-1]
            words.remove("近")
            lead_words = lead_words[:-1]
        comp = _resolve(lead_comps, trail_comp, a.more)
        start = lead_start if lead_words else a.start
        if start < prev_end:
            start = max(prev_end, a.start)
        q = _quantity(text, start, end, a, comparator=comp, qualifiers=tuple(words))
        # a shared trailing qualifier of an 、-list applies to every item of the list
        if (
            list_group
            and list_group[-1][1].unit == q.unit
            and _LIST_SEP.fullmatch(t[list_group[-1][1].end : q.start])
        ):
            list_group.append((len(out), q))
        else:
            list_group = [(len(out), q)]
        if trail_comp and len(list_group) > 1:
            for idx, item in list_group[:-1]:
                if item.comparator == "exact" and not item.qualifiers:
                    out[idx].comparator = trail_comp
                    out[idx].qualifiers = (tr[0],) if tr else ()
        if trail_comp:
            list_group = []
        out.append(q)
        prev_end = q.end
        i += 1
    if "番" in t:
        out = _with_doublings(text, t, out)
    return out


_YI_WORDS = frozenset("统唯单同划万逐专均整合第")
_DOUBLING = re.compile(r"翻了?([一二两三四])?番")
_DOUBLINGS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4}


def _with_doublings(text: str, t: str, out: list[Quantity]) -> list[Quantity]:
    """翻一番 (doubling) is an increase of 100%, 翻两番 of 300%: a number with no digit in it."""
    for m in _DOUBLING.finditer(t):
        if any(q.start < m.end() and m.start() < q.end for q in out):
            continue
        n = _DOUBLINGS.get(m.group(1) or "一", 1)
        lead_words, lead_comps, lead_start = _lead_qualifiers(t, m.start())
        words, end, trail = list(lead_words), m.end(), None
        tr = _trail_qualifier(t, m.end())
        if tr:
            words.append(tr[0])
            trail, end = tr[1], tr[2]
        start = lead_start if lead_words else m.start()
        out.append(
            Quantity(
                value=float((2**n - 1) * 100),
                value_high=None,
                unit="percent",
                comparator=_resolve(lead_comps, trail, False),
                start=start,
                end=end,
                number_start=m.start(),
                number_end=m.end(),
                raw=text[start:end],
                qualifiers=tuple(words),
                char_before=text[m.start() - 1] if m.start() else "",
                char_after=text[m.end()] if m.end() < len(text) else "",
            )
        )
    return sorted(out, key=lambda q: q.start)
