"""Search tokens for BM25: words of Chinese (rjieba), English (lowercase) and numbers.

Documents and queries must be tokenised the same way or a term never matches, so both go
through :func:`search_tokens`'s run-by-run scheme: Han runs are cut by rjieba, Latin runs become
lowercase words, numbers stay whole with their decimal point and per cent sign ("5.5%",
"1.3"), exactly as rjieba itself keeps them inside Chinese text. Punctuation and whitespace are
never tokens.
"""

from __future__ import annotations

import re

import rjieba

from .language import HAN_CLASS
from .normalise import fold

_LETTER = rf"(?:(?![{HAN_CLASS}])[^\W\d_])"  # a letter of any alphabet but Han
_RUNS = re.compile(
    rf"(?P<han>[{HAN_CLASS}]+)"
    r"|(?P<num>\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?%?|\d+(?:\.\d+)*%?)"
    r"|(?P<abbr>(?:[A-Za-z]\.){2,})"
    rf"|(?P<word>{_LETTER}+(?:['’]{_LETTER}+)*)"
)
_POSSESSIVE = re.compile(r"['’]s$")


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    for m in _RUNS.finditer(text):
        kind = m.lastgroup
        tok = m.group()
        if kind == "han":
            out.extend(rjieba.cut(tok))
        elif kind == "abbr":  # U.S. -> "us", the same token however it is dotted
            out.append(tok.replace(".", "").lower())
        elif kind == "num":
            out.append(tok.replace(",", ""))
        else:
            out.append(_POSSESSIVE.sub("", tok.lower()))
    return out


def tokenize(text: str, lang: str) -> list[str]:
    """Tokens of an already normalised sentence in ``lang`` ("zh", "en" or "bilingual").

    Chinese goes through rjieba word by word; English becomes lowercase words ("China's" ->
    "china", "R&D" -> "r", "d"); numbers keep their form ("5.2%"; "1,200" -> "1200").
    """
    if not isinstance(text, str):
        raise TypeError(f"tokenize() expects text as str, got {type(text).__name__}")
    if lang not in ("zh", "en", "bilingual"):
        raise ValueError(f"tokenize(): unknown language {lang!r}; expected 'zh', 'en' or 'bilingual'")
    # One scheme for every language keeps document and query tokens comparable; the language
    # only matters to rjieba, which sees Han runs alone.
    return _tokens(text)


def search_tokens(text: str) -> list[str]:
    """Tokens of free text such as a user's query, in any mix of Chinese and English.

    The text is folded first (full-width to ASCII, traditional to simplified) so that a query
    typed as ＧＤＰ增長５％ finds documents normalised to "GDP增长5%".
    """
    if not isinstance(text, str):
        raise TypeError(f"search_tokens() expects text as str, got {type(text).__name__}")
    return _tokens(fold(text))
