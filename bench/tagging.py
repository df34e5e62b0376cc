"""Precision and recall of automatic tagging against the hand-labelled articles, per set and kind.

    .venv/bin/python bench/tagging.py                    # every set: old (41), tuning, checking
    .venv/bin/python bench/tagging.py --errors tuning    # and every miss and extra of one set (not checking)
    .venv/bin/python bench/tagging.py --speed 5000       # also: the tagger's cost per article on corpus text

The sets are tests/fixtures/tagging/{labelled,tuning,checking}.yaml (real articles from ../shared/corpus).
The checking half is only ever measured, never read: --errors refuses it.
Goals (issue 22), checking half: precision >= 0.95 overall; recall >= 0.9 for places and documents, >= 0.85
for bodies. Speed is CPU time (user + sys of this process), since other work shares the machine.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsarchive.tags.evaluation import KINDS, SETS, evaluate, load_labelled  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "magizbox_baomoi_2017.jsonl.xz"
NEVER_SHOWN = {"checking"}


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def speed(count: int) -> None:
    """Tag ``count`` real articles (baomoi 2017) and report CPU and wall time per article."""
    import json
    import lzma

    from newsarchive.tags import tag_article

    articles = []
    with lzma.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("body"):        # as ingest gives it: the lede is the body's first paragraph
                articles.append((record["title"], record["body"].split("\n", 1)[0], record["body"]))
            if len(articles) == count:
                break
    tag_article("Khởi động", "", "")          # vocabulary and matchers loaded outside the measurement
    cpu, wall = cpu_seconds(), time.perf_counter()
    tagged = [tag_article(title, lede, body) for title, lede, body in articles]
    cpu, wall = cpu_seconds() - cpu, time.perf_counter() - wall
    sizes = [len(t) for t in tagged]
    print(f"speed: {len(articles)} corpus articles, CPU {cpu:.2f} s = {cpu / len(articles) * 1e3:.2f} ms/article "
          f"= {len(articles) / cpu:.0f} articles/s of CPU (wall {wall:.2f} s); tags per article: median "
          f"{statistics.median(sizes)}, max {max(sizes)}, none {sum(1 for s in sizes if not s)}")


def table(name: str, items: list[dict], errors: bool) -> None:
    score = evaluate(items)
    counts = score.tags_per_article
    print(f"\n{name}: {len(items)} articles, {len({i['source'] for i in items})} sources; tags per article "
          f"median {statistics.median(counts)}, max {max(counts)}")
    print(f"{'kind':<14}{'precision':>10}{'recall':>8}{'found':>7}{'right':>7}{'labelled':>9}")
    for kind in (*KINDS, None):
        print(f"{kind or 'all':<14}{score.precision(kind):>10.3f}{score.recall(kind):>8.3f}"
              f"{sum(score.predicted.values()) if kind is None else score.predicted[kind]:>7}"
              f"{sum(score.true_positive.values()) if kind is None else score.true_positive[kind]:>7}"
              f"{sum(score.expected.values()) if kind is None else score.expected[kind]:>9}")
    if errors:
        for article, tag in score.misses:
            print(f"  miss  {article}: {tag}")
        for article, tag in score.extras:
            print(f"  extra {article}: {tag}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", metavar="SET", help=f"sets to measure ({', '.join(SETS)}); default all")
    parser.add_argument("--errors", action="store_true", help="list every miss and extra (not for checking)")
    parser.add_argument("--labelled", type=Path, help="another labelled file instead of the sets")
    parser.add_argument("--speed", type=int, metavar="N", help="also tag N corpus articles and report the cost")
    args = parser.parse_args(argv)
    chosen = {"file": args.labelled} if args.labelled else {n: SETS[n] for n in (args.sets or SETS)}
    if args.errors and (NEVER_SHOWN & set(chosen) or args.labelled and "checking" in args.labelled.name):
        parser.error("--errors never shows the checking half: name the sets to list (old, tuning)")
    for name, path in chosen.items():
        if path.exists():
            table(name, load_labelled(path), args.errors)
        else:
            print(f"\n{name}: {path} not there yet")
    if args.speed:
        speed(args.speed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
