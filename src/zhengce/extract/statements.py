"""Targets, outcomes and other quantitative statements, one record per value.

A Government Work Report says what it plans and what it did in recognisable places: the plan
part lists "今年发展主要预期目标是：…" (the year's targets) with the budget commitments nearby
(赤字率, 赤字规模, 地方政府专项债券, 超长期特别国债), and the review part reports last year's
results. Every other number is a statistic. This module walks the normalised text paragraph by
paragraph, decides which of those places a clause sits in, and turns each number in it into a
:class:`~zhengce.model.Statement`:

* **what** it measures comes from the indicator lexicon (the nearest indicator named before the
  number; in English also after it), else a derived key made from the words before it;
* **how much** comes from the quantity parser (value, range, unit, comparator);
* **which kind and year**: target (report year), outcome (report year - 1), statistic;
* **can it be right**: :mod:`zhengce.extract.suspect` flags values that lost a decimal point.

Target clauses without a number ("国际收支基本平衡") become qualitative targets, one per
indicator they name; "分别增长5%、6.5%左右" lists become one record per value.
Spans point into the original text through the document's offset map.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..model import Document, NormText, Statement
from ..text.language import line_language
from ..text.sentences import split_sentences
from .lexicon import Lexicon, Mention, derived_key, load_lexicon
from .quantities import Quantity, parse_quantities
from .suspect import Suspicion, find_missing_numbers, review

TARGET, OUTCOME, STATISTIC = "target", "outcome", "statistic"
BUDGET_KEYS = frozenset(
    {
        "deficit_ratio",
        "fiscal_deficit",
        "central_fiscal_deficit",
        "local_fiscal_deficit",
        "local_special_bonds",
        "ultra_long_special_treasury_bonds",
        "special_treasury_bonds",
    }
)
CURRENCY_UNITS = frozenset({"yuan", "usd", "eur", "hkd", "jpy", "gbp"})

# The coarse unit vocabulary of the targets/outcomes JSONL format (issue 3): finer units that
# the extractor keeps (mu, km, person_times, usd, …) are written as the nearest word it knows.
EXPORT_UNITS = frozenset({"percent", "percentage_point", "persons", "yuan", "jin", "tonnes", "other"})
_EXPORT_ALIASES = {"person_times": "persons"}


def export_unit(unit: str | None) -> str | None:
    """The unit as the targets/outcomes JSONL format spells it: 人次 count as persons, 亩 or
    公里 as "other"; None stays None (qualitative targets have no unit)."""
    if unit is None:
        return None
    unit = _EXPORT_ALIASES.get(unit, unit)
    return unit if unit in EXPORT_UNITS else "other"


# --- where a report says what -----------------------------------------------------------------

_ANCHOR_ZH = re.compile(r"目标(?:建议)?(?:是|为|建议为)\s*[:：]|预期目标是\s*[,，]")
_ANCHOR_SINGLE = re.compile(r"(?:今年|本年)[^,，。;；:：]{0,20}?预期目标(?:是|为|定为|定在)\s*(?=[\d约])")
_THIS_YEAR = re.compile(r"今年|本年")
_THIS_YEAR_START = re.compile(r"^(?:今年|本年|this year)", re.I)
_ANCHOR_NOT = re.compile(r"五年|十[一二三四五六]五|规划|时期|今后|中长期")
_ANCHOR_EN = re.compile(
    r"\b(?:main|major|key|primary)\b[^.:;]{0,40}?\btargets?\b[^.:;]{0,60}?\b(?:are|is|include)\b(?:\s+as\s+follows)?\s*:",
    re.I,
)
_PART_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.]|(?:[IVX]+)\.\s)")
_REVIEW_HEAD = re.compile(r"回顾|过去一年|过去五年|\breview\b", re.I)
_PLAN_HEAD = re.compile(
    r"工作安排|主要任务|总体要求|总体部署|目标任务|重点工作|工作任务|工作的建议|工作建议|政府自身建设|主要目标|工作思路|"
    r"\btasks\b|\brequirements\b|\btargets\b|\bpolic(?:y|ies)\b|\borientation\b",
    re.I,
)
_MULTI_YEAR_START = re.compile(r"^[^,，。]{0,24}?(?:以来的|过去|这|近)(?:五|十|5|10)年|^(?:五|十)年来|^(?:over )?the past (?:five|ten) years", re.I)
_ONE_YEAR_START = re.compile(r"^(?:过去一年|一年来|刚刚过去的|去年|the past year|last year)", re.I)
_MULTI_YEAR_CLAUSE = re.compile(
    r"年均|累计|以来|五年|十年|历年|连续\d+年|average annual|annual average|over the past|cumulative",
    re.I,
)
_COMMENTARY_START = re.compile(r"^(?:上述|以上|这里|提出|确定|综合考虑|为此|实现今年|今年的|经济增长预期|these targets|the above)", re.I)
_GOAL_WORD = re.compile(r"(?<!下达的)(?<!下达)(?<!考核)(?<!减排)(?<!下降)目标")
_ASSIGNED = re.compile(r"完成[^,，;；。]{0,16}(?:下达|考核|约束性)")
_YEAR_IN_CLAUSE = re.compile(r"((?:19|20)\d\d)年|\b(?:in|for) ((?:19|20)\d\d)\b")

# --- clause reading ---------------------------------------------------------------------------

_CLAUSE_CUT_ZH = re.compile(r"[,，;；:：。!?！？]")
_CLAUSE_CUT_EN = re.compile(r"[;:!?]|,(?!\d{3})|\.(?!\d)")
_COMPARISON_ZH = re.compile(r"同步|高于|快于|低于|慢于|一致|持平|相匹配|相适应|相协调|不低于")
_COMPARISON_EN = re.compile(r"\bin (?:step|tandem|line) with\b|\bkeep(?:s|ing)? pace with\b|\bfaster than\b|\bhigher than\b|\bin sync with\b", re.I)
_FILLER_ZH = re.compile(
    r"按可比价格计算|比上年|比去年|同比|同口径|增产|减产|削减|压减|增长|增速|增幅|涨幅|上涨|下降|降低|减少|增加|提高|提升|达到|保持|稳定|控制|实现|"
    r"超过|突破|平均|全年|年末|年底|首次|跃上|迈上|继续|累计|分别|总量|总额|规模|水平|力争|努力|确保|以上|以内|左右|"
    r"进一步|预计|全国|全省|全市|全区|实际|名义|再创|新高|降到|降至|提高到|增加到|达|为|在|到|至|约|近|共|的|了|和|与|及|"
    r"每年|今年|去年|上年|其中|仍|均|已|将|要|拟|按|安排|发行|先|再|又|也|还|超|逾|预期目标|目标|定为|定在|速度|调控|宏观|"
)
_FILLER_EN = re.compile(
    r"\b(?:growth|grow|grows|grew|grown|growing|increase|increased|increases|rise|rose|risen|up|down|fall|fell|drop|"
    r"dropped|decline|declined|of|by|at|around|about|approximately|to|was|were|is|are|will|be|been|reach|reached|stood|"
    r"rate|kept|keep|within|under|below|over|more|than|less|no|projected|set|targeted|expected|remain|remained|stay|"
    r"held|an|a|the|and|year-on-year|percent|per|cent|its|this|year|last|in|for|some|nearly|almost|roughly|total|"
    r"annual|average|surveyed|registered|account|accounts|accounted|accounting|made|make|makes|climbed|climb)\b",
    re.I,
)
_GROWTH_VERB = re.compile(r"增长|增速|增幅|涨幅|上涨|\bgr[eo]w|\bgrowth\b|\bincrease|\brose\b|\brise\b|\b(?:was|were|is|are) up\b", re.I)
_SHARE_WORD = re.compile(r"占|比重|比例|\baccount(?:ing|s|ed)? for\b|\bshare\b|\bproportion\b", re.I)
_CHANGE_VERB = re.compile(r"(?:比上年|比去年|同比)?(?:增加|减少|增产|减产|多|少|增长|下降|削减|压减|缩减|增发)$")
_STRETCH = re.compile(r"(?:力争|争取|努力)(?:达到|实现)?\s*$|\b(?:strive|aim) (?:for|to)\b[^,;]{0,20}$", re.I)
_AT_LEAST_VERB = re.compile(r"(?:跃上|迈上|跨上|突破|超过|逾)\s*$|\b(?:exceed(?:ed|s|ing)?|surpass(?:ed|es)?|topped)\s*$", re.I)
_RATE_TAIL = re.compile(r"^\s*/\s*[\u4e00-\u9fff]{1,2}\s*(左右|以上|以内|以下)")
_TAIL_COMPARATOR = {"左右": "around", "以上": "at_least", "以内": "at_most", "以下": "at_most"}
_QUOTES_OPEN = "“\"「『‘'"
_QUOTES_CLOSE = "”\"」』’'"
_DURATIONS = frozenset({"years", "months", "days", "hours", "weeks"})
_TIME_BEFORE = re.compile(r"(?:过去|近|这|前|今后|未来|最近|每|头|后|\bpast|\blast|\bnext|\bover|\bfirst)\s*$", re.I)
_TIME_AFTER = re.compile(r"\s*(?:来|以来|内|间|里|前|后|多来|\bago\b|\bin a row\b)", re.I)
_MAY_COUNT = re.compile(r"[\d零〇一二三四五六七八九十两百千万亿半番A-Za-z]")  # cheap test before parsing numbers
_RESPECTIVELY_ZH = "分别"
_RESPECTIVELY_EN = re.compile(r"\brespectively\b", re.I)
_LIST_SEP = re.compile(r"[、和及与]|\band\b|,", re.I)
_EN_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}
_EN_COUNT = re.compile(
    r"(?<![\"“'‘\w-])(" + "|".join(_EN_NUMBER_WORDS) + r")\b(-(?:year|month|day)\b)?(?=[\s-]+[A-Za-z])", re.I
)


# Patterns used per clause or per value, compiled once (re's own cache costs a lookup per call).
_SHARE_OF_BEFORE = re.compile(r"占|相当于")
_SHARE_OF_AFTER = re.compile(r"的?(?:比重|比例|份额)|之比")
_TOWARDS_BEFORE = re.compile(r"[对与]$")
_OF_AFTER = re.compile(r"的|之")
_OF_TO_END = re.compile(r"\b(?:of|to)\s*$")
# "share of GDP", and "accounted for 54.7% of GDP": in both, GDP is the denominator
_SHARE_OF_END_EN = re.compile(
    r"(?:share|percentage|proportion|ratio)\s+(?:of|to)\s*$|(?:%|\bpercent|\bper\s+cent)\s+of\s*$", re.I
)
_OF_IN_NEXT = re.compile(r"\s*(?:of|in)\b", re.I)
_GAP_MARKS_ZH = re.compile(r"[\s\d.%()（）/“”\"、,]")
_EN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]*")
_DE_NEXT = re.compile(r"\s*的")
_YEAR_ZH = re.compile(r"(?:19|20)\d\d年")
_BARE_MARKS = re.compile(r"[\s\d.%,、]")
_SCALE_WORD = re.compile(r"万|亿|千|百|million|billion|thousand", re.I)
_LATIN = re.compile(r"[A-Za-z]")
_NOT_WORD_CHAR = re.compile(r"[^\u4e00-\u9fffA-Za-z]")
_TRAILING_VERBS_ZH = re.compile(
    r"(?:比上年|比去年|同比|增长|增速|上涨|下降|降低|减少|增加|提高|达到|为|超过|突破|到|至|约|近|共|分别|"
    r"控制在|保持在|稳定在|保持|稳定|左右|以上)+$"
)
# A sentence that sets this year's figure in running text, in a report with no list of main
# targets (older reports: "今年计划国内生产总值增长百分之九", "经济增长速度的调控目标定为8%").
YEAR_TARGET = "year_target"
_YEAR_TARGET = re.compile(
    r"(?:今年|本年度)[^。；;]{0,30}?(?:计划|预期|预定|调控目标|目标|定为|力争)"
    r"|(?:计划|预期|预定|调控目标|目标)[^。；;]{0,12}?今年"
)
_LAST_YEAR_ANY = re.compile(r"(?<![比较同与和])去年(?!同期)|\blast year\b", re.I)
_FORWARD = re.compile(r"今年|本年|预计|计划|将|要|力争|争取|预期|目标")
_LAST_YEAR_ALONE = re.compile(r"(?<![比较同与和])(?:去年|上年)(?!同期|以来|的基础)|[比较](?:去年|上年)(?:增长|下降|上涨|增加|减少)")
_LAST_YEAR_WORD = re.compile(r"(?<!比)(?:去年|上年|过去)|last year")
_FROM_BEFORE = re.compile(r"从[^,，]{0,12}$")
_DECREASE = re.compile(r"下降|降低|减少|缩小|回落|\b(?:fall|fell|drop|declin|decreas|cut|reduc)", re.I)
_INCREASE = re.compile(r"增长|增加|提高|上涨|提升|扩大|\b(?:gr[eo]w|increas|rise|rose|rais)", re.I)


@dataclass
class _Region:
    """Where a report reviews last year, plans this one, and lists its targets (norm offsets)."""

    review: list[tuple[int, int]] = field(default_factory=list)
    plan_start: int | None = None
    targets: list[tuple[int, int]] = field(default_factory=list)

    def in_review(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.review)

    def in_targets(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.targets)

    def in_plan(self, pos: int) -> bool:
        return self.plan_start is not None and pos >= self.plan_start and not self.in_review(pos)


@dataclass
class _Clause:
    start: int  # norm offsets
    end: int
    text: str


@dataclass
class _Ctx:
    """What the statements of one sentence inherit: document facts and the sentence's place."""

    doc: Document
    norm: NormText
    lexicon: Lexicon
    lang: str
    kind: str  # target | outcome | statistic | plan (budget commitments become targets)
    sentence_id: int | None
    multi_year_review: bool = False  # a review passage summing up several years ("五年来，…")
    before_plan: bool = False  # a report sentence before the plan part, not recognised as review


