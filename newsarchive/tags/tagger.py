"""Automatic tags for one article: the few that matter, 3-8 when the text has them.

1. Places and bodies from the vocabulary (:mod:`.matching`); "tỉnh" alone means
   the portal's own province; a district brings its province (parent).
2. Documents by pattern (:mod:`.documents`), in canonical form.
3. Keep what matters: named in the title or lede, or mentioned at least twice;
   documents cited with a full number count at once (the document pages list
   every article citing one).
4. Order places, documents, bodies, topics, each within its quota, then fill up
   to ``MAX_TAGS`` from what is left in the same order.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from .documents import citations
from .matching import Matchers, resolve
from .vocabulary import Entry, load

MAX_TAGS = 8
QUOTAS = {"place": 3, "document": 4, "organisation": 2, "topic": 1}
# Mentions that make a tag matter when the title and lede do not name it.
REPEATED = {"province": 3, "district": 2, "organisation": 2, "topic": 2}
# A place right after a person's title ("Bí thư Thành ủy TP.HCM Nguyễn Thiện Nhân") says who, not where:
# it does not make the place prominent.
_PERSON_TITLE = re.compile(r"(?:Bí thư|Chủ tịch|Giám đốc)[^,.;:()\n]{0,22}$")
KIND_ORDER = tuple(QUOTAS)
_OWN_PROVINCE = re.compile(r"(?<!\w)(?:tỉnh|Tỉnh)(?!\w)")


@cache
def _matchers() -> Matchers:
    return Matchers(load())


def _scan(matcher, text: str, front: str, context: set[str]) -> tuple[Counter, set[str], dict[str, Entry]]:
    counts, in_front, entries = Counter(), set(), {}
    for mentions, is_front in ((matcher.mentions(text), False), (matcher.mentions(front), True)):
        for mention in mentions:
            entry = resolve(mention, context)
            if entry is None or entry.kind == "ignore":
                continue
            entries[entry.name] = entry
            if is_front:
                if not (entry.kind == "place" and _PERSON_TITLE.search(front, 0, mention.start)):
                    in_front.add(entry.name)
            else:
                counts[entry.name] += 1
    return counts, in_front, entries


def _ranked(names, counts: Counter, in_front: set[str], first: dict[str, int]) -> list[str]:
    return sorted(names, key=lambda n: (n not in in_front, -counts[n], first.get(n, 0)))


def candidates(title: str, lede: str, body: str, province: str | None = None,
               district: str | None = None) -> dict[str, list[str]]:
    """Tags that matter, by kind, most telling first (before quotas)."""
    matchers = _matchers()
    text, front = f"{title}\n{body}", f"{title}\n{lede}"
    provinces = {m.candidates[0].entry.name for m in matchers.places.mentions(text)
                 if m.candidates[0].entry.level == "province"}
    context = provinces | ({province} if province else set())
    place_counts, place_front, places = _scan(matchers.places, text, front, context)
    body_counts, body_front, bodies = _scan(matchers.others, text, front, context)
    counts, in_front = place_counts + body_counts, place_front | body_front

    def matters(name: str, kind: str) -> bool:
        return name in in_front or counts[name] >= REPEATED[kind]

    found: dict[str, list[str]] = {kind: [] for kind in KIND_ORDER}
    if province and (province in counts or _OWN_PROVINCE.search(text)):
        found["place"].append(province)
    if district and district in places:
        found["place"].append(district)
    kept = [n for n in _ranked(places, counts, in_front, {}) if matters(n, places[n].level or "province")]
    for name in kept:
        parent = places[name].parent
        found["place"] += [n for n in (name, parent) if n and n not in found["place"]]

    cited = citations(text)
    doc_counts = Counter(c.name for c in cited)
    doc_front = {c.name for c in citations(front)}
    first = {c.name: c.start for c in reversed(cited)}
    found["document"] = [n for n in _ranked(doc_counts, doc_counts, doc_front, first)
                         if n in doc_front or doc_counts[n] >= 2 or not n.split()[-1].isdigit()]
    for name in _ranked(bodies, counts, in_front, {}):
        if matters(name, bodies[name].kind):
            found[bodies[name].kind].append(name)
    return found


def select(found: dict[str, list[str]], limit: int = MAX_TAGS) -> list[str]:
    """Each kind within its quota first, then the rest in kind order, at most ``limit``."""
    chosen = {kind: found.get(kind, [])[:quota] for kind, quota in QUOTAS.items()}
    room = limit - sum(len(v) for v in chosen.values())
    for kind in KIND_ORDER:
        extra = found.get(kind, [])[len(chosen[kind]):][:max(room, 0)]
        chosen[kind] += extra
        room -= len(extra)
    return list(dict.fromkeys(tag for kind in KIND_ORDER for tag in chosen[kind]))[:limit]


def tag_article(title: str, lede: str, body: str, province: str | None = None,
                district: str | None = None) -> list[str]:
    """Tags for one article, most telling first, at most ``MAX_TAGS``."""
    return select(candidates(title, lede, body, province, district))
