"""A normalised view of a text that never loses the original.

Every later stage (structure, sentences, numbers, search) works on one canonical form: NFKC
(full-width digits, letters and ％ become ASCII), simplified characters, clean whitespace,
repaired line breaks, no licence footers. Every derived span must still point at the exact
characters the user ingested, so each stage also rewrites an offset map:
``offsets[i]`` is the original index of normalised character ``i`` and a final entry holds
``len(original)``.

Speed matters (the whole national corpus is normalised on ingest), so per-character work is
done with ``str.translate`` and regexes, and the offset map is only rebuilt around the places
a stage actually changed (list slices are copied in C; Python code runs once per edit, not once
per character).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from importlib import resources

from ..model import NormText
from .boilerplate import find_boilerplate
from .language import HAN_CLASS, is_han

# Characters NFKC would change but that carry meaning in Chinese text:
# 。、“”‘’《》 are the Chinese punctuation downstream code expects; … would become "..." and
# change the length of "……"; circled and parenthesised numbers (①, ⑴) would become bare
# digits glued to the following text ("①国内生产总值" -> "1国内生产总值", a false number);
# superscripts would do the same to powers ("10²" -> "102").
_KEEP = (
    set("。、“”‘’《》…")
    | {chr(c) for c in range(0x2460, 0x2500)}
    | set("¹²³")
    | {chr(c) for c in range(0x2070, 0x2080)}
)
# Invisible characters that only break matching: zero-width space/joiners, BOM, word joiner,
# soft hyphen, Mongolian vowel separator; plus C0/C1 control characters.
_DELETE = (
    set("\u200b\u200c\u200d\ufeff\u2060\u00ad\u180e\x7f")
    | {chr(c) for c in range(0x00, 0x20) if chr(c) not in "\t\n\r\x0b\x0c"}
    | {chr(c) for c in range(0x80, 0xA0) if c != 0x85}
)
# Line and page separators that mean "new line".
_NEWLINE = set("\x0b\x0c\x85\u2028\u2029")

_CHAR_MAP: dict[str, str] = {}  # per-character mapping, filled lazily (NFKC + T2S per char)
_T2S: dict[str, str] | None = None
_T2S_TABLE: dict[int, str] | None = None

# Lines shorter than these are never continued: they are headings, titles, signatures.
ZH_MIN_LINE = 20
EN_MIN_LINE = 30

# A label that opens a heading or list item: 一、 (一) （一） 1. 1、 第一章 III. ①
_LABEL = re.compile(
    r"(?:[一二三四五六七八九十百]+[、是]|[(（][一二三四五六七八九十百\d]+[)）]|\d{1,2}[.、．](?!\d)"
    r"|第[一二三四五六七八九十百\d]+[章节部分条篇]|[IVXLC]+\.\s|[\u2460-\u24ff])"
)
_TERMINAL = set("。!?！？;；…")
_SENTENCE_END = _TERMINAL | {"."}
# Punctuation that Chinese typography never puts at the start of a line: a line that starts
# with one was broken in the middle of a sentence.
_NO_LINE_START = set(",，。、;；:：!！?？)）」』”’》")
_OPENERS = set("“《「『(（")
_CJK_PUNCT = set("，。、；：！？“”‘’《》「」『』（）—…")


def _t2s() -> dict[str, str]:
    """Traditional -> simplified, one character to one character, from OpenCC's data file.

    Only 1:1 entries are used so that the conversion keeps the text's length (and the offset
    map stays an identity for this step); the first candidate is the common reading.
    """
    global _T2S
    if _T2S is None:
        path = resources.files("opencc") / "dictionary" / "TSCharacters.txt"
        try:
            data = path.read_text(encoding="utf-8")
        except (FileNotFoundError, OSError) as e:  # pragma: no cover - broken installation
            raise RuntimeError(
                f"traditional->simplified table not found at {path}: reinstall opencc-python-reimplemented"
            ) from e
        table: dict[str, str] = {}
        for line in data.splitlines():
            parts = line.split("\t")
            if len(parts) < 2 or not parts[1].split():
                continue
            trad, simp = parts[0], parts[1].split()[0]
            if len(trad) == 1 and len(simp) == 1 and trad != simp:
                table[trad] = simp
        _T2S = table
    return _T2S


def _t2s_table() -> dict[int, str]:
    global _T2S_TABLE
    if _T2S_TABLE is None:
        _T2S_TABLE = {ord(k): v for k, v in _t2s().items()}
    return _T2S_TABLE


def to_simplified(s: str) -> str:
    """Traditional characters to simplified, character by character (length-preserving).

    For queries: a user typing 國務院 should find 国务院 in the normalised documents.
    """
    return s.translate(_t2s_table())


def _map_char(c: str) -> str:
    """What one original character becomes in the normalised view ('' = dropped)."""
    if c in _DELETE:
        return ""
    if c in _NEWLINE:
        return "\n"
    base = c if c in _KEEP else unicodedata.normalize("NFKC", c)
    t2s = _t2s()
    out = []
    for ch in base:
        if ch.isspace() and ch not in "\n\t":
            ch = " "  # U+3000, no-break and other odd spaces
        elif ch in _DELETE:
            continue
        out.append(t2s.get(ch, ch))
    return "".join(out)


def _char_mapping(chars: Iterable[str]) -> tuple[dict[int, str], dict[str, str]]:
    """Split the changed characters into a 1:1 translate table and the rest (drop/expand)."""
    table: dict[int, str] = {}
    special: dict[str, str] = {}
    for c in chars:
        if " " <= c < "\x7f" or c in "\t\n\r":
            continue  # printable ASCII never changes
        m = _CHAR_MAP.get(c)
        if m is None:
            m = _CHAR_MAP[c] = _map_char(c)
        if m == c:
            continue
        if len(m) == 1:
            table[ord(c)] = m
        else:
            special[c] = m
    return table, special


Edit = tuple[int, int, str]


def _apply(text: str, offsets: list[int], edits: list[Edit]) -> tuple[str, list[int]]:
    """Replace sorted, non-overlapping spans and carry the offset map along.

    A replacement's characters map to the replaced characters position by position; when it is
    longer than what it replaces, the surplus maps to the last replaced character (an
    expansion such as ㈠ -> "(一)" points back at ㈠ as a whole).
    """
    if not edits:
        return text, offsets
    parts: list[str] = []
    offs: list[int] = []
    pos = 0
    for s, e, r in edits:
        parts.append(text[pos:s])
        offs += offsets[pos:s]
        if r:
            n = e - s
            if n == len(r):
                offs += offsets[s:e]
            elif n == 0:
                offs += [offsets[s]] * len(r)
            else:
                offs += [offsets[s + min(j, n - 1)] for j in range(len(r))]
            parts.append(r)
        pos = e
    parts.append(text[pos:])
    offs += offsets[pos:]
    return "".join(parts), offs


def _sub(text: str, offsets: list[int], pattern: re.Pattern[str], repl: str) -> tuple[str, list[int]]:
    return _apply(text, offsets, [(m.start(), m.end(), repl) for m in pattern.finditer(text)])


_CR = re.compile(r"\r\n?")
_INVISIBLE_LINE = re.compile(r"(?<=[^\n])\n[\u200b\u200c\u200d\u2060\ufeff]+\n(?=[^\n])")
_INVISIBLE_LINE_MID = re.compile(
    rf"(?<=[{HAN_CLASS}，、,])\n[\u200b\u200c\u200d\u2060\ufeff]+\n(?=[{HAN_CLASS}\d“《])"
)
_SPACE_NL = re.compile(r"[ \t]++\n[ \t]*+|\n[ \t]++")
_SPACE_RUN = re.compile(r"[ \t]{2,}|\t")
_BLANKS = re.compile(r"\n{3,}")


def _per_char(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """NFKC, simplified characters, odd spaces and invisible characters, in one or two passes."""
    table, special = _char_mapping(set(text))
    if table:
        text = text.translate(table)
    if special:
        pattern = re.compile("[" + "".join(re.escape(c) for c in special) + "]")
        text, offsets = _apply(
            text, offsets, [(m.start(), m.end(), special[m.group()]) for m in pattern.finditer(text)]
        )
    return text, offsets


def _strip(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Drop leading and trailing whitespace of the whole text; the final offset entry stays."""
    a = len(text) - len(text.lstrip())
    b = len(text.rstrip())
    if a == 0 and b == len(text):
        return text, offsets
    if a >= b:
        return "", [offsets[-1]]
    return text[a:b], offsets[a:b] + [offsets[-1]]


