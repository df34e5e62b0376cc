"""Where Pagefind reads a shard's pages: a folder of hard links to them, one per shard.

Pagefind indexes every page under ``--site``; a shard is only some of the site's
pages, and in a staged build (``make html``) they lie partly in the new output
(pages written by this build) and partly in the published one (pages kept). So each
shard gets a folder holding exactly its pages, at their paths, as hard links to the
built files (copies where a link cannot be made): nothing is copied or parsed.

With a cache folder the link folders stay between builds. A link is the built page
itself (the same inode), so a link that still is the page needs nothing; a page
written anew (a new file) is linked again, and pages that left the shard are
unlinked. No record is kept that could disagree with the files.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samestat(a.stat(), b.stat())
    except OSError:
        return False


def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:   # another file system, or links not allowed
        shutil.copyfile(source, target)


def _files(site: Path) -> set[str]:
    found = set()
    for folder, _, files in os.walk(site):
        relative = os.path.relpath(folder, site)
        found.update(name if relative == "." else os.path.join(relative, name) for name in files)
    return found


def _prune(site: Path, names) -> None:
    """Remove the files ``names`` and the folders they leave empty."""
    for name in names:
        path = site / name
        path.unlink(missing_ok=True)
        for parent in path.parents:
            if parent == site:
                break
            try:
                parent.rmdir()
            except OSError:
                break


class SourceFolders:
    """The link folder of each shard under ``root``; None: a temporary root, gone at ``close``."""

    def __init__(self, root: Path | None):
        self._temporary = root is None
        self.root = Path(tempfile.mkdtemp(prefix="pagefind-sources-")) if root is None else root
        self.root.mkdir(parents=True, exist_ok=True)

    def folder(self, key: str, find, names) -> Path:
        """Shard ``key``'s folder, holding exactly the pages ``names``, each linked to ``find(name)``."""
        site = self.root / key
        wanted = set(names)
        _prune(site, _files(site) - wanted)
        for name in wanted:
            source = find(name)
            if not _same_file(site / name, source):
                _link(source, site / name)
        return site

    def close(self, keys) -> None:
        """Remove the folders of shards this build does not have (``keys``: those it has)."""
        if self._temporary:
            shutil.rmtree(self.root, ignore_errors=True)
            return
        for stale in {path.name for path in self.root.iterdir()} - set(keys):
            shutil.rmtree(self.root / stale, ignore_errors=True)
