"""The structure tree of a report: parts, tasks, items, headings and paragraphs.

A Government Work Report is organised by labels: parts ``一、`` (level 1), tasks ``(一)``
(level 2), items ``1.`` / ``1、`` / ``(1)`` / ``①`` (level 3); its English translation by roman
parts ``III.`` and numbered headings ``1. Striving to …``. Labels alone are not trustworthy —
``一、二、三产业`` starts a sentence, ``1.3万亿`` starts a number, old reports reuse ``一、`` for
sub-lists — so a label is only structure when it belongs to a consecutive *chain*
(``(一)(二)(三)…``); one that breaks the sequence badly stays a paragraph.

Everything is computed on the normalised text and every block carries its span both there
(``norm_start/norm_end``) and in the original (``start/end``, via :meth:`NormText.to_original`),
so the tree can always point at the characters the user ingested.

Layout of the text matters too. Wikisource-style sources separate paragraphs by blank lines and
break lines inside a paragraph around every hyperlink ("(PM\\n2.5\\n)"); when a document is laid
out that way, lines separated by a single newline are one paragraph. Otherwise every line is one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Block, NormText
from .text.language import line_language

_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_TERMINAL = "。．.！!？?；;"
_CONTINUES = "，,、：:…"  # a line ending like this is not a heading
_ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}

_ZH_NUM = "[一二三四五六七八九十]{1,3}"
_OPEN, _CLOSE = "[(（]", "[)）]"
_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("zh_part", re.compile(rf"({_ZH_NUM})[、．.]")),
    ("zh_task", re.compile(rf"{_OPEN}({_ZH_NUM}){_CLOSE}")),
    ("item_paren", re.compile(rf"{_OPEN}(\d{{1,2}}){_CLOSE}")),
    ("item_circled", re.compile(f"([{_CIRCLED}])")),
    ("en_part", re.compile(r"([IVXL]{1,6})\.\s+(?=[A-Z\"“‘'])")),
    ("en_num", re.compile(r"(\d{1,2})\.\s+(?=[A-Z\"“‘'(])")),
    ("item_dot", re.compile(r"(\d{1,2})[.．](?![\d\s])|(\d{1,2})[.．](?=\s+[\u4e00-\u9fff])")),
    ("item_dot_weak", re.compile(r"(\d{1,2})[.．](?=\d)")),  # "8.6个专项" in a list, or "1.3万亿"
    ("item_comma", re.compile(r"(\d{1,2})、")),
)
_SALUTATION = re.compile(r"^(各位代表|Fellow Deputies|Distinguished Deputies|Dear Deputies)\s*[：:！!,，]?\s*$", re.I)
_BYLINE = re.compile(
    r"Updated on|Release Time|Published|Source:|Editor|Reporter|Photo:|记者|来源|编辑|通讯员|发布时间|更新时间", re.I
)
_KEY_VALUE = re.compile(r"^[^：:]{1,12}[：:]\s*\S")  # "来源：解放日报", "Editor: Zhang Xu"


@dataclass
class _Unit:
    """One paragraph of the normalised text: a line, or soft-wrapped lines joined."""

    start: int
    end: int
    text: str
    lang: str | None = None
    family: str | None = None  # label family when the unit starts with a label
    ordinal: int | None = None
    number: str | None = None
    label_end: int = 0  # index in ``text`` where the label stops
    weak: bool = False  # a label that may also be a number ("1.3万亿")
    heading_like: bool = False  # a short unlabeled line without terminal punctuation
    front: bool = False  # date/speaker/source lines before the salutation
    # decided later
    kind: str = "paragraph"
    translation_of: int | None = None  # unit index of the Chinese label this English one renders
    divider: bool = False  # an unlabeled heading that stands in for a part

    @property
    def rest(self) -> str:
        return self.text[self.label_end :].strip()


# -- units ------------------------------------------------------------------------------------
def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in _INVISIBLE):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in _INVISIBLE):
        e -= 1
    return s, e


def _lines(text: str) -> list[tuple[int, int, int]]:
    """Non-empty lines as ``(start, end, blank_lines_before)``."""
    out: list[tuple[int, int, int]] = []
    blanks = 0
    pos = 0
    for raw in text.split("\n"):
        s, e = _strip_span(text, pos, pos + len(raw))
        if s < e:
            out.append((s, e, blanks))
            blanks = 0
        else:
            blanks += 1
        pos += len(raw) + 1
    return out


def _units(text: str) -> list[_Unit]:
    lines = _lines(text)
    if not lines:
        return []
    gaps = [b for _, _, b in lines[1:]]
    blank_mode = bool(gaps) and sum(1 for b in gaps if b > 0) / len(gaps) >= 0.3
    units: list[_Unit] = []
    for s, e, blanks in lines:
        line = text[s:e]
        if units and blank_mode and blanks == 0 and _soft_wrapped(units[-1].text, line):
            units[-1].end = e
            units[-1].text = text[units[-1].start : e]
        else:
            units.append(_Unit(s, e, line))
    return units


def _soft_wrapped(previous: str, line: str) -> bool:
    """In a blank-line layout, a single newline continues the paragraph when the text before it
    is visibly unfinished ("我国第一部《" / "示范法" / "》开始实施"), unless the next line starts a
    label or the previous one is a heading line ("一、总体要求" followed by its text). English
    lines only continue when the sentence visibly does (lower-case start, trailing comma or
    hyphen): a masthead of short capitalised lines is several lines, not one."""
    lab = _label(line)
    if (lab is not None and not lab[4]) or previous.rstrip()[-1:] in "。！？；!?;：:":
        return False
    prev_lang, lang = line_language(previous), line_language(line)
    if prev_lang != lang and prev_lang and lang:
        return False
    if lang == "en" and not (line[:1].islower() or previous.rstrip()[-1:] in ",-;(" or line[:1] in ")]"):
        return False
    lab = _label(previous)
    if lab is not None and not lab[4]:
        rest = previous[lab[3] :].strip()
        if rest and rest[-1] not in _TERMINAL + _CONTINUES and len(rest) <= 40:
            return False
    return True


# -- labels -----------------------------------------------------------------------------------
def _zh_ordinal(s: str) -> int | None:
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = _ZH_DIGITS.get(tens, 0) if tens else 1
        o = _ZH_DIGITS.get(ones, 0) if ones else 0
        if (tens and not t) or (ones and not o) or len(s) > 3:
            return None
        return t * 10 + o
    return _ZH_DIGITS.get(s) if len(s) == 1 else None


def _roman_ordinal(s: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(s):
        v = _ROMAN[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total if 0 < total <= 40 and _to_roman(total) == s else None


def _to_roman(n: int) -> str:
    out = ""
    for v, r in ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += r
            n -= v
    return out


def _label(text: str) -> tuple[str, int, str, int, bool] | None:
    """``(family, ordinal, number, label_end, weak)`` when ``text`` starts with a label."""
    for family, pattern in _LABELS:
        m = pattern.match(text)
        if not m:
            continue
        raw = next(g for g in m.groups() if g is not None)
        rest = text[m.end() :].lstrip()
        weak = family == "item_dot_weak"
        if family == "zh_part":
            # "一、二、三产业…" or "一、二季度" is an enumeration inside a sentence
            if re.match(rf"{_ZH_NUM}[、，,季产类级]", rest):
                return None
            ordinal, number = _zh_ordinal(raw), raw
        elif family == "zh_task":
            ordinal, number = _zh_ordinal(raw), f"({raw})"
        elif family == "en_part":
            ordinal, number = _roman_ordinal(raw), raw
        elif family == "item_circled":
            ordinal, number = _CIRCLED.index(raw) + 1, raw
        elif family == "item_paren":
            ordinal, number = int(raw), f"({raw})"
        else:
            ordinal, number = int(raw), raw
        if not ordinal:
            return None
        if family == "item_dot_weak":
            family = "item_dot"
        return family, ordinal, number, m.end(), weak
    return None


def _title_of(rest: str, lang: str | None) -> str:
    """A labelled block's title: its text up to the first full stop."""
    if lang == "en":
        m = re.search(r"[.!?](\s|$)", rest)
        title = rest[: m.start()] if m else rest
    else:
        m = re.search(r"[。！？!?]", rest)
        title = rest[: m.start()] if m else rest
    title = " ".join(title.split()).rstrip(_TERMINAL + _CONTINUES + " ")
    return title[:200]


