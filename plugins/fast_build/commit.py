"""Publish a staged build: ``python plugins/fast_build/commit.py STAGING PUBLISHED``.

``make html`` has Pelican write into ``STAGING`` (``output.new``) only what changed,
with ``PUBLISHED_PATH`` = ``PUBLISHED`` (``output``). ``STAGING/.kept`` lists what
of ``PUBLISHED`` stays as it is: one path per line, a folder when it ends in ``/``.
Then, in this order, so that an interruption never leaves a marker describing files
that are not there:

1. the markers of ``PUBLISHED`` that the staging replaces (``.build-id``, the search
   shards' ``.fingerprint``: every file whose name starts with a dot) are removed;
2. every other staged file is moved in (a rename: no copy);
3. every file of ``PUBLISHED`` neither staged nor kept is deleted, and empty folders;
4. the staged markers are moved in, and ``STAGING`` is removed.

Without ``PUBLISHED`` the staging is renamed to it. Pelican and this script never run
at once on one output: a failed or killed build leaves ``PUBLISHED`` as it was.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

BUILD_ID = ".build-id"
KEPT = ".kept"


def _staged_files(staging: Path) -> list[str]:
    found = []
    for folder, _, files in os.walk(staging):
        relative = os.path.relpath(folder, staging)
        found += [name if relative == "." else os.path.join(relative, name) for name in files]
    return sorted(found)


def _is_marker(path: str) -> bool:
    return os.path.basename(path).startswith(".")


def _move(source: Path, target: Path) -> None:
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)


def _delete_stale(published: Path, keep: set[str], kept_folders: set[str]) -> int:
    deleted, visited = 0, []
    for folder, folders, files in os.walk(published):
        relative = os.path.relpath(folder, published)
        prefix = "" if relative == "." else relative + os.sep
        folders[:] = [name for name in folders if prefix + name + os.sep not in kept_folders]
        visited.append(folder)
        for name in files:
            if prefix + name not in keep:
                os.unlink(os.path.join(folder, name))
                deleted += 1
    for folder in reversed(visited[1:]):   # deepest first
        if not os.listdir(folder):
            os.rmdir(folder)
    return deleted


def commit(staging: Path, published: Path) -> None:
    kept_list = staging / KEPT
    kept = kept_list.read_text(encoding="utf-8").splitlines() if kept_list.is_file() else []
    kept_list.unlink(missing_ok=True)
    if not published.is_dir():
        if published.exists():
            published.unlink()
        os.replace(staging, published)
        return
    staged = _staged_files(staging)
    markers = [name for name in staged if _is_marker(name)]
    for name in [BUILD_ID, *markers]:
        (published / name).unlink(missing_ok=True)
    for name in staged:
        if not _is_marker(name):
            _move(staging / name, published / name)
    kept_folders = {os.path.normpath(path) + os.sep for path in kept if path.endswith("/")}
    _delete_stale(published, set(staged) | {path for path in kept if not path.endswith("/")}, kept_folders)
    for name in sorted(markers, key=lambda name: name == BUILD_ID):   # the build id last
        _move(staging / name, published / name)
    shutil.rmtree(staging)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("Cách dùng: commit.py THƯ_MỤC_TẠM THƯ_MỤC_XUẤT_BẢN")
    try:
        commit(Path(sys.argv[1]), Path(sys.argv[2]))
    except OSError as exc:
        raise SystemExit(f"Không xuất bản được bản dựng mới: {exc}") from None
