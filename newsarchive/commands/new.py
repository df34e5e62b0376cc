"""``newsarchive new --title "..."``: create an article file to fill in; prints its path."""

from __future__ import annotations

import argparse
from pathlib import Path

from .base import EXIT_OK, UsageError


def add_parser(sub) -> None:
    new = sub.add_parser("new", help="tạo tệp bài viết mới (ngày giờ hiện tại, slug từ tiêu đề)")
    new.add_argument("--title", required=True, help="tiêu đề bài")
    new.add_argument("--author", help="tác giả")
    new.add_argument("--tags", default="", help="các thẻ, cách nhau bằng dấu phẩy: \"An Giang, Tỉnh ủy\"")
    new.add_argument("--category", help="chuyên mục")
    new.add_argument("--content", type=Path, default=Path("content/articles"), metavar="DIR",
                     help="thư mục bài (mặc định: content/articles)")
    new.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..new import NewArticleError, create

    try:
        path = create(args.title, args.content, author=args.author, tags=args.tags.split(","),
                      category=args.category)
    except NewArticleError as exc:
        raise UsageError(str(exc)) from None
    print(path)
    return EXIT_OK
