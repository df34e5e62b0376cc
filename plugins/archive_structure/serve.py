"""`make serve`: the built site on a loopback port, answered as a static host answers it.

A missing page gets the site's own ``404.html`` (Vietnamese, status 404) instead of Python's
English "Error response"; the manifest and the service worker get their media types. With
``compress`` (``bench/audit.py``, which serves like GitHub Pages) text files go gzip-compressed.

    python -m plugins.archive_structure.serve output [--port 8000] [--bind 127.0.0.1]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import sys
from pathlib import Path

NOT_FOUND = "404.html"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".webmanifest": "application/manifest+json", ".js": "text/javascript",
                      ".json": "application/json", ".svg": "image/svg+xml", ".woff2": "font/woff2"}
    compress = False
    server_logs = False
    COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest")

    def log_message(self, format, *args):
        if self.server_logs:
            super().log_message(format, *args)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / NOT_FOUND
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_head(self):
        if not self.compress or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()   # the base class redirects /dir to /dir/
            path = path / "index.html"
        if not (path.is_file() and path.suffix in self.COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def server(folder: Path, port: int = 0, bind: str = "127.0.0.1", handler=SiteHandler) -> http.server.ThreadingHTTPServer:
    return http.server.ThreadingHTTPServer((bind, port), functools.partial(handler, directory=str(folder)))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--bind", default="127.0.0.1")
    args = parser.parse_args(argv)
    if not (args.folder / "index.html").is_file():
        print(f"{args.folder}: chưa có trang nào (chạy make html trước)", file=sys.stderr)
        return 1
    SiteHandler.server_logs = True
    try:
        site = server(args.folder, args.port, args.bind)
    except OSError as error:
        print(f"Không mở được cổng {args.bind}:{args.port}: {error.strerror}", file=sys.stderr)
        return 1
    print(f"Trang đang chạy ở http://{args.bind}:{args.port}/ (Ctrl+C để dừng)", flush=True)
    try:
        site.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        site.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
