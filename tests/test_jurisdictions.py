"""The jurisdictions table: lookups by any spelling, helpful errors, finding names in titles."""

from __future__ import annotations

import pytest

from zhengce.jurisdictions import (
    BY_SHORT,
    NATIONAL,
    PROVINCES,
    all_jurisdictions,
    english_name,
    find_jurisdiction,
    find_jurisdictions,
    normalise_jurisdiction,
)


def test_table_has_the_31_mainland_divisions_with_unique_keys():
    assert len(PROVINCES) == 31
    assert len({j.short for j in PROVINCES}) == 31
    assert len({j.code for j in PROVINCES}) == 31
    assert len({j.english for j in PROVINCES}) == 31
    assert "香港" not in BY_SHORT and "台湾" not in BY_SHORT
    assert all_jurisdictions()[0] == NATIONAL and len(all_jurisdictions()) == 32
    assert BY_SHORT["广西"].full == "广西壮族自治区"
    assert BY_SHORT["内蒙古"].english == "Inner Mongolia"
    assert BY_SHORT["上海"].code == "31"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("上海", "上海"),
        ("上海市", "上海"),
        ("Shanghai", "上海"),
        ("  shanghai ", "上海"),
        ("SHANGHAI MUNICIPALITY", "上海"),
        ("沪", "上海"),
        ("31", "上海"),
        ("广西壮族自治区", "广西"),
        ("Guangxi Zhuang Autonomous Region", "广西"),
        ("Inner Mongolia", "内蒙古"),
        ("neimenggu", "内蒙古"),
        ("Xizang", "西藏"),
        ("Tibet", "西藏"),
        ("Shaanxi", "陕西"),
        ("Shanxi", "山西"),
        ("Hebei Province", "河北"),
        ("廣東", "广东"),
        ("national", NATIONAL),
        ("National", NATIONAL),
        ("全国", NATIONAL),
        ("国务院", NATIONAL),
        ("China", NATIONAL),
    ],
)
def test_normalise_accepts_every_common_spelling(name, expected):
    assert normalise_jurisdiction(name) == expected


@pytest.mark.parametrize("bad", ["Gotham", "香港", "", "   ", "上海浦东"])
def test_normalise_rejects_unknown_names_with_the_options_listed(bad):
    with pytest.raises(ValueError) as err:
        normalise_jurisdiction(bad)
    message = str(err.value)
    assert "national" in message and "上海" in message and "Shanghai" in message


def test_english_name():
    assert english_name("内蒙古") == "Inner Mongolia"
    assert english_name("西藏") == "Tibet"
    assert english_name(NATIONAL) == "National"
    assert english_name("上海市") == "Shanghai"  # a non-canonical name is resolved first
    with pytest.raises(ValueError):
        english_name("Atlantis")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025年上海市政府工作报告", "上海"),
        ("政府工作报告——2025年1月14日在上海市第十六届人民代表大会第三次会议上", "上海"),
        ("Shanghai government work report", "上海"),
        ("2024年中华人民共和国国务院政府工作报告", NATIONAL),
        ("——2024年3月5日在第十四届全国人民代表大会第二次会议上", NATIONAL),
        ("在内蒙古自治区第十四届人民代表大会第三次会议上", "内蒙古"),
        ("2025年宁夏政府工作报告", "宁夏"),
        ("Report on the Work of the Government of Inner Mongolia", "内蒙古"),
        ("浙江西部山区发展", "浙江"),  # leftmost-longest: not 江西
        ("广东西部沿海", "广东"),
        ("新华社北京3月5日电 河南省政府", "河南"),  # a dateline is not about Beijing
        ("BEIJING, March 5 (Xinhua) -- Sichuan province", "四川"),
        ("Beijing Review special issue", None),
        ("Many provinces have held economic work conferences", None),
        ("", None),
    ],
)
def test_find_jurisdiction_in_titles(text, expected):
    assert find_jurisdiction(text) == expected


def test_find_jurisdictions_lists_each_once_in_order():
    assert find_jurisdictions("江苏、浙江和上海，以及江苏省") == ["江苏", "浙江", "上海"]
    assert find_jurisdictions("Guangdong and Hainan, China's State Council") == ["广东", "海南", NATIONAL]
