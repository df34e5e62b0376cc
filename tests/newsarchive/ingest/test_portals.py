"""The hand-labelled portal pages (tests/fixtures/portals/, SOURCES.md there).

The tuning half is held to every field of every page. The checking half is only measured: its
share of pages fully right and its per-field accuracy stay above the floors below, the numbers
measured when they were set. They may only rise; when ingest gets better, raise them to the
new numbers (``bench/portals.py`` prints them). Failures report aggregate numbers only: the
checking half is never looked at page by page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.ingest.evaluation import FIELDS, compare, evaluate, ingest_page, load_labels

PORTALS = Path(__file__).resolve().parents[2] / "fixtures" / "portals"
TUNING = load_labels(PORTALS / "tuning")
# Measured on the checking half (commit 5386628): share of pages fully right, per-field accuracy, and
# author and date as read on every page labelled an article, published or not ("read_*").
CHECKING_FLOOR = {"pages": 0.737, "status": 0.947, "reason": 0.833, "title": 0.875, "date": 0.875,
                  "author": 0.750, "portal_name": 0.500, "category": 0.875, "must_contain": 0.875,
                  "must_not_contain": 0.500, "read_author": 0.867, "read_date": 0.967}


def test_the_halves_are_split_by_site():
    checking = load_labels(PORTALS / "checking")
    assert len(TUNING) >= 40 and len(checking) >= 35
    assert not {label["site"] for _, label in TUNING} & {label["site"] for _, label in checking}
    assert len({label["site"] for _, label in TUNING + checking}) >= 40


@pytest.mark.parametrize("path, label", TUNING, ids=[path.name.removesuffix("-excerpt.txt") for path, _ in TUNING])
def test_tuning_page_is_right_in_every_field(path, label):
    result, errors = compare(label, ingest_page(path, label))
    assert all(result.values()), errors


def test_checking_half_stays_above_its_floor():
    score = evaluate(PORTALS / "checking")
    measured = {"pages": round(score.share, 3), **{f: round(score.accuracy(f), 3) for f in FIELDS},
                **{f"read_{f}": round(score.seen_right[f] / score.seen[f], 3) for f in score.seen}}
    below = {name: (measured[name], floor) for name, floor in CHECKING_FLOOR.items() if measured[name] < floor}
    assert not below, f"checking half below its floor (measured, floor): {below}"
