"""A batch's pictures and documents: which files are a saved page's, which the whole site shows,
and copying an article's files into the archive once its page is written.

Every picture and document ends in the report (``Report.media``) as ``copied``, ``duplicate``
(the same content is kept already, or the article was a duplicate), ``missing`` (the page shows
it, the scrape did not save it), ``refused`` (with the reason), or ``unused`` (a file in the
folder that no article shows).
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from urllib.parse import unquote

from .media_files import Media

MEDIA_STATUSES = ("copied", "duplicate", "missing", "refused", "unused")
# Files a saved page brings with it: never read as articles (a browser's ``page_files/`` folder
# holds them all, whatever their names).
PAGE_FILES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".svgz", ".bmp", ".ico", ".tif", ".tiff",
                        ".avif", ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods", ".odp", ".ppt", ".pptx",
                        ".css", ".js", ".mjs", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".swf", ".mp4", ".mp3",
                        ".webm", ".map"})
ACCOUNTED = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".svgz", ".bmp", ".tif", ".tiff", ".avif",
                       ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt"})   # listed in the report when unused
REPEATED_PAGES = 3           # a file this many pages of the batch show...
REPEATED_SHARE = 0.3         # ... and at least this share of them: the site's furniture
_IMG_ADDRESS = re.compile(rb"<img\b[^>]{0,2000}?\s(?:src|data-src|data-original)\s*=\s*[\"']([^\"'<>]{1,2000})[\"']",
                          re.IGNORECASE)
_PAGE_NAME = re.compile(r"\.(html?|xhtml|shtml)$", re.IGNORECASE)


def extension(name: str) -> str:
    """``a.JPG`` -> ``.jpg``; wget's ``a.jpg?t=1`` -> ``.jpg``."""
    name = name.split("?", 1)[0]
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def page_file(path: Path, root: Path) -> bool:
    """A file a saved page brings with it (by its kind, or inside a browser's ``<page>_files/``)."""
    if extension(path.name) in PAGE_FILES:
        return True
    for parent in path.relative_to(root).parents:
        name = parent.name
        if name.endswith("_files") and any((root / parent.parent / (name[:-6] + ext)).is_file()
                                           for ext in (".html", ".htm")):
            return True
    return False


def repeated(pages: list[tuple[Path, Path]]) -> frozenset:
    """The pictures many pages of the batch show (the logo, banners): the paths (under each
    page's root) and addresses shown by REPEATED_PAGES pages and REPEATED_SHARE of them; a
    browser saves each page's copy of the logo in its own folder, so name and size count too."""
    shown: dict[str, set[int]] = {}
    groups: dict[tuple[str, int], set[str]] = {}
    html = [(page, root) for page, root in pages if _PAGE_NAME.search(page.name)]
    for number, (page, root) in enumerate(html):
        try:
            raw = page.read_bytes()
        except OSError:
            continue
        for match in _IMG_ADDRESS.finditer(raw):
            address = match.group(1).decode("utf-8", "replace").strip()
            key = address if "//" in address else relative(address, page, root)
            if key:
                shown.setdefault(key, set()).add(number)
                if "//" not in key:
                    size = _size(root / key)
                    if size is not None:
                        groups.setdefault((Path(key).name, size), set()).add(key)
    need = max(REPEATED_PAGES, REPEATED_SHARE * len(html))
    found = {key for key, where in shown.items() if len(where) >= need}
    for keys in groups.values():
        if len(set().union(*(shown[k] for k in keys))) >= need:
            found.update(keys)
    return frozenset(found)


def relative(address: str, page: Path, root: Path) -> str | None:
    path = unquote(address.split("?", 1)[0].split("#", 1)[0])
    if not path or ":" in path:
        return None
    joined = Path(os.path.normpath(root / path.lstrip("/") if path.startswith("/") else page.parent / path))
    return joined.relative_to(root).as_posix() if joined.is_relative_to(root) else None


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _copy(source: Path, target: Path) -> bool:
    """Copy ``source`` to ``target`` atomically; False when ``target`` holds the same bytes already."""
    data = source.read_bytes()
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return False
    except OSError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".ingest-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def copy_in(media: list[Media], copies: list[tuple[Path, str]], content: Path) -> None:
    """Copy a written article's files into ``content``: each ``copied`` one whose content the
    archive keeps already becomes ``duplicate``."""
    done: dict[str, bool] = {}
    for path, stored in copies:
        if stored not in done:
            done[stored] = _copy(path, content / stored)
    for item in media:
        if item.status == "copied" and not done.get(item.stored, True):
            item.status, item.duplicate_of, item.reason = "duplicate", item.stored, "kho đã có tệp cùng nội dung"


def not_copied(media: list[Media], original: str) -> None:
    """The article was not written (a duplicate of ``original``): its files are not copied."""
    for item in media:
        if item.status == "copied":
            item.status, item.duplicate_of, item.reason = "duplicate", original, "bài trùng: tệp không chép"


def unused(files: dict[Path, Path], used: set[tuple[Path, str]]) -> list[dict]:
    """The pictures and documents of the folder that no article shows (``files``: path -> root)."""
    out = []
    for path, root in files.items():
        key = path.relative_to(root).as_posix()
        if (root, key) in used or extension(path.name) not in ACCOUNTED:
            continue
        kind = "attachment" if extension(path.name) in (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt") else "image"
        out.append({"kind": kind, "file": str(path), "status": "unused",
                    "reason": "không bài nào trong lô dùng tệp này (ảnh của trang bị cách ly hoặc trùng, logo, tệp thừa)"})
    return out
