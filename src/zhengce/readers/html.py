"""HTML pages: the readable main text, one line per block, with the page title as metadata.

News and government pages wrap a report in menus, share buttons, scripts and footers; left in,
they would become "sentences" and pollute search and extraction. Block elements become line
breaks because the structure stage recognises headings (一、 …) at the start of a line.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..model import RawDocument
from .base import require_text
from .encoding import decode

DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "canvas", "button", "select", "textarea", "object", "embed", "audio", "video",
)  # fmt: skip

BLOCK_TAGS = frozenset((
    "address", "article", "blockquote", "body", "caption", "center", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre",
    "section", "table", "tbody", "thead", "tfoot", "tr", "ul", "br",
))  # fmt: skip

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_CELL = "\x1f"  # a cell boundary that whitespace collapsing leaves alone
_CELL_GAP = re.compile(r" ?\x1f ?")


def read_html(data: bytes, source: str, name: str) -> RawDocument:
    """One document: the main text of an HTML page and its <title>."""
    text, encoding = _decode_html(data, source)
    tree = LexborHTMLParser(text)
    title_node = tree.css_first("title")
    title = _SPACES.sub(" ", title_node.text()).strip() if title_node else ""
    root = tree.css_first("main") or tree.body or tree.root
    if root is None:
        require_text("")
    for tag in DROP_TAGS:
        for node in root.css(tag):
            node.decompose()
    body = _block_text(root)
    require_text(body, "no text in the HTML body")
    meta: dict[str, object] = {"file_name": PurePosixPath(name).name, "format": "html"}
    if title:
        meta["title"] = title
    return RawDocument(source=source, text=body, encoding=encoding, meta=meta)


def _decode_html(data: bytes, source: str) -> tuple[str, str]:
    """Trust a declared <meta charset> when it actually decodes the page; otherwise detect."""
    m = _CHARSET.search(data[:4096])
    if m and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = m.group(1).decode("ascii").lower()
        codec = _ALIASES.get(declared, declared)
        try:
            return data.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, source)


def _block_text(root: LexborNode) -> str:
    """Text of ``root`` with a line break at every block boundary and HTML whitespace collapsed.

    Table rows become tab-separated lines; <pre> keeps its own line breaks. Walks the tree
    without recursion, since deeply nested pages must not hit the recursion limit.
    """
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _CELL_GAP.sub("\t", _SPACES.sub(" ", "".join(current))).strip("\t ")
        if line:
            lines.append(line)
        current.clear()

    pre_depth = 0
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        tag = node.tag or ""
        if leaving:
            if tag == "pre":
                pre_depth -= 1
            if tag in ("td", "th"):
                current.append(_CELL)
            elif tag in BLOCK_TAGS:
                flush()
            continue
        if tag == "-text":
            raw = node.text_content or ""
            if pre_depth:
                flush()
                lines.extend(part.rstrip() for part in raw.split("\n") if part.strip())
            else:
                current.append(raw)
            continue
        if not node.is_element_node:
            continue  # comments, doctype
        if tag in BLOCK_TAGS:
            flush()
        if tag == "pre":
            pre_depth += 1
        stack.append((node, True))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False) for c in reversed(children))
    flush()
    return "\n".join(lines)
