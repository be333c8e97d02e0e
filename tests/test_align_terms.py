"""Two refinements of the bead cost: a glossary term shared by both sides is evidence for the
pair, and a 1-n bead whose extra sentence adds nothing is charged for the misfit."""

from __future__ import annotations

import numpy as np
import pytest
from test_align_fake import FakeEncoder, pair

from zhengce.align import Params
from zhengce.align.dp import _Costs, _set_norms
from zhengce.align.features import build_sides


def _costs(zh, en, **params):
    z, e = build_sides(zh, en, FakeEncoder(), exact_spans=True)
    _set_norms(z, e)
    return _Costs(z, e, Params(**params))


def test_a_shared_term_lowers_a_beads_cost_and_a_lone_one_costs_nothing():
    zh = [pair(0, 1)[0] + "推动高质量发展。", pair(2, 3)[0]]
    en = [pair(0, 1)[1] + " We will pursue high-quality development.", pair(2, 3)[1]]
    with_terms, without = _costs(zh, en), _costs(zh, en, term_weight=0.0)
    one = np.array([0])
    assert with_terms.evidence(1, 0, 1, one)[0] == pytest.approx(without.evidence(1, 0, 1, one)[0] - 0.35 / 2)
    # a term on the Chinese side only: no bonus, and no penalty either
    lone = _costs([zh[0], zh[1]], [pair(0, 1)[1], en[1]])
    lone_off = _costs([zh[0], zh[1]], [pair(0, 1)[1], en[1]], term_weight=0.0)
    assert lone.evidence(1, 0, 1, one)[0] == pytest.approx(lone_off.evidence(1, 0, 1, one)[0])


def test_a_glued_on_neighbour_makes_a_one_to_two_bead_dearer_but_a_true_split_does_not():
    zh = [pair(0, 1, 2, 3)[0], pair(4, 5)[0]]
    split = [pair(0, 1)[1], pair(2, 3)[1]]  # each English half carries half of the Chinese sentence
    glued = [pair(0, 1, 2, 3)[1], pair(10, 11)[1]]  # the second English sentence translates nothing here
    start = np.array([0])
    for en, penalised in ((split, False), (glued, True)):
        c, c0 = _costs(zh, en), _costs(zh, en, merge_weight=0.0)
        extra = c.bead(1, 0, 2, start)[0] - c0.bead(1, 0, 2, start)[0]
        assert bool(extra > 0.01) == penalised, (en, extra)