def _is_heading_like(text: str, lang: str | None) -> bool:
    """A short line without terminal punctuation: "回顾过去一年", "Review of work in 2023"."""
    flat = " ".join(text.split())
    if not flat or flat[-1] in _TERMINAL + _CONTINUES or flat.startswith(("—", "--", "-")):
        return False
    if _KEY_VALUE.match(flat) or _SALUTATION.match(flat) or _BYLINE.search(flat):
        return False
    letters = sum(1 for ch in flat if ch.isalpha())
    if letters < 2:  # "2.5", "2024", "——"
        return False
    if lang == "en":
        return len(flat) <= 100 and len(flat.split()) <= 16
    return len(flat) <= 30


def _classify(units: list[_Unit], title: str | None) -> int | None:
    """Label, language and heading-likeness of every unit; returns the index of the title unit."""
    prev_lang: str | None = None
    for u in units:
        flat = " ".join(u.text.split())
        u.lang = line_language(flat) or prev_lang
        prev_lang = u.lang or prev_lang
        lab = _label(u.text)
        if lab is not None:
            family, ordinal, number, end, weak = lab
            u.family, u.ordinal, u.number, u.label_end, u.weak = family, ordinal, number, end, weak
            rest = u.rest
            limit = 60 if family == "zh_part" else 120
            if family.startswith("zh") and len(_title_of(rest, "zh")) > limit:
                u.family = None  # a "label" heading a run-on sentence is not structure
            elif family == "zh_part" and _LIST_SENTENCE.search(u.text.strip()) and (
                not u.text.strip().endswith("。") or len(rest.strip()) >= 40
            ):
                u.family = "item_zh"  # "二、适当提高铁路短途运价，…；": a list inside a task, not a part
            if family == "en_num":
                u.family = "en_task" if _en_heading(rest) else "en_item"
        else:
            u.heading_like = _is_heading_like(u.text, u.lang)

    title_index = None
    if units and units[0].family is None and _looks_like_title(units[0].text, title):
        title_index = 0
        units[0].kind = "title"
    # Lines before the salutation (date, speaker, source) are front matter, never headings.
    for i, u in enumerate(units[:15]):
        if _SALUTATION.match(" ".join(u.text.split())):
            for v in units[:i]:
                if v.kind != "title":
                    v.front, v.heading_like, v.family = True, False, None
            break
    return title_index


