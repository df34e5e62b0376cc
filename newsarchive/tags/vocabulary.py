"""The tag vocabulary: one canonical name per thing, its kind, spellings and parent.

Two data files beside this module:

* ``places.yaml``, generated from the ``vietnam-provinces`` dataset by
  ``newsarchive/tags/build_places.py`` (provinces before and after the 2025 merger,
  districts with their province);
* ``vocabulary.yaml``, written by hand: bodies, topics, extra spellings of
  places ("TP.HCM"), and stop phrases (kind ``ignore``: "Thái Bình Dương" is
  an ocean, not Thái Bình).

Every name and alias is normalised (:mod:`.normalise`), so tone-mark variants
never need listing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import re

import yaml

from .normalise import key, normalise

HERE = Path(__file__).parent
PLACES = HERE / "places.yaml"
VOCABULARY = HERE / "vocabulary.yaml"
CONTEXT = HERE / "context.yaml"
# libyaml's loader reads the 3,000-line places file in a tenth of the time, with the same result.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
KINDS = ("place", "organisation", "document", "topic", "ignore")
_WORDS = re.compile(r"\w+")

# How a district is written in running text, before its name.
DISTRICT_PREFIXES = {
    "quận": ("quận", "Quận"),
    "huyện": ("huyện", "Huyện"),
    "thị xã": ("thị xã", "Thị xã", "TX", "TX."),
    "thành phố": ("thành phố", "Thành phố", "TP", "TP."),
}
PROVINCE_PREFIXES = {"tỉnh": ("tỉnh", "Tỉnh"), "thành phố": ("thành phố", "Thành phố", "TP", "TP.")}


class VocabularyError(ValueError):
    """A vocabulary file that cannot be used (Vietnamese message, with the file)."""


@dataclass(slots=True)
class Entry:
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)        # matched as written (case-sensitive)
    loose_aliases: list[str] = field(default_factory=list)  # matched in any case
    parent: str | None = None                               # district -> province
    context_aliases: list[str] = field(default_factory=list)  # count only when the parent is in context
    level: str | None = None                                # province / district
    after_2025: str | list[str] | None = None               # the province it is part of since 1/7/2025
    place: str | None = None                                # the name without its type: "Văn Yên"
    division: str | None = None                             # tỉnh, thành phố, huyện, quận, thị xã
    became: list[str] = field(default_factory=list)         # a district's communes and wards since 1/7/2025


class Vocabulary:
    """Entries by canonical name, and an index from every spelling's key to its entry."""

    def __init__(self, entries: dict[str, Entry]):
        self.entries = entries
        self.by_key: dict[str, Entry] = {}
        for entry in entries.values():
            for alias in [entry.name, *entry.aliases, *entry.loose_aliases, *entry.context_aliases]:
                self.by_key.setdefault(key(alias), entry)

    def canonical(self, tag: str) -> str:
        """The vocabulary's name for a spelling, a document's canonical form, a composed body's name
        ("Uỷ ban nhân dân huyện Văn Yên" -> "UBND huyện Văn Yên"), else the spelling normalised."""
        from .documents import canonical_document

        text = normalise(tag)
        document = canonical_document(text)
        if document:
            return document
        found = self.by_key.get(key(text))
        if found is not None:
            return found.name if found.kind != "ignore" else text
        return self.composed(text) or text

    def composed(self, text: str) -> str | None:
        """The composed body a whole tag names (:mod:`.bodies`), else None."""
        from .bodies import composer

        mentions = [m for m in composer(self).mentions(text) if m.name]
        words = len(_WORDS.findall(text))
        if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == words:
            return mentions[0].name
        return None

    def kind_of(self, name: str) -> str | None:
        entry = self.entries.get(name)
        if entry is not None:
            return entry.kind
        return "organisation" if self.composed(name) == name else None


def _place_entries(data: dict) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    for row in data.get("provinces") or []:
        name = normalise(row["name"])
        short = name.removeprefix("Thành phố ")
        aliases = [name] + [f"{p} {short}" for p in PROVINCE_PREFIXES.get(row.get("type"), ())]
        entries[name] = Entry(name, "place", aliases=aliases, level="province",
                              after_2025=row.get("after_2025"), place=short, division=row.get("type"))
    for row in data.get("districts") or []:
        name, place, kind = normalise(row["name"]), normalise(row["place"]), row.get("type")
        province = normalise(row["province"])
        # Every type's prefix: districts changed type over the years ("huyện" -> "thị xã" -> "thành phố"),
        # and articles keep the old one. A name shared by two districts is resolved by context.
        prefixed = [f"{p} {place}" for prefixes in DISTRICT_PREFIXES.values() for p in prefixes]
        bare = [] if place in entries or place.isdigit() else [place]
        number = place.split()[-1]
        if number.isdigit():            # "Quận 10": "quận 10", "Q.10"; its name has no prefix to add
            prefixed = [place, f"{kind} {number}", f"{kind[0].upper()}.{number}", f"{kind[0].upper()}{number}"]
            bare = []
        entries[name] = Entry(name, "place", aliases=prefixed, context_aliases=bare, parent=province,
                              level="district", after_2025=row.get("after_2025"), place=place, division=kind,
                              became=list(row.get("became") or []))
    return entries


def _merge_hand_written(entries: dict[str, Entry], items: list, source: Path) -> None:
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or not item.get("name"):
            raise VocabularyError(f"{source}: mục thứ {number} thiếu 'name'")
        kind = item.get("kind", "topic")
        if kind not in KINDS:
            raise VocabularyError(f"{source}: mục '{item['name']}': loại '{kind}' không hợp lệ")
        name = normalise(item["name"])
        entry = entries.get(name) or entries.setdefault(name, Entry(name, kind, aliases=[name]))
        exact = [normalise(a) for a in item.get("aliases") or []]
        loose = [normalise(a) for a in item.get("any_case") or []]
        if any(not a for a in exact + loose):
            raise VocabularyError(f"{source}: mục '{name}' có cách viết rỗng")
        # A one-word lower-case spelling matched in any case would tag half the archive
        # (a YAML list split at a comma makes exactly that): refuse it.
        raw = [str(a).strip() for a in item.get("any_case") or []]
        common = [a for a in raw if len(a.split()) == 1 and a == a.lower() and not any(c.isdigit() for c in a)]
        if common:
            raise VocabularyError(f"{source}: mục '{name}': cách viết '{common[0]}' là một từ thường, "
                                  "sẽ gắn thẻ nhầm (đặt cụm có dấu phẩy trong ngoặc kép)")
        entry.aliases.extend(a for a in exact if a not in entry.aliases)
        entry.loose_aliases.extend(loose)
        if item.get("parent"):
            entry.parent = normalise(item["parent"])


@cache
def load(places: Path = PLACES, vocabulary: Path = VOCABULARY) -> Vocabulary:
    try:
        entries = _place_entries(yaml.load(places.read_text(encoding="utf-8"), Loader=_LOADER) or {})
        items = yaml.load(vocabulary.read_text(encoding="utf-8"), Loader=_LOADER) or []
    except (OSError, yaml.YAMLError) as exc:
        raise VocabularyError(f"không đọc được từ vựng thẻ: {exc}") from None
    _merge_hand_written(entries, items, vocabulary)
    return Vocabulary(entries)


@cache
def context_rules(path: Path = CONTEXT) -> dict:
    """``context.yaml``: person titles, and the words that make a place name part of another name."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise VocabularyError(f"không đọc được {path.name}: {exc}") from None
