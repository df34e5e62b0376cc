"""Precision and recall of automatic tags against a hand-labelled set, per kind.

The labelled file (``tests/fixtures/tagging/labelled.yaml``) holds real articles
with the tags a reader expects, by kind. ``bench/tagging.py`` prints the table;
a test holds the scores above a floor that can only rise.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .documents import canonical_document
from .tagger import tag_article
from .vocabulary import load

KINDS = ("place", "document", "organisation", "topic")


@dataclass(slots=True)
class Score:
    true_positive: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    expected: Counter = field(default_factory=Counter)
    misses: list[tuple[str, str]] = field(default_factory=list)       # (article, tag) expected, not found
    extras: list[tuple[str, str]] = field(default_factory=list)       # (article, tag) found, not expected
    tags_per_article: list[int] = field(default_factory=list)

    def precision(self, kind: str) -> float:
        return self.true_positive[kind] / self.predicted[kind] if self.predicted[kind] else 1.0

    def recall(self, kind: str) -> float:
        return self.true_positive[kind] / self.expected[kind] if self.expected[kind] else 1.0


def kind_of(tag: str) -> str:
    if canonical_document(tag) == tag:
        return "document"
    entry = load().entries.get(tag)
    return entry.kind if entry else "unknown"


def load_labelled(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def evaluate(items: list[dict]) -> Score:
    score = Score()
    for item in items:
        name = f"{item['source']}:{item['line']}"
        found = tag_article(item["title"], item["lede"], item["body"])
        score.tags_per_article.append(len(found))
        expected = {kind: set(item["tags"].get(kind) or []) for kind in KINDS}
        for tag in found:
            kind = kind_of(tag)
            score.predicted[kind] += 1
            if tag in expected.get(kind, ()):
                score.true_positive[kind] += 1
            else:
                score.extras.append((name, tag))
        for kind, tags in expected.items():
            score.expected[kind] += len(tags)
            score.misses += [(name, tag) for tag in sorted(tags) if tag not in found]
    return score
