"""Stages 2b and 8b: the pictures and attached documents of a saved HTML page.

The text stages work on lines and never see a picture, so pictures travel beside them.
:func:`collect` reads them from the page's markup into a side list, each with its place in the
page's text (an offset into :func:`text_key`, the page's text with every space removed: the same
text whatever spacing the extractor gave it), what the markup says its caption is (a
``<figcaption>``, the other cell of a one-picture caption table, an element named for a caption)
and the addresses it may be saved under (``src``, lazy-loading ``data-src``, the widest of a
``srcset``). Links to documents (PDF, Word, Excel, OpenDocument) are collected the same way.

Once the body's paragraphs are decided, :func:`place` puts each picture back between the
paragraphs it stood between, takes its caption from the markup, else from the line right under
it when the body left that line out as a caption or it is a credit ("Ảnh: …"), and marks the
pictures and links that stood outside the body (the header's logo, banners, other articles'
thumbnails): the body runs from the title to the end of the last paragraph. Reading, checking and
copying the files is :mod:`media_files`' part; writing the Markdown, :func:`image_markdown`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from bs4 import NavigableString, Tag

from ..vietnamese import nfc
from .body import CAPTION_MAX_WORDS
from .convert import escape, escape_inline

ATTACHMENT_TYPES = {".pdf": "PDF", ".doc": "Word", ".docx": "Word", ".xls": "Excel", ".xlsx": "Excel",
                    ".odt": "OpenDocument"}
# Where a lazy-loading page keeps the real address (the src is then a placeholder).
_LAZY = ("data-src", "data-original", "data-lazy-src", "data-url")
_SRCSET_ITEM = re.compile(r"\s*(\S+)(?:\s+(\d+)[wx])?\s*(?:,|$)")
_CAPTION_CLASS = re.compile(r"caption|desc|chu-?thich|image[-_]?note|photo[-_]?note|img[-_]?note", re.IGNORECASE)
# "... Ảnh: Đức Anh", "Ảnh: Q.VIỆT |", "(Ảnh: TTXVN)": a photo's credit ends its caption.
_CREDIT = re.compile(r"\(?\b(Ảnh|Nguồn ảnh|Ảnh minh họa|Ảnh minh hoạ)\s*:\s*(?:[^.:;()]|\.(?! )){1,40}\.?\)?\s*\|?\s*$")
# Link texts that say nothing of the document ("tải về", "tại đây", "Download").
_GENERIC_LINK = re.compile(r"^(tải về|tải xuống|tại đây|xem|xem tại đây|xem chi tiết|download|file|tệp|tệp đính kèm|"
                           r"văn bản|đính kèm|chi tiết|\W*)$", re.IGNORECASE)
# A mirror's link to another of its pages: relative, to an HTML file (HTTrack and wget -k write them so).
_PAGE_LINK = re.compile(r"^(?![a-z][a-z0-9+.-]*:|/|#)[^?#]+\.s?html?([?#].*)?$", re.IGNORECASE)
_NO_FILE = re.compile(r"^(#|javascript:|about:|data:image/gif)", re.IGNORECASE)   # placeholders, no picture
_STYLE_SIZE = re.compile(r"(?:^|;)\s*(width|height)\s*:\s*(\d+)(?:\.\d+)?px", re.IGNORECASE)
MAX_ADDRESS = 1000          # characters: a longer address is no saved file's (front-matter values stop at 2000)
ICON_SIDE = 60              # px: a picture the markup shows this small is an icon, a button or a pixel
CAPTION_LEVELS = 6          # a figure or caption table this close above the picture holds it
CAPTION_TABLE_ROWS = 3      # a table this small around one picture is the picture and its caption
CAPTION_MAX_CHARS = 500
TAIL_SLACK = 80             # characters (spaces removed) after the last paragraph a closing photo may stand at
HINT_LEVELS = 3             # the picture's own names and its parents' up to this far


@dataclass(slots=True)
class Found:
    """One picture or document link of the page, as its markup shows it."""
    kind: str                     # "image", "attachment", or "link" (to another page of a mirror)
    offset: int                   # its place in text_key()
    sources: list[str]            # addresses, in the order to try them
    alt: str = ""
    caption: str = ""             # the caption the markup gives it
    hints: str = ""               # class and id names of it and its parents, its address (lower case)
    tiny: bool = False            # shown as an icon (width or height under ICON_SIDE px)
    name: str = ""                # a document link's text


@dataclass(slots=True)
class Placed:
    """A picture or link once the body is known: where it goes, or why it is not the article's."""
    found: Found
    before: int | None = None     # index (in the paragraphs returned) it stands before; None: outside
    caption: str = ""
    outside: bool = False         # stood outside the body (page furniture)


@dataclass(slots=True)
class Collected:
    key: str = ""                 # the page's text without spaces
    found: list[Found] = field(default_factory=list)


def _text(node) -> str:
    return " ".join(node.get_text(" ", strip=True).split())


def _widest(srcset: str) -> str | None:
    items = [(int(m.group(2) or 0), m.group(1)) for m in _SRCSET_ITEM.finditer(srcset or "") if m.group(1)]
    return max(items)[1] if items else None


