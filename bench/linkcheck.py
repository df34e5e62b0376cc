"""Check every internal link and asset of a built site, offline: ``make linkcheck``.

Serves the folder on a loopback port and runs LinkChecker over it from the home page
and the sitemap. External links are only syntax-checked (never fetched). Exits 0 when
nothing is broken, 1 with LinkChecker's report of each broken URL and the page that
links to it, 2 when the folder is not a built site.

    python bench/linkcheck.py [OUTPUT]     (default: output)
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

# A loopback server needs no politeness delay: LinkChecker waits 0.1-0.6 s between two
# requests to a host unless the host answers with a "LinkChecker" header, and then
# keeps to maxrequestspersecond.
CONFIG = "[checking]\nmaxrequestspersecond=1000\n"


class _Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("LinkChecker", "local")
        super().end_headers()

    def log_message(self, *args):
        pass


def check(site: Path, extra: list[str] | None = None) -> subprocess.CompletedProcess:
    handler = functools.partial(_Handler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with tempfile.NamedTemporaryFile("w", suffix=".rc", encoding="utf-8") as config:
        config.write(CONFIG)
        config.flush()
        command = [sys.executable, "-m", "linkcheck", "-f", config.name, "--no-status", "--no-warnings",
                   "--no-robots", "--timeout", "20", *(extra or []), f"{base}/", f"{base}/sitemap.xml"]
        try:
            return subprocess.run(command, capture_output=True, text=True)
        finally:
            server.shutdown()
            server.server_close()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    site = Path(args[0] if args else "output")
    if not (site / "index.html").is_file():
        print(f"{site}: không có trang đã dựng (chạy 'make html' trước)", file=sys.stderr)
        return 2
    result = check(site)
    if result.returncode == 0:
        print(f"{site}: không có liên kết hỏng.")
        return 0
    print(result.stdout + result.stderr, end="")
    print(f"{site}: có liên kết hỏng hoặc tệp thiếu (xem trên).", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
