"""The banded DP aligner on small documents whose correct alignment is known by construction."""

from __future__ import annotations

import numpy as np
import pytest
from test_align_fake import FakeEncoder, pair

from zhengce.align import AlignError, Params, align
from zhengce.align.dp import project_band, repeats
from zhengce.align.synthetic import synthetic_parallel


def beads_of(result) -> list[tuple[list[int], list[int]]]:
    return [(b.zh, b.en) for b in result]


def doc(*concept_sets: tuple[int, ...]) -> tuple[list[str], list[str]]:
    pairs = [pair(*c) for c in concept_sets]
    return [z for z, _ in pairs], [e for _, e in pairs]


CONCEPTS = [(0, 1), (2, 3), (4, 5), (6, 7), (8, 9), (10, 11), (12, 13), (14, 15), (16, 17), (18, 19)]


def test_one_to_one_document_aligns_on_the_diagonal() -> None:
    zh, en = doc(*CONCEPTS)
    result = align(zh, en, FakeEncoder())
    assert beads_of(result) == [([i], [i]) for i in range(len(zh))]
    assert all(0.0 <= b.score <= 1.0 and b.flag is None for b in result)


def test_recovers_one_to_two_when_english_splits_a_sentence() -> None:
    zh, en = doc(*CONCEPTS)
    zh[3] = pair(6, 7, 20)[0]  # one Chinese sentence, translated as two English ones
    en[3:4] = [pair(6, 7)[1], pair(20)[1]]
    result = beads_of(align(zh, en, FakeEncoder()))
    assert ([3], [3, 4]) in result
    assert ([4], [5]) in result and ([2], [2]) in result


def test_recovers_two_to_one_when_english_joins_sentences() -> None:
    zh, en = doc(*CONCEPTS)
    en[5:7] = [pair(10, 11, 12, 13)[1]]  # two Chinese sentences, one English one
    result = beads_of(align(zh, en, FakeEncoder()))
    assert ([5, 6], [5]) in result
    assert ([7], [6]) in result


def test_untranslated_sentences_become_one_to_zero_and_zero_to_one() -> None:
    zh, en = doc(*CONCEPTS)
    zh.insert(4, pair(20, 21, 22)[0])  # Chinese with no translation
    en.insert(8, pair(23, 24, 25)[1])  # English with no source
    result = align(zh, en, FakeEncoder())
    got = beads_of(result)
    assert ([4], []) in got
    assert ([], [8]) in got
    assert [b.flag for b in result if not b.zh or not b.en] == ["unaligned", "unaligned"]
    assert ([5], [4]) in got and ([9], [9]) in got


def test_every_sentence_is_covered_once_and_in_order() -> None:
    zh, en = doc(*CONCEPTS)
    zh.insert(2, pair(25)[0])
    en[6:8] = [pair(12, 13, 14, 15)[1]]
    result = align(zh, en, FakeEncoder())
    assert [i for b in result for i in b.zh] == list(range(len(zh)))
    assert [j for b in result for j in b.en] == list(range(len(en)))


def test_repeated_paragraph_leaves_the_second_copy_unaligned() -> None:
    zh, en = doc(*CONCEPTS)
    zh = zh[:6] + zh[3:6] + zh[6:]  # sentences 3-5 printed twice, translated once
    assert repeats(zh).tolist() == [False] * 6 + [True] * 3 + [False] * 4
    got = beads_of(align(zh, en, FakeEncoder()))
    assert ([3], [3]) in got and ([5], [5]) in got
    assert ([6], []) in got and ([7], []) in got and ([8], []) in got
    assert ([9], [6]) in got


def test_unrelated_pair_is_flagged_low_score() -> None:
    zh, en = doc((0, 1), (2, 3), (4, 5))
    en[1] = pair(26, 27)[1]  # a "translation" about something else entirely
    result = align(zh, en, FakeEncoder(), params=Params(del_cost=5.0))  # deletion priced out
    middle = [b for b in result if b.zh == [1]][0]
    assert middle.en == [1]
    assert middle.flag == "low_score" and middle.score < 0.3


def test_banded_search_matches_full_search_on_a_long_document() -> None:
    zh, en, gold = synthetic_parallel(400, seed=7)
    enc = FakeEncoder()
    full = align(zh, en, enc, params=Params(full_dp_cells=10**9), exact_spans=False)
    banded = align(zh, en, enc, params=Params(full_dp_cells=2_000), exact_spans=False)
    assert beads_of(banded) == beads_of(full)


def test_projected_band_grows_linearly() -> None:
    # a diagonal coarse path: the band keeps one width whatever the length, so cells grow with n, not n²
    widths = []
    for n in (200, 2000):
        coarse = [(i, 1, i, 1) for i in range(n // 2)]
        lo, hi = project_band(coarse, 2, n, n, width=8)
        assert lo[0] == 0 and hi[-1] == n
        assert (lo[1:] <= hi[:-1]).all()
        widths.append(int((hi - lo + 1).max()))
    assert widths[0] == widths[1] <= 4 * 8 + 8


def test_blank_lines_stay_unpaired() -> None:
    zh, en = doc(*CONCEPTS[:4])
    zh.insert(2, "   ")
    got = beads_of(align(zh, en, FakeEncoder()))
    assert ([2], []) in got and ([3], [2]) in got


def test_empty_side_gives_all_unaligned() -> None:
    zh, _ = doc(*CONCEPTS[:3])
    result = align(zh, [], FakeEncoder())
    assert beads_of(result) == [([0], []), ([1], []), ([2], [])]
    assert align([], [], FakeEncoder()) == []


def test_limits_restrict_the_search() -> None:
    zh, en = doc(*CONCEPTS[:4])
    # no English sentence may be consumed before the third Chinese one: zh 0 and 1 cannot pair as usual
    lo = np.array([0, 0, 0, 0, 1])
    hi = np.array([0, 0, 0, 2, 4])
    got = beads_of(align(zh, en, FakeEncoder(), limits=(lo, hi)))
    assert ([0], [0]) not in got and ([1], [1]) not in got
    i = j = 0
    for zs, es in got:  # every bead ends on an allowed node
        i, j = i + len(zs), j + len(es)
        assert lo[i] <= j <= hi[i]
    free = beads_of(align(zh, en, FakeEncoder()))
    assert ([0], [0]) in free and ([1], [1]) in free


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"band": 0}, "band must be at least 1"),
        ({"zh_repeats": [True]}, "one entry per sentence"),
        ({"limits": ([0, 1], [1, 2])}, "limits must hold"),
        ({"limits": ([0, 3, 3, 3, 3], [1, 1, 4, 4, 4])}, "limits"),
    ],
)
def test_bad_arguments_raise_a_clear_error(kwargs: dict, message: str) -> None:
    zh, en = doc(*CONCEPTS[:4])
    with pytest.raises(AlignError, match=message):
        align(zh, en, FakeEncoder(), **kwargs)


def test_non_string_sentence_is_a_clear_error() -> None:
    with pytest.raises(AlignError, match="every zh sentence must be a string"):
        align(["经济。", None], ["Economy."], FakeEncoder())  # type: ignore[list-item]


def test_exact_spans_embed_concatenations_only_when_asked() -> None:
    zh, en = doc(*CONCEPTS[:5])
    cheap, exact = FakeEncoder(), FakeEncoder()
    align(zh, en, cheap, exact_spans=False)
    align(zh, en, exact, exact_spans=True)
    assert cheap.calls == 2  # one batch per side
    assert exact.calls == 4  # plus one batch of real spans per side
