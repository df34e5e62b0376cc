"""Read an article file: YAML front matter + Markdown body, with line numbers, held to the contract.

One parser for ``newsarchive check`` and for the Pelican reader, so an editor
sees the same ``path:line: message`` from both. Messages are Vietnamese: they
are read by editors.

1. :func:`split` at the ``---`` fences; the block's size is checked against
   ``safeyaml.LIMITS`` before any YAML is read.
2. :mod:`newsarchive.simpleyaml` reads the plain shape ``render`` writes; anything
   else goes to :mod:`newsarchive.safeyaml` (PyYAML's parser, refusing anchors,
   aliases, tags, merge keys, repeated keys and oversize values).
3. :func:`problems`: the keys of ``newsarchive.article.KEYS`` and no other (Pelican's
   save_as, url, template, status... included), each value of its key's type
   (:data:`TYPES`), the required keys, a body.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from difflib import get_close_matches
from pathlib import Path

import yaml

from . import safeyaml, simpleyaml
from .safeyaml import shown
from .article import BY_HAND_FIELDS, KEYS, REQUIRED, TIMEZONE, Key
from .legacy import old_address
from .vietnamese import nfc

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PORTAL_RE = re.compile(r"[a-z0-9]+(?:[.-][a-z0-9]+)*")     # a rule file's name, or "editor"
URL_RE = re.compile(r"https?://[^\n]*", re.IGNORECASE)
SHA256_RE = re.compile(r"[0-9a-f]{64}")

# The body ``newsarchive new`` writes: refused by check and build until replaced.
PLACEHOLDER = "VIẾT NỘI DUNG BÀI Ở ĐÂY"


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
    """(meta, key_lines, item_lines) through PyYAML's parser (``safeyaml``), errors as FrontMatterError."""
    try:
        meta, key_lines, item_lines = safeyaml.load(yaml_text, _FastLoader, first_line)
    except safeyaml.Refused as exc:
        raise FrontMatterError(exc.line, exc.message) from None
    except yaml.YAMLError as fast_error:
        error = fast_error
        try:   # the pure-Python parser words the same error the same way everywhere
            safeyaml.load(yaml_text, _Loader, first_line)
        except yaml.YAMLError as exc:
            error = exc
        except safeyaml.Refused as exc:   # it read further than libyaml before failing
            raise FrontMatterError(exc.line, exc.message) from None
        raise _syntax_error(error, yaml_text, first_line) from None
    return meta or {}, key_lines, item_lines


def parse(text: str) -> Document:
    """Parse the whole file text (already decoded)."""
    text = nfc(text.lstrip("\ufeff").replace("\r\n", "\n"))
    yaml_text, body, body_line = split(text)
    first_yaml_line = text[: text.index("---")].count("\n") + 2
    limit = safeyaml.LIMITS["front_matter_bytes"]
    if len(yaml_text) * 4 > limit and len(yaml_text.encode("utf-8", "surrogatepass")) > limit:
        raise FrontMatterError(first_yaml_line - 1, f"phần thông tin đầu bài dài hơn {limit} byte: chỉ ghi các "
                                                    "khóa của bài (xem docs/huong-dan-bien-tap.md)")
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


def _what_yaml_made(value) -> str:
    if isinstance(value, bool):
        return "giá trị đúng/sai (yes, no, on, off, true, false)"
    if isinstance(value, (int, float)):
        return "một số"
    if isinstance(value, list):
        return "một danh sách"
    return "một bảng 'khóa: giá trị'" if isinstance(value, dict) else "một giá trị không phải chữ"


def _text(value, name: str, key: Key, one_line: bool = False) -> str | None:
    if type(value) is str and (not one_line or "\n" not in value):
        return None              # the common case, first: this runs for every key of every article
    if not isinstance(value, str):
        return (f"{key.label} ({name}) phải là chữ, nhưng YAML đọc giá trị này thành {_what_yaml_made(value)}: "
                f"nếu đó là chữ thì đặt trong nháy đơn, ví dụ {name}: '...'")
    if "\n" in value.strip():
        return f"{key.label} ({name}) phải nằm trên một dòng"
    return None


def _line(value, name, key):
    if type(value) is str and "\n" not in value:
        return None
    return _text(value, name, key, one_line=True)


def _matching(pattern: re.Pattern, message: str):
    """A one-line text that ``pattern`` matches whole."""
    def check(value, name, key):
        if type(value) is str and pattern.fullmatch(value) is not None:
            return None
        return _line(value, name, key) or message.format(value=shown(value))
    return check


def _date(value, name, key):
    try:
        parse_date(value)
    except (ValueError, TypeError):
        return f"ngày đăng không hợp lệ: '{shown(value)}' (cần dạng 2024-05-01T08:00:00+07:00)"
    return None


