"""One spelling per tag: NFC, one tone-mark convention, spaces, proper-name case.

Tone marks follow the *old* convention ("kiểu cũ"), the one the Party's and the
provinces' own documents use: in an open syllable whose nucleus is ``oa``,
``oe`` or ``uy`` the mark sits on the first vowel -- "hòa", "khỏe", "thủy",
"Đảng ủy" -- never "hoà", "khoẻ", "thuỷ", "Đảng uỷ". Syllables with a final
consonant ("hoàng", "huyện") and "qu" + y ("quý") are the same in both
conventions and are left alone.
"""

from __future__ import annotations

import re
import unicodedata

from ..vietnamese import is_syllable, nfc

# Combining tone marks: grave, acute, tilde, hook above, dot below.
_TONES = "\u0300\u0301\u0303\u0309\u0323"
# In NFD: o+a/e or u+y, the tone on the second vowel, and nothing after it in the word.
# "qu" is an onset, so "quý" keeps its mark where it is.
_NEW_STYLE = re.compile(
    rf"(?<![qQ])(?P<first>[oO](?=[aAeE])|[uU](?=[yY]))(?P<second>[aAeEyY])(?P<tone>[{_TONES}])(?!\w)"
)
# The same spots in NFC text: o/u, then a precomposed letter whose first mark is a tone. Text with
# none of them (most text) is already in the old style and needs no decomposing.
_NEW_STYLE_NFC = re.compile("[oOuU][%s]" % "".join(
    ch for ch in map(chr, range(0xC0, 0x2000))
    if (d := unicodedata.normalize("NFD", ch))[:1] in "aAeEyY" and d[1:2] and d[1] in _TONES))
_PIECE_END = re.compile("[ \n]")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+", re.UNICODE)


def _move_tones(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    moved = _NEW_STYLE.sub(lambda m: m["first"] + m["tone"] + m["second"], decomposed)
    return nfc(moved)


def old_style_tones(text: str) -> str:
    """'Đảng uỷ Hoà Bình' -> 'Đảng ủy Hòa Bình' (NFC in, NFC out).

    NFC text is handled piece by piece, a piece ending at a space or a line
    break: nothing composes across those, so only the pieces with a mark to
    move are decomposed (an article has a few; decomposing all of it is slow)."""
    if not unicodedata.is_normalized("NFC", text):
        return _move_tones(text)
    parts, done = [], 0
    for spot in _NEW_STYLE_NFC.finditer(text):
        if spot.start() < done:
            continue                    # in the piece just moved
        start = max(text.rfind(" ", done, spot.start()), text.rfind("\n", done, spot.start()), done - 1) + 1
        gap = _PIECE_END.search(text, spot.end())
        parts += [text[done:start], _move_tones(text[start:gap.start() if gap else len(text)])]
        done = gap.start() if gap else len(text)
    return "".join(parts) + text[done:] if parts else text


def proper_case(text: str) -> str:
    """Case rules for a Vietnamese name written by a person.

    A tag typed all in capitals ("AN GIANG") becomes "An Giang"; acronyms that
    are not syllables ("UBND", "HĐND", "CPTPP") stay as written; the first
    letter is always a capital. Mixed case is the writer's choice and is kept
    ("Liên đoàn Lao động tỉnh").
    """
    letters = [ch for ch in text if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters) and len(text.split()) > 1:
        text = _WORD.sub(lambda m: m[0].capitalize() if is_syllable(m[0]) else m[0], text)
    return text[:1].upper() + text[1:]


def normalise(tag: str) -> str:
    """The stored form of any tag, automatic or written by an editor."""
    text = _SPACES.sub(" ", nfc(str(tag))).strip(" \t,;.")
    return proper_case(old_style_tones(text))


def key(text: str) -> str:
    """Comparison key: normalised spelling, case-insensitive (for aliases and near-duplicates)."""
    return old_style_tones(_SPACES.sub(" ", nfc(text)).strip()).casefold()
