"""Which place an old name became: one Vietnamese sentence for a place's tag page.

From ``places.yaml`` (the dataset's merger tables): a province that joined another on 1/7/2025, one
that took others in, a district (the level was abolished then) and the communes and wards that took
its area. Tags of places that did not change, and every other tag, have none.
"""

from __future__ import annotations

from functools import cache

from .vocabulary import Entry, Vocabulary, load

MERGED = "1/7/2025"
UNTIL = "30/6/2025"
MOST_UNITS = 12          # a district's new communes listed on its page, those that took most first


def _named(entry: Entry) -> str:
    """'tỉnh Lào Cai', 'thành phố Đà Nẵng', 'Thành phố Hồ Chí Minh'."""
    if entry.name.startswith("Thành phố "):
        return entry.name
    return f"{entry.division or 'tỉnh'} {entry.name}"


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} và {names[-1]}"


def place_note(name: str, vocabulary: Vocabulary | None = None) -> str | None:
    """'Tỉnh Yên Bái (đến 30/6/2025): từ 1/7/2025 là một phần của tỉnh Lào Cai.', or None."""
    vocabulary = vocabulary or load()
    entry = vocabulary.entries.get(name)
    if entry is None or entry.kind != "place" or entry.level is None:
        return None
    return (_district_note if entry.level == "district" else _province_note)(entry, vocabulary)


def _province_note(entry: Entry, vocabulary: Vocabulary) -> str | None:
    after = entry.after_2025
    targets = [after] if isinstance(after, str) else list(after or [])
    named = _named(entry)
    named = named[0].upper() + named[1:]
    if targets and targets != [entry.name]:
        went = _joined([_named(vocabulary.entries[t]) for t in targets if t in vocabulary.entries])
        verb = "là một phần của" if len(targets) == 1 else "được chia về"
        return f"{named} (đến {UNTIL}): từ {MERGED} {verb} {went}."
    absorbed = _absorbed(vocabulary).get(entry.name, [])
    if absorbed:
        return f"Từ {MERGED}, {_named(entry)} gồm cả {_joined([f'{_named(e)} cũ' for e in absorbed])}."
    return None


def _district_note(entry: Entry, vocabulary: Vocabulary) -> str:
    province = vocabulary.entries.get(entry.parent or "")
    where = f" thuộc {_named(province)}" if province else ""
    division = (entry.division or "huyện").capitalize()
    named = entry.place if entry.place.startswith(division) else f"{division} {entry.place}"     # "Quận 10"
    head = f"{named}{where} đến {UNTIL}; từ {MERGED} không còn cấp huyện"
    after = entry.after_2025
    targets = [after] if isinstance(after, str) else list(after or [])
    now = _joined([_named(vocabulary.entries[t]) for t in targets if t in vocabulary.entries])
    if not entry.became:
        return f"{head}, địa bàn nay thuộc {now}." if now else f"{head}."
    units = entry.became[:MOST_UNITS] + (["…"] if len(entry.became) > MOST_UNITS else [])
    return f"{head}: địa bàn nay là {', '.join(units)}" + (f" ({now})." if now else ".")


@cache
def _absorbed(vocabulary: Vocabulary) -> dict[str, list[Entry]]:
    """New province -> the old provinces that joined it whole or in part (not itself)."""
    found: dict[str, list[Entry]] = {}
    for entry in vocabulary.entries.values():
        if entry.kind == "place" and entry.level == "province":
            after = entry.after_2025
            for target in [after] if isinstance(after, str) else list(after or []):
                if target != entry.name:
                    found.setdefault(target, []).append(entry)
    return found
