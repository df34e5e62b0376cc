"""Automatic tags for one article: the few that matter, 3-8 when the text has them.

1. Places from the vocabulary (:mod:`.matching`), as they were at the article's date (:mod:`.places`):
   "tỉnh" alone means the portal's own province; a district brings its province; a name that is part of
   an outlet's, an airport's or a commune's is no place; after the 1/7/2025 merger there are no districts.
2. Bodies: composed from an office and a place (:mod:`.bodies`: "UBND huyện Văn Yên"), else from the
   vocabulary; a composed body wins over a vocabulary body inside it ("LĐLĐ huyện X" is never the
   province's "LĐLĐ"). A body after a person's title counts only in the article's title.
3. Documents by pattern (:mod:`.documents`), in canonical form.
4. Keep what matters: named in the title or lede, or mentioned at least twice; documents cited with a
   full number count at once (the document pages list every article citing one).
5. Order places, documents, bodies, topics, each within its quota, then fill up to ``MAX_TAGS`` from
   what is left in the same order.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date as Date
from datetime import datetime
from functools import cache

from .bodies import Composer, Home, composer
from .documents import citations
from .matching import Matchers, resolve, words_of
from .places import Places
from .vocabulary import Entry, load

MAX_TAGS = 8
QUOTAS = {"place": 3, "document": 4, "organisation": 2, "topic": 1}
# Mentions that make a tag matter when the title and lede do not name it.
REPEATED = {"organisation": 2, "national": 3, "topic": 2}
KIND_ORDER = tuple(QUOTAS)
# Citations that make a document with a bare number ("Nghị định 67") matter outside the title and lede.
BARE_DOCUMENT = 1
# Words of a title that make the article a personnel story.
_PERSONNEL = re.compile(r"(?i)(?<!\w)(?:bổ nhiệm|điều động|điều chuyển|luân chuyển|nhân sự|miễn nhiệm|bãi nhiệm|"
                        r"giữ chức|thôi (?:giữ )?chức|làm (?:Bí thư|Chủ tịch|Giám đốc|Trưởng)|bầu|tân (?:Bí thư|Chủ tịch))(?!\w)")
# Before a body named as the parent of the one before it.
_PARENT = {"của", "thuộc"}


@cache
def _matchers() -> tuple[Matchers, Composer, Places]:
    vocabulary = load()
    matchers = Matchers(vocabulary)
    return matchers, composer(vocabulary), Places(matchers.places, vocabulary)


def _ranked(names, counts: Counter, in_front: set[str], first: dict[str, int]) -> list[str]:
    return sorted(names, key=lambda n: (n not in in_front, -counts[n], first.get(n, 0)))


def _bodies(matchers: Matchers, bodies: Composer, text: str, title_end: int, home: Home,
            context: set[str]) -> tuple[list[tuple[str, int]], dict[str, Entry | None]]:
    """(name, offset) of every body mention that counts, and the vocabulary entry of each (None: composed).

    A composed body covers its words and its place's; an office that names no body covers its own words
    ("Ủy ban MTTQ phường" alone is not the province's "Ủy ban MTTQ tỉnh"). A body named as another's parent ("Hội đồng Dân tộc
    của Quốc hội", "Tổng cục Năng lượng (Bộ Công Thương)") is not counted as acting."""
    cut = words_of(text)
    composed = bodies.mentions(text, home)
    covered = {k: m.end for m in composed for k in range(m.first, m.end)}
    spans: list[tuple[int, int, str, Entry | None]] = [
        (m.first, m.end, m.name, None) for m in composed
        if m.name and (not m.titled or m.start < title_end and not m.former)]
    for mention in matchers.others.mentions(text):
        if mention.first in covered and mention.end <= covered[mention.first]:
            continue
        entry = resolve(mention, context)
        if entry is not None and entry.kind != "ignore":
            spans.append((mention.first, mention.end, entry.name, entry))
    ends = {end for _, end, _, entry in spans if entry is None or entry.kind == "organisation"}
    found, entries = [], {}
    for first, _, name, entry in sorted(spans):
        entries.setdefault(name, entry)
        parent = (entry is None or entry.kind == "organisation") and first - 1 in ends \
            and cut.folded[first - 1] in _PARENT and cut.gaps[first] == " "
        if not parent:
            found.append((name, cut.starts[first]))
    return found, entries


def candidates(title: str, lede: str, body: str, province: str | None = None,
               district: str | None = None, date: Date | datetime | None = None) -> dict[str, list[str]]:
    """Tags that matter, by kind, most telling first (before quotas)."""
    matchers, bodies, places = _matchers()
    text, front = f"{title}\n{body}", f"{title}\n{lede}"
    day = date.date() if isinstance(date, datetime) else date
    found = places.found(text, front, province, district, day)
    home = places.home(found, words_of(text))
    counts, in_front = Counter(), set()
    entries: dict[str, Entry | None] = {}
    for part, is_front in ((text, False), (front, True)):
        # In a personnel story ("bổ nhiệm Bí thư Quận ủy Thủ Đức") the body whose head changes counts: its
        # titles in the title and lede count as the body.
        titled_until = len(front) if is_front and _PERSONNEL.search(title) else len(title)
        mentions, part_entries = _bodies(matchers, bodies, part, titled_until, home, found.context)
        entries.update(part_entries)
        if is_front:
            in_front.update(name for name, _ in mentions)
        else:
            counts.update(name for name, _ in mentions)

    result: dict[str, list[str]] = {kind: [] for kind in KIND_ORDER}
    result["place"] = found.kept
    cited = citations(text)
    doc_counts = Counter(c.name for c in cited)
    doc_front = {c.name for c in citations(front)}
    first = {c.name: c.start for c in reversed(cited)}
    result["document"] = [n for n in _ranked(doc_counts, doc_counts, doc_front, first)
                          if n in doc_front or doc_counts[n] >= BARE_DOCUMENT or not n.split()[-1].isdigit()]
    for name in _ranked(entries, counts, in_front, {}):
        kind = entries[name].kind if entries[name] is not None else "organisation"
        needed = REPEATED["national"] if kind == "organisation" and entries[name] is not None else REPEATED[kind]
        if name in in_front or counts[name] >= needed:
            result[kind].append(name)
    return result


def select(found: dict[str, list[str]], limit: int = MAX_TAGS) -> list[tuple[str, str]]:
    """(tag, kind): each kind within its quota first, then the rest in kind order, at most ``limit``."""
    chosen = {kind: found.get(kind, [])[:quota] for kind, quota in QUOTAS.items()}
    room = limit - sum(len(v) for v in chosen.values())
    for kind in KIND_ORDER:
        extra = found.get(kind, [])[len(chosen[kind]):][:max(room, 0)]
        chosen[kind] += extra
        room -= len(extra)
    ordered = dict.fromkeys((tag, kind) for kind in KIND_ORDER for tag in chosen[kind])
    return list(ordered)[:limit]


def tagged(title: str, lede: str, body: str, province: str | None = None, district: str | None = None,
           date: Date | datetime | None = None) -> list[tuple[str, str]]:
    """(tag, kind) for one article, most telling first, at most ``MAX_TAGS``."""
    return select(candidates(title, lede, body, province, district, date))


def tag_article(title: str, lede: str, body: str, province: str | None = None,
                district: str | None = None, date: Date | datetime | None = None) -> list[str]:
    """Tags for one article, most telling first, at most ``MAX_TAGS``; places as of ``date`` when given."""
    return [tag for tag, _ in tagged(title, lede, body, province, district, date)]
