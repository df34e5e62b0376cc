"""Stage 5: a few honest tags: the portal's place, bodies, party documents, topics.

Bodies and topics come from ``vocabulary.yaml`` (data); documents are found by
pattern and written in one canonical form ("Chỉ thị 42-CT/TU"). Only tags that
matter are kept: named in the title or lede, or mentioned repeatedly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from ..vietnamese import nfc
from .portals import Rules

VOCABULARY = Path(__file__).with_name("vocabulary.yaml")
MAX_TAGS = 8
MAX_DOCUMENTS = 5

DOCUMENT_TYPES = ("Chỉ thị", "Nghị quyết", "Kết luận", "Quyết định", "Quy định",
                  "Nghị định", "Thông tư", "Quy chế phối hợp")
_DOCUMENT = re.compile(
    r"\b(?P<type>" + "|".join(DOCUMENT_TYPES) + r")\s+(?:số\s+)?"
    r"(?P<num>\d{1,5})(?P<suffix>(?:[-/][0-9A-Za-zĐđ]+)*)(?![\w/-])",
)
_CODE = re.compile(r"[A-ZĐ]")


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    kind: str
    aliases: tuple[str, ...]


@cache
def vocabulary(path: Path = VOCABULARY) -> tuple[Entry, ...]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return tuple(
        Entry(nfc(item["name"]), item.get("kind", "topic"),
              tuple(nfc(a) for a in item.get("aliases") or [item["name"]]))
        for item in data
    )


def _count(alias: str, text: str) -> int:
    pattern = r"(?<!\w)" + re.escape(alias) + r"(?!\w)"
    return len(re.findall(pattern, text, flags=re.IGNORECASE))


def documents(text: str) -> list[str]:
    """Cited documents in canonical form, in order of first mention.

    A bare number ("Chỉ thị 22") folds into the full form ("Chỉ thị 22-CT/TU")
    of the same type and number when the article gives one.
    """
    full: dict[tuple[str, str], str] = {}
    order: list[tuple[str, str]] = []
    for match in _DOCUMENT.finditer(text):
        key = (match.group("type"), match.group("num"))
        suffix = match.group("suffix")
        if key not in order:
            order.append(key)
        if suffix and _CODE.search(suffix) and key not in full:
            full[key] = f"{key[0]} {key[1]}{suffix}"
    return [full.get(key, f"{key[0]} {key[1]}") for key in order]


def tag(title: str, lede: str, body: str, rules: Rules) -> list[str]:
    """Tags for one article, most telling first, at most MAX_TAGS."""
    text = f"{title}\n{body}"
    prominent = f"{title}\n{lede}"
    tags: list[str] = []
    if rules.province and (_count(rules.province, text) or _count("tỉnh", text)):
        tags.append(rules.province)
    if rules.district and _count(rules.district, text):
        tags.append(rules.district)
    tags.extend(documents(text)[:MAX_DOCUMENTS])
    for entry in vocabulary():
        aliases = [a.replace("{province}", rules.province or "tỉnh") for a in entry.aliases]
        mentions = sum(_count(alias, text) for alias in aliases)
        in_front = any(_count(alias, prominent) for alias in aliases)
        if mentions and (in_front or mentions >= 2) and entry.name not in tags:
            tags.append(entry.name)
    return tags[:MAX_TAGS]
