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
    unknown = [name for name in header if name not in COLUMNS]
    if unknown or len(set(header)) < len(header):
        raise GivenError(f"{path}:1: cột không có hoặc lặp lại: {', '.join(unknown) or 'cột trùng tên'} "
                         f"(các cột: {', '.join(COLUMNS)})")
    table: dict[str, Given] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise GivenError(f"{path}:{number}: dòng có {len(row)} ô, bảng chỉ có {len(header)} cột")
        cells = {name: nfc(" ".join(cell.split())) for name, cell in zip(header, row) if cell.strip()}
        if "file" not in cells:
            raise GivenError(f"{path}:{number}: thiếu tên tệp ở cột 'file'")
        if cells["file"] in table:
            raise GivenError(f"{path}:{number}: tệp '{cells['file']}' đã có ở một dòng trên")
        date = _date(cells["date"], f"{path}:{number}") if "date" in cells else None
        table[cells["file"]] = Given(url=cells.get("url"), title=cells.get("title"), date=date,
                                     author=cells.get("author"), portal=cells.get("portal"))
    return table


def lookup(table: dict[str, Given], path: Path, root: Path | None) -> Given:
    """The row for an input: by its path under the folder it was found in, else by its name."""
    if root is not None:
        try:
            relative = path.relative_to(root).as_posix()
        except ValueError:
            relative = None
        if relative in table:
            return table[relative]
    return table.get(path.name) or Given()
