"""Pictures an article body shows from the content folder: where each is, for the build and ``check``.

An editor puts a photo beside the article (``content/articles/2024/05/quang-canh.jpg``) or under
``content/images/`` and writes ``![Quang cảnh hội nghị](quang-canh.jpg "Ảnh: Minh Anh")``. A local
source is looked for beside the article first, then from the content folder (``images/2024/05/x.jpg``,
``/images/...`` and Pelican's ``{static}/images/...`` all mean ``content/images/...``). Addresses with a
scheme or a host (``https://...``, ``//cdn``) are not local; neither is anything leading out of the
content folder (``../../etc/passwd``, an absolute path, a symlink to elsewhere): such a source is never
read and the build publishes no file for it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import tree

# Raster formats the build resizes; the extension a photo's file must have.
PHOTO_EXTENSIONS = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif"})
_STATIC_PREFIX = re.compile(r"^[{|](?:static|attach|filename)[}|]")
# ![alt](src "title") in Markdown, and <img ... src="..."> written as HTML.
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
_HTML_IMAGE = re.compile(r"<img\b[^>]*?\ssrc\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def local_path(src: str) -> str | None:
    """The path part of a local image address (``quang-canh.jpg``, ``/images/a.jpg``), else None."""
    src = _STATIC_PREFIX.sub("", src.strip(), count=1)   # {static}/a.jpg: /a.jpg, from the content folder
    try:
        parts = urlsplit(src)
    except ValueError:
        return None
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return unquote(parts.path)


def inside(path: Path, root: Path) -> bool:
    """``path`` lies in ``root``, symlinks followed (``newsarchive.tree.escapes``)."""
    try:
        return tree.escapes(str(path), str(root)) is None
    except (OSError, ValueError):
        return False


def locate(src: str, article: Path, content: Path) -> tuple[Path | None, str]:
    """``(file, "")``: the file in ``content`` that ``src`` in the article at ``article`` names;
    ``(None, why)`` when there is none (Vietnamese, for messages)."""
    path = local_path(src)
    if path is None or "\0" in path:
        return None, "không phải địa chỉ trong thư mục nội dung"
    candidates = [content / path.lstrip("/")] if path.startswith("/") else [article.parent / path, content / path]
    outside = False
    for candidate in candidates:
        candidate = Path(os.path.normpath(candidate))
        if candidate.is_file():
            if inside(candidate, content) and candidate.is_relative_to(content):
                return candidate, ""
            outside = True
    if outside:
        return None, "dẫn ra ngoài thư mục nội dung (content/): không được đăng"
    return None, "không có tệp (đặt ảnh cạnh bài hoặc trong content/images/)"


def resolve(src: str, article: Path, content: Path) -> Path | None:
    """The file in ``content`` that ``src`` in the article at ``article`` names, or None."""
    return locate(src, article, content)[0]


def references(body: str, first_line: int = 1):
    """``(line, src)`` of every image the Markdown ``body`` shows, outside code blocks."""
    fenced = False
    for number, line in enumerate(body.split("\n"), start=first_line):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or line.startswith(("    ", "\t")) or ("![" not in line and "<img" not in line.lower()):
            continue
        for pattern in (_MARKDOWN_IMAGE, _HTML_IMAGE):
            for match in pattern.finditer(line):
                yield number, match.group(1)


def _left_by_link(src: str) -> bool:
    """A ``{static}``/``{attach}`` link with ``..`` leaving its folder: ``check`` reports those already
    (``newsarchive.tree.link_problems``)."""
    return bool(tree.LINK.match(src)) and ".." in src.split("/")


def missing(found_references, article: Path, content: Path) -> list[tuple[int, str]]:
    """``(line, message)`` for each local image of ``references()`` that is not a file inside ``content``."""
    found = []
    for line, src in found_references:
        if local_path(src) is not None and not _left_by_link(src):
            path, why = locate(src, article, content)
            if path is None:
                what = "ảnh" if Path(src).suffix.lower() in PHOTO_EXTENSIONS else "văn bản đính kèm"
                found.append((line, f"{what} '{src}' {why}"))
    return found


def attached(attachments, item_lines: list[int]) -> list[tuple[int, str]]:
    """``(line, file)`` of each document the front matter's ``attachments`` list keeps in the archive."""
    if not isinstance(attachments, list):
        return []
    return [(item_lines[number] if number < len(item_lines) else 1, item["file"])
            for number, item in enumerate(attachments) if isinstance(item, dict) and type(item.get("file")) is str]