def _sources(img: Tag) -> list[str]:
    """The picture's addresses: the full-size file it links to, when it does, then its own."""
    link = img.parent if img.parent is not None and img.parent.name == "a" else None
    href = str(link.get("href") or "") if link is not None else ""
    found = [href] if href.lower().split("?")[0].endswith((".jpg", ".jpeg", ".png", ".webp", ".gif")) else []
    found.append(str(img.get("src") or ""))
    found += [str(img.get(name) or "") for name in _LAZY]
    found += [_widest(str(img.get(name) or "")) or "" for name in ("data-srcset", "srcset")]
    unique: list[str] = []
    for address in (" ".join(a.split()) for a in found):    # no line break reaches the front matter
        if address and len(address) <= MAX_ADDRESS and not _NO_FILE.match(address) and address not in unique:
            unique.append(address)
    return unique


def _hints(node: Tag, address: str) -> str:
    names = [address]
    for level, current in enumerate([node, *node.parents]):
        if level > HINT_LEVELS or not isinstance(current, Tag):
            break
        names += [" ".join(current.get("class") or []), str(current.get("id") or "")]
    return " ".join(names).lower()


def _tiny(img: Tag) -> bool:
    """The markup shows the picture as an icon: a width or height under ICON_SIDE px, as an
    attribute or in its style."""
    sizes = [str(img.get(name) or "").strip().removesuffix("px") for name in ("width", "height")]
    sizes += [value for _, value in _STYLE_SIZE.findall(str(img.get("style") or ""))]
    return any(value.isdigit() and int(value) < ICON_SIDE for value in sizes)


def _ancestor(node: Tag, name: str) -> Tag | None:
    """The nearest parent named ``name`` within CAPTION_LEVELS levels (a caption sits close)."""
    for level, parent in enumerate(node.parents):
        if level >= CAPTION_LEVELS:
            return None
        if parent.name == name:
            return parent
    return None


def _next_tag(node) -> Tag | None:
    for sibling in node.next_siblings:
        if isinstance(sibling, Tag):
            return sibling
        if str(sibling).strip():
            return None
    return None


def markup_caption(img: Tag) -> str:
    """What the markup says the picture's caption is: its figure's ``<figcaption>``, the other
    cells of a small table holding only it, or an element named for a caption just after it."""
    figure = _ancestor(img, "figure")
    if figure is not None and figure.find("figcaption") is not None:
        return _text(figure.find("figcaption"))
    table = _ancestor(img, "table")
    if (table is not None and len(table.find_all("img", limit=2)) == 1
            and len(table.find_all("tr", limit=CAPTION_TABLE_ROWS + 1)) <= CAPTION_TABLE_ROWS):
        cells = [_text(cell) for cell in table.find_all(["td", "th"]) if cell.find("img") is None]
        text = " ".join(cell for cell in cells if cell)
        if text and len(text) <= CAPTION_MAX_CHARS:
            return text
    for node in (img, img.parent):
        following = _next_tag(node) if node is not None else None
        if following is not None and _CAPTION_CLASS.search(" ".join(following.get("class") or [])):
            return _text(following)[:CAPTION_MAX_CHARS]
    return ""


def attachment_type(address: str) -> str | None:
    """"PDF", "Word"... for a document's address, by its extension; None for anything else."""
    try:
        path = urlsplit(address).path
    except ValueError:
        return None
    dot = path.rfind(".")
    return ATTACHMENT_TYPES.get(path[dot:].lower()) if dot >= 0 else None


def _link_name(anchor: Tag, address: str) -> str:
    text = _text(anchor)
    if text and not _GENERIC_LINK.match(text):
        return text
    return unquote(urlsplit(address).path.rsplit("/", 1)[-1])


def collect(root) -> Collected:
    """Every picture and document link under ``root`` (the page's body), in page order."""
    collected = Collected()
    parts: list[str] = []
    offset = 0
    for node in root.descendants:
        if type(node) is NavigableString:
            piece = "".join(node.split())
            if piece:
                piece = nfc(piece)
                parts.append(piece)
                offset += len(piece)
        elif isinstance(node, Tag) and node.name == "img":
            sources = _sources(node)
            if sources:
                collected.found.append(Found("image", offset, sources, alt=" ".join(str(node.get("alt") or "").split()),
                                             caption=markup_caption(node), hints=_hints(node, sources[0]),
                                             tiny=_tiny(node)))
        elif isinstance(node, Tag) and node.name == "a" and node.get("href"):
            address = " ".join(str(node["href"]).split())
            if attachment_type(address):
                collected.found.append(Found("attachment", offset, [address], name=_link_name(node, address),
                                             hints=_hints(node, address)))
            elif _PAGE_LINK.match(address) and _text(node):
                collected.found.append(Found("link", offset, [address], name=_text(node)))
    collected.key = "".join(parts)
    return collected


def text_key(text: str) -> str:
    return "".join(text.split())


