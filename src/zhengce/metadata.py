"""Title, date, year, jurisdiction, kind and languages of a document.

Each field is taken from the first source that states it, in this order:

1. ``overrides`` — what the user said on the command line (``--title``, ``--year``,
   ``--jurisdiction``, ``--kind``, ``--lang``, ``--date``); a bad value there is a user error
   and raises ``ValueError`` naming the field;
2. ``doc.meta`` — what the container knew (a JSONL row's ``title``/``year``/``date``/``kind``,
   a DOCX core title); a meta value that does not parse is ignored, not fatal;
3. the file name (``2025年上海市政府工作报告.docx``) — never for rows of a JSONL/CSV file,
   whose file name describes the whole collection;
4. the first lines of the normalised text (title line, date/speaker line, salutation).

Rules, chosen to hold across the national reports 1954–2025, the 31 provincial 2025 reports
and English news coverage:

- **kind** — ``other`` for the NPC's resolutions on a report (title with 决议, e.g.
  "关于政府工作报告的决议"; the 20 year-less rows of the national corpus): they are not reports,
  and this is our documented rule. ``government_work_report`` when the title says 政府工作报告 /
  "Government Work Report" / "Report on the Work of the Government" (unless the title reads as
  coverage: 解读, 一图读懂, "highlights", a question), or when the opening says so (a line
  "政府工作报告", or "我代表国务院/…人民政府，向大会报告工作"). ``speech`` for 讲话/致辞/Speech/
  Remarks titles. ``news`` for news-style texts: bylines and datelines (记者, 新华社, "Updated
  on", "Release Time", "Xinhua", "reporter", "Editor") or, failing any other signal, an English
  text that is not a report (zhengce's English inputs are coverage or translated reports, and
  the latter announce themselves). Otherwise ``other``.
- **year** — a report's year is the year it is delivered: the year in its title ("2024年政府工作
  报告" → 2024), else of its date line, else of the NPC session it names (第十四届全国人民代表大会
  第二次会议 → 2024). Anything else takes the year of its date, then of its title, then of the
  NPC session, then the one year its masthead names.
- **date** — ISO ``yyyy-mm-dd`` when a full date is stated near the top (before the salutation):
  "2025年1月14日在…", "March 5, 2024", "Updated on 2024-01-31", 一九五七年六月二十六日.
- **jurisdiction** — a province's short name when the title, file name or a government-naming
  line near the top (date line "在河北省第十四届人民代表大会…", speaker "省长 …", "我代表上海市人民
  政府") names it; "national" for a report that names no province (the State Council's, or an
  excerpt such as "2024年政府工作报告(四)") or whose title names 国务院/全国; for news, only a
  title that names exactly one jurisdiction counts, otherwise None. Source lines ("来源：青海日报"
  atop Ningxia's report) are never used.
- **languages** — the languages ("zh", "en") that hold at least 5% of the letters (a Han
  character weighted as three Latin letters), sorted: a bilingual text gives ["en", "zh"].
- **title** — the meta title, else the first short line (≤ 80 characters, no terminal
  punctuation, not a byline, date line or salutation) among the first three, else the file name.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from pathlib import PurePath
from typing import Any

from .jurisdictions import NATIONAL, find_jurisdiction, find_jurisdictions, normalise_jurisdiction
from .model import KINDS, Document
from .text.language import line_language

_HEAD_LINES = 12
_DATE_LINES = 6
_TITLE_MAX = 80

_TERMINAL = "。．.！!？?；;：:，,、"
_SALUTATION = re.compile(r"^(各位代表|Fellow Deputies|Distinguished Deputies|Dear Deputies)\b", re.I)
_BYLINE = re.compile(
    r"^(来源|作者|记者|编辑|责任编辑|发布时间|更新时间|Source|Author|Editor|Reporter|By)\s*[：:]|"
    r"Updated on|Release Time|Published (on|at)",
    re.I,
)
_SPEAKER = re.compile(r"(总理|省长|市长|主席|书记|Premier|Governor|Mayor)(\s*[^\s,，。]{1,12}){1,3}$", re.I)
_LABEL = re.compile(r"^([一二三四五六七八九十]{1,3}[、.]|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、](?!\d)|[IVX]{1,5}\.\s)")

_GWR_EN = re.compile(r"government work report|report on the work of the government", re.I)
_RESOLUTION = re.compile(r"决议|\bresolution\b", re.I)
_NEWSY_TITLE = re.compile(
    r"解读|读懂|图解|速览|亮点|热词|关键词|看点|要点|一图|聚焦|划重点|答记者问|"
    r"\bhighlights?\b|\btakeaways?\b|\bkey ?words\b|\bexplained\b|\bwhat\b|\bhow\b|\bwhy\b|[?？]",
    re.I,
)
_SPEECH = re.compile(r"讲话|致辞|发言|演讲|\bspeech\b|\bremarks\b|\baddress (?:at|to|by)\b", re.I)
_SPEECH_LINE = re.compile(r"上的讲话$|上的致辞$|^在.{2,40}(讲话|致辞)$")
_NEWS = re.compile(
    r"记者|新华社|通讯员|责任编辑|编辑[：:]|Updated on|Release Time|Published (?:on|at)|\breporters?\b|"
    r"Xinhua|\bEditor\b|Beijing Review|China Daily|Global Times|CGTN|^Lead\.|CNSPHOTO|\(Photo",
    re.I | re.M,
)
_GWR_OPENING = re.compile(
    r"代表(?:国务院|[^，,。]{0,14}(?:人民政府|省政府|市政府|区政府))[，,]?\s*向[^。]{0,24}大会[^。]{0,3}(?:报告|作)(?:政府)?工作"
    r"|report to you on the work of the government",
    re.I,
)
_GOV_LINE = re.compile(
    r"人民代表大会|人民政府|政府工作报告|省长|市长|主席|人大|国务院|"
    r"People's Congress|People's Government|Governor|Mayor|Government Work Report|State Council",
    re.I,
)
_ON_BEHALF = re.compile(r"代表([^，,。]{1,14}?)(?:人民政府|政府)")

_MONTHS = {m: i + 1 for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}  # fmt: skip
_MONTH_RE = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}  # fmt: skip
_CN_NUM = "[一二三四五六七八九十]{1,3}"
_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ymd_zh", re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")),
    ("ymd_cn", re.compile(rf"([〇零○一二三四五六七八九]{{4}})\s*年\s*({_CN_NUM})\s*月\s*({_CN_NUM})\s*日")),
    ("mdy_en", re.compile(rf"\b{_MONTH_RE}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)),
    ("dmy_en", re.compile(rf"\b(\d{{1,2}})\s+{_MONTH_RE}\.?,?\s+(\d{{4}})\b", re.I)),
    ("iso", re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")),
)
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_CN_YEAR = re.compile(r"([〇零○一二三四五六七八九]{4})年")

# The year each early National People's Congress term opened, and irregular session years.
# From the 6th NPC (1983) on, terms last five years with one session a year, so session k of
# term t meets in 1983 + 5 * (t - 6) + k - 1.
_NPC_FIRST = {1: 1954, 2: 1959, 3: 1964, 4: 1975, 5: 1978}
_NPC_IRREGULAR = {(2, 3): 1962, (2, 4): 1963}
_NPC_ZH = re.compile(rf"第({_CN_NUM})届全国人民代表大会第({_CN_NUM})次(?:会议|全体会议)")
_ORD_EN = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_NPC_EN = re.compile(
    r"\b(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+session\s+of\s+the\s+(\d{1,2})(?:st|nd|rd|th)\s+"
    r"(?:National People's Congress|NPC)\b",
    re.I,
)
_LANG_MIN_SHARE = 0.05
_LANG_OVERRIDE = {"zh": ["zh"], "en": ["en"], "bilingual": ["en", "zh"]}


def infer_metadata(doc: Document, overrides: dict[str, Any] | None = None) -> None:
    """Fill doc.title, date, year, jurisdiction, kind and languages (see the module docstring)."""
    ov = {k: v for k, v in (overrides or {}).items() if v is not None}
    meta = doc.meta or {}
    text = doc.norm.text if doc.norm is not None else doc.text
    head = _head_lines(text)
    stem = _file_stem(doc)
    meta_title = _clean(meta.get("title"))

    doc.title = _clean(ov.get("title")) or meta_title or _title_from_lines(head) or stem
    titles = [t for t in dict.fromkeys((doc.title, meta_title, stem)) if t]
    front = _front_lines(head)

    if "date" in ov:
        doc.date = find_date(str(ov["date"]))
        if doc.date is None:
            raise ValueError(f"date {ov['date']!r} is not a date (use yyyy-mm-dd)")
    else:
        doc.date = (find_date(str(meta["date"])) if meta.get("date") else None) or _first_date(front)

    if "kind" in ov:
        if ov["kind"] not in KINDS:
            raise ValueError(f"unknown kind {ov['kind']!r}: choose from {', '.join(KINDS)}")
        doc.kind = ov["kind"]
    elif meta.get("kind") in KINDS:
        doc.kind = meta["kind"]
    else:
        doc.kind = infer_kind(titles, head, text)

    if "lang" in ov:
        if ov["lang"] not in _LANG_OVERRIDE:
            raise ValueError(f"unknown language {ov['lang']!r}: choose zh, en or bilingual")
        doc.languages = list(_LANG_OVERRIDE[ov["lang"]])
    else:
        doc.languages = text_languages(text)
    english_only = doc.languages == ["en"] and not any(_RESOLUTION.search(t) for t in titles)
    if doc.kind == "other" and "kind" not in ov and "kind" not in meta and english_only:
        doc.kind = "news"  # English text with no report/speech signal: coverage

    if "year" in ov:
        doc.year = _as_year(ov["year"])
        if doc.year is None:
            raise ValueError(f"year {ov['year']!r} is not a year (use e.g. 2024)")
    else:
        doc.year = _as_year(meta.get("year")) or _infer_year(doc, titles, head)

    if "jurisdiction" in ov:
        doc.jurisdiction = normalise_jurisdiction(str(ov["jurisdiction"]))
    else:
        doc.jurisdiction = _meta_jurisdiction(meta) or infer_jurisdiction(doc.kind, titles, front, head)


# -- lines ------------------------------------------------------------------------------------
def _flat(s: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", s).replace("\u200b", "").split())


def _head_lines(text: str) -> list[str]:
    out: list[str] = []
    for line in text.split("\n"):
        flat = _flat(line)
        if flat:
            out.append(flat)
            if len(out) >= _HEAD_LINES:
                break
    return out


def _front_lines(head: list[str]) -> list[str]:
    """The lines before the salutation ("各位代表："), where title, date and speaker live."""
    for i, line in enumerate(head[:_DATE_LINES + 2]):
        if _SALUTATION.match(line):
            return head[:i]
    return head[:_DATE_LINES]


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    s = " ".join(str(value).split())
    return s or None


def _file_stem(doc: Document) -> str | None:
    """The document's own file name without extension; None for rows of a tabular file."""
    meta = doc.meta or {}
    if meta.get("format") in ("jsonl", "json", "csv", "tsv") or re.search(r"#(L|row)\d+$", doc.source or ""):
        return None
    name = meta.get("file_name") or (doc.source or "").split("::")[-1]
    if not name:
        return None
    stem = PurePath(str(name)).stem
    return _clean(unicodedata.normalize("NFKC", stem).replace("_", " "))


