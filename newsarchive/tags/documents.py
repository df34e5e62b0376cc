"""Party and state documents, found by pattern and written one way.

"Chỉ thị số 42-CT/TU", "Chỉ thị 42 - CT/TU" and "chỉ thị số 42-ct/tu" all become
"Chỉ thị 42-CT/TU": the type as the vocabulary spells it, no "số", the number,
then the code with no spaces around its "-" and "/". A code is kept in its own
letter case when it mixes cases ("1369/QĐ-TTg"), upper-cased otherwise. A
code may be only a year ("Thông tư 15/2015"). A
bare "Chỉ thị 22" folds into "Chỉ thị 22-CT/TU" when the same article gives
the full number. Central Committee resolutions named by plenum have their own
form: "Nghị quyết Trung ương 4 khóa XII".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vietnamese import slugify

TYPES = ("Chỉ thị", "Nghị quyết", "Kết luận", "Quyết định", "Quy định", "Nghị định",
         "Thông tư", "Quy chế phối hợp", "Quy chế")
# The type's first letter may be either case; the rest is matched in any case too.
_TYPE = "|".join(sorted((re.escape(t) for t in TYPES), key=len, reverse=True))
_CODE_PART = r"[0-9A-Za-zĐđ&]+"
DOCUMENT = re.compile(
    rf"(?<!\w)(?P<type>{_TYPE})\s+(?:số\s*)?(?P<num>\d{{1,5}})"
    rf"(?P<code>(?:\s?[-/]\s?{_CODE_PART})*)(?![\w/-])",
    re.IGNORECASE,
)
PLENUM = re.compile(
    r"(?<!\w)Nghị quyết\s+(?:Hội nghị\s+)?(?:lần thứ\s+)?Trung ương\s+(?P<num>\d{1,2})\s*"
    r"(?:\(\s*)?khó[aá]\s+(?P<term>[XVI]+)(?:\s*\))?",
    re.IGNORECASE,
)
# After a bare number these words make "Quyết định 2 năm" a phrase, not a document.
_NOT_A_NUMBER = re.compile(r"\s*(?:%|năm|tháng|ngày|giờ|người|lần|điểm|nội dung|vấn đề|việc|nhiệm vụ|trường hợp)\b",
                           re.IGNORECASE)


# Where a DOCUMENT match can start, in the lower-cased text: every type begins with one of these.
# A literal scan for them, then the pattern only there, is what a case-insensitive pattern with a
# look-behind cannot do by itself (it tries every position).
_TYPE_STARTS = re.compile("chỉ thị|nghị|kết luận|quy|thông tư")


def document_matches(text: str, lowered: str | None = None):
    """``DOCUMENT.finditer(text)``, the same matches, found faster."""
    lowered = text.lower() if lowered is None else lowered
    if len(lowered) != len(text):       # a letter that lower-cases to two: offsets differ, scan it all
        yield from DOCUMENT.finditer(text)
        return
    end = 0
    for start in _TYPE_STARTS.finditer(lowered):
        if start.start() >= end and (match := DOCUMENT.match(text, start.start())):
            end = match.end()
            yield match


@dataclass(frozen=True, slots=True)
class Citation:
    name: str        # canonical form
    start: int       # offset of the mention in the text


def _type_name(text: str) -> str:
    lowered = " ".join(text.split()).lower()
    return next(t for t in TYPES if t.lower() == lowered)


def _code(raw: str) -> str:
    code = re.sub(r"\s+", "", raw)
    letters = [ch for ch in code if ch.isalpha()]
    if all(ch.islower() for ch in letters):
        code = code.upper()
    return code


def citations(text: str) -> list[Citation]:
    """Every document mention, in canonical form, in text order (bare numbers folded)."""
    found: list[tuple[str, str, str | None, int]] = []
    lowered = text.lower()
    for match in document_matches(text, lowered):
        code = _code(match["code"]) if match["code"].strip() else None
        if code is None and (match["type"][0].islower() or _NOT_A_NUMBER.match(text, match.end())):
            continue
        found.append((_type_name(match["type"]), match["num"], code, match.start()))
    full = {}
    for kind, num, code, _ in found:
        if code:
            full.setdefault((kind, num), f"{kind} {num}{'' if code[0] in '-/' else '-'}{code}")
    result = [Citation(full.get((kind, num), f"{kind} {num}"), start) for kind, num, _, start in found]
    if "nghị quyết" in lowered and "trung ương" in lowered:
        result += [Citation(f"Nghị quyết Trung ương {m['num']} khóa {m['term'].upper()}", m.start())
                   for m in PLENUM.finditer(text)]
    return sorted(result, key=lambda c: c.start)


def canonical_document(tag: str) -> str | None:
    """The canonical form when the whole tag is one document, else None."""
    text = tag.strip()
    for cite in citations(text):
        if cite.start == 0 and (DOCUMENT.fullmatch(text) or PLENUM.fullmatch(text)):
            return cite.name
    return None


def is_document(tag: str) -> bool:
    return canonical_document(tag) == tag


def document_slug(name: str) -> str:
    """'Chỉ thị 42-CT/TU' -> 'chi-thi-42-ct-tu' (the same slug Pelican gives the tag)."""
    return slugify(name.replace("/", "-"), max_length=120)