# ==============================================================================================


def extract_statements(doc: Document, lexicon: Lexicon | None = None) -> list[Statement]:
    """Every quantitative statement of ``doc`` plus its qualitative targets, in text order."""
    if not isinstance(doc, Document):
        raise TypeError(f"extract_statements() expects a Document, got {type(doc).__name__}")
    lex = lexicon or load_lexicon()
    norm = doc.norm if doc.norm is not None else NormText(doc.text, list(range(len(doc.text) + 1)))
    text = norm.text
    paras = _paragraphs(text)
    fallback = doc.languages[0] if doc.languages and doc.languages[0] in ("zh", "en") else "zh"
    langs = {p: line_language(text[p[0] : min(p[1], p[0] + 120)]) or fallback for p in paras}
    is_report = doc.kind == "government_work_report" or (doc.kind in ("other", "", None) and _has_anchor(text))
    region = _layout(text, paras, langs, doc.year, lex) if is_report else _Region()
    sent_starts = [s.norm_start for s in doc.sentences]

    out: list[Statement] = []
    multi_year = False
    last_year = re.compile(rf"{doc.year - 1}年(?![^,，。]{{0,4}}(?:与|比|和|至|到|-))") if doc.year else None
    for ps, pe in paras:
        lang = langs[(ps, pe)]
        looking_back = False  # outside the review: "过去一年，…" / "2024年，…" sums up last year
        for ss, se in split_sentences(text, lang, ps, pe, semicolons="never"):
            stext = text[ss:se]
            one_year = bool(_ONE_YEAR_START.search(stext) or (last_year and last_year.match(stext)))
            in_review = region.in_review(ss)  # asked three times below; the answer is the same
            if in_review:
                if _MULTI_YEAR_START.search(stext):
                    multi_year = True
                elif one_year:
                    multi_year = False
            else:
                multi_year = False
                if one_year:
                    looking_back = True
                elif _THIS_YEAR_START.search(stext):
                    looking_back = False
            if region.targets and (region.in_targets(ss) or any(ss <= ts < se for ts, _ in region.targets)):
                kind = TARGET
            elif in_review:
                kind = STATISTIC if multi_year else OUTCOME
            elif looking_back and is_report:
                kind = OUTCOME
            elif is_report and not region.targets and _YEAR_TARGET.search(stext):
                # a report without a list of main targets (before ~2003) sets them in running
                # text: "今年国民生产总值计划增长百分之八"
                kind = YEAR_TARGET
            elif region.plan_start is not None and ss >= region.plan_start:  # region.in_plan(ss)
                kind = "plan"
            else:
                kind = STATISTIC
            sid = None
            if sent_starts:
                k = bisect.bisect_right(sent_starts, ss) - 1
                sid = doc.sentences[k].id if k >= 0 else doc.sentences[0].id
            before_plan = is_report and kind == STATISTIC and (region.plan_start is None or ss < region.plan_start)
            ctx = _Ctx(doc, norm, lex, lang, kind, sid, in_review and multi_year, before_plan)
            out.extend(_sentence_statements(ctx, ss, se, region))
    return out


