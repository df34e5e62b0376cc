"""The files behind a saved page's pictures and documents: found, checked, named, copied.

A saved page names its files by relative paths: a browser's "save page, complete" puts them in
``page_files/``, an HTTrack or wget mirror beside the page under the site's folders (wget keeps a
query in the name: ``a.jpg?t=1``). :func:`locate` finds a page's address among the folder being
ingested, never outside it: ``../`` climbing out, an absolute path (read from the folder's root),
a symlink to elsewhere and ``file://`` are refused; ``http(s)://`` addresses are looked for where
wget puts them (``<host>/<path>``), else the picture is missing (never linked to the old portal).

:func:`check_image` opens a picture with Pillow: SVG is refused (it may hold scripts), so is a
file that is not the picture its name says, a decompression bomb (more than :data:`MAX_PIXELS`),
and what is too small or too narrow to be an article's photo (icons, share buttons, tracking
pixels, banners). A kept file is stored once under the name of its content
(``images/YYYY/MM/<sha256:16>.<ext>``): the same photo saved twice is one file.
"""

from __future__ import annotations

import hashlib
import os
import re
import warnings
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from ..tags.documents import citations
from ..tree import escapes
from .media import attachment_type, caption_paragraph, image_markdown, place

MAX_PIXELS = 40_000_000          # as plugins/photos' max_pixels: a picture the build would refuse
MAX_IMAGE_BYTES = 30_000_000
MAX_ATTACHMENT_BYTES = 60_000_000
MIN_SIDE = 100                   # px: a smaller picture is an icon, a button or a tracking pixel
BANNER_RATIO = 4                 # a picture this many times wider than high (or higher than wide) is a banner
HASH_CHARS = 16
FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
# What a document's first bytes are, by its type's extension.
MAGIC = {".pdf": (b"%PDF",), ".doc": (b"\xd0\xcf\x11\xe0",), ".xls": (b"\xd0\xcf\x11\xe0",),
         ".docx": (b"PK\x03\x04",), ".xlsx": (b"PK\x03\x04",), ".odt": (b"PK\x03\x04",)}
_FURNITURE = re.compile(r"logo|banner|icon|share|social|facebook|zalo|twitter|youtube|tiktok|btn|button|spacer|"
                        r"pixel|sprite|avatar|qr-?code|rating|weather|(^|[^a-z])(ads?|adv|quang-?cao)([^a-z]|$)")
_SVG = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg\b", re.IGNORECASE | re.DOTALL)


class Refused(ValueError):
    """A file or address ingest does not take; the message says why (Vietnamese)."""


class Small(Refused):
    """A picture too small or too narrow to be an article's photo."""


@dataclass(slots=True)
class Store:
    """The files the archive already keeps under ``content/images``, by content name."""
    images: Path
    known: dict[str, str] = field(default_factory=dict)     # "<hash>.<ext>" -> path under content/
    scanned: bool = False

    def find(self, name: str) -> str | None:
        if not self.scanned:
            self.scanned = True
            if self.images.is_dir():
                for path in self.images.rglob("*"):
                    self.known.setdefault(path.name, path.relative_to(self.images.parent).as_posix())
        return self.known.get(name)

    def add(self, stored: str) -> None:
        self.known.setdefault(stored.rsplit("/", 1)[-1], stored)


@dataclass(slots=True)
class Source:
    """Where a page was saved: nothing is read outside ``root``."""
    root: Path | None
    page: Path | None
    page_url: str | None = None
    repeated: frozenset = frozenset()   # addresses many pages of the batch show: the site's furniture
    store: Store | None = None          # the files the archive keeps already


@dataclass(slots=True)
class Media:
    """One picture or document of an article, as the report lists it."""
    kind: str                      # image, attachment
    address: str                   # as the page wrote it
    status: str                    # copied, duplicate, missing, refused (unused: a file no article shows)
    reason: str | None = None
    caption: str | None = None     # a picture's caption, a document's name
    file: str | None = None        # the saved file it was read from
    stored: str | None = None      # where the archive keeps it: images/YYYY/MM/<hash>.<ext>
    original: str | None = None    # its address on the old site, when the page tells it
    size: int | None = None        # bytes
    duplicate_of: str | None = None