def _title_from_lines(head: list[str]) -> str | None:
    for line in head[:3]:
        if (
            len(line) <= _TITLE_MAX
            and line[-1] not in _TERMINAL
            and not _SALUTATION.match(line)
            and not _BYLINE.search(line)
            and not _SPEAKER.search(line)
            and not _LABEL.match(line)
            and not line.startswith(("—", "-"))
            and sum(ch.isalpha() for ch in line) >= 2
        ):
            return line
    return None


# -- dates and years --------------------------------------------------------------------------
def _cn_int(s: str) -> int:
    if len(s) == 4 and all(ch in _CN_DIGIT for ch in s):  # a year written digit by digit
        return int("".join(str(_CN_DIGIT[ch]) for ch in s))
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN_DIGIT.get(tens, 1) if tens else 1) * 10 + (_CN_DIGIT.get(ones, 0) if ones else 0)
    return _CN_DIGIT.get(s, 0)


def find_date(text: str) -> str | None:
    """The first full calendar date stated in ``text``, as ISO yyyy-mm-dd, or None."""
    text = unicodedata.normalize("NFKC", text)
    best: tuple[int, str] | None = None
    for name, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            iso = _iso(name, m.groups())
            if iso is not None:
                if best is None or m.start() < best[0]:
                    best = (m.start(), iso)
                break
    return best[1] if best else None


