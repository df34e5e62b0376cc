"""Keep Pelican's content cache honest: one cache folder per reading setup.

Pelican's content cache (``CACHE_CONTENT``/``LOAD_CONTENT_CACHE``)
stores finished Article objects (generator layer), keyed by file path and
checked against the file's stamp only. It does not notice a change of settings
(Tag and Author objects are pickled with the settings they were made with) nor
of the code that made them. So the cache goes into ``CACHE_PATH/<fingerprint>``,
the fingerprint covering the settings, the sources and data of plugins/ and
newsarchive/ and the versions of Pelican and markdown-it-py: change any of them and
the next build reads everything afresh into a new folder. The two most recently used
other folders stay (``make publish`` and ``make html`` share a cache path); older
ones are deleted.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

import markdown_it
import pelican

# Settings that name where things are or how many processes work, not how articles are read.
# PATH is not among them: cached articles carry their absolute source path, so two content
# folders must not share entries that have the same relative name and bytes.
_PLACES = {"OUTPUT_PATH", "CACHE_PATH", "LOAD_CONTENT_CACHE", "CACHE_CONTENT", "PLUGIN_PATHS", "FAST_BUILD"}
_ROOT = Path(__file__).resolve().parents[2]
# The cache holds finished Article objects (CONTENT_CACHING_LAYER "generator"): what
# every plugin did to them at content_object_init, with newsarchive's code and data.
SOURCES = sorted(path for folder in ("plugins", "newsarchive") for pattern in ("*.py", "*.yaml")
                 for path in (_ROOT / folder).rglob(pattern) if "__pycache__" not in path.parts)


def fingerprint(settings) -> str:
    digest = hashlib.sha256(f"{pelican.__version__} {markdown_it.__version__}".encode())
    for key in sorted(settings):
        text = repr(settings[key])
        if key in _PLACES or " at 0x" in text:  # functions and objects: no stable repr
            continue
        digest.update(f"{key}={text}\n".encode())
    for source in SOURCES:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


# Cache folders of other setups kept beside the one in use (publishconf's and pelicanconf's
# builds share a cache path); older ones, left by code or settings changed since, go.
KEEP_OTHERS = 2
_FOLDER_NAME = re.compile(r"[0-9a-f]{16}")


def prune(parent: Path, current: str, keep: int = KEEP_OTHERS) -> None:
    others = sorted((path for path in parent.iterdir()
                     if path.is_dir() and path.name != current and _FOLDER_NAME.fullmatch(path.name)),
                    key=lambda path: path.stat().st_mtime, reverse=True)
    for stale in others[keep:]:
        shutil.rmtree(stale, ignore_errors=True)


def scope_cache(pelican_object) -> None:
    settings = pelican_object.settings
    if settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE"):
        name = fingerprint(settings)
        parent = Path(settings["CACHE_PATH"])
        settings["CACHE_PATH"] = os.path.join(settings["CACHE_PATH"], name)
        folder = Path(settings["CACHE_PATH"])
        if folder.is_dir():
            os.utime(folder)   # in use: the most recent
        if parent.is_dir():
            prune(parent, name)
