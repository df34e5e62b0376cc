"""The words Pagefind 1.5 indexes, keyed as it keys them: what the shard directory is made of.

A page's fragment (``fragment/*.pf_fragment``) holds the text Pagefind indexed (``content``: its words,
as it split them at white space) and the page's metadata, whose words it indexes too. Pagefind keys each
word as ``get_indexable_words`` does (pagefind/src/fossick/splitting.rs, 1.5.2):

* the word's letters, digits and "include characters" (``_`` and the other connectors, listed in
  ``pagefind-entry.json``), lower case, combining marks removed: "Đảng" -> "đang" (đ is a letter
  of its own, not a d with a mark), "hoà" and "hòa" -> "hoa", "67/2014/NĐ-CP" -> "672014nđcp";
* for a word with other characters or a capital after its first letter, also its parts: split at
  ASCII punctuation and at case and digit boundaries (convert_case 0.11's defaults), lower case,
  marks removed, parts of one byte dropped: "67", "2014", "nđ", "cp";
* emoji standing in a word ("Valley™" -> "™"); here every symbol character counts as one (a key too
  many only makes the directory name a shard that turns out not to match).

``tests/plugins/test_search_directory.py`` compares these keys with the real index's.
"""

from __future__ import annotations

import gzip
import json
import string
import unicodedata
from functools import lru_cache
from pathlib import Path

_PUNCTUATION = {ord(c): " " for c in string.punctuation}


def _no_marks(word: str) -> str:
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))


def _lower(word: str) -> str:
    # Rust lower-cases char by char (no final-sigma rule); str.lower() differs only there.
    return word.lower() if "Σ" not in word else "".join(c.lower() for c in word)


def _graphemes(text: str) -> list[str]:
    """User-perceived characters, close enough for case boundaries: a base and its marks."""
    out: list[str] = []
    for c in text:
        if out and unicodedata.category(c).startswith("M"):
            out[-1] += c
        else:
            out.append(c)
    return out


def _cased(g: str) -> bool:
    return g.upper() != g.lower()


def _upper(g: str) -> bool:
    return _cased(g) and g == g.upper()


def _lower_g(g: str) -> bool:
    return _cased(g) and g == g.lower()


def _digit(g: str) -> bool:
    return g.isascii() and g.isdigit()


def _boundary(a: str, b: str, c: str | None) -> bool:
    """convert_case 0.11's default boundaries between graphemes a|b (c follows b)."""
    return ((_lower_g(a) and (_upper(b) or _digit(b))) or (_upper(a) and _digit(b))
            or (_digit(a) and (_lower_g(b) or _upper(b)))
            or (c is not None and _upper(a) and _upper(b) and _lower_g(c)))


def _parts(raw: str) -> list[str]:
    """``get_discrete_words``: ASCII punctuation to spaces, split at case/digit boundaries, lower case."""
    text = raw.translate(_PUNCTUATION)
    pieces, start, offset = [], 0, 0
    graphemes = _graphemes(text)
    for i, g in enumerate(graphemes):
        end = offset + len(g)
        if g == " ":
            pieces.append(text[start:offset])
            start = end
        elif i + 1 < len(graphemes) and _boundary(g, graphemes[i + 1], graphemes[i + 2] if i + 2 < len(graphemes)
                                                   else None):
            pieces.append(text[start:end])
            start = end
        offset = end
    pieces.append(text[start:])
    return " ".join(_lower(piece) for piece in pieces).split()


# Pagefind 1.5's WORD_SYMBOLS: kept inside words (each shard's pagefind-entry.json lists them).
INCLUDED = frozenset("_‿⁀⁔︳︴﹍﹎﹏＿")


@lru_cache(maxsize=1 << 18)
def keys(raw: str, included: frozenset = INCLUDED) -> tuple[str, ...]:
    """Every index key Pagefind files the white-space-free word ``raw`` under."""
    if raw.isalnum() and not any(c.isupper() for c in raw[1:]):
        return (_no_marks(_lower(raw)),)          # most words: one key
    normalised = "".join(_lower(c) if c.isupper() else c for c in raw if c.isalnum() or c in included)
    found = [_no_marks(normalised)] if normalised else []
    parts = _parts(raw)
    joined = " ".join(parts)
    if normalised and (len(parts) > 1 or not normalised.startswith(joined)):
        found += [_no_marks(part) for part in parts if len(part.encode()) > 1]
    found += [c for c in raw if unicodedata.category(c) == "So"]
    return tuple(dict.fromkeys(found))


def _fragment(path: Path) -> dict:
    raw = gzip.decompress(path.read_bytes())
    return json.loads(raw[raw.index(b"{"):])   # after Pagefind's "pagefind_dcd" signature


def shard_keys(index: Path) -> set[str]:
    """The keys of every word Pagefind indexed in the shard written to ``index``."""
    entry = json.loads((index / "pagefind-entry.json").read_text(encoding="utf-8"))
    included = frozenset(entry.get("include_characters", INCLUDED))
    raw: set[str] = set()
    for path in (index / "fragment").glob("*.pf_fragment"):
        fragment = _fragment(path)
        raw.update(fragment.get("content", "").split())
        for value in fragment.get("meta", {}).values():
            raw.update(str(value).split())
    found: set[str] = set()
    for word in raw:
        found.update(keys(word, included))
    return found
