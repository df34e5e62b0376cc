"""Front matter read by PyYAML's parser, without what YAML would do behind an editor's back.

:mod:`newsarchive.simpleyaml` reads the plain shape ``render`` writes; every
other front matter comes here. Values are built from PyYAML's event stream
(libyaml when PyYAML has it), not by its composer and constructor, so whatever
YAML offers beyond plain values is refused at the event that brings it, before
any value exists:

* anchors and aliases (``&a``, ``*a``): eight nested levels of nine aliases in
  1 KB are a 43-million-item structure for any code that walks it;
* tags (``!!python/object``, ``!!binary``, ``!x``) and directives (``%TAG``);
* merge keys (``<<``) and other values YAML reads as a special type (``=``);
* a key written twice (PyYAML keeps the last one, silently), a key YAML reads as
  something else than text (``on``, ``null``, ``1``, a list);
* values larger than :data:`LIMITS` allows, nesting deeper than it allows.

Scalars are resolved by PyYAML's own resolver and built by its SafeConstructor,
so an accepted document gives what ``yaml.safe_load`` gives with the same loader
(which keeps dates as the text typed). Messages are Vietnamese: editors read them.
"""

from __future__ import annotations

import yaml
from yaml.events import (AliasEvent, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent,
                         SequenceStartEvent, StreamEndEvent)

# Size limits, checked on the text and on each event before a value is built. An article's
# front matter is ~0.6 KB: titles stop at 300 characters and summaries at 300 (ingest),
# articles carry 3-8 tags.
LIMITS = {
    "front_matter_bytes": 16_384,   # the whole block between the '---' lines (UTF-8)
    "string_chars": 2_000,          # one value (or key) as written
    "list_items": 100,              # items of a list, keys of a mapping
    "depth": 4,                     # the top mapping is 1, a list in it 2, ...
}

