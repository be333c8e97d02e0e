"""Aligning Documents: interleaved bilingual text and a report with its translation."""

from __future__ import annotations

from test_align_fake import FakeEncoder, pair

from zhengce.align import align_document, align_pair
from zhengce.align.document import run_limits
from zhengce.model import Block, Document, Sentence


class Builder:
    """Appends blocks and sentences to a Document the way the pipeline would lay them out."""

    def __init__(self) -> None:
        self.doc = Document(id="t", source="test", text="")
        self.pos = 0

    def block(self, lang: str, texts: list[str], *, kind: str = "paragraph", ordinal: int | None = None,
              duplicate_of: int | None = None, sid_base: int = 0) -> int:  # fmt: skip
        start = self.pos
        bid = len(self.doc.blocks)
        for t in texts:
            sid = len(self.doc.sentences) + sid_base
            self.doc.sentences.append(Sentence(sid, bid, lang, self.pos, self.pos + len(t), t))
            self.pos += len(t) + 1
        self.doc.blocks.append(
            Block(bid, kind, 1, start, self.pos, lang=lang, ordinal=ordinal, duplicate_of=duplicate_of)
        )
        return bid


def test_interleaved_document_gives_sentence_ids_and_skips_the_duplicate_block() -> None:
    b = Builder()
    b.block("zh", [pair(20, 21, 22)[0]])  # a heading without translation
    p = [pair(0, 1), pair(2, 3), pair(4, 5), pair(6, 7), pair(8, 9), pair(10, 11)]
    b.block("zh", [p[0][0], p[1][0]])
    b.block("en", [p[0][1], p[1][1]])
    first = b.block("zh", [p[2][0], p[3][0]])
    b.block("zh", [p[2][0], p[3][0]], duplicate_of=first)  # printed twice, translated once
    b.block("en", [p[2][1], p[3][1]])
    b.block("zh", [p[4][0], p[5][0]])
    b.block("en", [p[4][1], p[5][1]])
    doc = b.doc
    ids = {s.id: s for s in doc.sentences}
    beads = align_document(doc, FakeEncoder())
    pairs = [(b.zh, b.en) for b in beads]
    assert ([0], []) in pairs  # the title
    assert ([1], [3]) in pairs and ([2], [4]) in pairs
    assert ([5], [9]) in pairs and ([6], [10]) in pairs  # the first copy pairs ...
    assert ([7], []) in pairs and ([8], []) in pairs  # ... the second copy stays unpaired
    assert ([11], [13]) in pairs and ([12], [14]) in pairs
    for bead in beads:
        assert all(ids[i].lang == "zh" for i in bead.zh) and all(ids[j].lang == "en" for j in bead.en)


def test_run_limits_allow_one_run_of_slack() -> None:
    # zh runs 0,0 | 1,1 | 2 ; en runs 0 | 1,1 | 2
    lo, hi = run_limits([0, 0, 1, 1, 2], [0, 1, 1, 2])
    assert lo.tolist()[0] == 0 and hi.tolist()[-1] == 4
    assert hi[1] == 3  # zh run 0 may reach into en run 1, not run 2
    assert lo[5] >= 1  # after zh run 2, en run 0 is behind us
    assert (lo[1:] <= hi[:-1]).all() and (lo <= hi).all()


def test_align_pair_splits_at_agreeing_parts_and_returns_each_documents_ids() -> None:
    p = [pair(k, k + 1) for k in range(0, 16, 2)]
    zh, en = Builder(), Builder()
    zh.block("zh", [p[0][0]], kind="part", ordinal=1)
    zh.block("zh", [p[1][0], p[2][0], pair(20, 21, 22, 23)[0]])
    zh.block("zh", [p[4][0]], kind="part", ordinal=2)
    zh.block("zh", [p[5][0], p[6][0], p[7][0]])
    en.block("en", [p[0][1]], kind="part", ordinal=1, sid_base=100)
    en.block("en", [p[1][1], p[2][1]], sid_base=100)  # the third sentence has no translation
    en.block("en", [p[4][1]], kind="part", ordinal=2, sid_base=100)
    en.block("en", [p[5][1], p[6][1], p[7][1]], sid_base=100)
    # part blocks span their content in a real document
    zh.doc.blocks[0].end = zh.doc.blocks[1].end
    zh.doc.blocks[2].end = zh.doc.blocks[3].end
    en.doc.blocks[0].end = en.doc.blocks[1].end
    en.doc.blocks[2].end = en.doc.blocks[3].end
    beads = align_pair(zh.doc, en.doc, FakeEncoder())
    pairs = [(b.zh, b.en) for b in beads]
    assert pairs == [
        ([0], [100]), ([1], [101]), ([2], [102]), ([3], []),
        ([4], [103]), ([5], [104]), ([6], [105]), ([7], [106]),
    ]  # fmt: skip


def test_monolingual_document_has_no_pairs() -> None:
    b = Builder()
    b.block("zh", [pair(0)[0], pair(1)[0]])
    beads = align_document(b.doc, FakeEncoder())
    assert [(x.zh, x.en) for x in beads] == [([0], []), ([1], [])]
