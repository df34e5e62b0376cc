"""Pelican reader for the archive's article files (YAML front matter + Markdown).

It parses with ``newsarchive.frontmatter`` -- the same parser and messages as
``newsarchive check`` -- so a broken article stops the build with
``path:line: message`` instead of a traceback or a silently missing page.
"""

from __future__ import annotations

import html
import logging
import os
import sys
from collections import Counter

from blinker import signal
from pelican import signals
from pelican.contents import Author, Category, Tag
from pelican.readers import MarkdownReader

from newsarchive.check import Record, collisions
from newsarchive.frontmatter import FrontMatterError, display, load, parse_date, problems
from newsarchive.site.options import check_prefixed
from newsarchive.site.urls import article_url
from newsarchive.tree import escapes, link_problems, outside_message

from .cache import scope_cache
from .markdown_body import BodyRenderer
from .settings import DEFAULTS

logger = logging.getLogger(__name__)

# Messages collected while reading; the build stops once every file was read.
ERRORS: list[str] = []
# Each build's messages, for whoever shows them elsewhere (plugins/fast_build/devserver.py).
ARCHIVE_ERRORS = signal("archive_reader_errors")


class ArchiveReader(MarkdownReader):
    """Markdown files whose metadata is a YAML block between ``---`` lines."""

    enabled = True
    file_extensions = ["md", "markdown"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._render = BodyRenderer(self.settings.get("ARCHIVE_READER_MARKDOWN",
                                                      DEFAULTS["ARCHIVE_READER_MARKDOWN"]))

    def read(self, source_path):
        shown, root = display(source_path), self.settings["PATH"]
        real = self._outside(source_path, root)
        if real:      # a symlink out of the content folder: never read
            return self._fail(f"{shown}:1: {outside_message(real, 'content')}")
        try:
            doc = load(source_path)
        except FrontMatterError as exc:
            return self._fail(f"{shown}:{exc.line}: {exc.message}")
        found = problems(doc)
        if "static" in doc.body or "attach" in doc.body:      # a {static}/{attach} link, maybe
            found += link_problems(doc.body, doc.body_line, os.path.relpath(os.path.dirname(source_path), root))
        if found:
            for line, message in found:
                ERRORS.append(f"{shown}:{line}: {message}")
            raise ValueError(f"{shown}: {len(found)} lỗi")
        try:
            content = self._render(doc.body)
            # slug_line: where the slug stands, for the duplicate check (``records``)
            return content, {**self._metadata(doc.meta), "slug_line": doc.key_lines["slug"]}
        except Exception as exc:  # noqa: BLE001 - shown as path:line, never a traceback
            return self._fail(f"{shown}:{doc.body_line}: không đọc được bài ({exc})")

    def _outside(self, source_path: str, root: str) -> str | None:
        """Where a file leads when that is outside the content folder. A folder found inside
        is remembered for this build (readers are made afresh for each): its other files cost
        one lstat each, not one per part of their path."""
        folder = os.path.dirname(source_path)
        inside = self.__dict__.setdefault("_inside_folders", set())
        if folder in inside and not os.path.islink(source_path):
            return None
        real = escapes(source_path, root)
        if real is None:
            inside.add(folder)
        return real

    def _fail(self, message: str):
        ERRORS.append(message)
        raise ValueError(message)

    def _metadata(self, meta: dict) -> dict:
        """Pelican's metadata from a front matter ``problems`` found nothing wrong with: only the
        keys of ``newsarchive.article.KEYS``, so nothing Pelican honours (save_as, url, template,
        status...) can come from an article. A withdrawn article is skipped (Pelican's "skip")."""
        settings, out = self.settings, {}
        for key, value in meta.items():
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            if key == "date":
                out[key] = parse_date(value)
            elif key == "tags":
                out[key] = [Tag(t.strip(), settings) for t in value]
            elif key == "author":
                out[key] = Author(value.strip(), settings)
            elif key == "category":
                out[key] = Category(value.strip(), settings)
            elif key == "summary":
                out[key] = html.escape(value.strip())
            elif key == "withdrawn":
                out["status"] = "skip"
            else:
                out[key] = value
        return out


def add_reader(readers):
    """``readers_init``: ``.md`` and ``.markdown`` are read by this reader."""
    for extension in ArchiveReader.file_extensions:
        readers.reader_classes[extension] = ArchiveReader


def unclaim_disabled(generator):
    """``generator_init``: an extension an enabled reader reads is no disabled reader's.

    Pelican lists its own Markdown reader as disabled when the ``markdown`` package is
    missing (it is: bodies are CommonMark by markdown-it-py), and then warns "Could not
    import 'markdown.Markdown'" once per ``.md`` file, although this reader reads them
    (``Readers.disabled_readers`` is filled after ``readers_init``, so it is emptied here,
    once the generator has its readers)."""
    readers = generator.readers
    for extension in [name for name in readers.disabled_readers if name in readers.readers]:
        del readers.disabled_readers[extension]


def records(generator) -> list[Record]:
    """Slug and URL of every article the generator holds whose slug another one has too (read
    now, cached or read in a worker): the only ones ``collisions`` can report."""
    contents = [c for c in (*getattr(generator, "articles", []), *getattr(generator, "translations", []),
                            *getattr(generator, "hidden_articles", []), *getattr(generator, "drafts", []),
                            *getattr(generator, "pages", []), *getattr(generator, "hidden_pages", []),
                            *getattr(generator, "draft_pages", [])) if hasattr(c, "slug_line")]
    shared = {slug for slug, count in Counter(c.slug for c in contents).items() if count > 1}
    return [Record(display(c.source_path), c.slug, c.slug_line,
                   article_url(c.date, c.slug, c.settings["ARTICLE_URL"]) if hasattr(c, "date") else None)
            for c in contents if c.slug in shared]


def stop_on_errors(generator):
    """After all articles were read: report every broken file, then refuse to build.

    Exits without a traceback. Under ``make devserver`` (``ARCHIVE_READER_FATAL``
    false) the build goes on without the broken files: Pelican's autoreload loop
    would rebuild again at once, without end, after any exception.
    """
    ERRORS.extend(str(finding) for finding in collisions(records(generator)))
    if not ERRORS:
        return
    errors = list(dict.fromkeys(ERRORS))
    ERRORS.clear()
    ARCHIVE_ERRORS.send(generator, errors=errors)   # make devserver shows them on the pages
    for message in errors:
        print(message, file=sys.stderr)
    if not generator.settings.get("ARCHIVE_READER_FATAL", DEFAULTS["ARCHIVE_READER_FATAL"]):
        print(f"{len(errors)} lỗi trong bài viết: các bài lỗi chưa hiện trên trang cho đến khi được sửa.",
              file=sys.stderr)
        return
    print(f"Dừng dựng trang: {len(errors)} lỗi trong bài viết (chạy 'newsarchive check' để xem).",
          file=sys.stderr)
    raise SystemExit(1)


def check_settings(pelican_object):
    """``initialized``: an ARCHIVE_READER_ setting this reader does not have is an error."""
    check_prefixed("ARCHIVE_READER_", DEFAULTS, pelican_object.settings)


def register():
    signals.initialized.connect(check_settings)
    signals.initialized.connect(scope_cache)
    signals.readers_init.connect(add_reader)
    signals.generator_init.connect(unclaim_disabled)
    signals.article_generator_finalized.connect(stop_on_errors)
    signals.page_generator_finalized.connect(stop_on_errors)
