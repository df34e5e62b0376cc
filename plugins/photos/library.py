"""The photo cache: what is known of each source picture, and its resized copies, kept between builds.

``CACHE_PATH/photos/`` holds ``index.json`` (each source's size, mtime, inode and content digest,
so an unchanged file is never read again) and, per set of resize settings, one folder per picture
content (``<settings>/<digest>/``: ``meta.json`` and the WebP copies). A picture is resized once:
a build whose sources did not change opens no image. The same picture under two names is
resized once; a renamed one is read (for its digest) and not resized.
"""

from __future__ import annotations

import hashlib
import json
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from importlib.metadata import version

# The format a picture's name promises (Pillow's names); anything else in the file is refused.
FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".gif": "GIF"}


# How copies are made (make_copies): changing it makes other files, so it names them too.
RECIPE = "lanczos-cascade-1"


def digest_file(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, lambda: hashlib.blake2b(digest_size=16)).hexdigest()


@dataclass(frozen=True, slots=True)
class Meta:
    """One picture as the build knows it (plain, JSON-able)."""
    width: int = 0
    height: int = 0
    webp: tuple = ()          # widths of the WebP copies
    thumbnail: tuple = ()     # (width, height) of the listing thumbnail, or ()
    refused: str = ""         # why the picture is not published (Vietnamese), or ""

    def as_json(self) -> dict:
        return {"width": self.width, "height": self.height, "webp": list(self.webp),
                "thumbnail": list(self.thumbnail), "refused": self.refused}

    @classmethod
    def from_json(cls, data: dict) -> Meta:
        return cls(data["width"], data["height"], tuple(data["webp"]), tuple(data["thumbnail"]), data["refused"])


def _atomic_write(path: Path, write) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    write(temporary)
    os.replace(temporary, path)


def _webp_widths(width: int, widths) -> list[int]:
    """The copies' widths: each setting narrower than the picture, and one at min(own, widest)."""
    chosen = sorted({w for w in widths if w < width} | {min(width, max(widths))})
    return chosen


def _open(path: Path, options: dict):
    """The picture, upright, decoded no larger than needed; raises ValueError with the reason."""
    from PIL import Image   # here: a build that resizes nothing does not load Pillow (~30 ms)

    Image.MAX_IMAGE_PIXELS = options["max_pixels"]
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(path)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ValueError(f"ảnh quá lớn (trên {options['max_pixels']:,} điểm ảnh), có thể là bom giải nén")
        except Image.UnidentifiedImageError:
            raise ValueError("không phải tệp ảnh đọc được") from None
        except (OSError, SyntaxError) as exc:
            raise ValueError(f"không phải tệp ảnh đọc được ({exc})") from None
    expected = FORMATS.get(path.suffix.lower())
    if image.format != expected:
        image.close()
        raise ValueError(f"tên tệp là ảnh {expected} nhưng nội dung là {image.format or 'không rõ'}")
    return image


