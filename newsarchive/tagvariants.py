"""Tags that are one thing spelled two ways: tone placement, case, an alias, lost diacritics.

"Tỉnh uỷ" and "Tỉnh ủy" differ only in where the tone mark sits; "tỉnh ủy" only
in case; "LĐLĐ" is an alias of "Liên đoàn Lao động tỉnh" in the tag vocabulary;
"Ban Thuong vu Tinh uy" is "Ban Thường vụ Tỉnh ủy" typed without its marks.
Pelican would make each a page of its own (or merge them under one URL with
either name), so the checker warns and names the spelling to keep: the
vocabulary's name, else the spelling the archive already uses (the articles not
being checked first, then the most used).
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from .tags import canonical
from .tags.normalise import key, old_style_tones

# The five Vietnamese tone marks (grave, acute, tilde, hook above, dot below);
# circumflex, breve and horn are part of the letter and stay where they are.
TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


@lru_cache(maxsize=1 << 16)
def spelling_key(tag: str) -> str:
    """One key for every spelling of a tag ("hoà", "hòa", "HOÀ" -> the same key): the
    tag vocabulary's own comparison key (NFC, one tone placement, spaces, case folded)."""
    return key(tag)


def folded_key(tag: str) -> str:
    """One key for a tag and the same tag typed without its marks ("Ban Thuong vu Tinh uy" and
    "Ban Thường vụ Tỉnh ủy"; đ as d), case folded."""
    decomposed = unicodedata.normalize("NFD", " ".join(tag.split()).replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _marks(tag: str) -> int:
    """Diacritics in a tag (đ counts as one): a spelling with fewer lost some."""
    decomposed = unicodedata.normalize("NFD", tag)
    return sum(1 for ch in decomposed if unicodedata.combining(ch)) + tag.count("đ") + tag.count("Đ")


def _faults(tag: str) -> int:
    """What the archive's conventions say against a spelling, whoever uses it: tone marks in
    the new style ("uỷ": the build publishes "ủy"), stray spaces."""
    return (old_style_tones(tag) != tag) + (" ".join(tag.split()) != tag)


def _tone_position(tag: str) -> int:
    """Smaller for the archive's convention (ủy, hòa: the mark on the earlier vowel)."""
    return sum(i for i, ch in enumerate(unicodedata.normalize("NFD", tag)) if ch in TONES)


def _kind(tag: str, preferred: str) -> str:
    if " ".join(tag.split()).casefold() == preferred.casefold():
        return f"thẻ '{tag}' chỉ khác thẻ '{preferred}' ở chữ hoa, chữ thường hoặc khoảng trắng; hãy viết '{preferred}'"
    return (f"thẻ '{tag}' là cách đặt dấu khác của thẻ '{preferred}'; hãy viết '{preferred}' "
            "(quy ước của kho: ủy, hòa, thủy)")


class Spellings:
    """Every tag spelling the archive uses, and the one to keep for each.

    ``used``: every tag of every article; ``archive``: the tags of the articles already in the
    archive (not the ones being checked), whose spelling wins over a new one used as often."""

    def __init__(self, used: Iterable[str], vocabulary: Iterable = (), archive: Iterable[str] = ()):
        vocabulary = list(vocabulary)
        counts, existing = Counter(used), Counter(archive)
        # How the vocabulary writes each word ("ủy" in "Ban Tổ chức Tỉnh ủy"): breaks a tie
        # between two spellings that differ in case, "Tỉnh ủy Long An" over "Tỉnh Ủy Long An".
        words = Counter(word for entry in vocabulary for name in (entry.name, *entry.aliases)
                        for word in name.split())
        groups: dict[str, Counter] = defaultdict(Counter)
        for tag, count in counts.items():
            groups[spelling_key(tag)][tag] += count
        self._preferred = {
            key: min(group, key=lambda t: (_faults(t), -existing[t], -group[t], -sum(words[w] for w in t.split()),
                                           _tone_position(t), t))
            for key, group in groups.items()}
        self._aliases: dict[str, str] = {}
        self._problems: dict[str, str | None] = {}
        named = set()
        for entry in vocabulary:
            self._preferred[spelling_key(entry.name)] = entry.name
            named.add(entry.name)
            for alias in entry.aliases:
                if "{" not in alias and spelling_key(alias) != spelling_key(entry.name):
                    self._aliases[spelling_key(alias)] = entry.name
        # Spellings that differ only in diacritics: the one with the most marks (the vocabulary's,
        # else the most used) for a tag typed without some of them. Two spellings with as many
        # marks ("Hòa", "Hóa") are two words, not one misspelled.
        self._full: dict[str, str] = {}
        for name in sorted(self._preferred.values(), key=lambda n: (-_marks(n), n not in named, -counts[n], n)):
            self._full.setdefault(folded_key(name), name)

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
        if preferred != tag:
            return _kind(tag, preferred)
        full = self._full.get(folded_key(tag))
        if full is not None and _marks(full) > _marks(tag):
            return f"thẻ '{tag}' thiếu dấu so với thẻ '{full}' đã có; hãy viết '{full}'"
        return None