def _is_heading_like(head: str, has_terminal: bool, last: str) -> bool:
    """A line that opens with a label (一、 (一) 1. 一是) or a subtitle dash and has no sentence
    end; a line ending in a comma is a clause, never a heading."""
    if has_terminal or last.endswith((",", "，", "、")):
        return False
    return bool(_LABEL.match(head)) or head.startswith(("—", "-", "－"))


def _join_kind(acc_len: int, acc_head: str, acc_term: bool, last: str, nxt: str) -> tuple[str, bool] | None:
    """How to join a logical line (ending with physical line ``last``) to line ``nxt``.

    Returns ``(separator, certain)``: separator "" for Chinese, " " for English; ``certain``
    when punctuation proves the break is mid-sentence, otherwise the join is only a guess from
    line lengths that :func:`_repair_lines` confirms once it sees where the sentence ends.
    None keeps the break.
    """
    if not last or not nxt:
        return None
    a, b = last[-1], nxt[0]
    zh_ctx = is_han(a) or a in _CJK_PUNCT or any(map(is_han, last[-8:]))
    # A line cannot start with a closing mark, nor end with an opening one (Chinese typography).
    if b in _NO_LINE_START and zh_ctx:
        return "", True
    if is_han(b) and (a in _OPENERS or last.endswith("——")):
        return "", True
    if _LABEL.match(nxt) or _is_heading_like(acc_head, acc_term, last):
        return None
    if acc_len >= ZH_MIN_LINE and zh_ctx:
        if is_han(a) or a in ",，、":
            if is_han(b) or b.isdigit() or b in "“《「":
                return "", False
        # a number cut by the layout: "增长5.\n2%", "达到134\n.9万亿元", "突破1.4\n万亿斤"
        elif (a.isdigit() or a in ".%") and (b.isdigit() or b in ".%" or is_han(b)):
            return "", False
    en_open = a.islower() or (a == "," and len(last) > 1 and last[-2].isalpha())
    if acc_len >= EN_MIN_LINE and en_open and b.islower():
        return " ", False
    return None


