"""Which places an article is about, as they were at its date.

* A district tag brings its province; a bare district name counts only near its province (:func:`resolve`).
* A name right after an outlet's, an airport's, a road's or a commune's word is part of that name
  (``context.yaml``: "báo Hải Phòng", "sân bay Vinh", "phường Hoàng Mai"), not the place; so is a unit's
  own name ("Ban Quản lý rừng phòng hộ Hướng Hóa"). A place named in the lede only inside a body's name
  ("Công an tỉnh Quảng Ngãi") is not prominent by that.
* After the 1/7/2025 merger (``MERGER``) districts are no longer units: a 2026 article's "phường Cẩm Lệ",
  "huyện Sóc Sơn (cũ)" tag nothing; an old province's name stands for the province it joined when it
  joined one whole ("Yên Bái" in 2026 is "Lào Cai").
* "tỉnh" alone means the portal's own province.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .bodies import Home
from .matching import Matcher, Mention, Phrases, Words, resolve, words_of
from .vocabulary import Entry, Vocabulary, context_rules

MERGER = date(2025, 7, 1)
# Mentions that make a place matter when the title and lede do not name it.
REPEATED = {"province": 3, "district": 2}
# A place right after a person's title ("Bí thư Thành ủy TP.HCM Nguyễn Thiện Nhân") says who, not where:
# it does not make the place prominent.
_PERSON_TITLE = re.compile(r"(?:Bí thư|Chủ tịch|Giám đốc)[^,.;:()\n]{0,22}$")
_OWN_PROVINCE = re.compile(r"(?<!\w)(?:tỉnh|Tỉnh)(?!\w)")


@dataclass(slots=True)
class Found:
    kept: list[str] = field(default_factory=list)        # place tags, most telling first
    entries: dict[str, Entry] = field(default_factory=dict)
    context: set[str] = field(default_factory=set)       # provinces named anywhere (resolve bare names)


class Places:
    def __init__(self, matcher: Matcher, vocabulary: Vocabulary):
        self.matcher = matcher
        self.vocabulary = vocabulary
        rules = context_rules()
        self.not_after = Phrases(rules.get("not_place_after") or [])
        self.not_after_bare = Phrases(rules.get("not_place_after_bare") or [])

    def _as_of(self, entry: Entry, day: date | None) -> Entry | None:
        """The place a name stood for on ``day``: after the merger no district, and an old province's
        name is the province it joined (when it joined one whole)."""
        if day is None or day < MERGER:
            return entry
        if entry.level == "district":
            return None
        after = entry.after_2025
        return self.vocabulary.entries.get(after) if isinstance(after, str) else None

    def _inside_another_name(self, cut: Words, mention: Mention) -> bool:
        if self.not_after.before(cut, mention.first):
            return True
        return any(s.bare for s in mention.candidates) and bool(self.not_after_bare.before(cut, mention.first))

    def _scan(self, text: str, front_end: int, context: set[str], day: date | None, in_bodies=frozenset(),
              title_end: int = 0, in_names=frozenset()):
        """Mentions of each place in ``text`` and the places named in its head (title and lede, the text
        before ``front_end``) other than right after a person's title."""
        counts, in_front, entries = Counter(), set(), {}
        cut = words_of(text)
        for mention in self.matcher.mentions(text):
            entry = resolve(mention, context)
            if entry is None or entry.kind == "ignore" or mention.first in in_names \
                    or self._inside_another_name(cut, mention):
                continue
            entry = self._as_of(entry, day)
            if entry is None:
                continue
            entries[entry.name] = entry
            counts[entry.name] += 1
            if mention.first in in_bodies and mention.start >= title_end:
                continue
            if mention.start < front_end and not _PERSON_TITLE.search(text, max(0, mention.start - 40), mention.start):
                in_front.add(entry.name)
        return counts, in_front, entries

    def found(self, text: str, front_end: int, province: str | None, district: str | None,
              day: date | None, in_bodies=frozenset(), title_end=0, in_names=frozenset()) -> Found:
        provinces = {m.candidates[0].entry.name for m in self.matcher.mentions(text)
                     if m.candidates[0].entry.level == "province"}
        context = provinces | ({province} if province else set())
        counts, in_front, entries = self._scan(text, front_end, context, day, in_bodies, title_end, in_names)
        found = Found(entries=entries, context=context)
        own = self.vocabulary.entries.get(province) if province else None
        own = self._as_of(own, day) if own is not None else None
        if own is not None and (own.name in counts or _OWN_PROVINCE.search(text)):
            found.kept.append(own.name)
            entries.setdefault(own.name, own)
        if district and district in entries:
            found.kept.append(district)
        ranked = sorted(entries, key=lambda n: (n not in in_front, -counts[n]))
        for name in ranked:
            if name in in_front or counts[name] >= REPEATED[entries[name].level or "province"]:
                parent = entries[name].parent
                found.kept += [n for n in (name, parent) if n and n not in found.kept]
        for name in found.kept:
            entries.setdefault(name, self.vocabulary.entries[name])
        return found

    @staticmethod
    def home(found: Found) -> Home:
        """The centrally-run city and the districts the article is about (for "UBND thành phố" alone)."""
        kept = [found.entries[n] for n in found.kept if n in found.entries]
        city = next((e for e in kept if e.level == "province"), None)
        return Home(city if city is not None and city.division == "thành phố" else None,
                    tuple(e for e in kept if e.level == "district"))
