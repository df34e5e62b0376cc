"""Reading a portal rule file, checked against what a rule file may say.

A key the file format does not know, or a value of the wrong type, is an error naming
``file:line`` (a typo such as ``tail_marker:`` would otherwise be ignored and its rule
never applied). What each key holds is declared once, as data, in :data:`SCHEMA`; the
loader returns plain Python values and the line of every key.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Kinds of value: "text" one string; "text?" a string or null; "texts" a list of strings;
# "patterns" a list of regular expressions; "pattern?" one regular expression or null;
# "flag" true or false; "selectors" one CSS selector or a list; "sources" a list of the candidate
# sources decide.py knows for that field; a dict is a block of keys.
SCHEMA: dict = {
    "id": "text",
    "name": "text",
    "names": "texts",            # how the page text names the outlet (banner, dateline code)
    "province": "text?",
    "district": "text?",
    "hosts": "texts",
    "identify": "patterns",
    "debris": {"lines": "texts", "patterns": "patterns", "inline": "patterns"},
    "tail_markers": "texts",
    "meta_labels": "texts",
    "byline_prefixes": "texts",
    "source_prefixes": "texts",
    "not_authors": "texts",
    "caption_prefixes": "texts",
    "outlet_prefixes": "texts",  # words an outlet's name starts with ("Báo", "Cổng thông tin"): never an author
    "title_debris": "patterns",
    "dateline": "pattern?",
    "html": {key: "selectors" for key in ("identify", "title", "date", "author", "section", "body", "remove")},
    # field -> the candidate sources it is decided from, best first (decide.py names them)
    "priorities": {key: "sources" for key in ("title", "date", "author", "category", "portal")},
}

_KIND_WORDS = {
    "text": "một chuỗi", "text?": "một chuỗi hoặc null", "texts": "một danh sách chuỗi",
    "patterns": "một danh sách biểu thức chính quy", "pattern?": "một biểu thức chính quy hoặc null",
    "flag": "true hoặc false", "selectors": "một bộ chọn CSS hoặc danh sách bộ chọn",
    "sources": "một danh sách nguồn",
}
_STR, _NULL, _BOOL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool"


class RuleError(ValueError):
    """A rule file that cannot be used; the message is ``file:line: what is wrong`` (Vietnamese)."""


def _where(path: Path, node) -> str:
    return f"{path}:{node.start_mark.line + 1}"


def _is_text(node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _STR


def _check_value(path: Path, key: str, node, kind) -> None:
    if isinstance(kind, dict):
        if not isinstance(node, yaml.MappingNode):
            raise RuleError(f"{_where(path, node)}: '{key}' phải là một khối khóa ({', '.join(kind)})")
        _check_mapping(path, node, kind, prefix=key + ".")
        return
    if kind == "flag":
        ok = isinstance(node, yaml.ScalarNode) and node.tag == _BOOL
    elif kind in ("text?", "pattern?"):
        ok = _is_text(node) or (isinstance(node, yaml.ScalarNode) and node.tag == _NULL)
    elif kind == "text":
        ok = _is_text(node)
    elif kind == "selectors":
        ok = _is_text(node) or (isinstance(node, yaml.SequenceNode) and all(map(_is_text, node.value)))
    else:   # texts, patterns, sources
        ok = isinstance(node, yaml.SequenceNode) and all(map(_is_text, node.value))
    if not ok:
        raise RuleError(f"{_where(path, node)}: '{key}' phải là {_KIND_WORDS[kind]}")
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    for item in items:
        if kind in ("patterns", "pattern?") and item.tag == _STR:
            _check_pattern(path, key, item)
        if kind in ("text", "texts", "selectors") and item.tag == _STR and not item.value.strip():
            raise RuleError(f"{_where(path, item)}: '{key}' có một giá trị rỗng")
        if kind == "selectors":
            _check_selector(path, key, item)
        if kind == "sources":
            _check_source(path, key, item)


def _check_pattern(path: Path, key: str, node) -> None:
    if not node.value.strip():
        # An empty pattern matches every line: refuse it rather than drop a whole page.
        raise RuleError(f"{_where(path, node)}: biểu thức rỗng trong '{key}' (sẽ khớp mọi dòng)")
    try:
        re.compile(node.value)
    except re.error as exc:
        raise RuleError(f"{_where(path, node)}: biểu thức sai trong '{key}': {node.value!r} ({exc})") from None


def _check_source(path: Path, key: str, node) -> None:
    from .decide import SOURCES

    known = SOURCES[key.rsplit(".", 1)[-1]]
    if node.value not in known:
        raise RuleError(f"{_where(path, node)}: '{key}' không có nguồn '{node.value}' "
                        f"(các nguồn: {', '.join(known)})")


def _check_selector(path: Path, key: str, node) -> None:
    import soupsieve

    try:
        soupsieve.compile(node.value)
    except Exception as exc:  # noqa: BLE001 - soupsieve raises several kinds
        raise RuleError(f"{_where(path, node)}: bộ chọn CSS sai trong '{key}': {node.value!r} ({exc})") from None


def _check_mapping(path: Path, node, schema: dict, prefix: str = "") -> None:
    seen = set()
    for key_node, value_node in node.value:
        key = key_node.value if _is_text(key_node) else None
        if key not in schema:
            known = ", ".join(schema)
            raise RuleError(f"{_where(path, key_node)}: khóa không có trong tệp quy tắc: "
                            f"'{prefix}{key_node.value}' (các khóa được dùng: {known})")
        if key in seen:
            raise RuleError(f"{_where(path, key_node)}: khóa '{prefix}{key}' được ghi hai lần")
        seen.add(key)
        _check_value(path, prefix + key, value_node, schema[key])


def load(path: Path) -> dict:
    """The rule file's values, after every key and value was checked."""
    text = path.read_text(encoding="utf-8")
    loader = _SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None or not isinstance(node, yaml.MappingNode):
            raise RuleError(f"{path}:1: tệp quy tắc phải là các dòng 'khóa: giá trị'")
        _check_mapping(path, node, SCHEMA)
        data = loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise RuleError(f"{path}:{line}: lỗi cú pháp YAML ({getattr(exc, 'problem', None) or exc})") from None
    finally:
        loader.dispose()
    if not data.get("id"):
        raise RuleError(f"{path}:1: tệp quy tắc cần ít nhất khóa 'id'")
    return data
