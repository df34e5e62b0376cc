"""Precision and recall of automatic tags against hand-labelled sets, per kind.

Three labelled files in ``tests/fixtures/tagging/`` (real corpus articles, tags by a person reading them):
``labelled.yaml`` (41 articles the tagger was first tuned on), ``tuning.yaml`` and ``checking.yaml`` (the
issue-22 set, split once by a hash of source and line; rules are written reading the tuning half only).
``bench/tagging.py`` prints the table; a test holds the scores above a floor that can only rise.

Each article is tagged as of its date: the record's ``date`` when the file gives one, else the year in the
corpus file's name (``leduchuy20_24h_2026`` holds 2026 articles: after the 1/7/2025 merger, so no districts).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from .tagger import tagged

KINDS = ("place", "document", "organisation", "topic")
FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "tagging"
SETS = {"old": FIXTURES / "labelled.yaml", "tuning": FIXTURES / "tuning.yaml", "checking": FIXTURES / "checking.yaml"}
_YEAR = re.compile(r"_((?:19|20)\d\d)$")


@dataclass(slots=True)
class Score:
    true_positive: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    expected: Counter = field(default_factory=Counter)
    misses: list[tuple[str, str]] = field(default_factory=list)       # (article, tag) expected, not found
    extras: list[tuple[str, str]] = field(default_factory=list)       # (article, tag) found, not expected
    tags_per_article: list[int] = field(default_factory=list)

    def precision(self, kind: str | None = None) -> float:
        right, found = self._sum(self.true_positive, kind), self._sum(self.predicted, kind)
        return right / found if found else 1.0

    def recall(self, kind: str | None = None) -> float:
        right, labelled = self._sum(self.true_positive, kind), self._sum(self.expected, kind)
        return right / labelled if labelled else 1.0

    @staticmethod
    def _sum(counts: Counter, kind: str | None) -> int:
        return counts[kind] if kind else sum(counts.values())


def load_labelled(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def article_date(item: dict) -> date | None:
    if item.get("date"):
        return date.fromisoformat(str(item["date"])[:10])
    year = _YEAR.search(str(item.get("source", "")))
    return date(int(year[1]), 1, 1) if year else None


def evaluate(items: list[dict]) -> Score:
    score = Score()
    for item in items:
        name = f"{item['source']}:{item['line']}"
        found = tagged(item["title"], item["lede"], item["body"], date=article_date(item))
        score.tags_per_article.append(len(found))
        expected = {kind: set(item["tags"].get(kind) or []) for kind in KINDS}
        names = {tag for tag, _ in found}
        for tag, kind in found:
            score.predicted[kind] += 1
            if tag in expected.get(kind, ()):
                score.true_positive[kind] += 1
            else:
                score.extras.append((name, tag))
        for kind, tags in expected.items():
            score.expected[kind] += len(tags)
            score.misses += [(name, tag) for tag in sorted(tags) if tag not in names]
    return score
