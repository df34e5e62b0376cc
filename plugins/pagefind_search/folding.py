"""The folded searchable copy of an article: how readers without đ type it.

Pagefind 1.5 already matches tone marks loosely ("hoà" ~ "hòa", "cam le" ~
"Cẩm Lệ") but treats đ as its own letter. So each article carries, hidden
inside its indexed body, its words with đ written d, each with ``context``
neighbours on either side within its clause: runs such as "Liên doàn Lao dộng
tỉnh", so a folded multi-syllable query ("lien doan lao dong") finds the
syllables standing together. The copy follows a marker (``MARKER``) that
search.js cuts at, so an excerpt never shows it.
"""

from __future__ import annotations

import re

from newsarchive.vietnamese import fold_d

MARKER = "\u2042"  # ⁂: punctuation, so Pagefind indexes no word for it
_TAG = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&(#?\w+);")
_CLAUSE = re.compile(r"[^.,;:!?()\[\]\"“”…\n]+")
_WORD = re.compile(r"\w+(?:[-/]\w+)*")


def _runs(words: list[str], context: int):
    """Maximal runs of words lying within ``context`` words of a word with đ."""
    start = end = None   # the run being grown: words[start:end]
    for i in [i for i, word in enumerate(words) if "đ" in word or "Đ" in word]:
        low, high = max(0, i - context), min(len(words), i + context + 1)
        if end is not None and low <= end:
            end = high
            continue
        if end is not None:
            yield words[start:end]
        start, end = low, high
    if end is not None:
        yield words[start:end]


def folded_copy(*texts: str, context: int = 1) -> str:
    """The đ -> d runs of ``texts`` (HTML or plain), in order, each run once."""
    seen: dict[str, None] = {}
    for text in texts:
        plain = _ENTITY.sub(" ", _TAG.sub(" ", text or ""))
        for clause in _CLAUSE.findall(plain):
            if "đ" not in clause and "Đ" not in clause:
                continue   # no run to fold (most clauses): skip splitting it into words
            for run in _runs(_WORD.findall(clause), context):
                seen.setdefault(fold_d(" ".join(run)), None)
    return " · ".join(seen)
