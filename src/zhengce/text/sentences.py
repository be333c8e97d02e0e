"""Sentence boundaries in normalised text, Chinese and English.

Spans are half-open ``(start, end)`` positions in the text that was passed in (the normalised
text), trimmed of surrounding whitespace. A line break always ends a sentence: in the reports a
line is a paragraph or a heading, and normalisation has already joined lines that a layout
broke in mid-sentence.

Chinese. A sentence ends after 。！？!? or an ellipsis (……), together with the closing quotes
and brackets that follow it. Quotes are respected: a short quotation in the middle of a
sentence (提出“稳中求进！”的总基调) does not end it, but direct speech introduced by a colon
(他说：“我们要加油。”然后…) ends after its closing quote, and a long multi-sentence quotation
is split inside.

The semicolon (；) is the one real decision. It joins clauses that could stand alone
(我国的经济原来是很落后的；如果…), and splitting there gives alignment and search finer units. But
the reports also use it to separate the items of a list that a colon introduces
(主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上；…): each item only means
something under its lead-in, and the official English keeps such a list in one sentence with
semicolons too. So by default (``semicolons="auto"``) a semicolon ends a sentence unless a
colon earlier in the same sentence opened a list. The gold segmentation of seed 002 has no
Chinese semicolons and keeps its one English "…services; we will…" whole; English semicolons are
therefore never boundaries.

English. A sentence ends after . ! ? (and closing quotes or brackets) when a space and a
capital letter, digit or opening quote follow, or at the end of the line. Abbreviations
(U.S., Mr., e.g., No. 1, Jan.), decimals, initials and a section label at the start of a line
("1. Striving…", "III. Major Tasks…") do not end a sentence.
"""

from __future__ import annotations

import re

from .language import is_han, line_language

ZH_TERMINATORS = set("。！？!?")
ZH_SEMICOLONS = set("；;")
ZH_COLONS = set(":：")
ELLIPSIS = "…"
OPEN_TO_CLOSE = {
    "“": "”",
    "‘": "’",
    "「": "」",
    "『": "』",
    "(": ")",
    "（": "）",
    "《": "》",
    "[": "]",
    "【": "】",
}
CLOSERS = set(OPEN_TO_CLOSE.values())
# A quotation shorter than this (in characters between its marks) is a phrase inside a
# sentence, not speech of its own; its punctuation never ends the enclosing sentence.
LONG_QUOTE = 30

# Abbreviations after which a full stop never ends an English sentence.
EN_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "jr",
    "sr",
    "gen",
    "sen",
    "rep",
    "gov",
    "pres",
    "co",
    "ltd",
    "inc",
    "corp",
    "dept",
    "vs",
    "e.g",
    "i.e",
    "cf",
    "approx",
    "fig",
    "vol",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
}
# ... and after which it does not end one when a number follows ("No. 1", "Art. 5").
EN_NUMBER_ABBREVIATIONS = {"no", "nos", "art", "para", "p", "pp", "sec", "ch"}
_BRACKETS = re.compile("[" + re.escape("".join(OPEN_TO_CLOSE) + "".join(CLOSERS)) + "]")
_ZH_MARKS = re.compile(
    "["
    + re.escape(
        "".join(OPEN_TO_CLOSE) + "".join(CLOSERS) + "".join(ZH_TERMINATORS | ZH_SEMICOLONS | ZH_COLONS)
    )
    + re.escape(ELLIPSIS + ".")
    + "]"
)
_EN_CANDIDATE = re.compile(r"(?:\.{2,}|…+|[.!?。！？]+)[\"'”’)\]]*")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_SECTION_LABEL = re.compile(r"(?:\d+(?:\.\d+)*|[IVXLC]+|[A-Za-z])")
_EN_OPENERS = set("\"'“‘([")
_SPACE = " \t"

SEMICOLON_MODES = ("auto", "always", "never")


def split_sentences(
    text: str, lang: str, start: int = 0, end: int | None = None, *, semicolons: str = "auto"
) -> list[tuple[int, int]]:
    """Sentence spans in ``text[start:end]`` (positions in ``text``), in order, trimmed.

    ``lang`` is "zh" or "en"; "bilingual" decides line by line. ``semicolons`` ("auto",
    "always", "never") says when a Chinese semicolon ends a sentence (see module docstring).
    """
    if not isinstance(text, str):
        raise TypeError(f"split_sentences() expects text as str, got {type(text).__name__}")
    if lang not in ("zh", "en", "bilingual"):
        raise ValueError(f"split_sentences(): unknown language {lang!r}; expected 'zh', 'en' or 'bilingual'")
    if semicolons not in SEMICOLON_MODES:
        raise ValueError(f"split_sentences(): semicolons={semicolons!r}; expected one of {SEMICOLON_MODES}")
    if end is None:
        end = len(text)
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"split_sentences(): span ({start}, {end}) outside text of length {len(text)}")
    spans: list[tuple[int, int]] = []
    ls = start
    while ls <= end:
        le = text.find("\n", ls, end)
        if le < 0:
            le = end
        if ls < le:
            line_lang = lang
            if lang == "bilingual":
                line_lang = line_language(text[ls:le]) or "zh"
            cuts = _cuts_zh(text, ls, le, semicolons) if line_lang == "zh" else _cuts_en(text, ls, le)
            prev = ls
            for c in [*cuts, le]:
                span = _trim(text, prev, c)
                if span:
                    spans.append(span)
                prev = c
        ls = le + 1
    return spans


