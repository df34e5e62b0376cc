"""``newsarchive tags``: how the archive's tags are spelled and used, to clean the vocabulary.

Three lists: every tag with its article count; near-duplicates (tags that are
the same once folded: no tone marks, đ -> d, any case) and tags not in their
canonical spelling; tags used by one article only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from ..frontmatter import FrontMatterError, parse
from .base import EXIT_OK, UsageError


def add_parser(sub) -> None:
    tags = sub.add_parser("tags", help="thống kê thẻ: số bài, thẻ gần trùng, thẻ chỉ dùng một lần")
    tags.add_argument("--content", type=Path, default=Path("content/articles"), metavar="DIR",
                      help="thư mục bài viết (mặc định: content/articles)")
    tags.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    tags.set_defaults(func=run)


def read_tags(content: Path) -> tuple[Counter, int, list[str]]:
    """Tag counts as written, number of articles read, and problems (path:line: message)."""
    counts: Counter = Counter()
    articles, problems = 0, []
    for path in sorted(content.rglob("*.md")):
        try:
            doc = parse(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            problems.append(f"{path}:1: tệp không phải UTF-8")
            continue
        except FrontMatterError as exc:
            problems.append(f"{path}:{exc.line}: {exc.message}")
            continue
        tags = doc.meta.get("tags")
        if not isinstance(tags, list):
            continue
        articles += 1
        counts.update(set(str(t).strip() for t in tags if str(t).strip()))
    return counts, articles, problems


def report(counts: Counter) -> dict:
    from ..tags import canonical
    from ..vietnamese import fold

    groups: dict[str, list[str]] = defaultdict(list)
    for tag in counts:
        groups[" ".join(fold(tag).split())].append(tag)
    near = [sorted(group, key=lambda t: -counts[t]) for group in groups.values() if len(group) > 1]
    respell = {tag: canonical(tag) for tag in counts if canonical(tag) != tag}
    return {
        "counts": dict(sorted(counts.items(), key=lambda item: (-item[1], item[0]))),
        "near_duplicates": sorted(near),
        "not_canonical": dict(sorted(respell.items())),
        "used_once": sorted(tag for tag, n in counts.items() if n == 1),
    }


def print_report(data: dict, articles: int) -> None:
    counts = data["counts"]
    print(f"{len(counts)} thẻ trong {articles} bài viết.")
    for tag, n in counts.items():
        print(f"{n:6}  {tag}")
    print(f"\nThẻ gần trùng (giống nhau khi bỏ dấu và chữ hoa): {len(data['near_duplicates'])}")
    for group in data["near_duplicates"]:
        print("  " + " ~ ".join(f"{tag} ({counts[tag]})" for tag in group))
    print(f"\nThẻ chưa theo cách viết chuẩn: {len(data['not_canonical'])}")
    for tag, right in data["not_canonical"].items():
        print(f"  {tag} → {right}")
    print(f"\nThẻ chỉ dùng một lần: {len(data['used_once'])}")
    for tag in data["used_once"]:
        print(f"  {tag}")


def run(args: argparse.Namespace) -> int:
    if not args.content.is_dir():
        raise UsageError(f"không tìm thấy thư mục bài viết: {args.content}")
    counts, articles, problems = read_tags(args.content)
    for problem in problems:
        print(problem, file=sys.stderr)
    from ..tags.vocabulary import VocabularyError

    try:
        data = report(counts)
    except VocabularyError as exc:
        raise UsageError(str(exc)) from None
    if args.json:
        print(json.dumps({"articles": articles, **data}, ensure_ascii=False, indent=2))
    else:
        print_report(data, articles)
    return EXIT_OK
