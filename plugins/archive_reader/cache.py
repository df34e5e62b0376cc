"""Keep Pelican's reader cache honest: one cache folder per reading setup.

Pelican's content cache (``CACHE_CONTENT``/``LOAD_CONTENT_CACHE``, reader layer)
stores what ``ArchiveReader.read`` returned, keyed by file path and checked
against the file's stamp only. It does not notice a change of settings (Tag and
Author objects are pickled with the settings they were made with) nor of the
reader's code. So the cache goes into ``CACHE_PATH/<fingerprint>``, the
fingerprint covering the settings, the reader's sources and the versions of
Pelican and Markdown: change any of them and the next build reads everything
afresh into a new folder.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import markdown
import pelican

# Settings that name where things are, not how articles are read.
_PLACES = {"PATH", "OUTPUT_PATH", "CACHE_PATH", "LOAD_CONTENT_CACHE", "CACHE_CONTENT", "PLUGIN_PATHS"}
_ROOT = Path(__file__).resolve().parents[2]
SOURCES = [Path(__file__).with_name("archive_reader.py"), _ROOT / "newsarchive" / "frontmatter.py",
           _ROOT / "newsarchive" / "article.py"]


def fingerprint(settings) -> str:
    digest = hashlib.sha256(f"{pelican.__version__} {markdown.__version__}".encode())
    for key in sorted(settings):
        text = repr(settings[key])
        if key in _PLACES or " at 0x" in text:  # functions and objects: no stable repr
            continue
        digest.update(f"{key}={text}\n".encode())
    for source in SOURCES:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def scope_cache(pelican_object) -> None:
    settings = pelican_object.settings
    if settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE"):
        settings["CACHE_PATH"] = os.path.join(settings["CACHE_PATH"], fingerprint(settings))
