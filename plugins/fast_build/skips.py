"""Skip the quadratic parts of Pelican's ArticlesGenerator this site does not need.

* Tag, category and author pages: with ``TAG_SAVE_AS`` etc. empty (archive_structure
  writes those listings), Pelican still builds each one's list of dates by testing
  every article against every other (``article in articles``) and then writes
  nothing; ``generate_tags``/``_categories``/``_authors`` are not called then.

What Pelican offers no hook for is reached through ``pelican_internals``.
* File stamps: with ``CHECK_MODIFIED_METHOD = "sha1"`` Pelican hashes each article
  twice per build (to check its cache entry, and again to store it); ``RememberedStamps``
  hashes it once per build (files do not change while the site is built), and not at
  all while its size, inode and modification time are those it was hashed with.
* Cache file: Pelican pickles the whole content cache again after every build, with
  the settings and the whole context each article points to; ``saved_only_when_changed``
  skips that when no entry was added or replaced, and writes the articles alone.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from . import resident
from .pelican_internals import (cached_entries, file_stamp, remember_file_lists, save_cache_atomically,
                                skip_unwritten_listings, use_file_stamps, wrap_save_cache)


class RememberedStamps:
    """Each file's stamp (its SHA-1, for CHECK_MODIFIED_METHOD "sha1") once per build, and
    between builds (``path``, a JSON table) not read again while the file's size, inode and
    modification time in nanoseconds are the ones it had when hashed. As git does for its
    index, a file modified within a second before the table was written is hashed again."""

    def __init__(self, stamp, path: Path | None, base: str = ""):
        """``stamp(name)``: Pelican's stamp of a file named relative to ``base`` (the content
        folder, as the generator names files)."""
        self._stamp, self._path, self._base = stamp, path, base
        self._now: dict[str, object] = {}
        self._known: dict[str, list] = {}
        self._written = 0
        self._changed = False
        if path is not None and path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                self._known, self._written = data["files"], data["written"]
            except (ValueError, KeyError, TypeError):
                self._known = {}

    def __call__(self, filename):
        if filename in self._now:
            return self._now[filename]
        stamp = None
        try:
            info = os.stat(os.path.join(self._base, filename))
            key = [info.st_mtime_ns, info.st_size, info.st_ino]
        except OSError:
            key = None
        known = self._known.get(filename)
        if key and known and known[:3] == key and info.st_mtime_ns < self._written - 1_000_000_000:
            stamp = bytes.fromhex(known[3])
        if stamp is None:
            stamp = self._stamp(filename)
            if key and isinstance(stamp, bytes):
                self._known[filename] = [*key, stamp.hex()]
                self._changed = True
        self._now[filename] = stamp
        return stamp

    def save(self) -> None:
        if self._path is None or not (self._changed or len(self._known) > len(self._now)):
            return
        files = {name: self._known[name] for name in self._now if name in self._known}
        self._path.parent.mkdir(parents=True, exist_ok=True)
        self._path.write_text(json.dumps({"written": time.time_ns(), "files": files}), encoding="utf-8")


def saved_only_when_changed(generator, detach, attach, stamps: RememberedStamps) -> None:
    """Call once the cache is loaded: ``save_cache`` then writes only if an entry changed, and
    writes the articles without the settings and context they point to (``detach``): those
    are this build's, rebuilt by the next one, which ``attach``-es its own. It writes as
    ``save_cache_atomically`` does (beside the file, then renamed over it), so a write killed
    halfway leaves no cut pickle for the next build."""
    entries = cached_entries(generator)
    loaded = dict(entries)   # the entries themselves: compared by identity

    def detached_save():
        articles = [entry[1] for entry in entries.values()]
        for article in articles:
            detach(article)
        try:
            save_cache_atomically(generator)
        finally:
            for article in articles:
                attach(article, generator.settings, generator.context)

    def save_if_changed():
        stamps.save()
        if len(entries) == len(loaded) and all(loaded.get(name) is entry for name, entry in entries.items()):
            return
        if not resident.in_background(detached_save):   # make devserver: not while the editor waits
            detached_save()

    wrap_save_cache(generator, lambda pelicans_own: save_if_changed)


def skip_unneeded_work(generator, detach, attach) -> None:
    skip_unwritten_listings(generator)
    remember_file_lists(generator)
    table = Path(generator.settings["CACHE_PATH"]) / "stamps.json"
    stamps = RememberedStamps(file_stamp(generator),
                              table if generator.settings.get("CHECK_MODIFIED_METHOD") == "sha1" else None,
                              generator.path)
    use_file_stamps(generator, stamps)
    saved_only_when_changed(generator, detach, attach, stamps)
