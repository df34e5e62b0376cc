"""Vietnamese alphabetical order and tag kinds for the tag index.

Sorting uses ICU's Vietnamese collation (PyICU, from the ``pyicu-wheels``
wheel): letters a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
each tone ordered ngang, huyền, hỏi, ngã, sắc, nặng (a à ả ã á ạ), case last.
Python's code-point order would put "Đảng" after "Zalo" and "Ăn" after "Ư".
"""

from __future__ import annotations

import unicodedata
from functools import cache

import icu

from newsarchive.tags import vocabulary
from newsarchive.tags.documents import is_document

# Kind id -> heading on /tags/, in the order the headings appear.
KIND_HEADINGS = {
    "document": "Văn bản",
    "organisation": "Cơ quan, tổ chức",
    "place": "Địa danh",
    "topic": "Chủ đề",
    "other": "Khác",
}


@cache
def _collator():
    collator = icu.Collator.createInstance(icu.Locale("vi"))
    collator.setAttribute(icu.UCollAttribute.NORMALIZATION_MODE, icu.UCollAttributeValue.ON)
    return collator


def sort_key(text: str) -> bytes:
    """Vietnamese collation key; ties between equal-looking strings go by code points."""
    return _collator().getSortKey(unicodedata.normalize("NFC", str(text))) + str(text).encode()


def vi_sorted(items, key=str) -> list:
    return sorted(items, key=lambda item: sort_key(key(item)))


def tag_kind(name: str) -> str:
    """'document', 'organisation', 'place', 'topic' or 'other' (from newsarchive.tags)."""
    if is_document(name):
        return "document"
    kind = vocabulary().kind_of(name) or "other"
    return kind if kind in KIND_HEADINGS else "other"


def grouped_tags(tags) -> list[tuple[str, list]]:
    """[(heading, [(tag, articles) in Vietnamese order])] for the kinds present."""
    groups: dict[str, list] = {kind: [] for kind in KIND_HEADINGS}
    for tag, articles in tags:
        groups[tag_kind(tag.name)].append((tag, articles))
    return [(KIND_HEADINGS[kind], vi_sorted(members, key=lambda pair: pair[0].name))
            for kind, members in groups.items() if members]
