"""Tags that are one thing spelled two ways: tone placement, case, an alias.

"Tỉnh uỷ" and "Tỉnh ủy" differ only in where the tone mark sits; "tỉnh ủy" only
in case; "LĐLĐ" is an alias of "Liên đoàn Lao động tỉnh" in the tag vocabulary.
Pelican would make each a page of its own (or merge them under one URL with
either name), so the checker warns and names the spelling to keep: the
vocabulary's name, else the spelling most articles already use.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from .tags import canonical
from .tags.normalise import key

# The five Vietnamese tone marks (grave, acute, tilde, hook above, dot below);
# circumflex, breve and horn are part of the letter and stay where they are.
TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


@lru_cache(maxsize=1 << 16)
def spelling_key(tag: str) -> str:
    """One key for every spelling of a tag ("hoà", "hòa", "HOÀ" -> the same key): the
    tag vocabulary's own comparison key (NFC, one tone placement, spaces, case folded)."""
    return key(tag)


def _tone_position(tag: str) -> int:
    """Smaller for the archive's convention (ủy, hòa: the mark on the earlier vowel)."""
    return sum(i for i, ch in enumerate(unicodedata.normalize("NFD", tag)) if ch in TONES)


def _kind(tag: str, preferred: str) -> str:
    if " ".join(tag.split()).casefold() == preferred.casefold():
        return f"thẻ '{tag}' chỉ khác thẻ '{preferred}' ở chữ hoa, chữ thường hoặc khoảng trắng; hãy viết '{preferred}'"
    return (f"thẻ '{tag}' là cách đặt dấu khác của thẻ '{preferred}'; hãy viết '{preferred}' "
            "(quy ước của kho: ủy, hòa, thủy)")


class Spellings:
    """Every tag spelling the archive uses, and the one to keep for each."""

    def __init__(self, used: Iterable[str], vocabulary: Iterable = ()):
        counts = Counter(used)
        groups: dict[str, Counter] = defaultdict(Counter)
        for tag, count in counts.items():
            groups[spelling_key(tag)][tag] += count
        self._preferred = {key: min(group, key=lambda t: (-group[t], _tone_position(t), t))
                           for key, group in groups.items()}
        self._aliases: dict[str, str] = {}
        self._problems: dict[str, str | None] = {}
        for entry in vocabulary:
            self._preferred[spelling_key(entry.name)] = entry.name
            for alias in entry.aliases:
                if "{" not in alias and spelling_key(alias) != spelling_key(entry.name):
                    self._aliases[spelling_key(alias)] = entry.name

    def problem(self, tag: str) -> str | None:
        """Why ``tag`` should be written otherwise, or None (worked out once per spelling)."""
        if tag not in self._problems:
            self._problems[tag] = self._problem(tag)
        return self._problems[tag]

    def _problem(self, tag: str) -> str | None:
        key = spelling_key(tag)
        if key in self._aliases:
            name = self._aliases[key]
            return f"thẻ '{tag}' là tên khác của thẻ '{name}' trong bộ thẻ chuẩn; hãy dùng '{name}'"
        written = canonical(tag)   # what the build will publish it as (newsarchive.tags)
        if written != tag and spelling_key(written) != spelling_key(tag):
            return f"thẻ '{tag}' sẽ được đăng thành '{written}'; hãy viết '{written}'"
        preferred = self._preferred.get(key, tag)
        return None if preferred == tag else _kind(tag, preferred)
