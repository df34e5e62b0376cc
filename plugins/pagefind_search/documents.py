"""The documents the archive's articles cite, for "did you mean" when a document number finds nothing.

Each article's tags of kind document (``article.documents``, set by the ``tag_vocabulary`` plugin in
their canonical form, "Chỉ thị 42-CT/TU") are counted. A document query's results come from the index
itself (the tags are indexed with the article, so every spelling the tagger canonicalised is found by
the canonical number); this list only offers the nearest real documents when a number is in no article.

The list is cut into buckets so a query fetches a few hundred names, not all of them: by the number
("67" of "67/2014/NĐ-CP", for a wrong year or code) and by the code ("2014/NĐ-CP", for a wrong number),
``documents/n<i>.json`` and ``documents/c<i>.json``, each ``[[name, articles], ...]``. The browser finds
a bucket with the same ``bucket_of`` (search-text.js's ``bucketOf``).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from newsarchive.vietnamese import fold

SUBDIR = "documents"
PER_BUCKET = 300
# "Nghị định 67/2014/NĐ-CP" -> number "67", code "/2014/NĐ-CP"; "Chỉ thị 42-CT/TU" -> "42", "-CT/TU".
_NUMBER = re.compile(r"(\d+)((?:[-/][0-9A-Za-zÀ-ỹĐđ&]+)*)")


def parts(name: str) -> tuple[str, str] | None:
    """(number, code folded to letters and digits) of a document's name; None without a number."""
    found = _NUMBER.search(name)
    if not found:
        return None
    code = "".join(c for c in fold(found.group(2)) if c.isalnum())
    return str(int(found.group(1))), code


def fnv1a(text: str) -> int:
    """32-bit FNV-1a over UTF-16 code units: the same number in Python and in the browser."""
    value, data = 0x811C9DC5, text.encode("utf-16-le")
    for i in range(0, len(data), 2):
        value = ((value ^ (data[i] | data[i + 1] << 8)) * 0x01000193) & 0xFFFFFFFF
    return value


def write_documents(folder: Path, articles) -> dict | None:
    """Write the buckets; return the manifest's ``documents`` entry (None: no article cites any)."""
    counts = Counter(document.name for article in articles for document in getattr(article, "documents", []) or [])
    named = sorted((name, count, parts(name)) for name, count in counts.items())
    named = [(name, count, found) for name, count, found in named if found]
    if not named:
        return None
    buckets = max(1, -(-len(named) // PER_BUCKET))
    files: dict[str, list] = {}
    for name, count, (number, code) in named:
        files.setdefault(f"n{fnv1a(number) % buckets}", []).append([name, count])
        if code:
            files.setdefault(f"c{fnv1a(code) % buckets}", []).append([name, count])
    target = folder / SUBDIR
    target.mkdir(parents=True, exist_ok=True)
    for stem, entries in files.items():
        (target / f"{stem}.json").write_text(json.dumps(entries, ensure_ascii=False, separators=(",", ":")),
                                             encoding="utf-8")
    return {"path": f"{SUBDIR}/", "buckets": buckets, "files": sorted(files)}
