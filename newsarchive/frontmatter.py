"""Read an article file: YAML front matter + Markdown body, with line numbers.

One parser for ``newsarchive check`` and for the Pelican reader, so an editor
sees the same ``path:line: message`` from both. Messages are Vietnamese: they
are read by editors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

import yaml

from .article import TIMEZONE
from .vietnamese import nfc

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class FrontMatterError(ValueError):
    """A problem that makes the file unreadable; ``line`` is 1-based."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(slots=True)
class Document:
    meta: dict
    body: str
    body_line: int                      # 1-based line where the body starts
    key_lines: dict = field(default_factory=dict)   # key -> 1-based line


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as the text the editor typed."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def split(text: str) -> tuple[str, str, int]:
    """Return (yaml_text, body, body_line); raise when the fences are wrong."""
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start == len(lines) or lines[start].rstrip() != "---":
        raise FrontMatterError(start + 1, "thiếu phần thông tin đầu bài: tệp phải bắt đầu bằng dòng '---'")
    for end in range(start + 1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            yaml_text = "\n".join(lines[start + 1:end])
            return yaml_text, "\n".join(lines[end + 1:]), end + 2
    raise FrontMatterError(start + 1, "phần thông tin đầu bài mở bằng '---' nhưng không có dòng '---' đóng lại")


def parse(text: str) -> Document:
    """Parse the whole file text (already decoded)."""
    text = nfc(text.lstrip("\ufeff").replace("\r\n", "\n"))
    yaml_text, body, body_line = split(text)
    first_yaml_line = text[: text.index("---")].count("\n") + 2
    try:
        node = yaml.compose(yaml_text, Loader=_Loader)
        meta = yaml.load(yaml_text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = first_yaml_line + (mark.line if mark else 0)
        problem = getattr(exc, "problem", None) or str(exc)
        raise FrontMatterError(line, f"lỗi cú pháp YAML: {problem}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError(first_yaml_line, "phần thông tin đầu bài phải là các dòng 'khóa: giá trị'")
    key_lines = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            key_lines[str(key_node.value)] = first_yaml_line + key_node.start_mark.line
    return Document(meta=meta, body=body, body_line=body_line, key_lines=key_lines)


def parse_date(value) -> datetime:
    """ISO 8601 text (or a YAML date) -> aware datetime in Asia/Ho_Chi_Minh.

    A date without a zone is taken as Vietnam time. Raises ValueError.
    """
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    elif isinstance(value, str) and value.strip():
        moment = datetime.fromisoformat(value.strip())
    else:
        raise ValueError("empty date")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=TIMEZONE)
    return moment.astimezone(TIMEZONE)


def problems(doc: Document) -> list[tuple[int, str]]:
    """Contract errors in a parsed document, as (line, message)."""
    meta, found = doc.meta, []

    def line_of(key: str) -> int:
        return doc.key_lines.get(key, doc.body_line - 1)

    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        found.append((line_of("title"), "thiếu tiêu đề (title) hoặc tiêu đề trống"))
    elif "\n" in title.strip():
        found.append((line_of("title"), "tiêu đề (title) phải nằm trên một dòng"))
    if "date" not in meta:
        found.append((line_of("date"), "thiếu ngày đăng (date), ví dụ: 2024-05-01T08:00:00+07:00"))
    else:
        try:
            parse_date(meta["date"])
        except (ValueError, TypeError):
            found.append((line_of("date"),
                          f"ngày đăng không hợp lệ: '{meta['date']}' (cần dạng 2024-05-01T08:00:00+07:00)"))
    slug = meta.get("slug")
    if slug is None:
        found.append((line_of("slug"), "thiếu đường dẫn (slug)"))
    elif not isinstance(slug, str) or not SLUG_RE.match(slug):
        found.append((line_of("slug"), f"slug '{slug}' chỉ được gồm chữ thường không dấu, số và dấu '-'"))
    if "tags" not in meta:
        found.append((line_of("tags"), "thiếu danh sách thẻ (tags); để trống thì ghi: tags: []"))
    elif not isinstance(meta["tags"], list):
        found.append((line_of("tags"), "thẻ (tags) phải là một danh sách, ví dụ: tags: [An Giang, Tỉnh ủy]"))
    portal = meta.get("portal")
    if not isinstance(portal, str) or not portal.strip():
        found.append((line_of("portal"), "thiếu nguồn (portal); bài biên tập viên viết thì ghi: portal: editor"))
    if not doc.body.strip():
        found.append((doc.body_line, "nội dung bài viết trống"))
    return found
