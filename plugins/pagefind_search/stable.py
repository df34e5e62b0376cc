"""Make Pagefind's index byte-identical from one build of the same site to the next.

Pagefind 1.5 writes its filter indexes from hash maps, so the order of the values in
``filter/*.pf_filter`` -- and with it their content-hashed names, the ``.pf_meta`` that
names them and ``pagefind-entry.json`` -- changes on every run (the maintainers say so:
fragments are stable since 1.3, "filter/metadata indexes" are not). This rewrites those
files with their values, filters and sorts in sorted order, names them from their new
bytes, and keeps the format (gzip of ``pagefind_dcd`` + CBOR) the browser side reads.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"


class UnknownIndexFormat(ValueError):
    """The folder is not a Pagefind index this module knows how to rewrite."""


def _read(path: Path):
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise UnknownIndexFormat(f"{path.name}: không phải tệp chỉ mục Pagefind")
    return cbor2.loads(raw[len(SIGNATURE):])


def _write(folder: Path, prefix: str, digits: int, suffix: str, value) -> str:
    """Write value under a name made from its own bytes; return the name's hash part."""
    payload = SIGNATURE + cbor2.dumps(value)
    name = f"{prefix}{hashlib.sha256(payload).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
    return name


def _sorted_filter(value):
    name, entries = value
    return [name, sorted(([key, sorted(pages)] for key, pages in entries), key=lambda e: e[0])]


def _canonical_language(index_dir: Path, language: str, meta_hash: str) -> str:
    """Rewrite one language's filters and metadata; return the metadata's new hash."""
    meta_path = index_dir / f"pagefind.{meta_hash}.pf_meta"
    meta = _read(meta_path)
    renamed = []
    for filter_name, file_hash in meta[3]:
        old = index_dir / "filter" / f"{file_hash}.pf_filter"
        new_hash = _write(old.parent, f"{language}_", 7, ".pf_filter", _sorted_filter(_read(old)))
        if new_hash != file_hash:
            old.unlink()
        renamed.append([filter_name, new_hash])
    meta[3] = sorted(renamed)                       # [filter name, file hash]
    meta[4] = sorted(meta[4], key=lambda sort: sort[0])   # [sort key, page order]
    new_meta = _write(index_dir, f"pagefind.{language}_", 10, ".pf_meta", meta)
    if meta_path.name != f"{new_meta}.pf_meta":
        meta_path.unlink()
    return new_meta.removeprefix("pagefind.")


def canonicalise(index_dir: Path) -> None:
    entry_path = index_dir / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    try:
        for language, info in entry["languages"].items():
            info["hash"] = _canonical_language(index_dir, language, info["hash"])
    except (KeyError, IndexError, TypeError, ValueError, cbor2.CBORError) as exc:
        raise UnknownIndexFormat(f"cấu trúc chỉ mục khác Pagefind 1.5 ({type(exc).__name__}: {exc})") from None
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
