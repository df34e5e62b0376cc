"""Page-level accuracy of ingest on the hand-labelled portal pages, both halves.

For each half of ``tests/fixtures/portals/`` (split once by site): the share of pages with every
field right, the accuracy of each field, and the classes of error counted
(``newsarchive.ingest.evaluation`` says what is compared and how). Pages are ingested with the
URL the crawl recorded for them (``--given`` passes such a list), and the share is printed
again for the text alone.

    .venv/bin/python bench/portals.py            # both halves, aggregate numbers
    .venv/bin/python bench/portals.py --show     # and what is wrong on each tuning page

The checking half is only ever measured: its pages are never printed one by one (``--show``
applies to the tuning half alone), so rules are changed looking at the tuning half only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsarchive.ingest.evaluation import FIELDS, evaluate, ingest_text_only  # noqa: E402

PORTALS = ROOT / "tests" / "fixtures" / "portals"


def report(name: str, folder: Path, show: bool) -> None:
    score = evaluate(folder, keep_pages=show)
    print(f"{name}: {score.right}/{score.pages} pages fully right = {score.share:.1%}")
    print("  " + "  ".join(f"{f} {score.accuracy(f):.1%} ({score.correct[f]}/{score.fields[f]})"
                           for f in FIELDS if score.fields[f]))
    print("  read on every page labelled an article, published or not: " + "  ".join(
        f"{f} {score.seen_right[f]}/{score.seen[f]} = {score.seen_right[f] / score.seen[f]:.1%}" for f in score.seen))
    if score.author_case_only:
        print(f"  authors right only without letter case: {score.author_case_only}")
    if score.errors:
        print("  errors: " + ", ".join(f"{kind} {count}" for kind, count in score.errors.most_common()))
    bare = evaluate(folder, run=ingest_text_only)
    print(f"  the text alone, without the crawl's URL: {bare.right}/{bare.pages} = {bare.share:.1%}")
    for page, errors, outcome in score.wrong_pages:
        print(f"    {page}: {'; '.join(errors)}")
        print(f"      got: written={outcome.written} reason={outcome.reason} title={outcome.title!r} "
              f"date={outcome.date} author={outcome.author!r} portal={outcome.portal_name!r} "
              f"category={outcome.category!r}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="what is wrong on each page of the tuning half")
    parser.add_argument("--folder", type=Path, default=PORTALS, help="holds tuning/ and checking/")
    parser.add_argument("--half", choices=("tuning", "checking"), help="measure one half only")
    args = parser.parse_args(argv)
    for half in [args.half] if args.half else ("tuning", "checking"):
        folder = args.folder / half
        if not any(folder.glob("*.yaml")):
            print(f"{half}: no labelled pages in {folder}")
            continue
        report(half, folder, show=args.show and half == "tuning")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
