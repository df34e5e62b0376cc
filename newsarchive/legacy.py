"""Old addresses of an article: its ``source_url`` and the ``aliases`` an editor lists.

``aliases`` (a key of ``newsarchive.article.KEYS``) is a front-matter list of old addresses that should
lead to the article: paths on this site (``/tin-cu/hoi-nghi.html``) or whole addresses
(``https://portal.gov.vn/?p=123``). The build redirects them (``plugins/legacy_links``); the contract
(``frontmatter.problems``, so ``check`` and the build alike) refuses an item that is neither, at its line.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

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