def original_address(address: str, source: Source) -> str | None:
    """The address on the old site: as written when absolute, else joined to the page's URL
    when the page is a mirror's (a browser's ``_files/`` folder is no path on the site)."""
    if address.startswith("//"):
        return "https:" + address
    if address.lower().startswith(("http://", "https://")):
        return address
    if source.page_url and "_files/" not in address and source.page_url.startswith(("http://", "https://")):
        return urljoin(source.page_url, address)
    return None


def _inside(candidate: Path, root: Path) -> bool:
    normal = Path(os.path.normpath(candidate))
    return normal.is_relative_to(os.path.normpath(root)) and escapes(str(normal), str(root)) is None


def locate(address: str, source: Source) -> Path | None:
    """The saved file an address names, or None when the folder does not have it (missing);
    raises Refused for an address that leads out of the folder or names no file of a site."""
    try:
        parts = urlsplit(address)
    except ValueError:
        raise Refused(f"địa chỉ không đọc được: {address[:80]}") from None
    scheme = parts.scheme.lower()
    if scheme == "file":
        raise Refused("địa chỉ file:// trỏ vào máy đã lưu trang: không đọc")
    if source.root is None:        # a page read alone, not from a folder: no file is looked for
        return None
    if scheme in ("http", "https") or address.startswith("//"):
        path = unquote(parts.path).lstrip("/").replace("\0", "")
        candidates = [source.root / parts.netloc / path] if parts.netloc and path else []
    elif scheme:
        raise Refused(f"địa chỉ kiểu {scheme}: không phải tệp đã lưu")
    else:
        path = unquote(parts.path)
        if not path or "\0" in path:
            return None
        base = source.root / path.lstrip("/") if path.startswith("/") else source.page.parent / path
        candidates = [base.with_name(base.name + "?" + parts.query)] if parts.query else []
        candidates.append(base)
    for candidate in candidates:
        if not _inside(candidate, source.root):
            raise Refused("đường dẫn dẫn ra ngoài thư mục đang nhập: không đọc")
        try:
            if candidate.is_file():
                return Path(os.path.normpath(candidate))
        except (OSError, ValueError):   # a name too long for the file system, a NUL: no such file
            continue
    return None


def furniture(hints: str, tiny: bool) -> str | None:
    """Why the markup shows a picture is the site's furniture, not the article's photo."""
    if tiny:
        return "trang hiện ảnh này cỡ biểu tượng (nút, điểm theo dõi), không phải ảnh của bài"
    found = _FURNITURE.search(hints)
    return f"logo, biểu tượng hoặc quảng cáo của trang ('{found.group(0).strip(' -_')}'), không phải ảnh của bài" \
        if found else None


def _read(path: Path, limit: int) -> bytes:
    size = path.stat().st_size
    if size > limit:
        raise Refused(f"tệp quá lớn ({size:,} byte, giới hạn {limit:,})".replace(",", "."))
    return path.read_bytes()


def check_image(data: bytes, name: str) -> tuple[str, int, int]:
    """(extension by its content, width, height) of a photo; raises Refused with the reason."""
    from PIL import Image, UnidentifiedImageError

    if name.lower().endswith((".svg", ".svgz")) or _SVG.match(data[:4096]):
        raise Refused("ảnh SVG có thể chứa mã script: không nhận")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data)) as image:
                kind, (width, height) = image.format, image.size
                if width * height > MAX_PIXELS:
                    raise Refused(f"ảnh {width}×{height} quá nhiều điểm ảnh (bom giải nén; giới hạn {MAX_PIXELS:,})"
                                  .replace(",", "."))
                image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                image.load()
    except Refused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise Refused(f"ảnh quá nhiều điểm ảnh (bom giải nén; giới hạn {MAX_PIXELS:,})".replace(",", ".")) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise Refused(f"không phải tệp ảnh đọc được ({type(exc).__name__})") from None
    if kind not in FORMATS:
        raise Refused(f"định dạng ảnh {kind} không đăng được (chỉ JPEG, PNG, GIF, WebP)")
    if min(width, height) < MIN_SIDE:
        raise Small(f"ảnh {width}×{height} quá nhỏ: biểu tượng, nút hoặc điểm theo dõi, không phải ảnh của bài")
    if max(width, height) >= BANNER_RATIO * min(width, height):
        raise Small(f"ảnh {width}×{height} là dải băng rôn, không phải ảnh của bài")
    return FORMATS[kind], width, height


