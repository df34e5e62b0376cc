"""The outlet's name, as readers should see it, from what the page shows.

Candidates (decided by :mod:`decide` with the ``portal`` priorities):

* ``rules``: the portal's rule file names it;
* ``dateline``: the outlet's mark opening a paragraph, "(Baohatinh.vn) - ", "BTO - ", "(HGO) –":
  a rule file whose ``names`` hold the mark; a site address ("Baohatinh.vn"); or a provincial
  paper's mark, the initials of its province and "O" (online) or "ĐT" (điện tử): "CMO" is Báo Cà
  Mau. Initials shared by several provinces are settled by the page's address, else by the
  province the text names; when nothing settles them, no name;
* ``banner``: a banner's alt text ("Banner Tỉnh ủy Nghệ An") or the owner's name in capitals at
  the top ("ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN" -> "Ủy ban nhân dân huyện Bình Sơn");
* ``markup``: an HTML page's ``og:site_name``.

The portal's id (the ``portal`` front-matter key, its listing page's address) is the rule file's
id, else the page's host, else the name's slug; "unknown" only when nothing names the outlet.
"""

from __future__ import annotations

import re
from functools import cache

from ..vietnamese import fold, nfc, slugify
from .portals import Rules, by_host, load_all
from .record import Record

_MARK = re.compile(r"^\(\s*([A-ZĐ][\w.&/-]{1,30})\s*\)|^([A-ZĐ]{2,6})\s?[-–—]")
_SITE = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)*\.(vn|com|net|org)$", re.IGNORECASE)
_PAPER_SUFFIX = re.compile(r"(O|ĐT|DT|ONLINE)$")
_BANNER = re.compile(r"^(?:site\s+|image\s+)?banner\s+(.{4,80}?)\s*(\([^()]*\))?$", re.IGNORECASE)
_AUTHORITY = re.compile(r"^(ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND|TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY|QUẬN ỦY|"
                        r"ĐẢNG ỦY|SỞ|BAN|CỔNG THÔNG TIN|TRANG THÔNG TIN|BÁO|ĐÀI)\s")
HEAD_LINES = 6


@cache
def _places() -> tuple[tuple[str, ...], dict[str, str]]:
    """(province names before 2025, folded place name -> its spelling) from the tag vocabulary."""
    from ..tags import vocabulary

    provinces, spelled = [], {}
    for entry in vocabulary().entries.values():
        if entry.kind != "place":
            continue
        spelled[entry.name.casefold()] = entry.name
        if entry.level == "province":
            provinces.append(entry.name)
    return tuple(provinces), spelled


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.upper().split())


def paper_of(mark: str, host: str | None, text: str) -> str | None:
    """"CMO" -> "Báo Cà Mau": a provincial paper's mark, settled by the host or the text."""
    stem = _PAPER_SUFFIX.sub("", mark.upper())
    if not 2 <= len(stem) <= 4 or stem == mark.upper():
        return None
    provinces, _ = _places()
    matching = [p for p in provinces if _initials(p) == stem]
    if host:
        bare = fold(host).replace(".", " ")
        by_site = [p for p in matching if fold(p).replace(" ", "") in bare.replace("-", "")]
        if by_site:
            return "Báo " + by_site[0]
    named = [p for p in matching if p in text]
    if len(matching) == 1 or len(named) == 1:
        return "Báo " + (named or matching)[0]
    return None


def _site_name(site: str) -> str:
    """"baohatinh.vn" -> "Báo Hà Tĩnh" when it is a provincial paper's site; else as written."""
    rules = by_host(site)
    if rules is not None:
        return rules.name
    provinces, _ = _places()
    label = fold(site.split(".")[0]).removeprefix("www")
    for province in provinces:
        if label == "bao" + fold(province).replace(" ", ""):
            return "Báo " + province
    return site


def _mark_name(mark: str, record: Record, text: str) -> str | None:
    _, portals = load_all()
    for rules in portals:
        if mark in rules.names:
            return rules.name
    if _SITE.match(mark):
        return _site_name(mark.lower())
    return paper_of(mark, record.host, text)


def proper_case(caps: str) -> str:
    """"ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN" -> "Ủy ban nhân dân huyện Bình Sơn" (places as the vocabulary
    spells them)."""
    _, spelled = _places()
    words = nfc(caps).lower().split()
    out = list(words)
    for size in (3, 2):
        for start in range(len(words) - size + 1):
            name = spelled.get(" ".join(words[start:start + size]))
            if name and all(w.islower() for w in out[start:start + size]):
                out[start:start + size] = name.split()
    text = " ".join(out)
    return text[:1].upper() + text[1:]


def propose(record: Record, raw_lines: list[str], rules: Rules) -> None:
    """Portal-name candidates from the rules, the datelines, the banner and the first lines."""
    if rules.known:
        record.propose("portal", rules.name, "rules")
    text = "\n".join(record.lines)
    for index, line in enumerate(record.lines):
        match = _MARK.match(line)
        if match:
            name = _mark_name(match.group(1) or match.group(2), record, text)
            record.propose("portal", name, "dateline", index)
    head = [line.strip() for line in raw_lines if line.strip()][:HEAD_LINES]
    for index, line in enumerate(head):
        banner = _BANNER.match(line)
        if banner:
            record.propose("portal", banner.group(1), "banner", index)
        elif line.isupper() and _AUTHORITY.match(line) and 3 <= len(line.split()) <= 12:
            record.propose("portal", proper_case(line), "banner", index)


def portal_id(rules: Rules, host: str | None, name: str | None) -> str:
    if rules.known:
        return rules.id
    if host:
        return host
    return slugify(name) if name else "unknown"
