"""How long ``newsarchive check`` takes on a large archive.

Writes N synthetic article files (real Vietnamese bodies from
``../shared/corpus/magizbox_baomoi_2017.jsonl.xz``, rendered by the archive's
own ``render``) under ``bench/work/check-N/content``, then times
``newsarchive check`` on all of it in a fresh process (the files were just
written, so they are in the page cache),
with one process and with every core, then with ``--cache`` (filled, then warm). Dates run two hours apart from 2015, so
the newest ~48,000 lie in the future: the warning path is exercised too.

    .venv/bin/python bench/check_scale.py --articles 100000
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import resource
import subprocess
import sys
import time
from datetime import datetime, timedelta
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "magizbox_baomoi_2017.jsonl.xz"
sys.path.insert(0, str(ROOT))

from newsarchive.article import TIMEZONE, Article, render  # noqa: E402
from newsarchive.vietnamese import slugify  # noqa: E402

TAGS = ["An Giang", "Tỉnh ủy", "UBND tỉnh", "Chuyển đổi số", "COVID-19", "Hội Liên hiệp Phụ nữ", "Tỉnh đoàn"]


def bodies(limit: int) -> list[tuple[str, str]]:
    out = []
    with lzma.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if item.get("body") and item.get("title"):
                out.append((" ".join(item["title"].split()), item["body"].strip()[:6000]))
            if len(out) >= limit:
                break
    return out


def write_archive(content: Path, count: int) -> None:
    start = datetime(2015, 1, 1, 7, 0, tzinfo=TIMEZONE)
    for number, (title, body) in enumerate(islice(cycle(bodies(min(count, 35000))), count)):
        slug = f"{slugify(title, 60) or 'bai'}-{number}"
        article = Article(title=title, date=start + timedelta(hours=2 * number), slug=slug, portal="bench",
                          body=body, tags=TAGS[number % 5: number % 5 + 3])
        path = content / "articles" / article.relative_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(article), encoding="utf-8")


def time_check(content: Path, jobs: int, cache: Path | None = None) -> dict:
    state = "warm" if cache and cache.exists() else ("filled" if cache else "none")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "newsarchive", "check", "--content", str(content),
                             "--format", "json", "--jobs", str(jobs), *(["--cache", str(cache)] if cache else [])], cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    report = json.loads(result.stdout)
    return {"jobs": jobs, "cache": state,
            "seconds": round(elapsed, 2), "files": report["files"], "errors": report["errors"],
            "warnings": report["warnings"], "cpu_seconds": round(after.ru_utime + after.ru_stime
                                                                 - before.ru_utime - before.ru_stime, 2),
            "peak_rss_mb": round(after.ru_maxrss / 1024)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10000)
    args = parser.parse_args()
    content = ROOT / "bench" / "work" / f"check-{args.articles}" / "content"
    if not (content / "articles").is_dir():
        started = time.perf_counter()
        write_archive(content, args.articles)
        print(f"wrote {args.articles} articles in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    for jobs in (1, os.cpu_count() or 1):
        print(json.dumps({"articles": args.articles, **time_check(content, jobs)}))
    cache = content.parent / "check-cache.json"
    cache.unlink(missing_ok=True)
    for _ in range(2):   # the first run fills the cache, the second reads it (a commit changes few files)
        print(json.dumps({"articles": args.articles, **time_check(content, 1, cache)}))


if __name__ == "__main__":
    main()
