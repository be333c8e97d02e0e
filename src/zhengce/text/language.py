"""Which language a line or a document is written in: Chinese, English, or both interleaved.

Only letters count: digits, punctuation and spaces say nothing about the language, and a
Chinese report is full of "5%", "GDP" or "2024". A Han character carries about as much text
as three Latin letters (an English word averages five letters, a Chinese word under two
characters), so Han counts are weighted by three before shares are compared; without that an
English paragraph with a few Chinese names would look "mostly Chinese" by length alone.
"""

from __future__ import annotations

import re

# CJK Unified Ideographs (+ Extension A, compatibility block, 〇) and the supplementary planes.
HAN_CLASS = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
LATIN_CLASS = "A-Za-z\u00c0-\u024f"

_HAN = re.compile(f"[{HAN_CLASS}]")
_LATIN = re.compile(f"[{LATIN_CLASS}]")

HAN_WEIGHT = 3
# A document is bilingual when each language holds at least this share of the weighted letters.
BILINGUAL_SHARE = 0.2


def is_han(ch: str) -> bool:
    """True for a single Han character (used in hot loops, hence no regex)."""
    return (
        "\u4e00" <= ch <= "\u9fff"
        or "\u3400" <= ch <= "\u4dbf"
        or "\uf900" <= ch <= "\ufaff"
        or ch == "\u3007"
        or "\U00020000" <= ch <= "\U0003134f"
    )


def letter_counts(text: str) -> tuple[int, int]:
    """``(han, latin)`` letter counts of ``text``."""
    return len(_HAN.findall(text)), len(_LATIN.findall(text))


def line_language(line: str) -> str | None:
    """ "zh" or "en" for a line by its weighted letters; None when it has no letters at all.

    A line of only numbers or punctuation ("2024", "——") has no language of its own; the
    caller decides from context (the enclosing block or the neighbouring lines).
    """
    han, latin = letter_counts(line)
    if not han and not latin:
        return None
    return "zh" if han * HAN_WEIGHT >= latin else "en"


def detect_language(text: str) -> str:
    """ "zh", "en" or "bilingual" for a whole document.

    Bilingual means both languages hold a substantial share (``BILINGUAL_SHARE``) of the
    weighted letters, as in an interleaved translation; a Chinese report quoting "GDP" or an
    English article naming "两会" stays monolingual. A text without letters is taken as
    Chinese, the corpus's language, rather than failing.
    """
    if not isinstance(text, str):
        raise TypeError(f"detect_language() expects text as str, got {type(text).__name__}")
    han, latin = letter_counts(text)
    zh = han * HAN_WEIGHT
    total = zh + latin
    if not total:
        return "zh"
    share_zh = zh / total
    if BILINGUAL_SHARE <= share_zh <= 1 - BILINGUAL_SHARE:
        return "bilingual"
    return "zh" if share_zh > 0.5 else "en"
