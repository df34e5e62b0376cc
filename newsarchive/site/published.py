"""Files a plugin adds to the site by itself (resized photos, pages at old addresses), written only
when the published site does not already hold them.

``make html`` stages each build (``newsarchive.site.staging``): a file the live site already has,
with the same bytes, is listed as kept instead of being written again, so a build where nothing
changed copies nothing. Whether it has the same bytes is told without reading it:

* :meth:`Publisher.copy` (a file made elsewhere: a source picture, a resized copy in the cache): the
  published file has the source's size and modification time (a copy keeps the source's time, a
  hard link is the source);
* :meth:`Publisher.write` (bytes made now): the published file has the size and time recorded
  when these bytes were written there (``manifest``, a JSON file in the cache folder).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from .staging import Staging


def _stamp(path: Path) -> list[int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


class Publisher:
    def __init__(self, settings, manifest: Path | None = None):
        self.staging = Staging.of(settings)
        self.output = self.staging.output
        self._manifest_path = manifest
        self._kept: list[str] = []
        self.written = 0
        try:
            self._manifest = json.loads(manifest.read_text(encoding="utf-8")) if manifest else {}
        except (OSError, ValueError):
            self._manifest = {}
        self._next: dict[str, list] = {}

    def _live(self, name: str) -> Path:
        """Where the file is now: in the published site, or in the output for a build in place."""
        return (self.staging.live or self.output) / name

    def _keep(self, name: str) -> None:
        if self.staging.published is not None:
            self._kept.append(name)

    def copy(self, name: str, source: Path, link: bool = False) -> None:
        """Publish ``source`` as ``name`` (a hard link when ``link`` and the file system allows)."""
        wanted = _stamp(source)
        if wanted is not None and _stamp(self._live(name)) == wanted:
            return self._keep(name)
        target = self.output / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        if link:
            try:
                os.link(source, target)
                self.written += 1
                return None
            except OSError:
                pass
        shutil.copy2(source, target)
        self.written += 1
        return None

    def write(self, name: str, data: bytes) -> None:
        """Publish ``data`` as ``name``."""
        digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        known = self._manifest.get(name)
        if known and known[0] == digest and _stamp(self._live(name)) == known[1:]:
            self._next[name] = known
            return self._keep(name)
        target = self.output / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        target.write_bytes(data)
        self._next[name] = [digest, *_stamp(target)]
        self.written += 1
        return None

    def close(self) -> None:
        """List what was kept; record what ``write`` published (what a later build compares with)."""
        self.staging.keep(self._kept)
        self._kept = []
        if self._manifest_path is not None and self._next != self._manifest:
            self._manifest_path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self._manifest_path.with_name(self._manifest_path.name + ".tmp")
            temporary.write_text(json.dumps(self._next, sort_keys=True), encoding="utf-8")
            os.replace(temporary, self._manifest_path)
