"""Exact and near-duplicate articles: the same text saved twice, with other
line endings, other debris, or by two portals, is written once.

Exact: a fingerprint of the body's words. Near: 5-word shingles of the body
that start on an anchor word (a fixed share of words, chosen by a stable hash);
two bodies are the same article when most of the smaller one's shingles are in
the larger one, and it is not under half its size.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import Counter, defaultdict
from itertools import compress


SHINGLE = 5
SAMPLE = 8            # anchor words: those whose hash is 0 modulo this
SMALL = 12            # a body under SHINGLE * SMALL * 2 words keeps all its shingles
CONTAINMENT = 0.8     # share of the smaller body's shingles found in the other
SIZE_RATIO = 0.5      # a body under half the other's size is a part quoted in a round-up, not a copy
COMMON = 32           # a shingle in this many bodies is boilerplate: it tells no copy apart
MIN_WORDS = 40        # a shorter body is compared with its title, and only exactly
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Lower-cased words; the text is already NFC, so equal letters are equal code points."""
    return _WORD.findall(text.lower())


def fingerprint(text: str, tokens: list[str] | None = None) -> str:
    """Same article, whatever debris, markup or line endings it came with."""
    return hashlib.sha256(" ".join(tokens if tokens is not None else words(text)).encode()).hexdigest()


def sketch(tokens: list[str]) -> frozenset[int]:
    """Hashes of the shingles that start on an anchor word (one word in SAMPLE, by a stable hash):
    two copies of a text anchor on the same words, so they keep the same shingles."""
    if len(tokens) < SHINGLE * SMALL * 2:
        starts = range(max(1, len(tokens) - SHINGLE + 1))
    else:
        unique = list(set(tokens))
        hashes = map(zlib.crc32, map(str.encode, unique))
        anchors = set(compress(unique, map((0).__eq__, map(SAMPLE.__rmod__, hashes))))
        starts = compress(range(len(tokens) - SHINGLE + 1), map(anchors.__contains__, tokens))
    return frozenset(zlib.crc32(" ".join(tokens[i:i + SHINGLE]).encode()) for i in starts)


class Index:
    """Bodies seen so far in a run, found again by exact or near match."""

    def __init__(self) -> None:
        self.exact: dict[str, str] = {}
        self.sketches: dict[str, frozenset[int]] = {}
        self.postings: dict[int, list[str]] = defaultdict(list)

    def find(self, text: str, title: str = "") -> tuple[str | None, str, frozenset[int]]:
        """(key of the article this body repeats or None, its fingerprint, its sketch).

        A body too short to tell articles apart ("Xem video") counts only with its title, exactly."""
        tokens = words(text)
        if len(tokens) < MIN_WORDS:
            tokens = words(title) + ["\x00"] + tokens
        exact = fingerprint(text, tokens)
        if exact in self.exact:
            return self.exact[exact], exact, frozenset()
        mine = sketch(tokens) if len(tokens) >= MIN_WORDS else frozenset()
        shared = Counter(key for h in mine for key in self.postings.get(h, ()) if len(self.postings[h]) < COMMON)
        for key, count in shared.most_common(5):
            smaller, larger = sorted((len(mine), len(self.sketches[key])))
            if smaller and count >= CONTAINMENT * smaller and smaller >= SIZE_RATIO * larger:
                return key, exact, mine
        return None, exact, mine

    def add(self, key: str, exact: str, mine: frozenset[int]) -> None:
        self.exact[exact] = key
        self.sketches[key] = mine
        for h in mine:
            if len(self.postings[h]) < COMMON:
                self.postings[h].append(key)
