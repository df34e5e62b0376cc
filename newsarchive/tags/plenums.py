"""Central Committee resolutions named by their plenum: one name however the plenum is written.

"Nghị quyết Trung ương 8 khóa XIII", "nghị quyết Trung ương 8 khóa 13", "Nghị quyết Hội nghị Trung
ương 8 (khoá XIII)", "Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII" are all
"Nghị quyết Trung ương 8 khóa XIII": the plenum in Arabic numerals, the term in Roman ones.

A plenum named beside a numbered resolution ("Nghị quyết số 26-NQ/TW tại Hội nghị Trung ương 7 khóa X",
"Nghị quyết 05/NQ-TW, Hội nghị Trung ương 4 (khóa XII)") is that resolution: the article's other
mentions of the plenum's resolution take the numbered name (:func:`numbered_plenums`).
"""

from __future__ import annotations

import re

# Plenum ordinals as words: "lần thứ tư", "lần thứ mười hai".
_UNITS = ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
ORDINALS = {"nhất": 1, "tư": 4, **{w: n for n, w in enumerate(_UNITS, 1) if n > 1}, "mười": 10,
            **{f"mười {w}": 10 + n for n, w in enumerate(_UNITS, 1)}, "mười lăm": 15, "hai mươi": 20}
_ORDINAL = "|".join(sorted(ORDINALS, key=len, reverse=True))
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
# The plenum itself: "Hội nghị Trung ương 4", "Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng",
# "Trung ương 4", then the term "khóa XII" / "(khóa 12)".
_PLENUM = (
    rf"(?:Hội nghị\s+)?(?:lần thứ\s+(?P<ordinal>{_ORDINAL}|\d{{1,2}})\s*,?\s+)?"
    r"(?:(?:Ban Chấp hành|BCH)\s+)?(?:Trung ương|TƯ|TW)(?:\s+Đảng)?"
    rf"(?:\s+(?:lần thứ\s+)?(?P<num>\d{{1,2}}|{_ORDINAL}))?"
    r"\s*,?\s*\(?\s*kh(?:óa|oá)\s+(?P<term>[XVIL]{1,6}|\d{1,2})(?!\w)\s*\)?"
)
PLENUM = re.compile(rf"(?<!\w)(?:Nghị quyết|NQ)\s+(?:của\s+)?{_PLENUM}", re.IGNORECASE)
# A numbered resolution, then its plenum within a few words ("..., Hội nghị", "tại Hội nghị", "(khóa X)").
_BESIDE = re.compile(rf"[\s,;(]*(?:(?:được\s+)?(?:thông qua\s+)?(?:tại|của)\s+)?{_PLENUM}", re.IGNORECASE)
_BEFORE = re.compile(rf"{_PLENUM}\s*\(\s*(?:Nghị quyết\s+)?(?:số\s*)?$", re.IGNORECASE)


def roman(number: int) -> str:
    out = ""
    for value, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out, number = out + letters, number - value
    return out


def _term(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    values = [_ROMAN[ch] for ch in text.upper()]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if roman(total) == text.upper() else None


def _number(text: str | None) -> int | None:
    if not text:
        return None
    text = " ".join(text.lower().split())
    return int(text) if text.isdigit() else ORDINALS.get(text)


def plenum_name(match: re.Match) -> str | None:
    """'Nghị quyết Trung ương 8 khóa XIII' from a plenum match, None when it names no plenum."""
    number = _number(match["num"]) or _number(match["ordinal"])
    term = _term(match["term"])
    if not number or not term or number > 20 or term > 30:
        return None
    return f"Nghị quyết Trung ương {number} khóa {roman(term)}"


def numbered_plenums(text: str, numbered: list[tuple[str, int, int]]) -> dict[str, str]:
    """{plenum name: numbered name} for each numbered resolution (name, start, end) cited beside its plenum."""
    named: dict[str, str] = {}
    for name, start, end in numbered:
        after = _BESIDE.match(text, end)
        before = _BEFORE.search(text, max(0, start - 140), start)
        for match in (after, before):
            plenum = plenum_name(match) if match else None
            if plenum:
                named.setdefault(plenum, name)
    return named
