"""Vietnamese text helpers shared by ingest, check, new and the site plugins.

Nothing here depends on an OS locale: weekday names, case rules and folding
are spelled out, so the same input gives the same output on every machine.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from unidecode import unidecode

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")

# Letters that only Vietnamese (among Latin-script languages we meet) uses, or
# any combining mark once decomposed: the cheap test for "this is Vietnamese".
_VI_SPECIFIC = set("ăâđêôơưĂÂĐÊÔƠƯ")

# A Vietnamese syllable, once folded to ASCII: onset, vowel nucleus, coda.
_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
    r"[aeiouy]{1,3}"
    r"(ng|nh|ch|[cmnpt])?$"
)


def nfc(text: str) -> str:
    """Compose to NFC, the one form the archive stores."""
    return unicodedata.normalize("NFC", text)


def has_diacritics(text: str) -> bool:
    """True when the text carries a Vietnamese letter or any combining mark."""
    if any(ch in _VI_SPECIFIC for ch in text):
        return True
    return any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", text))


def fold(text: str) -> str:
    """Lower-case ASCII form, as a reader without a Vietnamese keyboard types it.

    "Đảng ủy" -> "dang uy"; "hoà" and "hòa" both -> "hoa".
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.lower()


def fold_d(text: str) -> str:
    """Replace only đ/Đ with d/D, keeping every other diacritic (Pagefind folds those)."""
    return text.replace("đ", "d").replace("Đ", "D")


def is_syllable(word: str) -> bool:
    """Could this word be a Vietnamese syllable? (shape only, after folding)"""
    return bool(_SYLLABLE.match(fold(word)))


_SLUG_STRIP = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_length: int = 80) -> str:
    """ASCII slug: 'Đảng ủy Khối' -> 'dang-uy-khoi'. Stable for a given text.

    Cut on a word boundary at ``max_length`` so long headlines stay readable.
    """
    ascii_text = unidecode(nfc(text)).lower()
    slug = _SLUG_STRIP.sub("-", ascii_text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


def title_case_name(text: str) -> str:
    """'THU THẢO' -> 'Thu Thảo'; keeps words such as 'TH-VPTU' or 'PV' as written."""
    words = []
    for word in text.split():
        letters = [ch for ch in word if ch.isalpha()]
        if len(letters) >= 2 and word.isupper() and is_syllable(word):
            word = word[0] + word[1:].lower()
        words.append(word)
    return " ".join(words)


def weekday_name(moment: datetime) -> str:
    return WEEKDAYS[moment.weekday()]


def format_date(moment: datetime, with_time: bool = False) -> str:
    """'Thứ Ba, 16/07/2019' (and ' 06:26' when asked): no locale needed."""
    text = f"{weekday_name(moment)}, {moment:%d/%m/%Y}"
    if with_time:
        text += f" {moment:%H:%M}"
    return text
