"""Index the written site with Pagefind (from the ``pagefind-bin`` wheel).

* ``content_object_init``: give each article ``search_folded``, the đ -> d form of
  its words that contain đ. Pagefind 1.5 folds tone marks but not đ, so without
  it "dang" never finds "Đảng"; the theme puts these words in a hidden element
  inside ``data-pagefind-body``.
* ``finalized``: run the Pagefind binary over ``OUTPUT_PATH``.
"""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from pathlib import Path

from pelican import signals

from newsarchive.vietnamese import fold_d

from .settings import DEFAULTS
from .stable import UnknownIndexFormat, canonicalise

logger = logging.getLogger(__name__)

_D_WORD = re.compile(r"\w*[đĐ]\w*")
_TAG = re.compile(r"<[^>]+>")


class PagefindError(RuntimeError):
    pass


def settings_of(pelican_settings) -> dict:
    return {**DEFAULTS, **(pelican_settings.get("PAGEFIND") or {})}


def folded_d_words(html_text: str) -> str:
    """Unique đ-words of a page, with đ written d, in first-seen order."""
    seen = dict.fromkeys(fold_d(w) for w in _D_WORD.findall(_TAG.sub(" ", html_text)))
    return " ".join(seen)


def add_folded_words(content):
    if content.__class__.__name__ != "Article":
        return
    text = " ".join([content.title, getattr(content, "_content", "") or "",
                     " ".join(t.name for t in getattr(content, "tags", []))])
    content.search_folded = folded_d_words(text)


def command(output_path: str, options: dict) -> list[str]:
    from pagefind_bin import get_executable

    return [str(get_executable()), "--site", output_path,
            "--output-subdir", options["output_subdir"],
            "--force-language", options["language"], "--quiet"]


def run_pagefind(output_path: str, options: dict) -> None:
    """The external step, in its own function so tests can call it directly."""
    result = subprocess.run(command(output_path, options), capture_output=True, text=True)
    if result.returncode != 0:
        raise PagefindError(result.stderr.strip() or result.stdout.strip())


def index_site(pelican):
    options = settings_of(pelican.settings)
    if not options["enabled"]:
        return
    try:
        run_pagefind(pelican.settings["OUTPUT_PATH"], options)
        canonicalise(Path(pelican.settings["OUTPUT_PATH"]) / options["output_subdir"])
    except (PagefindError, UnknownIndexFormat, OSError) as exc:
        print(f"Lỗi tạo chỉ mục tìm kiếm (Pagefind): {exc}", file=sys.stderr)
        raise SystemExit(1) from None


def register():
    signals.content_object_init.connect(add_folded_words)
    signals.finalized.connect(index_site)