# --- layout -----------------------------------------------------------------------------------


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def _has_anchor(text: str) -> bool:
    return any(_anchor_ok(text, m) for m in _ANCHOR_ZH.finditer(text)) or bool(_ANCHOR_EN.search(text))


def _anchor_ok(text: str, m: re.Match[str]) -> bool:
    """"主要预期目标是：" opens the year's targets; "今年…主要目标是：" too; a five-year plan's
    "今后五年…主要目标是：" or a reform's "主要目标是：改革…" do not."""
    before = text[max(0, m.start() - 40) : m.start()]
    if _ANCHOR_NOT.search(before[-30:]):
        return False
    return "预期" in text[max(0, m.start() - 2) : m.end()] or bool(_THIS_YEAR.search(before))


def _is_heading(line: str, lang: str) -> bool:
    limit = 60 if lang == "zh" else 160
    return len(line) <= limit and not re.search(r"[。;；]|[.!?]\s*$", line) and not line.startswith("——")


def _layout(
    text: str, paras: list[tuple[int, int]], langs: dict[tuple[int, int], str], year: int | None, lexicon: Lexicon
) -> _Region:
    """Find the review part, the start of the plan, and the target lists of a report."""
    region = _Region()
    heads = []  # (para index, numbered, review?, plan?)
    for i, (s, e) in enumerate(paras):
        line = text[s:e]
        if not _is_heading(line, langs[(s, e)]):
            continue
        numbered = bool(_PART_NUMBER.match(line))
        rev = bool(_REVIEW_HEAD.search(line))
        plan = bool(_PLAN_HEAD.search(line)) or bool(year and str(year) in line and not rev)
        if numbered or rev or plan:
            heads.append((i, numbered, rev, plan))

    anchors = _anchor_lists(text, paras, langs, lexicon)
    region.targets = anchors
    first_anchor = anchors[0][0] if anchors else None

    review_at = next((h for h in heads if h[2]), None)
    if review_at is None:
        numbered = [h for h in heads if h[1]]
        # a report's first numbered part reviews the past year when the targets come later
        if len(numbered) >= 2 and first_anchor is not None and paras[numbered[1][0]][0] <= first_anchor:
            review_at = numbered[0]
    if review_at is not None:
        start = paras[review_at[0]][1]
        later = [h for h in heads if h[0] > review_at[0] and (h[1] or h[3]) and not h[2]]
        end = paras[later[0][0]][0] if later else (first_anchor if first_anchor is not None else len(text))
        if first_anchor is not None and review_at[0] < len(paras) and paras[review_at[0]][0] < first_anchor < end:
            end = first_anchor  # the targets are never part of the review
        region.review.append((start, end))
        region.plan_start = end
    else:
        plan_heads = [paras[h[0]][0] for h in heads if h[3]]
        starts = [p for p in (first_anchor, plan_heads[0] if plan_heads else None) if p is not None]
        region.plan_start = min(starts) if starts else None
    return region


