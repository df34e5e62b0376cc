"""``newsarchive check [PATH...]``: article problems as ``path:line: message``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .base import EXIT_FAILED, EXIT_OK, UsageError


def add_parser(sub) -> None:
    check = sub.add_parser("check", help="kiểm tra bài viết trước khi đăng (lỗi và cảnh báo, kèm dòng)")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                       help="tệp hoặc thư mục cần kiểm tra (mặc định: cả thư mục content)")
    check.add_argument("--content", type=Path, default=Path("content"), metavar="DIR",
                       help="thư mục bài của cả kho, để tìm slug trùng và thẻ viết khác (mặc định: content)")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="text: mỗi lỗi một dòng 'tệp:dòng: thông báo'; json: cho máy đọc")
    check.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                       help="số tiến trình khi có nhiều tệp (mặc định: số nhân CPU)")
    check.add_argument("--cache", type=Path, metavar="FILE",
                       help="giữ kết quả từng bài trong tệp này; lần sau chỉ đọc lại bài đã sửa")
    check.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..check import run as check

    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        raise UsageError("không tìm thấy: " + ", ".join(missing))
    if not args.paths and not args.content.is_dir():
        raise UsageError(f"không có thư mục bài '{args.content}' (chạy lệnh ở thư mục gốc của kho)")
    report = check(args.paths or None, content=args.content, jobs=max(1, args.jobs), cache=args.cache)
    if args.format == "json":
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        for finding in report.findings:
            print(finding)
        print(f"Đã kiểm tra {report.files} tệp: {report.errors} lỗi, {report.warnings} cảnh báo.",
              file=sys.stderr)
    return EXIT_FAILED if report.errors else EXIT_OK
