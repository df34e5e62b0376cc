"""Stage 2: drop each portal's debris, keeping the article's own lines.

Works on lines: a scrape keeps one paragraph per line. What is removed is
decided by the portal's rules (data) plus two tests that need no rules:
injected spam and lines with no letters.
"""

from __future__ import annotations

import html
import re

from ..vietnamese import has_diacritics, is_syllable, nfc
from .portals import Rules

_WORD = re.compile(r"[^\W\d_]+")
_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2}")
_ACCENT = re.compile("[\u00c0-\u1ef9]")    # any precomposed accented Latin letter (text is NFC)
_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")


def is_spam(line: str) -> bool:
    """A run of foreign keywords with no Vietnamese in it (injected SEO spam).

    Judged by what the line is: several words, not one Vietnamese letter or
    tone mark, and most words impossible as Vietnamese syllables.
    """
    if _ACCENT.search(line):
        return False
    words = _WORD.findall(line[:SPAM_SAMPLE])
    if len(words) < 5 or has_diacritics(line):
        return False
    foreign = sum(1 for word in words if not is_syllable(word))
    return foreign / len(words) >= 0.4


def _has_text(line: str) -> bool:
    """Letters, or at least a date ("23/10/2020 - 06:26" is the page's date line)."""
    return bool(_WORD.search(line) or _DATE.search(line))


def strip_html_tags(line: str) -> str:
    """Literal tags left in a text scrape ("<p>", "<br/>") are not text; entities are ("&agrave;" -> "à")."""
    if "<" in line:
        line = _HTML_TAG.sub(" ", line)
    if "&" in line:
        line = nfc(html.unescape(line))
    return line


def clean_lines(lines: list[str], rules: Rules) -> list[str]:
    """Non-empty, trimmed lines of the article, debris removed.

    Everything from a tail marker ("Các tin khác") on is another page's list
    of articles, with their own dates: it is cut before any date is looked for.
    """
    kept = []
    for raw in lines:
        line = " ".join(rules.strip_inline(strip_html_tags(raw)).split())
        if not line:
            continue
        if rules.is_tail_marker(line):
            break
        if rules.is_debris(line) or is_spam(line) or not _has_text(line):
            continue
        kept.append(line)
    return kept


SPAM_SAMPLE = 4000      # characters of a line judged for spam: a keyword run shows in its start
