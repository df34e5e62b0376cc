"""Party and state documents, found by pattern and written one way.

"Chỉ thị số 42-CT/TU", "Chỉ thị 42 - CT/TU" and "chỉ thị số 42-ct/tu" all become
"Chỉ thị 42-CT/TU": the type as the vocabulary spells it, no "số", the number,
then the code with no spaces around its "-" and "/". A code is kept in its own
letter case when it mixes cases ("1369/QĐ-TTg"), upper-cased otherwise. A
code may be only a year ("Thông tư 15/2015"). Party codes are written the
Party's way whatever the article does: "29/NQ-TW", "29-NQ/TƯ", "29-NQTW" are
all "29-NQ/TW" (:data:`PARTY_CODE`).

A later short citation folds into the full one the same article gives:
"Chỉ thị 22", "chỉ thị số 22" and "NĐ 67" (``ABBREVIATIONS``) become "Chỉ thị
22-CT/TU", "Nghị định 67/2014/NĐ-CP". Central Committee resolutions named by
plenum (:mod:`.plenums`) are "Nghị quyết Trung ương 4 khóa XII" whether the
term is written "XII" or "12", the plenum "4" or "lần thứ tư"; when the article
gives the resolution's number beside its plenum, the numbered form is the tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vietnamese import slugify
from .plenums import PLENUM, numbered_plenums, plenum_name

TYPES = ("Chỉ thị", "Nghị quyết", "Kết luận", "Quyết định", "Quy định", "Nghị định",
         "Thông tư", "Quy chế phối hợp", "Quy chế")
# Abbreviated types, matched as written (capitals); "QĐ" is also a Party "Quy định", which a full
# citation in the same article says.
ABBREVIATIONS = {"NĐ": "Nghị định", "QĐ": "Quyết định", "NQ": "Nghị quyết"}
# The type's first letter may be either case; the rest is matched in any case too.
_TYPE = "|".join(sorted((re.escape(t) for t in TYPES), key=len, reverse=True))
_CODE_PART = r"(?:[^\W_]|&)+"
_SEP = r"\s?[-/]\s?"
# The code: parts joined by "-" or "/" (spaces around them tolerated); a Party code may follow the number
# after a plain space ("Nghị quyết số 18 NQ/TW").
_NUM = (rf"(?P<num>\d{{1,5}}(?:\.\d{{1,3}}(?=/))?)"
        rf"(?P<code>(?:(?:{_SEP}|\s(?=(?:NQ|CT|KL|QĐ)[-/])){_CODE_PART})?(?:{_SEP}{_CODE_PART})*)(?![\w/-])")
_NUMBER = rf"(?:số\s*:?\s*)?{_NUM}"
DOCUMENT = re.compile(rf"(?<!\w)(?P<type>{_TYPE})\s+{_NUMBER}", re.IGNORECASE)
# "Quyết định thu hồi đất số 2594", "Quyết định xử phạt vi phạm hành chính số 126/QĐ-XPVPHC": what the
# document does, in lower-case words, then its number.
DESCRIBED = re.compile(rf"(?<!\w)(?P<type>{_TYPE})(?P<what>(?:[ \t]+[^\W\d_]+){{1,8}}?)[ \t]+số\s*:?\s*{_NUM}",
                       re.IGNORECASE)
ABBREVIATED = re.compile(rf"(?<!\w)(?P<type>{'|'.join(ABBREVIATIONS)})\s+{_NUMBER}")
# A Party code: the document's kind, then the Party body that issued it (TW = the Central Committee and its
# organs, TU/ThU/HU/QU = provincial, city and district committees, ĐU/ĐUK = Party committees, BCSĐ = a
# Party caucus). Written "-NQ/TW"; "TƯ" is "TW". Only the kinds that are always the Party's own (resolution,
# directive, conclusion, regulation): a "Quyết định 160/QĐ-TW" is kept as the article writes it.
PARTY_CODE = re.compile(r"[-/](?P<kind>NQ|CT|KL|QĐ)[-/]?(?P<body>TW|TƯ|TU|ThU|HU|QU|ĐU|ĐUK|BCSĐ)")
_PARTY_KINDS = {"Nghị quyết": "NQ", "Chỉ thị": "CT", "Kết luận": "KL", "Quy định": "QĐ"}
_PARTY_BODY = {"TƯ": "TW"}
# After a bare number these words make "Quyết định 2 năm" a phrase, not a document.
_NOT_A_NUMBER = re.compile(r"\s*(?:%|năm|tháng|ngày|giờ|người|lần|điểm|nội dung|vấn đề|việc|nhiệm vụ|trường hợp)\b",
                           re.IGNORECASE)


# Where a DOCUMENT match can start, in the lower-cased text: every type begins with one of these.
# A literal scan for them, then the pattern only there, is what a case-insensitive pattern with a
# look-behind cannot do by itself (it tries every position).
_TYPE_STARTS = re.compile("chỉ thị|nghị|kết luận|quy|thông tư")
_ABBREVIATION_STARTS = re.compile("|".join(ABBREVIATIONS))


def document_matches(text: str, lowered: str | None = None, described: bool = False):
    """``DOCUMENT.finditer(text)``, the same matches, found faster; with ``described``, also the DESCRIBED
    matches where no DOCUMENT starts, their middle words in lower case."""
    lowered = text.lower() if lowered is None else lowered
    if len(lowered) != len(text):       # a letter that lower-cases to two: offsets differ, scan it all
        yield from DOCUMENT.finditer(text)
        return
    end = 0
    for start in _TYPE_STARTS.finditer(lowered):
        if start.start() < end:
            continue
        if match := DOCUMENT.match(text, start.start()):
            end = match.end()
            yield match
        elif described and (match := DESCRIBED.match(text, start.start())):
            if match["what"].islower() and "số" not in match["what"].split():
                end = match.end()
                yield match


def abbreviated_matches(text: str):
    """``ABBREVIATED.finditer(text)``, tried only where an abbreviation is written."""
    for start in _ABBREVIATION_STARTS.finditer(text):
        if match := ABBREVIATED.match(text, start.start()):
            yield match


@dataclass(frozen=True, slots=True)
class Citation:
    name: str        # canonical form
    start: int       # offset of the mention in the text


def _type_name(text: str) -> str:
    if text in ABBREVIATIONS:
        return ABBREVIATIONS[text]
    lowered = " ".join(text.split()).lower()
    return next(t for t in TYPES if t.lower() == lowered)


def _code(raw: str, kind: str) -> str:
    code = re.sub(r"\s+", "", raw)
    letters = [ch for ch in code if ch.isalpha()]
    if all(ch.islower() for ch in letters):
        code = code.upper()
    party = PARTY_CODE.fullmatch(code)
    if party and _PARTY_KINDS.get(kind) == party["kind"]:
        return f"-{party['kind']}/{_PARTY_BODY.get(party['body'], party['body'])}"
    return code


@dataclass(frozen=True, slots=True)
class _Numbered:
    kind: str
    num: str
    code: str | None
    start: int
    end: int
    weak: bool          # "quyết định 5", "Quyết định 2 năm": a phrase unless a full citation has the number
    abbreviated: bool   # "QĐ 33": a Quyết định, or the Quy định the article cites in full


def _numbered(text: str, lowered: str) -> list[_Numbered]:
    found = []
    for abbreviated, matches in ((False, document_matches(text, lowered, described=True)),
                                 (True, abbreviated_matches(text))):
        for match in matches:
            kind = _type_name(match["type"])
            code = _code(match["code"], kind) if match["code"].strip() else None
            weak = code is None and (match["type"][0].islower() and not _issued_by(text, match.end())
                                     or bool(_NOT_A_NUMBER.match(text, match.end())))
            found.append(_Numbered(kind, match["num"], code, *match.span(), weak, abbreviated))
    return found


_ISSUER = re.compile(r"\s+(?:của|do)\s+(?=\w)")


def _issued_by(text: str, end: int) -> bool:
    """'kết luận 49 của Bộ Chính trị': a lower-case type with its issuer named is a document."""
    issuer = _ISSUER.match(text, end)
    return bool(issuer) and text[issuer.end()].isupper()


def citations(text: str) -> list[Citation]:
    """Every document mention, in canonical form, in text order (short citations folded)."""
    lowered = text.lower()
    found = _numbered(text, lowered)
    full: dict[tuple[str, str], str] = {}
    for cite in found:
        if cite.code:
            full.setdefault((cite.kind, cite.num), f"{cite.kind} {cite.num}{'' if cite.code[0] in '-/' else '-'}{cite.code}")
    result, beside = [], []
    # "Nghị quyết số 66.13/2026 (gọi tắt là Nghị quyết 66)": the short number is the dotted one.
    dotted: dict[tuple[str, str], list[str]] = {}
    for (kind, num), name in full.items():
        if "." in num:
            dotted.setdefault((kind, num.split(".")[0]), []).append(name)
    for cite in found:
        name = full.get((cite.kind, cite.num))
        if name is None and len(dotted.get((cite.kind, cite.num), ())) == 1:
            name = dotted[(cite.kind, cite.num)][0]
        if name is None and cite.abbreviated and cite.kind == "Quyết định":
            name = full.get(("Quy định", cite.num))
        if name or not cite.weak:
            result.append(Citation(name or f"{cite.kind} {cite.num}", cite.start))
            if cite.code and cite.code.endswith("NQ/TW"):
                beside.append((result[-1].name, cite.start, cite.end))
    if "trung ương" in lowered and ("nghị quyết" in lowered or "NQ" in text):
        named = numbered_plenums(text, beside)
        for match in PLENUM.finditer(text):
            name = plenum_name(match)
            if name:
                result.append(Citation(named.get(name, name), match.start()))
    return sorted(result, key=lambda c: c.start)


def canonical_document(tag: str) -> str | None:
    """The canonical form when the whole tag is one document, else None."""
    text = tag.strip()
    if DOCUMENT.fullmatch(text) or PLENUM.fullmatch(text) or ABBREVIATED.fullmatch(text):
        found = citations(text)
        if len(found) == 1 and found[0].start == 0:
            return found[0].name
    return None


def is_document(tag: str) -> bool:
    return canonical_document(tag) == tag


def document_slug(name: str) -> str:
    """'Chỉ thị 42-CT/TU' -> 'chi-thi-42-ct-tu' (the same slug Pelican gives the tag)."""
    return slugify(name.replace("/", "-"), max_length=120)