def _en_heading(rest: str) -> bool:
    flat = " ".join(rest.split())
    return bool(flat) and flat[-1] not in _TERMINAL + _CONTINUES and len(flat) <= 160


def _looks_like_title(text: str, title: str | None) -> bool:
    flat = " ".join(text.split())
    if not flat or flat[-1] in _TERMINAL + "，,、：:" or len(flat) > 120 or _SALUTATION.match(flat):
        return False
    if title is None:
        return True
    t = "".join(unicodedata.normalize("NFKC", title).split())
    f = "".join(unicodedata.normalize("NFKC", flat).split())
    return bool(t) and (f in t or t in f)


# -- chains -----------------------------------------------------------------------------------
def _best_chain(idx: list[int], units: list[_Unit], max_step: int = 2) -> list[int]:
    """The longest run of labels whose ordinals go up one at a time (a single missing label is
    tolerated) — the sequence an author wrote, as opposed to labels that merely look alike.

    A weak label (one that could be a number) may sit inside a chain but never start or end one.
    Among equally long chains, fewer skipped labels win, then a chain that starts at 1.
    """
    n = len(idx)
    if not n:
        return []
    score: list[tuple[int, int, int] | None] = [None] * n  # (length, -skips, starts_at_one)
    prev: list[int | None] = [None] * n
    best_at: dict[int, int] = {}  # ordinal -> position of the best chain ending there so far
    for i in range(n):
        oi = units[idx[i]].ordinal or 0
        if not units[idx[i]].weak:
            score[i] = (1, 0, int(oi == 1))
        for step in range(1, max_step + 1):
            j = best_at.get(oi - step)
            sj = score[j] if j is not None else None
            if sj is None:
                continue
            cand = (sj[0] + 1, sj[1] - (step - 1), sj[2])
            si = score[i]
            if si is None or cand > si:
                score[i], prev[i] = cand, j
        si = score[i]
        if si is not None:
            k = best_at.get(oi)
            sk = score[k] if k is not None else None
            if sk is None or si > sk:
                best_at[oi] = i
    ends = [i for i in range(n) if score[i] is not None and not units[idx[i]].weak]
    if not ends:
        return []
    best = max(ends, key=lambda i: (score[i], -i))
    chain: list[int] = []
    k: int | None = best
    while k is not None:
        chain.append(idx[k])
        k = prev[k]
    return sorted(chain)


