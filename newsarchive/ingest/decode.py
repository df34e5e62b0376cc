"""Stage 1: raw bytes -> NFC text, or a reason why the bytes are not an article.

UTF-8 with or without BOM, UTF-16 (with or without BOM), Windows-1258, and
mojibake (UTF-8 once decoded as Latin-1 or cp1252 and saved again: ftfy puts
it back). NUL bytes go; line ends become "\\n"; the result is always NFC.
"""

from __future__ import annotations

import re

import ftfy

from ..vietnamese import nfc


class NotText(ValueError):
    """The input cannot be read as text; the message is the quarantine reason."""


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_BINARY_SIGNATURES = (b"PK\x03\x04", b"\x1f\x8b", b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"Rar!",
                      b"7z\xbc\xaf", b"\xd0\xcf\x11\xe0", b"BZh", b"\xfd7zXZ", b"\x7fELF", b"MZ", b"OggS",
                      b"ID3", b"RIFF")
# A lead byte of a Vietnamese letter's UTF-8 (Ã Ä Æ á Â ...) read as Latin-1 or
# cp1252, then a continuation byte read the same way: the mark of mojibake.
_MOJIBAKE = re.compile("[ÂÃÄÅÆáâ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")
# A "?" standing inside a word, where a lost Vietnamese letter was ("Ng?y").
_LOST_LETTER = re.compile(r"[^\W\d_]\?[^\W\d_]|(?<![^\s(\"“])\?[^\W\d_]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
_WORDS = re.compile(r"[^\W\d_]+")


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a BOM: every other byte of ASCII text is NUL."""
    sample = raw[:400]
    return len(sample) >= 8 and sample[1::2].count(0) > len(sample) // 4 and sample[0::2].count(0) < len(sample) // 20


def _to_text(raw: bytes) -> str:
    encoding = "utf-8"
    for bom, name in _BOMS:
        if raw.startswith(bom):
            encoding = name
            break
    else:
        if _looks_utf16(raw):
            encoding = "utf-16-le"
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        pass
    try:
        # Windows-1258 writes tone marks as combining characters: NFC composes them later.
        return raw.replace(b"\x00", b"").decode("cp1258")
    except UnicodeDecodeError:
        raise NotText("không đọc được bảng mã của tệp (không phải UTF-8, UTF-16 hay Windows-1258)") from None


def fix_mojibake(text: str) -> str:
    """'TÃ¢y NguyÃªn' -> 'Tây Nguyên'; text without the mark is returned as it is."""
    if not _MOJIBAKE.search(text):
        return text
    return ftfy.fix_text(text, unescape_html=False, uncurl_quotes=False, fix_latin_ligatures=False,
                         fix_character_width=False, normalization="NFC")


def decode(raw: bytes) -> str:
    if not raw.strip():
        raise NotText("tệp trống")
    if raw.startswith(_BINARY_SIGNATURES):
        raise NotText("tệp nhị phân (ảnh, PDF hoặc tệp nén), không phải bài viết")
    text = _to_text(raw)
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    controls = len(_CONTROL.findall(text, 0, 20000))
    if controls > max(8, min(len(text), 20000) // 100):
        raise NotText("tệp nhị phân, không phải văn bản")
    if not text.strip():
        raise NotText("tệp trống")
    return nfc(fix_mojibake(text)).lstrip("\ufeff")


def lost_accents(text: str) -> bool:
    """Every accent already replaced by "?" ("Ng?y ??ng"): nothing can restore it."""
    if "?" not in text:
        return False
    lost = len(_LOST_LETTER.findall(text))
    return lost >= 3 and lost * 12 >= len(_WORDS.findall(text))