def _iso(name: str, g: tuple[str, ...]) -> str | None:
    try:
        if name == "ymd_zh" or name == "iso":
            y, mo, d = int(g[0]), int(g[1]), int(g[2])
        elif name == "ymd_cn":
            y, mo, d = _cn_int(g[0]), _cn_int(g[1]), _cn_int(g[2])
        elif name == "mdy_en":
            y, mo, d = int(g[2]), _MONTHS[g[0][:3].lower()], int(g[1])
        else:
            y, mo, d = int(g[2]), _MONTHS[g[1][:3].lower()], int(g[0])
        if not 1900 <= y <= 2100:
            return None
        return _dt.date(y, mo, d).isoformat()
    except (ValueError, KeyError):
        return None


def _first_date(lines: list[str]) -> str | None:
    for line in lines:
        found = find_date(line)
        if found:
            return found
    return None


def _as_year(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 1900 <= value <= 2100 else None
    m = re.fullmatch(r"\s*(\d{4})(?:\.0)?\s*", str(value))
    if m and 1900 <= int(m.group(1)) <= 2100:
        return int(m.group(1))
    return None


def _title_year(title: str) -> int | None:
    t = unicodedata.normalize("NFKC", title)
    m = _YEAR.search(t.replace(" ", ""))
    if m:
        return int(m.group(1))
    m = _CN_YEAR.search(t)
    return _cn_int(m.group(1)) if m else None


def npc_session_year(text: str) -> int | None:
    """The year of the National People's Congress session a text names, if it names one."""
    m = _NPC_ZH.search(text)
    if m:
        term, session = _cn_int(m.group(1)), _cn_int(m.group(2))
    else:
        m = _NPC_EN.search(text)
        if not m:
            return None
        word = m.group(1).lower()
        session = _ORD_EN.get(word) or int(re.sub(r"\D", "", word))
        term = int(m.group(2))
    if (term, session) in _NPC_IRREGULAR:
        return _NPC_IRREGULAR[(term, session)]
    first = _NPC_FIRST.get(term) or (1983 + 5 * (term - 6) if 6 <= term <= 30 else None)
    return first + session - 1 if first and 1 <= session <= 5 else None


def _infer_year(doc: Document, titles: list[str], head: list[str]) -> int | None:
    title_year = next((y for y in (_title_year(t) for t in titles) if y), None)
    date_year = int(doc.date[:4]) if doc.date else None
    npc_year = next((y for y in (npc_session_year(s) for s in [*titles, *head]) if y), None)
    if doc.kind == "government_work_report":
        return title_year or date_year or npc_year
    masthead = {int(y) for line in head[:5] for y in _YEAR.findall(line)}
    return date_year or title_year or npc_year or (masthead.pop() if len(masthead) == 1 else None)


# -- kind -------------------------------------------------------------------------------------
def _is_report_title(title: str) -> bool:
    return ("政府工作报告" in title or bool(_GWR_EN.search(title))) and not _NEWSY_TITLE.search(title)


def infer_kind(titles: list[str], head: list[str], text: str = "") -> str:
    """The kind of a document from its title candidates and first lines (rules in the module doc)."""
    if any(_RESOLUTION.search(t) for t in titles) or any("关于政府工作报告的决议" in h for h in head[:2]):
        return "other"
    newsy = any(_NEWSY_TITLE.search(t) for t in titles[:1])
    if not newsy and any(_is_report_title(t) for t in titles):
        return "government_work_report"
    tail = [_flat(x) for x in text.strip().split("\n")[-8:] if x.strip()]
    news_signal = any(_NEWS.search(line) for line in [*head, *tail])
    if newsy and news_signal:
        return "news"
    if any(_SPEECH.search(t) for t in titles) or any(_SPEECH_LINE.search(h) for h in head[:4]):
        return "speech"
    opening = " ".join(head)
    if any(re.fullmatch(r"(\d{4}年)?政府工作报告", h) for h in head[:4]) or _GWR_OPENING.search(opening):
        return "government_work_report"
    if news_signal or newsy:
        return "news"
    return "other"


# -- languages --------------------------------------------------------------------------------
def text_languages(text: str) -> list[str]:
    """Sorted languages holding at least 5% of the (weighted) letters of ``text``."""
    weight = {"zh": 0, "en": 0}
    for line in text.split("\n"):
        lang = line_language(line)
        if lang is None:
            continue
        if lang == "zh":
            weight["zh"] += 3 * sum(1 for ch in line if "\u3400" <= ch <= "\u9fff")
        else:
            weight["en"] += sum(1 for ch in line if ch.isascii() and ch.isalpha())
    total = sum(weight.values())
    if not total:
        return []
    return sorted(lang for lang, w in weight.items() if w / total >= _LANG_MIN_SHARE)


# -- jurisdiction -----------------------------------------------------------------------------
def _meta_jurisdiction(meta: dict[str, Any]) -> str | None:
    value = meta.get("jurisdiction")
    if not value:
        return None
    try:
        return normalise_jurisdiction(str(value))
    except ValueError:
        return None


def infer_jurisdiction(kind: str, titles: list[str], front: list[str], head: list[str]) -> str | None:
    """National, a province's short name, or None (rules in the module docstring)."""
    if kind == "news":
        found = find_jurisdictions(titles[0]) if titles else []
        return found[0] if len(found) == 1 else None
    for t in titles:
        j = find_jurisdiction(t)
        if j:
            return j
    for line in front or head[:_DATE_LINES]:
        if _BYLINE.search(line) or not _GOV_LINE.search(line):
            continue
        j = find_jurisdiction(line)
        if j:
            return j
    for line in head:
        m = _ON_BEHALF.search(line)
        if m:
            j = find_jurisdiction(m.group(1))
            if j:
                return j
        if _GWR_OPENING.search(line) and "国务院" in line:
            return NATIONAL
    return NATIONAL if kind == "government_work_report" else None
