"""Numbers as policy documents write them: Arabic, Chinese, English words, with scales.

Reports mix ``1200万``, ``一千二百万``, ``3.9万亿``, ``12 million`` and full-width ``１２００``
freely, often in one paragraph. Everything here converts one *already isolated* number string
to a float; finding numbers inside running text is the job of :mod:`zhengce.extract.quantities`.

Arithmetic is done in :class:`decimal.Decimal` so that ``3.9万亿`` becomes exactly the float
nearest 3.9e12 rather than ``3.9000000000000004e12``: values are compared for equality by the
statement layer and by the gold-set scorers.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = [
    "CN_DIGITS",
    "CN_SCALES",
    "EN_SCALES",
    "FULLWIDTH",
    "parse_number",
    "parse_chinese",
    "parse_english_words",
    "scale_multiplier",
    "to_halfwidth",
]

#: Length-preserving map of full-width forms to ASCII, so that spans found in the mapped text are
#: valid in the original. NFKC would do the same for these characters, but NFKC can change the
#: length of other characters and therefore break offsets.
FULLWIDTH = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "％": "%",
        "．": ".",
        "－": "-",
        "～": "~",
        "＄": "$",
        "（": "(",
        "）": ")",
        "\u3000": " ",
        "［": "[",
        "］": "]",
        "﹪": "%",
        "\u2212": "-",  # minus sign
    }
)

CN_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
#: Scale characters that may follow an Arabic number (``3.9万亿``) or close a Chinese one.
CN_SCALES: dict[str, int] = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
EN_SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
_EN_ONES: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_EN_TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
EN_WORD_NUMBERS: dict[str, int] = {**_EN_ONES, **_EN_TENS}

_ARABIC_WITH_SCALE = re.compile(
    r"(?P<num>[0-9]+(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
    r"\s*(?P<scale>[十百千万亿]*|(?:(?:hundred|thousand|million|billion|trillion)\s*)*)",
    re.IGNORECASE,
)
_CN_CHARS = set(CN_DIGITS) | set(_CN_SMALL_UNITS) | {"万", "亿", "点"}
_CN_NUMERAL_RE = r"[零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟点]+"
_FRACTION = re.compile(
    r"(" + _CN_NUMERAL_RE + r"|[0-9]+)分之(" + _CN_NUMERAL_RE + r"|[0-9]+(?:\.[0-9]+)?)"
    r"|([0-9]+)/([0-9]+)"
)
_MIXED = re.compile(r"[0-9]+(?:\.[0-9]+)?(?:[十百千万亿]+[0-9]+(?:\.[0-9]+)?)+[十百千万亿]*")
# No real number is written with more characters than this; longer runs are junk (or an attack on
# the recursive Chinese parser), so they are refused before any parsing.
_MAX_LEN = 80
_DIGIT_GAP = re.compile(r"(?<=[0-9])[ \u00a0]+(?=[0-9])")
# "8 .8" / "8. 8": a decimal point that scraping separated from its digits
_POINT_GAP = re.compile(r"(?<=[0-9])[ \u00a0]*\.[ \u00a0]*(?=[0-9])")
_MIDDLE_DOT = re.compile(r"(?<=[0-9])[·・](?=[0-9])")


# Normalised text rarely holds any of these, and finding none is ten times faster than translating.
_ANY_FULLWIDTH = re.compile("[" + "".join(re.escape(chr(c)) for c in FULLWIDTH) + "]")


def to_halfwidth(text: str) -> str:
    """Map full-width digits and signs to ASCII without changing the text's length."""
    return text.translate(FULLWIDTH) if _ANY_FULLWIDTH.search(text) else text


def scale_multiplier(scale: str) -> int:
    """The factor a run of scale words stands for: ``万亿`` → 10**12, ``千万`` → 10**7, ``million`` → 10**6.

    Chinese scale runs multiply (``万亿`` is ten thousand hundred-millions), and so do English
    ones (``thousand million``), which is why this is a product and not a lookup.
    """
    s = scale.strip()
    if not s:
        return 1
    factor = 1
    if s[0].isascii():
        words = s.lower().split()
        for w in words:
            if w not in EN_SCALES:
                raise ValueError(f"not a scale word: {w!r} in {scale!r}")
            factor *= EN_SCALES[w]
        return factor
    for ch in s:
        if ch not in CN_SCALES:
            raise ValueError(f"not a scale character: {ch!r} in {scale!r}")
        factor *= CN_SCALES[ch]
    return factor


