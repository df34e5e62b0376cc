"""Read an article file: YAML front matter + Markdown body, with line numbers.

One parser for ``newsarchive check`` and for the Pelican reader, so an editor
sees the same ``path:line: message`` from both. Messages are Vietnamese: they
are read by editors.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import yaml

from . import simpleyaml
from .article import TIMEZONE
from .vietnamese import nfc

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# The body ``newsarchive new`` writes: refused by check and build until replaced.
PLACEHOLDER = "VIẾT NỘI DUNG BÀI Ở ĐÂY"
# Keys ingest writes (issue 15): ``portal_name``, how readers see a portal that has no rule file;
# ``by_hand``, the fields the archivist gave by hand (``ingest --given``), from BY_HAND_FIELDS.
INGEST_KEYS = ("portal_name", "by_hand")
BY_HAND_FIELDS = ("title", "date", "author", "portal")


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
    item_lines: dict = field(default_factory=dict)  # key of a list -> 1-based line of each item


def _keep_dates_as_text(loader: type) -> type:
    """A loader class that keeps dates as the text the editor typed."""
    loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return loader


# libyaml when PyYAML has it (18x faster); the pure-Python loader words the errors.
_Loader = _keep_dates_as_text(type("_Loader", (yaml.SafeLoader,), {}))
_FastLoader = _keep_dates_as_text(type("_FastLoader", (getattr(yaml, "CSafeLoader", yaml.SafeLoader),), {}))


def split(text: str) -> tuple[str, str, int]:
    """Return (yaml_text, body, body_line); raise when the fences are wrong."""
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start == len(lines) or lines[start].rstrip() != "---":
        raise FrontMatterError(min(start, len(lines) - 1) + 1, "thiếu phần thông tin đầu bài: tệp phải bắt đầu bằng dòng '---'")
    for end in range(start + 1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            yaml_text = "\n".join(lines[start + 1:end])
            return yaml_text, "\n".join(lines[end + 1:]), end + 2
    raise FrontMatterError(start + 1, "phần thông tin đầu bài mở bằng '---' nhưng không có dòng '---' đóng lại")


def _compose(yaml_text: str, loader: type):
    instance = loader(yaml_text)
    try:
        node = instance.get_single_node()
        return node, instance.construct_document(node) if node is not None else None
    finally:
        instance.dispose()


def _syntax_error(exc: yaml.YAMLError, yaml_text: str, first_line: int) -> FrontMatterError:
    if isinstance(exc, yaml.reader.ReaderError):
        line = first_line + yaml_text[: exc.position].count("\n")
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return FrontMatterError(line, f"ký tự không được phép (mã U+{code:04X}): hãy xóa ký tự này")
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return FrontMatterError(first_line + (mark.line if mark else 0),
                            f"lỗi cú pháp YAML ({problem}): kiểm tra dấu ngoặc [ ], dấu nháy và dấu ':' ở dòng "
                            "này hoặc dòng trên; giá trị có dấu ':' thì đặt trong dấu nháy đơn '...'")


def _load_yaml(yaml_text: str, first_line: int) -> tuple[dict, dict, dict]:
    """(meta, key_lines, item_lines) through PyYAML, errors as FrontMatterError."""
    try:
        node, meta = _compose(yaml_text, _FastLoader)
    except RecursionError:
        raise FrontMatterError(first_line, "phần thông tin đầu bài lồng ngoặc quá sâu") from None
    except yaml.YAMLError as fast_error:
        error = fast_error
        try:   # the pure-Python parser words the same error the same way everywhere
            _compose(yaml_text, _Loader)
        except yaml.YAMLError as exc:
            error = exc
        except RecursionError:   # nesting libyaml refused and Python cannot follow: keep libyaml's words
            pass
        raise _syntax_error(error, yaml_text, first_line) from None
    if meta is None:   # an empty block, or one null scalar ("~", "null"): no keys
        return {}, {}, {}
    if not isinstance(meta, dict):
        raise FrontMatterError(first_line, "phần thông tin đầu bài phải là các dòng 'khóa: giá trị'")
    key_lines, item_lines = {}, {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        key_lines[key] = first_line + key_node.start_mark.line
        if isinstance(value_node, yaml.SequenceNode):
            item_lines[key] = [first_line + item.start_mark.line for item in value_node.value]
    return meta, key_lines, item_lines


def parse(text: str) -> Document:
    """Parse the whole file text (already decoded)."""
    text = nfc(text.lstrip("\ufeff").replace("\r\n", "\n"))
    yaml_text, body, body_line = split(text)
    first_yaml_line = text[: text.index("---")].count("\n") + 2
    simple = simpleyaml.load(yaml_text)
    if simple is None:
        meta, key_lines, item_lines = _load_yaml(yaml_text, first_yaml_line)
    else:
        meta, lines = simple
        key_lines = {key: first_yaml_line + line for key, line in lines.items()}
        item_lines = {key: [key_lines[key]] * len(value) for key, value in meta.items() if isinstance(value, list)}
    return Document(meta=meta, body=body, body_line=body_line, key_lines=key_lines, item_lines=item_lines)


def display(path: Path | str) -> str:
    """How a file is named in messages: relative to the working folder when inside it."""
    text = os.path.normpath(os.fspath(path))
    if not os.path.isabs(text):
        return text
    cwd = os.getcwd()
    prefix = cwd if cwd.endswith(os.sep) else cwd + os.sep
    return text[len(prefix):] if text.startswith(prefix) else text


def decode(data: bytes) -> str:
    """File bytes -> text; a non-UTF-8 file is a FrontMatterError at the bad byte's line."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise FrontMatterError(line, f"tệp không phải UTF-8 (byte 0x{data[exc.start]:02X} không đọc được); "
                                     "hãy lưu lại tệp với bảng mã UTF-8") from None


def load(path: Path | str) -> Document:
    """Read and parse one article file; every problem is a FrontMatterError."""
    with open(path, "rb") as handle:
        return parse(decode(handle.read()))


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
    name = meta.get("portal_name")
    if "portal_name" in meta and (not isinstance(name, str) or not name.strip() or "\n" in name.strip()):
        found.append((line_of("portal_name"), "tên nguồn (portal_name) phải là một dòng chữ, ví dụ: portal_name: Báo Hà Tĩnh"))
    by_hand = meta.get("by_hand")
    if "by_hand" in meta and (not isinstance(by_hand, list) or any(f not in BY_HAND_FIELDS for f in by_hand)):
        found.append((line_of("by_hand"), f"by_hand phải là danh sách các trường nhập tay ({', '.join(BY_HAND_FIELDS)}), "
                                          f"có: {by_hand}"))
    if not doc.body.strip():
        found.append((doc.body_line, "nội dung bài viết trống"))
    elif PLACEHOLDER in doc.body:
        line = doc.body_line + doc.body[: doc.body.index(PLACEHOLDER)].count("\n")
        found.append((line, f"bài còn đoạn giữ chỗ '{PLACEHOLDER}': hãy thay bằng nội dung bài viết"))
    return found
