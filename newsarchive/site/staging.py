"""The layout of a staged build, owned here and used by fast_build (pages kept), pagefind_search
(search shards kept) and ``plugins/fast_build/commit.py`` (which publishes the staging).

``make html`` has Pelican write into ``output.new`` (``OUTPUT_PATH``) with ``PUBLISHED_PATH``
= the live ``output``: a page or shard that would be written with the bytes it already has
there is not written but listed in ``output.new/.kept``; the commit then moves the new files in
and deletes what the site no longer has. ``output/.build-id`` names the build whose page keys
(``CACHE_PATH/pages/<id>.json``) describe what ``output`` holds; files whose names start with a
dot (``.build-id``, a shard's ``.fingerprint``) are markers, moved in last. ``output.files``,
beside the site and not in it, lists what the last commit published.

``PUBLISHED_PATH`` = ``OUTPUT_PATH`` (``make devserver``) is a build in place: unchanged pages
stay where they are and nothing is staged. Without ``PUBLISHED_PATH`` nothing is kept.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

BUILD_ID = ".build-id"
KEPT = ".kept"
FILES_LIST_SUFFIX = ".files"


def is_marker(name: str) -> bool:
    """A marker file (``.build-id``, ``.fingerprint``): describes other files, so moved in last."""
    return os.path.basename(name).startswith(".")


def files_list(published: Path) -> Path:
    """``output.files``: what the last commit published into ``output``."""
    return published.with_name(published.name + FILES_LIST_SUFFIX)


@dataclass(frozen=True)
class Staging:
    output: Path                 # where this build writes (OUTPUT_PATH)
    published: Path | None = None   # the live site a staged build replaces; None otherwise
    in_place: bool = False       # PUBLISHED_PATH is OUTPUT_PATH itself (make devserver)

    @classmethod
    def of(cls, settings) -> Staging:
        output = Path(settings["OUTPUT_PATH"])
        published = settings.get("PUBLISHED_PATH")
        if not published:
            return cls(output)
        if Path(published).resolve() == output.resolve():
            return cls(output, in_place=True)
        return cls(output, Path(published))

    @property
    def keeps_pages(self) -> bool:
        """Pages may be kept from a published site: a staged build or one in place."""
        return self.published is not None or self.in_place

    @property
    def live(self) -> Path | None:
        """The folder that holds what was published last: the published site, or the output
        itself for a build in place."""
        return self.output if self.in_place else self.published

    def find(self, name: str) -> Path:
        """A file of the built site: written by this build, or else kept from the published one."""
        path = self.output / name
        return path if self.published is None or path.exists() else self.published / name

    def keep(self, names) -> None:
        """List ``names`` (files, or folders ending in ``/``) as kept from the published site."""
        names = list(names)
        if names and self.published is not None:
            with open(self.output / KEPT, "a", encoding="utf-8") as listing:
                listing.writelines(name + "\n" for name in names)

    def published_build(self) -> str:
        """The id of the build the live site holds, or "" when unknown."""
        live = self.live
        try:
            return (live / BUILD_ID).read_text(encoding="utf-8").strip() if live else ""
        except OSError:
            return ""

    def mark_build(self, build: str) -> None:
        (self.output / BUILD_ID).write_text(build + "\n", encoding="utf-8")

    def unmark_build(self) -> None:
        """A build in place starts: until it ends, the output is described by no build."""
        (self.output / BUILD_ID).unlink(missing_ok=True)
