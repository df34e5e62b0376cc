"""``newsarchive ingest SOURCE...``: raw scrapes in, one article per input out."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path

from ..article import TIMEZONE
from .base import EXIT_FAILED, EXIT_OK, UsageError


def _parse_day(text: str) -> datetime:
    try:
        return datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=TIMEZONE)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ: {text!r} (cần dạng YYYY-MM-DD)") from None


def add_parser(sub) -> None:
    ingest = sub.add_parser("ingest", help="nhập các tệp thô thành bài viết Markdown")
    ingest.add_argument("sources", nargs="+", type=Path, metavar="SOURCE", help="tệp hoặc thư mục thô")
    ingest.add_argument("--content", type=Path, default=Path("content/articles"), metavar="DIR",
                        help="thư mục ghi bài (mặc định: content/articles)")
    ingest.add_argument("--portal", metavar="ID", help="áp dụng quy tắc của một cổng tin cụ thể")
    ingest.add_argument("--report", type=Path, metavar="FILE", help="ghi báo cáo JSON vào tệp")
    ingest.add_argument("--default-date", type=_parse_day, metavar="YYYY-MM-DD",
                        help="ngày dùng cho bài không tìm thấy ngày đăng")
    ingest.add_argument("--force", action="store_true", help="ghi đè cả bài đã được biên tập viên sửa")
    ingest.add_argument("--strict", action="store_true", help="thoát với mã 1 nếu có tệp bị cách ly")
    ingest.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..ingest import Options, run as run_batch
    from ..ingest.portals import RuleError, by_id, load_all

    missing = [str(s) for s in args.sources if not s.exists()]
    if missing:
        raise UsageError("không tìm thấy: " + ", ".join(missing))
    try:
        load_all()
    except RuleError as exc:
        raise UsageError(str(exc)) from None
    if args.portal and by_id(args.portal) is None:
        raise UsageError(f"không có quy tắc cho cổng tin '{args.portal}'")
    options = Options(portal=args.portal, default_date=args.default_date)
    if sys.stdout.isatty():
        from ..ingest.terminal import with_progress
        report = with_progress(lambda progress: run_batch(list(args.sources), args.content, options,
                                                          force=args.force, progress=progress))
    else:
        report = run_batch(list(args.sources), args.content, options, force=args.force)
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for entry in report.inputs:
        if entry.status == "quarantined":
            print(f"{entry.path}: cách ly: {entry.reason}", file=sys.stderr)
    counts = report.counts
    if sys.stdout.isatty():
        from ..ingest.terminal import print_summary
        print_summary(report)
        return EXIT_FAILED if args.strict and counts["quarantined"] else EXIT_OK
    print(f"Đã ghi {counts['written']}, không đổi {counts['unchanged']}, "
          f"trùng {counts['duplicate']}, cách ly {counts['quarantined']} / {counts['total']} tệp.")
    if args.strict and counts["quarantined"]:
        return EXIT_FAILED
    return EXIT_OK
