"""Which shards hold each word: the directory the search page reads before it asks any shard.

Every key Pagefind indexed (``words.keys``) with the set of shards holding it, as a bit mask over
the manifest's shard order. The keys, sorted as the browser compares strings (UTF-16 code units),
are cut into files of about ``CHUNK_BYTES`` (``pagefind/words/<hash>.txt``, one ``key<TAB>mask``
line per key, the mask in base 36); ``shards.json`` lists each file's first key and the union of
its masks. A search fetches the one or two files where its words fall (cached by the browser and
named by their bytes, so a file never changes under its name) and asks only the shards whose bits
every word has; a word no shard holds is "not found" without asking any.

A shard's keys are read from its fragments once, when Pagefind indexes it, and kept in the cache
(``words/<shard>.txt``, headed by the shard's fingerprint) for the builds that keep or copy it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .words import shard_keys

CHUNK_BYTES = 16_000      # about 6 KB once gzip-compressed by the host
SUBDIR = "words"
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def base36(number: int) -> str:
    out = ""
    while True:
        number, digit = divmod(number, 36)
        out = _DIGITS[digit] + out
        if not number:
            return out


def _js_order(key: str) -> bytes:
    return key.encode("utf-16-be")


class ShardWords:
    """Each shard's keys: from the cache when its fingerprint matches, else from its fragments."""

    def __init__(self, cache: Path | None):
        self.folder = cache / SUBDIR if cache else None
        self.keys: dict[str, set[str]] = {}

    def read(self, shard: str, stamp: str, index: Path) -> set[str]:
        """The keys of ``shard`` (fingerprint ``stamp``), whose index is the folder ``index``."""
        stored = self.folder / f"{shard}.txt" if self.folder else None
        if stored and stored.is_file():
            lines = stored.read_text(encoding="utf-8").split("\n")
            if lines[0] == stamp:
                self.keys[shard] = set(lines[1:]) - {""}
                return self.keys[shard]
        found = self.keys[shard] = shard_keys(index)
        if stored:
            stored.parent.mkdir(parents=True, exist_ok=True)
            scratch = stored.with_suffix(f".{os.getpid()}.tmp")
            scratch.write_text("\n".join([stamp, *sorted(found)]), encoding="utf-8")
            os.replace(scratch, stored)
        return found

    def prune(self, shards) -> None:
        if self.folder and self.folder.is_dir():
            for stale in self.folder.iterdir():
                if stale.suffix == ".txt" and stale.stem not in set(shards):
                    stale.unlink(missing_ok=True)


def write_directory(folder: Path, order: list[str], keys: dict[str, set[str]]) -> dict:
    """Write ``folder/words/*.txt``; return the manifest's ``words`` entry."""
    masks: dict[str, int] = {}
    for bit, shard in enumerate(order):
        for key in keys.get(shard, ()):
            masks[key] = masks.get(key, 0) | 1 << bit
    target = folder / SUBDIR
    target.mkdir(parents=True, exist_ok=True)
    chunks, lines, size, union = [], [], 0, 0

    def flush():
        text = "\n".join(lines) + "\n"
        name = hashlib.sha256(text.encode()).hexdigest()[:16] + ".txt"
        (target / name).write_text(text, encoding="utf-8")
        chunks.append([lines[0].split("\t")[0] if chunks else "", name, base36(union)])

    for key in sorted(masks, key=_js_order):
        line = f"{key}\t{base36(masks[key])}"
        lines.append(line)
        union |= masks[key]
        size += len(line.encode()) + 1
        if size >= CHUNK_BYTES:
            flush()
            lines, size, union = [], 0, 0
    if lines or not chunks:
        lines = lines or ["\t0"]
        flush()
    return {"path": f"{SUBDIR}/", "order": order, "chunks": chunks}
