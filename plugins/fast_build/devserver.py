"""``make devserver``: build, serve, and rebuild on every save, in one process that stays.

    PYTHONPATH=plugins python -m fast_build.devserver CONTENT -o OUTPUT.new -s pelicanconf.py --listen \\
        --cache-path OUTPUT.cache -b 127.0.0.1 -p 8000 -e 'PUBLISHED_PATH="OUTPUT"'

It takes Pelican's own arguments (``pelican.parse_arguments``) and builds with the
``Pelican`` object ``pelican.get_instance`` makes, as ``pelican --autoreload --listen``
does, but:

* each build is staged and published as ``make html`` does (``OUTPUT.new`` committed into
  ``PUBLISHED_PATH``): the site served is always one a clean build makes, stale pages gone;
* the build process stays (``resident``): the articles read by the last build are taken
  from memory, the content cache is saved in the background, and the page of an article
  just saved is rendered at once, before the build that brings the rest up to date;
* a second process (``devserver_http``) watches the content folder (with any folder created
  in it later, ``content/images/`` too), the theme and the settings file, and serves the
  output with a live-reload script, an error page for a broken article, and the site's 404;
* a broken article is reported as ``path:line: message`` on the terminal and on its page,
  and the server goes on serving the rest.

On a Pelican fast_build was not written for, it runs ``pelican --autoreload --listen``.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import sys
import time
from pathlib import Path

from blinker import signal

from newsarchive.frontmatter import display
from newsarchive.site.errors import one_line
from newsarchive.site.staging import Staging

from . import resident
from .commit import commit
from .devserver_http import serve
from .pelican_internals import incompatibility

ARCHIVE_ERRORS = signal("archive_reader_errors")   # sent by archive_reader with each build's lines


class Builder:
    def __init__(self, args):
        from pelican import get_instance

        self.args = args
        self.get_instance = get_instance
        self.pelican, self.settings = get_instance(args)
        self.staging = Staging.of(self.settings)
        # What is served: the published site of a staged build (make devserver, as make html),
        # else the output itself.
        self.output = self.staging.published or self.staging.output
        self.state_path = self.output.with_name(self.output.name + ".devserver.json")
        self.content = Path(self.settings["PATH"])
        self.settings_file = str(Path(args.settings).resolve()) if args.settings else ""
        self.build = 0
        self.errors: list[str] = []
        ARCHIVE_ERRORS.connect(self.collect, weak=False)

    def collect(self, sender, errors=()):
        self.errors.extend(errors)

    def write_state(self, busy: bool) -> None:
        urls = {display(article.source_path): "/" + article.url
                for _, article in resident._MEMO.values() if hasattr(article, "url")}
        by_url: dict[str, list[str]] = {}
        for line in self.errors:
            shown = line.split(":", 1)[0]
            if shown in urls:
                by_url.setdefault(urls[shown], []).append(line)
        state = {"build": self.build, "busy": busy, "errors": by_url, "all_errors": self.errors}
        temporary = self.state_path.with_name(self.state_path.name + ".tmp")
        temporary.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, self.state_path)

    def run(self) -> None:
        self.write_state(busy=True)
        self.errors = []
        started = time.perf_counter()
        try:
            if self.staging.published is not None:
                shutil.rmtree(self.staging.output, ignore_errors=True)
            self.pelican.run()
            if self.staging.published is not None:   # as make html: moved in, what is gone deleted
                commit(self.staging.output, self.staging.published)
        except Exception as error:  # noqa: BLE001 - one line, and the server goes on
            print(f"Dựng trang thất bại: {one_line(error)}", file=sys.stderr)
        self.build += 1
        # From now on the articles of the last build are in memory (resident.recall).
        self.settings["LOAD_CONTENT_CACHE"] = False
        self.write_state(busy=False)
        print(f"Đã dựng lại sau {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)

    def changed(self, paths: list[str]) -> None:
        if self.settings_file in paths:
            self.pelican, self.settings = self.get_instance(self.args)
            return
        for path in paths:
            source = Path(path)
            if source.suffix.lower() in (".md", ".markdown") and source.is_file():
                try:
                    name = str(source.resolve().relative_to(self.content.resolve()))
                except ValueError:
                    continue
                written = resident.render_now(name, self.output)
                if written:
                    self.write_state(busy=True)


def watched(settings, settings_file: str) -> list[str]:
    return [path for path in (settings["PATH"], settings["THEME"], settings_file) if path and os.path.exists(path)]


def main(argv=None) -> int:
    from pelican import main as pelican_main
    from pelican import parse_arguments

    argv = list(sys.argv[1:] if argv is None else argv)
    problem = incompatibility()
    if problem:
        print(f"fast_build tắt ({problem}): dùng pelican --autoreload --listen", file=sys.stderr)
        return pelican_main([*argv, "--autoreload", "--listen"]) or 0
    args = parse_arguments(argv)
    resident.ACTIVE = True
    builder = Builder(args)
    receive, send = multiprocessing.get_context("fork").Pipe(duplex=False)
    bind, port = builder.settings.get("BIND") or "127.0.0.1", int(builder.settings.get("PORT") or 8000)
    server = multiprocessing.get_context("fork").Process(
        target=serve, args=(bind, port, str(builder.output), str(builder.state_path),
                            watched(builder.settings, builder.settings_file), send), daemon=True)
    server.start()
    print(f"Xem trước tại http://{bind}:{port}/ (Ctrl-C để dừng)", file=sys.stderr, flush=True)
    try:
        builder.run()
        while True:
            paths = receive.recv()
            while receive.poll(0.05):   # saves that come together are built together
                paths += receive.recv()
            builder.changed(sorted(set(paths)))
            builder.run()
    except KeyboardInterrupt:
        return 0
    finally:
        resident.reap(wait=True)
        server.terminate()


if __name__ == "__main__":
    raise SystemExit(main())
