"""Exact and near-duplicate articles: the same text saved twice, with other
line endings, other debris, or by two portals, is written once.

Exact: a fingerprint of the body's folded words. Near: 5-word shingles of the
body, of which a fixed eighth is kept (by a stable hash); two bodies are the
same article when most of the smaller one's shingles are in the larger one.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import Counter, defaultdict


SHINGLE = 5
SAMPLE = 8            # keep shingles whose hash is 0 modulo this
SMALL = 12            # below this many sampled shingles, keep them all
CONTAINMENT = 0.8     # share of the smaller body's shingles found in the other
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Lower-cased words; the text is already NFC, so equal letters are equal code points."""
    return _WORD.findall(text.lower())


def fingerprint(text: str, tokens: list[str] | None = None) -> str:
    """Same article, whatever debris, markup or line endings it came with."""
    return hashlib.sha256(" ".join(tokens if tokens is not None else words(text)).encode()).hexdigest()


def sketch(tokens: list[str]) -> frozenset[int]:
    hashes = {zlib.crc32(" ".join(tokens[i:i + SHINGLE]).encode())
              for i in range(max(1, len(tokens) - SHINGLE + 1))}
    sampled = frozenset(h for h in hashes if h % SAMPLE == 0)
    return sampled if len(sampled) >= SMALL else frozenset(hashes)


class Index:
    """Bodies seen so far in a run, found again by exact or near match."""

    def __init__(self) -> None:
        self.exact: dict[str, str] = {}
        self.sketches: dict[str, frozenset[int]] = {}
        self.postings: dict[int, list[str]] = defaultdict(list)

    def find(self, text: str) -> tuple[str | None, str, frozenset[int]]:
        """(key of the article this body repeats or None, its fingerprint, its sketch)."""
        tokens = words(text)
        exact = fingerprint(text, tokens)
        if exact in self.exact:
            return self.exact[exact], exact, frozenset()
        mine = sketch(tokens)
        shared = Counter(key for h in mine for key in self.postings.get(h, ()))
        for key, count in shared.most_common(5):
            smaller = min(len(mine), len(self.sketches[key]))
            if smaller and count >= CONTAINMENT * smaller:
                return key, exact, mine
        return None, exact, mine

    def add(self, key: str, exact: str, mine: frozenset[int]) -> None:
        self.exact[exact] = key
        self.sketches[key] = mine
        for h in mine:
            self.postings[h].append(key)