def check_attachment(data: bytes, extension: str) -> None:
    if not data.startswith(MAGIC[extension]):
        raise Refused(f"nội dung không phải tệp {extension.lstrip('.').upper()} như tên tệp nói")


def stored_name(data: bytes, extension: str) -> str:
    return f"{hashlib.sha256(data).hexdigest()[:HASH_CHARS]}.{extension}"


def settle(item: Media, sources: list[str], source: Source, folder: str, attachment: str | None = None):
    """Find, read and check the file of ``item``: set its status, and return ``(path, stored)``
    (the saved file and where the archive will keep it), or None when it is not kept.
    ``folder``: ``images/YYYY/MM``; ``attachment``: the document's extension."""
    refused, placeholder, absent = None, None, False
    for address in sources:
        try:
            path = locate(address, source)
        except Refused as exc:
            refused = refused or str(exc)
            continue
        if path is None:
            absent = absent or address
            continue
        key = path.relative_to(source.root).as_posix()
        if key in source.repeated:
            item.address, item.file = address, key
            item.status, item.reason = "refused", "lô có nhiều trang cùng dùng tệp này: logo hoặc băng rôn của trang"
            return None
        try:
            data = _read(path, MAX_ATTACHMENT_BYTES if attachment else MAX_IMAGE_BYTES)
            if attachment:
                check_attachment(data, attachment)
                extension = attachment.lstrip(".")
            else:
                extension = check_image(data, path.name)[0]
        except Small as exc:       # a lazy-loading page's placeholder: the picture may be at another address
            placeholder = placeholder or (address, key, str(exc))
            continue
        except (Refused, OSError) as exc:
            item.address, item.file, item.status = address, key, "refused"
            item.reason = f"không đọc được tệp: {exc.strerror}" if isinstance(exc, OSError) else str(exc)
            return None
        item.address, item.file = address, key
        item.status, item.size = "copied", len(data)
        name = stored_name(data, extension)
        item.stored = (source.store.find(name) if source.store else None) or f"{folder}/{name}"
        if source.store:
            source.store.add(item.stored)   # a later article with the same bytes names this file
        return path, item.stored
    if placeholder and not absent:
        item.address, item.file = placeholder[0], placeholder[1]
        item.status, item.reason = "refused", placeholder[2]
    elif refused:
        item.status, item.reason = "refused", refused
    else:
        item.address = absent or item.address
        item.status, item.reason = "missing", "trang đã lưu không có tệp này"
        if item.original and item.original in source.repeated:
            item.status, item.reason = "refused", "lô có nhiều trang cùng dùng ảnh này: logo hoặc băng rôn của trang"
    return None


@dataclass(slots=True)
class Gathered:
    """What an article's pictures and documents add to it."""
    paragraphs: list[str]
    inserts: dict[int, list[str]] = field(default_factory=dict)   # paragraph index -> Markdown blocks before it
    images: list[dict] = field(default_factory=list)              # front matter: stored photos' original addresses
    missing_images: list[dict] = field(default_factory=list)
    attachments: list[dict] = field(default_factory=list)
    media: list[Media] = field(default_factory=list)               # the report's lines
    copies: list[tuple[Path, str]] = field(default_factory=list)   # (saved file, images/YYYY/MM/name) to copy
    links: list[tuple[str, str]] = field(default_factory=list)     # (text, address) of links to the mirror's pages
    used: dict[str, int] = field(default_factory=dict)             # characters of the front matter each list takes

    def listed(self, item: dict, key: str) -> bool:
        """Add ``item`` to the front-matter list ``key`` unless that list is full (safeyaml.LIMITS:
        the whole front matter must stay under 16 KB, a list under 100 items)."""
        size = sum(len(str(value)) + len(name) + 4 for name, value in item.items())
        items = getattr(self, key)
        if len(items) >= LIST_ITEMS or self.used.get(key, 0) + size > LIST_CHARS[key]:
            return False
        self.used[key] = self.used.get(key, 0) + size
        items.append(item)
        return True


# What the front matter's lists may take (an article's other keys take ~1.5 KB of the 16 KB).
LIST_CHARS = {"images": 4_000, "missing_images": 5_000, "attachments": 4_000}
LIST_ITEMS = 60
CAPTION_CHARS = 400
UNLISTED = "; không ghi vào danh sách của bài (danh sách đã quá dài), chỉ có trong báo cáo này"
OUTSIDE = {"image": "ảnh ngoài thân bài (đầu trang, cột bên, tin khác): không phải ảnh của bài",
           "attachment": "liên kết ngoài thân bài (đầu trang, cột bên): không phải văn bản đính kèm của bài"}


