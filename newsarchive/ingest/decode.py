"""Stage 1: raw bytes -> NFC text, or a reason why the bytes are not an article."""

from __future__ import annotations

from ..vietnamese import nfc


class NotText(ValueError):
    """The input cannot be read as text; the message is the quarantine reason."""


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_BINARY_SIGNATURES = (b"PK\x03\x04", b"\x1f\x8b", b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"Rar!", b"7z\xbc\xaf")


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a BOM: every other byte of ASCII text is NUL."""
    sample = raw[:400]
    return len(sample) >= 8 and sample[1::2].count(0) > len(sample) // 4 and sample[0::2].count(0) < len(sample) // 20


def decode(raw: bytes) -> str:
    if not raw.strip():
        raise NotText("tệp trống")
    if raw.startswith(_BINARY_SIGNATURES):
        raise NotText("tệp nhị phân (ảnh, PDF hoặc tệp nén), không phải bài viết")
    encoding = "utf-8"
    for bom, name in _BOMS:
        if raw.startswith(bom):
            encoding = name
            break
    else:
        if _looks_utf16(raw):
            encoding = "utf-16-le"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1258")
        except UnicodeDecodeError:
            raise NotText("không đọc được bảng mã của tệp") from None
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\t\f")
    if controls > max(8, len(text) // 100):
        raise NotText("tệp nhị phân, không phải văn bản")
    return nfc(text).lstrip("\ufeff")
