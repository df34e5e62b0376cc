"""A file that keeps ``newsarchive check``'s result for each article until the article changes.

Checking 100,000 articles from scratch takes ~5 s on two cores; a commit changes
a handful. Entries are keyed by path and hold the file's size and mtime (ns);
the whole cache is dropped when the checker's code, Python, the working
folder (paths are printed relative to it) or the content folder change. Plain JSON: never code.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

# The modules whose code decides a file's own result.
_SOURCES = ("check.py", "frontmatter.py", "simpleyaml.py", "safeyaml.py", "article.py", "vietnamese.py",
            "html_policy.py", "tree.py", "images.py", "legacy.py")


def _version(salt: str = "") -> str:
    digest = hashlib.sha256(f"{sys.version}\0{os.getcwd()}\0{salt}".encode())
    here = Path(__file__).parent
    for name in _SOURCES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


class Cache:
    def __init__(self, path: Path | str, salt: str = ""):
        """``salt``: what else a result depends on (the content folder, which links may not leave)."""
        self.path = Path(path)
        self.version = _version(salt)
        self.entries: dict[str, list] = {}
        self.changed = False
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("version") == self.version:
                self.entries = data["files"]
        except (OSError, ValueError, AttributeError, KeyError):
            pass   # no cache yet, or not ours: start empty

    @staticmethod
    def _stamp(path: str) -> list[int] | None:
        try:
            stat = os.stat(path)
        except OSError:
            return None
        return [stat.st_mtime_ns, stat.st_size]

    def get(self, path: str):
        entry = self.entries.get(path)
        if entry is not None and entry[0] == self._stamp(path):
            return entry[1]
        return None

    def put(self, path: str, value) -> None:
        stamp = self._stamp(path)
        if stamp is not None:
            self.entries[path] = [stamp, value]
            self.changed = True

    def save(self) -> None:
        """Write atomically; a cache that cannot be written is simply not kept."""
        if not self.changed:
            return
        temporary = self.path.with_name(self.path.name + f".{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps({"version": self.version, "files": self.entries},
                                            ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError:
            temporary.unlink(missing_ok=True)
