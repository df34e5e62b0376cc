"""Find vocabulary entries in running text: whole words, diacritics-exact, longest first.

Text and spellings are cut into words; a mention is a run of words equal to a
spelling (case-sensitive for proper names and acronyms, any case for
``any_case`` spellings) whose words are separated only by a space or by
".", "-", "&", "/" ("TP.HCM", "TP. HCM", "TP HCM" are one spelling). At each
position the longest spelling wins and its words are consumed, so "Thái Bình
Dương" (a stop phrase) never yields "Thái Bình" nor "Bình Dương".

Places are matched in their own pass, so "Quận ủy Cẩm Lệ" counts both the body
and the place.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .normalise import old_style_tones
from .vocabulary import Entry, Vocabulary

_WORD = re.compile(r"\w+")
_GLUE = re.compile(r"[ \t\u00a0]{0,2}[.\-&/]?[ \t\u00a0]{0,2}")
_PREFIX_WORDS = {"tỉnh", "thành", "tp", "quận", "huyện", "thị", "tx"}


@dataclass(frozen=True, slots=True)
class Spelling:
    entry: Entry
    words: tuple[str, ...] | None   # exact words when case matters, else None
    needs_context: bool             # bare district name: only near its province
    bare: bool                      # a place name without "tỉnh", "huyện", "TP." before it


@dataclass(frozen=True, slots=True)
class Mention:
    candidates: tuple[Spelling, ...]
    start: int


class Matcher:
    """Spellings of a set of entries indexed by their case-folded words."""

    def __init__(self, entries: list[Entry]):
        self.index: dict[tuple[str, ...], list[Spelling]] = defaultdict(list)
        for entry in entries:
            names = [] if entry.name in entry.context_aliases else [entry.name]
            spellings = [(a, True, False) for a in [*names, *entry.aliases]]
            spellings += [(a, False, False) for a in entry.loose_aliases]
            spellings += [(a, True, True) for a in entry.context_aliases]
            seen = set()
            for alias, exact, context in spellings:
                words = tuple(_WORD.findall(alias))
                if not words or (words, exact, context) in seen:
                    continue
                seen.add((words, exact, context))
                bare = entry.kind == "place" and words[0].casefold() not in _PREFIX_WORDS
                self.index[tuple(w.casefold() for w in words)].append(
                    Spelling(entry, words if exact else None, context, bare))
        self.longest = max((len(k) for k in self.index), default=0)
        self.first_words = {k[0] for k in self.index}

    def mentions(self, text: str) -> list[Mention]:
        text = old_style_tones(text)
        words = list(_WORD.finditer(text))
        folded = [w[0].casefold() for w in words]
        found: list[Mention] = []
        i = 0
        while i < len(words):
            if folded[i] not in self.first_words:
                i += 1
                continue
            for n in range(min(self.longest, len(words) - i), 0, -1):
                spellings = self.index.get(tuple(folded[i:i + n]))
                if not spellings or not self._glued(text, words, i, n):
                    continue
                exact = tuple(w[0] for w in words[i:i + n])
                fitting = tuple(s for s in spellings if (s.words is None or s.words == exact)
                                and not (s.bare and self._inside_a_name(text, words, i, n)))
                if fitting:
                    found.append(Mention(fitting, words[i].start()))
                    i += n
                    break
            else:
                i += 1
        return found

    @staticmethod
    def _inside_a_name(text: str, words: list[re.Match], i: int, n: int) -> bool:
        """A bare place name run into another capitalised word is part of a longer name:
        "Dương Thanh Bình" (a person), "phường Quy Nhơn Nam", "Thành ủy Hà Nội Đinh Tiến Dũng"."""
        before = i > 0 and text[words[i - 1].end():words[i].start()] == " " and words[i - 1][0][0].isupper()
        after = (i + n < len(words) and text[words[i + n - 1].end():words[i + n].start()] == " "
                 and words[i + n][0][0].isupper())
        return before or after

    @staticmethod
    def _glued(text: str, words: list[re.Match], i: int, n: int) -> bool:
        return all(_GLUE.fullmatch(text, words[j].end(), words[j + 1].start()) for j in range(i, i + n - 1))


class Matchers:
    """One matcher for places (and stop phrases), one for bodies and topics."""

    def __init__(self, vocabulary: Vocabulary):
        entries = list(vocabulary.entries.values())
        self.places = Matcher([e for e in entries if e.kind in ("place", "ignore")])
        self.others = Matcher([e for e in entries if e.kind in ("organisation", "topic", "ignore")])


def resolve(mention: Mention, context: set[str]) -> Entry | None:
    """The entry a mention stands for, given the provinces in context; None when unsure."""
    usable = [s for s in mention.candidates if not s.needs_context or s.entry.parent in context]
    entries = list(dict.fromkeys(s.entry.name for s in usable))
    if len(entries) > 1:
        entries = list(dict.fromkeys(s.entry.name for s in usable if s.entry.parent in context))
    if len(entries) != 1:
        return None
    return next(s.entry for s in usable if s.entry.name == entries[0])