_CLOSERS = "”’」』)）》\"'"


def _ends_sentence(line: str) -> bool:
    return line.rstrip(_CLOSERS)[-1:] in _SENTENCE_END


def _repair_lines(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Join lines broken in mid-sentence (PDF layout, hyperlinks split out by a scraper).

    Joins guessed from line lengths are kept only if the text after the join reaches a sentence
    end before the joined run stops: a run such as "…在省人民代表大会第三次会议上" / "省长 某某" / "各位代表：" (a title block of
    one-paragraph lines) is long and ends in Han characters, but it never reaches a 。, so it
    stays apart, whereas a PDF paragraph or a scraped hyperlink always runs on to its full stop.
    """
    if "\n" not in text:
        return text, offsets
    edits: list[Edit] = []
    chain: list[tuple[Edit, bool]] = []
    chain_ends: list[bool] = []  # whether the line after each join contains a sentence end

    def close(last_line: str) -> None:
        # a guessed join stands if the text after it reaches a sentence end within the chain
        confirmed = _ends_sentence(last_line)
        for (edit, certain), has_end in zip(reversed(chain), reversed(chain_ends), strict=True):
            confirmed = confirmed or has_end
            if certain or confirmed:
                edits.append(edit)
        chain.clear()
        chain_ends.clear()

    lines = text.split("\n")
    pos = len(lines[0]) + 1  # start of the current physical line
    acc_len = len(lines[0])
    acc_head = lines[0]
    acc_term = any(c in _TERMINAL for c in lines[0])
    last = lines[0]
    for line in lines[1:]:
        kind = _join_kind(acc_len, acc_head, acc_term, last, line)
        if kind is None:
            close(last)
            acc_len, acc_head = len(line), line
            acc_term = any(c in _TERMINAL for c in line)
        else:
            has_end = any(c in _TERMINAL for c in line) or ". " in line or _ends_sentence(line)
            chain.append(((pos - 1, pos, kind[0]), kind[1]))
            chain_ends.append(has_end)
            acc_len += len(line)
            acc_term = acc_term or has_end
        last = line
        pos += len(line) + 1
    close(last)
    edits.sort()
    return _apply(text, offsets, edits)


def normalise(original: str) -> NormText:
    """The normalised view of ``original`` with its offset map (see the module docstring).

    Steps, in order: CR/CRLF -> LF; lines of invisible characters dropped; per-character
    NFKC + traditional->simplified + invisible characters; boilerplate removal; spaces
    collapsed and trimmed at line ends (leading ones too: indentation carries no meaning
    once headings are recognised by their labels); runs of blank lines -> one blank line;
    mid-sentence line breaks repaired.
    """
    if not isinstance(original, str):
        raise TypeError(f"normalise() expects the document text as str, got {type(original).__name__}")
    text, offsets = original, list(range(len(original) + 1))
    if "\r" in text:
        text, offsets = _sub(text, offsets, _CR, "\n")
    if "\u200b" in text or "\ufeff" in text:
        # a line holding only invisible characters inside a paragraph is scraper residue
        # ("交出一份人\n\u200b\n民满意"), not a blank line between paragraphs
        # inside a word or clause ("人\n\u200b\n民") it is no break at all
        text, offsets = _sub(text, offsets, _INVISIBLE_LINE_MID, "")
        text, offsets = _sub(text, offsets, _INVISIBLE_LINE, "\n")
    text, offsets = _per_char(text, offsets)
    bp = find_boilerplate(text)
    if bp:
        text, offsets = _apply(text, offsets, [(s, e, "") for s, e, _ in bp])
    text, offsets = _sub(text, offsets, _SPACE_NL, "\n")
    text, offsets = _sub(text, offsets, _SPACE_RUN, " ")
    text, offsets = _strip(text, offsets)
    text, offsets = _sub(text, offsets, _BLANKS, "\n\n")
    text, offsets = _repair_lines(text, offsets)
    offsets[-1] = len(original)
    return NormText(text=text, offsets=offsets)


def fold(s: str) -> str:
    """The per-character part of normalisation, for queries and short strings without offsets:
    NFKC, simplified characters, invisible characters dropped, whitespace runs -> one space."""
    table, special = _char_mapping(set(s))
    if table:
        s = s.translate(table)
    for c, r in special.items():
        s = s.replace(c, r)
    return " ".join(s.split())
