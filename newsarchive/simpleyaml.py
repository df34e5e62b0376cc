"""The plain subset of YAML that article front matter uses, read without PyYAML.

Reading 100,000 articles must take seconds (``newsarchive check``), but PyYAML
spends 7 ms per front matter in pure Python and 0.4 ms with libyaml -- most of
it building nodes for a dozen ``key: value`` lines. This module reads only the
shape :func:`newsarchive.article.render` writes: top-level ``key: scalar`` lines,
scalars plain or quoted on one line, flow lists of such scalars. Scalar types
are resolved by PyYAML's own resolver, so the result is the one PyYAML gives.
Anything else -- block lists, anchors, tags, comments after values, multi-line
values, odd characters, a key written twice, values over ``safeyaml.LIMITS`` --
returns ``None`` and the caller uses :mod:`newsarchive.safeyaml`, which reads
with PyYAML's parser and refuses what the archive refuses.
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from .safeyaml import LIMITS

# The key of a top-level mapping line (then ':' and nothing, or spaces and the value).
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
# Characters YAML refuses (PyYAML's Reader.NON_PRINTABLE), and the ones it
# reads as line breaks besides "\n".
_ODD = re.compile("[^\x09\x0A\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]")
# A plain scalar we accept: no leading indicator, no ': ' or ' #', no tab
# (plain string tests: a regex over each character costs more than the rest).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@` ")
_FLOW_INDICATORS = "[]{}?"   # PyYAML ends a plain scalar at "?" inside [...]
_SINGLE = re.compile(r"'((?:[^']|'')*)'")
_DOUBLE = re.compile(r'"([^"\\]*)"')

_resolver = yaml.resolver.Resolver()
_BOOLS = yaml.constructor.SafeConstructor.bool_values
_STR, _NULL, _BOOL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool"


class _Unsupported(Exception):
    """Outside the subset: let PyYAML read it."""


def _is_plain(text: str, in_flow: bool) -> bool:
    if not text or text[0] in _INDICATORS or text[-1] == ":" or ": " in text or " #" in text or "\t" in text:
        return False
    return not in_flow or not any(ch in text for ch in _FLOW_INDICATORS)


_RESOLVED_FIRST = frozenset(key for key in _resolver.yaml_implicit_resolvers if key)


@lru_cache(maxsize=1 << 16)
def _plain(text: str, timestamps: bool):
    if text[0] not in _RESOLVED_FIRST:      # no implicit type starts with this character
        return text
    tag = _resolver.resolve(yaml.ScalarNode, text, (True, False))
    if tag == _STR or (tag == "tag:yaml.org,2002:timestamp" and not timestamps):
        return text
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return _BOOLS[text.lower()]
    raise _Unsupported  # numbers and the rest: PyYAML's constructors decide


def _quoted(text: str):
    match = _SINGLE.fullmatch(text)
    if match:
        return match.group(1).replace("''", "'")
    match = _DOUBLE.fullmatch(text)
    if match:
        return match.group(1)
    raise _Unsupported


def _scalar(text: str, timestamps: bool, in_flow: bool = False):
    if text[:1] in ("'", '"'):
        return _quoted(text)
    if not _is_plain(text, in_flow):
        raise _Unsupported
    return _plain(text, timestamps)


def _flow_list(text: str, timestamps: bool) -> list:
    inner = text[1:-1].strip(" ")
    if not inner:
        return []
    if "'" in inner or '"' in inner:
        raise _Unsupported
    return [_scalar(item.strip(" "), timestamps, in_flow=True) for item in inner.split(",")]


def load(text: str, timestamps: bool = False) -> tuple[dict, dict] | None:
    """``(mapping, key -> 0-based line)``, or ``None`` when PyYAML must read it.

    ``timestamps=False`` keeps dates as the text typed, like the loader in
    :mod:`newsarchive.frontmatter`.
    """
    if _ODD.search(text):
        return None
    # Beyond safeyaml's limits the answer is safeyaml's (a refusal): the two agree on what is refused.
    max_chars, max_items = LIMITS["string_chars"], LIMITS["list_items"]
    meta, lines = {}, {}
    try:
        for number, line in enumerate(text.split("\n")):
            if not line.strip() or line.startswith("#"):
                continue
            key, colon, rest = line.partition(":")
            if not colon or not _KEY.fullmatch(key) or rest[:1] not in ("", " ") or len(key) > max_chars:
                return None
            value = rest.strip(" ")
            if key in meta or _plain(key, timestamps) != key or len(value) > max_chars:
                return None
            if not value:
                meta[key] = None
            elif value.startswith("[") and value.endswith("]"):
                meta[key] = _flow_list(value, timestamps)
                if len(meta[key]) > max_items:
                    return None
            else:
                meta[key] = _scalar(value, timestamps)
            lines[key] = number
    except _Unsupported:
        return None
    return (meta, lines) if len(meta) <= max_items else None
