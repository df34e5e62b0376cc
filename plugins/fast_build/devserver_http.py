"""The devserver's own process: it watches the sources and serves the output folder.

Kept apart from the build process so that the build has no thread of its own (fast_build
forks only a process without other threads) and so that pages are served while a build
runs. It tells the build what changed through a pipe, and reads what the build says in
the state file (``state_path``, JSON beside the output, never in it):
``{"build": n, "busy": bool, "errors": {url: [lines]}, "all_errors": [lines]}``.

Every HTML page it serves gets ``/__devserver/reload.js`` (in the response only; the files
on disk, and so the published site, never have it): the script asks ``/__devserver/state``
for its page's version and reloads when the page was rewritten, and shows the articles'
errors in a banner. A page whose article is broken now is served as an error page naming
``path:line: message``, not as the last good page. A missing page is the site's 404.html.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import threading
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

RELOAD_JS = """(() => {
  const path = location.pathname;
  // the version of the page as it was served (not as the first question finds it)
  let seen = document.currentScript ? document.currentScript.dataset.version : null, shown = null;
  function banner(errors) {
    const key = JSON.stringify(errors);
    if (key === shown) return;
    shown = key;
    document.getElementById('devserver-errors')?.remove();
    if (!errors.length) return;
    const box = document.createElement('div');
    box.id = 'devserver-errors';
    box.setAttribute('role', 'alert');
    Object.assign(box.style, {position: 'fixed', left: '0', right: '0', bottom: '0', zIndex: '1000',
      background: '#7a1010', color: '#fff', padding: '0.6em 1em', font: '14px/1.4 monospace',
      maxHeight: '40vh', overflow: 'auto'});
    const title = document.createElement('strong');
    title.textContent = 'Lỗi trong bài viết (bản xem trước chưa có các bài này):';
    box.append(title);
    for (const line of errors) {
      const item = document.createElement('div');
      item.textContent = line;
      box.append(item);
    }
    document.body.append(box);
  }
  async function tick() {
    try {
      const answer = await fetch('/__devserver/state?path=' + encodeURIComponent(path), {cache: 'no-store'});
      const state = await answer.json();
      if (seen !== null && state.version !== seen) { location.reload(); return; }
      seen = state.version;
      banner(state.all_errors);
    } catch (error) { /* the server restarts: try again */ }
    setTimeout(tick, 250);
  }
  tick();
})();
"""
SCRIPT_TAG = '<script src="/__devserver/reload.js" data-version="{version}" defer></script>'

ERROR_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Lỗi trong bài viết</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>Bài viết này đang có lỗi</h1>
<p>Bản lưu gần nhất của bài không đọc được, nên trang chưa được dựng lại. Sửa các lỗi sau rồi lưu lại:</p>
<ul>{items}</ul></main></body></html>
"""


def read_state(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"build": 0, "busy": True, "errors": {}, "all_errors": []}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class DevHandler(http.server.SimpleHTTPRequestHandler):
    state_path: Path

    def log_message(self, *args):   # the build's messages are what an editor reads
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def _file_of(self, url_path: str) -> Path:
        relative = unquote(url_path).lstrip("/")
        target = Path(self.directory) / relative
        return target / "index.html" if url_path.endswith("/") or target.is_dir() else target

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _html(self, status: int, body: bytes, page: str, state: dict) -> None:
        tag = SCRIPT_TAG.format(version=self._page_state(page, state)["version"]).encode()
        head = body.find(b"</head>")
        body = body[:head] + tag + body[head:] if head >= 0 else body + tag
        self._send(status, body, "text/html; charset=utf-8")

    def do_GET(self):
        parts = urlsplit(self.path)
        state = read_state(self.state_path)
        if parts.path == "/__devserver/reload.js":
            return self._send(200, RELOAD_JS.encode(), "text/javascript; charset=utf-8")
        if parts.path == "/__devserver/state":
            page = parse_qs(parts.query).get("path", ["/"])[0]
            return self._send(200, json.dumps(self._page_state(page, state)).encode(), "application/json")
        errors = state.get("errors", {}).get(parts.path)
        if errors:
            items = "".join(f"<li><code>{_escape(line)}</code></li>" for line in errors)
            return self._html(200, ERROR_PAGE.format(items=items).encode(), parts.path, state)
        target = self._file_of(parts.path)
        if target.suffix == ".html":
            if target.is_file():
                return self._html(200, target.read_bytes(), parts.path, state)
            missing = Path(self.directory) / "404.html"
            return self._html(404, missing.read_bytes() if missing.is_file() else b"<!DOCTYPE html><title>404</title>",
                              parts.path, state)
        if not target.exists():
            missing = Path(self.directory) / "404.html"
            if missing.is_file():
                return self._html(404, missing.read_bytes(), parts.path, state)
        return super().do_GET()

    def _page_state(self, page: str, state: dict) -> dict:
        """The page's version: its bytes, and its errors (changed by a fix as by a save). Bytes,
        not the file's time: a page rendered at once and then again by the build, the same,
        reloads once."""
        target = self._file_of(page)
        try:
            stamp = hashlib.blake2b(target.read_bytes(), digest_size=8).hexdigest()
        except OSError:
            stamp = ""
        errors = state.get("errors", {}).get(page, [])
        version = hashlib.blake2b(repr((stamp, errors)).encode(), digest_size=8).hexdigest()
        return {"version": version, "busy": state.get("busy", False), "build": state.get("build", 0),
                "all_errors": state.get("all_errors", [])}


def watch(paths: list[str], connection) -> None:
    """Send each batch of changed paths to the build process, as they come."""
    import watchfiles

    for changes in watchfiles.watch(*paths, debounce=400, step=30, rust_timeout=1000):
        connection.send(sorted(path for _, path in changes))


def serve(bind: str, port: int, output: str, state_path: str, paths: list[str], connection) -> None:
    """The server process: the watcher in a thread, the HTTP server in the main thread."""
    threading.Thread(target=watch, args=(paths, connection), daemon=True).start()
    handler = functools.partial(DevHandler, directory=output)
    DevHandler.state_path = Path(state_path)
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    with http.server.ThreadingHTTPServer((bind, port), handler) as server:
        server.serve_forever()