def _locate(key: str, line: str, cursor: int) -> int | None:
    """Where ``line`` stands in ``key``: its first characters, searched from ``cursor`` first."""
    probe = text_key(line)[:40]
    if not probe:
        return None
    found = key.find(probe, cursor)
    if found < 0:
        found = key.find(probe)
    if found < 0:   # the line's head was cut (a dateline, a lede): its tail
        tail = text_key(line)[-40:]
        found = key.find(tail, cursor)
        found = found - max(0, len(text_key(line)) - len(tail)) if found >= 0 else -1
    return found if found >= 0 else None


def _offsets(key: str, lines: list[str]) -> list[int | None]:
    cursor, out = 0, []
    for line in lines:
        found = _locate(key, line, cursor)
        out.append(found)
        if found is not None:
            cursor = found + 1
    return out


def credit(caption: str) -> tuple[str, str]:
    """(what the photo shows, its credit): "Quang cảnh hội nghị. Ảnh: Minh Anh" -> ("Quang cảnh hội
    nghị", "Ảnh: Minh Anh")."""
    match = _CREDIT.search(caption)
    if not match:
        return caption.strip(), ""
    return caption[:match.start()].strip(" .,;-–|"), match.group(0).strip(" ()|")


def _line_caption(start: int, offsets: list[int | None], lines: list[str], kept: set[str], skip: set[int],
                  following: int) -> str:
    """The line right under a picture at ``start`` when it is its caption: a line the body left
    out (a caption's shape), or a credit ("Ảnh: …"); none when the next picture, at ``following``,
    stands between them."""
    for index, offset in enumerate(offsets):
        if offset is None or offset < start:
            continue
        line = lines[index]
        if index in skip or offset >= following or len(line.split()) > CAPTION_MAX_WORDS:
            return ""
        return line if line not in kept or _CREDIT.search(line) else ""
    return ""


def place(collected: Collected, paragraphs: list[str], lines: list[str], title: str | None,
          skip: set[int]) -> tuple[list[str], list[Placed]]:
    """``(paragraphs, placed)``: the body's paragraphs less those that became a picture's caption,
    and every collected picture and link with where it goes. ``lines``: the page's kept lines;
    ``skip``: indices of those the decided fields (byline, date) stand on."""
    key = collected.key
    offsets = _offsets(key, paragraphs)
    known = [o for o in offsets if o is not None]
    if not known:
        return paragraphs, [Placed(found, outside=True) for found in collected.found]
    start, last = known[0], max(i for i, o in enumerate(offsets) if o is not None)
    end = offsets[last] + len(text_key(paragraphs[last])) + TAIL_SLACK
    if title:
        probe = text_key(title)[:40]
        above = key.rfind(probe, 0, start)
        start = above + len(probe) if above >= 0 else start     # a lead photo between the title and the body
    line_offsets = _offsets(key, lines)
    kept = set(paragraphs)
    taken: set[int] = set()
    placed = []
    pictures = [found for found in collected.found if found.kind == "image"]
    after = {id(a): b.offset for a, b in zip(pictures, pictures[1:])}   # where the next picture stands
    for found in collected.found:
        if not start <= found.offset <= end:
            placed.append(Placed(found, outside=True))
            continue
        before = next((i for i, o in enumerate(offsets) if o is not None and o >= found.offset), len(paragraphs))
        if found.kind == "link":
            placed.append(Placed(found, before))
            continue
        caption = found.caption
        if found.kind == "image" and not caption:
            caption = _line_caption(found.offset, line_offsets, lines, kept, skip, after.get(id(found), len(key)))
        if caption:
            taken.update(i for i, p in enumerate(paragraphs) if p == caption or text_key(p) == text_key(caption))
        placed.append(Placed(found, before, caption))
    if not taken:
        return paragraphs, placed
    shift = [sum(1 for t in taken if t < i) for i in range(len(paragraphs) + 1)]
    for item in placed:
        if item.before is not None:
            item.before -= shift[item.before]
    return [p for i, p in enumerate(paragraphs) if i not in taken], placed


def linked(body: str, links: list[tuple[str, str]]) -> str:
    """The Markdown body with each link's text, where it first stands in a paragraph, linked to its
    address (``links``: (text, address))."""
    lines = body.split("\n")
    for text, address in links:
        shown = escape_inline(text)
        for number, line in enumerate(lines):
            at = line.find(shown) if not line.startswith(("![", "*")) else -1
            if at >= 0 and "](" not in line[at:at + len(shown) + 2] and line[at - 1:at] != "[":
                lines[number] = f"{line[:at]}[{shown}](<{address}>){line[at + len(shown):]}"
                break
    return "\n".join(lines)


def image_markdown(address: str, caption: str, alt: str) -> str:
    """``![what it shows](address "Ảnh: credit")``: the form plugins/photos makes a captioned figure of."""
    shows, credited = credit(caption) if caption else (alt, "")
    title = ' "' + credited.replace("\\", "\\\\").replace('"', '\\"') + '"' if credited else ""
    return f"![{escape(shows)}](<{address}>{title})" if " " in address else f"![{escape(shows)}]({address}{title})"


def caption_paragraph(caption: str) -> str:
    """A missing picture's caption, kept in the body where the picture stood (in italics)."""
    return f"*{escape(caption)}*"