def _tag_problem(number: int, tag) -> str | None:
    if tag is None or (isinstance(tag, str) and not tag.strip()):
        return f"thẻ thứ {number + 1} trống: hãy xóa nó khỏi danh sách"
    if not isinstance(tag, str):
        value = "" if isinstance(tag, bool) else f" ('{shown(tag)}')"
        return (f"thẻ thứ {number + 1}{value} phải là chữ, nhưng YAML đọc nó thành {_what_yaml_made(tag)}: "
                "hãy đặt trong nháy đơn '...'")
    return None if "\n" not in tag.strip() else f"thẻ thứ {number + 1} phải nằm trên một dòng"


def _tags(value, name, key):
    if not isinstance(value, list):
        return "thẻ (tags) phải là một danh sách, ví dụ: tags: [An Giang, Tỉnh ủy]"
    found = []
    for number, tag in enumerate(value):
        if type(tag) is not str or not tag or "\n" in tag or tag.isspace():
            message = _tag_problem(number, tag)
            if message:
                found.append((number, message))
    return found or None


def _by_hand(value, name, key):
    if isinstance(value, list) and all(type(field) is str and field in BY_HAND_FIELDS for field in value):
        return None
    return f"by_hand phải là danh sách các trường nhập tay ({', '.join(BY_HAND_FIELDS)}), có: {shown(value)}"


def _aliases(value, name, key):
    if not isinstance(value, list):
        return "aliases phải là một danh sách, ví dụ: aliases: [/tin-tuc/hoi-nghi-123.html]"
    return [(number, f"địa chỉ cũ '{shown(item)}' không dùng được: cần đường dẫn bắt đầu bằng '/' hoặc địa chỉ "
                     "http(s)://") for number, item in enumerate(value) if old_address(item) is None] or None


def _records(fields: dict[str, str], example: str, required: tuple[str, ...] = ()):
    """A list of small mappings (ingest writes them): each item's keys among ``fields`` (name ->
    "path", "url", "line" or "size"), one of ``required`` (else the first) in each."""
    required = required or (next(iter(fields)),)
    valid = {"path": lambda v: type(v) is str and v.startswith("/images/") and ".." not in v.split("/"),
             "url": lambda v: type(v) is str and URL_RE.fullmatch(v) is not None,
             "line": lambda v: type(v) is str and "\n" not in v.strip() and bool(v.strip()),
             "size": lambda v: type(v) is int and v >= 0}

    def check(value, name, key):
        if not isinstance(value, list):
            return f"{name} phải là một danh sách, mỗi mục một dòng '- {example}'"
        found = []
        for number, item in enumerate(value):
            if not isinstance(item, dict) or not any(k in item for k in required):
                wanted = " hoặc ".join(f"'{k}:'" for k in required)
                found.append((number, f"mục thứ {number + 1} của {name} phải có {wanted} ({example})"))
                continue
            for field_name, field_value in item.items():
                kind = fields.get(field_name)
                if kind is None:
                    found.append((number, f"mục thứ {number + 1} của {name}: khóa '{shown(field_name)}' không dùng "
                                          f"được (các khóa: {', '.join(fields)})"))
                elif field_value is not None and not valid[kind](field_value):
                    found.append((number, f"mục thứ {number + 1} của {name}: {field_name} '{shown(field_value)}' "
                                          f"không hợp lệ ({example})"))
        return found or None
    return check


# Each key's type (newsarchive.article.KEYS): value, key name, Key -> a message, or a list of
# (item index, message) for a list's items; None when the value is right.
TYPES = {
    "line": _line,
    "text": _text,
    "date": _date,
    "tags": _tags,
    "slug": _matching(SLUG_RE, "slug '{value}' chỉ được gồm chữ thường không dấu, số và dấu '-'"),
    "portal": _matching(PORTAL_RE, "nguồn (portal) '{value}' chỉ được gồm chữ thường không dấu, số, dấu '.' và "
                                   "'-' (ví dụ: editor, angiang.gov.vn)"),
    "url": _matching(URL_RE, "địa chỉ bài gốc (source_url) phải bắt đầu bằng http:// hoặc https://"),
    "sha256": _matching(SHA256_RE, "raw_sha256 phải là 64 chữ số hệ 16 viết thường (mã SHA-256 của tệp gốc)"),
    "by_hand": _by_hand,
    "aliases": _aliases,
    "images": _records({"src": "path", "original": "url"}, "src: /images/2024/05/<tên>.jpg, original: https://..."),
    "missing_images": _records({"url": "url", "address": "line", "caption": "line"},
                               "url: https://..., caption: chú thích ảnh", required=("url", "address")),
    "attachments": _records({"name": "line", "type": "line", "file": "path", "size": "size", "original": "url",
                             "document": "line"},
                            "name: tên văn bản, file: /images/2024/05/<tên>.pdf"),
}

