"""Stage 4: cleaned paragraphs -> Markdown body.

Each paragraph becomes a Markdown block by its shape: list item, numbered
item, subheading or plain paragraph (photo captions were left out by
``body``). Text is escaped so that nothing in it turns into markup by accident.
"""

from __future__ import annotations

import re

from .body import TERMINAL, HEADING_MAX_WORDS
from .portals import Rules

_BULLET = re.compile(r"^[-•+–]\s+")
_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+")
_ESCAPE = re.compile(r"([\\`*_\[\]<>])")
_LEADING_MARKUP = re.compile(r"^(#|>|[-+*](\s|$)|=+$|-+$|~~~)")
# "2019. Năm ..." would start an ordered list (CommonMark: up to 9 digits): escape the
# delimiter, as a backslash before a digit is no escape and would show.
_LEADING_NUMBER = re.compile(r"^(\d+)([.)])(?=\s|$)")


def escape_inline(text: str) -> str:
    """Text inside a paragraph, its markup characters escaped."""
    return _ESCAPE.sub(r"\\\1", text)


def escape(text: str) -> str:
    text = escape_inline(text)
    if _LEADING_MARKUP.match(text):
        return "\\" + text
    return _LEADING_NUMBER.sub(r"\1\\\2", text)


def block(text: str, previous: str | None, following: str | None, rules: Rules) -> str:
    """One paragraph as Markdown, judged with its neighbours."""
    if _BULLET.match(text):
        return "- " + escape(_BULLET.sub("", text))
    numbered = _NUMBERED.match(text)
    if numbered:
        return f"{numbered.group(1)}. " + escape(text[numbered.end():])
    words = len(text.split())
    inside = previous is not None and following is not None
    if inside and words <= HEADING_MAX_WORDS and not TERMINAL.search(text) and len(following.split()) > words:
        return "## " + escape(text)
    return escape(text)


def to_markdown(paragraphs: list[str], rules: Rules, inserts: dict[int, list[str]] | None = None) -> str:
    """``inserts``: Markdown blocks (pictures, captions) to put before the paragraph of that index."""
    blocks = []
    for index, text in enumerate(paragraphs):
        previous = paragraphs[index - 1] if index else None
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if inserts and index in inserts:
            blocks += inserts[index]
        blocks.append(block(text, previous, following, rules))
    if inserts and len(paragraphs) in inserts:
        blocks += inserts[len(paragraphs)]
    return "\n\n".join(blocks) + "\n"
