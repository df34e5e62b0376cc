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
    ingest.add_argument("--given", type=Path, metavar="FILE.tsv",
                        help="bảng giá trị cho từng tệp (cột file, url, date, title, author, portal): "
                             "giá trị ghi tay thắng giá trị tìm thấy trên trang")
    ingest.add_argument("--todo", type=Path, metavar="FILE.tsv",
                        help="ghi bảng các tệp bị cách ly (lý do, giá trị đã thấy) để điền rồi chạy lại với --given")
    ingest.add_argument("--force", action="store_true", help="ghi đè cả bài đã được biên tập viên sửa")
    ingest.add_argument("--strict", action="store_true", help="thoát với mã 1 nếu có tệp bị cách ly")
    ingest.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..ingest import Options, run as run_batch
    from ..ingest.batch import collect
    from ..ingest.given import GivenError, load as load_given, unmatched, write_todo
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
    try:
        given = load_given(args.given) if args.given else {}
    except GivenError as exc:
        raise UsageError(str(exc)) from None
    for name in unmatched(given, collect(list(args.sources)), list(args.sources)):
        print(f"{args.given}: cảnh báo: không có tệp nào tên '{name}' trong các nguồn đã cho", file=sys.stderr)
    options = Options(portal=args.portal, default_date=args.default_date)
    if sys.stdout.isatty():
        from ..ingest.terminal import with_progress
        report = with_progress(lambda progress: run_batch(list(args.sources), args.content, options,
                                                          force=args.force, progress=progress, given=given))
    else:
        report = run_batch(list(args.sources), args.content, options, force=args.force, given=given)
    if args.todo:
        count = write_todo(report.inputs, list(args.sources), args.todo)
        print(f"{args.todo}: {count} tệp bị cách ly: điền giá trị còn thiếu rồi chạy lại với --given {args.todo}",
              file=sys.stderr)
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
    from ..ingest.terminal import media_line
    line = media_line(report)
    if line:
        print(line)
    if args.strict and counts["quarantined"]:
        return EXIT_FAILED
    return EXIT_OK
