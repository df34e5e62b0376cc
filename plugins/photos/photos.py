"""Responsive photos: every picture of a body from the content folder, resized once, shown at the width
the reader's screen needs.

1. ``content_object_init`` (after ``sanitize``; cached with the article): the body's pictures are
   marked and the figures made (``markup.mark``); ``article.photo_sources`` lists them.
2. ``article_generator_finalized`` / ``page_generator_finalized`` (every build): each source is
   looked up in the photo cache (``library.Library``: a file whose size, time and inode did not
   change is not read), the new ones are resized, on every core; ``article.photos`` gets one record
   per picture (its published paths and size), which the page's key digests, so a changed picture
   re-renders exactly the pages that show it.
3. ``all_generators_finalized``: the source pictures are taken out of Pelican's static files (this
   plugin publishes them), and at ``finalized`` the originals and copies are published through
   ``newsarchive.site.published`` (kept, not copied, when the live site has them).

The theme calls the ``photos`` filter on the body (``markup.render``), takes ``og:image`` and the
listing thumbnail from ``article.photos``.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path
from urllib.parse import quote

from jinja2 import pass_context
from pelican import signals

from newsarchive.frontmatter import display
from newsarchive.site.options import merged
from newsarchive.site.published import Publisher

from . import markup
from .library import Library
from .settings import DEFAULTS

logger = logging.getLogger(__name__)

_SANITIZE_DEFAULT_ALT = "Ảnh minh họa"
_SCOPED = re.compile(r"[0-9a-f]{16}")   # plugins/archive_reader/cache.py's folder names
# The build's library and what it publishes (one build per process at a time).
_STATE: dict = {}


def options_of(settings) -> dict:
    return merged("PHOTOS", DEFAULTS, settings.get("PHOTOS"))


def check_settings(pelican_object):
    """``initialized``: an unknown PHOTOS key stops the build before anything is read."""
    options_of(pelican_object.settings)
    _STATE.clear()


def start_build(generator) -> None:
    """``article_generator_init``: a build starts from nothing of the last one (make devserver keeps
    the process, and a failed build may leave some behind)."""
    _STATE.clear()


def add_filter(generator):
    """``generator_init``: the theme's ``photos`` filter."""
    generator.env.filters["photos"] = photos_filter


def _content_root(settings) -> Path:
    return Path(os.path.abspath(settings["PATH"]))


def mark_content(content) -> None:
    """``content_object_init``: mark the body's pictures (see ``markup.mark``)."""
    settings = content.settings
    body = getattr(content, "_content", None)
    if not body or "<img" not in body or not options_of(settings)["enabled"]:
        return
    default_alt = (settings.get("SANITIZE") or {}).get("default_alt", _SANITIZE_DEFAULT_ALT)
    source = Path(os.path.abspath(content.source_path))
    marked, sources, missing = markup.mark(body, source, _content_root(settings), settings.get("SITEURL", ""),
                                           default_alt)
    content._content = marked
    if sources:
        content.photo_sources = sources
    if missing:
        content.photo_missing = missing


def cache_root(settings) -> Path:
    """The cache folder the build was given: archive_reader reads articles into a sub-folder named by
    the fingerprint of the code and settings (``CACHE_PATH/<16 hex>``), which any change of code
    replaces; resized copies depend only on the picture and ``PHOTOS`` (library.variant_key), so they
    are kept beside it and survive that."""
    path = Path(settings["CACHE_PATH"])
    return path.parent if _SCOPED.fullmatch(path.name) else path


def _library(settings) -> Library:
    if "library" not in _STATE:
        _STATE["library"] = Library(cache_root(settings), options_of(settings))
        _STATE["published"] = {}
    return _STATE["library"]


def _resize_everywhere(library: Library, todo: list) -> None:
    """Resize ``todo`` in forked workers when there are many (fast_build's, when it is there)."""
    try:
        from fast_build.forking import available_cores, fork_map, split
    except ImportError:   # fast_build not installed: one process
        library.learn(library.resize(todo))
        return
    parts = split(todo, available_cores()) if len(todo) > 3 else [todo]
    for done in fork_map(library.resize, parts):
        library.learn(done)


def _line_of(path: str, text: str) -> int:
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if text in line:
                    return number
    except OSError:
        pass
    return 1


def _warn(content, src: str, reason: str) -> None:
    """One line on stderr, as the build's other article messages (never wrapped by the log's columns)."""
    line = _line_of(content.source_path, src)
    print(f"{display(content.source_path)}:{line}: cảnh báo: ảnh '{src}' {reason}", file=sys.stderr)