def _item_chains(idx: list[int], units: list[_Unit]) -> list[int]:
    """Items restart at 1 for every list, so a segment may hold several chains; each needs at
    least two members (a lone "1." is more likely a number or a stray label than a list)."""
    accepted: list[int] = []
    chain: list[int] = []

    def close() -> None:
        while chain and units[chain[-1]].weak:
            chain.pop()
        if len(chain) >= 2:
            accepted.extend(chain)
        chain.clear()

    for pos, i in enumerate(idx):
        u = units[i]
        last = units[chain[-1]].ordinal if chain else None
        if last is not None and u.ordinal == last + 1:
            if u.weak:  # a weak label continues a list only when the next label confirms it
                nxt = idx[pos + 1] if pos + 1 < len(idx) else None
                if nxt is None or units[nxt].ordinal != (u.ordinal or 0) + 1:
                    continue
            chain.append(i)
        elif u.ordinal == 1 and not u.weak:
            close()
            chain.append(i)
    close()
    return accepted


def _segments(boundaries: Iterable[int], n: int) -> list[tuple[int, int]]:
    """Half-open unit ranges between boundaries; each boundary opens the range after it."""
    cuts = sorted(set(boundaries))
    return list(zip([0, *cuts], [*cuts, n], strict=True))


def _in(units: list[_Unit], lo: int, hi: int, family: str) -> list[int]:
    return [i for i in range(lo, hi) if units[i].family == family and units[i].kind == "paragraph"]


def _pair_translations(units: list[_Unit], zh_kind: str, en_family: str, window: int = 3) -> None:
    """An English label right after a Chinese one of the same rank and number renders it."""
    for i, u in enumerate(units):
        if u.kind != zh_kind or u.lang != "zh" or u.translation_of is not None:
            continue
        for j in range(i + 1, min(i + 1 + window, len(units))):
            v = units[j]
            if v.family == en_family and v.ordinal == u.ordinal and v.kind == "paragraph":
                v.kind, v.translation_of = zh_kind, i
                break
            if v.kind != "paragraph" or v.lang == "zh" and j > i + 1:
                break


def _headings_as_dividers(units: list[_Unit], n: int) -> None:
    """Without labelled parts, a stand-alone heading plays a part's role ("2024年工作回顾",
    "2025年工作安排建议" each followed by tasks (一)…) when the tasks restart after it, or none
    follow. A heading after which the task sequence simply goes on ((一)… 先说工业战线上的情况 …
    (二)) sits inside a task instead."""
    heads = [i for i in range(n) if units[i].heading_like and units[i].kind == "paragraph"]
    tasks: list[int] = []
    for lo, hi in _segments(heads, n):
        tasks += _best_chain(_in(units, lo, hi, "zh_task"), units)
    for h in heads:
        units[h].kind = "heading"
        nxt = next((t for t in tasks if t > h), None)
        units[h].divider = nxt is None or units[nxt].ordinal == 1


