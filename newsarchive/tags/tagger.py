"""Automatic tags for one article: the few that matter, 3-10 when the text has them.

1. Places from the vocabulary (:mod:`.matching`), as they were at the article's date (:mod:`.places`):
   "tỉnh" alone means the portal's own province; a district brings its province; a name that is part of
   an outlet's, an airport's or a commune's is no place; after the 1/7/2025 merger there are no districts.
2. Bodies: composed from an office and a place (:mod:`.bodies`: "UBND huyện Văn Yên"), else from the
   vocabulary; a composed body wins over a vocabulary body inside it ("LĐLĐ huyện X" is never the
   province's "LĐLĐ"). A body after a person's title counts a third (``TITLED``), fully in the article's
   title or in a personnel story's lede.
3. Documents by pattern (:mod:`.documents`), in canonical form: every one cited counts (the document pages
   list every article citing one; the labelled sets tag every numbered document cited).
4. Keep what matters: named in the title or lede, or mentioned at least ``REPEATED`` times.
5. Order places, documents, bodies, topics, each within its quota, then fill up to ``MAX_TAGS`` from
   what is left in the same order.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime
from functools import cache

from .bodies import Composer, Home, composer, vocabulary_mentions
from .documents import citations
from .matching import Matcher, resolve, words_of
from .places import Places
from .vocabulary import Entry, load

MAX_TAGS = 10
QUOTAS = {"place": 3, "document": 4, "organisation": 2, "topic": 1}
# Mentions that make a tag matter when the title and lede do not name it; "national": a body the vocabulary
# lists ("Bộ Chính trị", "Chính phủ"), named twice in passing by many an article about something else.
REPEATED = {"organisation": 2, "national": 3, "topic": 2}
KIND_ORDER = tuple(QUOTAS)
# What a mention after a person's title ("Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung yêu cầu") counts for: an
# article that names a body's head again and again is about that body too.
TITLED = 1 / 3
# Words of a title that make the article a personnel story.
_PERSONNEL = re.compile(r"(?i)(?<!\w)(?:bổ nhiệm|điều động|điều chuyển|luân chuyển|nhân sự|miễn nhiệm|bãi nhiệm|"
                        r"giữ chức|thôi (?:giữ )?chức|làm (?:Bí thư|Chủ tịch|Giám đốc|Trưởng)|bầu|tân (?:Bí thư|Chủ tịch))(?!\w)")
# Before a body named as the parent of the one before it.
_PARENT = {"của", "thuộc"}


@cache
def _matchers() -> tuple[Composer, Places]:
    vocabulary = load()
    places = Matcher([e for e in vocabulary.entries.values() if e.kind in ("place", "ignore")])
    return composer(vocabulary), Places(places, vocabulary)


def _ranked(names, counts: Counter, in_front: set[str], first: dict[str, int]) -> list[str]:
    return sorted(names, key=lambda n: (n not in in_front, -counts[n], first.get(n, 0)))


@dataclass(frozen=True, slots=True)
class _Body:
    name: str
    start: int
    titled: bool        # right after a person's title ("Chủ tịch UBND huyện X")
    former: bool        # ... a former holder's ("nguyên Chủ tịch")


def _bodies(bodies: Composer, text: str, home: Home,
            context: set[str]) -> tuple[list[_Body], dict[str, Entry | None]]:
    """Every body mention, and the vocabulary entry of each body (None: composed, or a province's own).

    A composed body covers its words and its place's; an office that names no body covers its own words
    ("Ủy ban MTTQ phường" alone is not the province's "Ủy ban MTTQ tỉnh"). A body named as another's parent
    ("Hội đồng Dân tộc của Quốc hội") is not counted as acting."""
    cut = words_of(text)
    composed = bodies.mentions(text, home)
    covered = {k: m.end for m in composed for k in range(m.first, m.end)}
    spans: list[tuple[int, int, str, Entry | None, bool, bool]] = [
        (m.first, m.end, m.name, None, m.titled, m.former) for m in composed if m.name]
    for mention in vocabulary_mentions(bodies, text):
        if mention.first in covered and mention.end <= covered[mention.first]:
            continue
        entry = resolve(mention, context)
        if entry is not None and entry.kind != "ignore":
            spans.append((mention.first, mention.end, entry.name, entry, False, False))
    ends = {end for _, end, _, entry, _, _ in spans if entry is None or entry.kind == "organisation"}
    found, entries = [], {}
    for first, _, name, entry, titled, former in sorted(spans):
        entries.setdefault(name, entry)
        parent = (entry is None or entry.kind == "organisation") and first - 1 in ends \
            and cut.folded[first - 1] in _PARENT and cut.gaps[first] == " "
        if not parent:
            found.append(_Body(name, cut.starts[first], titled, former))
    return found, entries


def candidates(title: str, lede: str, body: str, province: str | None = None,
               district: str | None = None, date: Date | datetime | None = None) -> dict[str, list[str]]:
    """Tags that matter, by kind, most telling first (before quotas).

    The text is scanned once: the title, then the body; the head (title and lede) is its start when the
    body starts with the lede (as ingest and the labelled sets give it), else the lede is put first."""
    bodies, places = _matchers()
    text = f"{title}\n{body}" if body.startswith(lede) else f"{title}\n{lede}\n{body}"
    title_end, front_end = len(title), len(title) + 1 + len(lede)
    day = date.date() if isinstance(date, datetime) else date
    # Places inside bodies' names: a unit's own name ("Ban Quản lý rừng phòng hộ Hướng Hóa") is no place; an
    # office's place ("Công an tỉnh Quảng Ngãi") is one, but not made prominent by the lede alone.
    named = bodies.mentions(text)
    in_names = frozenset(k for m in named if m.name and m.named for k in range(m.first, m.end))
    in_bodies = frozenset(k for m in named if m.name for k in range(m.first, m.end))
    found = places.found(text, front_end, province, district, day, in_bodies, title_end, in_names)
    mentions, entries = _bodies(bodies, text, places.home(found), found.context)
    # A body after a person's title counts when the article's title names it so, not for a former holder; in
    # a personnel story ("bổ nhiệm Bí thư Quận ủy Thủ Đức") the body whose head changes counts in the lede too.
    titled_until = front_end if _PERSONNEL.search(title) else title_end
    counts, in_front = Counter(), set()
    for mention in mentions:
        if mention.titled and (mention.former or mention.start >= title_end):
            if not mention.former and mention.start < titled_until:
                in_front.add(mention.name)
            if not mention.former:
                counts[mention.name] += TITLED
            continue
        counts[mention.name] += 1
        if mention.start < front_end:
            in_front.add(mention.name)

    result: dict[str, list[str]] = {kind: [] for kind in KIND_ORDER}
    result["place"] = found.kept
    cited = citations(text)
    doc_counts = Counter(c.name for c in cited)
    doc_front = {c.name for c in cited if c.start < front_end}
    first = {c.name: c.start for c in reversed(cited)}
    result["document"] = _ranked(doc_counts, doc_counts, doc_front, first)
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
