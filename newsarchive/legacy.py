"""Old addresses of an article: its ``source_url`` and the ``aliases`` an editor lists.

``aliases`` is a front-matter list of old addresses that should lead to the article: paths on this
site (``/tin-cu/hoi-nghi.html``) or whole addresses (``https://portal.gov.vn/?p=123``). The build
redirects them (``plugins/legacy_links``); ``check`` reports an item that is neither, at its line.
The keys this module adds to the article contract are in :data:`KEYS` (moved to the contract's table
when there is one).
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

# Front-matter keys for old addresses: name -> what editors are told it is.
KEYS = {"aliases": "danh sách địa chỉ cũ của bài (đường dẫn bắt đầu bằng '/' hoặc địa chỉ http(s)://)"}
# Characters kept as written in a redirect's path (RFC 3986 path characters and '%').
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"


def old_address(value) -> tuple[str | None, str, str] | None:
    """``(host or None, path, query)`` of an old address (a path is on this site), else None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or any(c.isspace() for c in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme:
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            return None
        return parts.hostname.lower(), quote(parts.path or "/", safe=_PATH_SAFE), parts.query
    if not text.startswith("/") or text.startswith("//"):
        return None
    return None, quote(parts.path, safe=_PATH_SAFE), parts.query


def alias_problems(meta: dict, key_lines: dict, item_lines: dict) -> list[tuple[int, str]]:
    """``(line, message)`` for an ``aliases`` value that is not a list of old addresses."""
    if "aliases" not in meta or meta["aliases"] is None:
        return []
    value, line = meta["aliases"], key_lines.get("aliases", 1)
    if not isinstance(value, list):
        return [(line, "aliases phải là một danh sách, ví dụ: aliases: [/tin-tuc/hoi-nghi-123.html]")]
    lines = item_lines.get("aliases") or [line] * len(value)
    return [(at, f"địa chỉ cũ '{item}' không dùng được: cần đường dẫn bắt đầu bằng '/' hoặc địa chỉ http(s)://")
            for item, at in zip(value, lines) if old_address(item) is None]
