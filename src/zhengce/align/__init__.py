"""Chinese↔English sentence alignment: banded DP over beads scored by multilingual embeddings.

``align(zh, en)`` aligns two sentence lists; ``align_document(doc)`` an interleaved bilingual
document and ``align_pair(doc_zh, doc_en)`` a report and its translation (beads then carry
Sentence ids); ``align_files`` and ``format_beads`` handle pre-split files and the
``[0,1]:[0]`` bead lines of Vecalign and Bertalign. ``get_encoder`` picks the sentence encoder.
"""

from .document import align_document, align_pair
from .dp import Params, align
from .encoders import Encoder, get_encoder
from .errors import AlignError
from .presplit import align_files, format_beads, parse_beads, read_presplit

__all__ = [
    "AlignError",
    "Encoder",
    "Params",
    "align",
    "align_document",
    "align_files",
    "align_pair",
    "format_beads",
    "get_encoder",
    "parse_beads",
    "read_presplit",
]