def _anchor_lists(
    text: str, paras: list[tuple[int, int]], langs: dict[tuple[int, int], str], lexicon: Lexicon
) -> list[tuple[int, int]]:
    """Spans of target lists: from "主要预期目标是：" to the end of its sentence, plus the
    sentences after it that still read as targets. When the anchor closes its paragraph, the
    list is in the paragraphs that follow (one target per line, say)."""
    spans = []
    for i, (ps, pe) in enumerate(paras):
        para = text[ps:pe]
        lang = langs[(ps, pe)]
        pattern = _ANCHOR_ZH if lang == "zh" else _ANCHOR_EN
        for m in pattern.finditer(para):
            if lang == "zh" and not _anchor_ok(para, m):
                continue
            start = ps + m.end()
            body = [(ps, pe)]
            if not para[m.end() :].strip():
                body = paras[i + 1 : i + 16]  # "…主要预期目标是：" closing its paragraph: the list follows
                if body:
                    start = body[0][0]
            end, first = start, True
            for bs, be in body:
                stop = False
                for ss, se in split_sentences(text, langs.get((bs, be), lang), bs, be, semicolons="never"):
                    if se <= start:
                        continue
                    if not first and not _continues_list(text[ss:se], lang, lexicon):
                        stop = True
                        break
                    end, first = se, False
                if stop:
                    break
            spans.append((start, end))
    first_list = min((s for s, _ in spans), default=len(text))
    for ps, pe in paras:
        if ps >= first_list:
            break
        for m in _ANCHOR_SINGLE.finditer(text, ps, pe):
            # "今年经济增长预期目标为7%左右": a single target stated in passing, before any list
            cut = max(text.rfind(c, ps, m.start()) for c in ",，。;；:：")
            end = min([e for e in (text.find(c, m.end(), pe) for c in ",，。;；") if e >= 0] or [pe])
            spans.append((max(ps, cut + 1), end))
    return sorted(spans)


_ENUMERATOR = re.compile(r"^\s*(?:[(（]?[一二三四五六七八九十\d]{1,2}[)）.、]|[•·●▪◆\-–—*]+)\s*")


def _continues_list(sentence: str, lang: str, lexicon: Lexicon) -> bool:
    """Does a sentence after the target list still state targets, or is it commentary?

    A target names its indicator up front ("能耗强度下降3.1%以上", "— GDP growth of around 5%")
    or promises to meet an assigned one ("完成国家下达的…任务"); commentary opens with a verb
    or a reference to the targets ("上述目标…", "加强对…等主要目标的统筹", "These targets…").
    """
    sentence = _ENUMERATOR.sub("", sentence, count=1)
    if _COMMENTARY_START.search(sentence):
        return False
    if lang != "zh":
        mentions = lexicon.find(sentence, "en")
        return bool(mentions) and len(re.findall(r"[A-Za-z]+", sentence[: mentions[0].start])) <= 4
    if _GOAL_WORD.search(sentence):
        return False
    first = _CLAUSE_CUT_ZH.split(sentence, 1)[0]
    return _starts_with_indicator(first, lexicon) or (
        bool(_ASSIGNED.search(sentence)) and bool(lexicon.find(sentence, "zh"))
    )


def _starts_with_indicator(clause: str, lexicon: Lexicon) -> bool:
    mentions = lexicon.find(clause, "zh")
    if not mentions:
        return False
    lead = re.match(r"^(?:全省|全市|全区|实现|确保|力争|其中)?", clause)
    offset = lead.end() if lead else 0
    first = mentions[0].start - offset
    return first <= 8 and not re.search(r"[对把将]", clause[offset : mentions[0].start])


# --- sentences and clauses --------------------------------------------------------------------


def _clauses(text: str, start: int, end: int, lang: str) -> list[_Clause]:
    cut = _CLAUSE_CUT_ZH if lang == "zh" else _CLAUSE_CUT_EN
    out, prev = [], start
    for m in cut.finditer(text, start, end):
        if (
            lang == "zh"
            and m.group(0) in ",，"
            and 0 < m.start() < len(text) - 1
            and text[m.start() - 1].isdigit()
            and text[m.start() + 1].isdigit()
        ):
            continue  # 1,000
        if m.start() > prev:
            out.append(_Clause(prev, m.start(), text[prev : m.start()]))
        prev = m.end()
    if end > prev:
        out.append(_Clause(prev, end, text[prev:end]))
    trimmed = []
    for c in out:
        s, e = c.start, c.end
        while s < e and text[s] in " \t\u3000":
            s += 1
        while e > s and text[e - 1] in " \t\u3000":
            e -= 1
        if e > s:
            trimmed.append(_Clause(s, e, text[s:e]))
    return trimmed


def _quantities(stext: str, lang: str) -> list[Quantity]:
    qs = [q for q in parse_quantities(stext, lang) if _is_value(stext, q)]
    if lang == "en":
        taken = [(q.start, q.end) for q in qs]
        for m in _EN_COUNT.finditer(stext):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            value = float(_EN_NUMBER_WORDS[m.group(1).lower()])
            unit = m.group(2)[1:].lower() + "s" if m.group(2) else "count"
            qs.append(
                Quantity(value, None, unit, "exact", m.start(), m.end(), m.start(1), m.end(1), m.group(0))
            )
        qs.sort(key=lambda q: q.start)
    return qs


def _is_value(stext: str, q: Quantity) -> bool:
    """Numbers that name things rather than measure them: “3815”, a date's 3月."""
    before = stext[q.start - 1] if q.start > 0 else ""
    after = stext[q.end] if q.end < len(stext) else ""
    if before and after and before in _QUOTES_OPEN and after in _QUOTES_CLOSE:
        return False
    if q.unit in _DURATIONS and (
        q.value == 1
        or _TIME_BEFORE.search(stext[max(0, q.start - 3) : q.start])
        or _TIME_AFTER.match(stext[q.end : q.end + 3])
        or stext[q.end - 2 : q.end + 1].endswith("周年")
        or stext[q.end : q.end + 2] == "周年"
    ):
        return False  # 过去一年, 五年来, 成立75周年: when, not how much
    return not (q.unit is None and after in "月日号时")