# Keys Pelican honours as written (FACTS.md: save_as replaced the home page, url sent every
# listing and feed to another site, status: hidden took an article out of every listing),
# with what an editor should do instead.
PELICAN_KEYS = {
    "save_as": "đường dẫn của bài do kho đặt: /năm/tháng/slug/",
    "url": "đường dẫn của bài do kho đặt: /năm/tháng/slug/; địa chỉ bài gốc thì ghi source_url",
    "override_url": "đường dẫn của bài do kho đặt: /năm/tháng/slug/",
    "override_save_as": "đường dẫn của bài do kho đặt: /năm/tháng/slug/",
    "template": "mọi bài dùng chung một mẫu trang",
    "status": "muốn gỡ bài thì ghi withdrawn: <lý do gỡ>",
    "lang": "kho chỉ có tiếng Việt",
    "translation": "kho chỉ có tiếng Việt",
    "modified": "ngày đăng sai thì sửa thẳng dòng date",
    "authors": "ghi một tác giả: author: ...",
    "path": "",
    "reader": "",
}


def unknown_key(name: str) -> str:
    """Why a key outside the contract is refused, with the key the editor probably meant."""
    folded = name.casefold()      # Pelican reads keys in any case
    if folded in PELICAN_KEYS:
        advice = PELICAN_KEYS[folded]
        return (f"khóa '{shown(name)}' của Pelican không được dùng trong bài của kho" + (f": {advice}" if advice else ""))
    close = [k for k in KEYS if k.casefold() == folded] or get_close_matches(name, KEYS, n=1, cutoff=0.6)
    guess = f" — có phải '{close[0]}'?" if close else f"; các khóa được dùng: {', '.join(KEYS)}"
    return f"khóa '{shown(name)}' không có trong bài của kho{guess}"


# key -> (its type's check, Key, what a right value of the common kind looks like: a pattern it
# matches whole, True for any one-line text, False for any text, None: ask the check). problems()
# runs for every article of every build and check: the right values (nearly all) skip the call.
_FAST = {"line": True, "text": False, "slug": SLUG_RE, "portal": PORTAL_RE, "url": URL_RE, "sha256": SHA256_RE}
_CHECKS = {name: (TYPES[key.type], key, _FAST.get(key.type)) for name, key in KEYS.items()}


def _missing(doc: Document, default_line: int) -> list[tuple[int, str]]:
    found = []
    for name in REQUIRED:
        key, value = KEYS[name], doc.meta.get(name)
        if value is None or (type(value) is str and (not value or value.isspace())):
            what = f"{key.label} ({name}) trống" if value is not None else f"thiếu {key.label} ({name})"
            found.append((doc.key_lines.get(name, default_line), what + (f"; {key.hint}" if key.hint else "")))
    return found


def problems(doc: Document) -> list[tuple[int, str]]:
    """Contract errors in a parsed document, as (line, message): ``newsarchive.article.KEYS`` and the body."""
    meta, found, lines = doc.meta, [], doc.key_lines
    default_line = doc.body_line - 1     # the closing '---': where a missing key would go
    required = 0                         # required keys with a value
    for name, value in meta.items():
        entry = _CHECKS.get(name)
        if entry is None:
            found.append((lines.get(name, default_line), unknown_key(name)))
            continue
        check, key, fast = entry
        if value is None:
            continue
        if type(value) is str:
            if not value or value.isspace():
                continue                  # no value: _missing tells a required key's
            if (fast is False or (fast is True and "\n" not in value)
                    or (fast is not None and fast is not True and fast.fullmatch(value) is not None)):
                required += key.required
                continue
        required += key.required
        result = check(value, name, key)
        if result is None:
            continue
        if isinstance(result, str):
            found.append((lines.get(name, default_line), result))
        else:
            items = doc.item_lines.get(name) or []
            found.extend((items[index] if index < len(items) else lines.get(name, default_line), message)
                         for index, message in result)
    if required < len(REQUIRED):
        found.extend(_missing(doc, default_line))
    if not doc.body or doc.body.isspace():
        found.append((doc.body_line, "nội dung bài viết trống"))
    elif PLACEHOLDER in doc.body:
        line = doc.body_line + doc.body[: doc.body.index(PLACEHOLDER)].count("\n")
        found.append((line, f"bài còn đoạn giữ chỗ '{PLACEHOLDER}': hãy thay bằng nội dung bài viết"))
    return found