def resolve_photos(generator) -> None:
    """``*_generator_finalized``: ``photos`` of every article or page that shows pictures."""
    settings = generator.settings
    options = options_of(settings)
    if not options["enabled"]:
        return
    contents = [c for c in (*getattr(generator, "articles", []), *getattr(generator, "translations", []),
                            *getattr(generator, "pages", []), *getattr(generator, "hidden_pages", []))
                if getattr(c, "photo_sources", None) or getattr(c, "photo_missing", None)]
    if not contents:
        return
    library, root = _library(settings), _content_root(settings)
    digests = {}
    for content in contents:
        for src, why in getattr(content, "photo_missing", ()):
            _warn(content, src, why)
        for rel in getattr(content, "photo_sources", ()):
            if rel not in digests:
                digests[rel] = library.digest(rel, root / rel)
    todo = sorted({(digest, str(root / rel)) for rel, digest in digests.items()
                   if digest is not None and library.meta(digest) is None})
    if todo:
        _resize_everywhere(library, [(digest, Path(path)) for digest, path in todo])
    published = _STATE["published"]
    for content in contents:
        records = []
        for rel in getattr(content, "photo_sources", ()):
            digest = digests[rel]
            meta = library.meta(digest) if digest else None
            if meta is None or meta.refused:
                _warn(content, rel.rsplit("/", 1)[-1], meta.refused if meta else "không còn tệp")
                records.append(None)
                continue
            records.append(_record(rel, digest, meta, library, published, root))
        content.photos = records
    library.save()


def _copy_name(rel: str, tag: str, suffix: str) -> str:
    stem, _ = os.path.splitext(rel)
    return f"{stem}.{tag}.{suffix}"


def _record(rel: str, digest: str, meta, library: Library, published: dict, root: Path) -> dict:
    """What a page shows of a picture (paths from the site root), and what to publish for it."""
    tag = digest[:8] + library.key[:4]
    folder = library.folder(digest)
    webp = [(_copy_name(rel, tag, f"{width}.webp"), width) for width in meta.webp]
    published[rel] = (root / rel, False)
    for (name, width) in webp:
        published[name] = (folder / f"{width}.webp", True)
    thumbnail = None
    if meta.thumbnail:
        name = _copy_name(rel, tag, "thumb.webp")
        published[name] = (folder / "thumbnail.webp", True)
        thumbnail = {"url": quote(name), "width": meta.thumbnail[0], "height": meta.thumbnail[1]}
    return {"url": quote(rel), "width": meta.width, "height": meta.height,
            "webp": [(quote(name), width) for name, width in webp], "thumbnail": thumbnail}


def take_static_files(pelican_object_or_generators) -> None:
    """``all_generators_finalized``: the pictures this plugin publishes are no static files of
    Pelican's (which copies every one on every build)."""
    published = _STATE.get("published")
    if not published:
        return
    for generator in pelican_object_or_generators:
        files = getattr(generator, "staticfiles", None)
        if files is None:
            continue
        root = _content_root(generator.settings)
        files[:] = [f for f in files
                    if os.path.relpath(os.path.abspath(f.source_path), root).replace(os.sep, "/") not in published]
        generator.context["staticfiles"] = files


def publish(pelican_object) -> None:
    """``finalized``: originals and copies into the output (kept where the live site has them)."""
    published = _STATE.get("published")
    if not published:
        return
    settings = pelican_object.settings
    publisher = Publisher(settings)
    for name in sorted(published):
        source, link = published[name]
        publisher.copy(name, source, link=link)
    publisher.close()
    library = _STATE["library"]
    library.report({"files": len(published), "resized": library.resized, "written": publisher.written})
    logger.info("Ảnh: %d tệp, %d ảnh mới thu nhỏ, %d tệp ghi mới", len(published), library.resized,
                publisher.written)
    _STATE.clear()


@pass_context
def photos_filter(context, body, content):
    """``{{ article.content|photos(article) }}``: the body with its pictures made responsive."""
    records = getattr(content, "photos", None)
    if records is None:
        return body
    options = options_of(context)
    return markup.render(str(body), records, context.get("SITEURL", ""), options["sizes"])


def register():
    signals.initialized.connect(check_settings)
    signals.generator_init.connect(add_filter)
    signals.article_generator_init.connect(start_build)
    signals.content_object_init.connect(mark_content)
    signals.article_generator_finalized.connect(resolve_photos)
    signals.page_generator_finalized.connect(resolve_photos)
    signals.all_generators_finalized.connect(take_static_files)
    signals.finalized.connect(publish)