_APPENDIX = re.compile(r"^(附件|附录|附表|名词解释|名词注释|注释|Appendix|Annex|Glossary|Notes?$)", re.I)
_ITEM_FAMILIES = ("item_dot", "item_comma", "item_paren", "item_circled", "item_zh", "en_item", "en_task")
# A part's heading is a phrase; a line that ends like a clause of running text is a list entry.
_LIST_SENTENCE = re.compile(r"[；;。]$")


def _decide(units: list[_Unit]) -> None:
    """Which labels are structure: parts over the whole text, tasks within each part (or
    top-level heading), items within each task.

    An appendix ("附件1", "名词解释", "Annex") ends the report proper: its numbered lists restart
    the numbering ("附件1 十件民生实事: 一、… 十、") and must not continue the report's parts, so
    everything after it is headings and items under the appendix heading.
    """
    n = len(units)
    m = next((i for i, u in enumerate(units) if u.heading_like and _APPENDIX.match(u.text)), n)
    for i in _best_chain(_in(units, 0, m, "zh_part"), units):
        units[i].kind = "part"
    _pair_translations(units, "part", "en_part")
    for i in _best_chain(_in(units, 0, m, "en_part"), units):
        units[i].kind = "part"
    if not any(u.kind == "part" for u in units):
        _headings_as_dividers(units, m)
    bounds = [i for i, u in enumerate(units) if (u.kind == "part" and u.translation_of is None) or u.divider]
    for lo, hi in _segments(bounds, m):
        for i in _best_chain(_in(units, lo, hi, "zh_task"), units):
            units[i].kind = "task"
    _pair_translations(units, "task", "en_task")
    for lo, hi in _segments(bounds, m):
        for i in _best_chain(_in(units, lo, hi, "en_task"), units):
            units[i].kind = "task"
    bounds += [i for i, u in enumerate(units) if u.kind == "task" and u.translation_of is None]
    for lo, hi in _segments(bounds, m):
        for family in _ITEM_FAMILIES:
            for i in _item_chains(_in(units, lo, hi, family), units):
                units[i].kind = "item"
    for u in units:
        if u.heading_like and u.kind == "paragraph":
            u.kind = "heading"
    if m < n:  # the appendix
        for u in units[m:]:
            u.divider = u.kind == "heading" and bool(_APPENDIX.match(u.text))
        heads = [i for i in range(m, n) if units[i].kind == "heading"]
        for lo, hi in _segments(heads, n):
            for family in ("zh_part", "zh_task", *_ITEM_FAMILIES):
                for i in _item_chains(_in(units, max(lo, m), hi, family), units):
                    units[i].kind = "item"


# -- the tree ---------------------------------------------------------------------------------
_RANK = {"part": 1, "task": 2, "item": 3}


