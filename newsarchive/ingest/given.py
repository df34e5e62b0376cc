"""``newsarchive ingest --given FILE.tsv``: what the archivist knows of each file.

A tab-separated table with a header row naming its columns, ``file`` first, then any of
``url``, ``date``, ``title``, ``author``, ``portal``::

    file	date	title
    baohatinh-2019-video.txt	2019-12-22T06:05	Quyết tâm cao, nỗ lực lớn ...

``file`` is the input's path relative to the folder given on the command line, or its bare
name. An empty cell gives nothing. ``date`` is ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``.
``portal`` is a rule file's id, or the outlet's name as readers should see it. ``url`` is the
page's address as the crawl recorded it (a crawl log of ``file``/``url`` is such a table).
Title, date, author and portal given here win over anything found on the page, and the
article records them as given by hand (front matter ``by_hand``).
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from ..article import TIMEZONE
from ..vietnamese import nfc
from .record import Given

COLUMNS = ("file", "url", "date", "title", "author", "portal")
NOTES = ("reason", "seen")   # read and ignored: the --todo table says why each file is there, what it showed
SEEN_WORDS = {"title": "tiêu đề", "date": "ngày", "author": "tác giả"}


class GivenError(ValueError):
    """A table that cannot be used: ``path:line: what is wrong`` (Vietnamese)."""


def _date(text: str, where: str) -> datetime:
    for form in ("%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(text, form).replace(tzinfo=TIMEZONE)
        except ValueError:
            continue
    raise GivenError(f"{where}: ngày không hợp lệ: '{text}' (cần dạng 2019-12-22 hoặc 2019-12-22T06:05)")


def load(path: Path) -> dict[str, Given]:
    """File (relative path or name) -> what is given for it."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise GivenError(f"{path}: không đọc được bảng giá trị ({exc})") from None
    rows = list(csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or not rows[0] or rows[0][0].strip() != "file":
        raise GivenError(f"{path}:1: dòng đầu phải là tên các cột, bắt đầu bằng 'file' "
                         f"(các cột: {', '.join(COLUMNS)})")
    header = [name.strip() for name in rows[0]]
    unknown = [name for name in header if name not in COLUMNS + NOTES]
    if unknown or len(set(header)) < len(header):
        raise GivenError(f"{path}:1: cột không có hoặc lặp lại: {', '.join(unknown) or 'cột trùng tên'} "
                         f"(các cột: {', '.join(COLUMNS)})")
    table: dict[str, Given] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise GivenError(f"{path}:{number}: dòng có {len(row)} ô, bảng chỉ có {len(header)} cột")
        cells = {name: nfc(" ".join(cell.split())) for name, cell in zip(header, row)
                 if cell.strip() and name in COLUMNS}
        if "file" not in cells:
            raise GivenError(f"{path}:{number}: thiếu tên tệp ở cột 'file'")
        if cells["file"] in table:
            raise GivenError(f"{path}:{number}: tệp '{cells['file']}' đã có ở một dòng trên")
        date = _date(cells["date"], f"{path}:{number}") if "date" in cells else None
        table[cells["file"]] = Given(url=cells.get("url"), title=cells.get("title"), date=date,
                                     author=cells.get("author"), portal=cells.get("portal"))
    return table


def key_for(path: Path, sources: list[Path]) -> str:
    """How a table names an input: its path under the folder given on the command line."""
    for source in sources:
        if source.is_dir():
            try:
                return path.relative_to(source).as_posix()
            except ValueError:
                continue
    return path.name


def for_input(table: dict[str, Given], path: Path, sources: list[Path]) -> Given:
    """The row for an input: by its path under the folder it was found in, else by its name."""
    if not table:
        return Given()
    return table.get(key_for(path, sources)) or table.get(path.name) or Given()


def unmatched(table: dict[str, Given], paths: list[Path], sources: list[Path]) -> list[str]:
    """Rows that name no input (a typo the archivist should hear of)."""
    known = {key_for(p, sources) for p in paths} | {p.name for p in paths}
    return [name for name in table if name not in known]


def write_todo(entries, sources: list[Path], path: Path) -> int:
    """The quarantined inputs as a table to fill in and pass back with --given: each row says why,
    and what the page did show (``seen``, not read back); the archivist fills the missing cells
    (a value filled in wins over the page's and is recorded as given by hand) and re-runs."""
    rows = ["\t".join(("file", "reason", "seen", "date", "title", "author", "portal"))]
    for entry in entries:
        if entry.status != "quarantined":
            continue
        found = entry.found or {}
        seen = " | ".join(f"{SEEN_WORDS[name]}: {found[name]}" for name in SEEN_WORDS if found.get(name))
        cells = [key_for(Path(entry.path), sources), entry.reason or "", seen, "", "", "", ""]
        rows.append("\t".join(" ".join(cell.split()) for cell in cells))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return len(rows) - 1