def _sentence_statements(ctx: _Ctx, ss: int, se: int, region: _Region) -> list[Statement]:
    text = ctx.norm.text
    stext = text[ss:se]
    in_list = ctx.kind == TARGET
    qs = _quantities(stext, ctx.lang) if _MAY_COUNT.search(stext) else []
    missing = find_missing_numbers(stext)
    if not qs and not in_list and not missing:
        return []  # most sentences: nothing to measure, so no clause work at all
    clauses = _clauses(text, ss, se, ctx.lang)
    verdicts = review(stext, qs)
    # quantities per clause (positions relative to the sentence)
    by_clause: list[list[tuple[Quantity, Suspicion | None]]] = [[] for _ in clauses]
    for q, v in zip(qs, verdicts, strict=True):
        if v is not None and v.fragment:
            continue
        pos = ss + q.number_start
        for k, c in enumerate(clauses):
            if c.start <= pos < c.end:
                by_clause[k].append((q, v))
                break
    out: list[Statement] = []
    found: dict[int, list[Mention]] = {}

    def mentions_of(k: int) -> list[Mention]:
        if k not in found:
            found[k] = _subject_mentions(ctx, clauses[k])
        return found[k]

    def carried(k: int) -> tuple[Mention | str | None, _Clause | None]:
        """The subject a bare clause ("增长5.2%") takes over from the clauses before it: an
        indicator, or the words naming one the lexicon lacks ("国债500亿元,比去年减少100亿元")."""
        skipped = 0
        for j in range(k - 1, -1, -1):
            ms = mentions_of(j)
            if ms:
                return ms[-1], clauses[j]
            if not by_clause[j]:
                skipped += 1
                if skipped > 2:
                    break
                continue  # "发行超长期特别国债,专项用于…,今年先发行1万亿元"
            first = by_clause[j][0][0]
            if not _bare(ctx, clauses[j], ss, first):
                return _subject_words(text[clauses[j].start : ss + first.start], ctx.lang), clauses[j]
        return None, None

    for k, clause in enumerate(clauses):
        target_clause = in_list and region.in_targets(clause.start)
        items = by_clause[k]
        if target_clause:
            items = _drop_stretch(clause, ss, items)
        for ms, me, unit in missing:
            if clause.start <= ss + ms < clause.end:
                out.append(_missing(ctx, clause, ss + ms, ss + me, unit, target_clause))
        if not items:
            if target_clause and mentions_of(k):
                out.extend(_qualitative(ctx, clause, mentions_of(k)))
            continue
        mentions = mentions_of(k)
        respectively = _respectively(ctx, clause, ss, items, mentions)
        for idx, (q, verdict) in enumerate(items):
            subject: Mention | str | None = None
            confidence, span_start = 1.0, clause.start
            if respectively is not None:
                subject, confidence = respectively[idx]
            if subject is None:
                subject = _nearest(ctx, clause, ss, q, mentions, [o for o, _ in items if o is not q])
            if (
                subject is None
                and ctx.lang == "zh"
                and _bare(ctx, clause, ss, q)
                and not _names_its_count(ctx, clause, ss, q)
            ):
                carry, carry_clause = carried(k)
                if carry is not None and carry_clause is not None:
                    subject, confidence, span_start = carry, 0.9, carry_clause.start
            if subject is None and ctx.lang == "zh" and k > 0:
                topic = _topic_attribute(ctx, clause, ss, q)
                if topic is not None:
                    subject, confidence = topic, 0.8
                    span_start = next(c.start for c in clauses if c.end > topic.start)
            if _converted(ctx.norm.text, ss, q, [o for o, _ in items]):
                continue  # "1 trillion yuan ($139 billion)": the same amount in another currency
            st = _statement(ctx, clause, ss, q, verdict, subject, confidence, span_start, target_clause, region)
            if st.unit in _DURATIONS and not st.indicator_known and st.kind != TARGET:
                continue  # 连续三年, 三年行动, 成立60周年: spans of time, not measurements of anything
            out.append(st)
    return out


def _converted(text: str, ss: int, q: Quantity, others: list[Quantity]) -> bool:
    """An amount in brackets right after an amount in another currency is its conversion."""
    if q.unit not in CURRENCY_UNITS:
        return False
    before = text[max(ss, ss + q.start - 3) : ss + q.start]
    if not re.search(r"[(（]\s*$", before):
        return False
    return any(
        o is not q and o.unit in CURRENCY_UNITS and o.unit != q.unit and 0 <= q.start - o.end <= 3 for o in others
    )


def _topic_attribute(ctx: _Ctx, clause: _Clause, ss: int, q: Quantity) -> Mention | None:
    """"粮食连续五年增产，总产量10570亿斤": a clause that names only an attribute ("总产量",
    "2024年产量") of a topic stated earlier in the sentence measures the topic's indicator.
    The returned mention is positioned in the document's normalised text."""
    before = clause.text[: ss + q.start - clause.start]
    words = _TRAILING_VERBS_ZH.sub("", _NOT_WORD_CHAR.sub("", _YEAR_ZH.sub("", before)))
    if not 1 < len(words) <= 4:
        return None
    context = ctx.norm.text[ss : clause.start]
    found = ctx.lexicon.compose(words, context)
    if found is None and words.startswith("年"):  # "2024年产量": the 年 belongs to the year
        found = ctx.lexicon.compose(words[1:], context)
    if found is None:
        return None
    return Mention(found.key, ss + found.start, ss + found.end, found.phrase)


def _missing(ctx: _Ctx, clause: _Clause, start: int, end: int, unit: str, target_clause: bool) -> Statement:
    """A statement whose number was lost in scraping: kept without a value, and flagged."""
    text = ctx.norm.text
    before = text[clause.start : start]
    words = _subject_words(before, ctx.lang)
    kind = TARGET if target_clause else (OUTCOME if ctx.kind == OUTCOME else STATISTIC)
    year = ctx.doc.year if kind == TARGET else (ctx.doc.year - 1 if kind == OUTCOME and ctx.doc.year else None)
    ostart, oend = ctx.norm.to_original(clause.start, clause.end)
    return Statement(
        kind=kind,
        indicator=derived_key(words),
        comparator="exact",
        value=None,
        unit=unit,
        text=clause.text,
        start=ostart,
        end=oend,
        direction=_direction(text[clause.start : end]),
        year=year,
        jurisdiction=ctx.doc.jurisdiction,
        sentence=ctx.sentence_id,
        indicator_known=False,
        suspect=True,
        suspect_reason=f"the number is missing from {text[start:end]!r}, probably lost in scraping",
        confidence=0.3,
    )


