"""Publish a staged build: ``python plugins/fast_build/commit.py STAGING PUBLISHED``.

``make html`` has Pelican write into ``STAGING`` (``output.new``) only what changed,
with ``PUBLISHED_PATH`` = ``PUBLISHED`` (``output``). ``STAGING/.kept`` lists what
of ``PUBLISHED`` stays as it is: one path per line, a folder when it ends in ``/``.
Then, in this order, so that an interruption never leaves a marker describing files
that are not there:

1. the markers of ``PUBLISHED`` that the staging replaces (``.build-id``, the search
   shards' ``.fingerprint``: every file whose name starts with a dot) are removed, and
   the list of its files beside it (``PUBLISHED.files``, not published with the site);
2. every other staged file is moved in (a rename: no copy);
3. every file of ``PUBLISHED`` neither staged nor kept is deleted, and empty folders;
4. the staged markers are moved in, ``STAGING`` is removed, and ``PUBLISHED.files``
   lists what ``PUBLISHED`` now holds (files, and kept folders as ``folder/``).

Step 3 looks only at what the list named (a 100,000-article site has 370,000 files
and folders; walking them took 11 s), and walks the whole tree only when there is no
list (the first commit, or one after an interrupted commit). So a file no build wrote
there stays. Without ``PUBLISHED`` the staging is renamed to it. Pelican and
this script never run at once on one output: a failed or killed build leaves
``PUBLISHED`` as it was.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from newsarchive.site.staging import BUILD_ID, KEPT, files_list, is_marker


def _staged_files(staging: Path) -> list[str]:
    found = []
    for folder, _, files in os.walk(staging):
        relative = os.path.relpath(folder, staging)
        found += [name if relative == "." else os.path.join(relative, name) for name in files]
    return sorted(found)


def _move(source: Path, target: Path) -> None:
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)


def _remove_empty(published: Path, folders) -> None:
    """Remove each of ``folders`` (relative) that is empty, and its parents that become so."""
    for folder in sorted(set(folders), key=len, reverse=True):   # deepest first
        while folder:
            try:
                os.rmdir(published / folder)
            except OSError:   # not empty, or gone
                break
            folder = os.path.dirname(folder)


def _delete_stale(published: Path, keep: set[str], kept_folders: set[str], start: str = "") -> None:
    """Walk ``published`` (or its folder ``start``) and delete what is neither kept nor in a kept folder."""
    deleted = []
    for folder, folders, files in os.walk(published / start):
        relative = os.path.relpath(folder, published)
        prefix = "" if relative == "." else relative + os.sep
        folders[:] = [name for name in folders if prefix + name + os.sep not in kept_folders]
        for name in files:
            if prefix + name not in keep:
                os.unlink(os.path.join(folder, name))
                deleted.append(prefix + name)
    _remove_empty(published, [os.path.dirname(path) for path in deleted] + [start.rstrip(os.sep)])


def _inside(path: str, folders: set[str]) -> bool:
    return any(path.startswith(folder) for folder in folders)


def _delete_listed(published: Path, listed: list[str], keep: set[str], kept_folders: set[str]) -> None:
    """Delete what the last commit listed and this one neither staged nor kept."""
    deleted = []
    for entry in listed:
        if entry.endswith(os.sep):   # a folder kept last time, wholly
            if entry not in kept_folders:
                _delete_stale(published, keep, kept_folders, entry)
        elif entry not in keep and not _inside(entry, kept_folders):
            try:
                os.unlink(published / entry)
                deleted.append(entry)
            except FileNotFoundError:
                pass
    _remove_empty(published, [os.path.dirname(path) for path in deleted])


def _read_list(published: Path) -> list[str] | None:
    try:
        return files_list(published).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None


def _write_list(published: Path, entries) -> None:
    temporary = published.with_name(published.name + ".files.tmp")
    temporary.write_text("".join(entry + "\n" for entry in sorted(entries)), encoding="utf-8")
    os.replace(temporary, files_list(published))


def commit(staging: Path, published: Path) -> None:
    kept_list = staging / KEPT
    kept = kept_list.read_text(encoding="utf-8").splitlines() if kept_list.is_file() else []
    kept_list.unlink(missing_ok=True)
    if not published.is_dir():
        if published.exists():
            published.unlink()
        os.replace(staging, published)
        _write_list(published, _staged_files(published))
        return
    listed = _read_list(published)
    staged = _staged_files(staging)
    markers = [name for name in staged if is_marker(name)]
    files_list(published).unlink(missing_ok=True)   # until the new one: an interruption means a walk
    for name in [BUILD_ID, *markers]:
        (published / name).unlink(missing_ok=True)
    for name in staged:
        if not is_marker(name):
            _move(staging / name, published / name)
    kept_folders = {os.path.normpath(path) + os.sep for path in kept if path.endswith("/")}
    keep = set(staged) | {path for path in kept if not path.endswith("/")}
    if listed is None:
        _delete_stale(published, keep, kept_folders)
    else:
        _delete_listed(published, listed, keep, kept_folders)
    for name in sorted(markers, key=lambda name: name == BUILD_ID):   # the build id last
        _move(staging / name, published / name)
    shutil.rmtree(staging)
    _write_list(published, keep | kept_folders)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("Cách dùng: commit.py THƯ_MỤC_TẠM THƯ_MỤC_XUẤT_BẢN")
    try:
        commit(Path(sys.argv[1]), Path(sys.argv[2]))
    except OSError as exc:
        raise SystemExit(f"Không xuất bản được bản dựng mới: {exc}") from None
