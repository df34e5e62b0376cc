"""``newsarchive`` command line: ``main(argv)`` -> one module per subcommand.

Every error a user can cause ends as one clear Vietnamese line and an exit
code; no traceback reaches the terminal.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .commands import COMMANDS
from .commands.base import EXIT_FAILED, EXIT_USAGE, UsageError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsarchive", description="Kho lưu trữ tin tức: nhập, kiểm tra và tạo bài viết.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(f"newsarchive.commands.{name}").add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and EXIT_USAGE
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"newsarchive: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("newsarchive: đã dừng.", file=sys.stderr)
        return 130
    except OSError as exc:
        print(f"newsarchive: lỗi hệ thống tệp: {exc}", file=sys.stderr)
        return EXIT_FAILED
