"""Anchors: numbers (after scale), years and Latin tokens that a translation must agree on."""

from __future__ import annotations

import numpy as np
from test_align_fake import FakeEncoder

from zhengce.align import Params, align
from zhengce.align.anchors import anchor_agreement, en_anchors, hashed_counts, latin_vocabulary, zh_anchors
from zhengce.align.dp import DEFAULT, _Costs, _set_norms
from zhengce.align.features import build_sides


def test_chinese_scales_meet_english_scales() -> None:
    assert zh_anchors("投资1.2万亿元") == en_anchors("an investment of 1.2 trillion yuan")
    assert zh_anchors("新增就业1000多万人") == en_anchors("over 10 million new jobs")
    assert zh_anchors("3000亿元") == en_anchors("300 billion yuan")
    assert zh_anchors("增长5%左右") == en_anchors("growth of around 5%") == en_anchors("about 5 percent")


def test_years_months_and_thousands_separators() -> None:
    assert sorted(zh_anchors("2024年3月5日")) == sorted(en_anchors("on March 5, 2024"))
    assert en_anchors("12,000 households") == zh_anchors("1.2万户")
    assert en_anchors("you may apply") == []  # the verb "may" is not a month


def test_list_labels_and_english_ordinals_are_not_anchors() -> None:
    assert zh_anchors("(3)推进改革") == []
    assert en_anchors("3. Advancing reform") == []
    assert en_anchors("the 14th Five-Year Plan") == []


def test_latin_tokens_in_chinese_must_reappear_in_english() -> None:
    zh = ["发展5G和AI应用。"]
    vocab = latin_vocabulary(zh)
    assert vocab == {"w:5g", "w:ai"}
    assert sorted(zh_anchors(zh[0])) == sorted(en_anchors("develop 5G and AI applications", vocab))
    assert en_anchors("develop applications", vocab) == []


def test_agreement_rewards_matches_and_penalises_mismatches() -> None:
    assert anchor_agreement([], []) == 0.0
    assert anchor_agreement(["5", "2024"], ["5", "2024"]) < 0 < anchor_agreement(["5"], ["8"])
    assert anchor_agreement(["5", "2024"], ["5", "2025"]) > anchor_agreement(["5", "2024"], ["5", "2024"])


def test_hashed_counts_are_deterministic() -> None:
    a = hashed_counts([["5", "w:ai"], []])
    b = hashed_counts([["5", "w:ai"], []])
    assert np.array_equal(a, b) and a[0].sum() == 2 and a[1].sum() == 0


def test_mismatched_numbers_cost_more_than_matched_ones() -> None:
    zh = ["粮食产量增长5%。", "粮食产量增长8%。"]
    en = ["Grain output grew by 5 percent.", "Grain output grew by 8 percent."]
    z, e = build_sides(zh, en, FakeEncoder(noise=0.0), exact_spans=False)
    _set_norms(z, e)
    costs = _Costs(z, e, DEFAULT)
    right = costs.unit(1, 0, 1, np.array([0]))[0]
    wrong = costs.unit(1, 0, 1, np.array([1]))[0]
    assert wrong > right + DEFAULT.anchor_weight


def test_anchors_pick_the_right_partner_when_embeddings_cannot() -> None:
    # to the fake encoder these sentences differ only by noise; the figures tell them apart
    zh = ["粮食产量增长5%。", "粮食产量增长8%。"]
    cheap_deletions = Params(del_cost=0.3)  # rule out merged beads: the question is who pairs
    for k, figure in enumerate(("5", "8")):
        en = [f"Grain output grew by {figure} percent."]
        got = [(b.zh, b.en) for b in align(zh, en, FakeEncoder(), params=cheap_deletions)]
        assert ([k], [0]) in got and ([1 - k], []) in got