def _subject_mentions(ctx: _Ctx, clause: _Clause) -> list[Mention]:
    """Indicators a clause is about: not comparison references ("与经济增长同步"), not
    denominators ("占国内生产总值的比重"), and catch-alls only when nothing specific is named."""
    mentions = ctx.lexicon.find(clause.text, ctx.lang)
    if not mentions:
        return []
    comparison = _COMPARISON_ZH if ctx.lang == "zh" else _COMPARISON_EN
    if len(mentions) > 1 and comparison.search(clause.text):
        mentions = mentions[:1]
    kept = []
    for m in mentions:
        before = clause.text[max(0, m.start - 3) : m.start]
        after = clause.text[m.end : m.end + 4]
        if ctx.lang == "zh" and (
            _SHARE_OF_BEFORE.search(before)
            or _SHARE_OF_AFTER.match(after)
            or (_TOWARDS_BEFORE.search(before) and _OF_AFTER.match(after))
        ):
            continue  # 占国内生产总值的比重, 对经济增长的贡献率: the number is not about this indicator
        if ctx.lang == "en" and _OF_TO_END.search(clause.text[max(0, m.start - 12) : m.start]) and _SHARE_OF_END_EN.search(
            clause.text[max(0, m.start - 30) : m.start]
        ):
            continue
        kept.append(m)
    specific = [m for m in kept if not _generic(ctx, m.key)]
    return specific or kept


def _generic(ctx: _Ctx, key: str) -> bool:
    ind = ctx.lexicon.get(key)
    return bool(ind and ind.generic)


def _qualitative(ctx: _Ctx, clause: _Clause, mentions: list[Mention]) -> list[Statement]:
    out, seen = [], set()
    start, end = ctx.norm.to_original(clause.start, clause.end)
    for m in mentions:
        if m.key in seen:
            continue
        seen.add(m.key)
        ind = ctx.lexicon.get(m.key)
        out.append(
            Statement(
                kind=TARGET,
                indicator=m.key,
                comparator="qualitative",
                value=None,
                unit=None,
                text=clause.text,
                start=start,
                end=end,
                direction=ind.direction if ind else None,
                year=ctx.doc.year,
                jurisdiction=ctx.doc.jurisdiction,
                sentence=ctx.sentence_id,
                confidence=0.9,
            )
        )
    return out


def _drop_stretch(clause: _Clause, ss: int, items: list[tuple[Quantity, Suspicion | None]]) -> list:
    """"增长7%以上、力争达到8%": the stretch goal after a target is not a target of its own."""
    kept = []
    for q, v in items:
        before = clause.text[: ss + q.start - clause.start]
        if kept and _STRETCH.search(before[-8:]):
            continue
        kept.append((q, v))
    return kept


def _respectively(
    ctx: _Ctx, clause: _Clause, ss: int, items: list[tuple[Quantity, Suspicion | None]], mentions: list[Mention]
) -> list[tuple[Mention | None, float]] | None:
    """Pair the subjects of "A、B分别增长5%、6%" (or "A and B grew 5% and 6% respectively")."""
    if len(items) < 2:
        return None
    if ctx.lang == "zh":
        at = clause.text.find(_RESPECTIVELY_ZH)
        if at < 0:
            return None
    else:
        m = _RESPECTIVELY_EN.search(clause.text)
        if not m:
            return None
        at = ss + items[0][0].start - clause.start
    subjects = [m for m in mentions if m.end <= at]
    n = len(items)
    if len(subjects) == n:
        return [(s, 1.0) for s in subjects]
    head = re.sub(r"^(?:其中|全省|全市|全区)", "", clause.text[:at])
    derived = _split_subjects(ctx, head, n, at - len(head))
    if derived is not None:
        return [(s, 0.9) for s in derived]
    return None


def _split_subjects(ctx: _Ctx, head: str, n: int, offset: int) -> list[Mention] | None:
    """Subjects that share their head noun: 城镇和农村居民收入, 一、二、三产增加值, 城乡居民收入."""
    if "城乡" in head and n == 2:
        found = []
        for part in ("城镇", "农村"):
            ms = ctx.lexicon.find(head.replace("城乡", part, 1), ctx.lang)
            if not ms:
                return None
            found.append(Mention(ms[-1].key, offset, offset + len(head), head))
        return found
    parts = [p for p in _LIST_SEP.split(head) if p.strip()]
    if len(parts) != n:
        return None
    last = parts[-1].strip()
    found = []
    for p in parts:
        p = p.strip()
        ms = ctx.lexicon.find(p, ctx.lang)
        if not ms and len(p) < len(last):
            ms = ctx.lexicon.find(p + last[len(p) :], ctx.lang)
        if not ms:
            return None
        found.append(Mention(ms[-1].key, offset, offset + len(head), p))
    return found


def _nearest(
    ctx: _Ctx, clause: _Clause, ss: int, q: Quantity, mentions: list[Mention], others: list[Quantity]
) -> Mention | None:
    """The indicator a number measures: the nearest one named before it (English: either side),
    provided only verbs, qualifiers and other values of it ("达到134.9万亿元、增长5%") stand
    between them."""
    base = ss - clause.start
    qs, qe, q_end = base + q.start, base + q.number_end, base + q.end
    masked = list(clause.text)
    for o in others:
        for i in range(max(0, base + o.start), min(len(masked), base + o.end)):
            masked[i] = " "
    ctext = "".join(masked)
    # English names the indicator after the number in "X of Y" / "a drop of 3% in Y"
    of_next = ctx.lang == "en" and bool(_OF_IN_NEXT.match(clause.text[q_end:]))
    best, best_gap, best_after = None, None, False
    for m in mentions:
        if m.end <= qs:
            gap_text, after = ctext[m.end : qs], False
        elif ctx.lang == "en" and m.start >= qe:
            gap_text, after = ctext[min(max(qe, q_end), m.start) : m.start], True
            if q.unit in ("percent", "percentage_point") and not of_next and gap_text.strip():
                continue  # "5% in X" / "5 percent of X" name X after the number; "5% faster than X" does not
        else:
            continue
        if not _only_filler(gap_text, ctx.lang):
            continue
        distance = len(gap_text)
        if of_next and after != best_after and best is not None:
            better = after  # a following "of Y" beats any subject before the number
        else:
            better = best_gap is None or distance < best_gap or (distance == best_gap and not after)
        if better:
            best, best_gap, best_after = m, distance, after
    return best