def build_blocks(norm: NormText, title: str | None = None) -> list[Block]:
    """The structure tree of a normalised text, as a flat list of blocks in document order.

    Parts, tasks and headings contain what follows them until the next block of the same or a
    higher rank; a task labels the paragraph it starts (title = text up to the first 。) and the
    paragraphs after it are its children. Items contain following paragraphs only when they are
    headings themselves ("1. 推动产业链供应链优化升级"); an item that is a full paragraph is a leaf,
    so the paragraph after a list is not mistaken for the list's last entry. An English heading
    that renders the Chinese label just before it (bilingual reports) gets the same kind and
    level but stays a sibling, so both languages' paragraphs hang under the Chinese label.
    Paragraphs with the same text (ignoring whitespace) as an earlier one get ``duplicate_of``.
    """
    text = norm.text
    units = _units(text)
    if not units:
        return []
    _classify(units, title)
    _decide(units)

    blocks: list[Block] = []
    stack: list[tuple[int, float]] = []  # (block id, rank) of open containers
    unit_block: dict[int, int] = {}
    dividers: set[int] = set()
    seen: dict[str, int] = {}
    prev_lang = "zh"

    def open_parent(rank: float) -> int | None:
        """Close what a labelled block of ``rank`` ends: blocks of the same or lower rank, and
        unlabeled headings that sit below the rank above it (a heading under a part ends at the
        part's next task; a heading standing in for a part holds its tasks)."""
        while stack and (stack[-1][1] >= rank or (blocks[stack[-1][0]].kind == "heading" and stack[-1][1] > rank - 1)):
            stack.pop()
        return stack[-1][0] if stack else None

    for ui, u in enumerate(units):
        lang = u.lang or prev_lang
        prev_lang = lang
        bid = len(blocks)
        start, end = norm.to_original(u.start, u.end)
        b = Block(id=bid, kind=u.kind, level=0, start=start, end=end, lang=lang,
                  norm_start=u.start, norm_end=u.end)  # fmt: skip
        if u.kind == "title":
            b.title = " ".join(u.text.split())
        elif u.kind in _RANK:
            b.number, b.ordinal = u.number, u.ordinal
            b.title = _title_of(u.rest, u.lang) or None
            b.level = _RANK[u.kind]
            if u.translation_of is not None:  # sibling of the Chinese label it renders
                b.parent = blocks[unit_block[u.translation_of]].parent
            else:
                b.parent = open_parent(_RANK[u.kind])
                if u.kind != "item" or _is_container_item(u):
                    stack.append((bid, _RANK[u.kind]))
        elif u.kind == "heading":
            b.title = " ".join(u.text.split())
            if u.divider:
                stack.clear()
                b.parent, rank = None, 1.0
                dividers.add(bid)
            else:
                # unlabeled headings nest in the innermost labelled block and replace each other
                while stack and blocks[stack[-1][0]].kind in ("heading", "item") and stack[-1][0] not in dividers:
                    stack.pop()
                b.parent = stack[-1][0] if stack else None
                rank = (stack[-1][1] if stack else 0) + 0.5
            b.level = (blocks[b.parent].level if b.parent is not None else 0) + 1
            stack.append((bid, rank))
        else:
            b.kind = "paragraph"
            b.parent = stack[-1][0] if stack else None
            b.level = (blocks[b.parent].level if b.parent is not None else 0) + 1
            key = re.sub(r"\s+", "", u.text)
            if len(key) >= 20:
                if key in seen:
                    b.duplicate_of = seen[key]
                else:
                    seen[key] = bid
        unit_block[ui] = bid
        blocks.append(b)
    return blocks


def _is_container_item(u: _Unit) -> bool:
    rest = " ".join(u.rest.split())
    return bool(rest) and rest[-1] not in _TERMINAL + _CONTINUES and len(rest) <= (120 if u.lang == "en" else 40)


# -- rendering --------------------------------------------------------------------------------
def outline(blocks: list[Block], text: str, *, paragraphs: bool = False, width: int = 60) -> list[str]:
    """The tree as indented lines, e.g. for ``zhengce show --structure`` or a test's expectation.

    ``text`` is the original text the spans point into (``doc.text``). Paragraphs are counted
    on their parent's line unless ``paragraphs`` is true, in which case their first ``width``
    characters are shown.
    """
    depth: dict[int, int] = {}
    counts: dict[int | None, int] = {}
    for b in blocks:
        if b.kind == "paragraph":
            counts[b.parent] = counts.get(b.parent, 0) + 1
    lines: list[str] = []
    for b in blocks:
        depth[b.id] = depth[b.parent] + 1 if b.parent is not None and b.parent in depth else 0
        if b.kind == "paragraph" and not paragraphs:
            continue
        if b.kind == "paragraph":
            snippet = " ".join(text[b.start : b.end].split())
            label = "¶ " + (snippet[:width] + ("…" if len(snippet) > width else ""))
            if b.duplicate_of is not None:
                label += f"  (duplicate of #{b.duplicate_of})"
        else:
            head = b.title or " ".join(text[b.start : b.end].split())[:width]
            label = f"{b.number} {head}" if b.number else head
            n = counts.get(b.id, 0)
            if n and not paragraphs:
                label += f"  [{n} ¶]"
        lines.append("  " * depth[b.id] + label)
    return lines