def make_copies(path: Path, folder: Path, options: dict) -> Meta:
    """Resize ``path`` into ``folder`` (``<width>.webp``, ``thumbnail.webp``); its Meta."""
    from PIL import Image, ImageOps

    try:
        image = _open(path, options)
        with image:
            animated = getattr(image, "is_animated", False)
            orientation = image.getexif().get(0x0112, 1)
            width, height = image.size
            if orientation in (5, 6, 7, 8):
                width, height = height, width
            widest = max(options["widths"])
            if image.format == "JPEG" and width > widest:
                scale = widest / width
                image.draft("RGB", (int(image.size[0] * scale) + 1, int(image.size[1] * scale) + 1))
            image.load()
            upright = ImageOps.exif_transpose(image)
    except (ValueError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        return Meta(refused=str(exc) if isinstance(exc, ValueError) else f"ảnh hỏng ({exc})")
    if upright.mode not in ("RGB", "RGBA"):
        upright = upright.convert("RGBA" if "A" in upright.getbands() or "transparency" in upright.info else "RGB")
    folder.mkdir(parents=True, exist_ok=True)
    widths = [] if animated else _webp_widths(width, options["widths"])

    # Widest first, each copy resized from the one before: a third of the CPU of resizing each from
    # the original (1200x800 to 960, 480, 240 with Lanczos: 23 ms against 35 ms).
    wanted = [(w, f"{w}.webp") for w in widths]
    if options["thumbnail_width"] and not animated:
        wanted.append((min(width, options["thumbnail_width"]), "thumbnail.webp"))
    current, thumbnail = upright, ()
    for copy_width, name in sorted(wanted, key=lambda item: -item[0]):
        copy_height = max(1, round(height * copy_width / width))
        if (copy_width, copy_height) != current.size:
            current = current.resize((copy_width, copy_height), Image.LANCZOS)
        _atomic_write(folder / name, lambda target, image=current: image.save(
            target, "WEBP", quality=options["quality"], method=options["method"]))
        if name == "thumbnail.webp":
            thumbnail = (copy_width, copy_height)
    return Meta(width, height, tuple(widths), tuple(thumbnail))


def variant_key(options: dict) -> str:
    """The resize settings and Pillow's version: copies made otherwise are other files."""
    chosen = (RECIPE, sorted(options["widths"]), options["thumbnail_width"], options["quality"], options["method"],
              options["max_pixels"], version("Pillow"))
    return hashlib.blake2b(repr(chosen).encode(), digest_size=6).hexdigest()


class Library:
    """Every source picture of a build, by its path relative to the content folder."""

    def __init__(self, cache: Path, options: dict):
        self.options = options
        self.root = cache / options["cache_folder"]
        self.key = variant_key(options)
        self._index_path = self.root / "index.json"
        try:
            self._index = json.loads(self._index_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self._index = {}
        self._changed = False
        self._metas: dict[str, Meta | None] = {}
        self.resized = 0          # pictures resized by this build (the benchmark reports it)

    def folder(self, digest: str) -> Path:
        return self.root / self.key / digest

    def digest(self, rel: str, path: Path) -> str | None:
        """The content digest of a source, read only when its stamp changed; None when gone."""
        try:
            stat = os.stat(path)
        except OSError:
            return None
        stamp = [stat.st_size, stat.st_mtime_ns, stat.st_ino]
        known = self._index.get(rel)
        if known and known[:3] == stamp:
            return known[3]
        digest = digest_file(path)
        self._index[rel] = [*stamp, digest]
        self._changed = True
        return digest

    def meta(self, digest: str) -> Meta | None:
        """What is known of a picture's content, or None when it was never resized."""
        if digest not in self._metas:
            try:
                data = json.loads((self.folder(digest) / "meta.json").read_text(encoding="utf-8"))
                self._metas[digest] = Meta.from_json(data)
            except (OSError, ValueError, KeyError, TypeError):
                self._metas[digest] = None
        return self._metas[digest]

    def resize(self, todo: list[tuple[str, Path]]) -> list[tuple[str, Meta]]:
        """Make the copies of ``(digest, path)`` pairs (in a worker or here); their Metas."""
        done = []
        for digest, path in todo:
            folder = self.folder(digest)
            meta = make_copies(path, folder, self.options)
            folder.mkdir(parents=True, exist_ok=True)
            _atomic_write(folder / "meta.json",
                          lambda target, meta=meta: target.write_text(json.dumps(meta.as_json()), encoding="utf-8"))
            done.append((digest, meta))
        return done

    def learn(self, done: list[tuple[str, Meta]]) -> None:
        for digest, meta in done:
            self._metas[digest] = meta
            self.resized += 1

    def report(self, counts: dict) -> None:
        """``last-build.json``: what the last build did (files, pictures resized, files written)."""
        self.root.mkdir(parents=True, exist_ok=True)
        _atomic_write(self.root / "last-build.json", lambda target: target.write_text(json.dumps(counts)))

    def save(self) -> None:
        if self._changed:
            self.root.mkdir(parents=True, exist_ok=True)
            _atomic_write(self._index_path, lambda target: target.write_text(
                json.dumps(self._index, sort_keys=True), encoding="utf-8"))
            self._changed = False