def _only_filler(gap: str, lang: str) -> bool:
    if lang == "zh":
        rest = _FILLER_ZH.sub("", gap)
        rest = _GAP_MARKS_ZH.sub("", rest)
        return len(rest) <= 2
    rest = _FILLER_EN.sub(" ", gap)
    words = _EN_WORD_RE.findall(rest)
    return len(words) <= 2


def _bare(ctx: _Ctx, clause: _Clause, ss: int, q: Quantity) -> bool:
    """A clause like "增长5.2%" that carries its subject over from the clause before
    (but not "贡献了全国38.7%的贸易增量", whose subject follows the number)."""
    rel = ss + q.start - clause.start
    before = clause.text[:rel]
    if len(before.strip()) > 12 or _DE_NEXT.match(clause.text[ss + q.end - clause.start :]):
        return False
    if ctx.lang != "zh":
        return _only_filler(before, ctx.lang)
    before = _YEAR_ZH.sub("", before)  # "2024年达到1.3万亿元、增长5.8%"
    return not _BARE_MARKS.sub("", _FILLER_ZH.sub("", before))


# --- building a statement ---------------------------------------------------------------------


def _statement(
    ctx: _Ctx,
    clause: _Clause,
    ss: int,
    q: Quantity,
    verdict: Suspicion | None,
    subject: Mention | str | None,
    confidence: float,
    span_start: int,
    target_clause: bool,
    region: _Region,
) -> Statement:
    text = ctx.norm.text
    before = text[clause.start : ss + q.start]
    after = text[ss + q.end : clause.end]
    key, known = _key(ctx, q, subject, before, after)
    kind, year = _kind_and_year(ctx, clause, ss, q, key, target_clause, before)
    comparator = _comparator(text, ss, q, kind, before)
    unit = q.unit
    ind = ctx.lexicon.get(key) if known else None
    if unit is None and ind is not None and ind.unit not in (None, "percent", "other") and _SCALE_WORD.search(
        q.raw
    ):
        unit = ind.unit  # "减少1000万以上": the indicator says what was counted
    end = clause.end
    if verdict is not None and verdict.absorbs is not None:
        end = max(end, ss + verdict.absorbs[1])
    direction = ind.direction if ind is not None and ind.direction else _direction(before)
    if not known:
        confidence = min(confidence, 0.7)
    if ctx.kind == YEAR_TARGET:
        confidence = min(confidence, 0.8)  # a list of main targets, where there is one, says it better
    if verdict is not None:
        confidence = min(confidence, 0.5)
    ostart, oend = ctx.norm.to_original(span_start, end)
    return Statement(
        kind=kind,
        indicator=key,
        comparator=comparator,
        value=q.value,
        unit=unit,
        text=text[span_start:end],
        start=ostart,
        end=oend,
        value_high=q.value_high,
        direction=direction,
        year=year,
        jurisdiction=ctx.doc.jurisdiction,
        sentence=ctx.sentence_id,
        indicator_known=known,
        suspect=verdict is not None,
        suspect_reason=verdict.reason if verdict is not None else None,
        suggested_value=verdict.suggested_value if verdict is not None else None,
        confidence=confidence,
    )


def _key(ctx: _Ctx, q: Quantity, subject: Mention | str | None, before: str, after: str) -> tuple[str, bool]:
    """The indicator key for a value, and whether the lexicon knows it."""
    tail = before.rstrip()
    words = subject if isinstance(subject, str) else None
    if isinstance(subject, Mention) and not _compatible(ctx.lexicon.get(subject.key), q.unit):
        subject = None  # "经济增速为6年来最低": six years are not a growth rate
    if isinstance(subject, Mention):
        ind = ctx.lexicon.get(subject.key)
        key = subject.key
        if ind is not None and q.unit in CURRENCY_UNITS and ind.unit not in CURRENCY_UNITS:
            if ind.level:
                key = ind.level
            elif ind.unit == "percent":
                return derived_key(subject.phrase, "amount") if ctx.lang == "en" else f"{key}_amount", False
        target = ctx.lexicon.get(key)
        rate = target is not None and target.unit == "percent"
        if q.unit == "percentage_point" and rate:
            return f"{key}_change", False
        stock = target is not None and target.direction == "level"
        if q.unit not in ("percent", "percentage_point") and stock and _CHANGE_VERB.search(tail):
            return f"{key}_change", False  # "粮食产量…,增产74亿斤": the change, not the level
        return key, True
    if words is None:
        words = _subject_words(before, ctx.lang)
        if ctx.lang == "en" and not _LATIN.search(words):
            words = _subject_words(after, ctx.lang, leading=True)  # "31 municipal departments"
        elif ctx.lang == "zh" and (not _CJK.search(words) or _ACTION_ONLY.fullmatch(words)):
            # "新增5.5万个充电桩", "8条高速公路建成通车": the counted thing follows the number
            noun = _noun_after_zh(after)
            if noun:
                words = (words if _CJK.search(words) else "") + noun
    suffix = None
    if _SHARE_WORD.search(before):
        suffix = "share"
    elif q.unit == "percentage_point":
        suffix = "change"
    elif q.unit == "percent" and _GROWTH_VERB.search(before):
        suffix = "growth"
    elif q.unit != "percent" and _CHANGE_VERB.search(tail):
        suffix = "change"
    return derived_key(words, suffix), False


_UNIT_FAMILIES = (
    frozenset({"percent", "percentage_point"}),
    frozenset({"persons", "person_times", None}),
    frozenset({"jin", "tonnes"}),
    CURRENCY_UNITS | {None},
)


def _compatible(ind, unit: str | None) -> bool:
    """Can an indicator be measured in this unit? Rates take percentages, or an amount when the
    indicator has a level key ("国内生产总值达到…万亿元"); counts take counts; and so on."""
    if ind is None or ind.unit in (None, "other"):
        return True
    if ind.unit == "percent" and unit in CURRENCY_UNITS:
        return True
    families = [f for f in _UNIT_FAMILIES if ind.unit in f]
    if not families:
        return unit in (ind.unit, None)
    return any(unit in family for family in families)


_CJK = re.compile(r"[\u4e00-\u9fff]")
_ACTION_ONLY = re.compile(
    r"(?:新增|新建|完成|实施|建成|建设|打造|推动|推进|培育|支持|带动|办好|改造|新开工|开工|引进|认定|创建|"
    r"举办|开展|组织|制定|出台|落实|累计|共|为|在|首批|全年|全省|全市|全区|保持|确保|力争|争取|实现|达到|超过|突破)+"
)
_COUNTED_UNITS = frozenset({"units", "persons", "households", "person_times", None})
_NOUN_STOP_ZH = re.compile(
    r"[^\u4e00-\u9fff]|大关|台阶|水平|规模|目标|左右|以上|以内|建成|实现|入选|取得|打破|跻身|荣获|落地|上线|提速|填补|完成|达到|占|投用|开工|通车|"
    r"获批|纳入|列入|成为|全部|均|已|基本|通过|覆盖|的"
)


