"""Nothing from outside the tree: every file the archive reads, copies or links resolves inside its folder.

A symlink under ``content/`` to a file elsewhere on the build machine is published with
that file's bytes (Pelican copies through symlinks, FACTS.md), and a pull-request build
uploads its output as a preview; ``{static}/../../x`` and ``{attach}../../x`` in an
article make Pelican copy ``x`` from wherever it is, and even write it outside the
output. ``newsarchive check``, the reader, the ``content_guard`` plugin and ingest all
ask the questions below. Messages are Vietnamese: editors read them.
"""

from __future__ import annotations

import os
import posixpath
import re

# Pelican's intra-site links (INTRASITE_LINK_REGEX "[{|](?P<what>.*?)[|}]"): the ones that make
# it copy a file, then the rest of the value up to the end of the Markdown link or attribute.
LINK = re.compile(r"[{|](static|attach)[|}]([^\s)\"'<>]*)")


def escapes(path: str, root: str) -> str | None:
    """Where ``path`` really is when that is outside ``root`` (through a symlink or ``..``), else None.

    The reader asks for every article it reads: a path written under ``root`` without ``..``
    and with no symlink among its parts below ``root`` is inside (one lstat per part, ~5 us);
    only the others are resolved with ``realpath`` (~45 us: every part of both paths)."""
    path, root = os.fspath(path), os.fspath(root)
    if ".." not in path:
        absolute, base = os.path.abspath(path), os.path.abspath(root).rstrip(os.sep)
        if absolute.startswith(base + os.sep):
            current = base
            for part in absolute[len(base) + 1:].split(os.sep):
                current += os.sep + part
                if os.path.islink(current):
                    break
            else:
                return None
    real, base = os.path.realpath(path), os.path.realpath(root)
    if real == base or real.startswith(base.rstrip(os.sep) + os.sep):
        return None
    return real


def outside_message(real: str, folder: str) -> str:
    what = "thư mục" if os.path.isdir(real) else "tệp"
    return (f"{what} này là liên kết (symlink) dẫn ra ngoài thư mục {folder} (tới {real}): chỉ dùng được tệp "
            f"nằm trong thư mục; hãy chép {what} vào đây thay cho liên kết")


def link_target(value: str, article_dir: str) -> str | None:
    """The content-relative path a ``{static}``/``{attach}`` link names, as Pelican resolves it
    (``/...`` from the content folder, else from the article's folder); None when it leaves
    the content folder."""
    path = value.split("#", 1)[0].split("?", 1)[0].replace("%20", " ")
    joined = path[1:] if path.startswith("/") else posixpath.join(article_dir.replace(os.sep, "/"), path)
    target = posixpath.normpath(joined) if joined else "."
    if target == ".." or target.startswith("../") or posixpath.isabs(target):
        return None
    return target


def link_problems(body: str, first_line: int, article_dir: str) -> list[tuple[int, str]]:
    """(line, message) for each ``{static}``/``{attach}`` link in a body that leaves the content folder."""
    if "static" not in body and "attach" not in body:
        return []
    found = []
    for number, line in enumerate(body.split("\n"), start=first_line):
        for match in LINK.finditer(line):
            if link_target(match.group(2), article_dir) is None:
                found.append((number, f"liên kết '{match.group(0)}' trỏ ra ngoài thư mục content: chỉ liên kết "
                                      "tới tệp trong thư mục, ví dụ {static}/images/2024/05/anh.jpg"))
    return found
