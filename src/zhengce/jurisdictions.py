"""China's 31 mainland provincial-level divisions, plus "national", as data.

Every stored jurisdiction is either ``"national"`` or a province's short Chinese name (``上海``,
``广西``), so that a filter typed as ``Shanghai``, ``shanghai``, ``上海市`` or ``沪`` and a title that
says ``上海市第十六届人民代表大会`` all land on the same key. Hong Kong, Macao and Taiwan are left out
on purpose: they do not deliver provincial Government Work Reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NATIONAL = "national"


@dataclass(frozen=True)
class Jurisdiction:
    short: str  # the canonical key: 上海
    full: str  # 上海市
    english: str  # Shanghai
    code: str  # GB/T 2260 two-digit code: 31
    abbreviation: str  # the one-character 简称: 沪
    aliases: tuple[str, ...] = ()  # other spellings accepted by normalise_jurisdiction


PROVINCES: tuple[Jurisdiction, ...] = (
    Jurisdiction("北京", "北京市", "Beijing", "11", "京", ("peking",)),
    Jurisdiction("天津", "天津市", "Tianjin", "12", "津"),
    Jurisdiction("河北", "河北省", "Hebei", "13", "冀"),
    Jurisdiction("山西", "山西省", "Shanxi", "14", "晋"),
    Jurisdiction("内蒙古", "内蒙古自治区", "Inner Mongolia", "15", "蒙",
                 ("nei mongol", "neimenggu", "nei menggu", "neimongol", "内蒙")),
    Jurisdiction("辽宁", "辽宁省", "Liaoning", "21", "辽"),
    Jurisdiction("吉林", "吉林省", "Jilin", "22", "吉"),
    Jurisdiction("黑龙江", "黑龙江省", "Heilongjiang", "23", "黑"),
    Jurisdiction("上海", "上海市", "Shanghai", "31", "沪"),
    Jurisdiction("江苏", "江苏省", "Jiangsu", "32", "苏"),
    Jurisdiction("浙江", "浙江省", "Zhejiang", "33", "浙"),
    Jurisdiction("安徽", "安徽省", "Anhui", "34", "皖"),
    Jurisdiction("福建", "福建省", "Fujian", "35", "闽"),
    Jurisdiction("江西", "江西省", "Jiangxi", "36", "赣"),
    Jurisdiction("山东", "山东省", "Shandong", "37", "鲁"),
    Jurisdiction("河南", "河南省", "Henan", "41", "豫"),
    Jurisdiction("湖北", "湖北省", "Hubei", "42", "鄂"),
    Jurisdiction("湖南", "湖南省", "Hunan", "43", "湘"),
    Jurisdiction("广东", "广东省", "Guangdong", "44", "粤", ("canton",)),
    Jurisdiction("广西", "广西壮族自治区", "Guangxi", "45", "桂", ("guangxi zhuang", "广西自治区")),
    Jurisdiction("海南", "海南省", "Hainan", "46", "琼"),
    Jurisdiction("重庆", "重庆市", "Chongqing", "50", "渝"),
    Jurisdiction("四川", "四川省", "Sichuan", "51", "川", ("蜀",)),
    Jurisdiction("贵州", "贵州省", "Guizhou", "52", "黔", ("贵",)),
    Jurisdiction("云南", "云南省", "Yunnan", "53", "滇", ("云",)),
    Jurisdiction("西藏", "西藏自治区", "Tibet", "54", "藏", ("xizang",)),
    Jurisdiction("陕西", "陕西省", "Shaanxi", "61", "陕", ("秦",)),
    Jurisdiction("甘肃", "甘肃省", "Gansu", "62", "甘", ("陇",)),
    Jurisdiction("青海", "青海省", "Qinghai", "63", "青"),
    Jurisdiction("宁夏", "宁夏回族自治区", "Ningxia", "64", "宁", ("ningxia hui", "宁夏自治区")),
    Jurisdiction("新疆", "新疆维吾尔自治区", "Xinjiang", "65", "新",
                 ("xinjiang uygur", "xinjiang uyghur", "新疆自治区")),
)  # fmt: skip

BY_SHORT: dict[str, Jurisdiction] = {j.short: j for j in PROVINCES}

# What counts as "the nation" in a name or a title. 中央 is left out: 党中央 appears in every
# provincial report.
_NATIONAL_ZH = ("中华人民共和国", "全国人民代表大会", "全国人大", "国务院", "全国")
_NATIONAL_EN = ("state council", "people's republic of china", "national people's congress")
_NATIONAL_NAMES = {
    "national", "nation", "nationwide", "china", "prc", "cn", "00", "state council", "中国", "国家", "中央",
    *_NATIONAL_ZH, *_NATIONAL_EN,
}  # fmt: skip


def _key(name: str) -> str:
    """Case, spacing and a trailing 'province'/'municipality' do not matter in a typed name."""
    s = " ".join(name.strip().lower().replace("’", "'").replace("-", " ").split())
    s = re.sub(r"\s+(province|municipality|autonomous region|region|city|shi|sheng)$", "", s)
    return s


def _build_lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    for j in PROVINCES:
        names = {j.short, j.full, j.english, j.code, j.abbreviation, *j.aliases}
        names.add(j.english.replace(" ", ""))
        for n in names:
            table[_key(n)] = j.short
    for n in _NATIONAL_NAMES:
        table[_key(n)] = NATIONAL
    return table


_LOOKUP = _build_lookup()


def normalise_jurisdiction(name: str) -> str:
    """The canonical key for a jurisdiction as a user or a corpus row might write it.

    Accepts the short name (上海), full name (上海市), English or pinyin (Shanghai, shanghai,
    Inner Mongolia, neimenggu, Xizang), the one-character 简称 (沪), the two-digit admin code (31),
    traditional characters (廣東) and "national"/全国/国务院/China. Anything else is a user error
    and raises ValueError with the accepted forms spelled out.
    """
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"empty jurisdiction name {name!r}: {_options()}")
    key = _key(name)
    if key in _LOOKUP:
        return _LOOKUP[key]
    simplified = _to_simplified(key)
    if simplified in _LOOKUP:
        return _LOOKUP[simplified]
    raise ValueError(f"unknown jurisdiction {name!r}: {_options()}")


def _options() -> str:
    shorts = "、".join(j.short for j in PROVINCES)
    return (
        "use 'national' (全国/国务院) or a province by its short name, full name or English name, "
        f"e.g. 上海 / 上海市 / Shanghai; provinces: {shorts}"
    )


def _to_simplified(s: str) -> str:
    try:
        import opencc  # opencc-python-reimplemented

        return _key(opencc.OpenCC("t2s").convert(s))
    except Exception:  # pragma: no cover - opencc is a declared dependency; a missing one only loses 廣東
        return s


def english_name(short: str) -> str:
    """English name for a canonical key, for English output and bilingual tables."""
    if short == NATIONAL:
        return "National"
    j = BY_SHORT.get(short)
    if j is None:
        j = BY_SHORT.get(normalise_jurisdiction(short))  # raises a helpful ValueError when unknown
        if j is None:
            return "National"
    return j.english


def all_jurisdictions() -> list[str]:
    """Every canonical key, national first, then provinces in admin-code order."""
    return [NATIONAL, *(j.short for j in PROVINCES)]


# -- finding a jurisdiction in running text --------------------------------------------------
def _zh_pattern() -> tuple[re.Pattern[str], list[str]]:
    names: dict[str, str] = {}
    for j in PROVINCES:
        for n in (j.short, j.full, *[a for a in j.aliases if re.search(r"[\u4e00-\u9fff]{2,}", a)]):
            names[n] = j.short
    for n in _NATIONAL_ZH:
        names[n] = NATIONAL
    alts = []
    for n in sorted(names, key=len, reverse=True):
        esc = re.escape(n)
        if n == "北京":  # a dateline (新华社北京3月5日电) or 北京时间 is not about Beijing
            esc = r"(?<!新华社)北京(?!时间|\d{1,2}月)"
        alts.append(f"(?P<z{len(alts)}>{esc})")
    return re.compile("|".join(alts)), [names[n] for n in sorted(names, key=len, reverse=True)]


_ZH_RE, _ZH_NAMES = _zh_pattern()

_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"


def _en_pattern() -> tuple[re.Pattern[str], list[str]]:
    names: dict[str, str] = {}
    for j in PROVINCES:
        for n in (j.english, *[a for a in j.aliases if a.isascii()]):
            names[n.lower()] = j.short
    names["xizang"] = "西藏"
    for n in _NATIONAL_EN:
        names[n] = NATIONAL
    order = sorted(names, key=len, reverse=True)
    alts = []
    for n in order:
        esc = r"\s+".join(re.escape(w) for w in n.split())
        if n == "beijing":  # "Beijing Review", "BEIJING, March 5 (Xinhua)" are bylines, not subjects
            esc = rf"beijing(?!\s+review|\s*,?\s*{_MONTHS}\s*\d|\s*\(xinhua\)|\s+time)"
        alts.append(rf"(?P<e{len(alts)}>\b{esc}\b)")
    return re.compile("|".join(alts), re.IGNORECASE), [names[n] for n in order]


_EN_RE, _EN_NAMES = _en_pattern()


def find_jurisdictions(text: str) -> list[str]:
    """Every jurisdiction named in ``text``, in order of first mention, without repeats.

    Chinese names are matched leftmost-longest, so 浙江西部 is 浙江 and not 江西.
    """
    hits: list[tuple[int, str]] = []
    for m in _ZH_RE.finditer(text):
        hits.append((m.start(), _ZH_NAMES[int(m.lastgroup[1:])]))  # type: ignore[index]
    for m in _EN_RE.finditer(text):
        hits.append((m.start(), _EN_NAMES[int(m.lastgroup[1:])]))  # type: ignore[index]
    out: list[str] = []
    for _, j in sorted(hits):
        if j not in out:
            out.append(j)
    return out


def find_jurisdiction(text: str) -> str | None:
    """The first jurisdiction a title or heading names: a province's short name, "national", or None.

    "2025年上海市政府工作报告" → 上海; "第十四届全国人民代表大会…" → national;
    "Shanghai government work report" → 上海. The first mention wins because titles and
    date lines name their own government before anything else.
    """
    found = find_jurisdictions(text)
    return found[0] if found else None