def _names_its_count(ctx: _Ctx, clause: _Clause, ss: int, q: Quantity) -> bool:
    """"12条城际铁路建成通车": a count followed by what it counts has its own subject, so it
    takes nothing over from the clause before (unlike "增长5.2%" or "达到134.9万亿元")."""
    if q.unit not in _COUNTED_UNITS:
        return False  # 1600亿斤大关, 134.9万亿元: a measure, whose subject may come from before
    return bool(_noun_after_zh(ctx.norm.text[ss + q.end : clause.end]))


def _noun_after_zh(after: str) -> str:
    """The thing a Chinese count counts: the words right after it, up to a verb or punctuation."""
    stop = _NOUN_STOP_ZH.search(after)
    noun = after[: stop.start()] if stop else after
    return noun[:10] if len(noun) >= 2 else ""


def _subject_words(before: str, lang: str, leading: bool = False) -> str:
    """The words that name an unknown indicator: what precedes the number, minus verbs
    (``leading``: the first words of what follows it, for English "282 hard-core measures")."""
    if lang == "zh":
        words = _NOT_WORD_CHAR.sub("", before)
        words = _TRAILING_VERBS_ZH.sub("", words)
        return words[-12:] or before
    words = _EN_WORD_RE.findall(_FILLER_EN.sub(" ", before))
    return " ".join(words[:3] if leading else words[-4:]) or before


def _kind_and_year(
    ctx: _Ctx, clause: _Clause, ss: int, q: Quantity, key: str, target_clause: bool, before: str
) -> tuple[str, int | None]:
    year = ctx.doc.year
    explicit = _explicit_year(clause.text)
    if ctx.kind == TARGET and target_clause:
        return TARGET, year
    if ctx.kind == YEAR_TARGET:
        if ctx.lexicon.get(key) is not None and not _MULTI_YEAR_CLAUSE.search(clause.text) and explicit in (None, year):
            return TARGET, year
        return STATISTIC, explicit
    if ctx.kind == "plan":
        base = key.removesuffix("_change")
        if base in BUDGET_KEYS and not _LAST_YEAR_WORD.search(clause.text):
            return TARGET, year
        return STATISTIC, explicit
    looks_back = ctx.multi_year_review or ctx.before_plan
    if ctx.kind == OUTCOME or (looks_back and _names_last_year(clause.text, explicit, year)):
        # the 、-separated part of the clause around the number: "突破14万亿元、连续36年居全国首位"
        # puts the level in one part and the streak in another
        pos = ss + q.start - clause.start
        lo = clause.text.rfind("、", 0, pos) + 1
        hi = clause.text.find("、", ss + q.end - clause.start)
        part = clause.text[lo : hi if hi >= 0 else len(clause.text)]
        if _MULTI_YEAR_CLAUSE.search(part) or _FROM_BEFORE.search(before) or len(_years(clause.text)) > 1:
            return STATISTIC, explicit
        base = _base_year(before) or _framing_base_year(ctx.norm.text[ss : clause.start])
        level = bool(_LEVEL_BEFORE.search(before))  # "…增长42%，达到8000万吨": the level is last year's
        if base is not None and year is not None and base != year - 2 and not level:
            return STATISTIC, explicit  # "1986年同1978年相比，…增长102%": growth over eight years
        if explicit is not None and year is not None and explicit != year - 1:
            return STATISTIC, explicit
        return OUTCOME, (year - 1 if year is not None else None)
    if explicit is None and year is not None and _LAST_YEAR_ANY.search(clause.text) and not _FORWARD.search(clause.text):
        return STATISTIC, year - 1  # a news item's "last year" / 去年 dates the figure
    return STATISTIC, explicit


def _names_last_year(clause: str, explicit: int | None, year: int | None) -> bool:
    """Inside a several-year review, a clause dated to the year before the report ("去年达到…",
    "2007年产量达到…") or compared with the year before that ("比上年增长12.8%") still reports
    that one year's outcome."""
    if _FORWARD.search(clause):
        return False  # "今年产值预计比去年增长12%": this year's estimate, not last year's outcome
    if year is not None and explicit == year - 1:
        return True
    return explicit is None and bool(_LAST_YEAR_ALONE.search(clause))


_BASE_YEAR = re.compile(r"(?:同|与|比|较)\s*((?:19|20)\d\d|[一二][九〇零][〇零一二三四五六七八九]{2})\s*年")
_CN_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def _base_year(text: str) -> int | None:
    """The year a comparison is made against ("同1978年相比", "比2020年"), when the text names one."""
    found = _BASE_YEAR.findall(text)
    return int(found[-1].translate(_CN_YEAR_DIGITS)) if found else None


_LEVEL_BEFORE = re.compile(r"(?:达到|达|为|突破|超过)\s*$")


def _framing_base_year(sentence_before: str) -> int | None:
    """A sentence opened by "1986年同1978年相比，" compares everything after it with 1978."""
    first = re.split(r"[,，;；]", sentence_before, maxsplit=1)[0]
    return _base_year(first) if ("相比" in first or "比较" in first) else None


def _explicit_year(text: str) -> int | None:
    years = _years(text)
    return years.pop() if len(years) == 1 else None


def _years(text: str) -> set[int]:
    """Years a clause is dated to; a comparison's base year ("比2022年") is not one of them."""
    return {int(a or b) for a, b in _YEAR_IN_CLAUSE.findall(_BASE_YEAR.sub("", text))}


def _comparator(text: str, ss: int, q: Quantity, kind: str, before: str) -> str:
    comparator = q.comparator
    if comparator == "exact":
        tail = _RATE_TAIL.match(text[ss + q.end : ss + q.end + 8])
        if tail:
            comparator = _TAIL_COMPARATOR[tail.group(1)]  # 16.8万元/人左右
        elif _AT_LEAST_VERB.search(before):
            comparator = "at_least"  # 跃上1.4万亿斤
    if kind == OUTCOME and comparator == "at_most" and q.qualifiers and all("控制" in w for w in q.qualifiers):
        comparator = "exact"  # "控制在2.6%" reports what happened; only a target sets a ceiling
    return comparator


def _direction(before: str) -> str:
    if _DECREASE.search(before[-20:]):
        return "decrease"
    if _INCREASE.search(before[-20:]):
        return "increase"
    return "level"