def _trim(text: str, s: int, e: int) -> tuple[int, int] | None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if s < e else None


def _pairs(text: str, ls: int, le: int) -> dict[int, int]:
    """Matching closing position for each opening quote/bracket on the line (unclosed: line end)."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for m in _BRACKETS.finditer(text, ls, le):
        i, c = m.start(), m.group()
        if c in OPEN_TO_CLOSE:
            stack.append(i)
        elif c in CLOSERS:
            # close the innermost opener of the same kind; ignore a stray closer
            for k in range(len(stack) - 1, -1, -1):
                if OPEN_TO_CLOSE[text[stack[k]]] == c:
                    pairs[stack[k]] = i
                    del stack[k:]
                    break
    for i in stack:
        pairs[i] = le
    return pairs


def _cuts_zh(text: str, ls: int, le: int, semicolons: str) -> list[int]:
    pairs = _pairs(text, ls, le)
    cuts: list[int] = []
    open_stack: list[int] = []  # positions of the quotes/brackets we are inside
    colon_seen = False  # a colon at top level in the current sentence: it may open a list
    sentence_start = ls
    i = ls
    while True:
        m = _ZH_MARKS.search(text, i, le)  # jump to the next character that can matter
        if m is None:
            break
        i, c = m.start(), m.group()
        if i in pairs:
            open_stack.append(i)
            i += 1
            continue
        if c in CLOSERS:
            if open_stack and pairs[open_stack[-1]] == i:
                open_stack.pop()
            i += 1
            continue
        if c in ZH_COLONS and not open_stack:
            colon_seen = True
        is_term = c in ZH_TERMINATORS or c == ELLIPSIS or (c == "." and _zh_period(text, i, le))
        is_semi = c in ZH_SEMICOLONS
        if not is_term and not is_semi:
            i += 1
            continue
        # the terminator run and the closing marks that belong to this sentence
        j = i + 1
        while j < le and (text[j] in ZH_TERMINATORS or text[j] == ELLIPSIS or (is_term and text[j] == ".")):
            j += 1
        closed: list[int] = []
        while j < le and text[j] in CLOSERS:
            if open_stack and pairs[open_stack[-1]] == j:
                closed.append(open_stack.pop())
            j += 1
        if is_semi and not is_term:
            cut = semicolons == "always" or (semicolons == "auto" and not colon_seen)
            cut = cut and not open_stack and not closed
        elif open_stack:
            # still inside a quotation or brackets: split only a long, multi-sentence one
            q = open_stack[-1]
            cut = pairs[q] - q - 1 >= LONG_QUOTE
        elif closed:
            # the terminator ended a quotation: speech ends the sentence, a phrase does not
            q = closed[-1]
            cut = (
                j >= le
                or pairs[q] - q - 1 >= LONG_QUOTE
                or (q > ls and text[q - 1] in ZH_COLONS)
                or not text[sentence_start:q].strip()  # the whole sentence is quoted/bracketed
            )
        else:
            cut = True
        if cut and j < le:
            cuts.append(j)
            colon_seen = False
            sentence_start = j
        i = j
    return cuts


def _zh_period(text: str, i: int, le: int) -> bool:
    """An ASCII full stop (a normalised ．) ends a Chinese sentence when it follows a Han character
    (or a per cent sign, a closing mark) and is not inside a number or an English word."""
    if i == 0 or not (is_han(text[i - 1]) or text[i - 1] in "%”’》)"):
        return False
    return i + 1 >= le or not (text[i + 1].isascii() and text[i + 1].isalnum())


def _cuts_en(text: str, ls: int, le: int) -> list[int]:
    cuts: list[int] = []
    for m in _EN_CANDIDATE.finditer(text, ls, le):
        s, j = m.span()
        k = j
        while k < le and text[k] in _SPACE:
            k += 1
        if k >= le:
            continue  # end of line: a boundary anyway
        term = m.group().rstrip("\"'”’)]")
        if term[-1] in "。！？":
            cuts.append(j)
            continue
        nxt = text[k]
        if k == j and term[-1] in "?!" and nxt.isupper():
            cuts.append(j)  # a space lost in scraping: "in 2024?What are…"
            continue
        if k == j or not (nxt.isupper() or nxt.isdigit() or nxt in _EN_OPENERS or is_han(nxt)):
            continue
        if term == "." and not _en_period_ends(text, ls, s, nxt):
            continue
        cuts.append(j)
    return cuts


def _en_period_ends(text: str, ls: int, dot: int, nxt: str) -> bool:
    """Whether a single full stop at ``dot`` ends a sentence, given the next word starts ``nxt``."""
    p = dot
    while p > ls and not text[p - 1].isspace():
        p -= 1
    token = text[p:dot].lstrip("\"'“‘([")
    if not token:
        return True
    low = token.lower()
    if low in EN_ABBREVIATIONS:
        return False
    if low in EN_NUMBER_ABBREVIATIONS and nxt.isdigit():
        return False
    if _DOTTED.fullmatch(token):  # U.S. / e.g. / P.R.C.
        return False
    if len(token) == 1 and token.isupper():  # an initial: Xi J. Ping
        return False
    # a section label opening the line: "1. Striving…", "III. Major Tasks", "2.3. Scope"
    return not (text[ls:p].strip() == "" and _SECTION_LABEL.fullmatch(token))