def _cn_section(s: str, whole: str) -> int:
    """Value of a Chinese numeral below 10**4 (no 万/亿 inside): ``一千二百零五`` → 1205."""
    total = 0
    digit: int | None = None
    last_unit = 10**5
    after_unit = False  # the previous character was 十/百/千 (for the colloquial 一千二 = 1200)
    for ch in s:
        if ch in CN_DIGITS:
            if digit is not None and digit != 0 and CN_DIGITS[ch] != 0:
                raise ValueError(f"two digits without a unit between them in {whole!r}")
            digit = CN_DIGITS[ch]
            if after_unit and digit and last_unit >= 100 and s[-1] == ch:
                # 一千二 / 三百五: a final digit right after 百/千 counts in the next unit down
                digit *= last_unit // 10
            after_unit = False
        elif ch in _CN_SMALL_UNITS:
            unit = _CN_SMALL_UNITS[ch]
            if unit >= last_unit:
                raise ValueError(f"units out of order in {whole!r}")
            if digit is None:
                if ch not in "十拾" or total:
                    raise ValueError(f"{ch!r} without a digit before it in {whole!r}")
                digit = 1
            total += digit * unit
            digit = None
            last_unit = unit
            after_unit = True
        else:
            raise ValueError(f"not a Chinese numeral character: {ch!r} in {whole!r}")
    if digit is not None:
        total += digit
    return total


def _cn_integer(s: str, whole: str) -> int:
    """Value of a Chinese integer with optional 万/亿 groups: ``三万亿`` → 3×10**12."""
    if not s:
        raise ValueError(f"empty numeral part in {whole!r}")
    if len(s) >= 2 and all(ch in CN_DIGITS for ch in s):
        # digit-by-digit writing: 二〇二四, 一九四九
        return int("".join(str(CN_DIGITS[ch]) for ch in s))
    for mark, group in (("亿", 10**8), ("万", 10**4)):
        i = s.rfind(mark)
        if i < 0:
            continue
        high, low = s[:i], s[i + 1 :]
        value = _cn_integer(high, whole) * group
        if len(low) == 1 and low in CN_DIGITS:
            # 两万五 = 25000: a lone digit right after the group mark counts in the next unit down
            return value + CN_DIGITS[low] * group // 10
        low = low.lstrip("零〇")
        if low:
            value += _cn_integer(low, whole) if mark == "亿" else _cn_section(low, whole)
        return value
    return _cn_section(s, whole)


def _cn_decimal(s: str) -> Decimal:
    """Value of a Chinese numeral, possibly with 点 and a trailing scale: ``三点五万`` → 35000."""
    if not s or any(ch not in _CN_CHARS for ch in s):
        raise ValueError(f"not a Chinese numeral: {s!r}")
    if "点" not in s:
        return Decimal(_cn_integer(s, s))
    int_part, _, rest = s.partition("点")
    frac_digits = ""
    j = 0
    while j < len(rest) and rest[j] in CN_DIGITS:
        frac_digits += str(CN_DIGITS[rest[j]])
        j += 1
    scale = rest[j:]
    if not frac_digits:
        raise ValueError(f"no digits after 点 in {s!r}")
    base = Decimal(_cn_integer(int_part, s) if int_part else 0) + Decimal("0." + frac_digits)
    return base * scale_multiplier(scale)


def parse_chinese(s: str) -> float:
    """Parse a purely Chinese numeral (``一千二百万``, ``两``, ``十五``, ``二〇二四``, ``三点五``)."""
    return float(_cn_decimal(s.strip()))


