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

_MARK = re.compile(r"^\(\s*([A-ZĐ][\w.&/-]{1,30})\s*\)|^([A-ZĐ]{2,6}|[A-Z][a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org))"
                   r"\s?[-–—]")
_SITE = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)*\.(vn|com|net|org)$", re.IGNORECASE)
_SITE_MARK = re.compile(r"\(\s*([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org))\s*\)", re.IGNORECASE)
_PAPER_SUFFIX = re.compile(r"(O|ĐT|DT|ONLINE)$")
_PAPER_PREFIX = "B"      # "BAG": Báo An Giang
_BANNER = re.compile(r"^(?:site\s+|image\s+)?banner\s+(.{4,80}?)\s*(\([^()]*\))?$", re.IGNORECASE)
_E_PAPER = re.compile(r"^(?:trang chủ\s+)?báo (?:điện tử )?(?:tỉnh |thành phố )?(.{3,25}?)(?: điện tử| online)?$",
                      re.IGNORECASE)
# A footer's "Bản quyền thuộc về Báo X", "© 2024 Báo X", "Copyright © Báo X".
_COPYRIGHT = re.compile(r"^(?:©|copyright\s*©?|bản quyền(?: thuộc)?(?: về)?)\s*(?:\d{4}(?:\s*-\s*\d{4})?)?\s*:?\s*"
                        r"((?:báo|cổng|trang|đài|tạp chí)\b[^.|©]{3,60})", re.IGNORECASE)
_PORTAL_TITLE = re.compile(r"^(Cổng|Trang) (thông tin điện tử|TTĐT)\s+\S", re.IGNORECASE)
# The owner's name at the top of its site: a public body's kind, then (in a banner) its place.
_AUTHORITY = re.compile(r"^(ủy ban nhân dân|ubnd|hội đồng nhân dân|hđnd|tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|"
                        r"đảng ủy|đảng bộ|sở|ban|cổng thông tin|trang thông tin|báo|đài|viện kiểm sát|tòa án|"
                        r"thư viện|trung tâm|phòng|trường|tỉnh đoàn|thành đoàn|huyện đoàn|hội|liên đoàn|mặt trận|"
                        r"ủy ban mặt trận|công an|chi cục|cục|bộ|xã|phường|thị trấn|huyện|quận|thị xã|"
                        r"văn phòng|bảo tàng|ban quản lý)\s", re.IGNORECASE)
# ... and in ordinary case, only the kinds no headline starts with ("Hội nghị ... tỉnh Gia Lai" is a title).
_BODY_NAME = re.compile(r"^(Ủy ban nhân dân|Hội đồng nhân dân|Viện kiểm sát nhân dân|Tòa án nhân dân|Thư viện|"
                        r"Đài (Phát thanh|PT-TH|PTTH|Truyền hình)|(Tỉnh|Thành|Huyện|Quận|Thị|Đảng) ủy|Sở \S+ \S+ tỉnh)\b")
_LETTERS = re.compile(r"[^a-z]")
HEAD_LINES = 6
BANNER_MAX = 120     # characters


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
    """"Bà Rịa - Vũng Tàu" -> "BRVT"."""
    return "".join(word[0] for word in name.upper().split() if word[0].isalpha())


def paper_of(mark: str, host: str | None, text: str) -> str | None:
    """"CMO" -> "Báo Cà Mau", "HBĐT" -> "Báo Hòa Bình", "BAG" -> "Báo An Giang": a provincial paper's
    mark (its province's initials after "B" or before "O"/"ĐT"), settled by the host or the text.
    Bare initials ("BR-VT") count only where the page's host is that province's paper."""
    mark = mark.upper().replace("-", "")
    stems = [_PAPER_SUFFIX.sub("", mark)] if _PAPER_SUFFIX.search(mark) else []
    if mark.startswith(_PAPER_PREFIX) and len(mark) >= 3:
        stems.append(mark[1:])
    if host:
        stems.append(mark)
    provinces, _ = _places()
    matching = [p for p in provinces if any(2 <= len(stem) <= 4 and _initials(p) == stem for stem in stems)]
    if host:   # the page's own site settles it, or contradicts it ("BTV" on btv.org.vn is no Trà Vinh paper)
        bare = _LETTERS.sub("", fold(host))
        by_site = [p for p in matching if _LETTERS.sub("", fold(p)) in bare]
        return "Báo " + by_site[0] if by_site else None
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


def banner_name(line: str) -> str | None:
    """The outlet a banner line names: its image's alt text ("Banner Tỉnh ủy Nghệ An (Home-latest-1)"),
    the owner's name in capitals ("ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN"), a provincial e-paper's home link
    ("Trang chủ báo điện tử tỉnh Lai Châu" -> "Báo Lai Châu"), or a portal's own title
    ("Cổng thông tin điện tử tỉnh Gia Lai")."""
    line = line.strip()
    if len(line) > BANNER_MAX:
        return None
    banner = _BANNER.match(line) or _COPYRIGHT.match(line)
    if banner:
        return banner.group(1).strip(" .,;:-")
    if not 3 <= len(line.split()) <= 14:
        return None
    paper = _E_PAPER.match(line)
    if paper:
        provinces, _ = _places()
        place = next((p for p in provinces if p.casefold() == paper.group(1).strip().casefold()), None)
        return "Báo " + place if place else None
    if line.isupper() and _AUTHORITY.match(line):
        return proper_case(line)
    if _PORTAL_TITLE.match(line) or (_BODY_NAME.match(line) and _ends_with_place(line) and len(line.split()) <= 10):
        return line         # "Cổng thông tin điện tử tỉnh Gia Lai", "Viện kiểm sát nhân dân tỉnh Gia Lai"
    return None


def _ends_with_place(line: str) -> bool:
    _, spelled = _places()
    words = line.casefold().split()
    return any(" ".join(words[-size:]) in spelled for size in (1, 2, 3) if len(words) > size)


def propose(record: Record, raw_lines: list[str], rules: Rules) -> None:
    """Portal-name candidates from the rules, the datelines and the banner (the page's first lines,
    debris included: a banner's alt text is debris once read)."""
    if rules.known:
        record.propose("portal", rules.name, "rules")
    text = "\n".join(record.lines)
    for index, line in enumerate(record.lines):
        match = _MARK.match(line)
        if match:
            mark = match.group(1) or match.group(2)
            if _SITE.match(mark):
                record.site = record.site or mark.lower()
            record.propose("portal", _mark_name(mark, record, text), "dateline", index)
        elif index < HEAD_LINES and _SITE_MARK.search(line):     # "22/12/2019 06:05 (Baohatinh.vn)"
            site = _SITE_MARK.search(line).group(1).lower()
            record.site = record.site or site
            record.propose("portal", _site_name(site), "dateline", index)
    title = record.lines[record.title_at].strip() if record.title_at is not None else None
    filled = [line.strip() for line in raw_lines if line.strip()]
    for index, line in enumerate(filled[:HEAD_LINES]):
        if line == title:
            break
        record.propose("portal", banner_name(line), "banner", index)
    for index, line in enumerate(filled[HEAD_LINES:], start=HEAD_LINES):
        # A footer's copyright line, the paper's or portal's own name standing alone further down.
        if len(line) <= BANNER_MAX and (_COPYRIGHT.match(line) or _E_PAPER.match(line) or _PORTAL_TITLE.match(line)):
            record.propose("portal", banner_name(line), "banner", index)


def portal_id(record: Record, name: str | None) -> str:
    if record.rules.known:
        return record.rules.id
    if record.host or record.site:
        return record.host or record.site
    return slugify(name) if name else "unknown"