def _outside(placed, source: Source) -> Media:
    found = placed.found
    item = Media(found.kind, found.sources[0], "refused", OUTSIDE[found.kind], caption=found.caption or found.name or None)
    _saved_as(item, found.sources, source)
    return item


def _saved_as(item: Media, sources: list[str], source: Source) -> None:
    """The saved file of a picture not read (page furniture), for the report's accounting."""
    for address in sources:
        try:
            path = locate(address, source)
        except Refused:
            continue
        if path is not None:
            item.address, item.file = address, path.relative_to(source.root).as_posix()
            return


def _first_time(item: Media, key: str, seen: set[str]) -> bool:
    """False (and the item a duplicate) when the article shows the same file or address again."""
    if key in seen:
        item.status, item.duplicate_of = "duplicate", key
        item.reason = "ảnh lặp lại trong bài" if item.kind == "image" else "văn bản lặp lại trong bài"
        return False
    seen.add(key)
    return True


def _image(placed, source: Source, folder: str, out: Gathered, seen: set[str]) -> None:
    found, caption = placed.found, placed.caption
    item = Media("image", found.sources[0], "refused", caption=caption or None)
    item.original = next((o for o in map(lambda a: original_address(a, source), found.sources) if o), None)
    out.media.append(item)
    why = furniture(found.hints, found.tiny)
    if why:
        item.reason = why
        _saved_as(item, found.sources, source)
        return
    kept = settle(item, found.sources, source, folder)
    item.original = original_address(item.address, source) or item.original
    if item.status == "missing":
        key = item.original or item.address
        if not _first_time(item, key, seen):
            return
        where = {"url": key} if key.startswith(("http://", "https://")) else {"address": key}
        if not out.listed({**where, **({"caption": caption[:CAPTION_CHARS]} if caption else {})}, "missing_images"):
            item.reason += UNLISTED
        if caption:
            out.inserts.setdefault(placed.before, []).append(caption_paragraph(caption))
        return
    if kept is None:
        return
    path, stored = kept
    if not _first_time(item, stored, seen):
        return
    out.copies.append((path, stored))
    out.inserts.setdefault(placed.before, []).append(image_markdown("/" + stored, caption, found.alt))
    if item.original and not out.listed({"src": "/" + stored, "original": item.original}, "images"):
        item.reason = UNLISTED.lstrip("; ")


def _attachment(placed, source: Source, folder: str, out: Gathered, seen: set[str]) -> None:
    found = placed.found
    item = Media("attachment", found.sources[0], "refused", caption=found.name)
    item.original = original_address(found.sources[0], source)
    out.media.append(item)
    extension = "." + urlsplit(found.sources[0]).path.rsplit(".", 1)[-1].lower()
    kept = settle(item, found.sources, source, folder, attachment=extension)
    entry = {"name": found.name, "type": attachment_type(found.sources[0])}
    cited = citations(found.name)
    if len(cited) == 1:                 # "Quyết định số 1369/QĐ-TTg": its /document/ page, when the tags have it
        entry["document"] = cited[0].name
    if kept is not None:
        path, stored = kept
        if not _first_time(item, stored, seen):
            return
        out.copies.append((path, stored))
        entry.update(file="/" + stored, size=item.size)
    elif item.status != "missing":
        return
    if item.original:
        entry["original"] = item.original
    if not out.listed(entry, "attachments"):
        item.reason = (item.reason or "") + UNLISTED


def gather(collected, paragraphs: list[str], lines: list[str], title: str | None, skip: set[int],
           source: Source, folder: str) -> Gathered:
    """An article's pictures and documents: placed, found among the saved files, checked."""
    paragraphs, placed = place(collected, paragraphs, lines, title, skip)
    out, seen = Gathered(paragraphs), set()
    for item in placed:
        if item.found.kind == "link":
            if not item.outside:
                out.links.append((item.found.name, item.found.sources[0]))
        elif item.outside:
            out.media.append(_outside(item, source))
        elif item.found.kind == "image":
            _image(item, source, folder, out, seen)
        else:
            _attachment(item, source, folder, out, seen)
    return out