def _en_words(s: str) -> Decimal:
    """English number words: ``twelve``, ``twenty-five``, ``two hundred``, ``three million``."""
    words = re.split(r"[\s-]+", s.strip().lower())
    words = [w for w in words if w and w != "and"]
    if not words:
        raise ValueError(f"not a number: {s!r}")
    total = 0
    current = 0
    seen = False
    for w in words:
        if w in _EN_ONES:
            current += _EN_ONES[w]
        elif w in _EN_TENS:
            current += _EN_TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in EN_SCALES:
            total += (current or 1) * EN_SCALES[w]
            current = 0
        else:
            raise ValueError(f"not a number word: {w!r} in {s!r}")
        seen = True
    if not seen:
        raise ValueError(f"not a number: {s!r}")
    return Decimal(total + current)


def parse_english_words(s: str) -> float:
    """Parse English number words (``twelve million``); raises ValueError on anything else."""
    return float(_en_words(s))


def _mixed(s: str) -> Decimal:
    """Arabic digits interleaved with Chinese scales: ``1亿3千万`` → 1.3e8, ``3万5千`` → 35000."""
    for mark, group in (("亿", 10**8), ("万", 10**4)):
        i = s.rfind(mark)
        if i >= 0:
            high, low = s[:i], s[i + 1 :]
            if not high:
                raise ValueError(f"{mark!r} without a number before it in {s!r}")
            return _mixed(high) * group + (_mixed(low) if low else 0)
    total = Decimal(0)
    for m in re.finditer(r"([0-9]+(?:\.[0-9]+)?)([十百千]?)|(.)", s):
        if m.group(3):
            raise ValueError(f"unexpected {m.group(3)!r} in {s!r}")
        total += Decimal(m.group(1)) * (_CN_SMALL_UNITS[m.group(2)] if m.group(2) else 1)
    return total


def _fraction(t: str) -> Decimal | None:
    """``三分之一`` and ``1/3`` → one third; None when ``t`` is not written as a fraction."""
    m = _FRACTION.fullmatch(t)
    if not m:
        return None

    def part(x: str) -> Decimal:
        if x in CN_SCALES:  # 百分之五, 千分之三: the denominator is a bare scale
            return Decimal(CN_SCALES[x])
        return Decimal(x) if x[0].isdigit() else _cn_decimal(x)

    if m.group(1):  # 三分之一: denominator first
        den, num = part(m.group(1)), part(m.group(2))
    else:
        num, den = part(m.group(3)), part(m.group(4))
    if den == 0:
        raise ValueError(f"zero denominator in {t!r}")
    return num / den


def parse_number(s: str) -> float:
    """Parse one isolated number with its scale into a float.

    ``"3.9万亿"`` → 3.9e12, ``"一千二百万"`` → 1.2e7, ``"两"`` → 2, ``"12 million"`` → 1.2e7,
    ``"1,200"`` → 1200, ``"１２００"`` → 1200, ``"1 9 9 8"`` → 1998 (digits spaced out by old
    typesetting), ``"4·3"`` → 4.3 (old typesetting's decimal point), ``"1亿3千万"`` → 1.3e8,
    ``"三分之一"`` / ``"1/3"`` → 0.333…. Raises :class:`ValueError` naming the input when it is
    not a number, so callers can skip it.
    """
    if not isinstance(s, str):
        raise ValueError(f"not a number: {s!r} (expected a string)")
    t = to_halfwidth(s).strip()
    if not t:
        raise ValueError(f"not a number: {s!r} (empty)")
    if len(t) > _MAX_LEN:
        raise ValueError(f"not a number: {s[:20]!r}… ({len(s)} characters is too long for one number)")
    t = _DIGIT_GAP.sub("", t).replace("，", ",")
    t = _POINT_GAP.sub(".", t)
    t = _MIDDLE_DOT.sub(".", t)
    try:
        m = _ARABIC_WITH_SCALE.fullmatch(t)
        if m:
            num = Decimal(m.group("num").replace(",", ""))
            return float(num * scale_multiplier(m.group("scale")))
        frac = _fraction(t)
        if frac is not None:
            return float(frac)
        if _MIXED.fullmatch(t):
            return float(_mixed(t))
        if t[0] in _CN_CHARS:
            return float(_cn_decimal(t))
        if t[0].isascii() and t[0].isalpha():
            return float(_en_words(t))
    except (ValueError, InvalidOperation, ArithmeticError) as exc:  # ArithmeticError: overflow
        raise ValueError(f"not a number: {s!r} ({exc})") from None
    raise ValueError(f"not a number: {s!r}")