_STR, _NULL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null"
_BUILT = frozenset({"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})
_MERGE = "tag:yaml.org,2002:merge"
_KINDS = {_NULL: "giá trị rỗng", "tag:yaml.org,2002:bool": "giá trị đúng/sai", "tag:yaml.org,2002:int": "một số",
          "tag:yaml.org,2002:float": "một số"}
NOT_A_MAPPING = "phần thông tin đầu bài phải là các dòng 'khóa: giá trị'"


def shown(value) -> str:
    """A value as a message shows it: on one line, control characters written as escapes."""
    text = str(value)
    return text if text.isprintable() else "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


class Refused(Exception):
    """Valid YAML the archive does not take; ``line`` is 1-based in the article file."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class _Reader:
    def __init__(self, loader, first_line: int):
        self.loader = loader
        self.first_line = first_line
        self.key_lines: dict[str, int] = {}
        self.item_lines: dict[str, list[int]] = {}

    def line(self, event) -> int:
        return self.first_line + event.start_mark.line

    def refuse(self, event, message: str):
        raise Refused(self.line(event), message)

    def next_event(self, depth: int):
        event = self.loader.get_event()
        if isinstance(event, AliasEvent):
            self.refuse(event, f"bí danh YAML '*{shown(event.anchor)}' không được dùng: hãy ghi lại giá trị đầy đủ")
        if event.anchor is not None:
            self.refuse(event, f"mốc YAML '&{shown(event.anchor)}' không được dùng: hãy xóa '&{shown(event.anchor)}'")
        if event.tag is not None:
            written = event.tag.replace("tag:yaml.org,2002:", "!!", 1)
            self.refuse(event, f"kiểu YAML '{shown(written)}' không được dùng: hãy xóa nó (muốn giữ nguyên chữ thì "
                               "đặt giá trị trong nháy đơn '...')")
        if depth > LIMITS["depth"]:
            self.refuse(event, f"YAML lồng quá sâu (quá {LIMITS['depth']} tầng ngoặc hoặc thụt lề)")
        if isinstance(event, ScalarEvent) and len(event.value) > LIMITS["string_chars"]:
            self.refuse(event, f"giá trị dài {len(event.value)} ký tự, quá giới hạn {LIMITS['string_chars']} "
                               "ký tự của phần thông tin đầu bài")
        return event

    def value(self, depth: int, item_lines: list[int] | None = None):
        event = self.next_event(depth)
        if isinstance(event, ScalarEvent):
            return self.scalar(event)
        if isinstance(event, SequenceStartEvent):
            return self.sequence(depth, item_lines)
        return self.mapping(depth)

    def scalar(self, event):
        tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR:
            return event.value
        if tag == _NULL:
            return None
        if tag in _BUILT:
            return self.loader.yaml_constructors[tag](self.loader, yaml.ScalarNode(tag, event.value))
        return self.refuse(event, f"giá trị '{shown(event.value)}' được YAML đọc theo kiểu riêng ({tag}): "
                                  "hãy đặt nó trong nháy đơn '...'")

    def sequence(self, depth: int, lines: list[int] | None = None) -> list:
        """The items after a sequence's start event, at ``depth``."""
        items = []
        while not self.loader.check_event(SequenceEndEvent):
            if len(items) == LIMITS["list_items"]:
                self.refuse(self.loader.peek_event(), f"danh sách dài quá {LIMITS['list_items']} mục")
            if lines is not None:
                lines.append(self.line(self.loader.peek_event()))
            items.append(self.value(depth + 1))
        self.loader.get_event()
        return items

    def mapping(self, depth: int) -> dict:
        """The keys and values after a mapping's start event, at ``depth``."""
        top = depth == 1
        found, lines = {}, {}
        while not self.loader.check_event(MappingEndEvent):
            event = self.next_event(depth + 1)
            if not isinstance(event, ScalarEvent):
                self.refuse(event, "khóa YAML phải là một tên (chữ), không phải danh sách hay bảng")
            key = event.value
            tag = self.loader.resolve(yaml.ScalarNode, key, event.implicit)
            if tag == _MERGE:
                self.refuse(event, "khóa gộp YAML '<<' không được dùng: hãy ghi từng khóa")
            if tag != _STR:
                self.refuse(event, f"khóa '{shown(key)}' được YAML đọc thành {_KINDS.get(tag, 'một giá trị đặc biệt')}, "
                                   "không phải một tên: hãy đổi tên khóa")
            if key in found:
                self.refuse(event, f"khóa '{shown(key)}' được ghi hai lần (cả ở dòng {lines[key]}): hãy xóa một dòng")
            if len(found) == LIMITS["list_items"]:
                self.refuse(event, f"có hơn {LIMITS['list_items']} khóa")
            lines[key] = self.line(event)
            item_lines = [] if top else None
            found[key] = self.value(depth + 1, item_lines)
            if top and isinstance(found[key], list):
                self.item_lines[key] = item_lines
        self.loader.get_event()
        if top:
            self.key_lines = lines
        return found

    def document(self):
        loader = self.loader
        loader.get_event()                                   # stream start
        if loader.check_event(StreamEndEvent):
            return None
        start = loader.get_event()                           # document start
        if start.version is not None or start.tags:
            self.refuse(start, "chỉ thị YAML (%YAML, %TAG) không được dùng trong phần thông tin đầu bài")
        event = self.next_event(1)
        if isinstance(event, MappingStartEvent):
            result = self.mapping(1)
        elif not isinstance(event, ScalarEvent) or self.scalar(event) is not None:
            self.refuse(event, NOT_A_MAPPING)
        else:
            result = None                                    # one null scalar ("~", "null"): no keys
        loader.get_event()                                   # document end
        if not loader.check_event(StreamEndEvent):
            self.refuse(loader.peek_event(), "phần thông tin đầu bài chỉ được có một khối YAML")
        return result


def load(text: str, loader_class: type, first_line: int = 1) -> tuple[dict | None, dict, dict]:
    """``(mapping or None, key -> line, key of a list -> line of each item)``.

    Raises :class:`Refused` for what the archive refuses, ``yaml.YAMLError`` for broken YAML.
    """
    loader = loader_class(text)
    try:
        reader = _Reader(loader, first_line)
        return reader.document(), reader.key_lines, reader.item_lines
    finally:
        loader.dispose()
