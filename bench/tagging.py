"""Precision and recall of automatic tagging against the hand-labelled articles, per kind.

    .venv/bin/python bench/tagging.py            # table
    .venv/bin/python bench/tagging.py --errors   # and every miss and extra
    .venv/bin/python bench/tagging.py --speed 5000   # also: articles per second on real corpus text

The labelled set is tests/fixtures/tagging/labelled.yaml (real articles from ../shared/corpus).
Goal from the issue: precision >= 0.9 and recall >= 0.8 for places and documents.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsarchive.tags.evaluation import KINDS, evaluate, load_labelled  # noqa: E402

LABELLED = ROOT / "tests" / "fixtures" / "tagging" / "labelled.yaml"
CORPUS = ROOT.parent / "shared" / "corpus" / "magizbox_baomoi_2017.jsonl.xz"


def speed(count: int) -> None:
    """Tag ``count`` real articles (baomoi 2017) and report the rate."""
    import json
    import lzma

    from newsarchive.tags import tag_article

    articles = []
    with lzma.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("body"):
                articles.append((record["title"], record.get("description") or "", record["body"]))
            if len(articles) == count:
                break
    started = time.perf_counter()
    tagged = [tag_article(title, lede, body) for title, lede, body in articles]
    elapsed = time.perf_counter() - started
    sizes = [len(t) for t in tagged]
    print(f"speed: {len(articles)} corpus articles in {elapsed:.1f} s = {len(articles) / elapsed:.0f} articles/s; "
          f"tags per article: median {statistics.median(sizes)}, max {max(sizes)}, "
          f"none {sum(1 for s in sizes if not s)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list every miss and extra tag")
    parser.add_argument("--labelled", type=Path, default=LABELLED)
    parser.add_argument("--speed", type=int, metavar="N", help="also tag N corpus articles and report the rate")
    args = parser.parse_args(argv)
    items = load_labelled(args.labelled)
    started = time.perf_counter()
    score = evaluate(items)
    elapsed = time.perf_counter() - started
    print(f"{len(items)} labelled articles, tagged in {elapsed:.2f} s")
    print(f"{'kind':<14}{'precision':>10}{'recall':>8}{'found':>7}{'right':>7}{'labelled':>9}")
    for kind in KINDS:
        print(f"{kind:<14}{score.precision(kind):>10.3f}{score.recall(kind):>8.3f}"
              f"{score.predicted[kind]:>7}{score.true_positive[kind]:>7}{score.expected[kind]:>9}")
    counts = score.tags_per_article
    print(f"tags per article: median {statistics.median(counts)}, min {min(counts)}, max {max(counts)}")
    if args.errors:
        for name, tag in score.misses:
            print(f"  miss  {name}: {tag}")
        for name, tag in score.extras:
            print(f"  extra {name}: {tag}")
    if args.speed:
        speed(args.speed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
