"""Find vocabulary entries in running text: whole words, diacritics-exact, longest first.

Text and spellings are cut into words; a mention is a run of words equal to a
spelling (case-sensitive for proper names and acronyms, any case for
``any_case`` spellings) whose words are separated only by a space or by
".", "-", "&", "/" ("TP.HCM", "TP. HCM", "TP HCM" are one spelling). At each
position the longest spelling wins and its words are consumed, so "Thái Bình
Dương" (a stop phrase) never yields "Thái Bình" nor "Bình Dương".

Places are matched in their own pass, so "Quận ủy Cẩm Lệ" counts both the body
and the place (:mod:`.tagger`); bodies, offices and topics in another (:mod:`.bodies`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress

from .normalise import old_style_tones
from .vocabulary import Entry, Vocabulary

_WORD = re.compile(r"\w+")
_SPLIT = re.compile(r"(\w+)")
_END = None          # trie key of the spellings that end at a node (words are never None)
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
    start: int          # offset in the text
    first: int          # index of its first word
    end: int            # index after its last word


@dataclass(frozen=True, slots=True)
class Words:
    """A text cut into words once, shared by every matcher that scans it."""
    text: str                 # old-style tone marks
    words: list[str]
    folded: list[str]         # casefolded words
    gaps: list[str]           # gaps[k]: the text before words[k]; gaps[-1]: after the last word
    starts: list[int]         # offset of each word in ``text``


@lru_cache(maxsize=8)
def words_of(text: str) -> Words:
    """One article's title, body and front are scanned by several matchers: cut them once."""
    text = old_style_tones(text)
    parts = _SPLIT.split(text)                 # gap, word, gap, word, ..., gap
    words = parts[1::2]
    ends = list(accumulate(map(len, parts)))
    return Words(text, words, list(map(str.casefold, words)), parts[0::2], ends[0:-1:2])


class Matcher:
    """Spellings of a set of entries in a trie of their case-folded words."""

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
        # word -> {next word -> ..., _END: spellings}: a walk from each word finds every spelling there.
        self.trie: dict = {}
        for key, spellings in self.index.items():
            node = self.trie
            for word in key:
                node = node.setdefault(word, {})
            node[_END] = spellings

    @lru_cache(maxsize=4)       # noqa: B019 - matchers live as long as the vocabulary
    def mentions(self, text: str) -> tuple[Mention, ...]:
        """Every mention in ``text``, in order (an article's text is asked for more than once)."""
        cut = words_of(text)
        words, folded, gaps = cut.words, cut.folded, cut.gaps
        count, trie = len(words), self.trie
        found: list[Mention] = []
        free = 0                                   # words before this one are part of a mention
        for i in compress(range(count), map(trie.__contains__, folded)):
            if i < free:
                continue
            node = trie[folded[i]]            # most starts go no further: skip them without a call
            if _END not in node and (i + 1 == count or folded[i + 1] not in node):
                continue
            mention = self.at(cut, i)
            if mention is not None:
                found.append(mention)
                free = mention.end
        return tuple(found)

    def at(self, cut: Words, i: int, inside_names: bool = False) -> Mention | None:
        """The longest spelling starting at word ``i``; a gap that is not glue ends it. A bare place name
        run into other capitalised words is not one, unless ``inside_names`` (after an office: "UBND Văn Yên")."""
        words, folded, gaps = cut.words, cut.folded, cut.gaps
        count = len(words)
        # Spellings that start here, as (number of words, spellings).
        ends, node, j = [], self.trie, i
        while j < count and (j == i or gaps[j] == " " or _GLUE.fullmatch(gaps[j])):
            node = node.get(folded[j])
            if node is None:
                break
            j += 1
            if _END in node:
                ends.append((j - i, node[_END]))
        for n, spellings in reversed(ends):
            exact = tuple(words[i:i + n])
            fitting = tuple(s for s in spellings if (s.words is None or s.words == exact)
                            and not (s.bare and not inside_names and self._inside_a_name(words, gaps, i, n)))
            if fitting:
                return Mention(fitting, cut.starts[i], i, i + n)
        return None

    @staticmethod
    def _inside_a_name(words: list[str], gaps: list[str], i: int, n: int) -> bool:
        """A bare place name run into another capitalised word is part of a longer name:
        "Dương Thanh Bình" (a person), "phường Quy Nhơn Nam", "Thành ủy Hà Nội Đinh Tiến Dũng"."""
        before = i > 0 and gaps[i] == " " and words[i - 1][0].isupper()
        after = i + n < len(words) and gaps[i + n] == " " and words[i + n][0].isupper()
        return before or after


class Phrases:
    """Short phrases looked for right before a word ("Chủ tịch" before "UBND"), any case, spaces between."""

    def __init__(self, phrases):
        keys = [tuple(w.casefold() for w in _WORD.findall(old_style_tones(p))) for p in phrases]
        self.keys = {k for k in keys if k}
        self.longest = max(map(len, self.keys), default=0)

    def before(self, cut: Words, i: int) -> int:
        """Words in the longest phrase that ends right before word ``i`` (0: none); the phrase's words and
        word ``i`` are apart by spaces or glue."""
        found = 0
        for n in range(1, self.longest + 1):
            if i - n < 0 or not _spaced(cut.gaps[i - n + 1]):
                break
            if tuple(cut.folded[i - n:i]) in self.keys:
                found = n
        return found



def _spaced(gap: str) -> bool:
    return gap == " " or bool(_GLUE.fullmatch(gap)) and "\n" not in gap


def resolve(mention: Mention, context: set[str]) -> Entry | None:
    """The entry a mention stands for, given the provinces in context; None when unsure."""
    usable = [s for s in mention.candidates if not s.needs_context or s.entry.parent in context]
    entries = list(dict.fromkeys(s.entry.name for s in usable))
    if len(entries) > 1:
        entries = list(dict.fromkeys(s.entry.name for s in usable if s.entry.parent in context))
    if len(entries) != 1:
        return None
    return next(s.entry for s in usable if s.entry.name == entries[0])
